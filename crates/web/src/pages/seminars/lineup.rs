//! The line-up builder: from the consultation's answers and the register (country, level,
//! population, partnerships) it proposes, for every seminar, the line-up that solves the
//! contract's problem exactly, and says why in the user's language. The coordinator locks or
//! removes a facilitator and solves again; an infeasible set of answers is explained.

use crate::input::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::accounts::Action;
use domain::ErrorKey;
use lineup::{Reason, Status};

use crate::ctx::Ctx;
use crate::pages::render;
use crate::{AppError, AppState};

pub use crate::ops::lineup::{problem, solve};
use crate::OrNotFound;

/// Each place a partial line-up leaves empty, in words: the seminar, how many places of which
/// country, how many candidates of that country ranked it, and how many authorities of that
/// country the group has.
async fn unfilled_lines(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    problem: &lineup::Problem,
    solution: &lineup::Solution,
    seminars: &[storage::Seminar],
) -> Result<Vec<String>, AppError> {
    if solution.unfilled.is_empty() {
        return Ok(Vec::new());
    }
    let members = state.db.group_members(group).await?;
    let lang = ctx.lang;
    Ok(solution
        .unfilled
        .iter()
        .map(|u| {
            let country_of = |id: &str| {
                problem
                    .candidates
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| c.country.as_str())
            };
            let ranked = problem
                .interests
                .iter()
                .filter(|i| i.seminar == u.seminar && country_of(&i.candidate) == Some(&u.country))
                .count() as i64;
            let in_group = members
                .iter()
                .filter(|m| m.organisation.org.country.as_str() == u.country)
                .count() as i64;
            let seminar = seminars
                .iter()
                .find(|s| s.id == u.seminar)
                .map(|s| format!("#{} {}", s.position + 1, s.theme.get(lang.code())))
                .unwrap_or_else(|| u.seminar.clone());
            i18n::t_args(
                lang,
                "lineup-unfilled",
                &[
                    ("seminar", seminar.into()),
                    ("missing", u.missing.into()),
                    (
                        "country",
                        crate::view::country_label(lang, &u.country).into(),
                    ),
                    ("ranked", ranked.into()),
                    ("members", in_group.into()),
                ],
            )
        })
        .collect())
}

pub struct FacilitatorView {
    pub id: String,
    pub name: String,
    pub country: String,
    pub locked: bool,
}

pub struct SeminarView {
    pub id: String,
    pub number: i64,
    pub theme: String,
    pub facilitators: Vec<FacilitatorView>,
    pub removed: Vec<(String, String)>,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "seminars/lineup.html")]
struct LineupTemplate {
    page: crate::view::Page,
    series_id: String,
    series_title: String,
    optimal: bool,
    /// No full line-up exists: this one fills the most places.
    partial: bool,
    /// Each place left empty, in words.
    unfilled: Vec<String>,
    score: i64,
    seminars: Vec<SeminarView>,
    general: Vec<String>,
    message: Option<String>,
    demo: bool,
}

async fn builder_page(
    ctx: &Ctx,
    state: &AppState,
    series_id: &str,
    message: Option<String>,
) -> Result<Response, AppError> {
    let series = state.db.series(series_id).await?.or_404()?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let lang = ctx.lang;
    let (mut problem, _) = problem(state, series_id).await?;
    // A coordinator is never left with nothing: the fullest line-up, and why places stay empty.
    problem.allow_partial = true;
    let solution = solve(&problem)?;
    let seminars: Vec<_> = state
        .db
        .seminars(series_id)
        .await?
        .into_iter()
        .filter(|s| problem.seminars.iter().any(|p| p.id == s.id))
        .collect();
    let unfilled =
        unfilled_lines(ctx, state, &series.group_id, &problem, &solution, &seminars).await?;
    let ids: Vec<&str> = problem.candidates.iter().map(|c| c.id.as_str()).collect();
    let orgs = state.db.organisations_by_ids(&ids).await?;
    let name = |id: &str| {
        orgs.get(id)
            .map(|o| o.org.names.get(lang.code()).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let theme = |id: &str| {
        seminars
            .iter()
            .find(|s| s.id == id)
            .map(|s| format!("#{} {}", s.position + 1, s.theme.get(lang.code())))
            .unwrap_or_else(|| id.to_string())
    };
    let words = super::reasons::Words {
        lang,
        name: &name,
        seminar: &theme,
    };
    let seminar_of = |r: &Reason| -> Option<String> {
        match r {
            Reason::Chosen { seminar, .. }
            | Reason::Locked { seminar, .. }
            | Reason::TwinPair { seminar, .. }
            | Reason::DiverseLevels { seminar, .. }
            | Reason::SameLevel { seminar, .. }
            | Reason::DiverseSizes { seminar, .. }
            | Reason::SameSize { seminar, .. }
            | Reason::TooFewCandidates { seminar, .. }
            | Reason::LockConflict { seminar, .. } => Some(seminar.clone()),
            _ => None,
        }
    };
    let mut views = Vec::new();
    for s in &seminars {
        let entries = state.db.facilitators(&s.id).await?;
        let chosen = solution
            .lineup
            .iter()
            .find(|l| l.seminar == s.id)
            .map(|l| l.facilitators.clone())
            .unwrap_or_default();
        views.push(SeminarView {
            id: s.id.clone(),
            number: s.position + 1,
            theme: s.theme.get(lang.code()).to_string(),
            facilitators: chosen
                .iter()
                .map(|c| FacilitatorView {
                    name: name(c),
                    country: orgs
                        .get(c.as_str())
                        .map(|o| o.org.country.as_str().to_string())
                        .unwrap_or_default(),
                    locked: entries.iter().any(|(o, st)| o == c && *st == 1),
                    id: c.clone(),
                })
                .collect(),
            removed: entries
                .iter()
                .filter(|(_, st)| *st == -1)
                .map(|(o, _)| (o.clone(), name(o)))
                .collect(),
            reasons: solution
                .reasons
                .iter()
                .filter(|r| seminar_of(r).as_deref() == Some(s.id.as_str()))
                .map(|r| words.reason(r))
                .collect(),
        });
    }
    let general = solution
        .reasons
        .iter()
        .filter(|r| seminar_of(r).is_none())
        .map(|r| words.reason(r))
        .collect();
    let demo = state
        .db
        .consultation_of_series(series_id)
        .await?
        .is_some_and(|c| c.demo);
    let t = LineupTemplate {
        page: crate::view::Page::new(ctx, "seminars", ctx.t("lineup-title")),
        series_title: series.title.get(lang.code()).to_string(),
        series_id: series_id.to_string(),
        optimal: solution.status == Status::Optimal,
        partial: solution.status == Status::Partial,
        unfilled,
        score: solution.score,
        seminars: views,
        general,
        message,
        demo,
    };
    Ok(render(&t))
}

pub async fn builder(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(series): Path<String>,
) -> Result<Response, AppError> {
    builder_page(&ctx, &state, &series, None).await
}

#[derive(serde::Deserialize)]
pub struct ActForm {
    action: String,
    #[serde(default)]
    seminar: String,
    #[serde(default)]
    organisation: String,
}

/// Lock (1), remove (-1) or release (delete the entry) a facilitator, or save the proposal.
pub async fn act(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(series_id): Path<String>,
    Form(form): Form<ActForm>,
) -> Result<Response, AppError> {
    let series = state.db.series(&series_id).await?.or_404()?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let db = &state.db;
    let seminars = db.seminars(&series_id).await?;
    let message = match form.action.as_str() {
        "lock" | "remove" | "release" => {
            if !seminars.iter().any(|s| s.id == form.seminar) {
                return Err(AppError::field(ErrorKey::NotFound, "seminar"));
            }
            let mut entries: Vec<(String, i64)> = db
                .facilitators(&form.seminar)
                .await?
                .into_iter()
                .filter(|(o, st)| o != &form.organisation && *st != 0)
                .collect();
            match form.action.as_str() {
                "lock" => entries.push((form.organisation.clone(), 1)),
                "remove" => entries.push((form.organisation.clone(), -1)),
                _ => {}
            }
            db.set_lineup(&[(form.seminar.clone(), entries)]).await?;
            ctx.t("lineup-solved-again")
        }
        "save" => {
            let (problem, _) = problem(&state, &series_id).await?;
            let solution = solve(&problem)?;
            if solution.status == Status::Infeasible {
                return Err(AppError::new(ErrorKey::InvalidTransition));
            }
            let mut all = Vec::new();
            for s in &seminars {
                let kept: Vec<(String, i64)> = db
                    .facilitators(&s.id)
                    .await?
                    .into_iter()
                    .filter(|(_, st)| *st != 0)
                    .collect();
                let mut entries = kept.clone();
                for f in solution
                    .lineup
                    .iter()
                    .filter(|l| l.seminar == s.id)
                    .flat_map(|l| l.facilitators.iter())
                {
                    if !kept.iter().any(|(o, _)| o == f) {
                        entries.push((f.clone(), 0));
                    }
                }
                all.push((s.id.clone(), entries));
            }
            db.set_lineup(&all).await?;
            ctx.t("lineup-saved")
        }
        _ => return Err(AppError::field(ErrorKey::BadRequest, "action")),
    };
    builder_page(&ctx, &state, &series_id, Some(message)).await
}
