//! Scoring a line-up and explaining its score; checking it against the hard rules.

use std::collections::BTreeSet;

use crate::prepared::Prepared;
use crate::reason::Reason;
use crate::types::{SeminarLineup, SizeClass};

/// A line-up by positions: per seminar, its facilitators' candidate positions.
pub(crate) type Assignment = Vec<Vec<usize>>;

/// The first hard rule that `lineup` breaks, in English (`None` if it keeps them all).
/// The places `lineup` leaves empty, by seminar then country.
pub(crate) fn unfilled(p: &Prepared, lineup: &Assignment) -> Vec<crate::types::Unfilled> {
    let mut out = Vec::new();
    for (s, facilitators) in lineup.iter().enumerate() {
        for (k, country) in p.countries.iter().enumerate() {
            let count = facilitators
                .iter()
                .filter(|&&c| p.country_of[c] == Some(k))
                .count();
            let missing = p.need_of(k).saturating_sub(count);
            if missing > 0 {
                out.push(crate::types::Unfilled {
                    seminar: p.seminar_id(s).to_string(),
                    country: country.to_string(),
                    missing: missing as i64,
                });
            }
        }
    }
    out
}

/// The first hard rule `lineup` breaks, if any; a `partial` line-up may leave places empty.
pub(crate) fn violation(p: &Prepared, lineup: &Assignment, partial: bool) -> Option<String> {
    let mut seminar_of = vec![None; p.problem.candidates.len()];
    for (s, facilitators) in lineup.iter().enumerate() {
        for &c in facilitators {
            if let Some(t) = seminar_of[c].replace(s) {
                return Some(format!(
                    "{} facilitates both {} and {}",
                    p.candidate_id(c),
                    p.seminar_id(t),
                    p.seminar_id(s)
                ));
            }
            if !p.rank_of.contains_key(&(c, s)) {
                return Some(format!(
                    "{} is not interested in {}",
                    p.candidate_id(c),
                    p.seminar_id(s)
                ));
            }
        }
        for (k, country) in p.countries.iter().enumerate() {
            let count = facilitators
                .iter()
                .filter(|&&c| p.country_of[c] == Some(k))
                .count();
            if count > p.need_of(k) || (!partial && count != p.need_of(k)) {
                return Some(format!(
                    "{} has {count} facilitators from {country} instead of {}",
                    p.seminar_id(s),
                    p.need[k]
                ));
            }
        }
        if let Some(&c) = facilitators.iter().find(|&&c| p.country_of[c].is_none()) {
            return Some(format!(
                "{} is from a country not in per_seminar",
                p.candidate_id(c)
            ));
        }
    }
    for (c, lock) in p.lock_of.iter().enumerate() {
        if let Some(s) = *lock {
            if seminar_of[c] != Some(s) {
                return Some(format!(
                    "{} is locked to {} but does not facilitate it",
                    p.candidate_id(c),
                    p.seminar_id(s)
                ));
            }
        }
    }
    None
}

/// The score of `lineup` (which keeps the hard rules) with its reasons, seminar by seminar.
pub(crate) fn explain(p: &Prepared, lineup: &Assignment) -> (i64, Vec<Reason>) {
    let weights = &p.problem.weights;
    let mut reasons = Vec::new();
    for (s, facilitators) in lineup.iter().enumerate() {
        let seminar = p.seminar_id(s).to_owned();
        for &c in facilitators {
            let rank = p.rank_of[&(c, s)];
            reasons.push(Reason::Chosen {
                seminar: seminar.clone(),
                candidate: p.candidate_id(c).to_owned(),
                rank,
                points: weights.rank_points(rank),
            });
            if p.lock_of[c] == Some(s) {
                reasons.push(Reason::Locked {
                    seminar: seminar.clone(),
                    candidate: p.candidate_id(c).to_owned(),
                });
            }
        }
        if weights.twin_pair > 0 {
            for (i, &a) in facilitators.iter().enumerate() {
                for &b in &facilitators[i + 1..] {
                    if p.are_partners(a, b) {
                        reasons.push(Reason::TwinPair {
                            seminar: seminar.clone(),
                            a: p.candidate_id(a).to_owned(),
                            b: p.candidate_id(b).to_owned(),
                            points: weights.twin_pair,
                        });
                    }
                }
            }
        }
        for (k, country) in p.countries.iter().enumerate() {
            if p.need_of(k) < 2 {
                continue;
            }
            let of_country: Vec<usize> = facilitators
                .iter()
                .copied()
                .filter(|&c| p.country_of[c] == Some(k))
                .collect();
            let interested = || {
                p.interested[s]
                    .iter()
                    .map(|pick| pick.candidate)
                    .filter(move |&c| p.country_of[c] == Some(k))
            };
            if weights.diverse_level > 0 {
                let levels: BTreeSet<&str> = of_country.iter().map(|&c| p.level_of(c)).collect();
                let mut levels: Vec<String> = levels.into_iter().map(str::to_owned).collect();
                if levels.len() > 1 {
                    reasons.push(Reason::DiverseLevels {
                        seminar: seminar.clone(),
                        country: (*country).to_owned(),
                        levels,
                        points: weights.diverse_level,
                    });
                } else if let Some(level) = levels.pop() {
                    reasons.push(Reason::SameLevel {
                        seminar: seminar.clone(),
                        country: (*country).to_owned(),
                        other_levels_available: interested().any(|c| p.level_of(c) != level),
                        level,
                    });
                }
            }
            if weights.diverse_size > 0 {
                let classes: BTreeSet<SizeClass> =
                    of_country.iter().map(|&c| p.size_of[c]).collect();
                let classes: Vec<SizeClass> = classes.into_iter().collect();
                if classes.len() > 1 {
                    reasons.push(Reason::DiverseSizes {
                        seminar: seminar.clone(),
                        country: (*country).to_owned(),
                        classes,
                        points: weights.diverse_size,
                    });
                } else if let Some(&class) = classes.first() {
                    reasons.push(Reason::SameSize {
                        seminar: seminar.clone(),
                        country: (*country).to_owned(),
                        class,
                        other_classes_available: interested().any(|c| p.size_of[c] != class),
                    });
                }
            }
        }
    }
    let score = reasons.iter().map(Reason::points).sum();
    (score, reasons)
}

/// The line-up in output form: seminars in input order, facilitators by country, then id.
pub(crate) fn render(p: &Prepared, lineup: &Assignment) -> Vec<SeminarLineup> {
    lineup
        .iter()
        .enumerate()
        .map(|(s, facilitators)| SeminarLineup {
            seminar: p.seminar_id(s).to_owned(),
            facilitators: facilitators
                .iter()
                .map(|&c| p.candidate_id(c).to_owned())
                .collect(),
        })
        .collect()
}

/// Sorts each seminar's facilitators into output order.
pub(crate) fn sort(p: &Prepared, lineup: &mut Assignment) {
    for facilitators in lineup {
        facilitators.sort_by_key(|&c| p.sort_key(c));
    }
}
