//! Time zones. Instants are stored in UTC together with the zone of record; a local time typed
//! by a person is checked against that zone's clock changes (France changes clocks, Korea does
//! not): a time that does not exist (spring forward) or that occurs twice (fall back) is refused
//! rather than guessed.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::{DomainError, ErrorKey};

pub const PARIS: Tz = chrono_tz::Europe::Paris;
pub const SEOUL: Tz = chrono_tz::Asia::Seoul;

/// An IANA zone name ("Europe/Paris"), or an error naming `field`.
pub fn parse_zone(name: &str, field: &str) -> Result<Tz, DomainError> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| DomainError::field(ErrorKey::UnknownTimeZone, field))
}

/// The instant a wall-clock time in `tz` designates.
pub fn local_to_utc(
    local: NaiveDateTime,
    tz: Tz,
    field: &str,
) -> Result<DateTime<Utc>, DomainError> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(_, _) => {
            Err(DomainError::field(ErrorKey::AmbiguousLocalTime, field))
        }
        LocalResult::None => Err(DomainError::field(ErrorKey::NonexistentLocalTime, field)),
    }
}

/// A start and an end, end after start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Span {
    /// From a local date, start and end times (and an optional end date) in `tz`.
    pub fn from_local(
        date: NaiveDate,
        start: NaiveTime,
        end_date: Option<NaiveDate>,
        end: NaiveTime,
        tz: Tz,
    ) -> Result<Span, DomainError> {
        let s = local_to_utc(date.and_time(start), tz, "start")?;
        let e = local_to_utc(end_date.unwrap_or(date).and_time(end), tz, "end")?;
        if e <= s {
            return Err(DomainError::field(ErrorKey::EndBeforeStart, "end"));
        }
        Ok(Span { start: s, end: e })
    }

    /// The span's wall-clock start and end in `tz`.
    pub fn local(&self, tz: Tz) -> (NaiveDateTime, NaiveDateTime) {
        (
            self.start.with_timezone(&tz).naive_local(),
            self.end.with_timezone(&tz).naive_local(),
        )
    }

    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

/// The zones a time is shown in: the viewer's own, then the group's reference zones (Paris
/// first, then the partner country's: Seoul, Dakar, New York and Los Angeles …), without repeats.
pub fn display_zones(viewer: Tz, group: &[Tz]) -> Vec<Tz> {
    let mut zones = vec![viewer];
    let group = if group.is_empty() {
        &[PARIS][..]
    } else {
        group
    };
    for &z in group {
        if !zones.contains(&z) {
            zones.push(z);
        }
    }
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn the_seed_meeting_is_19_00_in_seoul() {
        let s = Span::from_local(d(2021, 1, 28), t(11, 0), None, t(12, 30), PARIS).unwrap();
        let (a, b) = s.local(SEOUL);
        assert_eq!((a.time(), b.time()), (t(19, 0), t(20, 30)));
        assert_eq!(s.minutes(), 90);
    }

    #[test]
    fn summer_is_seven_hours_apart() {
        let s = Span::from_local(d(2021, 7, 8), t(10, 0), None, t(11, 0), PARIS).unwrap();
        assert_eq!(s.local(SEOUL).0.time(), t(17, 0));
    }

    #[test]
    fn both_sides_of_the_clock_changes() {
        // 2021-03-28: Paris jumps from 02:00 to 03:00. Before: UTC+1, after: UTC+2.
        let before = Span::from_local(d(2021, 3, 27), t(10, 0), None, t(11, 0), PARIS).unwrap();
        let after = Span::from_local(d(2021, 3, 28), t(10, 0), None, t(11, 0), PARIS).unwrap();
        assert_eq!(before.local(SEOUL).0.time(), t(18, 0));
        assert_eq!(after.local(SEOUL).0.time(), t(17, 0));
        // 2021-10-31: back from 03:00 to 02:00.
        let oct30 = Span::from_local(d(2021, 10, 30), t(10, 0), None, t(11, 0), PARIS).unwrap();
        let oct31 = Span::from_local(d(2021, 10, 31), t(10, 0), None, t(11, 0), PARIS).unwrap();
        assert_eq!(oct30.local(SEOUL).0.time(), t(17, 0));
        assert_eq!(oct31.local(SEOUL).0.time(), t(18, 0));
        // A meeting across the change lasts its real length.
        let night = Span::from_local(d(2021, 3, 28), t(1, 0), None, t(4, 0), PARIS).unwrap();
        assert_eq!(night.minutes(), 120);
    }

    #[test]
    fn missing_and_doubled_local_times_are_refused() {
        let gap = Span::from_local(d(2021, 3, 28), t(2, 30), None, t(4, 0), PARIS).unwrap_err();
        assert_eq!(gap.key, ErrorKey::NonexistentLocalTime);
        assert_eq!(gap.field.as_deref(), Some("start"));
        let fold = Span::from_local(d(2021, 10, 31), t(1, 0), None, t(2, 30), PARIS).unwrap_err();
        assert_eq!(fold.key, ErrorKey::AmbiguousLocalTime);
        assert_eq!(fold.field.as_deref(), Some("end"));
        // Seoul has no clock changes: the same times are fine there.
        assert!(Span::from_local(d(2021, 3, 28), t(2, 30), None, t(4, 0), SEOUL).is_ok());
    }

    #[test]
    fn end_before_start_and_unknown_zones() {
        let e = Span::from_local(d(2021, 1, 28), t(12, 30), None, t(11, 0), PARIS).unwrap_err();
        assert_eq!(e.key, ErrorKey::EndBeforeStart);
        assert!(Span::from_local(
            d(2021, 1, 28),
            t(23, 0),
            Some(d(2021, 1, 29)),
            t(1, 0),
            PARIS
        )
        .is_ok());
        assert_eq!(
            parse_zone("Mars/Olympus", "time_zone").unwrap_err().key,
            ErrorKey::UnknownTimeZone
        );
        assert_eq!(parse_zone("Asia/Seoul", "time_zone").unwrap(), SEOUL);
    }

    #[test]
    fn zones_to_show() {
        let korea = [PARIS, SEOUL];
        assert_eq!(display_zones(PARIS, &korea), vec![PARIS, SEOUL]);
        assert_eq!(display_zones(SEOUL, &korea), vec![SEOUL, PARIS]);
        assert_eq!(display_zones(chrono_tz::America::Montreal, &korea).len(), 3);
        let us = [
            PARIS,
            chrono_tz::America::New_York,
            chrono_tz::America::Los_Angeles,
        ];
        assert_eq!(display_zones(PARIS, &us), us.to_vec());
        assert_eq!(
            display_zones(chrono_tz::Africa::Dakar, &[]),
            vec![chrono_tz::Africa::Dakar, PARIS]
        );
    }
}
