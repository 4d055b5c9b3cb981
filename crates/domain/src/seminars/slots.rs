//! The slot finder: times for a remote seminar that fall inside working hours both in Paris and
//! in Seoul, on a working day in both countries (no weekend, no public holiday), over a window of
//! dates — correct across the clock changes, since each candidate is built in UTC and checked in
//! both zones.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::holidays;
use crate::time::{Span, PARIS, SEOUL};
use crate::{DomainError, ErrorKey};

/// Working hours of one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Default for Hours {
    fn default() -> Self {
        Hours {
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            end: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SlotQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub duration_minutes: i64,
    pub paris_hours: Hours,
    pub seoul_hours: Hours,
    /// Candidate starts are on this grid, in minutes (30 by default).
    pub step_minutes: i64,
    /// At most this many slots are returned.
    pub limit: usize,
}

/// Why a day was passed over, to explain an empty answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    Weekend {
        country: &'static str,
        date: NaiveDate,
    },
    Holiday {
        country: &'static str,
        date: NaiveDate,
    },
}

#[derive(Debug, Clone, Default)]
pub struct SlotAnswer {
    pub slots: Vec<Span>,
    pub skipped: Vec<Skipped>,
    /// No working hours overlap on some days of the window (e.g. winter, long seminars).
    pub no_overlap_days: usize,
}

impl SlotQuery {
    pub fn check(&self) -> Result<(), DomainError> {
        if self.to < self.from {
            return Err(DomainError::field(ErrorKey::EndBeforeStart, "to"));
        }
        if (self.to - self.from).num_days() > 366 {
            return Err(DomainError::field(ErrorKey::InvalidNumber, "to"));
        }
        if !(15..=8 * 60).contains(&self.duration_minutes) {
            return Err(DomainError::field(ErrorKey::InvalidNumber, "duration"));
        }
        if !holidays::covered(self.from) || !holidays::covered(self.to) {
            return Err(DomainError::field(ErrorKey::InvalidDate, "from"));
        }
        for (h, f) in [
            (self.paris_hours, "paris_hours"),
            (self.seoul_hours, "seoul_hours"),
        ] {
            if h.end <= h.start {
                return Err(DomainError::field(ErrorKey::EndBeforeStart, f));
            }
        }
        Ok(())
    }
}

fn working_day(country: &'static str, date: NaiveDate, skipped: &mut Vec<Skipped>) -> bool {
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        if !skipped.contains(&Skipped::Weekend { country, date }) {
            skipped.push(Skipped::Weekend { country, date });
        }
        return false;
    }
    if holidays::holiday(country, date).is_some() {
        if !skipped.contains(&Skipped::Holiday { country, date }) {
            skipped.push(Skipped::Holiday { country, date });
        }
        return false;
    }
    true
}

fn inside(t0: DateTime<Utc>, t1: DateTime<Utc>, tz: Tz, h: Hours) -> bool {
    let (a, b) = (t0.with_timezone(&tz), t1.with_timezone(&tz));
    a.date_naive() == b.date_naive() && a.time() >= h.start && b.time() <= h.end
}

/// The slots of the window, earliest first.
pub fn find(q: &SlotQuery) -> Result<SlotAnswer, DomainError> {
    q.check()?;
    let mut answer = SlotAnswer::default();
    let step = Duration::minutes(q.step_minutes.clamp(5, 120));
    let length = Duration::minutes(q.duration_minutes);
    let mut day = q.from;
    while day <= q.to {
        // Candidates start inside Paris working hours on `day` (Paris date), on the grid.
        let mut found_today = false;
        let open = PARIS
            .from_local_datetime(&day.and_time(q.paris_hours.start))
            .earliest();
        if let Some(open) = open {
            let mut t = open.with_timezone(&Utc);
            let close = t + Duration::hours(24);
            let paris_ok = working_day("FR", day, &mut answer.skipped);
            while paris_ok && t + length <= close {
                let end = t + length;
                let seoul_day = t.with_timezone(&SEOUL).date_naive();
                if inside(t, end, PARIS, q.paris_hours)
                    && inside(t, end, SEOUL, q.seoul_hours)
                    && working_day("KR", seoul_day, &mut answer.skipped)
                {
                    answer.slots.push(Span { start: t, end });
                    found_today = true;
                    if answer.slots.len() >= q.limit {
                        return Ok(answer);
                    }
                }
                t += step;
            }
            if paris_ok && !found_today && working_day("KR", day, &mut Vec::new()) {
                answer.no_overlap_days += 1;
            }
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn query(from: &str, to: &str, minutes: i64) -> SlotQuery {
        SlotQuery {
            from: d(from),
            to: d(to),
            duration_minutes: minutes,
            paris_hours: Hours::default(),
            seoul_hours: Hours::default(),
            step_minutes: 30,
            limit: 100,
        }
    }

    #[test]
    fn summer_slots_are_morning_in_paris_afternoon_in_seoul() {
        // Week of 14 June 2021 (Paris in summer time, UTC+2; Seoul UTC+9).
        let a = find(&query("2021-06-14", "2021-06-18", 90)).unwrap();
        assert!(!a.slots.is_empty());
        for s in &a.slots {
            let (p, k) = (s.start.with_timezone(&PARIS), s.start.with_timezone(&SEOUL));
            assert!(p.time() >= NaiveTime::from_hms_opt(9, 0, 0).unwrap());
            assert!(
                s.end.with_timezone(&SEOUL).time() <= NaiveTime::from_hms_opt(18, 0, 0).unwrap()
            );
            assert_eq!(k.hour(), p.hour() + 7, "seven hours apart in summer");
        }
        let first = a.slots[0].start.with_timezone(&PARIS);
        assert_eq!(
            first.format("%Y-%m-%d %H:%M").to_string(),
            "2021-06-14 09:00"
        );
        // 09:00, 09:30 Paris → ends 10:30, 11:00 Paris = 17:30, 18:00 Seoul.
        assert_eq!(
            a.slots
                .iter()
                .filter(|s| s.start.date_naive() == d("2021-06-14"))
                .count(),
            2
        );
    }

    #[test]
    fn winter_leaves_one_hour_and_long_seminars_fit_nowhere() {
        let short = find(&query("2021-11-15", "2021-11-19", 60)).unwrap();
        assert_eq!(
            short.slots.len(),
            5,
            "09:00–10:00 Paris = 17:00–18:00 Seoul, each weekday"
        );
        let long = find(&query("2021-11-15", "2021-11-19", 90)).unwrap();
        assert!(long.slots.is_empty());
        assert_eq!(long.no_overlap_days, 5);
    }

    #[test]
    fn both_countries_holidays_and_weekends_are_skipped() {
        // Chuseok 2021: 20–22 September (Mon–Wed) in Korea.
        let a = find(&query("2021-09-18", "2021-09-24", 60)).unwrap();
        let days: Vec<_> = a
            .slots
            .iter()
            .map(|s| s.start.with_timezone(&PARIS).date_naive())
            .collect();
        assert!(!days
            .iter()
            .any(|x| [d("2021-09-20"), d("2021-09-21"), d("2021-09-22")].contains(x)));
        assert!(days.contains(&d("2021-09-23")) && days.contains(&d("2021-09-24")));
        assert!(a.skipped.contains(&Skipped::Holiday {
            country: "KR",
            date: d("2021-09-21")
        }));
        assert!(a.skipped.contains(&Skipped::Weekend {
            country: "FR",
            date: d("2021-09-18")
        }));
        // Ascension 2021 in France, 13 May.
        let b = find(&query("2021-05-13", "2021-05-13", 60)).unwrap();
        assert!(b.slots.is_empty());
        assert!(b.skipped.contains(&Skipped::Holiday {
            country: "FR",
            date: d("2021-05-13")
        }));
    }

    #[test]
    fn across_the_spring_clock_change() {
        // Friday 26 March 2021: Paris UTC+1 (overlap 09:00–10:00); Monday 29 March: UTC+2.
        let a = find(&query("2021-03-26", "2021-03-29", 90)).unwrap();
        let days: Vec<_> = a
            .slots
            .iter()
            .map(|s| s.start.with_timezone(&PARIS).date_naive())
            .collect();
        assert!(!days.contains(&d("2021-03-26")));
        assert!(days.contains(&d("2021-03-29")));
    }

    #[test]
    fn bad_queries() {
        assert_eq!(
            find(&query("2021-06-18", "2021-06-14", 60))
                .unwrap_err()
                .field
                .as_deref(),
            Some("to")
        );
        assert_eq!(
            find(&query("2021-06-14", "2021-06-18", 5))
                .unwrap_err()
                .field
                .as_deref(),
            Some("duration")
        );
        assert_eq!(
            find(&query("2040-01-01", "2040-01-02", 60))
                .unwrap_err()
                .field
                .as_deref(),
            Some("from")
        );
    }
}
