//! The slot finder: times for a remote seminar that fall inside working hours in each of a
//! group's reference zones (Paris and Seoul; Paris and Dakar; Paris, New York and Los Angeles),
//! on a working day in each zone's country (no weekend, no public holiday), over a window of
//! dates — correct across the clock changes, since each candidate is built in UTC and checked in
//! every zone.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::holidays;
use crate::time::Span;
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

/// One place the seminar must suit: its zone, the country whose public holidays apply there,
/// and its working hours.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub zone: Tz,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    pub hours: Hours,
}

impl Side {
    pub fn new(zone: Tz, country: &str) -> Side {
        Side {
            zone,
            country: country.to_ascii_uppercase(),
            hours: Hours::default(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SlotQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub duration_minutes: i64,
    /// The first side is the reference: the window's dates are its dates (Paris).
    pub sides: Vec<Side>,
    /// Candidate starts are on this grid, in minutes (30 by default).
    pub step_minutes: i64,
    /// At most this many slots are returned.
    pub limit: usize,
}

/// Why a day was passed over, to explain an empty answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    Weekend { country: String, date: NaiveDate },
    Holiday { country: String, date: NaiveDate },
}

#[derive(Debug, Clone, Default)]
pub struct SlotAnswer {
    pub slots: Vec<Span>,
    pub skipped: Vec<Skipped>,
    /// No working hours overlap on some days of the window (e.g. winter, long seminars).
    pub no_overlap_days: usize,
    /// Countries of the query whose public holidays the data does not hold: only weekends are
    /// skipped there.
    pub holidays_unknown: Vec<String>,
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
        if self.sides.is_empty() {
            return Err(DomainError::field(ErrorKey::Required, "sides"));
        }
        for (i, side) in self.sides.iter().enumerate() {
            if side.hours.end <= side.hours.start {
                return Err(DomainError::field(
                    ErrorKey::EndBeforeStart,
                    format!("hours[{i}]"),
                ));
            }
        }
        Ok(())
    }
}

fn working_day(country: &str, date: NaiveDate, skipped: &mut Vec<Skipped>) -> bool {
    let country = country.to_string();
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        let s = Skipped::Weekend { country, date };
        if !skipped.contains(&s) {
            skipped.push(s);
        }
        return false;
    }
    if holidays::holiday(&country, date).is_some() {
        let s = Skipped::Holiday { country, date };
        if !skipped.contains(&s) {
            skipped.push(s);
        }
        return false;
    }
    true
}

fn inside(t0: DateTime<Utc>, t1: DateTime<Utc>, tz: Tz, h: Hours) -> bool {
    let (a, b) = (t0.with_timezone(&tz), t1.with_timezone(&tz));
    a.date_naive() == b.date_naive() && a.time() >= h.start && b.time() <= h.end
}

/// Whether `[t, end)` suits every side after the first: inside its hours, on its working day.
fn suits_others(
    q: &SlotQuery,
    t: DateTime<Utc>,
    end: DateTime<Utc>,
    skipped: &mut Vec<Skipped>,
) -> bool {
    q.sides[1..].iter().all(|side| {
        let day = t.with_timezone(&side.zone).date_naive();
        inside(t, end, side.zone, side.hours) && working_day(&side.country, day, skipped)
    })
}

/// The slots of the window, earliest first.
pub fn find(q: &SlotQuery) -> Result<SlotAnswer, DomainError> {
    q.check()?;
    let mut answer = SlotAnswer::default();
    for side in &q.sides {
        if !holidays::knows(&side.country) && !answer.holidays_unknown.contains(&side.country) {
            answer.holidays_unknown.push(side.country.clone());
        }
    }
    let first = &q.sides[0];
    let step = Duration::minutes(q.step_minutes.clamp(5, 120));
    let length = Duration::minutes(q.duration_minutes);
    let mut day = q.from;
    while day <= q.to {
        // Candidates start inside the first side's working hours on `day`, on the grid.
        let mut found_today = false;
        let open = first
            .zone
            .from_local_datetime(&day.and_time(first.hours.start))
            .earliest();
        if let Some(open) = open {
            let mut t = open.with_timezone(&Utc);
            let close = t + Duration::hours(24);
            let first_ok = working_day(&first.country, day, &mut answer.skipped);
            while first_ok && t + length <= close {
                let end = t + length;
                if inside(t, end, first.zone, first.hours)
                    && suits_others(q, t, end, &mut answer.skipped)
                {
                    answer.slots.push(Span { start: t, end });
                    found_today = true;
                    if answer.slots.len() >= q.limit {
                        return Ok(answer);
                    }
                }
                t += step;
            }
            let others_work = q.sides[1..]
                .iter()
                .all(|s| working_day(&s.country, day, &mut Vec::new()));
            if first_ok && !found_today && others_work {
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
    use crate::time::{PARIS, SEOUL};
    use chrono::Timelike;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn query(from: &str, to: &str, minutes: i64) -> SlotQuery {
        SlotQuery {
            from: d(from),
            to: d(to),
            duration_minutes: minutes,
            sides: vec![Side::new(PARIS, "FR"), Side::new(SEOUL, "KR")],
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
            country: "KR".into(),
            date: d("2021-09-21")
        }));
        assert!(a.skipped.contains(&Skipped::Weekend {
            country: "FR".into(),
            date: d("2021-09-18")
        }));
        // Ascension 2021 in France, 13 May.
        let b = find(&query("2021-05-13", "2021-05-13", 60)).unwrap();
        assert!(b.slots.is_empty());
        assert!(b.skipped.contains(&Skipped::Holiday {
            country: "FR".into(),
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
    fn a_united_states_group_suits_paris_new_york_and_los_angeles() {
        // Paris 09:00–18:00 and Los Angeles 09:00–18:00 overlap nowhere (9 hours apart); with
        // Los Angeles from 08:00 and Paris to 18:00: 08:00–09:00 LA = 17:00–18:00 Paris.
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        let ny: Tz = "America/New_York".parse().unwrap();
        let mut q = query("2027-06-07", "2027-06-11", 60);
        q.sides = vec![
            Side::new(PARIS, "FR"),
            Side::new(ny, "US"),
            Side::new(la, "US"),
        ];
        assert!(find(&q).unwrap().slots.is_empty());
        q.sides[2].hours.start = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
        let a = find(&q).unwrap();
        assert_eq!(a.slots.len(), 5, "one hour a day, Monday to Friday");
        // Juneteenth is observed on Friday 18 June 2027.
        let mut june = q.clone();
        june.from = d("2027-06-14");
        june.to = d("2027-06-18");
        assert_eq!(find(&june).unwrap().slots.len(), 4);
        for s in &a.slots {
            assert_eq!(s.start.with_timezone(&la).hour(), 8);
            assert_eq!(s.start.with_timezone(&ny).hour(), 11);
            assert_eq!(s.start.with_timezone(&PARIS).hour(), 17);
        }
        // Independence Day 2027 is observed on Monday 5 July: no slot that day.
        let mut july = q.clone();
        july.from = d("2027-07-05");
        july.to = d("2027-07-05");
        let a = find(&july).unwrap();
        if holidays::knows("US") {
            assert!(a.slots.is_empty());
            assert!(a.skipped.contains(&Skipped::Holiday {
                country: "US".into(),
                date: d("2027-07-05")
            }));
        } else {
            assert_eq!(a.holidays_unknown, ["US"]);
        }
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
