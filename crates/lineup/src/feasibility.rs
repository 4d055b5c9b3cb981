//! Exact feasibility check before the MILP, with specific reasons.
//!
//! The hard rules split by country: a candidate has one country, and each seminar needs a
//! count of each country. For one country, the rules are a bipartite b-matching (each
//! seminar takes its count, each candidate at most one seminar it is interested in), after
//! the locked candidates are set aside and their seminars' counts reduced. A maximum
//! matching therefore decides feasibility exactly, and when it falls short, the seminars
//! reachable by alternating paths from a short seminar violate Hall's condition: they need
//! more facilitators than there are candidates interested in any of them.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::prepared::Prepared;
use crate::reason::Reason;

/// The reasons why no line-up satisfies the hard rules; empty when one does.
pub(crate) fn infeasibility(p: &Prepared) -> Vec<Reason> {
    let problem = p.problem;
    let mut reasons = Vec::new();
    // Seminars already found short for a country: left out of that country's matching.
    let mut short = vec![vec![false; p.countries.len()]; problem.seminars.len()];

    for (s, picks) in p.interested.iter().enumerate() {
        // Locks of this seminar by country code, including countries not in per_seminar.
        let mut locks: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for pick in picks {
            if p.lock_of[pick.candidate] == Some(s) {
                let candidate = &problem.candidates[pick.candidate];
                locks
                    .entry(candidate.country.as_str())
                    .or_default()
                    .push(&candidate.id);
            }
        }
        let countries: BTreeSet<&str> = p
            .countries
            .iter()
            .copied()
            .chain(locks.keys().copied())
            .collect();
        for country in countries {
            let k = p.countries.iter().position(|&c| c == country);
            let needed = k.map_or(0, |k| p.need[k]);
            let locked = locks.remove(country).unwrap_or_default();
            if locked.len() as i64 > needed {
                let mut locked: Vec<String> = locked.into_iter().map(str::to_owned).collect();
                locked.sort();
                reasons.push(Reason::LockConflict {
                    seminar: p.seminar_id(s).to_owned(),
                    country: country.to_owned(),
                    allowed: needed,
                    locked,
                });
                if let Some(k) = k {
                    short[s][k] = true;
                }
                continue;
            }
            let Some(k) = k else { continue };
            let available = picks
                .iter()
                .filter(|pick| p.country_of[pick.candidate] == Some(k))
                .filter(|pick| p.lock_of[pick.candidate].is_none_or(|l| l == s))
                .count();
            if (available as i64) < needed {
                reasons.push(Reason::TooFewCandidates {
                    seminar: p.seminar_id(s).to_owned(),
                    country: country.to_owned(),
                    needed,
                    available,
                });
                short[s][k] = true;
            }
        }
    }

    for k in 0..p.countries.len() {
        if let Some(reason) = hall_shortage(p, k, &short) {
            reasons.push(reason);
        }
    }
    reasons
}

/// Maximum matching of the free (unlocked) candidates of country `k` to the seminars'
/// remaining counts; a Hall witness if it falls short.
fn hall_shortage(p: &Prepared, k: usize, short: &[Vec<bool>]) -> Option<Reason> {
    let seminars = p.problem.seminars.len();
    let candidates = p.problem.candidates.len();
    let mut demand = vec![0usize; seminars];
    let mut locked_here = vec![Vec::new(); seminars];
    for c in 0..candidates {
        if let (Some(s), Some(kc)) = (p.lock_of[c], p.country_of[c]) {
            if kc == k {
                locked_here[s].push(c);
            }
        }
    }
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); seminars];
    for s in 0..seminars {
        if short[s][k] {
            continue;
        }
        demand[s] = p.need_of(k) - locked_here[s].len();
        adj[s] = p.interested[s]
            .iter()
            .map(|pick| pick.candidate)
            .filter(|&c| p.country_of[c] == Some(k) && p.lock_of[c].is_none())
            .collect();
    }

    let mut matching = Matching::new(seminars, candidates);
    for (s, &wanted) in demand.iter().enumerate() {
        while matching.load[s] < wanted && matching.augment(s, &adj) {}
    }
    let deficient: Vec<usize> = (0..seminars)
        .filter(|&s| matching.load[s] < demand[s])
        .collect();
    if deficient.is_empty() {
        return None;
    }

    // Alternating-path closure of the deficient seminars: every candidate reached is matched
    // (no augmenting path is left), and matched to a seminar reached.
    let mut seen_seminar = vec![false; seminars];
    let mut seen_candidate = vec![false; candidates];
    let mut queue: VecDeque<usize> = deficient.iter().copied().collect();
    for &s in &deficient {
        seen_seminar[s] = true;
    }
    while let Some(s) = queue.pop_front() {
        for &c in &adj[s] {
            if !seen_candidate[c] {
                seen_candidate[c] = true;
                if let Some(t) = matching.assigned[c] {
                    if !seen_seminar[t] {
                        seen_seminar[t] = true;
                        queue.push_back(t);
                    }
                }
            }
        }
    }
    let members: Vec<usize> = (0..seminars).filter(|&s| seen_seminar[s]).collect();
    let mut ids: Vec<String> = (0..candidates)
        .filter(|&c| seen_candidate[c])
        .chain(members.iter().flat_map(|&s| locked_here[s].iter().copied()))
        .map(|c| p.candidate_id(c).to_owned())
        .collect();
    ids.sort();
    Some(Reason::SharedShortage {
        country: p.countries[k].to_owned(),
        seminars: members
            .iter()
            .map(|&s| p.seminar_id(s).to_owned())
            .collect(),
        needed: p.need[k] * members.len() as i64,
        available: ids.len(),
        candidates: ids,
    })
}

/// A b-matching of candidates (capacity 1) to seminars, grown by augmenting paths.
struct Matching {
    assigned: Vec<Option<usize>>,
    load: Vec<usize>,
}

impl Matching {
    fn new(seminars: usize, candidates: usize) -> Matching {
        Matching {
            assigned: vec![None; candidates],
            load: vec![0; seminars],
        }
    }

    /// Gives seminar `root` one more candidate along a shortest augmenting path, if any.
    fn augment(&mut self, root: usize, adj: &[Vec<usize>]) -> bool {
        // from[c]: the seminar through which candidate c was reached;
        // via[s]: the candidate (assigned to s) through which seminar s was reached.
        let mut from: Vec<Option<usize>> = vec![None; self.assigned.len()];
        let mut via: Vec<Option<usize>> = vec![None; self.load.len()];
        let mut seen = vec![false; self.load.len()];
        seen[root] = true;
        let mut queue = VecDeque::from([root]);
        while let Some(s) = queue.pop_front() {
            for &c in &adj[s] {
                if from[c].is_some() || self.assigned[c] == Some(s) {
                    continue;
                }
                from[c] = Some(s);
                match self.assigned[c] {
                    None => {
                        self.flip(c, root, &from, &via);
                        return true;
                    }
                    Some(t) if !seen[t] => {
                        seen[t] = true;
                        via[t] = Some(c);
                        queue.push_back(t);
                    }
                    Some(_) => {}
                }
            }
        }
        false
    }

    fn flip(&mut self, free: usize, root: usize, from: &[Option<usize>], via: &[Option<usize>]) {
        let mut c = free;
        loop {
            let s = from[c].expect("reached candidates have a seminar");
            self.assigned[c] = Some(s);
            if s == root {
                self.load[root] += 1;
                return;
            }
            c = via[s].expect("reached seminars have a candidate");
        }
    }
}
