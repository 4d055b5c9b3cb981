//! Each malformed entry is an error with a stable code that names the entry.

use lineup::{Interest, Lock, Problem, ProblemError, Seminar};
use serde_json::json;

use crate::common::problem;

/// A well-formed problem: two seminars, two French and two Korean candidates.
fn base() -> Problem {
    problem(json!({
        "seminars": [{"id": "s1"}, {"id": "s2"}],
        "candidates": [
            {"id": "fr-a", "country": "FR", "level": "commune", "population": 1000},
            {"id": "fr-b", "country": "FR", "level": "commune"},
            {"id": "kr-a", "country": "KR", "level": "gu", "population": 300000},
            {"id": "kr-b", "country": "KR", "level": "si"}
        ],
        "interests": [
            {"candidate": "fr-a", "seminar": "s1", "rank": 1},
            {"candidate": "fr-b", "seminar": "s1", "rank": 2},
            {"candidate": "kr-a", "seminar": "s1", "rank": 1},
            {"candidate": "kr-b", "seminar": "s2", "rank": 1}
        ],
        "partnerships": [["fr-a", "kr-a"]],
        "per_seminar": {"FR": 1, "KR": 1}
    }))
}

/// The single error of `p`, with its code and location checked.
fn error_of(p: &Problem, code: &str, at: &str) -> ProblemError {
    let errors = lineup::check_all(p);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = lineup::check(p).unwrap_err();
    assert_eq!(error, errors[0]);
    assert_eq!(error.code(), code);
    assert_eq!(error.at(), Some(at));
    assert!(error.to_string().starts_with(&format!("{at}: ")), "{error}");
    assert_eq!(lineup::solve(p).unwrap_err(), error, "solve reports it too");
    assert_eq!(serde_json::to_value(&error).unwrap()["code"], code);
    error
}

fn interest(candidate: &str, seminar: &str, rank: i64) -> Interest {
    Interest {
        candidate: candidate.into(),
        seminar: seminar.into(),
        rank,
    }
}

fn lock(candidate: &str, seminar: &str) -> Lock {
    Lock {
        candidate: candidate.into(),
        seminar: seminar.into(),
    }
}

#[test]
fn base_is_well_formed() {
    assert_eq!(lineup::check(&base()), Ok(()));
    assert!(lineup::check_all(&base()).is_empty());
}

#[test]
fn unknown_candidate_in_interests_partnerships_and_locks() {
    let mut p = base();
    p.interests.push(interest("fr-zz", "s1", 1));
    let e = error_of(&p, "unknown_candidate", "interests[4].candidate");
    assert_eq!(
        e,
        ProblemError::UnknownCandidate {
            at: "interests[4].candidate".into(),
            id: "fr-zz".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "interests[4].candidate: unknown candidate \"fr-zz\""
    );

    let mut p = base();
    p.partnerships.push(("kr-zz".into(), "fr-a".into()));
    error_of(&p, "unknown_candidate", "partnerships[1][0]");

    let mut p = base();
    p.locked.push(lock("nobody", "s1"));
    error_of(&p, "unknown_candidate", "locked[0].candidate");
}

#[test]
fn unknown_seminar_in_interests_and_locks() {
    let mut p = base();
    p.interests[1].seminar = "s9".into();
    let e = error_of(&p, "unknown_seminar", "interests[1].seminar");
    assert!(matches!(e, ProblemError::UnknownSeminar { id, .. } if id == "s9"));

    let mut p = base();
    p.locked.push(lock("fr-a", "s9"));
    error_of(&p, "unknown_seminar", "locked[0].seminar");
}

#[test]
fn rank_below_one() {
    for rank in [0, -3] {
        let mut p = base();
        p.interests[3].rank = rank;
        let e = error_of(&p, "bad_rank", "interests[3].rank");
        assert_eq!(
            e,
            ProblemError::BadRank {
                at: "interests[3].rank".into(),
                rank
            }
        );
    }
}

#[test]
fn duplicate_seminar_and_candidate_ids() {
    let mut p = base();
    p.seminars.push(Seminar {
        id: "s1".into(),
        theme: None,
    });
    let e = error_of(&p, "duplicate_id", "seminars[2].id");
    assert!(matches!(e, ProblemError::DuplicateId { id, .. } if id == "s1"));

    let mut p = base();
    let mut twin = p.candidates[2].clone();
    twin.country = "FR".into();
    p.candidates.push(twin);
    error_of(&p, "duplicate_id", "candidates[4].id");
}

#[test]
fn duplicate_interest() {
    let mut p = base();
    p.interests.push(interest("fr-b", "s1", 3));
    let e = error_of(&p, "duplicate_interest", "interests[4]");
    assert_eq!(
        e,
        ProblemError::DuplicateInterest {
            at: "interests[4]".into(),
            candidate: "fr-b".into(),
            seminar: "s1".into()
        }
    );
}

#[test]
fn lock_without_interest() {
    let mut p = base();
    p.locked.push(lock("kr-b", "s1"));
    let e = error_of(&p, "lock_without_interest", "locked[0]");
    assert_eq!(
        e.to_string(),
        "locked[0]: candidate \"kr-b\" is locked to seminar \"s1\" but did not declare an interest in it"
    );
}

#[test]
fn no_candidates() {
    let mut p = base();
    p.candidates.clear();
    p.interests.clear();
    p.partnerships.clear();
    error_of(&p, "no_candidates", "candidates");
}

#[test]
fn negative_weights() {
    let mut p = base();
    p.weights.rank = vec![3, -1];
    let e = error_of(&p, "negative_weight", "weights.rank[1]");
    assert_eq!(
        e,
        ProblemError::NegativeWeight {
            at: "weights.rank[1]".into(),
            value: -1
        }
    );
    for (field, at) in [
        (0, "weights.twin_pair"),
        (1, "weights.diverse_level"),
        (2, "weights.diverse_size"),
    ] {
        let mut p = base();
        *[
            &mut p.weights.twin_pair,
            &mut p.weights.diverse_level,
            &mut p.weights.diverse_size,
        ][field] = -2;
        error_of(&p, "negative_weight", at);
    }
}

#[test]
fn weight_too_large() {
    let mut p = base();
    p.weights.twin_pair = lineup::MAX_WEIGHT + 1;
    error_of(&p, "weight_too_large", "weights.twin_pair");
    p.weights.twin_pair = lineup::MAX_WEIGHT;
    assert_eq!(lineup::check(&p), Ok(()));
}

#[test]
fn negative_per_seminar_count() {
    let mut p = base();
    p.per_seminar.insert("KR".into(), -1);
    let e = error_of(&p, "negative_count", "per_seminar.KR");
    assert_eq!(
        e,
        ProblemError::NegativeCount {
            at: "per_seminar.KR".into(),
            country: "KR".into(),
            value: -1
        }
    );
}

#[test]
fn candidate_locked_to_two_seminars() {
    let mut p = base();
    p.interests.push(interest("fr-a", "s2", 2));
    p.locked = vec![lock("fr-a", "s1"), lock("kr-a", "s1"), lock("fr-a", "s2")];
    let e = error_of(&p, "conflicting_locks", "locked[2]");
    assert_eq!(
        e,
        ProblemError::ConflictingLocks {
            at: "locked[2]".into(),
            candidate: "fr-a".into(),
            first_seminar: "s1".into(),
            second_seminar: "s2".into()
        }
    );
    // The same lock twice is not a conflict.
    p.locked = vec![lock("fr-a", "s1"), lock("fr-a", "s1")];
    assert_eq!(lineup::check(&p), Ok(()));
}

#[test]
fn check_all_lists_every_error_in_input_order() {
    let mut p = base();
    p.per_seminar.insert("FR".into(), -2);
    p.interests.push(interest("fr-zz", "s7", 0));
    p.locked.push(lock("kr-b", "s1"));
    let codes: Vec<(&str, String)> = lineup::check_all(&p)
        .iter()
        .map(|e| (e.code(), e.at().unwrap().to_owned()))
        .collect();
    assert_eq!(
        codes,
        [
            ("negative_count", "per_seminar.FR".to_owned()),
            ("unknown_candidate", "interests[4].candidate".to_owned()),
            ("unknown_seminar", "interests[4].seminar".to_owned()),
            ("bad_rank", "interests[4].rank".to_owned()),
            ("lock_without_interest", "locked[0]".to_owned()),
        ]
    );
    assert_eq!(lineup::check(&p).unwrap_err().code(), "negative_count");
}
