//! National public holidays of France, Korea and the network's partner countries (Senegal,
//! Lebanon, Japan, Vietnam, China, the United States, Morocco, Tunisia, Burkina Faso, Mali,
//! Madagascar, Germany, Canada), 2020–2035, shipped as data (`data/holidays.csv`, made by
//! `tools/holidays/generate.py` from the `holidays` package; Islamic-calendar dates are the
//! package's estimates where a country has not announced them).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::directory::Names;

const DATA: &str = include_str!("../../data/holidays.csv");

/// The first and last years the data covers.
pub const FIRST_YEAR: i32 = 2020;
pub const LAST_YEAR: i32 = 2035;

type Table = HashMap<String, HashMap<NaiveDate, Names>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out = HashMap::new();
        for fields in crate::csv::rows(DATA) {
            if fields.len() < 5 {
                continue;
            }
            let country = fields[0].clone();
            let Ok(date) = NaiveDate::parse_from_str(&fields[1], "%Y-%m-%d") else {
                continue;
            };
            let name = Names {
                fr: Some(fields[2].clone()),
                ko: Some(fields[3].clone()),
                ko_latn: None,
                en: Some(fields[4].clone()),
            };
            out.entry(country)
                .or_insert_with(HashMap::new)
                .insert(date, name);
        }
        out
    })
}

/// The holiday of `country` (ISO 3166-1 alpha-2) on `date`, if any.
pub fn holiday(country: &str, date: NaiveDate) -> Option<&'static Names> {
    table().get(country)?.get(&date)
}

/// Whether the data holds the public holidays of `country`.
pub fn knows(country: &str) -> bool {
    table().contains_key(country)
}

/// Whether the data covers a date.
pub fn covered(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn official_dates() {
        for (c, date) in [
            ("FR", "2021-04-05"),
            ("FR", "2021-05-13"),
            ("FR", "2024-05-20"),
            ("FR", "2035-12-25"),
            ("KR", "2021-02-12"),
            ("KR", "2021-09-21"),
            ("KR", "2021-08-16"),
            ("KR", "2026-06-03"),
            ("KR", "2025-10-06"),
        ] {
            assert!(holiday(c, d(date)).is_some(), "{c} {date}");
        }
        assert!(holiday("FR", d("2021-02-12")).is_none());
        assert_eq!(
            holiday("KR", d("2021-09-21")).unwrap().ko.as_deref(),
            Some("추석")
        );
        assert!(covered(d("2035-06-01")) && !covered(d("2036-01-01")));
    }
}
