//! The explanation as data, and its English rendering.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::types::SizeClass;

/// One fact of the explanation. Serialised with a `kind` tag, e.g.
/// `{"kind": "twin_pair", "seminar": "s1", "a": "fr-issy", "b": "kr-guro", "points": 2}`.
/// In an optimal solution the `points` of all reasons add up to the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// `candidate` facilitates `seminar`, which it ranked `rank`, for `points`.
    Chosen {
        seminar: String,
        candidate: String,
        rank: i64,
        points: i64,
    },
    /// `candidate` was locked to `seminar` by the problem.
    Locked { seminar: String, candidate: String },
    /// Partners `a` and `b`, from two countries, facilitate `seminar` together.
    TwinPair {
        seminar: String,
        a: String,
        b: String,
        points: i64,
    },
    /// The facilitators of `country` in `seminar` are of several levels.
    DiverseLevels {
        seminar: String,
        country: String,
        levels: Vec<String>,
        points: i64,
    },
    /// The level bonus is not earned: all facilitators of `country` in `seminar` are of
    /// `level`. `other_levels_available` tells whether a candidate of another level was
    /// interested at all (if so, choosing it would not have raised the score).
    SameLevel {
        seminar: String,
        country: String,
        level: String,
        other_levels_available: bool,
    },
    /// The facilitators of `country` in `seminar` are of several size classes.
    DiverseSizes {
        seminar: String,
        country: String,
        classes: Vec<SizeClass>,
        points: i64,
    },
    /// The size bonus is not earned: all facilitators of `country` in `seminar` are of
    /// size class `class`.
    SameSize {
        seminar: String,
        country: String,
        class: SizeClass,
        other_classes_available: bool,
    },
    /// Infeasible: `seminar` needs `needed` facilitators of `country`, but only
    /// `available` candidates of that country are interested and not locked elsewhere.
    TooFewCandidates {
        seminar: String,
        country: String,
        needed: i64,
        available: usize,
    },
    /// Infeasible: more candidates of `country` are locked to `seminar` than it takes
    /// (`allowed` is 0 for a country not listed in `per_seminar`).
    LockConflict {
        seminar: String,
        country: String,
        allowed: i64,
        locked: Vec<String>,
    },
    /// Infeasible (Hall's condition): `seminars` together need `needed` facilitators of
    /// `country`, but only the `available` ones listed in `candidates` (interested in one
    /// of them and not locked elsewhere) can facilitate any of them.
    SharedShortage {
        country: String,
        seminars: Vec<String>,
        needed: i64,
        available: usize,
        candidates: Vec<String>,
    },
    /// Infeasible, as only the solver could tell.
    Infeasible { detail: String },
}

impl Reason {
    /// Points this reason adds to the score.
    pub fn points(&self) -> i64 {
        match self {
            Reason::Chosen { points, .. }
            | Reason::TwinPair { points, .. }
            | Reason::DiverseLevels { points, .. }
            | Reason::DiverseSizes { points, .. } => *points,
            _ => 0,
        }
    }

    /// The stable key of the reason's kind, as in its `kind` tag.
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::Chosen { .. } => "chosen",
            Reason::Locked { .. } => "locked",
            Reason::TwinPair { .. } => "twin_pair",
            Reason::DiverseLevels { .. } => "diverse_levels",
            Reason::SameLevel { .. } => "same_level",
            Reason::DiverseSizes { .. } => "diverse_sizes",
            Reason::SameSize { .. } => "same_size",
            Reason::TooFewCandidates { .. } => "too_few_candidates",
            Reason::LockConflict { .. } => "lock_conflict",
            Reason::SharedShortage { .. } => "shared_shortage",
            Reason::Infeasible { .. } => "infeasible",
        }
    }
}

fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Chosen {
                seminar,
                candidate,
                rank,
                points,
            } => write!(
                f,
                "{candidate} facilitates {seminar}, its choice number {rank} ({}).",
                plural(*points, "point", "points")
            ),
            Reason::Locked { seminar, candidate } => {
                write!(f, "{candidate} was locked to {seminar}.")
            }
            Reason::TwinPair {
                seminar,
                a,
                b,
                points,
            } => write!(
                f,
                "Partners {a} and {b} facilitate {seminar} together ({}).",
                plural(*points, "point", "points")
            ),
            Reason::DiverseLevels {
                seminar,
                country,
                levels,
                points,
            } => write!(
                f,
                "The {country} facilitators of {seminar} are of several levels: {} ({}).",
                list(levels),
                plural(*points, "point", "points")
            ),
            Reason::SameLevel {
                seminar,
                country,
                level,
                other_levels_available,
            } => {
                write!(
                    f,
                    "The {country} facilitators of {seminar} are all of level {level}"
                )?;
                if *other_levels_available {
                    f.write_str(
                        "; choosing another level would not have raised the score (no level bonus).",
                    )
                } else {
                    f.write_str(": no candidate of another level was interested (no level bonus).")
                }
            }
            Reason::DiverseSizes {
                seminar,
                country,
                classes,
                points,
            } => {
                let classes: Vec<String> = classes.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "The {country} facilitators of {seminar} are of several sizes: {} ({}).",
                    list(&classes),
                    plural(*points, "point", "points")
                )
            }
            Reason::SameSize {
                seminar,
                country,
                class,
                other_classes_available,
            } => {
                write!(
                    f,
                    "The {country} facilitators of {seminar} are all of one size ({class})"
                )?;
                if *other_classes_available {
                    f.write_str(
                        "; choosing another size would not have raised the score (no size bonus).",
                    )
                } else {
                    f.write_str(": no candidate of another size was interested (no size bonus).")
                }
            }
            Reason::TooFewCandidates {
                seminar,
                country,
                needed,
                available,
            } => write!(
                f,
                "Seminar {seminar} needs {} from {country} but only {} of {country} {} interested and not locked elsewhere.",
                plural(*needed, "facilitator", "facilitators"),
                plural(*available as i64, "candidate", "candidates"),
                if *available == 1 { "is" } else { "are" }
            ),
            Reason::LockConflict {
                seminar,
                country,
                allowed,
                locked,
            } => write!(
                f,
                "Seminar {seminar} takes {} from {country} but {} {} locked to it: {}.",
                plural(*allowed, "facilitator", "facilitators"),
                locked.len(),
                if locked.len() == 1 { "is" } else { "are" },
                list(locked)
            ),
            Reason::SharedShortage {
                country,
                seminars,
                needed,
                available,
                candidates,
            } => write!(
                f,
                "Seminars {} together need {} from {country}, but only {} of {country} can facilitate any of them: {}.",
                list(seminars),
                plural(*needed, "facilitator", "facilitators"),
                plural(*available as i64, "candidate", "candidates"),
                list(candidates)
            ),
            Reason::Infeasible { detail } => {
                write!(f, "No line-up satisfies the rules: {detail}.")
            }
        }
    }
}
