//! `/api/v1/groups`: the network's country groups, their settings and their members.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use domain::groups::{GroupInput, GroupRole};
use domain::ErrorKey;
use serde::{Deserialize, Serialize};
use storage::Group;
use utoipa::ToSchema;

use super::{patched, ApiJson, NamesDto};
use crate::ctx::Ctx;
use crate::ops::groups as ops;
use crate::OrNotFound;
use crate::{AppError, AppState};

/// A country group.
#[derive(Serialize, ToSchema)]
pub struct GroupDto {
    pub id: String,
    /// By BCP 47 tag (`fr`, `en`, the partner's language …).
    pub names: BTreeMap<String, String>,
    pub about: NamesDto,
    /// The partner country (ISO 3166-1 alpha-2).
    pub country: String,
    /// IANA zones, Paris first.
    pub time_zones: Vec<String>,
    /// BCP 47 tags of the content languages, French first.
    pub languages: Vec<String>,
    /// Without the `#`.
    pub hashtags: Vec<String>,
    /// Organisations taking part (members, partners, observers, secretariat).
    pub members: i64,
    pub version: i64,
}

fn dto(g: &Group, members: i64) -> GroupDto {
    GroupDto {
        id: g.id.clone(),
        names: g.names(),
        about: NamesDto::from(&g.about),
        country: g.country.clone(),
        time_zones: g.time_zones.iter().map(|z| z.name().to_string()).collect(),
        languages: g.languages.clone(),
        hashtags: g.hashtags.clone(),
        members,
        version: g.version,
    }
}

/// The fields of a group a client writes.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupWrite {
    /// Lower-case id (`sn`, `us`); fixed once created.
    pub id: String,
    /// By BCP 47 tag; `fr` is required.
    pub names: BTreeMap<String, String>,
    #[serde(default)]
    pub about: NamesDto,
    pub country: String,
    /// IANA zones of the partner country (Paris is added first).
    pub time_zones: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub hashtags: Vec<String>,
    /// With `PATCH`: the version the change was made on.
    #[serde(default)]
    pub version: Option<i64>,
}

impl GroupWrite {
    fn input(self) -> GroupInput {
        GroupInput {
            id: self.id,
            names: self.names,
            about: self.about.into(),
            country: self.country,
            time_zones: self.time_zones,
            languages: self.languages,
            hashtags: self.hashtags,
        }
    }
}

impl From<&Group> for GroupWrite {
    fn from(g: &Group) -> Self {
        let d = dto(g, 0);
        GroupWrite {
            id: d.id,
            names: d.names,
            about: d.about,
            country: d.country,
            time_zones: d.time_zones,
            languages: d.languages,
            hashtags: d.hashtags,
            version: None,
        }
    }
}

async fn one(state: &AppState, id: &str) -> Result<GroupDto, AppError> {
    let g = state.db.group(id).await?.or_404()?;
    let n = state.db.group_member_counts().await?;
    Ok(dto(&g, n.get(id).copied().unwrap_or(0)))
}

#[utoipa::path(get, path = "/api/v1/groups", tag = "groups",
    responses((status = 200, body = Vec<GroupDto>)))]
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<GroupDto>>, AppError> {
    let counts = state.db.group_member_counts().await?;
    let groups = state.db.groups().await?;
    Ok(Json(
        groups
            .iter()
            .map(|g| dto(g, counts.get(&g.id).copied().unwrap_or(0)))
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/groups/{id}", tag = "groups", params(("id" = String, Path)),
    responses((status = 200, body = GroupDto), (status = 404, body = super::ErrorEnvelope)))]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<GroupDto>, AppError> {
    Ok(Json(one(&state, &id).await?))
}

#[utoipa::path(post, path = "/api/v1/groups", tag = "groups", request_body = GroupWrite,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = GroupDto), (status = 403, body = super::ErrorEnvelope),
        (status = 409, body = super::ErrorEnvelope), (status = 422, body = super::ErrorEnvelope)))]
pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiJson(w): ApiJson<GroupWrite>,
) -> Result<(StatusCode, Json<GroupDto>), AppError> {
    let g = ops::create_group(&ctx, &state, &w.input()).await?;
    Ok((StatusCode::CREATED, Json(dto(&g, 0))))
}

#[utoipa::path(patch, path = "/api/v1/groups/{id}", tag = "groups", params(("id" = String, Path)),
    request_body(content = Object, description = "JSON merge patch (RFC 7396) of GroupWrite"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = GroupDto), (status = 403, body = super::ErrorEnvelope),
        (status = 409, body = super::ErrorEnvelope), (status = 422, body = super::ErrorEnvelope)))]
pub async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> Result<Json<GroupDto>, AppError> {
    let old = state.db.group(&id).await?.or_404()?;
    ctx.require(&domain::accounts::Action::ManageGroup { group: &id })?;
    let w = patched(&GroupWrite::from(&old), &patch)?;
    let version = w.version;
    ops::update_group(&ctx, &state, &id, &w.input(), version).await?;
    Ok(Json(one(&state, &id).await?))
}

/// An organisation's place in a group.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberWrite {
    pub organisation_id: String,
    /// `member`, `partner`, `observer` or `secretariat`.
    pub role: String,
}

#[derive(Serialize, ToSchema)]
pub struct MemberDto {
    pub organisation_id: String,
    pub names: NamesDto,
    pub country: String,
    /// `member`, `partner`, `observer` or `secretariat`.
    pub role: String,
}

#[utoipa::path(get, path = "/api/v1/groups/{id}/members", tag = "groups", params(("id" = String, Path)),
    responses((status = 200, body = Vec<MemberDto>), (status = 404, body = super::ErrorEnvelope)))]
pub async fn members(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<MemberDto>>, AppError> {
    state.db.group(&id).await?.or_404()?;
    Ok(Json(
        state
            .db
            .group_members(&id)
            .await?
            .iter()
            .map(|m| MemberDto {
                organisation_id: m.organisation.org.id.clone(),
                names: NamesDto::from(&m.organisation.org.names),
                country: m.organisation.org.country.as_str().to_string(),
                role: m.role.code().to_string(),
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/groups/{id}/members", tag = "groups", params(("id" = String, Path)),
    request_body = MemberWrite, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = Vec<MemberDto>), (status = 403, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn add_member(
    ctx: Ctx,
    state: State<AppState>,
    Path(id): Path<String>,
    ApiJson(w): ApiJson<MemberWrite>,
) -> Result<(StatusCode, Json<Vec<MemberDto>>), AppError> {
    let role = GroupRole::parse(w.role.trim())
        .ok_or_else(|| AppError::field(ErrorKey::InvalidKind, "role"))?;
    ops::add_member(&ctx, &state, &id, w.organisation_id.trim(), role).await?;
    Ok((StatusCode::CREATED, members(state, Path(id)).await?))
}

#[utoipa::path(delete, path = "/api/v1/groups/{id}/members/{organisation}", tag = "groups",
    params(("id" = String, Path), ("organisation" = String, Path)),
    security(("bearer" = []), ("session" = [])),
    responses((status = 204), (status = 403, body = super::ErrorEnvelope),
        (status = 404, body = super::ErrorEnvelope)))]
pub async fn remove_member(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, organisation)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    ops::remove_member(&ctx, &state, &id, &organisation).await?;
    Ok(StatusCode::NO_CONTENT)
}
