//! Hand-made cases for each hard rule, each part of the score and each kind of infeasibility.

use std::collections::BTreeMap;

use lineup::{Candidate, Interest, Lock, Problem, Reason, Seminar, SizeClass, Status, Weights};

use crate::common::{compare, verify_infeasible, verify_optimal};

type C<'a> = (&'a str, &'a str, &'a str, Option<u64>);

fn make(
    seminars: &[&str],
    candidates: &[C],
    interests: &[(&str, &str, i64)],
    per: &[(&str, i64)],
) -> Problem {
    Problem {
        seminars: seminars
            .iter()
            .map(|s| Seminar {
                id: (*s).into(),
                theme: None,
            })
            .collect(),
        candidates: candidates
            .iter()
            .map(|&(id, country, level, population)| Candidate {
                id: id.into(),
                country: country.into(),
                level: level.into(),
                population,
            })
            .collect(),
        interests: interests
            .iter()
            .map(|&(c, s, rank)| Interest {
                candidate: c.into(),
                seminar: s.into(),
                rank,
            })
            .collect(),
        partnerships: Vec::new(),
        locked: Vec::new(),
        per_seminar: per
            .iter()
            .map(|&(k, n)| (k.to_owned(), n))
            .collect::<BTreeMap<_, _>>(),
        weights: Weights::default(),
        allow_partial: false,
    }
}

fn lock(candidate: &str, seminar: &str) -> Lock {
    Lock {
        candidate: candidate.into(),
        seminar: seminar.into(),
    }
}

/// Solves, checks against the contract and brute force, and returns the line-up as ids.
fn solve(p: &Problem) -> (i64, Vec<Vec<String>>, Vec<Reason>) {
    compare(p);
    let s = lineup::solve(p).unwrap();
    verify_optimal(p, &s);
    (
        s.score,
        s.lineup.into_iter().map(|l| l.facilitators).collect(),
        s.reasons,
    )
}

fn infeasible(p: &Problem) -> Vec<Reason> {
    compare(p);
    let s = lineup::solve(p).unwrap();
    verify_infeasible(p, &s);
    s.reasons
}

const FR: &str = "FR";
const KR: &str = "KR";

#[test]
fn each_seminar_takes_the_count_of_each_country() {
    let p = make(
        &["s1"],
        &[
            ("f1", FR, "commune", None),
            ("f2", FR, "commune", None),
            ("f3", FR, "commune", None),
            ("k1", KR, "gu", None),
            ("k2", KR, "gu", None),
            ("k3", KR, "gu", None),
        ],
        &[
            ("f1", "s1", 1),
            ("f2", "s1", 2),
            ("f3", "s1", 2),
            ("k1", "s1", 3),
            ("k2", "s1", 1),
            ("k3", "s1", 1),
        ],
        &[(FR, 1), (KR, 2)],
    );
    let (score, lineup, _) = solve(&p);
    assert_eq!(lineup, [["f1", "k2", "k3"]]);
    assert_eq!(score, 9);
}

#[test]
fn better_ranks_win() {
    let p = make(
        &["s1", "s2"],
        &[("fa", FR, "commune", None), ("fb", FR, "commune", None)],
        &[
            ("fa", "s1", 1),
            ("fa", "s2", 2),
            ("fb", "s1", 2),
            ("fb", "s2", 1),
        ],
        &[(FR, 1)],
    );
    let (score, lineup, reasons) = solve(&p);
    assert_eq!(lineup, [["fa"], ["fb"]]);
    assert_eq!(score, 6);
    assert_eq!(
        reasons[0],
        Reason::Chosen {
            seminar: "s1".into(),
            candidate: "fa".into(),
            rank: 1,
            points: 3
        }
    );
}

#[test]
fn a_candidate_facilitates_one_seminar_at_most() {
    let mut p = make(
        &["s1", "s2"],
        &[("fa", FR, "commune", None), ("fb", FR, "commune", None)],
        &[("fa", "s1", 1), ("fa", "s2", 1), ("fb", "s2", 3)],
        &[(FR, 1)],
    );
    let (score, lineup, _) = solve(&p);
    assert_eq!(lineup, [["fa"], ["fb"]]);
    assert_eq!(score, 4);

    // Without fb, one candidate cannot serve two seminars: a shortage shared by both.
    p.candidates.pop();
    p.interests.pop();
    let reasons = infeasible(&p);
    assert_eq!(
        reasons,
        [Reason::SharedShortage {
            country: "FR".into(),
            seminars: vec!["s1".into(), "s2".into()],
            needed: 2,
            available: 1,
            candidates: vec!["fa".into()]
        }]
    );
}

#[test]
fn only_a_seminar_of_interest() {
    let mut p = make(
        &["s1", "s2"],
        &[
            ("fa", FR, "commune", None),
            ("fb", FR, "commune", None),
            ("fc", FR, "commune", None),
        ],
        &[("fa", "s2", 1), ("fb", "s1", 3), ("fc", "s2", 2)],
        &[(FR, 1)],
    );
    let (_, lineup, _) = solve(&p);
    assert_eq!(lineup, [["fb"], ["fa"]]);

    p.interests.remove(1);
    let reasons = infeasible(&p);
    assert_eq!(
        reasons,
        [Reason::TooFewCandidates {
            seminar: "s1".into(),
            country: "FR".into(),
            needed: 1,
            available: 0
        }]
    );
}

#[test]
fn countries_not_in_per_seminar_are_never_chosen() {
    let mut p = make(
        &["s1"],
        &[("de", "DE", "gemeinde", None), ("fa", FR, "commune", None)],
        &[("de", "s1", 1), ("fa", "s1", 3)],
        &[(FR, 1)],
    );
    p.partnerships.push(("de".into(), "fa".into()));
    let (score, lineup, _) = solve(&p);
    assert_eq!(lineup, [["fa"]]);
    assert_eq!(score, 1);
}

#[test]
fn locks_are_kept_even_at_a_cost() {
    let mut p = make(
        &["s1"],
        &[("fa", FR, "commune", None), ("fb", FR, "commune", None)],
        &[("fa", "s1", 1), ("fb", "s1", 3)],
        &[(FR, 1)],
    );
    assert_eq!(solve(&p).1, [["fa"]]);
    p.locked.push(lock("fb", "s1"));
    let (score, lineup, reasons) = solve(&p);
    assert_eq!(lineup, [["fb"]]);
    assert_eq!(score, 1);
    assert!(reasons.contains(&Reason::Locked {
        seminar: "s1".into(),
        candidate: "fb".into()
    }));
}

#[test]
fn a_locked_candidate_is_not_available_elsewhere() {
    let mut p = make(
        &["s1", "s2"],
        &[("fa", FR, "commune", None), ("fb", FR, "commune", None)],
        &[("fa", "s1", 1), ("fa", "s2", 1), ("fb", "s1", 1)],
        &[(FR, 1)],
    );
    p.locked.push(lock("fa", "s1"));
    let reasons = infeasible(&p);
    assert_eq!(
        reasons,
        [Reason::TooFewCandidates {
            seminar: "s2".into(),
            country: "FR".into(),
            needed: 1,
            available: 0
        }]
    );
}

#[test]
fn partners_of_two_countries_earn_the_twin_bonus() {
    let mut p = make(
        &["s1"],
        &[
            ("fa", FR, "commune", None),
            ("fb", FR, "commune", None),
            ("kk", KR, "gu", None),
        ],
        &[("fa", "s1", 1), ("fb", "s1", 2), ("kk", "s1", 1)],
        &[(FR, 1), (KR, 1)],
    );
    p.weights.rank = vec![3, 2];
    assert_eq!(solve(&p).1, [["fa", "kk"]]);
    // Listed in either order.
    p.partnerships.push(("kk".into(), "fb".into()));
    let (score, lineup, reasons) = solve(&p);
    assert_eq!(lineup, [["fb", "kk"]]);
    assert_eq!(score, 2 + 3 + 2);
    assert!(reasons.contains(&Reason::TwinPair {
        seminar: "s1".into(),
        a: "fb".into(),
        b: "kk".into(),
        points: 2
    }));
}

#[test]
fn partners_of_one_country_earn_nothing() {
    let mut p = make(
        &["s1"],
        &[("fa", FR, "commune", None), ("fb", FR, "commune", None)],
        &[("fa", "s1", 1), ("fb", "s1", 1)],
        &[(FR, 2)],
    );
    p.partnerships.push(("fa".into(), "fb".into()));
    assert_eq!(solve(&p).0, 6);
}

#[test]
fn several_levels_earn_the_level_bonus() {
    let mut p = make(
        &["s1"],
        &[
            ("fa", FR, "commune", Some(1)),
            ("fb", FR, "commune", Some(1)),
            ("fc", FR, "département", Some(1)),
        ],
        &[("fa", "s1", 1), ("fb", "s1", 1), ("fc", "s1", 2)],
        &[(FR, 2)],
    );
    p.weights.diverse_level = 2;
    let (score, lineup, reasons) = solve(&p);
    assert_eq!(lineup.len(), 1);
    assert!(lineup[0].contains(&"fc".to_owned()));
    assert_eq!(score, 3 + 2 + 2);
    assert!(reasons.contains(&Reason::DiverseLevels {
        seminar: "s1".into(),
        country: "FR".into(),
        levels: vec!["commune".into(), "département".into()],
        points: 2
    }));
    assert!(reasons.contains(&Reason::SameSize {
        seminar: "s1".into(),
        country: "FR".into(),
        class: SizeClass::Under100k,
        other_classes_available: false
    }));

    // A bonus of 1 does not pay for the worse rank: same level, and the reason says
    // another level was there.
    p.weights.diverse_level = 0;
    p.weights.rank = vec![3, 1];
    p.weights.diverse_level = 1;
    let (score, lineup, reasons) = solve(&p);
    assert_eq!(score, 6);
    assert_eq!(lineup, [["fa", "fb"]]);
    assert!(reasons.contains(&Reason::SameLevel {
        seminar: "s1".into(),
        country: "FR".into(),
        level: "commune".into(),
        other_levels_available: true
    }));
}

#[test]
fn one_facilitator_of_a_country_never_earns_diversity() {
    let p = make(
        &["s1"],
        &[
            ("fa", FR, "commune", Some(5)),
            ("kk", KR, "gu", Some(5_000_000)),
        ],
        &[("fa", "s1", 1), ("kk", "s1", 1)],
        &[(FR, 1), (KR, 1)],
    );
    let (score, _, reasons) = solve(&p);
    assert_eq!(score, 6);
    assert!(reasons.iter().all(|r| matches!(r, Reason::Chosen { .. })));
}

#[test]
fn size_classes_follow_the_contract_boundaries() {
    let cases = [
        (Some(99_999), Some(100_000), true),
        (Some(100_000), Some(999_999), false),
        (Some(999_999), Some(1_000_000), true),
        (Some(1_000_000), Some(30_000_000), false),
        (Some(0), Some(99_999), false),
        (None, None, false),
        (None, Some(5), true),
    ];
    for (a, b, diverse) in cases {
        let mut p = make(
            &["s1"],
            &[("fa", FR, "commune", a), ("fb", FR, "commune", b)],
            &[("fa", "s1", 1), ("fb", "s1", 1)],
            &[(FR, 2)],
        );
        p.weights.diverse_size = 5;
        assert_eq!(solve(&p).0, 6 + if diverse { 5 } else { 0 }, "{a:?} {b:?}");
    }
    assert_eq!(SizeClass::of(Some(99_999)), SizeClass::Under100k);
    assert_eq!(SizeClass::of(Some(100_000)), SizeClass::From100kTo1m);
    assert_eq!(SizeClass::of(Some(999_999)), SizeClass::From100kTo1m);
    assert_eq!(SizeClass::of(Some(1_000_000)), SizeClass::From1m);
    assert_eq!(SizeClass::of(None), SizeClass::Unknown);
}

#[test]
fn a_rank_past_the_weights_list_scores_nothing() {
    let p = make(
        &["s1"],
        &[("fa", FR, "commune", None)],
        &[("fa", "s1", 4)],
        &[(FR, 1)],
    );
    let (score, _, reasons) = solve(&p);
    assert_eq!(score, 0);
    assert_eq!(reasons[0].points(), 0);
    assert_eq!(p.weights.rank_points(4), 0);
    assert_eq!(p.weights.rank_points(3), 1);
}

#[test]
fn too_many_locks_of_a_country_conflict() {
    let mut p = make(
        &["s1"],
        &[
            ("fa", FR, "commune", None),
            ("fb", FR, "commune", None),
            ("de", "DE", "land", None),
            ("kk", KR, "gu", None),
        ],
        &[
            ("fa", "s1", 1),
            ("fb", "s1", 1),
            ("de", "s1", 1),
            ("kk", "s1", 1),
        ],
        &[(FR, 1), (KR, 1)],
    );
    p.locked = vec![lock("fb", "s1"), lock("fa", "s1"), lock("de", "s1")];
    let reasons = infeasible(&p);
    assert_eq!(
        reasons,
        [
            Reason::LockConflict {
                seminar: "s1".into(),
                country: "DE".into(),
                allowed: 0,
                locked: vec!["de".into()]
            },
            Reason::LockConflict {
                seminar: "s1".into(),
                country: "FR".into(),
                allowed: 1,
                locked: vec!["fa".into(), "fb".into()]
            },
        ]
    );
    assert_eq!(
        reasons[1].to_string(),
        "Seminar s1 takes 1 facilitator from FR but 2 are locked to it: fa and fb."
    );
}

#[test]
fn every_shortage_is_reported() {
    let p = make(
        &["s1", "s2", "s3", "s4"],
        &[
            ("f1", FR, "commune", None),
            ("k1", KR, "gu", None),
            ("k2", KR, "gu", None),
            ("k3", KR, "gu", None),
        ],
        &[
            ("f1", "s1", 1),
            ("k1", "s2", 1),
            ("k2", "s2", 1),
            ("k1", "s3", 1),
            ("k2", "s3", 1),
            ("k3", "s4", 1),
        ],
        &[(FR, 0), (KR, 1)],
    );
    let reasons = infeasible(&p);
    assert_eq!(reasons.len(), 1);
    let p2 = make(
        &["s1", "s2", "s3"],
        &[
            ("k1", KR, "gu", None),
            ("k2", KR, "gu", None),
            ("k3", KR, "gu", None),
        ],
        &[
            ("k1", "s2", 1),
            ("k2", "s2", 1),
            ("k1", "s3", 1),
            ("k2", "s3", 1),
            ("k3", "s3", 1),
        ],
        &[(KR, 2)],
    );
    let reasons = infeasible(&p2);
    assert!(
        matches!(&reasons[0], Reason::TooFewCandidates { seminar, available: 0, .. } if seminar == "s1")
    );
    assert!(
        matches!(&reasons[1], Reason::SharedShortage { seminars, .. } if seminars == &["s2", "s3"])
    );
    assert_eq!(
        reasons[1].to_string(),
        "Seminars s2 and s3 together need 4 facilitators from KR, but only 3 candidates of KR can facilitate any of them: k1, k2 and k3."
    );
}

#[test]
fn no_count_gives_empty_line_ups() {
    let p = make(
        &["s1", "s2"],
        &[("fa", FR, "commune", None)],
        &[("fa", "s1", 1)],
        &[],
    );
    let s = lineup::solve(&p).unwrap();
    assert_eq!(s.status, Status::Optimal);
    assert_eq!(s.score, 0);
    assert_eq!(s.lineup.len(), 2);
    assert!(s.lineup.iter().all(|l| l.facilitators.is_empty()));
    verify_optimal(&p, &s);
}

#[test]
fn no_seminars_is_trivially_optimal() {
    let p = make(&[], &[("fa", FR, "commune", None)], &[], &[(FR, 2)]);
    let s = lineup::solve(&p).unwrap();
    assert_eq!((s.status, s.score, s.lineup.len()), (Status::Optimal, 0, 0));
}

#[test]
fn zero_weights_still_give_a_valid_line_up() {
    let mut p = make(
        &["s1"],
        &[
            ("fa", FR, "commune", None),
            ("fb", FR, "si", Some(5)),
            ("fc", FR, "x", None),
        ],
        &[("fa", "s1", 1), ("fb", "s1", 2), ("fc", "s1", 1)],
        &[(FR, 2)],
    );
    p.weights = Weights {
        rank: vec![],
        twin_pair: 0,
        diverse_level: 0,
        diverse_size: 0,
    };
    assert_eq!(solve(&p).0, 0);
}

#[test]
fn facilitators_come_by_country_code_then_id() {
    let p = make(
        &["s1"],
        &[
            ("z-kr", KR, "gu", None),
            ("b-fr", FR, "commune", None),
            ("y-de", "DE", "land", None),
            ("a-kr", KR, "si", None),
            ("c-fr", FR, "commune", None),
        ],
        &[
            ("z-kr", "s1", 1),
            ("b-fr", "s1", 1),
            ("y-de", "s1", 1),
            ("a-kr", "s1", 1),
            ("c-fr", "s1", 1),
        ],
        &[(KR, 2), ("DE", 1), (FR, 2)],
    );
    assert_eq!(solve(&p).1, [["y-de", "b-fr", "c-fr", "a-kr", "z-kr"]]);
}
