//! Importing the register from a file (the secretariat): upload, preview (every problem by row
//! and column, in the user's language, nothing stored), then confirm. Links to exports and
//! templates.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use domain::accounts::Action;
use domain::ErrorKey;
use storage::PendingImport;

use super::render;
use crate::ctx::Ctx;
use crate::ops::directory_io::{self, Collection, Format, Report};
use crate::view::Page;
use crate::OrNotFound;
use crate::{AppError, AppState};

pub struct ErrorRow {
    pub row: usize,
    pub column: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "directory/import.html")]
struct ImportTemplate {
    page: Page,
    report: Option<(usize, usize, bool)>,
    errors: Vec<ErrorRow>,
    pending: Option<String>,
    file_name: String,
}

fn page(
    ctx: &Ctx,
    report: Option<&Report>,
    pending: Option<String>,
    file_name: String,
) -> Response {
    let t = ImportTemplate {
        page: Page::new(ctx, "organisations", ctx.t("import-title")),
        report: report.map(|r| (r.rows, r.created, r.committed)),
        errors: report
            .map(|r| {
                r.errors
                    .iter()
                    .map(|e| ErrorRow {
                        row: e.row,
                        column: e.column.clone().unwrap_or_default(),
                        message: e.message(ctx.lang),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        pending,
        file_name,
    };
    render(&t)
}

pub async fn form(ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(&Action::CreateOrganisation)?;
    Ok(page(&ctx, None, None, String::new()))
}

/// Upload: checks the whole file without storing anything; keeps it for the confirmation.
pub async fn preview(
    ctx: Ctx,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    ctx.require(&Action::CreateOrganisation)?;
    let mut collection = None;
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::field(ErrorKey::FileTooLarge, "file"))?
    {
        match field.name() {
            Some("collection") => {
                collection = Collection::parse(&field.text().await.unwrap_or_default())
            }
            Some("file") => {
                let name = field.file_name().unwrap_or("file").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::field(ErrorKey::FileTooLarge, "file"))?;
                file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    let collection = collection.ok_or_else(|| AppError::field(ErrorKey::Required, "collection"))?;
    let (name, bytes) = file
        .filter(|(_, b)| !b.is_empty())
        .ok_or_else(|| AppError::field(ErrorKey::Required, "file"))?;
    let format =
        Format::of_file(&name).ok_or_else(|| AppError::field(ErrorKey::FileType, "file"))?;
    let report = directory_io::import(
        &state.db,
        who(&ctx),
        collection,
        &bytes,
        format,
        true,
        &|_, _| {},
    )
    .await?;
    let pending = if report.errors.is_empty() {
        let id = format!("i-{}", &storage::random_token()[..16]);
        state
            .db
            .save_pending_import(&PendingImport {
                id: id.clone(),
                collection: collection.name().into(),
                format: format.extension().into(),
                file_name: name.clone(),
                content: bytes,
                created_by: ctx.user.as_ref().map(|u| u.id.clone()).unwrap_or_default(),
            })
            .await?;
        Some(id)
    } else {
        None
    };
    Ok(page(&ctx, Some(&report), pending, name))
}

/// Confirmation: imports the file checked at the preview, all or nothing.
pub async fn confirm(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    ctx.require(&Action::CreateOrganisation)?;
    let user = ctx.user.as_ref().map(|u| u.id.clone()).unwrap_or_default();
    let p = state.db.pending_import(&id, &user).await?.or_404()?;
    let collection = Collection::parse(&p.collection).or_404()?;
    let format = Format::parse(&p.format).or_404()?;
    let report = directory_io::import(
        &state.db,
        who(&ctx),
        collection,
        &p.content,
        format,
        false,
        &|_, _| {},
    )
    .await?;
    state.db.use_pending_import(&id).await?;
    Ok(page(&ctx, Some(&report), None, p.file_name))
}

fn who(ctx: &Ctx) -> directory_io::Who<'_> {
    directory_io::Who {
        user: ctx.user.as_ref().map(|u| u.id.as_str()),
        client: &ctx.client,
    }
}
