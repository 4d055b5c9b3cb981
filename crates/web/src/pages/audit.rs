//! The audit log, for the secretariat: newest first, by kind of event, a page at a time.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::accounts::Action;

use super::render;
use crate::ctx::Ctx;
use crate::ops::audit::{self, AuditQuery};
use crate::view::{code_label, Choice, Page};
use crate::{AppError, AppState};

pub struct Row {
    pub when: String,
    pub who: String,
    pub event: String,
    pub target: String,
    pub detail: String,
    pub client: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditTemplate {
    page: Page,
    events: Vec<Choice>,
    rows: Vec<Row>,
    older: Option<String>,
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    ctx.require(&Action::ReadAudit)?;
    let query = AuditQuery::from_query(&q)?;
    let (items, next) = audit::read(&state, &query).await?;
    let rows = items
        .into_iter()
        .map(|e| {
            let at = storage::utc(e.at).with_timezone(&ctx.tz);
            Row {
                when: format!(
                    "{} {}",
                    i18n::format_date_medium(ctx.lang, at.date_naive()),
                    at.format("%H:%M:%S")
                ),
                who: e.actor_email.or(e.actor).unwrap_or_default(),
                event: code_label(ctx.lang, "audit-event", &e.event),
                target: e.target.unwrap_or_default(),
                detail: e.detail.unwrap_or_default(),
                client: e.client.unwrap_or_default(),
            }
        })
        .collect();
    let events = audit::EVENTS
        .iter()
        .map(|code| {
            Choice::of(
                code,
                code_label(ctx.lang, "audit-event", code),
                query.event.as_deref(),
            )
        })
        .collect();
    let older = next.map(|id| match &query.event {
        Some(e) => format!("/audit?event={e}&before={id}"),
        None => format!("/audit?before={id}"),
    });
    let t = AuditTemplate {
        page: Page::new(&ctx, "audit", ctx.t("audit-title")),
        events,
        rows,
        older,
    };
    Ok(render(&t))
}
