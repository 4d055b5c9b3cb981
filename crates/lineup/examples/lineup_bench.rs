//! Benchmark of the line-up solver on a realistic instance: 20 seminars, 400 candidates
//! (half French, half Korean), interests in 1–3 seminars each, about 150 partnerships.
//!
//! `cargo run --release -p lineup --example lineup_bench -- [--seed N] [--runs N] [--write FILE]
//! [--read FILE]`
//!
//! `--write FILE` also writes the generated problem as JSON, for timing
//! `jumelage lineup --input FILE` as a whole process; `--read FILE` times a problem of the
//! contract's form from a file instead of generating one.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use lineup::{Candidate, Interest, Lock, Problem, Seminar, Solution, Status, Weights};

const THEMES: [&str; 20] = [
    "sustainable development",
    "digital public services",
    "culture and heritage",
    "youth exchanges",
    "urban mobility",
    "water management",
    "ageing population",
    "tourism",
    "smart city",
    "local democracy",
    "waste and recycling",
    "energy transition",
    "public health",
    "education",
    "agriculture and food",
    "disaster prevention",
    "housing",
    "sport",
    "economic development",
    "social inclusion",
];

/// French levels with their weight in the draw and their population range.
const FR_LEVELS: [(&str, u32, u64, u64); 4] = [
    ("commune", 70, 2_000, 900_000),
    ("intercommunalité", 15, 30_000, 1_500_000),
    ("département", 10, 150_000, 2_600_000),
    ("région", 5, 1_000_000, 12_000_000),
];
const KR_LEVELS: [(&str, u32, u64, u64); 5] = [
    ("gu", 35, 50_000, 680_000),
    ("si", 35, 30_000, 1_200_000),
    ("gun", 15, 9_000, 90_000),
    ("gwangyeoksi", 8, 1_100_000, 3_400_000),
    ("do", 7, 1_500_000, 13_600_000),
];

/// splitmix64: small, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut draw = self.below(u64::from(total)) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if draw < w {
                return i;
            }
            draw -= w;
        }
        weights.len() - 1
    }

    /// Log-uniform in [low, high].
    fn population(&mut self, low: u64, high: u64) -> u64 {
        let (l, h) = ((low as f64).ln(), (high as f64).ln());
        let u = self.below(1 << 20) as f64 / f64::from(1 << 20);
        (l + u * (h - l)).exp() as u64
    }
}

fn generate(seed: u64) -> Problem {
    let mut rng = Rng(seed);
    let seminars: Vec<Seminar> = THEMES
        .iter()
        .enumerate()
        .map(|(i, theme)| Seminar {
            id: format!("s{:02}", i + 1),
            theme: Some((*theme).to_owned()),
        })
        .collect();
    // Some themes draw more interest than others (up to 3 times as much).
    let popularity: Vec<u32> = (0..seminars.len())
        .map(|_| 2 + rng.below(5) as u32)
        .collect();

    let mut candidates = Vec::new();
    let mut interests = Vec::new();
    for i in 0..400 {
        let (country, levels): (&str, &[(&str, u32, u64, u64)]) = if i % 2 == 0 {
            ("FR", &FR_LEVELS)
        } else {
            ("KR", &KR_LEVELS)
        };
        let weights: Vec<u32> = levels.iter().map(|l| l.1).collect();
        let (level, _, low, high) = levels[rng.weighted(&weights)];
        let population = (rng.below(20) != 0).then(|| rng.population(low, high));
        let id = format!("{}-{:03}", country.to_lowercase(), i / 2 + 1);
        let count = 1 + rng.below(3) as usize;
        let mut chosen = Vec::new();
        while chosen.len() < count {
            let s = rng.weighted(&popularity);
            if !chosen.contains(&s) {
                chosen.push(s);
            }
        }
        for (r, s) in chosen.into_iter().enumerate() {
            interests.push(Interest {
                candidate: id.clone(),
                seminar: seminars[s].id.clone(),
                rank: r as i64 + 1,
            });
        }
        candidates.push(Candidate {
            id,
            country: country.to_owned(),
            level: level.to_owned(),
            population,
        });
    }

    // About 150 French–Korean partnerships, favouring pairs that share an interest.
    let mut by_seminar: HashMap<&str, Vec<&str>> = HashMap::new();
    for interest in &interests {
        by_seminar
            .entry(interest.seminar.as_str())
            .or_default()
            .push(interest.candidate.as_str());
    }
    let mut pairs = HashSet::new();
    let mut partnerships = Vec::new();
    while partnerships.len() < 150 {
        let (a, b) = if rng.below(3) != 0 {
            let s = &seminars[rng.below(seminars.len() as u64) as usize].id;
            let ids = &by_seminar[s.as_str()];
            (
                ids[rng.below(ids.len() as u64) as usize],
                ids[rng.below(ids.len() as u64) as usize],
            )
        } else {
            (
                candidates[rng.below(400) as usize].id.as_str(),
                candidates[rng.below(400) as usize].id.as_str(),
            )
        };
        let (fr, kr) = match (&a[..2], &b[..2]) {
            ("fr", "kr") => (a, b),
            ("kr", "fr") => (b, a),
            _ => continue,
        };
        if pairs.insert((fr, kr)) {
            partnerships.push((fr.to_owned(), kr.to_owned()));
        }
    }

    // Two candidates locked to their first choice, as an organiser might do.
    let locked = interests
        .iter()
        .filter(|i| i.rank == 1)
        .step_by(97)
        .take(2)
        .map(|i| Lock {
            candidate: i.candidate.clone(),
            seminar: i.seminar.clone(),
        })
        .collect();

    Problem {
        seminars,
        candidates,
        interests,
        partnerships,
        locked,
        per_seminar: BTreeMap::from([("FR".to_owned(), 2), ("KR".to_owned(), 2)]),
        weights: Weights::default(),
        allow_partial: false,
    }
}

/// Checks the hard rules and the score independently of the library; panics on a breach.
fn verify(problem: &Problem, solution: &Solution) {
    assert_eq!(
        solution.status,
        Status::Optimal,
        "{:?}",
        solution.explanation
    );
    let country: HashMap<&str, &str> = problem
        .candidates
        .iter()
        .map(|c| (c.id.as_str(), c.country.as_str()))
        .collect();
    let rank: HashMap<(&str, &str), i64> = problem
        .interests
        .iter()
        .map(|i| ((i.candidate.as_str(), i.seminar.as_str()), i.rank))
        .collect();
    let mut seen = HashSet::new();
    let mut rank_points = 0;
    for entry in &solution.lineup {
        for (code, &need) in &problem.per_seminar {
            let count = entry
                .facilitators
                .iter()
                .filter(|f| country[f.as_str()] == code)
                .count();
            assert_eq!(count as i64, need, "{} from {code}", entry.seminar);
        }
        for f in &entry.facilitators {
            assert!(seen.insert(f.as_str()), "{f} twice");
            let r = rank[&(f.as_str(), entry.seminar.as_str())];
            rank_points += problem.weights.rank_points(r);
        }
    }
    for lock in &problem.locked {
        let entry = solution
            .lineup
            .iter()
            .find(|e| e.seminar == lock.seminar)
            .expect("seminar in line-up");
        assert!(entry.facilitators.contains(&lock.candidate));
    }
    let points: i64 = solution.reasons.iter().map(|r| r.points()).sum();
    assert_eq!(points, solution.score);
    assert!(rank_points <= solution.score);
}

fn main() {
    let mut seed = 2024;
    let mut runs = 7;
    let mut write = None;
    let mut read = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed N"),
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).expect("--runs N"),
            "--write" => write = Some(args.next().expect("--write FILE")),
            "--read" => read = Some(args.next().expect("--read FILE")),
            other => {
                panic!(
                    "unknown argument {other}; use --seed N, --runs N, --write FILE, --read FILE"
                )
            }
        }
    }

    let problem = match &read {
        Some(path) => {
            let text = std::fs::read_to_string(path).expect("problem file read");
            serde_json::from_str(&text).expect("problem JSON")
        }
        None => generate(seed),
    };
    if let Some(path) = &write {
        let json = serde_json::to_string_pretty(&problem).expect("problem serialises");
        std::fs::write(path, json + "\n").expect("problem file written");
        println!("problem written to {path}");
    }

    let mut times: Vec<Duration> = Vec::new();
    let mut last = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let result = lineup::solve_with_stats(&problem).expect("well-formed problem");
        times.push(start.elapsed());
        last = Some(result);
    }
    let (solution, stats) = last.expect("at least one run");
    verify(&problem, &solution);
    times.sort();
    let median = times[times.len() / 2];

    let twins = solution
        .reasons
        .iter()
        .filter(|r| r.kind() == "twin_pair")
        .count();
    let origin = read.map_or_else(|| format!("seed {seed}"), |path| path.to_string());
    println!(
        "instance: {} seminars, {} candidates, {} interests, {} partnerships, {} locks ({origin})",
        problem.seminars.len(),
        problem.candidates.len(),
        problem.interests.len(),
        problem.partnerships.len(),
        problem.locked.len()
    );
    println!(
        "model: {} variables ({} assignment, {} twin-pair, {} diversity), {} constraints, {} branch-and-bound nodes",
        stats.variables,
        stats.assignment_variables,
        stats.twin_variables,
        stats.diversity_variables,
        stats.constraints,
        stats.nodes
    );
    println!(
        "status: {:?}, score {}, {twins} twin pairs in the line-up",
        solution.status, solution.score
    );
    println!(
        "time to a proven optimum: median {:.1} ms over {} runs (min {:.1} ms, max {:.1} ms)",
        median.as_secs_f64() * 1e3,
        times.len(),
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
}
