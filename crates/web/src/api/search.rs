//! `GET /api/v1/search`: the full-text search of the register (see `crate::search`).

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::Json;
use domain::ErrorKey;
use serde::Serialize;
use utoipa::ToSchema;

use super::NamesDto;
use crate::{AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct SearchHitDto {
    /// `organisation`, `partnership`, `person`, `action`, `meeting` (public ones), `seminar`
    /// or `series`.
    pub kind: String,
    pub id: String,
    pub names: NamesDto,
    /// The record's page, where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SearchResultsDto {
    pub query: String,
    pub items: Vec<SearchHitDto>,
}

#[utoipa::path(get, path = "/api/v1/search", tag = "directory",
    params(
        ("q" = String, Query, description = "at least two letters; French without accents, Hangul in part, romanised Korean"),
        ("limit" = Option<i64>, Query, description = "1–100, default 20"),
    ),
    responses((status = 200, body = SearchResultsDto), (status = 422, body = super::ErrorEnvelope)))]
pub async fn search(
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<SearchResultsDto>, AppError> {
    let query = q.get("q").map(|s| s.trim().to_string()).unwrap_or_default();
    let limit = match q.get("limit") {
        None => 20,
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=crate::search::MAX_RESULTS).contains(l))
            .ok_or_else(|| AppError::field(ErrorKey::InvalidNumber, "limit"))?,
    };
    let found = state.search.find(&state.db, &query, limit).await?;
    Ok(Json(SearchResultsDto {
        items: found
            .iter()
            .map(|f| SearchHitDto {
                kind: f.kind.clone(),
                id: f.id.clone(),
                names: (&f.names).into(),
                href: f.href(),
            })
            .collect(),
        query,
    }))
}
