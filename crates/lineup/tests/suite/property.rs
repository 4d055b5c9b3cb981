//! Property tests: random small problems, the MILP against brute force.

use proptest::prelude::*;

use crate::common::{build, compare, Draw};

fn draws() -> impl Strategy<Value = Draw> {
    (3usize..=10, count_strategy(), count_strategy())
        .prop_flat_map(|(count, fr, kr)| {
            // Seldom more seminars than the candidates could fill: about half are feasible.
            let fill = count / (fr + kr).max(1) as usize;
            (Just((count, fr, kr)), 1..=fill.clamp(1, 3))
        })
        .prop_flat_map(|((count, fr, kr), seminars)| {
            let candidate = (
                prop_oneof![4 => 0usize..2, 1 => Just(2usize)],
                0usize..3,
                0usize..6,
                prop::collection::vec((0..seminars, 1i64..=4), 1..=seminars),
            );
            (
                Just(seminars),
                prop::collection::vec(candidate, count),
                prop::collection::vec((0..count, 0..count), 0..=count),
                prop::collection::vec((0..count, 0..seminars), 0..=1),
                (Just(fr), Just(kr), prop::bool::weighted(0.15)),
                (
                    prop::collection::vec(0i64..=3, 0..=3),
                    0i64..=3,
                    0i64..=2,
                    0i64..=2,
                ),
            )
        })
        .prop_map(
            |(seminars, candidates, partnerships, locks, per_seminar, weights)| Draw {
                seminars,
                candidates,
                partnerships,
                locks,
                per_seminar,
                weights,
            },
        )
}

/// Facilitators per seminar of a country: mostly 1, sometimes 0 or 2.
fn count_strategy() -> impl Strategy<Value = i64> {
    prop_oneof![1 => Just(0i64), 3 => Just(1i64), 2 => Just(2i64)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn milp_agrees_with_brute_force(draw in draws()) {
        let p = build(&draw);
        prop_assert_eq!(lineup::check(&p), Ok(()));
        compare(&p);
    }

    #[test]
    fn problems_round_trip_through_json(draw in draws()) {
        let p = build(&draw);
        let text = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<lineup::Problem>(&text).unwrap(), p);
    }
}
