//! People as organisations know them (contacts), the theme taxonomy of partnerships, and the
//! actions partners carry out: the records and what editors type to make them.

use super::Names;
use crate::check::Problems;
use crate::{DomainError, ErrorKey};

/// A person as one organisation knows them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub person_id: String,
    pub organisation_id: String,
    pub name: String,
    pub name_ko: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
    /// Their title in this organisation (`fr`, `ko`, `en`).
    pub title: Names,
    pub version: i64,
    pub archived_at: Option<i64>,
}

/// A contact as typed.
#[derive(Debug, Clone, Default)]
pub struct ContactInput {
    pub name: String,
    pub name_ko: Option<String>,
    pub email: Option<String>,
    pub title: Names,
    pub notes: Option<String>,
}

impl ContactInput {
    pub fn validate(&self, organisation: &str, person: &str) -> Result<Contact, Vec<DomainError>> {
        let mut p = Problems::new();
        let name = p.required(Some(&self.name), "name", 200);
        let name_ko = p.text(self.name_ko.as_deref(), "name_ko", 200);
        let email = p
            .text(self.email.as_deref(), "email", 254)
            .and_then(|e| p.take(crate::accounts::normalise_email(&e, "email")));
        let title = Names {
            fr: p.text(self.title.fr.as_deref(), "title_fr", 300),
            ko: p.text(self.title.ko.as_deref(), "title_ko", 300),
            ko_latn: None,
            en: p.text(self.title.en.as_deref(), "title_en", 300),
        };
        let notes = p.text(self.notes.as_deref(), "notes", 20_000);
        p.finish(Contact {
            person_id: person.to_string(),
            organisation_id: organisation.to_string(),
            name,
            name_ko,
            email,
            notes,
            title,
            version: 1,
            archived_at: None,
        })
    }
}

/// A theme of the partnership taxonomy, labelled in the three languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: String,
    /// `fr`, `ko` and `en` labels (`ko_latn` unused).
    pub labels: Names,
    pub position: i64,
    pub version: i64,
    pub archived_at: Option<i64>,
    /// How many partnerships carry it (filled by `themes`).
    pub uses: i64,
}

impl Theme {
    /// The label in `lang`, else French, then Korean, then English, then the id.
    pub fn label(&self, lang: &str) -> String {
        let l = self.labels.get(lang);
        if l.is_empty() {
            self.id.clone()
        } else {
            l.to_string()
        }
    }
}

/// A theme as typed: French and Korean labels are required, English is optional.
#[derive(Debug, Clone, Default)]
pub struct ThemeInput {
    pub labels: Names,
    pub position: Option<i64>,
}

impl ThemeInput {
    pub fn validate(&self, id: &str) -> Result<Theme, Vec<DomainError>> {
        let mut p = Problems::new();
        p.take(crate::ids::check_id(id, "id"));
        let fr = p.required(self.labels.fr.as_deref(), "label_fr", 200);
        let ko = p.required(self.labels.ko.as_deref(), "label_ko", 200);
        let en = p.text(self.labels.en.as_deref(), "label_en", 200);
        p.finish(Theme {
            id: id.to_string(),
            labels: Names {
                fr: Some(fr),
                ko: Some(ko),
                ko_latn: None,
                en,
            },
            position: self.position.unwrap_or(500),
            version: 1,
            archived_at: None,
            uses: 0,
        })
    }
}

/// What an action's record holds once typed and checked (the parties and sources are the
/// caller's: the partnership's, or those already recorded).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionFields {
    pub title: Names,
    pub date_text: Option<String>,
    pub start_year: Option<i64>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub status_note: Option<String>,
    pub notes: Option<String>,
}

/// An action under a partnership, as typed.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    pub title: Names,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    /// When, in words, if no exact dates ("since 2008", "every spring").
    pub date_text: Option<String>,
    pub status_note: Option<String>,
    pub notes: Option<String>,
}

impl ActionInput {
    pub fn validate(&self) -> Result<ActionFields, Vec<DomainError>> {
        use chrono::Datelike;
        let mut p = Problems::new();
        let title = Names {
            fr: p.text(self.title.fr.as_deref(), "title_fr", 300),
            ko: p.text(self.title.ko.as_deref(), "title_ko", 300),
            ko_latn: None,
            en: p.text(self.title.en.as_deref(), "title_en", 300),
        };
        let typed = [&self.title.fr, &self.title.ko, &self.title.en];
        if typed
            .iter()
            .all(|t| t.as_deref().is_none_or(|t| t.trim().is_empty()))
        {
            p.push(ErrorKey::Required, "title_fr");
        }
        let start = p.date(self.start_date.as_deref(), "start_date");
        let end = p.date(self.end_date.as_deref(), "end_date");
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                p.push(ErrorKey::EndBeforeStart, "end_date");
            }
        }
        let date_text = p.text(self.date_text.as_deref(), "date_text", 200);
        // The year the action started: its first day, else the first year written in words.
        let start_year = start.map(|d| i64::from(d.year())).or_else(|| {
            date_text.as_deref().and_then(|t| {
                t.split(|c: char| !c.is_ascii_digit())
                    .find(|w| w.len() == 4)
                    .and_then(|w| w.parse().ok())
            })
        });
        let status_note = p.text(self.status_note.as_deref(), "status_note", 300);
        let notes = p.text(self.notes.as_deref(), "notes", 20_000);
        p.finish(ActionFields {
            title,
            date_text,
            start_year,
            start_date: start.map(|d| d.to_string()),
            end_date: end.map(|d| d.to_string()),
            status_note,
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_without_dates_takes_its_year_from_words() {
        let a = ActionInput {
            title: Names {
                fr: Some("Festival".into()),
                ..Names::default()
            },
            date_text: Some("depuis 2008".into()),
            ..ActionInput::default()
        };
        assert_eq!(a.validate().unwrap().start_year, Some(2008));
    }

    #[test]
    fn an_action_lists_every_problem() {
        let a = ActionInput {
            start_date: Some("2021-13-01".into()),
            end_date: Some("2021-01-01".into()),
            ..ActionInput::default()
        };
        let fields: Vec<_> = a
            .validate()
            .unwrap_err()
            .into_iter()
            .filter_map(|e| e.field)
            .collect();
        assert_eq!(fields, ["title_fr", "start_date"]);
    }

    #[test]
    fn a_theme_needs_french_and_korean() {
        let t = ThemeInput::default().validate("mobility").unwrap_err();
        let fields: Vec<_> = t.into_iter().filter_map(|e| e.field).collect();
        assert_eq!(fields, ["label_fr", "label_ko"]);
    }
}
