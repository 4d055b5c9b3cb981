//! `GET /api/v1/audit`: the audit log, for the secretariat (read only; nothing edits it).

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::Json;
use domain::accounts::Action;
use serde::Serialize;
use utoipa::ToSchema;

use crate::ctx::Ctx;
use crate::ops::audit::{self, AuditQuery};
use crate::{AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct AuditEventDto {
    pub id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    /// The account that acted (its id), absent for a visitor without one.
    pub actor: Option<String>,
    pub actor_email: Option<String>,
    /// `sign_in`, `sign_in_failed`, `sign_in_throttled`, `refused`, `archived`, `restored`,
    /// `import`, `export`, `token_created`, `token_revoked`, `session_revoked`,
    /// `user_created`, `user_disabled`, `user_enabled`, `password_reset`.
    pub event: String,
    pub target: Option<String>,
    pub detail: Option<String>,
    /// The client's address.
    pub client: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditPageDto {
    pub items: Vec<AuditEventDto>,
    /// Pass as `before` to read older events; absent on the last page.
    pub next_before: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "accounts", operation_id = "audit_list",
    params(
        ("event" = Option<String>, Query, description = "one kind of event"),
        ("before" = Option<i64>, Query, description = "events older than this id"),
        ("limit" = Option<i64>, Query, description = "1–500, default 100"),
    ),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = AuditPageDto), (status = 400, body = super::ErrorEnvelope),
        (status = 401, body = super::ErrorEnvelope), (status = 403, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<AuditPageDto>, AppError> {
    ctx.require(&Action::ReadAudit)?;
    let query = AuditQuery::from_query(&q)?;
    let (items, next_before) = audit::read(&state, &query).await?;
    Ok(Json(AuditPageDto {
        items: items
            .into_iter()
            .map(|e| AuditEventDto {
                id: e.id,
                at: storage::utc(e.at),
                actor: e.actor,
                actor_email: e.actor_email,
                event: e.event,
                target: e.target,
                detail: e.detail,
                client: e.client,
            })
            .collect(),
        next_before,
    }))
}
