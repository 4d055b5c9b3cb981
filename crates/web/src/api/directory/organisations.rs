//! `/api/v1/organisations`

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use domain::accounts::Action;
use domain::directory::{OrganisationInput, Seat};
use serde::{Deserialize, Serialize};
use storage::OrganisationRecord;
use utoipa::ToSchema;

use super::{paging, patched, ApiJson, Page};
use crate::ctx::Ctx;
use crate::{AppError, AppState};

pub use crate::ops::names::NamesDto;
use crate::OrNotFound;

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct SeatDto {
    pub lat: f64,
    pub lon: f64,
}

/// An organisation.
#[derive(Serialize, ToSchema)]
pub struct OrganisationDto {
    /// Stable id, also used in `/organisations/{id}`.
    pub id: String,
    /// `local_authority`, `embassy`, `state_body`, `association`, `network`, `agency`,
    /// `economic_zone` or `other`.
    pub kind: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// The level in the country's own system (local authorities only).
    pub level: Option<String>,
    pub parent_id: Option<String>,
    pub names: NamesDto,
    pub population: Option<i64>,
    pub population_year: Option<i32>,
    pub seat: Option<SeatDto>,
    pub seat_name: Option<String>,
    pub website: Option<String>,
    pub notes: Option<String>,
    /// The language the notes are written in (BCP 47).
    pub notes_lang: Option<String>,
    /// Names in the partner country's own language(s), by BCP 47 tag: `{"ja": "東京都"}`.
    pub other_names: std::collections::BTreeMap<String, String>,
    /// Where each fact comes from.
    #[schema(value_type = Object)]
    pub sources: serde_json::Value,
    /// Increases with every change; send it back in `PATCH` to detect concurrent edits.
    pub version: i64,
    /// A Revised Romanization of the Korean name, when the record has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_ko_latn: Option<String>,
}

impl From<&OrganisationRecord> for OrganisationDto {
    fn from(r: &OrganisationRecord) -> Self {
        let o = &r.org;
        OrganisationDto {
            id: o.id.clone(),
            kind: o.kind.code().into(),
            country: o.country.as_str().into(),
            level: o.level.map(|l| l.code().into()),
            parent_id: o.parent_id.clone(),
            names: (&o.names).into(),
            population: o.population,
            population_year: o.population_year,
            seat: o.seat.map(|s| SeatDto {
                lat: s.lat,
                lon: s.lon,
            }),
            seat_name: o.seat_name.clone(),
            website: o.website.clone(),
            notes: o.notes.clone(),
            notes_lang: o.notes_lang.clone(),
            other_names: o.other_names.clone(),
            sources: r.sources.clone(),
            version: r.version,
            suggested_ko_latn: o
                .names
                .ko
                .as_deref()
                .filter(|_| o.names.ko_latn.is_none())
                .map(domain::directory::romanize_place),
        }
    }
}

/// The fields a client writes.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationWrite {
    /// Optional on creation (made from the name when absent); ignored on update.
    #[serde(default)]
    pub id: Option<String>,
    pub kind: String,
    pub country: String,
    #[serde(default)]
    pub level: Option<String>,
    #[serde(default)]
    pub parent_id: Option<String>,
    pub names: NamesDto,
    #[serde(default)]
    pub population: Option<i64>,
    #[serde(default)]
    pub population_year: Option<i32>,
    #[serde(default)]
    pub seat: Option<SeatDto>,
    #[serde(default)]
    pub seat_name: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    /// The language the notes are written in (BCP 47: `fr`, `ko`, `en`, `ja` …).
    #[serde(default)]
    pub notes_lang: Option<String>,
    /// Names in other languages than French, Korean and English, by BCP 47 tag.
    #[serde(default)]
    pub other_names: std::collections::BTreeMap<String, String>,
    /// With `PATCH`: the version the change was made on; a newer stored version is a 409.
    #[serde(default)]
    pub version: Option<i64>,
}

impl From<OrganisationDto> for OrganisationWrite {
    /// The record as its write type, for a `PATCH` (the version comes from the patch only).
    fn from(d: OrganisationDto) -> Self {
        OrganisationWrite {
            id: None,
            kind: d.kind,
            country: d.country,
            level: d.level,
            parent_id: d.parent_id,
            names: d.names,
            population: d.population,
            population_year: d.population_year,
            seat: d.seat,
            seat_name: d.seat_name,
            website: d.website,
            notes: d.notes,
            notes_lang: d.notes_lang,
            other_names: d.other_names,
            version: None,
        }
    }
}

impl OrganisationWrite {
    fn input(self) -> OrganisationInput {
        OrganisationInput {
            id: self.id,
            kind: self.kind,
            country: self.country,
            level: self.level,
            parent_id: self.parent_id,
            names: self.names.into(),
            population: self.population,
            population_year: self.population_year,
            seat: self.seat.map(|s| Seat {
                lat: s.lat,
                lon: s.lon,
            }),
            seat_name: self.seat_name,
            website: self.website,
            notes: self.notes,
            notes_lang: self.notes_lang,
            other_names: self.other_names,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/organisations", tag = "directory",
    params(
        ("country" = Option<String>, Query, description = "ISO code, e.g. KR"),
        ("level" = Option<String>, Query, description = "level code, e.g. autonomous_district"),
        ("kind" = Option<String>, Query),
        ("group" = Option<String>, Query, description = "country group id, e.g. kr"),
        ("q" = Option<String>, Query, description = "part of a name, in any language"),
        ("limit" = Option<i64>, Query, description = "1 to 1000, default 50"),
        ("offset" = Option<i64>, Query),
    ),
    responses((status = 200, body = Page<OrganisationDto>), (status = 400, body = super::ErrorEnvelope)))]
pub async fn list(
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Page<OrganisationDto>>, AppError> {
    let (limit, offset) = paging(&q)?;
    let filter = crate::filters::organisations(&q)?;
    let (items, total) = state.db.organisations(&filter, limit, offset).await?;
    Ok(Json(Page {
        items: items.iter().map(OrganisationDto::from).collect(),
        total,
        limit,
        offset,
    }))
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "directory",
    params(("id" = String, Path)),
    responses((status = 200, body = OrganisationDto), (status = 404, body = super::ErrorEnvelope)))]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<OrganisationDto>, AppError> {
    let rec = state.db.organisation(&id).await?.or_404()?;
    Ok(Json((&rec).into()))
}

#[utoipa::path(post, path = "/api/v1/organisations", tag = "directory",
    request_body = OrganisationWrite,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = OrganisationDto), (status = 401, body = super::ErrorEnvelope),
        (status = 403, body = super::ErrorEnvelope), (status = 409, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<OrganisationWrite>,
) -> Result<(StatusCode, Json<OrganisationDto>), AppError> {
    let id = crate::ops::directory::create_organisation(&ctx, &state, body.input()).await?;
    let rec = state.db.organisation(&id).await?.or_404()?;
    Ok((StatusCode::CREATED, Json((&rec).into())))
}

#[utoipa::path(patch, path = "/api/v1/organisations/{id}", tag = "directory",
    params(("id" = String, Path)),
    request_body(content = Object, description = "JSON merge patch (RFC 7396) of OrganisationWrite"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = OrganisationDto), (status = 403, body = super::ErrorEnvelope),
        (status = 404, body = super::ErrorEnvelope), (status = 409, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> Result<Json<OrganisationDto>, AppError> {
    let rec = state.db.organisation(&id).await?.or_404()?;
    ctx.require(&Action::EditOrganisation { organisation: &id })?;
    let body = patched(
        &OrganisationWrite::from(OrganisationDto::from(&rec)),
        &patch,
    )?;
    let expected = body.version.unwrap_or(rec.version);
    crate::ops::directory::update_organisation(&ctx, &state, &id, &body.input(), expected).await?;
    let rec = state.db.organisation(&id).await?.or_404()?;
    Ok(Json((&rec).into()))
}

#[derive(Serialize, ToSchema)]
pub struct ChangeDto {
    pub version: i64,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub changed_by: Option<String>,
    pub changed_by_name: Option<String>,
    pub changed_at: chrono::DateTime<chrono::Utc>,
}

pub fn changes(list: Vec<storage::Change>) -> Vec<ChangeDto> {
    list.into_iter()
        .map(|c| ChangeDto {
            version: c.version,
            field: c.field,
            old_value: c.old_value,
            new_value: c.new_value,
            changed_by: c.changed_by,
            changed_by_name: c.changed_by_name,
            changed_at: storage::utc(c.changed_at),
        })
        .collect()
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}/history", tag = "directory", params(("id" = String, Path)),
    responses((status = 200, body = Vec<ChangeDto>)))]
pub async fn history(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ChangeDto>>, AppError> {
    state.db.organisation(&id).await?.or_404()?;
    Ok(Json(changes(state.db.history("organisation", &id).await?)))
}

#[utoipa::path(post, path = "/api/v1/organisations/{id}/archive", tag = "directory", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204), (status = 403, body = super::ErrorEnvelope)))]
pub async fn archive(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    crate::ops::directory::set_archived(&ctx, &state, "organisation", &id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/organisations/{id}/restore", tag = "directory", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 204), (status = 403, body = super::ErrorEnvelope)))]
pub async fn restore(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    crate::ops::directory::set_archived(&ctx, &state, "organisation", &id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}
