//! One form page for the register's smaller records (a partnership, a contact, an action, a
//! theme): a list of labelled fields, the version read, and the error of a refused save on its
//! field, with what was typed kept.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::meetings::Choice;
use super::render;
use crate::ctx::Ctx;
use crate::view::Page;
use crate::AppError;

pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub value: String,
    /// `text`, `textarea`, `select`, `date`, `number`, `email` or `checkboxes`.
    pub kind: &'static str,
    pub lang: Option<&'static str>,
    pub options: Vec<Choice>,
    pub required: bool,
    pub hint: Option<String>,
    pub invalid: bool,
}

impl Field {
    pub fn text(ctx: &Ctx, name: &'static str, label: &str, value: Option<&str>) -> Field {
        Field {
            name,
            label: ctx.t(label),
            value: value.unwrap_or_default().to_string(),
            kind: "text",
            lang: None,
            options: Vec::new(),
            required: false,
            hint: None,
            invalid: false,
        }
    }
    pub fn kind(mut self, kind: &'static str) -> Field {
        self.kind = kind;
        self
    }
    pub fn lang(mut self, lang: &'static str) -> Field {
        self.lang = Some(lang);
        self
    }
    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }
    pub fn hint(mut self, hint: String) -> Field {
        self.hint = Some(hint);
        self
    }
    /// A drop-down of `(value, label)`, the current value selected.
    pub fn select(mut self, options: Vec<(String, String)>) -> Field {
        self.kind = "select";
        self.options = options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value == self.value,
                value,
                label,
            })
            .collect();
        self
    }
    /// Check boxes of `(value, label)`, those in `checked` ticked.
    pub fn checkboxes(mut self, options: Vec<(String, String)>, checked: &[String]) -> Field {
        self.kind = "checkboxes";
        self.options = options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: checked.contains(&value),
                value,
                label,
            })
            .collect();
        self
    }
}

#[derive(Template)]
#[template(path = "directory/form.html")]
struct FormTemplate {
    page: Page,
    back_href: String,
    back_label: String,
    action: String,
    version: Option<i64>,
    fields: Vec<Field>,
    error: Option<String>,
    error_field: String,
    archive: Option<Archive>,
    archived: bool,
    history: Vec<super::organisations::HistoryItem>,
    notice: Option<String>,
}

/// The archive (or restore) button of a record's form: where it posts, and whether the record
/// is archived now.
pub struct Archive {
    pub action: String,
    pub archived: bool,
}

pub struct FormPage {
    pub section: &'static str,
    pub title: String,
    pub back: (String, String),
    pub action: String,
    pub version: Option<i64>,
    pub fields: Vec<Field>,
    pub archive: Option<Archive>,
    pub history: Vec<super::organisations::HistoryItem>,
}

impl FormPage {
    /// Adds the record's history and, with `archive` (the record's address and whether it is
    /// archived now), its archive or restore button.
    pub async fn with_record(
        mut self,
        ctx: &Ctx,
        db: &storage::Db,
        (kind, id): (&str, &str),
        archive: Option<(String, bool)>,
    ) -> Result<FormPage, AppError> {
        self.history = super::organisations::history_items(ctx, db, kind, id).await?;
        self.archive = archive.map(|(base, archived)| Archive {
            action: format!("{base}/{}", if archived { "restore" } else { "archive" }),
            archived,
        });
        Ok(self)
    }

    /// The page, with `error` shown (and its field marked) when a save was refused.
    pub fn render(self, ctx: &Ctx, error: Option<AppError>) -> Response {
        self.render_with(ctx, error, None)
    }

    /// The page with a status line above the form (what the last save did).
    pub fn render_notice(self, ctx: &Ctx, notice: String) -> Response {
        self.render_with(ctx, None, Some(notice))
    }

    fn render_with(self, ctx: &Ctx, error: Option<AppError>, notice: Option<String>) -> Response {
        let status = error.as_ref().map(|e| e.status).unwrap_or(StatusCode::OK);
        let error_field = error
            .as_ref()
            .and_then(|e| e.field.clone())
            .unwrap_or_default();
        // `themes[2]` marks the `themes` field.
        let base = error_field.split('[').next().unwrap_or("").to_string();
        let fields = self
            .fields
            .into_iter()
            .map(|mut f| {
                f.invalid = !base.is_empty() && f.name == base;
                f
            })
            .collect();
        let t = FormTemplate {
            page: Page::new(ctx, self.section, self.title),
            back_href: self.back.0,
            back_label: self.back.1,
            action: self.action,
            version: self.version,
            fields,
            error: error.map(|e| ctx.t(&e.message_key())),
            error_field,
            archived: self.archive.as_ref().is_some_and(|a| a.archived),
            archive: self.archive,
            history: self.history,
            notice,
        };
        (status, render(&t)).into_response()
    }
}

/// A submitted form as pairs (check boxes repeat their name).
pub struct Submitted(pub Vec<(String, String)>);

impl Submitted {
    /// A form filled from a record: the fields that have a value.
    pub fn from_fields(items: &[(&str, Option<String>)]) -> Submitted {
        Submitted(
            items
                .iter()
                .filter_map(|(k, v)| v.clone().map(|v| (k.to_string(), v)))
                .collect(),
        )
    }

    pub fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
    pub fn version(&self) -> Option<i64> {
        self.get("version").and_then(|v| v.parse().ok())
    }
}

/// Whether a refused save goes back to the form (bad input, a conflict) or is an error page
/// (not signed in, not allowed, not found).
pub fn back_to_form(e: &AppError) -> bool {
    !matches!(
        e.status,
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
    )
}
