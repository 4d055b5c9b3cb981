//! iCalendar (RFC 5545): events with their zone of record and a real `VTIMEZONE` for each zone,
//! built from the zone's own transitions (tz database) over the years the events span. Stable
//! UIDs; changes raise `SEQUENCE`; cancellations stay in the calendar as `STATUS:CANCELLED`.

use std::collections::BTreeSet;
use std::fmt::Write;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    Confirmed,
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct Event {
    /// Stable across updates, unique across the platform.
    pub uid: String,
    pub sequence: i64,
    /// When this version of the event was last changed.
    pub stamp: DateTime<Utc>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The zone of record: start and end are written as local times of this zone.
    pub tz: Tz,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub status: EventStatus,
}

/// A whole calendar: one `VTIMEZONE` per zone used, then the events.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//jumelage//jumelage//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    let zones: BTreeSet<&str> = events.iter().map(|e| e.tz.name()).collect();
    for zone in zones {
        let tz: Tz = zone.parse().unwrap_or(Tz::UTC);
        let years = events.iter().filter(|e| e.tz == tz).flat_map(|e| {
            [
                e.start.with_timezone(&tz).year(),
                e.end.with_timezone(&tz).year(),
            ]
        });
        let (min, max) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
        vtimezone(&mut out, tz, min - 1, max + 1);
    }
    for e in events {
        vevent(&mut out, e);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn vevent(out: &mut String, e: &Event) {
    let local = |t: DateTime<Utc>| t.with_timezone(&e.tz).format("%Y%m%dT%H%M%S").to_string();
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", escape(&e.uid)));
    line(out, &format!("SEQUENCE:{}", e.sequence));
    line(
        out,
        &format!("DTSTAMP:{}", e.stamp.format("%Y%m%dT%H%M%SZ")),
    );
    line(
        out,
        &format!("LAST-MODIFIED:{}", e.stamp.format("%Y%m%dT%H%M%SZ")),
    );
    line(
        out,
        &format!("DTSTART;TZID={}:{}", e.tz.name(), local(e.start)),
    );
    line(out, &format!("DTEND;TZID={}:{}", e.tz.name(), local(e.end)));
    line(out, &format!("SUMMARY:{}", escape(&e.summary)));
    if let Some(d) = &e.description {
        line(out, &format!("DESCRIPTION:{}", escape(d)));
    }
    if let Some(l) = &e.location {
        line(out, &format!("LOCATION:{}", escape(l)));
    }
    if let Some(u) = &e.url {
        line(out, &format!("URL:{}", u.replace(['\r', '\n'], "")));
    }
    line(
        out,
        match e.status {
            EventStatus::Confirmed => "STATUS:CONFIRMED",
            EventStatus::Cancelled => "STATUS:CANCELLED",
        },
    );
    line(out, "END:VEVENT");
}

/// Offset in seconds east of UTC, and whether daylight saving is on, at an instant.
fn offset_at(tz: Tz, t: DateTime<Utc>) -> (i32, bool, String) {
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    let abbreviation = o.abbreviation().unwrap_or("").to_string();
    (
        o.fix().local_minus_utc(),
        !o.dst_offset().is_zero(),
        abbreviation,
    )
}

/// The instants in [from, to) where the zone's offset changes, found day by day and narrowed to
/// the second.
fn transitions(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut t = from;
    let mut current = offset_at(tz, t).0;
    while t < to {
        let next = t + Duration::hours(6);
        let o = offset_at(tz, next).0;
        if o != current {
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(tz, mid).0 == current {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push(hi);
            current = o;
        }
        t = next;
    }
    out
}

fn fmt_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.abs();
    format!("{sign}{:02}{:02}", a / 3600, (a % 3600) / 60)
}

fn vtimezone(out: &mut String, tz: Tz, first_year: i32, last_year: i32) {
    let start = Utc.from_utc_datetime(
        &NaiveDate::from_ymd_opt(first_year, 1, 1)
            .unwrap_or_default()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
    );
    let end = Utc.from_utc_datetime(
        &NaiveDate::from_ymd_opt(last_year + 1, 1, 1)
            .unwrap_or_default()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
    );
    line(out, "BEGIN:VTIMEZONE");
    line(out, &format!("TZID:{}", tz.name()));
    // The observance in force at the start of the range, then one per transition.
    let (off0, dst0, name0) = offset_at(tz, start);
    let before = offset_at(tz, start - Duration::days(1)).0;
    observance(
        out,
        dst0,
        before,
        off0,
        &name0,
        start + Duration::seconds(i64::from(before)),
    );
    let mut previous = off0;
    for t in transitions(tz, start, end) {
        let (off, dst, name) = offset_at(tz, t);
        // DTSTART is the local time of the onset, in the offset in force before it.
        observance(
            out,
            dst,
            previous,
            off,
            &name,
            t + Duration::seconds(i64::from(previous)),
        );
        previous = off;
    }
    line(out, "END:VTIMEZONE");
}

fn observance(
    out: &mut String,
    dst: bool,
    from: i32,
    to: i32,
    name: &str,
    onset_local: DateTime<Utc>,
) {
    let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
    line(out, &format!("BEGIN:{kind}"));
    line(
        out,
        &format!("DTSTART:{}", onset_local.format("%Y%m%dT%H%M%S")),
    );
    line(out, &format!("TZOFFSETFROM:{}", fmt_offset(from)));
    line(out, &format!("TZOFFSETTO:{}", fmt_offset(to)));
    if !name.is_empty() && !name.starts_with(['+', '-']) {
        line(out, &format!("TZNAME:{name}"));
    }
    line(out, &format!("END:{kind}"));
}

/// TEXT escaping of RFC 5545 §3.3.11.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line, folded at 75 octets without splitting a character, ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    let _ = out.write_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(tz: Tz, y: i32, m: u32, d: u32, h: u32) -> Event {
        let start = tz
            .with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc);
        Event {
            uid: "meeting-1@jumelage".into(),
            sequence: 2,
            stamp: start,
            start,
            end: start + Duration::minutes(90),
            tz,
            summary: "Réunion du groupe-pays Corée, 2021; ordre du jour".into(),
            description: Some("11:00–12:30 (Paris)\n19:00–20:30 (Séoul)".into()),
            location: None,
            url: None,
            status: EventStatus::Confirmed,
        }
    }

    #[test]
    fn paris_has_its_clock_changes() {
        let cal = calendar(
            "Groupe-pays Corée",
            &[event(chrono_tz::Europe::Paris, 2021, 1, 28, 11)],
        );
        assert!(cal.contains("DTSTART;TZID=Europe/Paris:20210128T110000\r\n"));
        assert!(cal.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
        assert!(cal.contains(
            "DTSTART:20210328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST"
        ));
        assert!(cal.contains(
            "DTSTART:20211031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET"
        ));
        assert!(cal.contains("SUMMARY:Réunion du groupe-pays Corée\\, 2021\\; ordre du jour"));
        assert!(cal.contains("DESCRIPTION:11:00–12:30 (Paris)\\n19:00–20:30 (Séoul)"));
    }

    #[test]
    fn seoul_has_one_standard_observance() {
        let cal = calendar("x", &[event(chrono_tz::Asia::Seoul, 2021, 7, 8, 17)]);
        assert_eq!(cal.matches("BEGIN:STANDARD").count(), 1);
        assert!(!cal.contains("DAYLIGHT"));
        assert!(cal.contains("TZOFFSETTO:+0900"));
    }

    #[test]
    fn long_lines_fold_without_splitting_characters() {
        let mut e = event(chrono_tz::Europe::Paris, 2021, 1, 28, 11);
        e.summary = "한국 국가별 그룹 회의 ".repeat(20);
        let cal = calendar("x", &[e]);
        for l in cal.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", "한국 국가별 그룹 회의 ".repeat(20))));
    }
}
