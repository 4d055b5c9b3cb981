//! Dates and numbers in each locale's own form: "jeudi 28 janvier 2021",
//! "2021년 1월 28일 (목)", "Thursday 28 January 2021"; "68 260", "68,260".

use chrono::{Datelike, NaiveDate};

use crate::{t, t_args, Lang};

fn date_args(lang: Lang, d: NaiveDate) -> Vec<(&'static str, crate::Arg)> {
    let weekday = d.weekday().number_from_monday();
    vec![
        ("weekday", t(lang, &format!("weekday-{weekday}")).into()),
        ("day", i64::from(d.day()).into()),
        ("month", t(lang, &format!("month-{}", d.month())).into()),
        ("year", i64::from(d.year()).into()),
    ]
}

/// A date with its weekday.
pub fn format_date(lang: Lang, d: NaiveDate) -> String {
    t_args(lang, "date-long", &date_args(lang, d))
}

/// A date without its weekday.
pub fn format_date_medium(lang: Lang, d: NaiveDate) -> String {
    t_args(lang, "date-medium", &date_args(lang, d))
}

/// A whole number with the locale's digit grouping (French: narrow no-break space).
pub fn format_number(lang: Lang, n: i64) -> String {
    let sep = match lang {
        Lang::Fr => '\u{202F}',
        Lang::Ko | Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_per_locale() {
        let d = NaiveDate::from_ymd_opt(2021, 1, 28).unwrap();
        assert_eq!(format_date(Lang::Ko, d), "2021년 1월 28일 (목)");
        assert_eq!(format_date(Lang::Fr, d), "jeudi 28 janvier 2021");
        assert_eq!(format_date(Lang::En, d), "Thursday 28 January 2021");
        let first = NaiveDate::from_ymd_opt(2021, 5, 1).unwrap();
        assert_eq!(format_date(Lang::Fr, first), "samedi 1er mai 2021");
        assert_eq!(format_date_medium(Lang::Ko, first), "2021년 5월 1일");
        assert_eq!(format_date_medium(Lang::En, first), "1 May 2021");
    }

    #[test]
    fn numbers_per_locale() {
        assert_eq!(format_number(Lang::Fr, 68260), "68\u{202F}260");
        assert_eq!(format_number(Lang::Ko, 1_235_022), "1,235,022");
        assert_eq!(format_number(Lang::En, 999), "999");
        assert_eq!(format_number(Lang::En, -1000), "-1,000");
        assert_eq!(format_number(Lang::Fr, 0), "0");
    }
}
