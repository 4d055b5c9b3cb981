//! The line-up problem of a series, as the register and the consultation state it, and its
//! solution within a page's patience: one function each for the builder page and the API.

use std::collections::{BTreeMap, HashMap};

use domain::seminars::consultation::Willing;
use domain::seminars::SeminarStatus;
use domain::ErrorKey;
use lineup::{Candidate, Interest, Lock, Problem};

use crate::OrNotFound;
use crate::{AppError, AppState};

/// How long a page waits for a proof of optimality; past it, the page says so (the CLI has no
/// such limit but the solver's own).
const PAGE_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Solves with the page's time limit; a problem the solver cannot prove in time is an error
/// the user reads in their language.
pub fn solve(problem: &Problem) -> Result<lineup::Solution, AppError> {
    let options = lineup::SolveOptions {
        time_limit: Some(PAGE_TIME_LIMIT),
    };
    lineup::solve_with(problem, &options)
        .map(|(s, _)| s)
        .map_err(|e| {
            tracing::warn!(error = %e, "line-up problem");
            match e.code() {
                "time_limit" => AppError::new(ErrorKey::SolverTimeLimit),
                _ => AppError::field(
                    ErrorKey::BadRequest,
                    e.at().unwrap_or("problem").to_string(),
                ),
            }
        })
}

/// The problem of a series as the register and the consultation state it, with the
/// coordinator's locks (state 1) and removals (state -1).
pub async fn problem(
    state: &AppState,
    series: &str,
) -> Result<(Problem, HashMap<String, String>), AppError> {
    let db = &state.db;
    let series_rec = db.series(series).await?.or_404()?;
    // The partner country of the group: its authorities share each seminar with the French.
    let partner = db
        .group(&series_rec.group_id)
        .await?
        .map(|g| g.country)
        .unwrap_or_else(|| "KR".into());
    // Cancelled seminars are out of the problem.
    let seminars: Vec<_> = db
        .seminars(series)
        .await?
        .into_iter()
        .filter(|s| s.status != SeminarStatus::Cancelled)
        .collect();
    let open = |id: &str| seminars.iter().any(|s| s.id == id);
    let consultation = db.consultation_of_series(series).await?.or_404()?;
    let answers: Vec<_> = db
        .answers(&consultation.id)
        .await?
        .into_iter()
        .filter(|a| a.answer.willing != Willing::No)
        .collect();
    let ids: Vec<&str> = answers.iter().map(|a| a.organisation_id.as_str()).collect();
    let orgs = db.organisations_by_ids(&ids).await?;
    let mut removed = Vec::new();
    let mut locked = Vec::new();
    for s in &seminars {
        for (org, st) in db.facilitators(&s.id).await? {
            match st {
                1 => locked.push(Lock {
                    candidate: org,
                    seminar: s.id.clone(),
                }),
                -1 => removed.push((org, s.id.clone())),
                _ => {}
            }
        }
    }
    let mut names = HashMap::new();
    let mut candidates = Vec::new();
    let mut interests = Vec::new();
    for a in &answers {
        let Some(o) = orgs.get(&a.organisation_id) else {
            continue;
        };
        names.insert(o.org.id.clone(), o.org.id.clone());
        candidates.push(Candidate {
            id: o.org.id.clone(),
            country: o.org.country.as_str().to_string(),
            level: o
                .org
                .level
                .map(|l| l.code())
                .unwrap_or(o.org.kind.code())
                .to_string(),
            population: o.org.population.and_then(|p| u64::try_from(p).ok()),
        });
        for (seminar, rank) in &a.answer.ranks {
            if open(seminar)
                && !removed
                    .iter()
                    .any(|(o2, s2)| o2 == &o.org.id && s2 == seminar)
            {
                interests.push(Interest {
                    candidate: o.org.id.clone(),
                    seminar: seminar.clone(),
                    rank: i64::from(*rank),
                });
            }
        }
    }
    // A lock on a seminar the candidate no longer chose is dropped rather than kept broken.
    locked.retain(|l| {
        interests
            .iter()
            .any(|i| i.candidate == l.candidate && i.seminar == l.seminar)
    });
    let (all, _) = db.partnerships(&Default::default(), 100_000, 0).await?;
    let partnerships = all
        .into_iter()
        .map(|p| (p.partnership.organisation_a, p.partnership.organisation_b))
        .filter(|(a, b)| names.contains_key(a) && names.contains_key(b))
        .collect();
    Ok((
        Problem {
            seminars: seminars
                .iter()
                .map(|s| lineup::Seminar {
                    id: s.id.clone(),
                    theme: s.theme.fr.clone(),
                })
                .collect(),
            candidates,
            interests,
            partnerships,
            locked,
            per_seminar: BTreeMap::from([("FR".to_string(), 2), (partner, 2)]),
            weights: Default::default(),
            allow_partial: false,
        },
        names,
    ))
}
