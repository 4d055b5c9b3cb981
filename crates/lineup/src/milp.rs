//! The MILP, solved exactly by `microlp` through `good_lp`.
//!
//! Variables:
//! - `x[c,s]` binary, for each interest of a candidate of a listed country in a seminar that
//!   takes that country (a locked candidate gets only its locked pair, fixed to 1);
//! - `y[a,b,s]` in \[0,1\] for partners `a`, `b` (two countries) both with an `x` in `s`:
//!   `y ≤ x[a,s]`, `y ≤ x[b,s]`, so at an optimum `y = x[a,s]·x[b,s]`;
//! - `d[s,C]` in \[0,1\] for the level bonus of country `C` in seminar `s` (when `C` takes at
//!   least 2 and its interested candidates have at least 2 levels): for every level `L` of
//!   these candidates, `d ≤ Σ x[c,s]` over the candidates of `C` whose level is not `L`.
//!   If the chosen ones are all of level `L`, that sum is 0, so `d = 0`; otherwise every such
//!   sum is at least 1 and `d` can reach 1. Likewise for size classes.
//!
//! Constraints: `Σ x[c,s] = per_seminar[C]` per seminar and country; `Σ_s x[c,s] ≤ 1` per
//! candidate. The objective is the score; with integer data, `y` and `d` take integer values
//! at an optimum without being declared integer.
//!
//! Proof of optimality: every line-up has an integer score. The branch and bound stops once
//! no open node can beat the incumbent by a whole point: it is given a relative gap of
//! `0.99 / U`, where `U` is an upper bound on any score (so the absolute gap
//! `bound − incumbent ≤ 0.99 · incumbent / U ≤ 0.99`), and the bound it reports is checked
//! to be below `incumbent + 1`. Then no line-up scores more than the incumbent: that is the
//! same proof as exhausting the tree, without the nodes that could only tie.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use good_lp::solvers::microlp::microlp;
use good_lp::solvers::{SolutionStatus, WithMipGap, WithTimeLimit};
use good_lp::{
    variable, Constraint, Expression, ProblemVariables, Solution as _, SolverModel, Variable,
};

use crate::evaluate::Assignment;
use crate::prepared::Prepared;
use crate::types::ModelStats;

/// What the solver proved.
pub(crate) enum Outcome {
    /// `place_weight`: what each filled place adds to the objective on top of the score (0
    /// unless partial line-ups are sought).
    Optimal {
        lineup: Assignment,
        objective: f64,
        place_weight: i64,
    },
    Infeasible,
}

/// Why the solver gave no answer.
pub(crate) enum Failure {
    /// No proof of optimality within the time limit.
    TimeLimit,
    Other(String),
}

/// Builds and solves the MILP of `p`, whose feasibility was checked; with `partial`, each
/// seminar takes at most its places (not exactly), and the objective puts every filled place
/// above any score: the most places filled, then the best score among those.
pub(crate) fn solve(
    p: &Prepared,
    time_limit: Option<Duration>,
    partial: bool,
) -> Result<(Outcome, ModelStats), Failure> {
    let mut model = Model::new(p);
    model.partial = partial;
    model.assignments();
    model.counts();
    model.twins();
    model.diversity();
    if partial {
        model.places_first();
    }
    model.solve(time_limit)
}

struct Model<'p, 'a> {
    p: &'p Prepared<'a>,
    vars: ProblemVariables,
    objective: Expression,
    constraints: Vec<Constraint>,
    /// Per seminar, its assignment variables: (candidate, x).
    x: Vec<Vec<(usize, Variable)>>,
    /// An upper bound on the objective of any line-up.
    upper: i64,
    stats: ModelStats,
    /// Seminars may keep places empty.
    partial: bool,
    /// What a filled place weighs in the objective (partial line-ups only).
    place_weight: i64,
}

impl<'p, 'a> Model<'p, 'a> {
    fn new(p: &'p Prepared<'a>) -> Self {
        Model {
            p,
            vars: ProblemVariables::new(),
            objective: Expression::default(),
            constraints: Vec::new(),
            x: vec![Vec::new(); p.problem.seminars.len()],
            upper: 0,
            stats: ModelStats::default(),
            partial: false,
            place_weight: 0,
        }
    }

    /// The assignment variables of seminar `s` for country `k`.
    fn of_country(&self, s: usize, k: usize) -> impl Iterator<Item = (usize, Variable)> + '_ {
        let p = self.p;
        self.x[s]
            .iter()
            .copied()
            .filter(move |&(c, _)| p.country_of[c] == Some(k))
    }

    fn assignments(&mut self) {
        let p = self.p;
        for (s, picks) in p.interested.iter().enumerate() {
            for pick in picks {
                let c = pick.candidate;
                let Some(k) = p.country_of[c] else { continue };
                if p.need[k] == 0 || p.lock_of[c].is_some_and(|l| l != s) {
                    continue;
                }
                let definition = if p.lock_of[c] == Some(s) {
                    variable().integer().clamp(1, 1)
                } else {
                    variable().binary()
                };
                let v = self.vars.add(definition);
                let points = p.problem.weights.rank_points(pick.rank);
                self.objective.add_mul(points as f64, v);
                self.x[s].push((c, v));
            }
        }
        self.stats.assignment_variables = self.vars.len();
    }

    fn counts(&mut self) {
        let p = self.p;
        let mut of_candidate: Vec<Vec<Variable>> = vec![Vec::new(); p.problem.candidates.len()];
        for s in 0..self.x.len() {
            for k in 0..p.countries.len() {
                let sum: Expression = self.of_country(s, k).map(|(_, v)| v).sum();
                let need = p.need[k] as f64;
                self.constraints.push(if self.partial {
                    sum.leq(need)
                } else {
                    sum.eq(need)
                });
                // Bound: the best ranks this seminar could get from this country.
                let mut points: Vec<i64> = self
                    .of_country(s, k)
                    .map(|(c, _)| p.problem.weights.rank_points(p.rank_of[&(c, s)]))
                    .collect();
                points.sort_unstable_by(|a, b| b.cmp(a));
                self.upper += points.iter().take(p.need_of(k)).sum::<i64>();
            }
            for &(c, v) in &self.x[s] {
                of_candidate[c].push(v);
            }
        }
        for vs in &of_candidate {
            if vs.len() > 1 {
                let sum: Expression = vs.iter().copied().sum();
                self.constraints.push(sum.leq(1));
            }
        }
    }

    fn twins(&mut self) {
        let p = self.p;
        let weight = p.problem.weights.twin_pair;
        if weight == 0 {
            return;
        }
        // At most this many pairs of facilitators from two countries in one seminar.
        let cross_pairs: i64 = (0..p.countries.len())
            .flat_map(|k| (k + 1..p.countries.len()).map(move |l| p.need[k] * p.need[l]))
            .sum();
        for s in 0..self.x.len() {
            // Per facilitator and partner country: (x of the facilitator, its pair variables).
            let mut stars: BTreeMap<(usize, usize), (Variable, Vec<Variable>)> = BTreeMap::new();
            let mut pairs = 0;
            for (i, &(a, va)) in self.x[s].iter().enumerate() {
                for &(b, vb) in &self.x[s][i + 1..] {
                    if !p.are_partners(a, b) {
                        continue;
                    }
                    let y = self.vars.add(variable().clamp(0, 1));
                    self.objective.add_mul(weight as f64, y);
                    self.constraints.push(Expression::from(y).leq(va));
                    self.constraints.push(Expression::from(y).leq(vb));
                    for (c, vc, other) in [(a, va, b), (b, vb, a)] {
                        let country = p.country_of[other].expect("listed country");
                        stars
                            .entry((c, country))
                            .or_insert((vc, Vec::new()))
                            .1
                            .push(y);
                    }
                    pairs += 1;
                }
            }
            // A facilitator with more partners of a country than the seminar takes from it
            // pairs with at most that many: Σ y ≤ per_seminar · x (cuts fractional hubs).
            for ((_, country), (vc, ys)) in stars {
                let need = p.need[country];
                if ys.len() as i64 > need {
                    let sum: Expression = ys.into_iter().sum();
                    self.constraints.push(sum.leq(need as f64 * vc));
                }
            }
            self.stats.twin_variables += pairs as usize;
            self.upper += weight * cross_pairs.min(pairs);
        }
    }

    fn diversity(&mut self) {
        let p = self.p;
        let weights = &p.problem.weights;
        for s in 0..self.x.len() {
            for k in 0..p.countries.len() {
                if p.need_of(k) < 2 {
                    continue;
                }
                let of_country: Vec<(usize, Variable)> = self.of_country(s, k).collect();
                self.bonus(&of_country, weights.diverse_level, |c| p.level_of(c));
                self.bonus(&of_country, weights.diverse_size, |c| p.size_of[c]);
            }
        }
    }

    /// Adds the bonus `d` for "the chosen ones of `of_country` are not all of one class",
    /// unless its weight is 0 or the candidates are all of one class.
    fn bonus<K: Ord>(
        &mut self,
        of_country: &[(usize, Variable)],
        weight: i64,
        class: impl Fn(usize) -> K,
    ) {
        let classes: BTreeSet<K> = of_country.iter().map(|&(c, _)| class(c)).collect();
        if weight == 0 || classes.len() < 2 {
            return;
        }
        let d = self.vars.add(variable().clamp(0, 1));
        self.objective.add_mul(weight as f64, d);
        for l in &classes {
            let others: Expression = of_country
                .iter()
                .filter(|&&(c, _)| class(c) != *l)
                .map(|&(_, v)| v)
                .sum();
            self.constraints.push(Expression::from(d).leq(others));
        }
        self.stats.diversity_variables += 1;
        self.upper += weight;
    }

    /// Every filled place weighs more than any score (the score's bound plus one), so that the
    /// optimum fills the most places first.
    fn places_first(&mut self) {
        let weight = self.upper + 1;
        let places: i64 = (0..self.x.len())
            .map(|_| self.p.need.iter().sum::<i64>())
            .sum();
        for xs in &self.x {
            for &(_, v) in xs {
                self.objective.add_mul(weight as f64, v);
            }
        }
        self.place_weight = weight;
        self.upper += weight * places;
    }

    fn solve(self, time_limit: Option<Duration>) -> Result<(Outcome, ModelStats), Failure> {
        let Model {
            vars,
            objective,
            constraints,
            x,
            upper,
            mut stats,
            place_weight,
            ..
        } = self;
        stats.variables = vars.len();
        stats.constraints = constraints.len();
        let mut model = vars.maximise(objective.clone()).using(microlp);
        for constraint in constraints {
            model.add_constraint(constraint);
        }
        let other = |message: String| Failure::Other(message);
        if upper > 0 {
            model = match model.with_mip_gap((0.99 / upper as f64) as f32) {
                Ok(model) => model,
                Err(error) => return Err(other(error.to_string())),
            };
        }
        if let Some(limit) = time_limit {
            model = model.with_time_limit(limit.as_secs_f64());
        }
        let solution = match model.solve() {
            Ok(solution) => solution,
            Err(good_lp::ResolutionError::Infeasible) => return Ok((Outcome::Infeasible, stats)),
            // Interrupted before any line-up was found.
            Err(good_lp::ResolutionError::Other(m)) if m.starts_with("Time limit") => {
                return Err(Failure::TimeLimit)
            }
            Err(error) => return Err(other(error.to_string())),
        };
        let status = solution.status();
        if let SolutionStatus::TimeLimit = status {
            return Err(Failure::TimeLimit);
        }
        let lineup = x
            .iter()
            .map(|xs| {
                xs.iter()
                    .filter(|&&(_, v)| solution.value(v) > 0.5)
                    .map(|&(c, _)| c)
                    .collect()
            })
            .collect();
        let value = objective.eval_with(&solution);
        let solver_stats = solution.into_inner().stats();
        stats.nodes = solver_stats.nodes_solved;
        if let SolutionStatus::GapLimit = status {
            match solver_stats.best_bound {
                Some(bound) if bound < value + 0.999 => {}
                bound => {
                    let message = format!(
                        "the bound {bound:?} does not prove {value} optimal among integer scores"
                    );
                    return Err(other(message));
                }
            }
        }
        Ok((
            Outcome::Optimal {
                lineup,
                objective: value,
                place_weight,
            },
            stats,
        ))
    }
}
