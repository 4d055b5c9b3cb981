//! Test helpers written independently of the library: an exhaustive solver, a scorer, a
//! checker of the hard rules and of infeasibility certificates, and random small problems.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use lineup::{Candidate, Interest, Lock, Problem, Reason, Seminar, Solution, Status, Weights};

/// A problem from JSON, panicking on a shape error.
pub fn problem(json: serde_json::Value) -> Problem {
    serde_json::from_value(json).expect("problem JSON")
}

fn size_class(population: Option<u64>) -> u8 {
    match population {
        None => 3,
        Some(p) if p < 100_000 => 0,
        Some(p) if p < 1_000_000 => 1,
        Some(_) => 2,
    }
}

/// The score of a line-up (seminar id → facilitator ids), straight from the contract.
pub fn score(p: &Problem, lineup: &[(String, Vec<String>)]) -> i64 {
    let candidate: HashMap<&str, &Candidate> =
        p.candidates.iter().map(|c| (c.id.as_str(), c)).collect();
    let rank: HashMap<(&str, &str), i64> = p
        .interests
        .iter()
        .map(|i| ((i.candidate.as_str(), i.seminar.as_str()), i.rank))
        .collect();
    let partners: HashSet<(&str, &str)> = p
        .partnerships
        .iter()
        .flat_map(|(a, b)| [(a.as_str(), b.as_str()), (b.as_str(), a.as_str())])
        .collect();
    let w = &p.weights;
    let mut total = 0;
    for (seminar, facilitators) in lineup {
        for f in facilitators {
            let r = rank[&(f.as_str(), seminar.as_str())];
            total += w.rank.get((r - 1) as usize).copied().unwrap_or(0);
        }
        for (i, a) in facilitators.iter().enumerate() {
            for b in &facilitators[i + 1..] {
                let different = candidate[a.as_str()].country != candidate[b.as_str()].country;
                if different && partners.contains(&(a.as_str(), b.as_str())) {
                    total += w.twin_pair;
                }
            }
        }
        for country in p.per_seminar.keys() {
            let of: Vec<&Candidate> = facilitators
                .iter()
                .map(|f| candidate[f.as_str()])
                .filter(|c| &c.country == country)
                .collect();
            let levels: BTreeSet<&str> = of.iter().map(|c| c.level.as_str()).collect();
            let sizes: BTreeSet<u8> = of.iter().map(|c| size_class(c.population)).collect();
            if levels.len() > 1 {
                total += w.diverse_level;
            }
            if sizes.len() > 1 {
                total += w.diverse_size;
            }
        }
    }
    total
}

/// The best score over all line-ups, by exhaustive search (`None` if none is feasible).
pub fn brute_force(p: &Problem) -> Option<i64> {
    exhaustive(p, false).map(|(_, score)| score)
}

/// Over the line-ups that may leave places empty: the most places filled, then the best
/// score among those, by exhaustive search.
pub fn brute_force_partial(p: &Problem) -> Option<(i64, i64)> {
    exhaustive(p, true)
}

fn exhaustive(p: &Problem, partial: bool) -> Option<(i64, i64)> {
    let seminar: HashMap<&str, usize> = p
        .seminars
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let locked: HashMap<&str, &str> = p
        .locked
        .iter()
        .map(|l| (l.candidate.as_str(), l.seminar.as_str()))
        .collect();
    // Options of each candidate: the seminars it may facilitate, and "none" unless locked.
    let options: Vec<Vec<Option<usize>>> = p
        .candidates
        .iter()
        .map(|c| {
            if let Some(s) = locked.get(c.id.as_str()) {
                return vec![Some(seminar[s])];
            }
            let mut o = vec![None];
            if p.per_seminar.contains_key(&c.country) {
                o.extend(
                    p.interests
                        .iter()
                        .filter(|i| i.candidate == c.id)
                        .map(|i| Some(seminar[i.seminar.as_str()])),
                );
            }
            o
        })
        .collect();
    let mut best = None;
    let mut choice = vec![None; p.candidates.len()];
    search(p, &options, 0, &mut choice, &mut best, partial);
    best
}

fn search(
    p: &Problem,
    options: &[Vec<Option<usize>>],
    i: usize,
    choice: &mut Vec<Option<usize>>,
    best: &mut Option<(i64, i64)>,
    partial: bool,
) {
    let count = |choice: &[Option<usize>], s: usize, country: &str| {
        choice
            .iter()
            .zip(&p.candidates)
            .filter(|(c, cand)| **c == Some(s) && cand.country == country)
            .count() as i64
    };
    if i == options.len() {
        for s in 0..p.seminars.len() {
            for (country, &need) in &p.per_seminar {
                if !partial && count(choice, s, country) != need {
                    return;
                }
            }
        }
        let lineup: Vec<(String, Vec<String>)> = p
            .seminars
            .iter()
            .enumerate()
            .map(|(s, sem)| {
                let f = choice
                    .iter()
                    .zip(&p.candidates)
                    .filter(|(c, _)| **c == Some(s))
                    .map(|(_, cand)| cand.id.clone())
                    .collect();
                (sem.id.clone(), f)
            })
            .collect();
        let value = (
            lineup.iter().map(|(_, f)| f.len() as i64).sum::<i64>(),
            score(p, &lineup),
        );
        if best.is_none_or(|b| value > b) {
            *best = Some(value);
        }
        return;
    }
    for &option in &options[i] {
        choice[i] = option;
        if let Some(s) = option {
            let country = &p.candidates[i].country;
            let need = p.per_seminar.get(country).copied().unwrap_or(0);
            if count(&choice[..=i], s, country) > need {
                continue;
            }
        }
        search(p, options, i + 1, choice, best, partial);
    }
    choice[i] = None;
}

/// Checks an optimal solution against the contract: the hard rules, the reported score
/// recomputed, the reasons' points and the output order.
pub fn verify_optimal(p: &Problem, solution: &Solution) {
    assert_eq!(solution.status, Status::Optimal);
    let candidate: HashMap<&str, &Candidate> =
        p.candidates.iter().map(|c| (c.id.as_str(), c)).collect();
    let interested: HashSet<(&str, &str)> = p
        .interests
        .iter()
        .map(|i| (i.candidate.as_str(), i.seminar.as_str()))
        .collect();
    let order: Vec<&str> = solution.lineup.iter().map(|l| l.seminar.as_str()).collect();
    let expected: Vec<&str> = p.seminars.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(order, expected, "seminars in input order");
    let mut seen = HashSet::new();
    for entry in &solution.lineup {
        for (country, &need) in &p.per_seminar {
            let n = entry
                .facilitators
                .iter()
                .filter(|f| &candidate[f.as_str()].country == country)
                .count() as i64;
            assert_eq!(n, need, "{} has {n} from {country}", entry.seminar);
        }
        for f in &entry.facilitators {
            assert!(p.per_seminar.contains_key(&candidate[f.as_str()].country));
            assert!(seen.insert(f.clone()), "{f} facilitates twice");
            assert!(interested.contains(&(f.as_str(), entry.seminar.as_str())));
        }
        let keys: Vec<(&str, &str)> = entry
            .facilitators
            .iter()
            .map(|f| (candidate[f.as_str()].country.as_str(), f.as_str()))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "facilitators by country, then id");
    }
    for lock in &p.locked {
        let entry = solution
            .lineup
            .iter()
            .find(|l| l.seminar == lock.seminar)
            .unwrap();
        assert!(entry.facilitators.contains(&lock.candidate), "lock kept");
    }
    let lineup: Vec<(String, Vec<String>)> = solution
        .lineup
        .iter()
        .map(|l| (l.seminar.clone(), l.facilitators.clone()))
        .collect();
    assert_eq!(score(p, &lineup), solution.score, "score recomputed");
    let points: i64 = solution.reasons.iter().map(Reason::points).sum();
    assert_eq!(points, solution.score, "reasons add up to the score");
    assert_eq!(solution.explanation.len(), solution.reasons.len());
}

/// Checks an infeasible solution: empty line-up, and every reason a true certificate.
pub fn verify_infeasible(p: &Problem, solution: &Solution) {
    assert_eq!(solution.status, Status::Infeasible);
    assert!(solution.lineup.is_empty());
    assert_eq!(solution.score, 0);
    assert!(!solution.reasons.is_empty());
    assert_eq!(solution.explanation.len(), solution.reasons.len());
    let country: HashMap<&str, &str> = p
        .candidates
        .iter()
        .map(|c| (c.id.as_str(), c.country.as_str()))
        .collect();
    let locked: HashMap<&str, &str> = p
        .locked
        .iter()
        .map(|l| (l.candidate.as_str(), l.seminar.as_str()))
        .collect();
    // Candidates of `code` interested in one of `seminars`, not locked outside them.
    let usable = |code: &str, seminars: &[String]| -> BTreeSet<String> {
        p.interests
            .iter()
            .filter(|i| seminars.contains(&i.seminar) && country[i.candidate.as_str()] == code)
            .filter(|i| {
                locked
                    .get(i.candidate.as_str())
                    .is_none_or(|s| seminars.iter().any(|x| x == s))
            })
            .map(|i| i.candidate.clone())
            .collect()
    };
    for reason in &solution.reasons {
        match reason {
            Reason::TooFewCandidates {
                seminar,
                country: code,
                needed,
                available,
            } => {
                assert_eq!(*needed, p.per_seminar[code]);
                let n = usable(code, std::slice::from_ref(seminar)).len();
                assert_eq!(n, *available);
                assert!((n as i64) < *needed);
            }
            Reason::LockConflict {
                seminar,
                country: code,
                allowed,
                locked: ids,
            } => {
                assert_eq!(*allowed, p.per_seminar.get(code).copied().unwrap_or(0));
                let mut expected: Vec<String> = p
                    .locked
                    .iter()
                    .filter(|l| &l.seminar == seminar && country[l.candidate.as_str()] == code)
                    .map(|l| l.candidate.clone())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                expected.sort();
                assert_eq!(&expected, ids);
                assert!(ids.len() as i64 > *allowed);
            }
            Reason::SharedShortage {
                country: code,
                seminars,
                needed,
                available,
                candidates,
            } => {
                assert!(seminars.len() >= 2);
                assert_eq!(*needed, p.per_seminar[code] * seminars.len() as i64);
                let set = usable(code, seminars);
                assert_eq!(set.len(), *available);
                assert_eq!(set.into_iter().collect::<Vec<_>>(), *candidates);
                assert!((*available as i64) < *needed);
            }
            other => panic!("not a specific reason: {other:?}"),
        }
    }
}

/// splitmix64, for reproducible random problems.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Country (0 FR, 1 KR, 2 DE), level, population class, interests (seminar, rank).
pub type DrawnCandidate = (usize, usize, usize, Vec<(usize, i64)>);

/// The raw draws of a small random problem; [`build`] makes a well-formed problem of them.
#[derive(Debug, Clone)]
pub struct Draw {
    pub seminars: usize,
    pub candidates: Vec<DrawnCandidate>,
    pub partnerships: Vec<(usize, usize)>,
    pub locks: Vec<(usize, usize)>,
    /// FR and KR counts, and whether DE takes 1.
    pub per_seminar: (i64, i64, bool),
    pub weights: (Vec<i64>, i64, i64, i64),
}

const LEVELS: [&str; 3] = ["commune", "département", "si"];
const POPULATIONS: [Option<u64>; 6] = [
    None,
    Some(99_999),
    Some(100_000),
    Some(999_999),
    Some(1_000_000),
    Some(4_000),
];

/// A well-formed problem from `draw`: repeated interests and impossible locks dropped.
pub fn build(draw: &Draw) -> Problem {
    let seminars: Vec<Seminar> = (0..draw.seminars)
        .map(|s| Seminar {
            id: format!("s{s}"),
            theme: None,
        })
        .collect();
    let mut candidates = Vec::new();
    let mut interests = Vec::new();
    let mut interested = HashSet::new();
    for (i, (country, level, population, picks)) in draw.candidates.iter().enumerate() {
        let code = ["FR", "KR", "DE"][*country];
        let id = format!("{}{i}", code.to_lowercase());
        for &(s, rank) in picks {
            let s = s % draw.seminars;
            if interested.insert((i, s)) {
                interests.push(Interest {
                    candidate: id.clone(),
                    seminar: format!("s{s}"),
                    rank,
                });
            }
        }
        candidates.push(Candidate {
            id,
            country: code.to_owned(),
            level: LEVELS[*level % LEVELS.len()].to_owned(),
            population: POPULATIONS[*population % POPULATIONS.len()],
        });
    }
    let n = candidates.len();
    let partnerships = draw
        .partnerships
        .iter()
        .map(|&(a, b)| (candidates[a % n].id.clone(), candidates[b % n].id.clone()))
        .collect();
    let mut locked_once = HashSet::new();
    let locked = draw
        .locks
        .iter()
        .filter_map(|&(c, s)| {
            let (c, s) = (c % n, s % draw.seminars);
            (interested.contains(&(c, s)) && locked_once.insert(c)).then(|| Lock {
                candidate: candidates[c].id.clone(),
                seminar: format!("s{s}"),
            })
        })
        .collect();
    let (fr, kr, de) = draw.per_seminar;
    let mut per_seminar = BTreeMap::from([("FR".to_owned(), fr), ("KR".to_owned(), kr)]);
    if de {
        per_seminar.insert("DE".to_owned(), 1);
    }
    let (rank, twin_pair, diverse_level, diverse_size) = draw.weights.clone();
    Problem {
        seminars,
        candidates,
        interests,
        partnerships,
        locked,
        per_seminar,
        weights: Weights {
            rank,
            twin_pair,
            diverse_level,
            diverse_size,
        },
        allow_partial: false,
    }
}

/// A random draw from `rng`: up to `max_seminars` seminars and `max_candidates` candidates.
pub fn random_draw(rng: &mut Rng, max_seminars: usize, max_candidates: usize) -> Draw {
    let count = 3 + rng.below(max_candidates - 2);
    let (fr, kr) = (draw_count(rng), draw_count(rng));
    // Seldom more seminars than the candidates could fill, so that about half are feasible.
    let fill = count / (fr + kr).max(1) as usize;
    let seminars = 1 + rng.below(max_seminars.min(fill + 1).max(1));
    let candidates = (0..count)
        .map(|_| {
            let country = if rng.below(8) == 0 { 2 } else { rng.below(2) };
            let picks = (0..1 + rng.below(seminars))
                .map(|_| (rng.below(seminars), 1 + rng.below(4) as i64))
                .collect();
            (country, rng.below(3), rng.below(6), picks)
        })
        .collect();
    let partnerships = (0..rng.below(count + 1))
        .map(|_| (rng.below(count), rng.below(count)))
        .collect();
    let locks = (0..rng.below(3).saturating_sub(1))
        .map(|_| (rng.below(count), rng.below(seminars)))
        .collect();
    let rank = (0..rng.below(4)).map(|_| rng.below(4) as i64).collect();
    Draw {
        seminars,
        candidates,
        partnerships,
        locks,
        per_seminar: (fr, kr, rng.below(6) == 0),
        weights: (
            rank,
            rng.below(4) as i64,
            rng.below(3) as i64,
            rng.below(3) as i64,
        ),
    }
}

/// Facilitators per seminar of a country: mostly 1, sometimes 0 or 2.
fn draw_count(rng: &mut Rng) -> i64 {
    [0, 1, 1, 1, 2, 2][rng.below(6)]
}

/// Solves `p` with the library and with brute force, and checks they agree.
/// Returns whether the problem was feasible.
pub fn compare(p: &Problem) -> bool {
    let solution = lineup::solve(p).expect("well-formed problem");
    match brute_force(p) {
        Some(best) => {
            assert_eq!(
                solution.status,
                Status::Optimal,
                "brute force found {best}: {:?}",
                solution.explanation
            );
            verify_optimal(p, &solution);
            assert_eq!(solution.score, best, "MILP score against brute force");
            true
        }
        None => {
            verify_infeasible(p, &solution);
            compare_partial(p);
            false
        }
    }
}

/// With `allow_partial`, an infeasible problem gets the line-up that fills the most places,
/// then scores best, as exhaustive search finds; its empty places are listed exactly.
pub fn compare_partial(p: &Problem) {
    let mut p = p.clone();
    p.allow_partial = true;
    let solution = match lineup::solve(&p) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    match brute_force_partial(&p) {
        None => assert_eq!(solution.status, Status::Infeasible),
        Some((filled, best)) => {
            assert_eq!(
                solution.status,
                Status::Partial,
                "{:?}",
                solution.explanation
            );
            let got: i64 = solution
                .lineup
                .iter()
                .map(|l| l.facilitators.len() as i64)
                .sum();
            assert_eq!(got, filled, "places filled against brute force");
            assert_eq!(solution.score, best, "score among the fullest line-ups");
            let lineup: Vec<(String, Vec<String>)> = solution
                .lineup
                .iter()
                .map(|l| (l.seminar.clone(), l.facilitators.clone()))
                .collect();
            assert_eq!(
                score(&p, &lineup),
                solution.score,
                "the score is the line-up's"
            );
            let places: i64 = p.per_seminar.values().sum::<i64>() * p.seminars.len() as i64;
            let missing: i64 = solution.unfilled.iter().map(|u| u.missing).sum();
            assert_eq!(filled + missing, places, "every empty place is listed");
            assert!(!solution.reasons.is_empty(), "the page says why");
        }
    }
}
