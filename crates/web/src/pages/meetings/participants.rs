//! Who takes part: invitations, registration, presence; the attendance export; attachments;
//! and follow-up status changes.

use crate::input::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use domain::meetings::follow_ups::FollowUpStatus;
use domain::meetings::Presence;
use domain::ErrorKey;
use serde::Deserialize;
use std::collections::HashMap;
use storage::{AttachedTo, Participant};

use super::{meeting_title, visible_meeting};
use crate::ctx::Ctx;
use crate::view::code_label;
use crate::OrNotFound;
use crate::{AppError, AppState};

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
        tx.commit().await?;
    }
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
    crate::ops::meetings::managed_meeting(&ctx, &state.db, &id).await?;
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
    crate::ops::audit::personal_export(
        &state,
        &ctx,
        format!("meeting:{}:attendance", rec.meeting.id),
        table.rows.len(),
    )
    .await?;
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
    crate::ops::meetings::managed_meeting(&ctx, &state.db, &id).await?;
    let upload = crate::uploads::read(&mut multipart).await?;
    state
        .db
        .insert_attachment(
            AttachedTo::Meeting,
            &id,
            &upload.attachment,
            &upload.path,
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
    crate::uploads::stream_download(&state.db, AttachedTo::Meeting, &id, &aid).await
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
    let rec = state.db.meeting(&id).await?.or_404()?;
    crate::ops::meetings::add_decision(&ctx, &state, &rec, form.text(), form.position()).await?;
    Ok(Redirect::to(&format!("/meetings/{id}#minutes")).into_response())
}
