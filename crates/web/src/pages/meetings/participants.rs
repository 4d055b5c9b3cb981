//! Who takes part: invitations, registration, presence; the attendance export; attachments;
//! and follow-up status changes.

use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use domain::accounts::Action;
use domain::meetings::follow_ups::FollowUpStatus;
use domain::meetings::Presence;
use domain::ErrorKey;
use serde::Deserialize;
use std::collections::HashMap;
use storage::{Attachment, Participant};

use super::{meeting_title, visible_meeting};
use crate::ctx::Ctx;
use crate::view::code_label;
use crate::{AppError, AppState};

/// Attachments: slides and annexes, up to this size, of these types.
pub const MAX_ATTACHMENT_BYTES: usize = 20 * 1024 * 1024;
const ALLOWED: &[(&str, &str, &[u8])] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        b"PK\x03\x04",
    ),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        b"PK\x03\x04",
    ),
    (
        "odt",
        "application/vnd.oasis.opendocument.text",
        b"PK\x03\x04",
    ),
    (
        "odp",
        "application/vnd.oasis.opendocument.presentation",
        b"PK\x03\x04",
    ),
    ("png", "image/png", b"\x89PNG"),
    ("jpg", "image/jpeg", b"\xFF\xD8\xFF"),
    ("jpeg", "image/jpeg", b"\xFF\xD8\xFF"),
    ("txt", "text/plain; charset=utf-8", b""),
];

/// The type of an uploaded file, from its extension checked against its first bytes.
pub fn file_type(name: &str, bytes: &[u8]) -> Result<&'static str, AppError> {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let (_, mime, magic) = ALLOWED
        .iter()
        .find(|(e, _, _)| *e == ext)
        .ok_or_else(|| AppError::field(ErrorKey::FileType, "file"))?;
    let text_ok = ext != "txt" || std::str::from_utf8(bytes).is_ok();
    if bytes.starts_with(magic) && text_ok {
        Ok(mime)
    } else {
        Err(AppError::field(ErrorKey::FileType, "file"))
    }
}

/// The signed-in user registers for the meeting (for their organisation when they edit one).
pub async fn register(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = visible_meeting(&ctx, &state.db, &id).await?;
    let user = ctx
        .user
        .clone()
        .ok_or(AppError::new(ErrorKey::Unauthenticated))?;
    let existing = state.db.participants(&id).await?;
    if !existing
        .iter()
        .any(|p| p.user_id.as_deref() == Some(user.id.as_str()))
    {
        let organisation = user
            .roles
            .iter()
            .find_map(|r| r.organisation().map(str::to_string));
        let mut tx = state.db.begin().await?;
        state
            .db
            .add_participant(
                &mut tx,
                &rec.meeting.id,
                &Participant {
                    id: format!("{id}-{}", &storage::random_token()[..10]),
                    position: existing.len() as i64,
                    person_id: None,
                    organisation_id: organisation,
                    user_id: Some(user.id.clone()),
                    name: user.display_name.clone(),
                    role_title: None,
                    presence: Presence::Registered,
                },
            )
            .await?;
        tx.commit().await.map_err(storage::StorageError::from)?;
    }
    Ok(Redirect::to(&format!("/meetings/{id}#participants")).into_response())
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    name: String,
    organisation_id: Option<String>,
    role_title: Option<String>,
}

/// The coordinator invites a person (by name, with their organisation and role).
pub async fn invite(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<InviteForm>,
) -> Result<Response, AppError> {
    let rec = state
        .db
        .meeting(&id)
        .await?
        .ok_or_else(AppError::not_found)?;
    crate::ops::meetings::add_participant(
        &ctx,
        &state,
        &rec,
        &form.name,
        form.organisation_id,
        form.role_title.as_deref(),
        Presence::Invited,
    )
    .await?;
    Ok(Redirect::to(&format!("/meetings/{id}#participants")).into_response())
}

#[derive(Deserialize)]
pub struct PresenceForm {
    presence: String,
}

pub async fn set_presence(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, pid)): Path<(String, String)>,
    Form(form): Form<PresenceForm>,
) -> Result<Response, AppError> {
    let rec = state
        .db
        .meeting(&id)
        .await?
        .ok_or_else(AppError::not_found)?;
    ctx.require(&Action::ManageMeetings {
        group: &rec.meeting.group_id,
    })?;
    let presence = Presence::parse(&form.presence)
        .ok_or_else(|| AppError::field(ErrorKey::InvalidStatus, "presence"))?;
    state.db.set_presence(&id, &pid, presence).await?;
    Ok(Redirect::to(&format!("/meetings/{id}#participants")).into_response())
}

/// The participant list as CSV or XLSX (`?format=xlsx`), in the user's language.
pub async fn attendance(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let rec = visible_meeting(&ctx, &state.db, &id).await?;
    let participants = state.db.participants(&id).await?;
    let ids: Vec<&str> = participants
        .iter()
        .filter_map(|p| p.organisation_id.as_deref())
        .collect();
    let orgs = state.db.organisations_by_ids(&ids).await?;
    let lang = ctx.lang;
    let table = exports::table::Table {
        sheet_name: ctx.t("attendance-sheet"),
        headers: [
            "attendance-name",
            "attendance-organisation",
            "attendance-organisation-id",
            "attendance-role",
            "attendance-presence",
        ]
        .iter()
        .map(|k| ctx.t(k))
        .collect(),
        rows: participants
            .iter()
            .map(|p| {
                let org = p.organisation_id.as_ref().and_then(|o| orgs.get(o));
                vec![
                    p.name.clone().into(),
                    org.map(|o| o.org.names.get(lang.code()).to_string()).into(),
                    p.organisation_id.clone().into(),
                    p.role_title.clone().into(),
                    code_label(lang, "presence", p.presence.code()).into(),
                ]
            })
            .collect(),
    };
    let date = rec
        .meeting
        .span
        .start
        .with_timezone(&rec.meeting.time_zone)
        .format("%Y-%m-%d");
    let _ = meeting_title(&ctx, &rec);
    let (bytes, mime, ext) = match q.get("format").map(String::as_str) {
        Some("xlsx") => (
            table.to_xlsx().map_err(|e| {
                tracing::error!(error = %e, "xlsx");
                AppError::new(ErrorKey::Internal)
            })?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        None | Some("csv") => (table.to_csv(), "text/csv; charset=utf-8", "csv"),
        Some(_) => return Err(AppError::field(ErrorKey::BadRequest, "format")),
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"attendance-{date}.{ext}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// Uploads an attachment (multipart form; the CSRF token travels in the query string).
pub async fn upload(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let rec = state
        .db
        .meeting(&id)
        .await?
        .ok_or_else(AppError::not_found)?;
    ctx.require(&Action::ManageMeetings {
        group: &rec.meeting.group_id,
    })?;
    let mut title = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::field(ErrorKey::FileTooLarge, "file"))?
    {
        match field.name() {
            Some("title") => title = field.text().await.unwrap_or_default(),
            Some("file") => {
                let name = field.file_name().unwrap_or("file").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::field(ErrorKey::FileTooLarge, "file"))?;
                file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    let (name, bytes) = file.ok_or_else(|| AppError::field(ErrorKey::Required, "file"))?;
    if bytes.is_empty() {
        return Err(AppError::field(ErrorKey::Required, "file"));
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(AppError::field(ErrorKey::FileTooLarge, "file"));
    }
    let mime = file_type(&name, &bytes)?;
    let safe_name: String = name
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
        .take(200)
        .collect();
    let title = domain::directory::clean_text(Some(&title), "title", 300)?
        .unwrap_or_else(|| safe_name.clone());
    let digest = storage::token_hash_bytes(&bytes);
    state
        .db
        .insert_attachment(
            &id,
            &Attachment {
                id: format!("a-{}", &storage::random_token()[..12]),
                title,
                file_name: safe_name,
                content_type: mime.to_string(),
                size: bytes.len() as i64,
                sha256: digest,
                created_at: storage::now_ms(),
            },
            &bytes,
            ctx.user.as_ref().map(|u| u.id.as_str()),
        )
        .await?;
    Ok(Redirect::to(&format!("/meetings/{id}#attachments")).into_response())
}

pub async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    visible_meeting(&ctx, &state.db, &id).await?;
    let (a, bytes) = state
        .db
        .attachment_content(&id, &aid)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((
        [
            (header::CONTENT_TYPE, a.content_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", a.file_name.replace('"', "")),
            ),
            (header::CACHE_CONTROL, "private, max-age=3600".to_string()),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct FollowUpStatusForm {
    status: String,
    meeting_id: Option<String>,
    note: Option<String>,
    back: Option<String>,
}

/// A follow-up moves on (or is done, or dropped); its history keeps when and at which meeting.
pub async fn follow_up_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<FollowUpStatusForm>,
) -> Result<Response, AppError> {
    let status = FollowUpStatus::parse(&form.status)
        .ok_or_else(|| AppError::field(ErrorKey::InvalidStatus, "status"))?;
    let meeting = form.meeting_id.filter(|m| !m.is_empty());
    crate::ops::meetings::set_follow_up_status(
        &ctx,
        &state,
        &id,
        status,
        meeting.as_deref(),
        form.note.as_deref(),
    )
    .await?;
    let group = state
        .db
        .follow_up(&id)
        .await?
        .map(|f| f.group_id)
        .unwrap_or_default();
    let back = form
        .back
        .filter(|b| b.starts_with('/') && !b.starts_with("//"))
        .unwrap_or_else(|| format!("/groups/{group}/follow-ups"));
    Ok(Redirect::to(&back).into_response())
}

#[derive(Deserialize)]
pub struct RecordForm {
    text_fr: Option<String>,
    text_ko: Option<String>,
    text_en: Option<String>,
    agenda_position: Option<String>,
    owner_organisation: Option<String>,
    owner_text: Option<String>,
    due: Option<String>,
}

impl RecordForm {
    fn text(&self) -> domain::directory::Names {
        domain::directory::Names {
            fr: self.text_fr.clone(),
            ko: self.text_ko.clone(),
            ko_latn: None,
            en: self.text_en.clone(),
        }
    }
    fn position(&self) -> Option<usize> {
        self.agenda_position.as_deref().and_then(|p| p.parse().ok())
    }
}

/// Records a decision of the meeting.
pub async fn add_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<RecordForm>,
) -> Result<Response, AppError> {
    let rec = state
        .db
        .meeting(&id)
        .await?
        .ok_or_else(AppError::not_found)?;
    crate::ops::meetings::add_decision(&ctx, &state, &rec, form.text(), form.position()).await?;
    Ok(Redirect::to(&format!("/meetings/{id}#minutes")).into_response())
}

/// Records a follow-up decided at the meeting.
pub async fn add_follow_up(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<RecordForm>,
) -> Result<Response, AppError> {
    let rec = state
        .db
        .meeting(&id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let input = domain::meetings::follow_ups::FollowUpInput {
        text: form.text(),
        owner_organisation: form
            .owner_organisation
            .clone()
            .filter(|s| !s.trim().is_empty()),
        owner_text: form.owner_text.clone(),
        due: form.due.clone(),
        status: None,
        agenda_position: form.position(),
    };
    crate::ops::meetings::add_follow_up(&ctx, &state, &rec, &input).await?;
    Ok(Redirect::to(&format!("/meetings/{id}#follow-ups")).into_response())
}
