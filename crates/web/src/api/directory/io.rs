//! `/api/v1/export/{collection}`, `/api/v1/import/{collection}` and the import template.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::accounts::Action;
use domain::ErrorKey;
use serde::Serialize;
use utoipa::ToSchema;

use crate::ctx::Ctx;
use crate::ops::directory_io::{self, Collection, Format, Report};
use crate::OrNotFound;
use crate::{AppError, AppState};

fn collection(s: &str) -> Result<Collection, AppError> {
    Collection::parse(s).or_404()
}

fn format(q: &HashMap<String, String>) -> Result<Format, AppError> {
    match q.get("format") {
        None => Ok(Format::Csv),
        Some(f) => Format::parse(f).ok_or_else(|| AppError {
            status: StatusCode::BAD_REQUEST,
            ..AppError::field(ErrorKey::InvalidKind, "format")
        }),
    }
}

fn file(bytes: Vec<u8>, name: String, format: Format) -> Response {
    (
        [
            (header::CONTENT_TYPE, format.mime().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{}\"", format.extension()),
            ),
        ],
        bytes,
    )
        .into_response()
}

#[utoipa::path(get, path = "/api/v1/export/{collection}", tag = "directory",
    params(("collection" = String, Path, description = "organisations or partnerships"),
           ("format" = Option<String>, Query, description = "csv (default), xlsx or json")),
    responses((status = 200, description = "the file")))]
pub async fn export(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let collection = collection(&name)?;
    let format = format(&q)?;
    let table = directory_io::table(&state.db, collection).await?;
    Ok(file(
        directory_io::render(&table, format)?,
        collection.name().into(),
        format,
    ))
}

#[utoipa::path(get, path = "/api/v1/import/{collection}/template", tag = "directory",
    params(("collection" = String, Path), ("format" = Option<String>, Query)),
    responses((status = 200, description = "an empty file with the columns")))]
pub async fn template(
    Path(name): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let collection = collection(&name)?;
    let format = format(&q)?;
    Ok(file(
        directory_io::render(&directory_io::template(collection), format)?,
        format!("{}-template", collection.name()),
        format,
    ))
}

#[derive(Serialize, ToSchema)]
pub struct RowErrorDto {
    /// The row as a spreadsheet shows it (the header is row 1; 0 for the whole file).
    pub row: usize,
    pub column: Option<String>,
    pub code: String,
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct ImportReport {
    pub rows: usize,
    pub created: usize,
    /// False when anything was wrong, or on a dry run: then nothing was stored.
    pub committed: bool,
    pub errors: Vec<RowErrorDto>,
}

pub fn report_dto(ctx: &Ctx, r: Report) -> ImportReport {
    ImportReport {
        rows: r.rows,
        created: r.created,
        committed: r.committed,
        errors: r
            .errors
            .into_iter()
            .map(|e| RowErrorDto {
                row: e.row,
                message: e.message(ctx.lang),
                code: e.key.code().into(),
                column: e.column,
            })
            .collect(),
    }
}

#[utoipa::path(post, path = "/api/v1/import/{collection}", tag = "directory",
    params(("collection" = String, Path), ("format" = Option<String>, Query, description = "csv (default), xlsx or json"),
           ("dry_run" = Option<bool>, Query, description = "check only")),
    request_body(content = String, description = "the file's bytes", content_type = "application/octet-stream"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ImportReport, description = "imported, or a dry run"),
              (status = 422, body = ImportReport, description = "errors by row and column; nothing stored")))]
pub async fn import(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Result<(StatusCode, Json<ImportReport>), AppError> {
    ctx.require(&Action::CreateOrganisation)?;
    let collection = collection(&name)?;
    let format = format(&q)?;
    let dry_run = crate::input::query_bool(&q, "dry_run")?;
    let report = directory_io::import(
        &state.db,
        who(&ctx),
        collection,
        &body,
        format,
        dry_run,
        &|_, _| {},
    )
    .await?;
    let status = if report.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Json(report_dto(&ctx, report))))
}

fn who(ctx: &Ctx) -> directory_io::Who<'_> {
    directory_io::Who {
        user: ctx.user.as_ref().map(|u| u.id.as_str()),
        client: &ctx.client,
    }
}
