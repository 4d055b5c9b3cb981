//! Running the network's groups from pages: the secretariat creates a group; the secretariat
//! and the group's coordinators edit its settings and add or remove its members, picking
//! organisations from the register by name (a search filtered on the server, no ids typed).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::accounts::Action;
use domain::groups::{GroupInput, GroupRole};
use storage::Group;

use super::directory::record_form::{back_to_form, Field, FormPage, Submitted};
use super::render;
use crate::ctx::Ctx;
use crate::input::Form;
use crate::ops::groups as ops;
use crate::view::{
    country_choices, country_label, group_role_label, organisation_choices, Choice, Page,
};
use crate::OrNotFound;
use crate::{AppError, AppState};

/// A list typed in one field: items separated by commas, spaces or new lines.
fn items(v: Option<String>) -> Vec<String> {
    v.unwrap_or_default()
        .split([',', ' ', '\n', '\r', '\t'])
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn input(v: &Submitted, id: &str) -> GroupInput {
    let mut names = std::collections::BTreeMap::new();
    for tag in ["fr", "ko", "en"] {
        if let Some(n) = v.get(&format!("names.{tag}")) {
            names.insert(tag.to_string(), n);
        }
    }
    if let (Some(tag), Some(n)) = (v.get("partner_language"), v.get("partner_name")) {
        names.insert(tag, n);
    }
    GroupInput {
        id: v.get("id").unwrap_or_else(|| id.to_string()),
        names,
        about: domain::directory::Names {
            fr: v.get("about.fr"),
            ko: v.get("about.ko"),
            ko_latn: None,
            en: v.get("about.en"),
        },
        country: v.get("country").unwrap_or_default(),
        time_zones: items(v.get("time_zones")),
        languages: items(v.get("languages")),
        hashtags: items(v.get("hashtags")),
    }
}

fn filled(g: &Group) -> Submitted {
    let partner = g.other_names.iter().next();
    Submitted::from_fields(&[
        ("names.fr", g.name.fr.clone()),
        ("names.ko", g.name.ko.clone()),
        ("names.en", g.name.en.clone()),
        ("partner_language", partner.map(|(k, _)| k.clone())),
        ("partner_name", partner.map(|(_, v)| v.clone())),
        ("about.fr", g.about.fr.clone()),
        ("about.ko", g.about.ko.clone()),
        ("about.en", g.about.en.clone()),
        ("country", Some(g.country.clone())),
        (
            "time_zones",
            Some(
                g.partner_zones()
                    .iter()
                    .map(|z| z.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ),
        ("languages", Some(g.languages.join(", "))),
        ("hashtags", Some(g.hashtags.join(", "))),
        ("version", Some(g.version.to_string())),
    ])
}

fn group_form(ctx: &Ctx, id: Option<&str>, v: &Submitted) -> FormPage {
    let value = |k: &str| v.get(k);
    let mut fields = Vec::new();
    if id.is_none() {
        fields.push(
            Field::text(ctx, "id", "group-id", value("id").as_deref())
                .required()
                .hint(ctx.t("group-id-hint")),
        );
    }
    let countries = country_choices(ctx.lang, None)
        .into_iter()
        .map(|c| (c.value, c.label))
        .collect();
    fields.extend([
        Field::text(ctx, "names.fr", "name-fr", value("names.fr").as_deref())
            .lang("fr")
            .required(),
        Field::text(ctx, "names.ko", "name-ko", value("names.ko").as_deref()).lang("ko"),
        Field::text(ctx, "names.en", "name-en", value("names.en").as_deref()).lang("en"),
        Field::text(
            ctx,
            "partner_language",
            "group-partner-language",
            value("partner_language").as_deref(),
        )
        .hint(ctx.t("group-partner-language-hint")),
        Field::text(
            ctx,
            "partner_name",
            "group-partner-name",
            value("partner_name").as_deref(),
        ),
        Field::text(ctx, "country", "group-country", value("country").as_deref())
            .select(countries)
            .required(),
        Field::text(
            ctx,
            "time_zones",
            "group-time-zones",
            value("time_zones").as_deref(),
        )
        .required()
        .hint(ctx.t("group-time-zones-hint")),
        Field::text(
            ctx,
            "languages",
            "group-languages",
            value("languages").as_deref(),
        )
        .hint(ctx.t("group-languages-hint")),
        Field::text(
            ctx,
            "hashtags",
            "group-hashtags",
            value("hashtags").as_deref(),
        ),
        Field::text(
            ctx,
            "about.fr",
            "group-about-fr",
            value("about.fr").as_deref(),
        )
        .kind("textarea")
        .lang("fr"),
        Field::text(
            ctx,
            "about.ko",
            "group-about-ko",
            value("about.ko").as_deref(),
        )
        .kind("textarea")
        .lang("ko"),
        Field::text(
            ctx,
            "about.en",
            "group-about-en",
            value("about.en").as_deref(),
        )
        .kind("textarea")
        .lang("en"),
    ]);
    let (title, action, back) = match id {
        None => (
            ctx.t("group-new-title"),
            "/groups/new".to_string(),
            ("/".to_string(), ctx.t("network-title")),
        ),
        Some(id) => (
            ctx.t("group-edit-title"),
            format!("/groups/{id}/edit"),
            (format!("/groups/{id}"), ctx.t("nav-home")),
        ),
    };
    FormPage {
        section: "home",
        title,
        back,
        action,
        version: v.get("version").and_then(|x| x.parse().ok()),
        fields,
        archive: None,
        history: Vec::new(),
    }
}

pub async fn new(ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(&Action::ManageNetwork)?;
    let v = Submitted::from_fields(&[("languages", Some("fr, en".into()))]);
    Ok(group_form(&ctx, None, &v).render(&ctx, None))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    match ops::create_group(&ctx, &state, &input(&v, "")).await {
        Ok(g) => Ok(Redirect::to(&format!("/groups/{}/members", g.id)).into_response()),
        Err(e) if back_to_form(&e) => Ok(group_form(&ctx, None, &v).render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

pub async fn edit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let g = state.db.group(&id).await?.or_404()?;
    ctx.require(&Action::ManageGroup { group: &id })?;
    Ok(group_form(&ctx, Some(&id), &filled(&g)).render(&ctx, None))
}

pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    let version = v.get("version").and_then(|x| x.parse().ok());
    match ops::update_group(&ctx, &state, &id, &input(&v, &id), version).await {
        Ok(_) => Ok(Redirect::to(&format!("/groups/{id}")).into_response()),
        Err(e) if back_to_form(&e) => Ok(group_form(&ctx, Some(&id), &v).render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

pub struct MemberRow {
    pub id: String,
    pub name: String,
    pub country: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "groups/members.html")]
struct MembersTemplate {
    page: Page,
    group: String,
    q: String,
    members: Vec<MemberRow>,
    /// Organisations found by the search, not yet in the group.
    found: Vec<Choice>,
    searched: bool,
    roles: Vec<Choice>,
    message: Option<String>,
    error: Option<String>,
}

/// The group's members, and the form that adds one: a search box (`q`) that fills the list of
/// organisations to pick from, on the server, so that it works without script.
pub async fn members(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<crate::input::SearchBox>,
) -> Result<Response, AppError> {
    members_page(&ctx, &state, &id, query.q.trim(), None, None).await
}

async fn members_page(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    q: &str,
    message: Option<String>,
    error: Option<AppError>,
) -> Result<Response, AppError> {
    let group = state.db.group(id).await?.or_404()?;
    ctx.require(&Action::ManageGroup { group: id })?;
    let lang = ctx.lang;
    let current = state.db.group_members(id).await?;
    let members = current
        .iter()
        .map(|m| MemberRow {
            id: m.organisation.org.id.clone(),
            name: m.organisation.org.names.get(lang.code()).to_string(),
            country: country_label(lang, m.organisation.org.country.as_str()),
            role: group_role_label(lang, m.role),
        })
        .collect();
    let members_ids: Vec<&str> = current
        .iter()
        .map(|m| m.organisation.org.id.as_str())
        .collect();
    let found = organisation_choices(lang, &state.db, q, None, &members_ids).await?;
    let status = error
        .as_ref()
        .map(|e| e.status)
        .unwrap_or(axum::http::StatusCode::OK);
    let t = MembersTemplate {
        page: Page::new(
            ctx,
            "home",
            i18n::t_args(
                lang,
                "group-members-title",
                &[("group", group.name_in(lang.code()).into())],
            ),
        ),
        group: id.to_string(),
        q: q.to_string(),
        members,
        searched: !q.is_empty(),
        found,
        roles: GroupRole::ALL
            .into_iter()
            .map(|r| Choice {
                value: r.code().into(),
                label: group_role_label(lang, r),
                selected: r == GroupRole::Member,
            })
            .collect(),
        message,
        error: error.map(|e| ctx.t(&e.message_key())),
    };
    Ok((status, render(&t)).into_response())
}

#[derive(serde::Deserialize)]
pub struct AddForm {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    q: String,
}

pub async fn add_member(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<AddForm>,
) -> Result<Response, AppError> {
    let role = GroupRole::parse(&form.role)
        .ok_or_else(|| AppError::field(domain::ErrorKey::InvalidKind, "role"));
    let result = match role {
        Ok(role) => ops::add_member(&ctx, &state, &id, &form.organisation, role).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => {
            let msg = ctx.t("group-member-added");
            members_page(&ctx, &state, &id, "", Some(msg), None).await
        }
        Err(e) if back_to_form(&e) => {
            members_page(&ctx, &state, &id, form.q.trim(), None, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

pub async fn remove_member(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, organisation)): Path<(String, String)>,
) -> Result<Response, AppError> {
    ops::remove_member(&ctx, &state, &id, &organisation).await?;
    let msg = ctx.t("group-member-removed");
    members_page(&ctx, &state, &id, "", Some(msg), None).await
}
