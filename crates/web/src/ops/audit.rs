//! Reading the audit log (the secretariat's), shared by the page and the API. Events are
//! written where they happen: sign-in (`pages::auth`), refusals (`ctx`), archive and restore
//! (`storage::history`), imports (`ops::directory_io`), exports of personal data, tokens and
//! accounts (their operations and the command line).

use std::collections::HashMap;

use domain::ErrorKey;
use storage::AuditEvent;

use crate::{AppError, AppState};

/// The kinds of event, as stored.
pub const EVENTS: &[&str] = &[
    "sign_in",
    "sign_in_failed",
    "sign_in_throttled",
    "refused",
    "archived",
    "restored",
    "import",
    "export",
    "token_created",
    "token_revoked",
    "session_revoked",
    "user_created",
    "user_disabled",
    "user_enabled",
    "password_reset",
    "group_created",
    "group_changed",
    "member_added",
    "member_removed",
];

/// An event of the request's account (none for a visitor), from the request's client.
pub fn event(ctx: &crate::ctx::Ctx, name: &str) -> AuditEvent {
    AuditEvent::new(name)
        .actor(ctx.user.as_ref().map(|u| u.id.as_str()))
        .client(&ctx.client)
}

/// Writes that personal data (names, e-mail addresses) left the platform: who, what, where.
pub async fn personal_export(
    state: &AppState,
    ctx: &crate::ctx::Ctx,
    what: String,
    rows: usize,
) -> Result<(), AppError> {
    let e = event(ctx, "export")
        .target(what)
        .detail(format!("{rows} people"));
    state.db.audit(&e).await?;
    Ok(())
}

/// `event`, `before` (an id, for older pages) and `limit` (1–500, default 100).
pub struct AuditQuery {
    pub event: Option<String>,
    pub before: Option<i64>,
    pub limit: i64,
}

impl AuditQuery {
    pub fn from_query(q: &HashMap<String, String>) -> Result<AuditQuery, AppError> {
        let event = q.get("event").filter(|e| !e.is_empty()).cloned();
        if let Some(e) = &event {
            if !EVENTS.contains(&e.as_str()) {
                return Err(AppError::field(ErrorKey::BadRequest, "event"));
            }
        }
        let number = |k: &str| -> Result<Option<i64>, AppError> {
            q.get(k)
                .filter(|v| !v.is_empty())
                .map(|v| {
                    v.parse::<i64>()
                        .map_err(|_| AppError::field(ErrorKey::InvalidNumber, k))
                })
                .transpose()
        };
        let limit = number("limit")?.unwrap_or(100);
        if !(1..=500).contains(&limit) {
            return Err(AppError::field(ErrorKey::InvalidNumber, "limit"));
        }
        Ok(AuditQuery {
            event,
            before: number("before")?,
            limit,
        })
    }
}

/// A page of events, newest first, and the id to read older ones from (when there are).
pub async fn read(
    state: &AppState,
    q: &AuditQuery,
) -> Result<(Vec<AuditEvent>, Option<i64>), AppError> {
    let mut items = state
        .db
        .audit_events(q.event.as_deref(), q.before, q.limit + 1)
        .await?;
    let next = (items.len() as i64 > q.limit).then(|| {
        items.truncate(q.limit as usize);
        items.last().map(|e| e.id).unwrap_or_default()
    });
    Ok((items, next))
}
