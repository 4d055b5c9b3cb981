//! The serde types of the contract: the problem as it comes in, the solution as it goes out.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::reason::Reason;

/// A facilitator line-up problem, as described in the platform's contracts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub seminars: Vec<Seminar>,
    pub candidates: Vec<Candidate>,
    pub interests: Vec<Interest>,
    /// Pairs of partner candidates, in either order.
    #[serde(default)]
    pub partnerships: Vec<(String, String)>,
    /// Candidate–seminar pairs that must be in the line-up.
    #[serde(default)]
    pub locked: Vec<Lock>,
    /// Facilitators each seminar needs, by country code. Candidates of a country not listed
    /// here are never chosen. Sorted by country code, which is also the order of the
    /// facilitators in the output.
    #[serde(default = "default_per_seminar")]
    pub per_seminar: BTreeMap<String, i64>,
    #[serde(default)]
    pub weights: Weights,
    /// When no full line-up exists: the line-up that fills the most places, then the best
    /// score among those (`status: "partial"`, with the places left `unfilled`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_partial: bool,
}

fn default_per_seminar() -> BTreeMap<String, i64> {
    BTreeMap::from([("FR".to_owned(), 2), ("KR".to_owned(), 2)])
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seminar {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: String,
    /// ISO country code, usually `FR` or `KR`.
    pub country: String,
    /// Administrative level, e.g. `commune`, `département`, `si`, `gu`.
    pub level: String,
    /// Inhabitants; `None` when unknown (its own size class).
    #[serde(default)]
    pub population: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interest {
    pub candidate: String,
    pub seminar: String,
    /// 1 for the candidate's first choice; must be at least 1.
    pub rank: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    pub candidate: String,
    pub seminar: String,
}

/// Points of the score. Every field defaults on its own, so `{"twin_pair": 5}` keeps the
/// other defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    /// Points for a chosen candidate by its interest rank: `rank[r - 1]`, 0 past the end.
    pub rank: Vec<i64>,
    /// Points for each partner pair (from two countries) facilitating the same seminar.
    pub twin_pair: i64,
    /// Points for each seminar and country whose facilitators are not all of one level.
    pub diverse_level: i64,
    /// Points for each seminar and country whose facilitators are not all of one size class.
    pub diverse_size: i64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            rank: vec![3, 2, 1],
            twin_pair: 2,
            diverse_level: 1,
            diverse_size: 1,
        }
    }
}

impl Weights {
    /// Points for an interest of rank `rank` (0 past the end of the list or below 1).
    pub fn rank_points(&self, rank: i64) -> i64 {
        usize::try_from(rank - 1)
            .ok()
            .and_then(|i| self.rank.get(i).copied())
            .unwrap_or(0)
    }
}

/// Size class of a candidate by population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SizeClass {
    /// Population below 100,000.
    #[serde(rename = "under_100k")]
    Under100k,
    /// Population from 100,000 to 999,999.
    #[serde(rename = "100k_to_1m")]
    From100kTo1m,
    /// Population of 1,000,000 and over.
    #[serde(rename = "1m_and_over")]
    From1m,
    /// Population not given.
    #[serde(rename = "unknown")]
    Unknown,
}

impl SizeClass {
    pub fn of(population: Option<u64>) -> SizeClass {
        match population {
            None => SizeClass::Unknown,
            Some(p) if p < 100_000 => SizeClass::Under100k,
            Some(p) if p < 1_000_000 => SizeClass::From100kTo1m,
            Some(_) => SizeClass::From1m,
        }
    }
}

impl fmt::Display for SizeClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SizeClass::Under100k => "under 100,000 inhabitants",
            SizeClass::From100kTo1m => "100,000 to 999,999 inhabitants",
            SizeClass::From1m => "1,000,000 inhabitants and over",
            SizeClass::Unknown => "unknown population",
        })
    }
}

/// `optimal`: the line-up is proven best. `infeasible`: no line-up satisfies the hard rules.
/// `partial` (with `allow_partial`): no full line-up exists; this one fills the most places,
/// and has the best score among those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Optimal,
    Partial,
    Infeasible,
}

/// Places a partial line-up leaves empty: `missing` facilitators of `country` in `seminar`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unfilled {
    pub seminar: String,
    pub country: String,
    pub missing: i64,
}

/// The answer to a [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Solution {
    pub status: Status,
    /// The line-up's score; 0 when infeasible.
    pub score: i64,
    /// One entry per seminar, in the problem's order; empty when infeasible.
    pub lineup: Vec<SeminarLineup>,
    /// The reasons rendered in English, one sentence each.
    pub explanation: Vec<String>,
    /// The explanation as data, for a UI to translate.
    #[serde(default)]
    pub reasons: Vec<Reason>,
    /// With `status: "partial"`: the places left empty, by seminar and country.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unfilled: Vec<Unfilled>,
}

/// The facilitators of one seminar, sorted by country code, then id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeminarLineup {
    pub seminar: String,
    pub facilitators: Vec<String>,
}

/// Size of the MILP that was solved (all zero when the pre-check found the problem
/// infeasible and no model was built).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelStats {
    /// All variables.
    pub variables: usize,
    /// Binary assignment variables x\[candidate, seminar\].
    pub assignment_variables: usize,
    /// Twin-pair variables.
    pub twin_variables: usize,
    /// Level- and size-diversity variables.
    pub diversity_variables: usize,
    /// Constraints (bounds of variables not counted).
    pub constraints: usize,
    /// Branch-and-bound nodes whose LP the solver solved.
    pub nodes: u64,
}
