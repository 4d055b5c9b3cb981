//! `/api/v1/me/sessions`, `/api/v1/me/tokens` (one's own), `/api/v1/users` (the secretariat's).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ErrorEnvelope};
use crate::ctx::Ctx;
use crate::ops::accounts;
use crate::{AppError, AppState};
use storage::utc;

#[derive(Serialize, ToSchema)]
pub struct SessionDto {
    /// Names the session (not its secret).
    pub id: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenDto {
    pub id: String,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenWrite {
    /// A label to recognise the token by (1–100 characters).
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct NewTokenDto {
    /// The secret, shown this once: `Authorization: Bearer …`.
    pub token: String,
}

#[derive(Serialize, ToSchema)]
pub struct UserDto {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// `secretariat`, `coordinator:kr`, `editor:fr-issy` …
    pub roles: Vec<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub disabled_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[utoipa::path(get, path = "/api/v1/me/sessions", tag = "accounts", operation_id = "my_sessions",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SessionDto>), (status = 401, body = ErrorEnvelope)))]
pub async fn sessions(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Json<Vec<SessionDto>>, AppError> {
    let list = accounts::sessions(&ctx, &state).await?;
    Ok(Json(
        list.into_iter()
            .map(|s| SessionDto {
                id: s.id,
                created_at: utc(s.created_at),
                expires_at: utc(s.expires_at),
            })
            .collect(),
    ))
}

#[utoipa::path(delete, path = "/api/v1/me/sessions/{id}", tag = "accounts",
    operation_id = "close_my_session", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])),
    responses((status = 204), (status = 401, body = ErrorEnvelope), (status = 403, body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope)))]
pub async fn revoke_session(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    accounts::revoke_session(&ctx, &state, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "accounts", operation_id = "my_tokens",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<TokenDto>), (status = 401, body = ErrorEnvelope)))]
pub async fn tokens(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Json<Vec<TokenDto>>, AppError> {
    let list = accounts::tokens(&ctx, &state).await?;
    Ok(Json(
        list.into_iter()
            .map(|t| TokenDto {
                id: t.id,
                name: t.name,
                created_at: utc(t.created_at),
                last_used_at: t.last_used_at.map(utc),
                revoked_at: t.revoked_at.map(utc),
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "accounts", operation_id = "create_my_token",
    request_body = TokenWrite, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = NewTokenDto), (status = 400, body = ErrorEnvelope),
        (status = 401, body = ErrorEnvelope), (status = 403, body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn create_token(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<TokenWrite>,
) -> Result<(StatusCode, Json<NewTokenDto>), AppError> {
    let token = accounts::create_token(&ctx, &state, &body.name).await?;
    Ok((StatusCode::CREATED, Json(NewTokenDto { token })))
}

#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "accounts",
    operation_id = "revoke_my_token", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])),
    responses((status = 204), (status = 401, body = ErrorEnvelope), (status = 403, body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope)))]
pub async fn revoke_token(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    accounts::revoke_token(&ctx, &state, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/users", tag = "accounts", operation_id = "users_list",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<UserDto>), (status = 401, body = ErrorEnvelope),
        (status = 403, body = ErrorEnvelope)))]
pub async fn users(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Json<Vec<UserDto>>, AppError> {
    let list = accounts::users(&ctx, &state).await?;
    Ok(Json(
        list.into_iter()
            .map(|u| UserDto {
                id: u.id,
                email: u.email,
                display_name: u.display_name,
                roles: u.roles,
                created_at: utc(u.created_at),
                disabled_at: u.disabled_at.map(utc),
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "accounts", operation_id = "user_disable",
    params(("id" = String, Path)), security(("bearer" = []), ("session" = [])),
    responses((status = 204), (status = 401, body = ErrorEnvelope), (status = 403, body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope)))]
pub async fn disable(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    accounts::set_disabled(&ctx, &state, &id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/users/{id}/enable", tag = "accounts", operation_id = "user_enable",
    params(("id" = String, Path)), security(("bearer" = []), ("session" = [])),
    responses((status = 204), (status = 401, body = ErrorEnvelope), (status = 403, body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope)))]
pub async fn enable(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    accounts::set_disabled(&ctx, &state, &id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationWrite {
    pub email: String,
    /// The person's name as it will show.
    pub name: String,
    /// Language of the e-mail and of the interface; the caller's when absent.
    #[schema(example = "fr")]
    pub language: Option<Language>,
    pub role: InvitedRole,
    /// The group of a president, coordinator or observer.
    pub group: Option<String>,
    /// The organisation of an editor.
    pub organisation: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Fr,
    Ko,
    En,
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum InvitedRole {
    Secretariat,
    President,
    Coordinator,
    Observer,
    Editor,
}

fn code<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[derive(Serialize, ToSchema)]
pub struct InvitedDto {
    pub user_id: String,
    pub email: String,
    /// `true`: a new account, invited by e-mail to choose its password; `false`: the role was
    /// added to an existing account, which is told by e-mail.
    pub new_account: bool,
}

/// Invites a person by e-mail in a role (the same rules as the invitation page).
#[utoipa::path(post, path = "/api/v1/users", tag = "accounts", operation_id = "user_invite",
    request_body = InvitationWrite, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = InvitedDto), (status = 401, body = ErrorEnvelope),
        (status = 403, body = ErrorEnvelope), (status = 409, body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn invite(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiJson(w): ApiJson<InvitationWrite>,
) -> Result<(StatusCode, Json<InvitedDto>), AppError> {
    let input = domain::accounts::InvitationInput {
        email: w.email,
        name: w.name,
        language: w.language.map(code),
        role: code(w.role),
        group: w.group,
        organisation: w.organisation,
    };
    let done = accounts::invite(&ctx, &state, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(InvitedDto {
            user_id: done.user.id,
            email: done.user.email,
            new_account: done.new_account,
        }),
    ))
}
