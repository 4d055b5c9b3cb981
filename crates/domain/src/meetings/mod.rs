//! Group meetings: when and how they happen, their agenda, who takes part and how; their
//! minutes (`minutes`), decisions and follow-ups (`follow_ups`); and the yearly roadmap
//! (`roadmap`) that meetings and seminars carry out.

pub mod follow_ups;
pub mod minutes;
pub mod participants;
pub mod roadmap;

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::directory::{clean_text, Names};
use crate::time::{parse_zone, Span};
use crate::{DomainError, ErrorKey};

/// In person (with a place), remote (with a link) or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    InPerson,
    Remote,
    Hybrid,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::InPerson, Format::Remote, Format::Hybrid];
    pub fn code(self) -> &'static str {
        match self {
            Format::InPerson => "in_person",
            Format::Remote => "remote",
            Format::Hybrid => "hybrid",
        }
    }
    pub fn parse(s: &str) -> Option<Format> {
        Self::ALL.into_iter().find(|f| f.code() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Scheduled,
    Cancelled,
}

impl MeetingStatus {
    pub fn code(self) -> &'static str {
        match self {
            MeetingStatus::Scheduled => "scheduled",
            MeetingStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "scheduled" => Some(MeetingStatus::Scheduled),
            "cancelled" => Some(MeetingStatus::Cancelled),
            _ => None,
        }
    }
}

/// Who may see a meeting: everyone, or the group's members and observers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Public,
    Group,
}

impl Visibility {
    pub fn code(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Group => "group",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "public" => Some(Visibility::Public),
            "group" => Some(Visibility::Group),
            _ => None,
        }
    }
}

/// How a participant took part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Invited,
    Registered,
    Present,
    Excused,
    Absent,
}

impl Presence {
    pub const ALL: [Presence; 5] = [
        Presence::Invited,
        Presence::Registered,
        Presence::Present,
        Presence::Excused,
        Presence::Absent,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Presence::Invited => "invited",
            Presence::Registered => "registered",
            Presence::Present => "present",
            Presence::Excused => "excused",
            Presence::Absent => "absent",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == s)
    }
}

/// A meeting as typed: local date and times in the zone of record.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MeetingInput {
    pub group_id: String,
    pub title: Names,
    /// The title in the partner's own languages, by BCP 47 tag.
    #[serde(default)]
    pub title_other: std::collections::BTreeMap<String, String>,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    /// When the meeting ends on another day than it starts.
    pub end_date: Option<String>,
    pub time_zone: String,
    pub format: String,
    pub place: Option<String>,
    pub link: Option<String>,
    pub visibility: Option<String>,
    pub agenda: Vec<Names>,
}

/// A checked meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub id: String,
    pub group_id: String,
    pub title: Names,
    pub title_other: std::collections::BTreeMap<String, String>,
    pub span: Span,
    pub time_zone: Tz,
    pub format: Format,
    pub place: Option<String>,
    pub link: Option<String>,
    pub visibility: Visibility,
    pub status: MeetingStatus,
    /// Raised at every change of time, place or status, for calendar updates (RFC 5545 SEQUENCE).
    pub sequence: i64,
    pub agenda: Vec<Names>,
}

/// The value, or `None` with the error recorded.
fn keep<T>(errors: &mut Vec<DomainError>, r: Result<T, DomainError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

fn parse_date(s: &str, field: &str) -> Result<NaiveDate, DomainError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| DomainError::field(ErrorKey::InvalidDate, field))
}

fn parse_time(s: &str, field: &str) -> Result<NaiveTime, DomainError> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| DomainError::field(ErrorKey::InvalidTime, field))
}

impl MeetingInput {
    pub fn validate(&self, id: String) -> Result<Meeting, Vec<DomainError>> {
        let mut errors = Vec::new();
        let title = Names {
            fr: keep(
                &mut errors,
                clean_text(self.title.fr.as_deref(), "title.fr", 300),
            )
            .flatten(),
            ko: keep(
                &mut errors,
                clean_text(self.title.ko.as_deref(), "title.ko", 300),
            )
            .flatten(),
            ko_latn: None,
            en: keep(
                &mut errors,
                clean_text(self.title.en.as_deref(), "title.en", 300),
            )
            .flatten(),
        };
        let date = keep(&mut errors, parse_date(&self.date, "date"));
        let start = keep(&mut errors, parse_time(&self.start_time, "start_time"));
        let end = keep(&mut errors, parse_time(&self.end_time, "end_time"));
        let end_date = match self
            .end_date
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => keep(&mut errors, parse_date(s, "end_date")),
            None => None,
        };
        let tz = keep(&mut errors, parse_zone(&self.time_zone, "time_zone"));
        let format = Format::parse(self.format.trim());
        let place = keep(&mut errors, clean_text(self.place.as_deref(), "place", 500)).flatten();
        let link = keep(&mut errors, clean_text(self.link.as_deref(), "link", 1000)).flatten();
        let visibility = match self.visibility.as_deref().map(str::trim) {
            None | Some("") => Some(Visibility::Group),
            Some(v) => Visibility::parse(v),
        };
        let mut agenda = Vec::new();
        for (i, item) in self.agenda.iter().enumerate() {
            let f = |lang: &str| format!("agenda[{i}].{lang}");
            agenda.push(Names {
                fr: keep(&mut errors, clean_text(item.fr.as_deref(), &f("fr"), 500)).flatten(),
                ko: keep(&mut errors, clean_text(item.ko.as_deref(), &f("ko"), 500)).flatten(),
                ko_latn: None,
                en: keep(&mut errors, clean_text(item.en.as_deref(), &f("en"), 500)).flatten(),
            });
        }
        agenda.retain(|n| n.fr.is_some() || n.ko.is_some() || n.en.is_some());
        if title.fr.is_none() && title.ko.is_none() && title.en.is_none() {
            errors.push(DomainError::field(ErrorKey::Required, "title.fr"));
        }
        if self.group_id.trim().is_empty() {
            errors.push(DomainError::field(ErrorKey::Required, "group_id"));
        }
        if format.is_none() {
            errors.push(DomainError::field(ErrorKey::InvalidKind, "format"));
        }
        if matches!(format, Some(Format::InPerson | Format::Hybrid)) && place.is_none() {
            errors.push(DomainError::field(ErrorKey::Required, "place"));
        }
        // The link of a remote meeting may come later; when given, it must be a web address.
        if let Some(l) = &link {
            if !crate::text::is_web_address(l) {
                errors.push(DomainError::field(ErrorKey::InvalidUrl, "link"));
            }
        }
        if visibility.is_none() {
            errors.push(DomainError::field(ErrorKey::InvalidKind, "visibility"));
        }
        let span = match (date, start, end, tz) {
            (Some(d), Some(s), Some(e), Some(tz)) => {
                match Span::from_local(d, s, end_date, e, tz) {
                    Ok(span) => Some(span),
                    Err(e) => {
                        errors.push(e);
                        None
                    }
                }
            }
            _ => None,
        };
        let title_other = crate::check::other_texts(&self.title_other, "title_other", 500)
            .unwrap_or_else(|es| {
                errors.extend(es);
                Default::default()
            });
        match (errors.is_empty(), span, tz, format, visibility) {
            (true, Some(span), Some(time_zone), Some(format), Some(visibility)) => Ok(Meeting {
                id,
                group_id: self.group_id.trim().to_string(),
                title,
                title_other,
                span,
                time_zone,
                format,
                place,
                link,
                visibility,
                status: MeetingStatus::Scheduled,
                sequence: 0,
                agenda,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> MeetingInput {
        MeetingInput {
            group_id: "kr".into(),
            title: Names {
                fr: Some("Réunion du groupe-pays Corée".into()),
                ..Default::default()
            },
            date: "2021-01-28".into(),
            start_time: "11:00".into(),
            end_time: "12:30".into(),
            time_zone: "Europe/Paris".into(),
            format: "remote".into(),
            link: Some("https://visio.example.org/coree".into()),
            agenda: vec![Names {
                fr: Some("Propos introductifs".into()),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn the_seed_meeting_is_valid() {
        let m = seed().validate("m-2021-01-28".into()).unwrap();
        assert_eq!(m.span.minutes(), 90);
        assert_eq!(m.visibility, Visibility::Group);
        assert_eq!(m.agenda.len(), 1);
    }

    #[test]
    fn every_problem_names_its_field() {
        let mut i = seed();
        i.format = "hybrid".into();
        i.link = Some("javascript:alert(1)".into());
        i.end_time = "10:00".into();
        i.time_zone = "Europe/Pariss".into();
        let errs = i.validate("m".into()).unwrap_err();
        let fields: Vec<_> = errs.iter().filter_map(|e| e.field.as_deref()).collect();
        assert!(
            fields.contains(&"place") && fields.contains(&"link") && fields.contains(&"time_zone"),
            "{fields:?}"
        );
        let mut i = seed();
        i.end_time = "10:00".into();
        assert_eq!(
            i.validate("m".into()).unwrap_err()[0].key,
            ErrorKey::EndBeforeStart
        );
        let mut i = seed();
        i.date = "2021-03-28".into();
        i.start_time = "02:15".into();
        assert_eq!(
            i.validate("m".into()).unwrap_err()[0].key,
            ErrorKey::NonexistentLocalTime
        );
        let mut i = seed();
        i.start_time = "25:00".into();
        assert_eq!(
            i.validate("m".into()).unwrap_err()[0].field.as_deref(),
            Some("start_time")
        );
    }
}
