//! The MILP against exhaustive search, on fixed and on many seeded random small problems.

use std::time::Duration;

use lineup::{Problem, ProblemError, Status};

use crate::common::{build, compare, random_draw, Rng};

#[test]
fn random_small_problems_agree_with_brute_force() {
    let mut rng = Rng(0x6a75_6d65_6c61_6765);
    let (mut feasible, mut infeasible) = (0, 0);
    for _ in 0..1000 {
        let draw = random_draw(&mut rng, 4, 10);
        let p = build(&draw);
        assert_eq!(lineup::check(&p), Ok(()), "{draw:?}");
        if compare(&p) {
            feasible += 1;
        } else {
            infeasible += 1;
        }
    }
    // Both outcomes are well represented.
    assert!(feasible >= 200, "{feasible} feasible");
    assert!(infeasible >= 200, "{infeasible} infeasible");
}

/// Four seminars, ten candidates, dense interests and partnerships: a search space big
/// enough to make a wrong linearisation show.
fn dense(seed: u64) -> Problem {
    let mut rng = Rng(seed);
    let mut draw = random_draw(&mut rng, 1, 3);
    draw.seminars = 4;
    draw.candidates = (0..10)
        .map(|i| {
            let picks = (0..3)
                .map(|_| (rng.below(4), 1 + rng.below(3) as i64))
                .collect();
            (i % 2, rng.below(3), rng.below(6), picks)
        })
        .collect();
    draw.partnerships = (0..8).map(|_| (rng.below(10), rng.below(10))).collect();
    draw.locks = if [true, false, false][seed as usize % 3] {
        vec![(0, rng.below(4))]
    } else {
        vec![]
    };
    draw.per_seminar = (1, 1, false);
    draw.weights = (vec![3, 2, 1], 2, 1, 1);
    build(&draw)
}

#[test]
fn dense_problems_agree_with_brute_force() {
    let mut optimal = 0;
    for seed in 0..12 {
        if compare(&dense(seed)) {
            optimal += 1;
        }
    }
    assert!(optimal >= 6, "{optimal} of 12 feasible");
}

#[test]
fn two_per_country_with_diversity_agrees_with_brute_force() {
    for seed in 0..10 {
        let mut p = dense(100 + seed);
        p.seminars.truncate(2);
        p.interests
            .retain(|i| i.seminar == "s0" || i.seminar == "s1");
        p.locked.retain(|l| l.seminar == "s0" || l.seminar == "s1");
        p.per_seminar.insert("FR".into(), 2);
        p.per_seminar.insert("KR".into(), 2);
        p.weights.diverse_level = 2;
        p.weights.diverse_size = 3;
        compare(&p);
    }
}

/// Six seminars, sixty candidates, two of each country per seminar.
fn medium() -> Problem {
    let mut rng = Rng(7);
    let mut draw = random_draw(&mut rng, 1, 3);
    draw.seminars = 6;
    draw.candidates = (0..60)
        .map(|i| {
            let picks = (0..1 + rng.below(3))
                .map(|r| (rng.below(6), 1 + r as i64))
                .collect();
            (i % 2, rng.below(3), rng.below(6), picks)
        })
        .collect();
    draw.partnerships = (0..25).map(|_| (rng.below(60), rng.below(60))).collect();
    draw.locks = vec![];
    draw.per_seminar = (2, 2, false);
    draw.weights = (vec![3, 2, 1], 2, 1, 1);
    build(&draw)
}

#[test]
fn a_medium_problem_is_solved_and_checked() {
    // Too big for brute force: checked against the rules and an independent upper bound.
    let p = medium();
    let (s, stats) = lineup::solve_with_stats(&p).unwrap();
    assert!(stats.assignment_variables > 0 && stats.constraints > 0);
    assert_eq!(
        stats.variables,
        stats.assignment_variables + stats.twin_variables + stats.diversity_variables
    );
    assert_eq!(s.status, Status::Optimal, "{:?}", s.explanation);
    crate::common::verify_optimal(&p, &s);
    // Each of the 24 places earns at most 3 for its rank, and each seminar at most 4 twin
    // pairs and 4 diversity bonuses.
    assert!(s.score <= 24 * 3 + 6 * (4 * 2 + 4));
    assert!(s.score > 0);
}

#[test]
fn the_time_limit_is_an_error_not_a_guess() {
    let options = lineup::SolveOptions {
        time_limit: Some(Duration::ZERO),
    };
    let error = lineup::solve_with(&medium(), &options).unwrap_err();
    assert_eq!(error, ProblemError::TimeLimit { limit_ms: 0 });
    assert_eq!(error.code(), "time_limit");
    assert_eq!(error.at(), None);
    let unlimited = lineup::SolveOptions { time_limit: None };
    let (solution, _) = lineup::solve_with(&medium(), &unlimited).unwrap();
    assert_eq!(solution, lineup::solve(&medium()).unwrap());
}
