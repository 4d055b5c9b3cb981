//! Minutes: one Markdown text per agenda item (in French, Korean and/or English), written in
//! versions. Draft → in review → final; every save is a new version and none is ever lost;
//! final minutes are locked, and a correction makes a new final version with a reason.

use serde::{Deserialize, Serialize};

use crate::directory::{clean_text, Names};
use crate::{DomainError, ErrorKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesStatus {
    Draft,
    InReview,
    Final,
}

impl MinutesStatus {
    pub const ALL: [MinutesStatus; 3] = [
        MinutesStatus::Draft,
        MinutesStatus::InReview,
        MinutesStatus::Final,
    ];
    pub fn code(self) -> &'static str {
        match self {
            MinutesStatus::Draft => "draft",
            MinutesStatus::InReview => "in_review",
            MinutesStatus::Final => "final",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == s)
    }

    /// Whether minutes may move from `self` to `to`. Final minutes never move back: they
    /// change only by correction.
    pub fn can_move_to(self, to: MinutesStatus) -> bool {
        use MinutesStatus::*;
        matches!(
            (self, to),
            (Draft, InReview) | (InReview, Draft) | (InReview, Final) | (Draft, Final)
        )
    }

    pub fn check_move(self, to: MinutesStatus) -> Result<(), DomainError> {
        if self == Final {
            return Err(DomainError::field(ErrorKey::MinutesLocked, "status"));
        }
        if self.can_move_to(to) {
            Ok(())
        } else {
            Err(DomainError::field(ErrorKey::InvalidTransition, "status"))
        }
    }

    /// Editing the text is allowed before the minutes are final.
    pub fn check_edit(self) -> Result<(), DomainError> {
        if self == MinutesStatus::Final {
            Err(DomainError::new(ErrorKey::MinutesLocked))
        } else {
            Ok(())
        }
    }
}

use MinutesStatus::Final;

/// The text of one agenda item, in each language it was written in (Markdown).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemText {
    pub agenda_position: usize,
    pub body: Names,
}

/// What a save sends: every item's text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MinutesInput {
    pub items: Vec<ItemText>,
    /// Required for a correction of final minutes.
    pub reason: Option<String>,
}

pub const MAX_ITEM_CHARS: usize = 200_000;

impl MinutesInput {
    /// Checks lengths and positions against the agenda (`agenda_len` items).
    pub fn validate(&self, agenda_len: usize) -> Result<Vec<ItemText>, DomainError> {
        let mut out: Vec<ItemText> = Vec::new();
        for item in &self.items {
            let field = |lang: &str| format!("items[{}].{lang}", item.agenda_position);
            if item.agenda_position >= agenda_len.max(1) {
                return Err(DomainError::field(
                    ErrorKey::BadRequest,
                    format!("items[{}]", item.agenda_position),
                ));
            }
            if out
                .iter()
                .any(|o| o.agenda_position == item.agenda_position)
            {
                return Err(DomainError::field(
                    ErrorKey::DuplicateId,
                    format!("items[{}]", item.agenda_position),
                ));
            }
            // Text is kept as typed (no trimming of inner lines), only its ends.
            out.push(ItemText {
                agenda_position: item.agenda_position,
                body: Names {
                    fr: clean_text(item.body.fr.as_deref(), &field("fr"), MAX_ITEM_CHARS)?,
                    ko: clean_text(item.body.ko.as_deref(), &field("ko"), MAX_ITEM_CHARS)?,
                    ko_latn: None,
                    en: clean_text(item.body.en.as_deref(), &field("en"), MAX_ITEM_CHARS)?,
                },
            });
        }
        out.sort_by_key(|i| i.agenda_position);
        Ok(out)
    }

    /// A correction of final minutes needs a reason.
    pub fn correction_reason(&self) -> Result<String, DomainError> {
        clean_text(self.reason.as_deref(), "reason", 2000)?
            .ok_or_else(|| DomainError::field(ErrorKey::Required, "reason"))
    }
}

/// Whether a save on minutes in `status` is a plain edit or a correction (final minutes).
pub fn is_correction(status: MinutesStatus) -> bool {
    status == Final
}

/// One line of a diff between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Removed(String),
    Added(String),
}

/// A line diff of two texts.
pub fn diff(old: &str, new: &str) -> Vec<DiffLine> {
    similar::TextDiff::from_lines(old, new)
        .iter_all_changes()
        .map(|c| {
            let text = c.value().trim_end_matches('\n').to_string();
            match c.tag() {
                similar::ChangeTag::Equal => DiffLine::Same(text),
                similar::ChangeTag::Delete => DiffLine::Removed(text),
                similar::ChangeTag::Insert => DiffLine::Added(text),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use MinutesStatus::*;

    #[test]
    fn workflow() {
        assert!(Draft.check_move(InReview).is_ok());
        assert!(InReview.check_move(Final).is_ok());
        assert!(InReview.check_move(Draft).is_ok());
        assert_eq!(
            Final.check_move(Draft).unwrap_err().key,
            ErrorKey::MinutesLocked
        );
        assert_eq!(
            Draft.check_move(Draft).unwrap_err().key,
            ErrorKey::InvalidTransition
        );
        assert!(Draft.check_edit().is_ok());
        assert_eq!(Final.check_edit().unwrap_err().key, ErrorKey::MinutesLocked);
    }

    #[test]
    fn items_are_checked_against_the_agenda() {
        let input = MinutesInput {
            items: vec![ItemText {
                agenda_position: 4,
                body: Names::default(),
            }],
            reason: None,
        };
        assert_eq!(
            input.validate(4).unwrap_err().field.as_deref(),
            Some("items[4]")
        );
        assert_eq!(
            input.correction_reason().unwrap_err().field.as_deref(),
            Some("reason")
        );
    }

    #[test]
    fn diffs_by_line() {
        let d = diff("a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(
            d,
            vec![
                DiffLine::Same("a".into()),
                DiffLine::Removed("b".into()),
                DiffLine::Added("B".into()),
                DiffLine::Same("c".into())
            ]
        );
    }
}
