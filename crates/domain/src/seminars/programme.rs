//! Series, seminars and their programme: the records, and what coordinators type to make them
//! (each input's `validate` returns every problem with its field).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::Value;

use super::{Audience, SeminarStatus};
use crate::check::Problems;
use crate::directory::Names;
use crate::period::Period;
use crate::time::Span;
use crate::{DomainError, ErrorKey};

/// A year's series of seminars of one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub id: String,
    pub group_id: String,
    pub year: i64,
    pub title: Names,
    /// The title in the partner's own languages, by BCP 47 tag.
    pub title_other: BTreeMap<String, String>,
    pub sources: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Seminar {
    pub id: String,
    pub series_id: String,
    pub position: i64,
    pub theme: Names,
    /// The theme in the partner's own languages, by BCP 47 tag.
    pub theme_other: BTreeMap<String, String>,
    pub planned_period: Option<Period>,
    pub span: Option<Span>,
    pub time_zone: Tz,
    pub duration_minutes: i64,
    pub format: String,
    pub link: Option<String>,
    pub capacity: Option<i64>,
    pub audience: Audience,
    pub status: SeminarStatus,
    pub sequence: i64,
    pub version: i64,
    pub updated_at: i64,
}

/// One presentation of a seminar's programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    pub id: String,
    pub position: i64,
    pub organisation_id: Option<String>,
    pub speaker: Option<String>,
    pub title: Names,
    pub duration_minutes: i64,
}

/// Seminars last from a quarter of an hour to a working day.
pub const SEMINAR_MINUTES: std::ops::RangeInclusive<i64> = 15..=480;
pub const CAPACITY: std::ops::RangeInclusive<i64> = 1..=100_000;
pub const YEARS: std::ops::RangeInclusive<i64> = 1990..=2200;

/// A series as typed.
#[derive(Debug, Clone, Default)]
pub struct SeriesInput {
    pub year: i64,
    pub title: Names,
    pub title_other: BTreeMap<String, String>,
}

impl SeriesInput {
    /// The series of `group`; its id is `tour-{group}-{year}`.
    pub fn validate(&self, group: &str) -> Result<Series, Vec<DomainError>> {
        let mut p = Problems::new();
        let year = p.within(self.year, YEARS, "year");
        let title = p.names(&self.title, "title", 300, true);
        let title_other = p.others(&self.title_other, "title_other", 300);
        p.finish(Series {
            id: format!("tour-{group}-{year}"),
            group_id: group.to_string(),
            year,
            title,
            title_other,
            sources: Value::Object(Default::default()),
        })
    }
}

/// A seminar as typed, on creation or edit. Codes are those of `Audience` and `SeminarStatus`.
#[derive(Debug, Clone, Default)]
pub struct SeminarInput {
    pub theme: Names,
    pub theme_other: BTreeMap<String, String>,
    pub planned_period: Option<String>,
    pub start: Option<DateTime<Utc>>,
    pub duration_minutes: i64,
    pub link: Option<String>,
    pub capacity: Option<i64>,
    /// `members` when empty.
    pub audience: Option<String>,
    /// `planned` when empty.
    pub status: Option<String>,
}

impl SeminarInput {
    /// A seminar as it stands, to edit.
    pub fn of(s: &Seminar) -> SeminarInput {
        SeminarInput {
            theme: s.theme.clone(),
            theme_other: s.theme_other.clone(),
            planned_period: s.planned_period.map(|p| p.code()),
            start: s.span.map(|x| x.start),
            duration_minutes: s.duration_minutes,
            link: s.link.clone(),
            capacity: s.capacity,
            audience: Some(s.audience.code().to_string()),
            status: Some(s.status.code().to_string()),
        }
    }

    /// `current` with what was typed: id, series, place, zone and sequence stay.
    pub fn apply(&self, current: &Seminar) -> Result<Seminar, Vec<DomainError>> {
        let mut p = Problems::new();
        let theme = p.names(&self.theme, "theme", 300, true);
        let theme_other = p.others(&self.theme_other, "theme_other", 300);
        let planned_period = p.period(self.planned_period.as_deref(), "planned_period");
        let duration_minutes = p.within(self.duration_minutes, SEMINAR_MINUTES, "duration_minutes");
        let link = p
            .take(crate::text::clean_link(self.link.as_deref(), "link"))
            .flatten();
        if let Some(c) = self.capacity {
            p.within(c, CAPACITY, "capacity");
        }
        let audience = p.code(
            self.audience.as_deref(),
            Audience::parse,
            Some(Audience::Members),
            ErrorKey::InvalidKind,
            "audience",
        );
        let status = p.code(
            self.status.as_deref(),
            SeminarStatus::parse,
            Some(SeminarStatus::Planned),
            ErrorKey::InvalidStatus,
            "status",
        );
        let span = self.start.map(|start| Span {
            start,
            end: start + chrono::Duration::minutes(duration_minutes),
        });
        if status == Some(SeminarStatus::Scheduled) && span.is_none() {
            p.push(ErrorKey::Required, "start");
        }
        p.finish(Seminar {
            theme,
            theme_other,
            planned_period,
            span,
            duration_minutes,
            link,
            capacity: self.capacity,
            audience: audience.unwrap_or(Audience::Members),
            status: status.unwrap_or(SeminarStatus::Planned),
            ..current.clone()
        })
    }

    /// A new seminar, the `position`-th (from 0) of `series`, a remote workshop planned in Paris
    /// time until it is scheduled.
    pub fn create(&self, series: &str, position: i64) -> Result<Seminar, Vec<DomainError>> {
        let blank = Seminar {
            id: format!("{series}-{}", position + 1),
            series_id: series.to_string(),
            position,
            theme: Names::default(),
            theme_other: BTreeMap::new(),
            planned_period: None,
            span: None,
            time_zone: crate::time::PARIS,
            duration_minutes: 90,
            format: "interactive_remote_workshop".into(),
            link: None,
            capacity: None,
            audience: Audience::Members,
            status: SeminarStatus::Planned,
            sequence: 0,
            version: 1,
            updated_at: 0,
        };
        self.apply(&blank)
    }
}

/// A presentation as typed; the organisation is checked against the register by the caller.
#[derive(Debug, Clone, Default)]
pub struct PresentationInput {
    pub title: Names,
    pub organisation_id: Option<String>,
    pub speaker: Option<String>,
    pub duration_minutes: i64,
}

impl PresentationInput {
    pub fn validate(&self, id: &str, position: i64) -> Result<Presentation, Vec<DomainError>> {
        let mut p = Problems::new();
        let title = p.names(&self.title, "title", 300, true);
        let duration_minutes = p.within(self.duration_minutes, 1..=480, "duration_minutes");
        let speaker = p.text(self.speaker.as_deref(), "speaker", 200);
        p.finish(Presentation {
            id: id.to_string(),
            position,
            organisation_id: self
                .organisation_id
                .as_deref()
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_string),
            speaker,
            title,
            duration_minutes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seminar_lists_all_its_problems() {
        let input = SeminarInput {
            duration_minutes: 5,
            capacity: Some(0),
            audience: Some("everyone".into()),
            status: Some("scheduled".into()),
            link: Some("javascript:alert(1)".into()),
            ..SeminarInput::default()
        };
        let errors = input.create("tour-kr-2021", 0).unwrap_err();
        let fields: Vec<_> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
        assert_eq!(
            fields,
            [
                "theme.fr",
                "duration_minutes",
                "link",
                "capacity",
                "audience",
                "start"
            ]
        );
    }

    #[test]
    fn a_new_seminar_is_planned_for_members() {
        let input = SeminarInput {
            theme: Names {
                fr: Some("Mobilités".into()),
                ..Names::default()
            },
            duration_minutes: 90,
            ..SeminarInput::default()
        };
        let s = input.create("tour-kr-2021", 2).unwrap();
        assert_eq!(s.id, "tour-kr-2021-3");
        assert_eq!(
            (s.audience, s.status),
            (Audience::Members, SeminarStatus::Planned)
        );
    }
}
