//! Malformed problems: each error has a stable code and names the entry at fault.

use serde::Serialize;

/// The largest weight accepted, so that every score stays exact in the solver's floating point.
pub const MAX_WEIGHT: i64 = 1_000_000;

/// Why a problem cannot be solved as given. `at` is the JSON path of the entry at fault,
/// e.g. `interests[3].candidate`; `code()` is a stable key for translation.
/// Serialised with the code as a `code` tag, e.g.
/// `{"code": "unknown_candidate", "at": "interests[3].candidate", "id": "fr-x"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ProblemError {
    #[error("{at}: unknown candidate \"{id}\"")]
    UnknownCandidate { at: String, id: String },
    #[error("{at}: unknown seminar \"{id}\"")]
    UnknownSeminar { at: String, id: String },
    #[error("{at}: rank {rank} is below 1")]
    BadRank { at: String, rank: i64 },
    #[error("{at}: id \"{id}\" is used twice")]
    DuplicateId { at: String, id: String },
    #[error(
        "{at}: candidate \"{candidate}\" already declared an interest in seminar \"{seminar}\""
    )]
    DuplicateInterest {
        at: String,
        candidate: String,
        seminar: String,
    },
    #[error(
        "{at}: candidate \"{candidate}\" is locked to seminar \"{seminar}\" but did not declare an interest in it"
    )]
    LockWithoutInterest {
        at: String,
        candidate: String,
        seminar: String,
    },
    #[error("{at}: the problem has no candidates")]
    NoCandidates { at: String },
    #[error("{at}: weight {value} is negative")]
    NegativeWeight { at: String, value: i64 },
    #[error("{at}: weight {value} is above the maximum of {max}")]
    WeightTooLarge { at: String, value: i64, max: i64 },
    #[error("{at}: count {value} of facilitators from {country} is negative")]
    NegativeCount {
        at: String,
        country: String,
        value: i64,
    },
    #[error(
        "{at}: candidate \"{candidate}\" is locked to seminar \"{second_seminar}\" and already to seminar \"{first_seminar}\""
    )]
    ConflictingLocks {
        at: String,
        candidate: String,
        first_seminar: String,
        second_seminar: String,
    },
    /// No line-up was proven optimal within the time limit (of `limit_ms` milliseconds).
    #[error("no line-up was proven optimal within {limit_ms} ms")]
    TimeLimit { limit_ms: u64 },
    /// Not the problem's fault: the solver failed or contradicted the checks around it.
    #[error("the solver failed: {message}")]
    SolverFailure { message: String },
}

impl ProblemError {
    /// The stable key of the error, e.g. `unknown_candidate`.
    pub fn code(&self) -> &'static str {
        match self {
            ProblemError::UnknownCandidate { .. } => "unknown_candidate",
            ProblemError::UnknownSeminar { .. } => "unknown_seminar",
            ProblemError::BadRank { .. } => "bad_rank",
            ProblemError::DuplicateId { .. } => "duplicate_id",
            ProblemError::DuplicateInterest { .. } => "duplicate_interest",
            ProblemError::LockWithoutInterest { .. } => "lock_without_interest",
            ProblemError::NoCandidates { .. } => "no_candidates",
            ProblemError::NegativeWeight { .. } => "negative_weight",
            ProblemError::WeightTooLarge { .. } => "weight_too_large",
            ProblemError::NegativeCount { .. } => "negative_count",
            ProblemError::ConflictingLocks { .. } => "conflicting_locks",
            ProblemError::TimeLimit { .. } => "time_limit",
            ProblemError::SolverFailure { .. } => "solver_failure",
        }
    }

    /// The JSON path of the entry at fault, e.g. `interests[3].candidate`
    /// (`None` for a time limit or a solver failure).
    pub fn at(&self) -> Option<&str> {
        match self {
            ProblemError::UnknownCandidate { at, .. }
            | ProblemError::UnknownSeminar { at, .. }
            | ProblemError::BadRank { at, .. }
            | ProblemError::DuplicateId { at, .. }
            | ProblemError::DuplicateInterest { at, .. }
            | ProblemError::LockWithoutInterest { at, .. }
            | ProblemError::NoCandidates { at }
            | ProblemError::NegativeWeight { at, .. }
            | ProblemError::WeightTooLarge { at, .. }
            | ProblemError::NegativeCount { at, .. }
            | ProblemError::ConflictingLocks { at, .. } => Some(at),
            ProblemError::TimeLimit { .. } | ProblemError::SolverFailure { .. } => None,
        }
    }
}
