//! The facilitator line-up problem of the seminar series, solved exactly.
//!
//! A [`Problem`] (seminars, candidates, their interests, partnerships, locks, counts per
//! country and weights; see the platform's contracts) is [`check`]ed, then [`solve`]d:
//! first an exact feasibility check by bipartite matching, which names the seminar and
//! country that lack candidates, the locks that conflict, or the group of seminars that
//! share too few candidates; then a MILP solved to proven optimality by the pure-Rust
//! `microlp` solver through `good_lp`. The line-up found is checked against the hard rules
//! and rescored independently of the solver before it is returned.
//!
//! The explanation comes as data ([`Reason`]) for a UI to translate, and in English.
//! No I/O: this crate neither prints nor reads files.

mod error;
mod evaluate;
mod feasibility;
mod milp;
mod prepared;
mod reason;
mod types;
mod validate;

pub use error::{ProblemError, MAX_WEIGHT};
pub use reason::Reason;
pub use types::{
    Candidate, Interest, Lock, ModelStats, Problem, Seminar, SeminarLineup, SizeClass, Solution,
    Status, Unfilled, Weights,
};
pub use validate::check_all;

use std::time::Duration;

use prepared::Prepared;

/// Checks that `problem` is well formed; the first malformed entry otherwise
/// (see [`check_all`] for all of them).
pub fn check(problem: &Problem) -> Result<(), ProblemError> {
    match check_all(problem).into_iter().next() {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// The time [`solve`] allows the solver for a proof of optimality.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(60);

/// How to solve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SolveOptions {
    /// Time allowed to the solver for a proof of optimality (`None`: unlimited). Line-ups of
    /// the platform's size take tens of milliseconds; many partnerships among the candidates
    /// of the same seminars can make the proof much longer.
    pub time_limit: Option<Duration>,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            time_limit: Some(DEFAULT_TIME_LIMIT),
        }
    }
}

/// Solves `problem` to proven optimality, or proves it infeasible, within
/// [`DEFAULT_TIME_LIMIT`].
///
/// Errors: a malformed problem (as [`check`]); [`ProblemError::TimeLimit`] when the proof
/// takes longer; [`ProblemError::SolverFailure`] if the solver fails, which is not the
/// problem's fault.
pub fn solve(problem: &Problem) -> Result<Solution, ProblemError> {
    solve_with(problem, &SolveOptions::default()).map(|(solution, _)| solution)
}

/// As [`solve`], with the size of the MILP solved.
pub fn solve_with_stats(problem: &Problem) -> Result<(Solution, ModelStats), ProblemError> {
    solve_with(problem, &SolveOptions::default())
}

/// As [`solve`] with `options`, returning the size of the MILP solved too.
pub fn solve_with(
    problem: &Problem,
    options: &SolveOptions,
) -> Result<(Solution, ModelStats), ProblemError> {
    check(problem)?;
    let p = Prepared::new(problem);

    let shortages = feasibility::infeasibility(&p);
    if !shortages.is_empty() && !problem.allow_partial {
        return Ok((infeasible(shortages), ModelStats::default()));
    }
    // No full line-up: the one that fills the most places, the shortages saying why; unless a
    // lock cannot be kept at all (a country with no places, a seminar not asked for).
    let partial = !shortages.is_empty();
    if partial && !locks_can_be_kept(&p) {
        return Ok((infeasible(shortages), ModelStats::default()));
    }

    let failure = |message: String| ProblemError::SolverFailure { message };
    let solved = milp::solve(&p, options.time_limit, partial);
    let (outcome, stats) = solved.map_err(|why| match why {
        milp::Failure::TimeLimit => ProblemError::TimeLimit {
            limit_ms: options.time_limit.map_or(0, |t| t.as_millis() as u64),
        },
        milp::Failure::Other(message) => failure(message),
    })?;
    let (mut lineup, objective, place_weight) = match outcome {
        milp::Outcome::Optimal {
            lineup,
            objective,
            place_weight,
        } => (lineup, objective, place_weight),
        // Locked facilitators beyond a seminar's places: not even a partial line-up.
        milp::Outcome::Infeasible if partial => return Ok((infeasible(shortages), stats)),
        // The matching check proved a line-up exists, so the solver contradicts it; say so.
        milp::Outcome::Infeasible => {
            let detail = "the solver found no line-up, although each country's candidates \
                          can fill every seminar"
                .to_owned();
            return Ok((infeasible(vec![Reason::Infeasible { detail }]), stats));
        }
    };
    evaluate::sort(&p, &mut lineup);
    if let Some(broken) = evaluate::violation(&p, &lineup, partial) {
        return Err(failure(format!(
            "the solver's line-up breaks a rule: {broken}"
        )));
    }
    let (score, mut reasons) = evaluate::explain(&p, &lineup);
    let filled: usize = lineup.iter().map(Vec::len).sum();
    let objective = objective - (place_weight as f64) * filled as f64;
    if (objective - score as f64).abs() > 0.5 {
        return Err(failure(format!(
            "the solver's objective {objective} differs from the line-up's score {score}"
        )));
    }
    let unfilled = evaluate::unfilled(&p, &lineup);
    let status = if unfilled.is_empty() {
        Status::Optimal
    } else {
        Status::Partial
    };
    // Why places stay empty comes first.
    if partial {
        reasons.splice(0..0, shortages);
    }
    let solution = Solution {
        status,
        score,
        lineup: evaluate::render(&p, &lineup),
        explanation: reasons.iter().map(ToString::to_string).collect(),
        reasons,
        unfilled,
    };
    Ok((solution, stats))
}

/// Whether every locked candidate may facilitate its seminar: its country takes facilitators
/// and it asked for that seminar.
fn locks_can_be_kept(p: &Prepared) -> bool {
    p.lock_of.iter().enumerate().all(|(c, lock)| match lock {
        None => true,
        Some(s) => {
            p.country_of[c].is_some_and(|k| p.need[k] > 0) && p.rank_of.contains_key(&(c, *s))
        }
    })
}

fn infeasible(reasons: Vec<Reason>) -> Solution {
    Solution {
        status: Status::Infeasible,
        score: 0,
        lineup: Vec::new(),
        explanation: reasons.iter().map(ToString::to_string).collect(),
        reasons,
        unfilled: Vec::new(),
    }
}
