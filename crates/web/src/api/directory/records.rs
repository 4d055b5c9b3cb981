//! `/api/v1/themes`, the contacts of an organisation, the actions of a partnership and its
//! agreement documents: the same operations as the pages (`ops::directory::records`).

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::Serialize;
use storage::{ActionRecord, Contact, Theme};
use utoipa::ToSchema;

use super::{patched, ApiJson};
use crate::ctx::Ctx;
use crate::ops::directory::records::{self as ops, ActionWrite, ContactWrite, ThemeWrite};
use crate::OrNotFound;
use crate::{AppError, AppState};

/// A theme of the taxonomy.
#[derive(Serialize, ToSchema)]
pub struct ThemeDto {
    pub id: String,
    pub label_fr: Option<String>,
    pub label_ko: Option<String>,
    pub label_en: Option<String>,
    pub position: i64,
    pub archived: bool,
    /// How many partnerships carry it.
    pub uses: i64,
    pub version: i64,
}

impl From<&Theme> for ThemeDto {
    fn from(t: &Theme) -> Self {
        ThemeDto {
            id: t.id.clone(),
            label_fr: t.labels.fr.clone(),
            label_ko: t.labels.ko.clone(),
            label_en: t.labels.en.clone(),
            position: t.position,
            archived: t.archived_at.is_some(),
            uses: t.uses,
            version: t.version,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/themes", tag = "directory",
    responses((status = 200, body = Vec<ThemeDto>)))]
pub async fn themes(State(state): State<AppState>) -> Result<Json<Vec<ThemeDto>>, AppError> {
    let taxonomy = state.db.taxonomy_with_uses().await?;
    Ok(Json(taxonomy.themes.iter().map(ThemeDto::from).collect()))
}

async fn theme_dto(state: &AppState, id: &str) -> Result<Json<ThemeDto>, AppError> {
    let t = state.db.theme(id).await?.or_404()?;
    Ok(Json((&t).into()))
}

#[utoipa::path(post, path = "/api/v1/themes", tag = "directory", request_body = ThemeWrite,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = ThemeDto), (status = 403, body = super::ErrorEnvelope),
        (status = 409, body = super::ErrorEnvelope), (status = 422, body = super::ErrorEnvelope)))]
pub async fn create_theme(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ThemeWrite>,
) -> Result<(StatusCode, Json<ThemeDto>), AppError> {
    let id = ops::create_theme(&ctx, &state, &body).await?;
    Ok((StatusCode::CREATED, theme_dto(&state, &id).await?))
}

#[utoipa::path(patch, path = "/api/v1/themes/{id}", tag = "directory", params(("id" = String, Path)),
    request_body(content = Object, description = "JSON merge patch (RFC 7396) of ThemeWrite"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ThemeDto), (status = 403, body = super::ErrorEnvelope),
        (status = 409, body = super::ErrorEnvelope), (status = 422, body = super::ErrorEnvelope)))]
pub async fn update_theme(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> Result<Json<ThemeDto>, AppError> {
    let old = state.db.theme(&id).await?.or_404()?;
    let body = patched(&ThemeWrite::from_theme(&old), &patch)?;
    ops::update_theme(&ctx, &state, &id, &body).await?;
    theme_dto(&state, &id).await
}

#[utoipa::path(post, path = "/api/v1/themes/{id}/archive", tag = "directory", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204)))]
pub async fn archive_theme(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    crate::ops::directory::set_archived(&ctx, &state, "theme", &id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/themes/{id}/restore", tag = "directory", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204)))]
pub async fn restore_theme(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    crate::ops::directory::set_archived(&ctx, &state, "theme", &id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A person and their title in the organisation. The e-mail address is given to signed-in
/// users only.
#[derive(Serialize, ToSchema)]
pub struct ContactDto {
    pub id: String,
    pub organisation_id: String,
    pub name: String,
    pub name_ko: Option<String>,
    pub email: Option<String>,
    pub title_fr: Option<String>,
    pub title_ko: Option<String>,
    pub title_en: Option<String>,
    pub notes: Option<String>,
    pub version: i64,
}

fn contact_dto(ctx: &Ctx, c: &Contact) -> ContactDto {
    ContactDto {
        id: c.person_id.clone(),
        organisation_id: c.organisation_id.clone(),
        name: c.name.clone(),
        name_ko: c.name_ko.clone(),
        email: c.email.clone().filter(|_| ctx.user.is_some()),
        title_fr: c.title.fr.clone(),
        title_ko: c.title.ko.clone(),
        title_en: c.title.en.clone(),
        notes: c.notes.clone(),
        version: c.version,
    }
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}/people", tag = "directory",
    params(("id" = String, Path)),
    responses((status = 200, body = Vec<ContactDto>), (status = 404, body = super::ErrorEnvelope)))]
pub async fn people(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ContactDto>>, AppError> {
    state.db.organisation(&id).await?.or_404()?;
    let list = state.db.contacts_of(&id).await?;
    Ok(Json(list.iter().map(|c| contact_dto(&ctx, c)).collect()))
}

async fn contact_json(
    ctx: &Ctx,
    state: &AppState,
    org: &str,
    person: &str,
) -> Result<Json<ContactDto>, AppError> {
    let c = state.db.contact(org, person).await?.or_404()?;
    Ok(Json(contact_dto(ctx, &c)))
}

#[utoipa::path(post, path = "/api/v1/organisations/{id}/people", tag = "directory",
    params(("id" = String, Path)), request_body = ContactWrite,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = ContactDto), (status = 403, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn create_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ContactWrite>,
) -> Result<(StatusCode, Json<ContactDto>), AppError> {
    let person = ops::create_contact(&ctx, &state, &id, &body).await?;
    Ok((
        StatusCode::CREATED,
        contact_json(&ctx, &state, &id, &person).await?,
    ))
}

#[utoipa::path(patch, path = "/api/v1/organisations/{id}/people/{person}", tag = "directory",
    params(("id" = String, Path), ("person" = String, Path)),
    request_body(content = Object, description = "JSON merge patch (RFC 7396) of ContactWrite"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ContactDto), (status = 403, body = super::ErrorEnvelope),
        (status = 409, body = super::ErrorEnvelope), (status = 422, body = super::ErrorEnvelope)))]
pub async fn update_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, person)): Path<(String, String)>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> Result<Json<ContactDto>, AppError> {
    let old = state.db.contact(&id, &person).await?.or_404()?;
    let body = patched(&ContactWrite::from_contact(&old), &patch)?;
    ops::update_contact(&ctx, &state, &id, &person, &body).await?;
    contact_json(&ctx, &state, &id, &person).await
}

/// An action carried out under a partnership.
#[derive(Serialize, ToSchema)]
pub struct ActionDto {
    pub id: String,
    pub partnership_id: Option<String>,
    pub title_fr: Option<String>,
    pub title_ko: Option<String>,
    pub title_en: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub date_text: Option<String>,
    pub start_year: Option<i64>,
    pub status_note: Option<String>,
    pub notes: Option<String>,
    pub parties: Vec<String>,
    pub version: i64,
}

impl From<&ActionRecord> for ActionDto {
    fn from(a: &ActionRecord) -> Self {
        ActionDto {
            id: a.id.clone(),
            partnership_id: a.partnership_id.clone(),
            title_fr: a.title.fr.clone(),
            title_ko: a.title.ko.clone(),
            title_en: a.title.en.clone(),
            start_date: a.start_date.clone(),
            end_date: a.end_date.clone(),
            date_text: a.date_text.clone(),
            start_year: a.start_year,
            status_note: a.status_note.clone(),
            notes: a.notes.clone(),
            parties: a.parties.clone(),
            version: a.version,
        }
    }
}

async fn action_json(state: &AppState, id: &str) -> Result<Json<ActionDto>, AppError> {
    let a = state.db.action(id).await?.or_404()?;
    Ok(Json((&a).into()))
}

#[utoipa::path(get, path = "/api/v1/partnerships/{id}/actions", tag = "directory",
    params(("id" = String, Path)),
    responses((status = 200, body = Vec<ActionDto>), (status = 404, body = super::ErrorEnvelope)))]
pub async fn actions(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ActionDto>>, AppError> {
    state.db.partnership(&id).await?.or_404()?;
    let list = state.db.actions_of_partnership(&id).await?;
    Ok(Json(list.iter().map(ActionDto::from).collect()))
}

#[utoipa::path(post, path = "/api/v1/partnerships/{id}/actions", tag = "directory",
    params(("id" = String, Path)), request_body = ActionWrite,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = ActionDto), (status = 403, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn create_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ActionWrite>,
) -> Result<(StatusCode, Json<ActionDto>), AppError> {
    let action = ops::create_action(&ctx, &state, &id, &body).await?;
    Ok((StatusCode::CREATED, action_json(&state, &action).await?))
}

#[utoipa::path(get, path = "/api/v1/actions/{id}", tag = "directory", params(("id" = String, Path)),
    responses((status = 200, body = ActionDto), (status = 404, body = super::ErrorEnvelope)))]
pub async fn action(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ActionDto>, AppError> {
    action_json(&state, &id).await
}

#[utoipa::path(patch, path = "/api/v1/actions/{id}", tag = "directory", params(("id" = String, Path)),
    request_body(content = Object, description = "JSON merge patch (RFC 7396) of ActionWrite"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ActionDto), (status = 403, body = super::ErrorEnvelope),
        (status = 409, body = super::ErrorEnvelope), (status = 422, body = super::ErrorEnvelope)))]
pub async fn update_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> Result<Json<ActionDto>, AppError> {
    let old = state.db.action(&id).await?.or_404()?;
    let body = patched(&ActionWrite::from_action(&old), &patch)?;
    ops::update_action(&ctx, &state, &id, &body).await?;
    action_json(&state, &id).await
}

/// An agreement document attached to a partnership.
#[derive(Serialize, ToSchema)]
pub struct DocumentDto {
    pub id: String,
    pub title: String,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    /// Where to download it (signed-in users).
    pub href: String,
}

fn document_dto(partnership: &str, a: &storage::Attachment) -> DocumentDto {
    DocumentDto {
        id: a.id.clone(),
        title: a.title.clone(),
        file_name: a.file_name.clone(),
        content_type: a.content_type.clone(),
        size: a.size,
        sha256: a.sha256.clone(),
        href: format!("/api/v1/partnerships/{partnership}/documents/{}", a.id),
    }
}

#[utoipa::path(get, path = "/api/v1/partnerships/{id}/documents", tag = "directory",
    params(("id" = String, Path)), security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<DocumentDto>), (status = 401, body = super::ErrorEnvelope)))]
pub async fn documents(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<DocumentDto>>, AppError> {
    let list = crate::ops::directory::records::documents(&ctx, &state, &id).await?;
    Ok(Json(list.iter().map(|a| document_dto(&id, a)).collect()))
}

#[utoipa::path(post, path = "/api/v1/partnerships/{id}/documents", tag = "directory",
    params(("id" = String, Path)),
    request_body(content_type = "multipart/form-data", description = "`title` and `file` (PDF, \
        Office or OpenDocument, PNG, JPEG or text; 20 MiB at most)"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = DocumentDto), (status = 403, body = super::ErrorEnvelope),
        (status = 413, body = super::ErrorEnvelope), (status = 422, body = super::ErrorEnvelope)))]
pub async fn upload_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<(StatusCode, Json<DocumentDto>), AppError> {
    let a =
        crate::ops::directory::records::attach_document(&ctx, &state, &id, &mut multipart).await?;
    Ok((StatusCode::CREATED, Json(document_dto(&id, &a))))
}

#[utoipa::path(get, path = "/api/v1/partnerships/{id}/documents/{document}", tag = "directory",
    params(("id" = String, Path), ("document" = String, Path)),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, description = "the file, as a download"),
        (status = 401, body = super::ErrorEnvelope), (status = 404, body = super::ErrorEnvelope)))]
pub async fn download_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, document)): Path<(String, String)>,
) -> Result<Response, AppError> {
    crate::ops::directory::records::document_download(&ctx, &state, &id, &document).await
}

#[utoipa::path(get, path = "/api/v1/history/{kind}/{id}", tag = "directory",
    params(("kind" = String, Path, description = "`organisation`, `partnership`, `person`, `action` or `theme`"),
        ("id" = String, Path)),
    responses((status = 200, body = Vec<super::organisations::ChangeDto>),
        (status = 401, body = super::ErrorEnvelope), (status = 404, body = super::ErrorEnvelope)))]
pub async fn history(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Json<Vec<super::organisations::ChangeDto>>, AppError> {
    let list = ops::history_of(&ctx, &state, &kind, &id).await?;
    Ok(Json(super::organisations::changes(list)))
}

#[utoipa::path(post, path = "/api/v1/organisations/{id}/people/{person}/archive", tag = "directory",
    params(("id" = String, Path), ("person" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204), (status = 403, body = super::ErrorEnvelope)))]
pub async fn archive_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, person)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    ops::archive_contact(&ctx, &state, &id, &person, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/organisations/{id}/people/{person}/restore", tag = "directory",
    params(("id" = String, Path), ("person" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204), (status = 403, body = super::ErrorEnvelope)))]
pub async fn restore_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, person)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    ops::archive_contact(&ctx, &state, &id, &person, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/actions/{id}/archive", tag = "directory", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204), (status = 403, body = super::ErrorEnvelope)))]
pub async fn archive_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    ops::archive_action(&ctx, &state, &id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/actions/{id}/restore", tag = "directory", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204), (status = 403, body = super::ErrorEnvelope)))]
pub async fn restore_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    ops::archive_action(&ctx, &state, &id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/partnerships/{id}/documents/{document}/archive", tag = "directory",
    params(("id" = String, Path), ("document" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204), (status = 403, body = super::ErrorEnvelope)))]
pub async fn archive_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, document)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    ops::archive_document(&ctx, &state, &id, &document).await?;
    Ok(StatusCode::NO_CONTENT)
}
