//! The search page: one box over the whole register, results in the reader's language.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;

use super::render;
use crate::ctx::Ctx;
use crate::view::Page;
use crate::{AppError, AppState};

pub struct ResultItem {
    pub kind: String,
    pub name: String,
    pub secondary: Option<String>,
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchTemplate {
    page: Page,
    query: String,
    count: Option<String>,
    error: Option<String>,
    results: Vec<ResultItem>,
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let query = q.get("q").map(|s| s.trim().to_string()).unwrap_or_default();
    let (mut results, mut count, mut error) = (Vec::new(), None, None);
    if !query.is_empty() {
        match state.search.find(&state.db, &query, 50).await {
            Ok(found) => {
                count = Some(i18n::t_args(
                    lang,
                    "search-count",
                    &[
                        ("count", (found.len() as i64).into()),
                        ("query", query.clone().into()),
                    ],
                ));
                results = found
                    .iter()
                    .map(|f| ResultItem {
                        kind: ctx.t(&format!("search-kind-{}", f.kind)),
                        name: f.names.get(lang.code()).to_string(),
                        secondary: f.names.secondary(lang.code()).map(str::to_string),
                        href: f.href(),
                    })
                    .collect();
            }
            Err(e) if e.status == axum::http::StatusCode::UNPROCESSABLE_ENTITY => {
                error = Some(ctx.t(&e.message_key()));
            }
            Err(e) => return Err(e),
        }
    }
    let t = SearchTemplate {
        page: Page::new(&ctx, "search", ctx.t("search-title")),
        query,
        count,
        error,
        results,
    };
    Ok(render(&t))
}
