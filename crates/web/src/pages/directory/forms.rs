//! Editing a partnership, the contacts of an organisation and the actions of a partnership on
//! pages. Each form is filled from the record (or from what was typed, when a save is refused)
//! and saved through `ops::directory::records`, as the API does.

use crate::input::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::accounts::Action;
use domain::directory::{PartnershipInput, PartnershipKind, PartnershipStatus, Signed};

use super::record_form::{back_to_form, Field, FormPage, Submitted};
use crate::ctx::Ctx;
use crate::ops::directory::records::{self as ops, ActionWrite, ContactWrite};
use crate::view::{partnership_kind_label, partnership_status_label};
use crate::OrNotFound;
use crate::{AppError, AppState};

type Pairs = Form<Vec<(String, String)>>;

// ---- partnerships

async fn partnership_form(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    v: &Submitted,
) -> Result<FormPage, AppError> {
    let rec = state.db.partnership(id).await?.or_404()?;
    let taxonomy = state.db.taxonomy().await?;
    let items = super::partnerships::partnership_items(
        ctx,
        &state.db,
        std::slice::from_ref(&rec),
        &taxonomy,
    )
    .await?;
    let title = format!("{} — {}", items[0].a.name, items[0].b.name);
    let lang = ctx.lang;
    let checked = v.all("themes");
    let themes = taxonomy
        .themes
        .iter()
        .filter(|t| t.archived_at.is_none() || checked.contains(&t.id))
        .map(|t| (t.id.clone(), t.label(lang.code())))
        .collect();
    Ok(FormPage {
        section: "partnerships",
        title: ctx.t("partnership-edit-title"),
        back: (format!("/partnerships/{id}"), title),
        action: format!("/partnerships/{id}/edit"),
        version: v.version().or(Some(rec.version)),
        fields: vec![
            Field::text(ctx, "kind", "col-kind", v.get("kind").as_deref()).select(
                PartnershipKind::ALL
                    .iter()
                    .map(|k| (k.code().into(), partnership_kind_label(lang, *k)))
                    .collect(),
            ),
            Field::text(ctx, "status", "col-status", v.get("status").as_deref()).select(
                PartnershipStatus::ALL
                    .iter()
                    .map(|s| (s.code().into(), partnership_status_label(lang, *s)))
                    .collect(),
            ),
            Field::text(
                ctx,
                "signed_date",
                "partnership-signed-date",
                v.get("signed_date").as_deref(),
            )
            .kind("date"),
            Field::text(
                ctx,
                "signed_year",
                "partnership-signed-year",
                v.get("signed_year").as_deref(),
            )
            .kind("number"),
            Field::text(ctx, "themes", "col-themes", None).checkboxes(themes, &checked),
            Field::text(ctx, "notes", "org-notes", v.get("notes").as_deref()).kind("textarea"),
            notes_lang_field(ctx, v),
        ],
        archive: None,
        history: Vec::new(),
    })
}

/// The language the notes are written in: French, Korean, English, or a tag already stored.
fn notes_lang_field(ctx: &Ctx, v: &Submitted) -> Field {
    let current = v
        .get("notes_lang")
        .unwrap_or_else(|| ctx.lang.code().to_string());
    let options = crate::view::language_options(ctx.lang, &[&current]);
    Field::text(ctx, "notes_lang", "org-notes-lang", Some(&current)).select(options)
}

pub async fn edit_partnership(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let p = ops::editable_partnership(&ctx, &state, &id).await?;
    let mut v = Submitted::from_fields(&[
        ("kind", Some(p.kind.code().into())),
        ("status", Some(p.status.code().into())),
        (
            "signed_date",
            match p.signed {
                Some(Signed::Date(d)) => Some(d.to_string()),
                _ => None,
            },
        ),
        ("signed_year", p.signed.map(|s| s.year().to_string())),
        ("notes", p.notes.clone()),
        ("notes_lang", p.notes_lang.clone()),
    ]);
    v.0.extend(p.themes.iter().map(|t| ("themes".to_string(), t.clone())));
    Ok(partnership_form(&ctx, &state, &id, &v)
        .await?
        .render(&ctx, None))
}

pub async fn save_partnership(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Pairs,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    let rec = state.db.partnership(&id).await?.or_404()?;
    let result = match v.get("signed_year").map(|y| y.parse::<i32>()) {
        Some(Err(_)) => Err(AppError::field(
            domain::ErrorKey::InvalidNumber,
            "signed_year",
        )),
        year => {
            let input = PartnershipInput {
                organisation_a: rec.partnership.organisation_a.clone(),
                organisation_b: rec.partnership.organisation_b.clone(),
                kind: v.get("kind").unwrap_or_default(),
                status: v.get("status"),
                signed_date: v.get("signed_date"),
                signed_year: year.and_then(Result::ok),
                themes: v.all("themes"),
                notes: v.get("notes"),
                notes_lang: v.get("notes_lang"),
            };
            let version = v.version().unwrap_or(rec.version);
            ops::update_partnership(&ctx, &state, &id, &input, version).await
        }
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/partnerships/{id}")).into_response()),
        Err(e) if back_to_form(&e) => Ok(partnership_form(&ctx, &state, &id, &v)
            .await?
            .render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

// ---- contacts

fn contact_fields(ctx: &Ctx, v: &Submitted) -> Vec<Field> {
    let f = |name, label: &str| Field::text(ctx, name, label, v.get(name).as_deref());
    vec![
        f("name", "person-name").required(),
        f("name_ko", "person-name-ko").lang("ko"),
        f("email", "person-email").kind("email"),
        f("title_fr", "person-title-fr").lang("fr"),
        f("title_ko", "person-title-ko").lang("ko"),
        f("title_en", "person-title-en").lang("en"),
        f("notes", "org-notes").kind("textarea"),
    ]
}

fn contact_write(v: &Submitted) -> ContactWrite {
    ContactWrite {
        name: v.get("name").unwrap_or_default(),
        name_ko: v.get("name_ko"),
        email: v.get("email"),
        title_fr: v.get("title_fr"),
        title_ko: v.get("title_ko"),
        title_en: v.get("title_en"),
        notes: v.get("notes"),
        version: v.version(),
    }
}

async fn contact_page(
    ctx: &Ctx,
    state: &AppState,
    org: &str,
    person: Option<&str>,
    v: &Submitted,
) -> Result<FormPage, AppError> {
    let rec = state.db.organisation(org).await?.or_404()?;
    let (title, action) = match person {
        Some(p) => (
            ctx.t("person-edit-title"),
            format!("/organisations/{org}/people/{p}/edit"),
        ),
        None => (
            ctx.t("person-new-title"),
            format!("/organisations/{org}/people"),
        ),
    };
    let page = FormPage {
        section: "organisations",
        title,
        back: (
            format!("/organisations/{org}#people-heading"),
            rec.org.names.get(ctx.lang.code()).to_string(),
        ),
        action,
        version: v.version(),
        fields: contact_fields(ctx, v),
        archive: None,
        history: Vec::new(),
    };
    match person {
        None => Ok(page),
        Some(p) => {
            let archived = state
                .db
                .contact(org, p)
                .await?
                .or_404()?
                .archived_at
                .is_some();
            page.with_record(
                ctx,
                &state.db,
                ("person", p),
                Some((format!("/organisations/{org}/people/{p}"), archived)),
            )
            .await
        }
    }
}

pub async fn new_contact(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(org): Path<String>,
) -> Result<Response, AppError> {
    ctx.require(&Action::EditOrganisation { organisation: &org })?;
    let page = contact_page(&ctx, &state, &org, None, &Submitted(Vec::new())).await?;
    Ok(page.render(&ctx, None))
}

pub async fn create_contact(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(org): Path<String>,
    Form(form): Pairs,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    match ops::create_contact(&ctx, &state, &org, &contact_write(&v)).await {
        Ok(_) => Ok(Redirect::to(&format!("/organisations/{org}#people-heading")).into_response()),
        Err(e) if back_to_form(&e) => Ok(contact_page(&ctx, &state, &org, None, &v)
            .await?
            .render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

pub async fn edit_contact(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((org, person)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let c = state.db.contact(&org, &person).await?.or_404()?;
    ctx.require(&Action::EditOrganisation { organisation: &org })?;
    let v = Submitted::from_fields(&[
        ("name", Some(c.name.clone())),
        ("name_ko", c.name_ko.clone()),
        ("email", c.email.clone()),
        ("title_fr", c.title.fr.clone()),
        ("title_ko", c.title.ko.clone()),
        ("title_en", c.title.en.clone()),
        ("notes", c.notes.clone()),
        ("version", Some(c.version.to_string())),
    ]);
    let page = contact_page(&ctx, &state, &org, Some(&person), &v).await?;
    Ok(page.render(&ctx, None))
}

pub async fn save_contact(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((org, person)): Path<(String, String)>,
    Form(form): Pairs,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    match ops::update_contact(&ctx, &state, &org, &person, &contact_write(&v)).await {
        Ok(()) => Ok(Redirect::to(&format!("/organisations/{org}#people-heading")).into_response()),
        Err(e) if back_to_form(&e) => Ok(contact_page(&ctx, &state, &org, Some(&person), &v)
            .await?
            .render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

// ---- actions

fn action_fields(ctx: &Ctx, v: &Submitted) -> Vec<Field> {
    let f = |name, label: &str| Field::text(ctx, name, label, v.get(name).as_deref());
    vec![
        f("title_fr", "action-title-fr").lang("fr"),
        f("title_ko", "action-title-ko").lang("ko"),
        f("title_en", "action-title-en").lang("en"),
        f("start_date", "action-start-date").kind("date"),
        f("end_date", "action-end-date").kind("date"),
        f("date_text", "action-date-text").hint(ctx.t("action-date-text-hint")),
        f("status_note", "action-status-note"),
        f("notes", "org-notes").kind("textarea"),
    ]
}

fn action_write(v: &Submitted) -> ActionWrite {
    ActionWrite {
        title_fr: v.get("title_fr"),
        title_ko: v.get("title_ko"),
        title_en: v.get("title_en"),
        start_date: v.get("start_date"),
        end_date: v.get("end_date"),
        date_text: v.get("date_text"),
        status_note: v.get("status_note"),
        notes: v.get("notes"),
        version: v.version(),
    }
}

fn action_page(ctx: &Ctx, partnership: &str, action: Option<&str>, v: &Submitted) -> FormPage {
    let (title, url) = match action {
        Some(a) => (ctx.t("action-edit-title"), format!("/actions/{a}/edit")),
        None => (
            ctx.t("action-new-title"),
            format!("/partnerships/{partnership}/actions"),
        ),
    };
    FormPage {
        section: "partnerships",
        title,
        back: (
            format!("/partnerships/{partnership}"),
            ctx.t("partnership-back"),
        ),
        action: url,
        version: v.version(),
        fields: action_fields(ctx, v),
        archive: None,
        history: Vec::new(),
    }
}

pub async fn new_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    ops::editable_partnership(&ctx, &state, &id).await?;
    Ok(action_page(&ctx, &id, None, &Submitted(Vec::new())).render(&ctx, None))
}

pub async fn create_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Pairs,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    match ops::create_action(&ctx, &state, &id, &action_write(&v)).await {
        Ok(_) => Ok(Redirect::to(&format!("/partnerships/{id}#actions-heading")).into_response()),
        Err(e) if back_to_form(&e) => Ok(action_page(&ctx, &id, None, &v).render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

pub async fn edit_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let a = state.db.action(&id).await?.or_404()?;
    let pid = a.partnership_id.clone().or_404()?;
    ops::editable_partnership(&ctx, &state, &pid).await?;
    let v = Submitted::from_fields(&[
        ("title_fr", a.title.fr.clone()),
        ("title_ko", a.title.ko.clone()),
        ("title_en", a.title.en.clone()),
        ("start_date", a.start_date.clone()),
        ("end_date", a.end_date.clone()),
        ("date_text", a.date_text.clone()),
        ("status_note", a.status_note.clone()),
        ("notes", a.notes.clone()),
        ("version", Some(a.version.to_string())),
    ]);
    let archived = a.archived_at.is_some();
    Ok(action_page(&ctx, &pid, Some(&id), &v)
        .with_record(
            &ctx,
            &state.db,
            ("action", &id),
            Some((format!("/actions/{id}"), archived)),
        )
        .await?
        .render(&ctx, None))
}

pub async fn save_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Pairs,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    let a = state.db.action(&id).await?.or_404()?;
    let pid = a.partnership_id.clone().unwrap_or_default();
    match ops::update_action(&ctx, &state, &id, &action_write(&v)).await {
        Ok(()) => Ok(Redirect::to(&format!("/partnerships/{pid}#actions-heading")).into_response()),
        Err(e) if back_to_form(&e) => {
            let archived = a.archived_at.is_some();
            Ok(action_page(&ctx, &pid, Some(&id), &v)
                .with_record(
                    &ctx,
                    &state.db,
                    ("action", &id),
                    Some((format!("/actions/{id}"), archived)),
                )
                .await?
                .render(&ctx, Some(e)))
        }
        Err(e) => Err(e),
    }
}

// ---- archiving (nothing is deleted)

pub async fn archive_contact(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((org, person, verb)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    ops::archive_contact(&ctx, &state, &org, &person, archiving(&verb)?).await?;
    Ok(Redirect::to(&format!("/organisations/{org}/people/{person}/edit")).into_response())
}

pub async fn archive_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, verb)): Path<(String, String)>,
) -> Result<Response, AppError> {
    ops::archive_action(&ctx, &state, &id, archiving(&verb)?).await?;
    Ok(Redirect::to(&format!("/actions/{id}/edit")).into_response())
}

pub async fn archive_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, document)): Path<(String, String)>,
) -> Result<Response, AppError> {
    ops::archive_document(&ctx, &state, &id, &document).await?;
    Ok(Redirect::to(&format!("/partnerships/{id}#documents-heading")).into_response())
}

/// `archive` or `restore`, the last part of the address.
fn archiving(verb: &str) -> Result<bool, AppError> {
    match verb {
        "archive" => Ok(true),
        "restore" => Ok(false),
        _ => Err(AppError::not_found()),
    }
}
