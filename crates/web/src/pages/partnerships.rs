//! Partnerships: the list and each partnership's page.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use domain::directory::{PartnershipKind, PartnershipStatus};
use storage::{Db, PartnershipRecord};

use super::organisations::{source_items, ActionItem, OrgItem, SourceItem};
use super::{render, Pager, Paging};
use crate::ctx::Ctx;
use crate::view::{partnership_kind_label, partnership_status_label, signed_label, Page};
use crate::{AppError, AppState};

pub struct PartnershipItem {
    pub id: String,
    pub a: OrgItem,
    pub b: OrgItem,
    pub kind: String,
    pub status: String,
    pub signed: Option<String>,
    pub themes: String,
}

/// List items for partnerships, with both parties' names in the user's language.
pub async fn partnership_items(
    ctx: &Ctx,
    db: &Db,
    records: &[PartnershipRecord],
) -> Result<Vec<PartnershipItem>, AppError> {
    let ids: Vec<&str> = records
        .iter()
        .flat_map(|r| {
            [
                r.partnership.organisation_a.as_str(),
                r.partnership.organisation_b.as_str(),
            ]
        })
        .collect();
    let orgs = db.organisations_by_ids(&ids).await?;
    let cache: HashMap<&str, OrgItem> = orgs
        .iter()
        .map(|(id, rec)| (id.as_str(), OrgItem::new(ctx, rec)))
        .collect();
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        let p = &r.partnership;
        let item = |id: &String| {
            cache
                .get(id.as_str())
                .cloned()
                .ok_or_else(AppError::not_found)
        };
        out.push(PartnershipItem {
            id: p.id.clone(),
            a: item(&p.organisation_a)?,
            b: item(&p.organisation_b)?,
            kind: partnership_kind_label(ctx.lang, p.kind),
            status: partnership_status_label(ctx.lang, p.status),
            signed: signed_label(ctx.lang, p.signed),
            themes: p.themes.join(" · "),
        });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "partnerships/list.html")]
struct ListTemplate {
    page: Page,
    partnerships: Vec<PartnershipItem>,
    count: String,
    kinds: Vec<super::organisations::Choice>,
    statuses: Vec<super::organisations::Choice>,
    pager: Pager,
}

pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let filter = crate::filters::partnerships(&q)?;
    let paging = Paging::from_query(&q, 50);
    let (records, total) = state
        .db
        .partnerships(&filter, paging.limit, paging.offset)
        .await?;
    let lang = ctx.lang;
    let choice =
        |value: &str, label: String, current: &Option<String>| super::organisations::Choice {
            selected: current.as_deref() == Some(value),
            value: value.to_string(),
            label,
        };
    let t = ListTemplate {
        page: Page::new(&ctx, "partnerships", ctx.t("partnership-list-title")),
        partnerships: partnership_items(&ctx, &state.db, &records).await?,
        count: i18n::t_args(lang, "partnership-count", &[("count", total.into())]),
        kinds: PartnershipKind::ALL
            .iter()
            .map(|k| choice(k.code(), partnership_kind_label(lang, *k), &filter.kind))
            .collect(),
        statuses: PartnershipStatus::ALL
            .iter()
            .map(|s| choice(s.code(), partnership_status_label(lang, *s), &filter.status))
            .collect(),
        pager: Pager::new(&ctx, "/partnerships", &q, &paging, total),
    };
    Ok(render(&t))
}

#[derive(Template)]
#[template(path = "partnerships/show.html")]
struct ShowTemplate {
    page: Page,
    item: PartnershipItem,
    notes: Option<String>,
    actions: Vec<ActionItem>,
    sources: Vec<SourceItem>,
    history: Vec<super::organisations::HistoryItem>,
    archived: bool,
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = state
        .db
        .partnership(&id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let item = partnership_items(&ctx, &state.db, std::slice::from_ref(&rec))
        .await?
        .remove(0);
    let actions = state
        .db
        .actions_of(&rec.partnership.organisation_a)
        .await?
        .into_iter()
        .filter(|a| a.partnership_id.as_deref() == Some(id.as_str()))
        .map(|a| ActionItem {
            title: a.title.get(ctx.lang.code()).to_string(),
            date: a.date_text,
            status: a.status_note,
        })
        .collect();
    let title = format!("{} — {}", item.a.name, item.b.name);
    let t = ShowTemplate {
        page: Page::new(&ctx, "partnerships", title),
        notes: rec.partnership.notes.clone(),
        sources: source_items(&ctx, &rec.sources),
        history: super::organisations::history_items(&ctx, &state.db, "partnership", &id).await?,
        archived: rec.archived_at.is_some(),
        item,
        actions,
    };
    Ok(render(&t))
}
