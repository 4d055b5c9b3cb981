//! `/api/v1/partnerships`

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use domain::accounts::Action;
use domain::directory::{PartnershipInput, Signed};
use domain::ids::check_id;
use serde::{Deserialize, Serialize};
use storage::PartnershipRecord;
use utoipa::ToSchema;

use super::{paging, patched, ApiJson, Page};
use crate::ctx::Ctx;
use crate::OrNotFound;
use crate::{AppError, AppState};

/// A partnership between two organisations.
#[derive(Serialize, ToSchema)]
pub struct PartnershipDto {
    pub id: String,
    pub organisation_a: String,
    pub organisation_b: String,
    /// `twinning`, `friendship`, `mou`, `letter_of_intent`, `cooperation_agreement`, `informal`.
    pub kind: String,
    /// `planned`, `active`, `dormant`, `ended`.
    pub status: String,
    /// The date signed (YYYY-MM-DD) when known.
    pub signed_date: Option<String>,
    /// The year signed, when known.
    pub signed_year: Option<i32>,
    /// Theme ids of the taxonomy (`GET /api/v1/themes`).
    pub themes: Vec<String>,
    pub notes: Option<String>,
    /// The language the notes are written in (BCP 47).
    #[serde(default)]
    pub notes_lang: Option<String>,
    #[schema(value_type = Object)]
    pub sources: serde_json::Value,
    pub version: i64,
}

impl From<&PartnershipRecord> for PartnershipDto {
    fn from(r: &PartnershipRecord) -> Self {
        let p = &r.partnership;
        PartnershipDto {
            id: p.id.clone(),
            organisation_a: p.organisation_a.clone(),
            organisation_b: p.organisation_b.clone(),
            kind: p.kind.code().into(),
            status: p.status.code().into(),
            signed_date: match p.signed {
                Some(Signed::Date(d)) => Some(d.format("%Y-%m-%d").to_string()),
                _ => None,
            },
            signed_year: p.signed.map(Signed::year),
            themes: p.themes.clone(),
            notes: p.notes.clone(),
            notes_lang: p.notes_lang.clone(),
            sources: r.sources.clone(),
            version: r.version,
        }
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnershipWrite {
    #[serde(default)]
    pub id: Option<String>,
    pub organisation_a: String,
    pub organisation_b: String,
    pub kind: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub signed_date: Option<String>,
    #[serde(default)]
    pub signed_year: Option<i32>,
    /// Theme ids, or labels of the taxonomy in any language.
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
    /// The language the notes are written in (BCP 47).
    #[serde(default)]
    pub notes_lang: Option<String>,
    #[serde(default)]
    pub version: Option<i64>,
}

impl From<PartnershipDto> for PartnershipWrite {
    /// The record as its write type, for a `PATCH` (the version comes from the patch only).
    fn from(d: PartnershipDto) -> Self {
        PartnershipWrite {
            id: None,
            organisation_a: d.organisation_a,
            organisation_b: d.organisation_b,
            kind: d.kind,
            status: Some(d.status),
            signed_date: d.signed_date,
            signed_year: d.signed_year,
            themes: d.themes,
            notes: d.notes,
            notes_lang: d.notes_lang,
            version: None,
        }
    }
}

impl PartnershipWrite {
    fn input(self) -> PartnershipInput {
        PartnershipInput {
            organisation_a: self.organisation_a,
            organisation_b: self.organisation_b,
            kind: self.kind,
            status: self.status,
            signed_date: self.signed_date,
            signed_year: self.signed_year,
            themes: self.themes,
            notes: self.notes,
            notes_lang: self.notes_lang,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/partnerships", tag = "directory",
    params(
        ("organisation" = Option<String>, Query, description = "either party"),
        ("kind" = Option<String>, Query),
        ("status" = Option<String>, Query),
        ("limit" = Option<i64>, Query), ("offset" = Option<i64>, Query),
    ),
    responses((status = 200, body = Page<PartnershipDto>), (status = 400, body = super::ErrorEnvelope)))]
pub async fn list(
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Page<PartnershipDto>>, AppError> {
    let (limit, offset) = paging(&q)?;
    let filter = crate::filters::partnerships(&q)?;
    let (items, total) = state.db.partnerships(&filter, limit, offset).await?;
    Ok(Json(Page {
        items: items.iter().map(PartnershipDto::from).collect(),
        total,
        limit,
        offset,
    }))
}

#[utoipa::path(get, path = "/api/v1/partnerships/{id}", tag = "directory",
    params(("id" = String, Path)),
    responses((status = 200, body = PartnershipDto), (status = 404, body = super::ErrorEnvelope)))]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PartnershipDto>, AppError> {
    let rec = state.db.partnership(&id).await?.or_404()?;
    Ok(Json((&rec).into()))
}

#[utoipa::path(post, path = "/api/v1/partnerships", tag = "directory",
    request_body = PartnershipWrite,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = PartnershipDto), (status = 401, body = super::ErrorEnvelope),
        (status = 403, body = super::ErrorEnvelope), (status = 409, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<PartnershipWrite>,
) -> Result<(StatusCode, Json<PartnershipDto>), AppError> {
    let given_id = body.id.clone();
    let input = body.input();
    ctx.require(&Action::CreatePartnership {
        parties: [&input.organisation_a, &input.organisation_b],
    })?;
    let id = match given_id {
        Some(id) => id,
        None => {
            let base = format!(
                "p-{}-{}",
                input.organisation_a.trim(),
                input.organisation_b.trim()
            );
            let mut candidate = base.clone();
            let mut n = 2;
            while state.db.partnership(&candidate).await?.is_some() {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            candidate
        }
    };
    check_id(&id, "id")?;
    let p = crate::ops::directory::records::checked_partnership(&state, &id, &input).await?;
    let mut tx = state.db.begin().await?;
    state
        .db
        .insert_partnership(&mut tx, &p, &serde_json::json!({}))
        .await?;
    tx.commit().await?;
    let rec = state.db.partnership(&id).await?.or_404()?;
    Ok((StatusCode::CREATED, Json((&rec).into())))
}

#[utoipa::path(patch, path = "/api/v1/partnerships/{id}", tag = "directory",
    params(("id" = String, Path)),
    request_body(content = Object, description = "JSON merge patch (RFC 7396) of PartnershipWrite"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PartnershipDto), (status = 403, body = super::ErrorEnvelope),
        (status = 404, body = super::ErrorEnvelope), (status = 409, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> Result<Json<PartnershipDto>, AppError> {
    let rec = state.db.partnership(&id).await?.or_404()?;
    let old = &rec.partnership;
    ctx.require(&Action::EditPartnership {
        parties: [&old.organisation_a, &old.organisation_b],
    })?;
    let body = patched(&PartnershipWrite::from(PartnershipDto::from(&rec)), &patch)?;
    let expected = body.version.unwrap_or(rec.version);
    crate::ops::directory::records::update_partnership(&ctx, &state, &id, &body.input(), expected)
        .await?;
    let rec = state.db.partnership(&id).await?.or_404()?;
    Ok(Json((&rec).into()))
}

#[utoipa::path(get, path = "/api/v1/partnerships/{id}/history", tag = "directory", params(("id" = String, Path)),
    responses((status = 200, body = Vec<super::organisations::ChangeDto>)))]
pub async fn history(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<super::organisations::ChangeDto>>, AppError> {
    state.db.partnership(&id).await?.or_404()?;
    Ok(Json(super::organisations::changes(
        state.db.history("partnership", &id).await?,
    )))
}

#[utoipa::path(post, path = "/api/v1/partnerships/{id}/archive", tag = "directory", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204)))]
pub async fn archive(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    crate::ops::directory::set_archived(&ctx, &state, "partnership", &id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/partnerships/{id}/restore", tag = "directory", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204)))]
pub async fn restore(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    crate::ops::directory::set_archived(&ctx, &state, "partnership", &id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}
