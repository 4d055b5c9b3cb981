//! Every message exists in every language, with the same variables.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

type Catalog = BTreeMap<String, BTreeSet<String>>;

fn vars_of_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            vars_of_expression(expression, out);
        }
    }
}

fn vars_of_expression(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            vars_of_inline(selector, out);
            for v in variants {
                vars_of_pattern(&v.value, out);
            }
        }
        Expression::Inline(i) => vars_of_inline(i, out),
    }
}

fn vars_of_inline(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => vars_of_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                vars_of_inline(a, out);
            }
        }
        _ => {}
    }
}

fn load(lang: &str) -> Catalog {
    let path = format!("{}/locales/{lang}/main.ftl", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{path}: syntax errors {errors:?}"));
    let mut out = Catalog::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                vars_of_pattern(v, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{lang}: {} defined twice",
                m.id.name
            );
        }
    }
    out
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let fr = load("fr");
    assert!(fr.len() > 50, "the French catalog looks empty");
    for lang in ["ko", "en"] {
        let other = load(lang);
        let missing: Vec<_> = fr.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !fr.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang} has messages French lacks: {extra:?}"
        );
        for (key, vars) in &fr {
            assert_eq!(
                &other[key], vars,
                "{lang}: variables of {key} differ from French"
            );
        }
    }
}

#[test]
fn every_error_key_has_a_message() {
    for key in domain::ErrorKey::ALL {
        let id = key.message_id();
        assert!(i18n::has_key(&id), "no message {id}");
    }
}
