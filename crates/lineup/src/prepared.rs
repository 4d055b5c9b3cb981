//! A validated problem indexed for the solver: candidates and seminars by position.

use std::collections::{BTreeSet, HashMap};

use crate::types::{Problem, SizeClass};

/// An interest of a candidate in a seminar.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pick {
    pub candidate: usize,
    pub rank: i64,
}

pub(crate) struct Prepared<'a> {
    pub problem: &'a Problem,
    /// Country codes of `per_seminar`, sorted.
    pub countries: Vec<&'a str>,
    /// Facilitators of each country (same order as `countries`) per seminar.
    pub need: Vec<i64>,
    /// Index in `countries` of each candidate's country; `None` if not listed.
    pub country_of: Vec<Option<usize>>,
    pub size_of: Vec<SizeClass>,
    /// Per seminar, its interested candidates, by candidate position.
    pub interested: Vec<Vec<Pick>>,
    /// The seminar each candidate is locked to.
    pub lock_of: Vec<Option<usize>>,
    /// Partner pairs of candidates from two different countries, `(low, high)` positions.
    pub partners: BTreeSet<(usize, usize)>,
    pub rank_of: HashMap<(usize, usize), i64>,
}

impl<'a> Prepared<'a> {
    /// Indexes `problem`, which must have passed [`crate::check`].
    pub fn new(problem: &'a Problem) -> Prepared<'a> {
        let countries: Vec<&str> = problem.per_seminar.keys().map(String::as_str).collect();
        let need = problem.per_seminar.values().copied().collect();
        let seminar_pos: HashMap<&str, usize> = problem
            .seminars
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let candidate_pos: HashMap<&str, usize> = problem
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let country_of = problem
            .candidates
            .iter()
            .map(|c| countries.iter().position(|&k| k == c.country))
            .collect();
        let size_of = problem
            .candidates
            .iter()
            .map(|c| SizeClass::of(c.population))
            .collect();

        let mut interested = vec![Vec::new(); problem.seminars.len()];
        let mut rank_of = HashMap::new();
        for interest in &problem.interests {
            let c = candidate_pos[interest.candidate.as_str()];
            let s = seminar_pos[interest.seminar.as_str()];
            interested[s].push(Pick {
                candidate: c,
                rank: interest.rank,
            });
            rank_of.insert((c, s), interest.rank);
        }
        for picks in &mut interested {
            picks.sort_by_key(|p| p.candidate);
        }

        let mut lock_of = vec![None; problem.candidates.len()];
        for lock in &problem.locked {
            lock_of[candidate_pos[lock.candidate.as_str()]] =
                Some(seminar_pos[lock.seminar.as_str()]);
        }

        let mut partners = BTreeSet::new();
        for (a, b) in &problem.partnerships {
            let (a, b) = (candidate_pos[a.as_str()], candidate_pos[b.as_str()]);
            if problem.candidates[a].country != problem.candidates[b].country {
                partners.insert((a.min(b), a.max(b)));
            }
        }

        Prepared {
            problem,
            countries,
            need,
            country_of,
            size_of,
            interested,
            lock_of,
            partners,
            rank_of,
        }
    }

    pub fn candidate_id(&self, c: usize) -> &'a str {
        &self.problem.candidates[c].id
    }

    pub fn seminar_id(&self, s: usize) -> &'a str {
        &self.problem.seminars[s].id
    }

    pub fn level_of(&self, c: usize) -> &'a str {
        &self.problem.candidates[c].level
    }

    /// Facilitators needed of `country` (by index) per seminar, as a count.
    pub fn need_of(&self, country: usize) -> usize {
        usize::try_from(self.need[country]).unwrap_or(0)
    }

    /// Output order of facilitators: country order, then id.
    pub fn sort_key(&self, c: usize) -> (Option<usize>, &'a str) {
        (self.country_of[c], self.candidate_id(c))
    }

    pub fn are_partners(&self, a: usize, b: usize) -> bool {
        self.partners.contains(&(a.min(b), a.max(b)))
    }
}
