//! The JSON API, version 1: the same rules and permission checks as the pages, errors in one
//! envelope `{"error": {"code", "message", "field"}}`, and an OpenAPI 3.1 document generated
//! from these handlers.

mod accounts;
mod audit;
mod conformance;
mod countries;
mod directory;
mod doc;
mod groups;
mod meetings;
mod search;
mod seminars;

use std::collections::HashMap;

use axum::extract::{FromRequest, Request};
use axum::routing::get;
use axum::{Json, Router};
use domain::ErrorKey;
use serde::de::DeserializeOwned;
use serde::Serialize;
use utoipa::ToSchema;

use crate::ctx::Ctx;
use crate::{AppError, AppState};

pub use directory::organisations::NamesDto;
use directory::{io, organisations, partnerships, records};
pub use doc::ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/organisations",
            get(organisations::list).post(organisations::create),
        )
        .route(
            "/organisations/{id}",
            get(organisations::show).patch(organisations::update),
        )
        .route(
            "/partnerships",
            get(partnerships::list).post(partnerships::create),
        )
        .route(
            "/partnerships/{id}",
            get(partnerships::show).patch(partnerships::update),
        )
        .route("/meetings", get(meetings::list).post(meetings::create))
        .route(
            "/meetings/{id}",
            get(meetings::show).patch(meetings::update),
        )
        .route(
            "/meetings/{id}/participants",
            get(meetings::participants).post(meetings::add_participant),
        )
        .route(
            "/meetings/{id}/participants/{pid}",
            axum::routing::patch(meetings::set_presence),
        )
        .route(
            "/meetings/{id}/minutes",
            get(meetings::minutes).put(meetings::save_minutes),
        )
        .route(
            "/meetings/{id}/minutes/status",
            axum::routing::post(meetings::minutes_status),
        )
        .route(
            "/meetings/{id}/minutes/versions",
            get(meetings::minutes_versions),
        )
        .route(
            "/meetings/{id}/follow-ups",
            get(meetings::meeting_follow_ups).post(meetings::add_follow_up),
        )
        .route("/groups/{id}/follow-ups", get(meetings::group_follow_ups))
        .route(
            "/follow-ups/{id}",
            axum::routing::patch(meetings::update_follow_up),
        )
        .route(
            "/groups/{id}/roadmaps/{year}",
            get(meetings::roadmap).put(meetings::replace_roadmap),
        )
        .route("/seminars", get(seminars::list))
        .route(
            "/seminars/{id}",
            get(seminars::show).patch(seminars::update),
        )
        .route(
            "/seminars/{id}/presentations",
            axum::routing::post(seminars::add_presentation),
        )
        .route(
            "/seminars/{id}/registrations",
            get(seminars::registrations).post(seminars::register),
        )
        .route(
            "/seminars/{id}/registrations/{rid}",
            axum::routing::patch(seminars::change_registration),
        )
        .route(
            "/seminars/{id}/invitations",
            axum::routing::post(seminars::invite),
        )
        .route("/series/{id}/lineup", get(seminars::lineup))
        .route("/series", axum::routing::post(seminars::create_series))
        .route(
            "/series/{id}/seminars",
            axum::routing::post(seminars::create_seminar),
        )
        .route("/search", get(search::search))
        .route("/groups", get(groups::list).post(groups::create))
        .route("/groups/{id}", get(groups::show).patch(groups::update))
        .route(
            "/groups/{id}/members",
            get(groups::members).post(groups::add_member),
        )
        .route(
            "/groups/{id}/members/{organisation}",
            axum::routing::delete(groups::remove_member),
        )
        .route("/countries", get(countries::list))
        .route("/countries/{code}", get(countries::show))
        .route("/organisations/{id}/history", get(organisations::history))
        .route(
            "/organisations/{id}/archive",
            axum::routing::post(organisations::archive),
        )
        .route(
            "/organisations/{id}/restore",
            axum::routing::post(organisations::restore),
        )
        .route("/partnerships/{id}/history", get(partnerships::history))
        .route(
            "/partnerships/{id}/archive",
            axum::routing::post(partnerships::archive),
        )
        .route(
            "/partnerships/{id}/restore",
            axum::routing::post(partnerships::restore),
        )
        .route("/themes", get(records::themes).post(records::create_theme))
        .route("/themes/{id}", axum::routing::patch(records::update_theme))
        .route(
            "/themes/{id}/archive",
            axum::routing::post(records::archive_theme),
        )
        .route(
            "/themes/{id}/restore",
            axum::routing::post(records::restore_theme),
        )
        .route(
            "/organisations/{id}/people",
            get(records::people).post(records::create_person),
        )
        .route(
            "/organisations/{id}/people/{person}",
            axum::routing::patch(records::update_person),
        )
        .route(
            "/partnerships/{id}/actions",
            get(records::actions).post(records::create_action),
        )
        .route(
            "/actions/{id}",
            get(records::action).patch(records::update_action),
        )
        .route(
            "/partnerships/{id}/documents",
            get(records::documents)
                .post(records::upload_document)
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::uploads::MAX_BYTES + 1024 * 1024,
                )),
        )
        .route(
            "/partnerships/{id}/documents/{document}",
            get(records::download_document),
        )
        .route("/history/{kind}/{id}", get(records::history))
        .route(
            "/organisations/{id}/people/{person}/archive",
            axum::routing::post(records::archive_person),
        )
        .route(
            "/organisations/{id}/people/{person}/restore",
            axum::routing::post(records::restore_person),
        )
        .route(
            "/actions/{id}/archive",
            axum::routing::post(records::archive_action),
        )
        .route(
            "/actions/{id}/restore",
            axum::routing::post(records::restore_action),
        )
        .route(
            "/partnerships/{id}/documents/{document}/archive",
            axum::routing::post(records::archive_document),
        )
        .route("/audit", get(audit::list))
        .route("/export/{collection}", get(io::export))
        .route("/import/{collection}/template", get(io::template))
        .route(
            "/import/{collection}",
            axum::routing::post(io::import).layer(axum::extract::DefaultBodyLimit::max(
                exports::read::MAX_BYTES + 1024,
            )),
        )
        .route("/me", get(me))
        .route("/me/sessions", get(accounts::sessions))
        .route(
            "/me/sessions/{id}",
            axum::routing::delete(accounts::revoke_session),
        )
        .route(
            "/me/tokens",
            get(accounts::tokens).post(accounts::create_token),
        )
        .route(
            "/me/tokens/{id}",
            axum::routing::delete(accounts::revoke_token),
        )
        .route("/users", get(accounts::users).post(accounts::invite))
        .route(
            "/users/{id}/disable",
            axum::routing::post(accounts::disable),
        )
        .route("/users/{id}/enable", axum::routing::post(accounts::enable))
        .route("/openapi.json", get(doc::openapi))
        .fallback(|| async { AppError::not_found() })
}

pub use crate::errors::{error_response, ErrorBody, ErrorEnvelope};

/// JSON input whose problems come back in the error envelope (not as plain text).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<serde_json::Value>::from_request(req, state).await {
            Ok(Json(mut value)) => {
                // Every body of the API is an object (serde would read a struct from an array).
                if !value.is_object() {
                    return Err(AppError::field(ErrorKey::BadRequest, "body"));
                }
                crate::input::clean_json(&mut value)?;
                parse_json(value).map(ApiJson)
            }
            Err(rejection) => Err(AppError::new(crate::input::rejection_key(
                rejection.status(),
            ))),
        }
    }
}

/// Reads a JSON value into `T`, naming the field at fault when it can.
fn parse_json<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    serde_json::from_value(value).map_err(|e| {
        let msg = e.to_string();
        let field = msg
            .split('`')
            .nth(1)
            .map(str::to_string)
            .unwrap_or_else(|| "body".into());
        AppError::field(ErrorKey::BadRequest, field)
    })
}

/// A page of a collection.
#[derive(Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// `limit` (1–1000, default 50) and `offset` (≥ 0) from the query; out of range is an error.
pub fn paging(q: &HashMap<String, String>) -> Result<(i64, i64), AppError> {
    let num = |k: &str, default: i64, range: std::ops::RangeInclusive<i64>| match q.get(k) {
        None => Ok(default),
        Some(v) => v
            .parse::<i64>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| AppError {
                status: axum::http::StatusCode::BAD_REQUEST,
                ..AppError::field(ErrorKey::InvalidNumber, k)
            }),
    };
    Ok((num("limit", 50, 1..=1000)?, num("offset", 0, 0..=i64::MAX)?))
}

/// The signed-in user, or 401.
#[derive(Serialize, ToSchema)]
pub struct MeDto {
    id: String,
    email: String,
    display_name: String,
    roles: Vec<serde_json::Value>,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    responses((status = 200, body = MeDto), (status = 401, body = ErrorEnvelope)))]
pub async fn me(ctx: Ctx) -> Result<Json<MeDto>, AppError> {
    let user = ctx.user.ok_or(AppError::new(ErrorKey::Unauthenticated))?;
    Ok(Json(MeDto {
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        roles: user
            .roles
            .iter()
            .filter_map(|r| serde_json::to_value(r).ok())
            .collect(),
    }))
}

/// A `PATCH` body applied to the current state of a record, written as its write type: the one
/// way every `PATCH` handler reads its body (the current record → its write type → JSON → RFC
/// 7396 merge → the write type again, so a refused field is named as in a `POST`).
pub fn patched<W: Serialize + DeserializeOwned>(
    current: &W,
    patch: &serde_json::Value,
) -> Result<W, AppError> {
    let mut doc = serde_json::to_value(current).map_err(|_| AppError::new(ErrorKey::Internal))?;
    merge_patch(&mut doc, patch);
    parse_json(doc)
}

/// RFC 7396 JSON merge patch: `patch` applied onto `target`.
fn merge_patch(target: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::Value;
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            if let Value::Object(t) = target {
                for (k, v) in p {
                    if v.is_null() {
                        t.remove(k);
                    } else {
                        merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                    }
                }
            }
        }
        other => *target = other.clone(),
    }
}
