//! Periods as planners write them: a date, a month ("juin 2021"), a range of months
//! ("novembre–décembre 2021"), part of a year ("début 2022"), or a year. Stored as a short code
//! (`2021-06-15`, `2021-06`, `2021-11..2021-12`, `2022-early`, `2021`) that also sorts them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{DomainError, ErrorKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearPart {
    Early,
    Mid,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Date(NaiveDate),
    Month { year: i32, month: u32 },
    Months { year: i32, from: u32, to: u32 },
    Part { year: i32, part: YearPart },
    Year(i32),
}

impl Period {
    pub fn parse(code: &str, field: &str) -> Result<Period, DomainError> {
        let bad = || DomainError::field(ErrorKey::InvalidPeriod, field);
        let code = code.trim();
        let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y));
        let month = |s: &str| s.parse::<u32>().ok().filter(|m| (1..=12).contains(m));
        if let Ok(d) = NaiveDate::parse_from_str(code, "%Y-%m-%d") {
            return Ok(Period::Date(d));
        }
        if let Some((a, b)) = code.split_once("..") {
            let (ya, ma) = a.split_once('-').ok_or_else(bad)?;
            let (yb, mb) = b.split_once('-').ok_or_else(bad)?;
            let (ya, ma, yb, mb) = (year(ya), month(ma), year(yb), month(mb));
            return match (ya, ma, yb, mb) {
                (Some(y), Some(from), Some(y2), Some(to)) if y == y2 && from < to => {
                    Ok(Period::Months { year: y, from, to })
                }
                _ => Err(bad()),
            };
        }
        if let Some((y, rest)) = code.split_once('-') {
            let y = year(y).ok_or_else(bad)?;
            return match rest {
                "early" => Ok(Period::Part {
                    year: y,
                    part: YearPart::Early,
                }),
                "mid" => Ok(Period::Part {
                    year: y,
                    part: YearPart::Mid,
                }),
                "late" => Ok(Period::Part {
                    year: y,
                    part: YearPart::Late,
                }),
                m => month(m)
                    .map(|month| Period::Month { year: y, month })
                    .ok_or_else(bad),
            };
        }
        year(code).map(Period::Year).ok_or_else(bad)
    }

    pub fn code(&self) -> String {
        match self {
            Period::Date(d) => d.format("%Y-%m-%d").to_string(),
            Period::Month { year, month } => format!("{year}-{month:02}"),
            Period::Months { year, from, to } => format!("{year}-{from:02}..{year}-{to:02}"),
            Period::Part { year, part } => format!(
                "{year}-{}",
                match part {
                    YearPart::Early => "early",
                    YearPart::Mid => "mid",
                    YearPart::Late => "late",
                }
            ),
            Period::Year(y) => y.to_string(),
        }
    }

    /// The first day of the period, for ordering and for "overdue".
    pub fn first_day(&self) -> NaiveDate {
        let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
        match *self {
            Period::Date(d) => d,
            Period::Month { year, month } => ymd(year, month),
            Period::Months { year, from, .. } => ymd(year, from),
            Period::Part { year, part } => ymd(
                year,
                match part {
                    YearPart::Early => 1,
                    YearPart::Mid => 5,
                    YearPart::Late => 9,
                },
            ),
            Period::Year(y) => ymd(y, 1),
        }
    }

    /// The last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        let end_of = |y: i32, m: u32| {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            NaiveDate::from_ymd_opt(ny, nm, 1)
                .and_then(|d| d.pred_opt())
                .unwrap_or_default()
        };
        match *self {
            Period::Date(d) => d,
            Period::Month { year, month } => end_of(year, month),
            Period::Months { year, to, .. } => end_of(year, to),
            Period::Part { year, part } => end_of(
                year,
                match part {
                    YearPart::Early => 4,
                    YearPart::Mid => 8,
                    YearPart::Late => 12,
                },
            ),
            Period::Year(y) => end_of(y, 12),
        }
    }

    pub fn year(&self) -> i32 {
        self.first_day().year()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in [
            "2021-06-15",
            "2021-06",
            "2021-11..2021-12",
            "2022-early",
            "2021-mid",
            "2021",
        ] {
            assert_eq!(Period::parse(code, "due").unwrap().code(), code);
        }
    }

    #[test]
    fn bounds() {
        let p = Period::parse("2021-11..2021-12", "due").unwrap();
        assert_eq!(p.first_day(), NaiveDate::from_ymd_opt(2021, 11, 1).unwrap());
        assert_eq!(p.last_day(), NaiveDate::from_ymd_opt(2021, 12, 31).unwrap());
        let feb = Period::parse("2024-02", "due").unwrap();
        assert_eq!(
            feb.last_day(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        assert_eq!(Period::parse("2022-early", "due").unwrap().year(), 2022);
    }

    #[test]
    fn nonsense_is_refused_with_its_field() {
        for bad in [
            "",
            "juin",
            "2021-13",
            "2021-12..2021-11",
            "2021-01..2022-02",
            "2021-02-30",
            "20210",
        ] {
            let e = Period::parse(bad, "due").unwrap_err();
            assert_eq!(
                (e.key, e.field.as_deref()),
                (ErrorKey::InvalidPeriod, Some("due")),
                "{bad}"
            );
        }
    }
}
