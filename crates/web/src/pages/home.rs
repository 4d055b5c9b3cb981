//! The network's home page and each country group's home: what the group is, its members by
//! country, its partnerships.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use domain::accounts::Action;
use domain::groups::GroupRole;
use storage::{GroupMember, PartnershipFilter};

use super::directory::organisations::OrgItem;
use super::directory::partnerships::{partnership_items, PartnershipItem};
use super::render;
use crate::cache::PageCached;
use crate::ctx::Ctx;
use crate::view::{country_label, Page};
use crate::OrNotFound;
use crate::{AppError, AppState};

pub struct MemberSection {
    pub heading: String,
    pub members: Vec<OrgItem>,
}

pub struct GroupLink {
    pub id: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct GroupHome {
    page: Page,
    id: String,
    can_manage: bool,
    can_create: bool,
    body: Arc<PageCached>,
}

/// What every reader of one language sees of a group's home.
#[derive(Template)]
#[template(path = "home_body.html")]
struct GroupBody {
    page: Page,
    about: String,
    hashtags: Vec<String>,
    sections: Vec<MemberSection>,
    partnerships: Vec<PartnershipItem>,
    other_groups: Vec<GroupLink>,
}

pub struct GroupCard {
    pub id: String,
    pub name: String,
    pub about: String,
    pub members: String,
}

#[derive(Template)]
#[template(path = "network.html")]
struct NetworkHome {
    page: Page,
    body: Arc<PageCached>,
    can_create: bool,
}

#[derive(Template)]
#[template(path = "network_body.html")]
struct NetworkBody {
    groups: Vec<GroupCard>,
}

/// Renders a body template to text (a failure is the server's).
fn text(t: &impl Template) -> Result<String, AppError> {
    t.render().map_err(|e| {
        tracing::error!(error = %e, "template error");
        AppError::new(domain::ErrorKey::Internal)
    })
}

/// `/`: the country group's home when the instance has one group; the list of groups when it
/// has several.
pub async fn network_home(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    // The list is the same for every reader of one language until a group, a member or the
    // register changes: built once per stamp, and nothing else is read while it holds.
    let stamp = state.db.groups_stamp().await?;
    // An instance of one group shows that group's home: which one, known once per stamp.
    let single = match state.network_shape.get(&stamp) {
        Some(shape) => shape,
        None => {
            let groups = state.db.groups().await?;
            if groups.is_empty() {
                return Err(AppError::not_found());
            }
            let only = (groups.len() == 1).then(|| groups[0].id.clone());
            state.network_shape.put(stamp.clone(), only)
        }
    };
    if let Some(id) = single.as_deref() {
        return group_page(&ctx, &state, id, &stamp).await;
    }
    let key = format!("network:{}:{stamp}", ctx.lang.code());
    let validator = crate::view::Validator::for_visitor(&ctx, &key);
    if let Some(done) = validator.as_ref().and_then(|v| v.not_modified(&ctx)) {
        return Ok(done);
    }
    let body = match state.home_pages.get(&key) {
        Some(hit) => hit,
        None => {
            let groups = state.db.groups().await?;
            let built = network_body(&ctx, &state, &groups).await?;
            state.home_pages.put(key, built)
        }
    };
    let t = NetworkHome {
        page: Page::new(&ctx, "home", ctx.t("network-title")),
        body,
        can_create: ctx.actor().can(&Action::ManageNetwork),
    };
    Ok(match validator {
        Some(v) => v.attach(render(&t)),
        None => render(&t),
    })
}

async fn network_body(
    ctx: &Ctx,
    state: &AppState,
    groups: &[storage::Group],
) -> Result<PageCached, AppError> {
    let lang = ctx.lang.code();
    let counts = state.db.group_member_counts().await?;
    let cards = groups
        .iter()
        .map(|g| {
            let n = counts.get(&g.id).copied().unwrap_or(0);
            GroupCard {
                id: g.id.clone(),
                name: g.name_in(lang).to_string(),
                about: g.about.get(lang).to_string(),
                members: i18n::t_args(ctx.lang, "org-count", &[("count", n.into())]),
            }
        })
        .collect();
    let body = NetworkBody { groups: cards };
    Ok(PageCached {
        title: ctx.t("network-title"),
        body: text(&body)?,
    })
}

pub async fn group_home(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let stamp = state.db.groups_stamp().await?;
    group_page(&ctx, &state, &id, &stamp).await
}

async fn group_page(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    stamp: &str,
) -> Result<Response, AppError> {
    let key = format!("group:{id}:{}:{stamp}", ctx.lang.code());
    let validator = crate::view::Validator::for_visitor(ctx, &key);
    if let Some(done) = validator.as_ref().and_then(|v| v.not_modified(ctx)) {
        return Ok(done);
    }
    let body = match state.home_pages.get(&key) {
        Some(hit) => hit,
        None => {
            let built = group_body(ctx, state, id).await?;
            state.home_pages.put(key, built)
        }
    };
    let t = GroupHome {
        page: Page::new(ctx, "home", body.title.clone()),
        id: id.to_string(),
        can_manage: ctx.actor().can(&Action::ManageGroup { group: id }),
        can_create: ctx.actor().can(&Action::ManageNetwork),
        body,
    };
    Ok(match validator {
        Some(v) => v.attach(render(&t)),
        None => render(&t),
    })
}

/// What every reader of one language sees of a group's home: what it is, its members by
/// country, their partnerships, the other groups.
async fn group_body(ctx: &Ctx, state: &AppState, id: &str) -> Result<PageCached, AppError> {
    let lang = ctx.lang.code();
    let group = state.db.group(id).await?.or_404()?;
    let members = state.db.group_members(id).await?;
    let sections = member_sections(ctx, &members);
    let ids: Vec<&str> = members
        .iter()
        .filter(|m| matches!(m.role, GroupRole::Member | GroupRole::Partner))
        .map(|m| m.organisation.org.id.as_str())
        .collect();
    let (all, _) = state
        .db
        .partnerships(&PartnershipFilter::default(), 1000, 0)
        .await?;
    let mine: Vec<_> = all
        .into_iter()
        .filter(|p| {
            ids.contains(&p.partnership.organisation_a.as_str())
                || ids.contains(&p.partnership.organisation_b.as_str())
        })
        .collect();
    let taxonomy = state.db.taxonomy().await?;
    let partnerships = partnership_items(ctx, &state.db, &mine, &taxonomy).await?;
    let other_groups = state
        .db
        .groups()
        .await?
        .into_iter()
        .filter(|g| g.id != id)
        .map(|g| GroupLink {
            name: g.name.get(lang).to_string(),
            id: g.id,
        })
        .collect();
    let body = GroupBody {
        page: Page::new(ctx, "home", String::new()),
        about: group.about.get(lang).to_string(),
        hashtags: group.hashtags.iter().map(|h| format!("#{h}")).collect(),
        sections,
        partnerships,
        other_groups,
    };
    Ok(PageCached {
        title: group.name_in(lang).to_string(),
        body: text(&body)?,
    })
}

/// Local authorities by country (French members first, then partners), then observers and the
/// secretariat.
fn member_sections(ctx: &Ctx, members: &[GroupMember]) -> Vec<MemberSection> {
    let mut sections = Vec::new();
    let mut countries: Vec<&str> = members
        .iter()
        .filter(|m| matches!(m.role, GroupRole::Member | GroupRole::Partner))
        .map(|m| m.organisation.org.country.as_str())
        .collect();
    countries.sort_by_key(|c| (*c != "FR", *c != "KR", c.to_string()));
    countries.dedup();
    for country in countries {
        let mut items: Vec<OrgItem> = members
            .iter()
            .filter(|m| {
                matches!(m.role, GroupRole::Member | GroupRole::Partner)
                    && m.organisation.org.country.as_str() == country
            })
            .map(|m| OrgItem::new(ctx, &m.organisation))
            .collect();
        items.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
        sections.push(MemberSection {
            heading: i18n::t_args(
                ctx.lang,
                "home-members-of-country",
                &[
                    ("country", country_label(ctx.lang, country).into()),
                    ("count", (items.len() as i64).into()),
                ],
            ),
            members: items,
        });
    }
    let others: Vec<OrgItem> = members
        .iter()
        .filter(|m| matches!(m.role, GroupRole::Observer | GroupRole::Secretariat))
        .map(|m| OrgItem::new(ctx, &m.organisation))
        .collect();
    if !others.is_empty() {
        sections.push(MemberSection {
            heading: ctx.t("home-institutional-partners"),
            members: others,
        });
    }
    sections
}

/// The group a person works in: their coordinator's or observer's group, else the first.
async fn my_group(ctx: &Ctx, state: &AppState) -> Result<String, AppError> {
    let own = ctx
        .user
        .as_ref()
        .and_then(|u| u.roles.iter().find_map(|r| r.group().map(str::to_string)));
    match own {
        Some(g) => Ok(g),
        None => Ok(state
            .db
            .groups()
            .await?
            .first()
            .map(|g| g.id.clone())
            .unwrap_or_default()),
    }
}

/// `/follow-ups` from the main menu: the follow-up board of the reader's group.
pub async fn my_follow_ups(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    let g = my_group(&ctx, &state).await?;
    Ok(axum::response::Redirect::to(&format!("/groups/{g}/follow-ups")).into_response())
}

/// `/roadmap` from the main menu: the reader's group's latest roadmap.
pub async fn my_roadmap(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    let g = my_group(&ctx, &state).await?;
    Ok(axum::response::Redirect::to(&format!("/groups/{g}/roadmap")).into_response())
}
