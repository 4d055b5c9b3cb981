//! Validation of a problem: every malformed entry, in the order of the input.

use std::collections::{HashMap, HashSet};

use crate::error::{ProblemError, MAX_WEIGHT};
use crate::types::Problem;

/// Every malformed entry of `problem`, in the order: seminars, candidates, per_seminar,
/// weights, interests, partnerships, locked. Empty when the problem is well formed.
pub fn check_all(problem: &Problem) -> Vec<ProblemError> {
    let mut errors = Vec::new();

    let mut seminars = HashSet::new();
    for (i, seminar) in problem.seminars.iter().enumerate() {
        if !seminars.insert(seminar.id.as_str()) {
            errors.push(ProblemError::DuplicateId {
                at: format!("seminars[{i}].id"),
                id: seminar.id.clone(),
            });
        }
    }

    // Nobody to choose from is malformed, unless a partial line-up is asked for: then it is
    // the start of a consultation (every place empty, and why).
    if problem.candidates.is_empty() && !problem.allow_partial {
        errors.push(ProblemError::NoCandidates {
            at: "candidates".to_owned(),
        });
    }
    let mut candidates = HashSet::new();
    for (i, candidate) in problem.candidates.iter().enumerate() {
        if !candidates.insert(candidate.id.as_str()) {
            errors.push(ProblemError::DuplicateId {
                at: format!("candidates[{i}].id"),
                id: candidate.id.clone(),
            });
        }
    }

    for (country, &value) in &problem.per_seminar {
        if value < 0 {
            errors.push(ProblemError::NegativeCount {
                at: format!("per_seminar.{country}"),
                country: country.clone(),
                value,
            });
        }
    }

    check_weights(problem, &mut errors);

    let candidate_known = |at: String, id: &str, errors: &mut Vec<ProblemError>| {
        let known = candidates.contains(id);
        if !known {
            errors.push(ProblemError::UnknownCandidate {
                at,
                id: id.to_owned(),
            });
        }
        known
    };
    let seminar_known = |at: String, id: &str, errors: &mut Vec<ProblemError>| {
        let known = seminars.contains(id);
        if !known {
            errors.push(ProblemError::UnknownSeminar {
                at,
                id: id.to_owned(),
            });
        }
        known
    };

    let mut interests = HashSet::new();
    for (i, interest) in problem.interests.iter().enumerate() {
        let c = candidate_known(
            format!("interests[{i}].candidate"),
            &interest.candidate,
            &mut errors,
        );
        let s = seminar_known(
            format!("interests[{i}].seminar"),
            &interest.seminar,
            &mut errors,
        );
        if interest.rank < 1 {
            errors.push(ProblemError::BadRank {
                at: format!("interests[{i}].rank"),
                rank: interest.rank,
            });
        }
        if c && s && !interests.insert((interest.candidate.as_str(), interest.seminar.as_str())) {
            errors.push(ProblemError::DuplicateInterest {
                at: format!("interests[{i}]"),
                candidate: interest.candidate.clone(),
                seminar: interest.seminar.clone(),
            });
        }
    }

    for (i, (a, b)) in problem.partnerships.iter().enumerate() {
        candidate_known(format!("partnerships[{i}][0]"), a, &mut errors);
        candidate_known(format!("partnerships[{i}][1]"), b, &mut errors);
    }

    let mut locked_to: HashMap<&str, &str> = HashMap::new();
    for (i, lock) in problem.locked.iter().enumerate() {
        let c = candidate_known(
            format!("locked[{i}].candidate"),
            &lock.candidate,
            &mut errors,
        );
        let s = seminar_known(format!("locked[{i}].seminar"), &lock.seminar, &mut errors);
        if !(c && s) {
            continue;
        }
        if !interests.contains(&(lock.candidate.as_str(), lock.seminar.as_str())) {
            errors.push(ProblemError::LockWithoutInterest {
                at: format!("locked[{i}]"),
                candidate: lock.candidate.clone(),
                seminar: lock.seminar.clone(),
            });
        }
        match locked_to.get(lock.candidate.as_str()) {
            None => {
                locked_to.insert(&lock.candidate, &lock.seminar);
            }
            Some(&first) if first != lock.seminar => {
                errors.push(ProblemError::ConflictingLocks {
                    at: format!("locked[{i}]"),
                    candidate: lock.candidate.clone(),
                    first_seminar: first.to_owned(),
                    second_seminar: lock.seminar.clone(),
                });
            }
            // The same lock twice says nothing new.
            Some(_) => {}
        }
    }

    errors
}

fn check_weights(problem: &Problem, errors: &mut Vec<ProblemError>) {
    let weights = &problem.weights;
    let named = weights
        .rank
        .iter()
        .enumerate()
        .map(|(i, &w)| (format!("weights.rank[{i}]"), w))
        .chain([
            ("weights.twin_pair".to_owned(), weights.twin_pair),
            ("weights.diverse_level".to_owned(), weights.diverse_level),
            ("weights.diverse_size".to_owned(), weights.diverse_size),
        ]);
    for (at, value) in named {
        if value < 0 {
            errors.push(ProblemError::NegativeWeight { at, value });
        } else if value > MAX_WEIGHT {
            errors.push(ProblemError::WeightTooLarge {
                at,
                value,
                max: MAX_WEIGHT,
            });
        }
    }
}
