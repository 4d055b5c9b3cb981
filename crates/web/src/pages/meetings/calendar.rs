//! Calendar files: one per meeting (`/meetings/{id}.ics`) and a subscribable feed per group
//! (`/groups/{id}/calendar.ics`), with real `VTIMEZONE`s, stable UIDs, and updates and
//! cancellations sent as such.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use exports::ics::{calendar, Event};
use storage::MeetingRecord;

use super::{can_read_group, meeting_title, visible_meeting};
use crate::ctx::Ctx;
use crate::OrNotFound;
use crate::{AppError, AppState};

/// The calendar event of a meeting, in the user's language, with both local times in its text.
pub fn event(ctx: &Ctx, state: &AppState, rec: &MeetingRecord, zones: &[chrono_tz::Tz]) -> Event {
    crate::ops::meeting_mail::event(ctx.lang, state, rec, zones)
}

fn ics(body: String, file: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{file}\""),
            ),
        ],
        body,
    )
        .into_response()
}

pub async fn meeting_file(ctx: &Ctx, state: &AppState, id: &str) -> Result<Response, AppError> {
    let rec = visible_meeting(ctx, &state.db, id).await?;
    let name = meeting_title(ctx, &rec);
    let zones = crate::ops::groups::zones(state, &rec.meeting.group_id).await?;
    Ok(ics(
        calendar(&name, &[event(ctx, state, &rec, &zones)]),
        &format!("{id}.ics"),
    ))
}

/// Every meeting of the group the caller may see, cancelled ones included (as cancelled).
/// Calendar programs poll feeds: the feed is cached under a key made of everything it depends
/// on, and answers `304 Not Modified` to a matching `If-None-Match`.
pub async fn group_feed(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(group): Path<String>,
) -> Result<Response, AppError> {
    let g = state.db.group(&group).await?.or_404()?;
    let public_only = !can_read_group(&ctx, &state.db, &group).await?;
    let (count, last) = state.db.meetings_fingerprint(&group, public_only).await?;
    let key = format!(
        "feed:{group}:{}:{public_only}:{count}:{last}:{}",
        ctx.lang.code(),
        state.config.public_url
    );
    let etag = crate::cache::etag(&key);
    if crate::cache::holds(ctx.if_none_match.as_deref(), &etag) {
        return Ok((axum::http::StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response());
    }
    let body = match state.cache.get(&key) {
        Some(hit) => hit,
        None => {
            let (records, _) = state
                .db
                .meetings(Some(&group), public_only, 5000, 0)
                .await?;
            let zones = &g.time_zones;
            let mut events: Vec<Event> = records
                .iter()
                .map(|r| event(&ctx, &state, r, zones))
                .collect();
            for mut s in state.db.scheduled_seminars_of_group(&group).await? {
                if public_only {
                    // The video link is for the group.
                    s.link = None;
                }
                events.extend(crate::ops::seminars::event(&ctx, &state, &s, zones));
            }
            state
                .cache
                .put(key, calendar(g.name.get(ctx.lang.code()), &events))
        }
    };
    let mut resp = ics(body.as_str().to_owned(), &format!("{group}.ics"));
    if let Ok(v) = axum::http::HeaderValue::from_str(&etag) {
        resp.headers_mut().insert(header::ETAG, v);
    }
    Ok(resp)
}
