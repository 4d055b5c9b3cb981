//! One way to validate what people type: every input's `validate` collects all its problems,
//! each with its field, instead of stopping at the first (`OrganisationInput::validate` is the
//! model). Pages show each problem beside its field; the API lists them; the importer adds the row.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use crate::directory::{clean_text, Names};
use crate::period::Period;
use crate::{DomainError, ErrorKey};

/// The problems found so far in one input.
#[derive(Debug, Default)]
pub struct Problems(Vec<DomainError>);

impl Problems {
    pub fn new() -> Self {
        Problems(Vec::new())
    }

    pub fn push(&mut self, key: ErrorKey, field: impl Into<String>) {
        self.0.push(DomainError::field(key, field));
    }

    /// The value of a check that may fail, kept when it passes.
    pub fn take<T>(&mut self, r: Result<T, DomainError>) -> Option<T> {
        r.map_err(|e| self.0.push(e)).ok()
    }

    /// Free text that may be empty: trimmed, NFC, no control characters, at most `max` characters.
    pub fn text(&mut self, value: Option<&str>, field: &str, max: usize) -> Option<String> {
        self.take(clean_text(value, field, max)).flatten()
    }

    /// Free text that must be given.
    pub fn required(&mut self, value: Option<&str>, field: &str, max: usize) -> String {
        match clean_text(value, field, max) {
            Ok(Some(v)) => v,
            Ok(None) => {
                self.push(ErrorKey::Required, field);
                String::new()
            }
            Err(e) => {
                self.0.push(e);
                String::new()
            }
        }
    }

    /// A text in French, Korean and English (`{field}.fr` …); `required` asks for at least one.
    pub fn names(&mut self, n: &Names, field: &str, max: usize, required: bool) -> Names {
        let out = Names {
            fr: self.text(n.fr.as_deref(), &format!("{field}.fr"), max),
            ko: self.text(n.ko.as_deref(), &format!("{field}.ko"), max),
            ko_latn: self.text(n.ko_latn.as_deref(), &format!("{field}.ko_latn"), max),
            en: self.text(n.en.as_deref(), &format!("{field}.en"), max),
        };
        // A name refused for its content already says so; "required" is for a blank one only.
        if required && [&n.fr, &n.ko, &n.en].into_iter().all(n_blank) {
            self.push(ErrorKey::Required, format!("{field}.fr"));
        }
        out
    }

    /// Texts in languages other than French, Korean and English (the partner's own: `ja`, `ar`
    /// …), by BCP 47 tag; each problem named `{field}.{tag}`.
    pub fn others(
        &mut self,
        map: &BTreeMap<String, String>,
        field: &str,
        max: usize,
    ) -> BTreeMap<String, String> {
        match other_texts(map, field, max) {
            Ok(m) => m,
            Err(es) => {
                self.0.extend(es);
                BTreeMap::new()
            }
        }
    }

    /// A whole number within bounds.
    pub fn within(&mut self, value: i64, range: RangeInclusive<i64>, field: &str) -> i64 {
        if !range.contains(&value) {
            self.push(ErrorKey::InvalidNumber, field);
        }
        value
    }

    /// A period code (`2021-06`, `2022-early` …) that may be empty.
    pub fn period(&mut self, code: Option<&str>, field: &str) -> Option<Period> {
        let code = code.map(str::trim).filter(|c| !c.is_empty())?;
        self.take(Period::parse(code, field))
    }

    /// A `YYYY-MM-DD` day that may be empty.
    pub fn date(&mut self, value: Option<&str>, field: &str) -> Option<chrono::NaiveDate> {
        let v = value.map(str::trim).filter(|v| !v.is_empty())?;
        match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.push(ErrorKey::InvalidDate, field);
                None
            }
        }
    }

    /// A code of a closed set, parsed by `parse`; empty gives `default`.
    pub fn code<T>(
        &mut self,
        value: Option<&str>,
        parse: impl Fn(&str) -> Option<T>,
        default: Option<T>,
        key: ErrorKey,
        field: &str,
    ) -> Option<T> {
        match value.map(str::trim).filter(|v| !v.is_empty()) {
            None => {
                if default.is_none() {
                    self.push(ErrorKey::Required, field);
                }
                default
            }
            Some(v) => {
                let parsed = parse(v);
                if parsed.is_none() {
                    self.push(key, field);
                }
                parsed
            }
        }
    }

    /// The fields named so far.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|e| e.field.as_deref())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `value` when nothing was found, else every problem.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<DomainError>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

/// Texts by language tag other than `fr`, `ko` and `en`: tags checked, texts cleaned, blank
/// ones dropped; every problem named `{field}.{tag}`.
pub fn other_texts(
    map: &BTreeMap<String, String>,
    field: &str,
    max: usize,
) -> Result<BTreeMap<String, String>, Vec<DomainError>> {
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    for (tag, text) in map {
        let tag = tag.trim();
        let f = format!("{field}.{tag}");
        if !crate::groups::is_language_tag(tag) || ["fr", "ko", "en"].contains(&tag) {
            errors.push(DomainError::field(ErrorKey::InvalidLanguage, f));
            continue;
        }
        match clean_text(Some(text), &f, max) {
            Ok(Some(t)) => {
                out.insert(tag.to_string(), t);
            }
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn n_blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_kept_with_its_field() {
        let mut p = Problems::new();
        let name = p.required(Some("  "), "name", 10);
        let note = p.text(Some("a\u{0}b"), "notes", 100);
        let title = p.names(&Names::default(), "title", 10, true);
        p.within(0, 1..=5, "capacity");
        assert!(name.is_empty() && note.is_none() && title.fr.is_none());
        let errors = p.finish(()).unwrap_err();
        let fields: Vec<_> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
        assert_eq!(fields, ["name", "notes", "title.fr", "capacity"]);
        assert_eq!(errors[1].key, ErrorKey::ControlCharacters);
    }

    #[test]
    fn a_title_in_one_language_is_enough() {
        let mut p = Problems::new();
        let n = Names {
            ko: Some(" 세미나 ".into()),
            ..Names::default()
        };
        let out = p.names(&n, "title", 10, true);
        assert_eq!(out.ko.as_deref(), Some("세미나"));
        assert!(p.finish(()).is_ok());
    }
}
