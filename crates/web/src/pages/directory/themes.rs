//! The theme taxonomy: everyone reads it (with how many partnerships carry each theme, linked
//! to the filtered list); the secretariat adds, renames, archives and restores themes.

use crate::input::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::accounts::Action;

use super::record_form::{back_to_form, Field, FormPage, Submitted};
use super::render;
use crate::ctx::Ctx;
use crate::ops::directory::records::{self as ops, ThemeWrite};
use crate::view::Page;
use crate::OrNotFound;
use crate::{AppError, AppState};

pub struct ThemeRow {
    pub id: String,
    pub fr: String,
    pub ko: String,
    pub en: String,
    pub uses: i64,
    pub archived: bool,
}

#[derive(Template)]
#[template(path = "directory/themes.html")]
struct ThemesTemplate {
    page: Page,
    themes: Vec<ThemeRow>,
    can_edit: bool,
}

pub async fn list(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    let taxonomy = state.db.taxonomy_with_uses().await?;
    let can_edit = ctx.actor().can(&Action::ManageNetwork);
    let t = ThemesTemplate {
        page: Page::new(&ctx, "partnerships", ctx.t("themes-title")),
        themes: taxonomy
            .themes
            .iter()
            .filter(|t| can_edit || t.archived_at.is_none())
            .map(|t| ThemeRow {
                id: t.id.clone(),
                fr: t.labels.fr.clone().unwrap_or_default(),
                ko: t.labels.ko.clone().unwrap_or_default(),
                en: t.labels.en.clone().unwrap_or_default(),
                uses: t.uses,
                archived: t.archived_at.is_some(),
            })
            .collect(),
        can_edit,
    };
    Ok(render(&t))
}

fn theme_page(ctx: &Ctx, id: Option<&str>, v: &Submitted) -> FormPage {
    let f = |name, label: &str| Field::text(ctx, name, label, v.get(name).as_deref());
    let mut fields = Vec::new();
    if id.is_none() {
        fields.push(f("id", "theme-id").hint(ctx.t("theme-id-hint")));
    }
    fields.extend([
        f("label_fr", "theme-label-fr").lang("fr").required(),
        f("label_ko", "theme-label-ko").lang("ko").required(),
        f("label_en", "theme-label-en").lang("en"),
        f("position", "theme-position").kind("number"),
    ]);
    FormPage {
        section: "partnerships",
        title: ctx.t(if id.is_some() {
            "theme-edit-title"
        } else {
            "theme-new-title"
        }),
        back: ("/themes".into(), ctx.t("themes-title")),
        action: match id {
            Some(id) => format!("/themes/{id}/edit"),
            None => "/themes".into(),
        },
        version: v.version(),
        fields,
        archive: None,
        history: Vec::new(),
    }
}

fn theme_write(v: &Submitted) -> Result<ThemeWrite, AppError> {
    let position = match v.get("position") {
        None => None,
        Some(p) => Some(
            p.parse()
                .map_err(|_| AppError::field(domain::ErrorKey::InvalidNumber, "position"))?,
        ),
    };
    Ok(ThemeWrite {
        id: v.get("id"),
        label_fr: v.get("label_fr").unwrap_or_default(),
        label_ko: v.get("label_ko").unwrap_or_default(),
        label_en: v.get("label_en"),
        position,
        version: v.version(),
    })
}

pub async fn new(ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(&Action::ManageNetwork)?;
    Ok(theme_page(&ctx, None, &Submitted(Vec::new())).render(&ctx, None))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    let result = match theme_write(&v) {
        Ok(w) => ops::create_theme(&ctx, &state, &w).await.map(|_| ()),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/themes").into_response()),
        Err(e) if back_to_form(&e) => Ok(theme_page(&ctx, None, &v).render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

pub async fn edit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    ctx.require(&Action::ManageNetwork)?;
    let t = state.db.theme(&id).await?.or_404()?;
    let v = Submitted::from_fields(&[
        ("label_fr", t.labels.fr.clone()),
        ("label_ko", t.labels.ko.clone()),
        ("label_en", t.labels.en.clone()),
        ("position", Some(t.position.to_string())),
        ("version", Some(t.version.to_string())),
    ]);
    Ok(theme_page(&ctx, Some(&id), &v)
        .with_record(&ctx, &state.db, ("theme", &id), None)
        .await?
        .render(&ctx, None))
}

pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    let result = match theme_write(&v) {
        Ok(w) => ops::update_theme(&ctx, &state, &id, &w).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/themes").into_response()),
        Err(e) if back_to_form(&e) => Ok(theme_page(&ctx, Some(&id), &v)
            .with_record(&ctx, &state.db, ("theme", &id), None)
            .await?
            .render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

pub async fn archive(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    crate::ops::directory::set_archived(&ctx, &state, "theme", &id, true).await?;
    Ok(Redirect::to("/themes").into_response())
}

pub async fn restore(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    crate::ops::directory::set_archived(&ctx, &state, "theme", &id, false).await?;
    Ok(Redirect::to("/themes").into_response())
}
