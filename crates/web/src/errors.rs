//! How an error reaches a person: the API's JSON envelope under `/api/`, a page in their
//! language elsewhere. The one place both are made; neither the pages nor the API own it.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::ctx::Ctx;
use crate::view::{render, Page};
use crate::AppError;

/// The error envelope.
#[derive(Serialize, ToSchema)]
pub struct ErrorEnvelope {
    error: ErrorBody,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// A stable key, e.g. `not_found`, `invalid_level`.
    code: String,
    /// The message in the caller's language.
    message: String,
    /// The input field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
}

pub fn error_response(ctx: &Ctx, err: &AppError) -> Response {
    let body = ErrorEnvelope {
        error: ErrorBody {
            code: err.key.code().to_string(),
            message: ctx.t(&err.message_key()),
            field: err.field.clone(),
        },
    };
    (err.status, Json(body)).into_response()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    page: Page,
    message: String,
    /// The input field at fault, when there is one.
    field: Option<String>,
    status: u16,
    /// For a 401: the sign-in page, coming back here afterwards.
    sign_in: Option<String>,
}

/// The error page, in the user's language, with the error's status.
pub fn error_page(ctx: &Ctx, err: &AppError) -> Response {
    let title = ctx.t(if err.status == StatusCode::NOT_FOUND {
        "error-page-not-found-title"
    } else {
        "error-page-title"
    });
    let t = ErrorTemplate {
        page: Page::new(ctx, "error", title),
        message: ctx.t(&err.message_key()),
        field: err.field.clone(),
        status: err.status.as_u16(),
        sign_in: (err.status == StatusCode::UNAUTHORIZED && ctx.user.is_none()).then(|| {
            let here = if ctx.query_without_lang.is_empty() {
                ctx.path.clone()
            } else {
                format!("{}?{}", ctx.path, ctx.query_without_lang)
            };
            let next: String =
                percent_encoding::utf8_percent_encode(&here, percent_encoding::NON_ALPHANUMERIC)
                    .to_string();
            format!("/login?next={next}")
        }),
    };
    (err.status, render(&t)).into_response()
}

/// An error as the user sees it: the API's JSON envelope, or a page in their language.
pub fn render_error(ctx: &Ctx, err: &AppError) -> Response {
    if ctx.api {
        error_response(ctx, err)
    } else {
        error_page(ctx, err)
    }
}
