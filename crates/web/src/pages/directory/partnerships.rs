//! Partnerships: the list and each partnership's page.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::accounts::Action;
use domain::directory::{PartnershipKind, PartnershipStatus};
use storage::{Db, PartnershipRecord, PartnershipSort};

use super::organisations::{source_items, ActionItem, Choice, OrgItem, SourceItem};
use super::{render, Pager, Paging};
use crate::ctx::Ctx;
use crate::view::{partnership_kind_label, partnership_status_label, signed_label, Page};
use crate::OrNotFound;
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
/// `taxonomy` names the themes (callers that show theme choices read it once for both).
pub async fn partnership_items(
    ctx: &Ctx,
    db: &Db,
    records: &[PartnershipRecord],
    taxonomy: &storage::Taxonomy,
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
        let item = |id: &String| cache.get(id.as_str()).cloned().or_404();
        out.push(PartnershipItem {
            id: p.id.clone(),
            a: item(&p.organisation_a)?,
            b: item(&p.organisation_b)?,
            kind: partnership_kind_label(ctx.lang, p.kind),
            status: partnership_status_label(ctx.lang, p.status),
            signed: signed_label(ctx.lang, p.signed),
            themes: taxonomy.labels(&p.themes, ctx.lang.code()).join(" · "),
        });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "directory/partnerships/list.html")]
struct ListTemplate {
    page: Page,
    partnerships: Vec<PartnershipItem>,
    count: String,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    themes: Vec<Choice>,
    sorts: Vec<Choice>,
    year_from: String,
    year_to: String,
    /// The same partnerships on the map (whose `kind` is the organisations').
    map_href: String,
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
    let taxonomy = state.db.taxonomy().await?;
    let t = ListTemplate {
        page: Page::new(&ctx, "partnerships", ctx.t("partnership-list-title")),
        partnerships: partnership_items(&ctx, &state.db, &records, &taxonomy).await?,
        count: i18n::t_args(lang, "partnership-count", &[("count", total.into())]),
        kinds: PartnershipKind::ALL
            .iter()
            .map(|k| {
                Choice::of(
                    k.code(),
                    partnership_kind_label(lang, *k),
                    filter.kind.as_deref(),
                )
            })
            .collect(),
        statuses: PartnershipStatus::ALL
            .iter()
            .map(|s| {
                Choice::of(
                    s.code(),
                    partnership_status_label(lang, *s),
                    filter.status.as_deref(),
                )
            })
            .collect(),
        themes: taxonomy
            .themes
            .iter()
            .filter(|t| t.archived_at.is_none())
            .map(|t| Choice::of(&t.id, t.label(lang.code()), filter.theme.as_deref()))
            .collect(),
        sorts: PartnershipSort::ALL
            .iter()
            .map(|s| {
                Choice::of(
                    s.code(),
                    super::organisations::sort_label(&ctx, "partnerships", s.code()),
                    Some(filter.sort.code()),
                )
            })
            .collect(),
        year_from: filter.year_from.map(|y| y.to_string()).unwrap_or_default(),
        year_to: filter.year_to.map(|y| y.to_string()).unwrap_or_default(),
        map_href: {
            let pairs: Vec<(&str, String)> = [
                ("partnership_kind", filter.kind.clone()),
                ("status", filter.status.clone()),
                ("theme", filter.theme.clone()),
                ("year_from", filter.year_from.map(|y| y.to_string())),
                ("year_to", filter.year_to.map(|y| y.to_string())),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect();
            if pairs.is_empty() {
                "/map".to_string()
            } else {
                format!(
                    "/map?{}",
                    serde_urlencoded::to_string(&pairs).unwrap_or_default()
                )
            }
        },
        pager: Pager::new(&ctx, "/partnerships", &q, &paging, total),
    };
    Ok(render(&t))
}

/// One step of a partnership's life: signed, recorded, a change of status.
pub struct TimelineItem {
    pub when: String,
    pub what: String,
    pub who: String,
}

/// Read from the partnership's field history (`changes`, latest first).
fn timeline(ctx: &Ctx, rec: &PartnershipRecord, changes: &[storage::Change]) -> Vec<TimelineItem> {
    let lang = ctx.lang;
    let status = |code: &str| {
        PartnershipStatus::parse(code)
            .map(|s| partnership_status_label(lang, s))
            .unwrap_or_else(|| code.to_string())
    };
    let day = |ms: i64| {
        let at = storage::utc(ms).with_timezone(&ctx.tz);
        i18n::format_date_medium(lang, at.date_naive())
    };
    let mut changes: Vec<_> = changes.iter().filter(|c| c.field == "status").collect();
    changes.reverse();
    let mut out = Vec::new();
    if let Some(s) = signed_label(lang, rec.partnership.signed) {
        out.push(TimelineItem {
            when: s,
            what: ctx.t("timeline-signed"),
            who: String::new(),
        });
    }
    let first = changes
        .first()
        .and_then(|c| c.old_value.clone())
        .unwrap_or_else(|| rec.partnership.status.code().to_string());
    out.push(TimelineItem {
        when: day(rec.created_at),
        what: i18n::t_args(
            lang,
            "timeline-recorded",
            &[("status", status(&first).into())],
        ),
        who: String::new(),
    });
    for c in changes {
        out.push(TimelineItem {
            when: day(c.changed_at),
            what: i18n::t_args(
                lang,
                "timeline-status",
                &[
                    ("old", status(c.old_value.as_deref().unwrap_or("")).into()),
                    ("new", status(c.new_value.as_deref().unwrap_or("")).into()),
                ],
            ),
            who: if ctx.user.is_some() {
                c.changed_by_name.clone().unwrap_or_default()
            } else {
                String::new()
            },
        });
    }
    out
}

pub struct DocumentItem {
    pub href: String,
    pub title: String,
    pub file_name: String,
    pub size: String,
}

#[derive(Template)]
#[template(path = "directory/partnerships/show.html")]
struct ShowTemplate {
    page: Page,
    item: PartnershipItem,
    notes: Option<crate::view::Written>,
    actions: Vec<ActionItem>,
    sources: Vec<SourceItem>,
    history: Vec<super::organisations::HistoryItem>,
    timeline: Vec<TimelineItem>,
    documents: Vec<DocumentItem>,
    signed_in: bool,
    can_edit: bool,
    archived: bool,
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = state.db.partnership(&id).await?.or_404()?;
    let taxonomy = state.db.taxonomy().await?;
    let item = partnership_items(&ctx, &state.db, std::slice::from_ref(&rec), &taxonomy)
        .await?
        .remove(0);
    let p = &rec.partnership;
    let can_edit = ctx.actor().can(&Action::EditPartnership {
        parties: [&p.organisation_a, &p.organisation_b],
    });
    let actions = state
        .db
        .actions_of_partnership(&id)
        .await?
        .iter()
        .map(|a| ActionItem::new(&ctx, a, can_edit))
        .collect();
    let documents = if ctx.user.is_some() {
        state
            .db
            .attachments(storage::AttachedTo::Partnership, &id)
            .await?
            .into_iter()
            .map(|a| DocumentItem {
                href: format!("/partnerships/{id}/documents/{}", a.id),
                size: format!(
                    "{} KiB",
                    i18n::format_number(ctx.lang, (a.size + 1023) / 1024)
                ),
                title: a.title,
                file_name: a.file_name,
            })
            .collect()
    } else {
        Vec::new()
    };
    let title = format!("{} — {}", item.a.name, item.b.name);
    let changes = state.db.history("partnership", &id).await?;
    let t =
        ShowTemplate {
            page: Page::new(&ctx, "partnerships", title),
            notes: rec.partnership.notes.clone().map(|t| {
                crate::view::Written::new(ctx.lang, t, rec.partnership.notes_lang.as_deref())
            }),
            sources: source_items(&ctx, &rec.sources),
            timeline: timeline(&ctx, &rec, &changes),
            history: super::organisations::history_rows(&ctx, changes),
            documents,
            signed_in: ctx.user.is_some(),
            can_edit,
            archived: rec.archived_at.is_some(),
            item,
            actions,
        };
    Ok(render(&t))
}

/// Attaches an agreement document (multipart form; the CSRF token travels in the query).
pub async fn upload_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    crate::ops::directory::records::attach_document(&ctx, &state, &id, &mut multipart).await?;
    Ok(Redirect::to(&format!("/partnerships/{id}#documents-heading")).into_response())
}

pub async fn download_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, document)): Path<(String, String)>,
) -> Result<Response, AppError> {
    crate::ops::directory::records::document_download(&ctx, &state, &id, &document).await
}
