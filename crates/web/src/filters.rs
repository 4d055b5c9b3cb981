//! The filters of the organisation and partnership lists, read from the query string the same
//! way for the pages, the map and the API (so that a link from one opens the same set in the
//! other). A bad value is refused on its parameter, never ignored.

use std::collections::HashMap;

use domain::ErrorKey;
use storage::{OrgFilter, OrgSort, PartnershipFilter, PartnershipSort};

use crate::AppError;

fn get(q: &HashMap<String, String>, k: &str) -> Option<String> {
    q.get(k)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// A value of a closed set (a level, a kind, a status): unknown is refused on its parameter.
fn coded(
    q: &HashMap<String, String>,
    k: &str,
    known: impl Fn(&str) -> bool,
) -> Result<Option<String>, AppError> {
    match get(q, k) {
        Some(v) if !known(&v) => Err(AppError::field(ErrorKey::BadRequest, k)),
        v => Ok(v),
    }
}

fn year(q: &HashMap<String, String>, k: &str) -> Result<Option<i64>, AppError> {
    match get(q, k) {
        None => Ok(None),
        Some(v) => v
            .parse::<i64>()
            .ok()
            .filter(|y| (1000..=9999).contains(y))
            .map(Some)
            .ok_or_else(|| AppError::field(ErrorKey::InvalidNumber, k)),
    }
}

/// `country`, `level`, `kind`, `group`, `q` (a name), `sort`.
pub fn organisations(q: &HashMap<String, String>) -> Result<OrgFilter, AppError> {
    let sort = match get(q, "sort") {
        None => OrgSort::default(),
        Some(s) => {
            OrgSort::parse(&s).ok_or_else(|| AppError::field(ErrorKey::BadRequest, "sort"))?
        }
    };
    Ok(OrgFilter {
        country: get(q, "country"),
        level: coded(q, "level", |v| domain::directory::Level::parse(v).is_some())?,
        kind: coded(q, "kind", |v| {
            domain::directory::OrgKind::parse(v).is_some()
        })?,
        group: get(q, "group"),
        name: get(q, "q"),
        sort,
        include_archived: false,
        reader: None,
    })
}

/// `organisation`, `country`, `kind`, `status`, `theme`, `year_from`, `year_to`, `sort`.
pub fn partnerships(q: &HashMap<String, String>) -> Result<PartnershipFilter, AppError> {
    let sort = match get(q, "sort") {
        None => PartnershipSort::default(),
        Some(s) => PartnershipSort::parse(&s)
            .ok_or_else(|| AppError::field(ErrorKey::BadRequest, "sort"))?,
    };
    Ok(PartnershipFilter {
        organisation: get(q, "organisation"),
        country: get(q, "country"),
        kind: coded(q, "kind", |v| {
            domain::directory::PartnershipKind::parse(v).is_some()
        })?,
        status: coded(q, "status", |v| {
            domain::directory::PartnershipStatus::parse(v).is_some()
        })?,
        theme: get(q, "theme"),
        year_from: year(q, "year_from")?,
        year_to: year(q, "year_to")?,
        sort,
        include_archived: false,
    })
}
