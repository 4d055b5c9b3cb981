//! The contract's JSON shapes: input with its defaults, output, errors.

use lineup::{Problem, Reason, SizeClass, Solution, Status, Weights};
use serde_json::json;

use crate::common::{problem, verify_optimal};

const CONTRACT_INPUT: &str = r#"{
  "seminars":   [{"id": "s1", "theme": "sustainable development"}],
  "candidates": [{"id": "fr-issy", "country": "FR", "level": "commune", "population": 68260}],
  "interests":  [{"candidate": "fr-issy", "seminar": "s1", "rank": 1}],
  "partnerships": [["fr-issy", "kr-guro"]],
  "locked":     [{"candidate": "fr-issy", "seminar": "s1"}],
  "per_seminar": {"FR": 2, "KR": 2},
  "weights": {"rank": [3, 2, 1], "twin_pair": 2, "diverse_level": 1, "diverse_size": 1}
}"#;

/// The contract's example completed with the three candidates it names or shows.
fn completed_example() -> Problem {
    problem(json!({
        "seminars": [{"id": "s1", "theme": "sustainable development"}],
        "candidates": [
            {"id": "fr-issy", "country": "FR", "level": "commune", "population": 68260},
            {"id": "fr-tours", "country": "FR", "level": "commune", "population": 136463},
            {"id": "kr-guro", "country": "KR", "level": "gu", "population": 400000},
            {"id": "kr-suwon", "country": "KR", "level": "si", "population": 1190000}
        ],
        "interests": [
            {"candidate": "fr-issy", "seminar": "s1", "rank": 1},
            {"candidate": "fr-tours", "seminar": "s1", "rank": 1},
            {"candidate": "kr-guro", "seminar": "s1", "rank": 1},
            {"candidate": "kr-suwon", "seminar": "s1", "rank": 1}
        ],
        "partnerships": [["fr-issy", "kr-guro"]],
        "locked": [{"candidate": "fr-issy", "seminar": "s1"}]
    }))
}

#[test]
fn contract_input_round_trips() {
    let parsed: Problem = serde_json::from_str(CONTRACT_INPUT).unwrap();
    assert_eq!(
        parsed.seminars[0].theme.as_deref(),
        Some("sustainable development")
    );
    assert_eq!(parsed.candidates[0].population, Some(68260));
    assert_eq!(
        parsed.partnerships,
        vec![("fr-issy".into(), "kr-guro".into())]
    );
    assert_eq!(parsed.per_seminar["KR"], 2);
    let text = serde_json::to_string(&parsed).unwrap();
    let again: Problem = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed, again);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let original: serde_json::Value = serde_json::from_str(CONTRACT_INPUT).unwrap();
    assert_eq!(value, original, "same JSON back");
}

#[test]
fn contract_input_as_given_names_its_unknown_partner() {
    // The example's partnership names kr-guro, which is not among its candidates.
    let parsed: Problem = serde_json::from_str(CONTRACT_INPUT).unwrap();
    let error = lineup::check(&parsed).unwrap_err();
    assert_eq!(error.code(), "unknown_candidate");
    assert_eq!(error.at(), Some("partnerships[0][1]"));
}

#[test]
fn optional_fields_take_the_contract_defaults() {
    let p = problem(json!({
        "seminars": [{"id": "s1"}],
        "candidates": [{"id": "a", "country": "FR", "level": "commune"},
                       {"id": "b", "country": "KR", "level": "gu", "population": null}],
        "interests": []
    }));
    assert!(p.locked.is_empty() && p.partnerships.is_empty());
    assert_eq!(p.per_seminar.len(), 2);
    assert_eq!((p.per_seminar["FR"], p.per_seminar["KR"]), (2, 2));
    assert_eq!(p.weights, Weights::default());
    assert_eq!(p.weights.rank, vec![3, 2, 1]);
    assert_eq!(
        (
            p.weights.twin_pair,
            p.weights.diverse_level,
            p.weights.diverse_size
        ),
        (2, 1, 1)
    );
    assert_eq!(p.seminars[0].theme, None);
    assert_eq!(p.candidates[0].population, None);
    assert_eq!(p.candidates[1].population, None);
    let text = serde_json::to_string(&p.seminars[0]).unwrap();
    assert_eq!(text, r#"{"id":"s1"}"#, "an absent theme stays absent");
}

#[test]
fn partial_weights_keep_the_other_defaults() {
    let p = problem(json!({
        "seminars": [], "candidates": [{"id": "a", "country": "FR", "level": "x"}],
        "interests": [], "weights": {"twin_pair": 5}
    }));
    assert_eq!(p.weights.twin_pair, 5);
    assert_eq!(p.weights.rank, vec![3, 2, 1]);
    assert_eq!(p.weights.diverse_size, 1);
}

#[test]
fn completed_example_gives_the_contract_output() {
    let p = completed_example();
    let solution = lineup::solve(&p).unwrap();
    verify_optimal(&p, &solution);
    assert_eq!(solution.score, 17);
    let value = serde_json::to_value(&solution).unwrap();
    assert_eq!(value["status"], "optimal");
    assert_eq!(value["score"], 17);
    assert_eq!(
        value["lineup"],
        json!([{"seminar": "s1", "facilitators": ["fr-issy", "fr-tours", "kr-guro", "kr-suwon"]}])
    );
    assert!(value["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e.is_string()));
    let kinds: Vec<&str> = value["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "chosen",
            "locked",
            "chosen",
            "chosen",
            "chosen",
            "twin_pair",
            "same_level",
            "diverse_sizes",
            "diverse_levels",
            "diverse_sizes"
        ]
    );
    assert!(solution.reasons.contains(&Reason::TwinPair {
        seminar: "s1".into(),
        a: "fr-issy".into(),
        b: "kr-guro".into(),
        points: 2
    }));
    assert!(solution.reasons.contains(&Reason::DiverseSizes {
        seminar: "s1".into(),
        country: "FR".into(),
        classes: vec![SizeClass::Under100k, SizeClass::From100kTo1m],
        points: 1
    }));
    let again: Solution = serde_json::from_value(value).unwrap();
    assert_eq!(again, solution, "the solution round-trips");
}

#[test]
fn reasons_serialise_with_a_kind_tag() {
    let reason = Reason::TooFewCandidates {
        seminar: "s1".into(),
        country: "KR".into(),
        needed: 2,
        available: 1,
    };
    assert_eq!(
        serde_json::to_value(&reason).unwrap(),
        json!({"kind": "too_few_candidates", "seminar": "s1", "country": "KR",
               "needed": 2, "available": 1})
    );
    assert_eq!(reason.kind(), "too_few_candidates");
    assert_eq!(
        reason.to_string(),
        "Seminar s1 needs 2 facilitators from KR but only 1 candidate of KR is interested and not locked elsewhere."
    );
    let size = serde_json::to_value(SizeClass::From1m).unwrap();
    assert_eq!(size, "1m_and_over");
    let classes: Vec<SizeClass> =
        serde_json::from_value(json!(["under_100k", "100k_to_1m", "unknown"])).unwrap();
    assert_eq!(
        classes,
        [
            SizeClass::Under100k,
            SizeClass::From100kTo1m,
            SizeClass::Unknown
        ]
    );
}

#[test]
fn infeasible_output_has_an_empty_lineup() {
    let mut p = completed_example();
    p.per_seminar.insert("KR".into(), 3);
    let solution = lineup::solve(&p).unwrap();
    let value = serde_json::to_value(&solution).unwrap();
    assert_eq!(value["status"], "infeasible");
    assert_eq!(value["lineup"], json!([]));
    assert_eq!(solution.status, Status::Infeasible);
    assert_eq!(
        solution.explanation,
        ["Seminar s1 needs 3 facilitators from KR but only 2 candidates of KR are interested and not locked elsewhere."]
    );
}

#[test]
fn errors_serialise_with_their_code() {
    let mut p = completed_example();
    p.interests[2].rank = 0;
    let error = lineup::check(&p).unwrap_err();
    assert_eq!(
        serde_json::to_value(&error).unwrap(),
        json!({"code": "bad_rank", "at": "interests[2].rank", "rank": 0})
    );
    assert_eq!(error.to_string(), "interests[2].rank: rank 0 is below 1");
}

#[test]
fn solving_twice_gives_the_same_solution() {
    let p = completed_example();
    assert_eq!(lineup::solve(&p).unwrap(), lineup::solve(&p).unwrap());
}

/// `"allow_partial": true`: no Korean candidate asked for s2, so s2 keeps its Korean places
/// empty, and the answer says which and why; the rest is filled as well as it can be.
#[test]
fn a_partial_line_up_names_its_empty_places() {
    let body = json!({
        "seminars": [{"id": "s1"}, {"id": "s2"}],
        "candidates": [
            {"id": "fr-a", "country": "FR", "level": "commune", "population": 50000},
            {"id": "fr-b", "country": "FR", "level": "department", "population": 500000},
            {"id": "fr-c", "country": "FR", "level": "commune", "population": 20000},
            {"id": "fr-d", "country": "FR", "level": "region", "population": 5000000},
            {"id": "kr-a", "country": "KR", "level": "city", "population": 1000000},
            {"id": "kr-b", "country": "KR", "level": "county", "population": 60000}
        ],
        "interests": [
            {"candidate": "fr-a", "seminar": "s1", "rank": 1},
            {"candidate": "fr-b", "seminar": "s1", "rank": 1},
            {"candidate": "fr-c", "seminar": "s2", "rank": 1},
            {"candidate": "fr-d", "seminar": "s2", "rank": 1},
            {"candidate": "kr-a", "seminar": "s1", "rank": 1},
            {"candidate": "kr-b", "seminar": "s1", "rank": 2}
        ],
        "allow_partial": true
    });
    let p: Problem = serde_json::from_value(body.clone()).unwrap();
    let out = serde_json::to_value(lineup::solve(&p).unwrap()).unwrap();
    assert_eq!(out["status"], "partial");
    assert_eq!(
        out["unfilled"],
        json!([{"seminar": "s2", "country": "KR", "missing": 2}])
    );
    assert_eq!(
        out["lineup"][0]["facilitators"].as_array().unwrap().len(),
        4
    );
    assert_eq!(out["lineup"][1]["facilitators"], json!(["fr-c", "fr-d"]));
    assert!(out["explanation"][0].as_str().unwrap().contains("s2"));

    let mut strict = body;
    strict["allow_partial"] = json!(false);
    let p: Problem = serde_json::from_value(strict).unwrap();
    let out = lineup::solve(&p).unwrap();
    assert_eq!(
        out.status,
        Status::Infeasible,
        "without the flag, as before"
    );
    assert!(out.lineup.is_empty() && out.unfilled.is_empty());
}
