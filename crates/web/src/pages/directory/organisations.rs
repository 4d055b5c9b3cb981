//! The organisation list (with filters and pages) and each organisation's page.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use domain::directory::OrgKind;
use storage::{OrganisationRecord, PartnershipFilter};

use super::partnerships::{partnership_items, PartnershipItem};
use super::{render, Pager, Paging};
use crate::ctx::Ctx;
use crate::view::{
    country_label, group_role_label, kind_label, level_choices, level_label, population_label, Page,
};
use crate::{AppError, AppState};

/// One organisation in a list.
#[derive(Clone)]
pub struct OrgItem {
    pub id: String,
    pub name: String,
    /// The language of the name shown, when it is not the reader's (a Japanese name to a
    /// French reader): tagged on the element.
    pub name_lang: Option<String>,
    pub name_dir: &'static str,
    /// The name in another script (Hangul with its romanisation for French readers, the
    /// partner's own name, the French name for Korean readers).
    pub secondary: Option<String>,
    pub secondary_lang: String,
    pub secondary_dir: &'static str,
    pub country: String,
    pub level: String,
    pub population: String,
    pub sort_key: String,
}

/// The name a reader sees first, and its language. A Korean reader: Korean, else the name in
/// the partner's own language, else French, else English (never an English name before the
/// original). A French or English reader: their language, then the other of the two, then the
/// partner's own name, then Korean.
fn shown_name<'a>(o: &'a domain::directory::Organisation, lang: &str) -> (&'a str, String) {
    let n = &o.names;
    let original = o.original_name();
    let pick = |l: &str| -> Option<(&'a str, String)> {
        match l {
            "fr" => n.fr.as_deref().map(|v| (v, "fr".to_string())),
            "ko" => n.ko.as_deref().map(|v| (v, "ko".to_string())),
            "en" => n.en.as_deref().map(|v| (v, "en".to_string())),
            _ => original.map(|(t, v)| (v, t.to_string())),
        }
    };
    let order: [&str; 4] = match lang {
        "ko" => ["ko", "other", "fr", "en"],
        "en" => ["en", "fr", "other", "ko"],
        _ => ["fr", "en", "other", "ko"],
    };
    order
        .into_iter()
        .find_map(pick)
        .unwrap_or(("", lang.to_string()))
}

impl OrgItem {
    pub fn new(ctx: &Ctx, r: &OrganisationRecord) -> OrgItem {
        let lang = ctx.lang.code();
        let o = &r.org;
        let names = &o.names;
        let (name, name_tag) = shown_name(o, lang);
        // Beside it: Hangul (with its romanisation) for French and English readers, the
        // partner's own name, or the French name for Korean readers.
        let hangul = names.ko.as_deref().map(|ko| {
            let latn = names
                .ko_latn
                .clone()
                .unwrap_or_else(|| domain::directory::romanize_place(ko));
            (format!("{ko} · {latn}"), "ko".to_string())
        });
        let original = o
            .original_name()
            .map(|(t, v)| (v.to_string(), t.to_string()));
        let secondary = match lang {
            "ko" => original
                .clone()
                .or_else(|| names.fr.clone().map(|f| (f, "fr".to_string())))
                .or_else(|| names.en.clone().map(|e| (e, "en".to_string()))),
            _ => hangul.clone().or(original.clone()),
        }
        .filter(|(s, _)| s != name && !s.starts_with(&format!("{name} ")));
        let (secondary, secondary_lang) = match secondary {
            Some((s, l)) => (Some(s), l),
            None => (None, String::new()),
        };
        OrgItem {
            id: o.id.clone(),
            sort_key: name.to_lowercase(),
            name: name.to_string(),
            name_dir: domain::directory::direction(&name_tag),
            name_lang: (name_tag != lang).then_some(name_tag),
            secondary_dir: domain::directory::direction(&secondary_lang),
            secondary_lang,
            secondary,
            country: country_label(ctx.lang, o.country.as_str()),
            level: level_label(ctx.lang, o.level, o.kind),
            population: o
                .population
                .map(|p| i18n::format_number(ctx.lang, p))
                .unwrap_or_default(),
        }
    }
}

pub use super::meetings::Choice;
use crate::OrNotFound;

/// The label of a sort order: `sort-{list}-{field}`, with `-desc` for a code that starts with
/// `-` (descending).
pub fn sort_label(ctx: &Ctx, list: &str, code: &str) -> String {
    let desc = if code.starts_with('-') { "-desc" } else { "" };
    ctx.t(&format!(
        "sort-{list}-{}{desc}",
        code.trim_start_matches('-')
    ))
}

fn choices(current: Option<&str>, items: Vec<(String, String)>) -> Vec<Choice> {
    items
        .into_iter()
        .map(|(value, label)| Choice::of(&value, label, current))
        .collect()
}

#[derive(Template)]
#[template(path = "directory/organisations/list.html")]
struct ListTemplate {
    page: Page,
    items: Vec<OrgItem>,
    sorts: Vec<Choice>,
    count: String,
    countries: Vec<Choice>,
    levels: Vec<Choice>,
    kinds: Vec<Choice>,
    name: String,
    pager: Pager,
    query: String,
    can_import: bool,
}

pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let mut filter = crate::filters::organisations(&q)?;
    filter.reader = Some(ctx.lang.code());
    let paging = Paging::from_query(&q, 50);
    let (records, total) = state
        .db
        .organisations(&filter, paging.limit, paging.offset)
        .await?;
    let lang = ctx.lang;
    // The filters offer every country of the register, and their levels.
    let present = state.db.countries_present().await?;
    let t = ListTemplate {
        page: Page::new(&ctx, "organisations", ctx.t("org-list-title")),
        items: records.iter().map(|r| OrgItem::new(&ctx, r)).collect(),
        count: i18n::t_args(lang, "org-count", &[("count", total.into())]),
        countries: choices(
            filter.country.as_deref(),
            present
                .iter()
                .map(|c| (c.clone(), country_label(lang, c)))
                .collect(),
        ),
        levels: level_choices(lang, &present, filter.level.as_deref()),
        kinds: choices(
            filter.kind.as_deref(),
            OrgKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), kind_label(lang, *k)))
                .collect(),
        ),
        sorts: choices(
            Some(filter.sort.code()),
            storage::OrgSort::ALL
                .iter()
                .map(|s| {
                    (
                        s.code().to_string(),
                        sort_label(&ctx, "organisations", s.code()),
                    )
                })
                .collect(),
        ),
        name: filter.name.clone().unwrap_or_default(),
        pager: Pager::new(&ctx, "/organisations", &q, &paging, total),
        query: ctx.query_without_lang.clone(),
        can_import: ctx
            .actor()
            .can(&domain::accounts::Action::CreateOrganisation),
    };
    Ok(render(&t))
}

/// A labelled name of the organisation, with the language it is written in.
pub struct NameRow {
    pub label: String,
    pub value: String,
    pub lang: String,
}

impl NameRow {
    pub fn dir(&self) -> &'static str {
        domain::directory::direction(&self.lang)
    }
}

pub struct PersonItem {
    pub id: String,
    pub name: String,
    pub title: String,
}

pub struct ActionItem {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub status: Option<String>,
    /// Whether the viewer may edit it (shows the link).
    pub editable: bool,
}

impl ActionItem {
    /// An action with its dates in the viewer's language ("12 mars 2019 – 15 mars 2019"),
    /// else the dates as the source words them.
    pub fn new(ctx: &Ctx, a: &storage::ActionRecord, editable: bool) -> ActionItem {
        let day = |d: &Option<String>| {
            d.as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(|d| i18n::format_date_medium(ctx.lang, d))
        };
        let date = match (day(&a.start_date), day(&a.end_date)) {
            (Some(s), Some(e)) if s != e => Some(format!("{s} – {e}")),
            (Some(s), _) => Some(s),
            (None, Some(e)) => Some(e),
            (None, None) => a.date_text.clone(),
        };
        ActionItem {
            id: a.id.clone(),
            title: a.title.get(ctx.lang.code()).to_string(),
            date,
            status: a.status_note.clone(),
            editable: editable && a.partnership_id.is_some(),
        }
    }
}

/// One source line: what it backs, and where it comes from (a link when it is an address).
pub struct SourceItem {
    pub what: String,
    pub text: String,
    pub link: Option<String>,
}

#[derive(Template)]
#[template(path = "directory/organisations/show.html")]
struct ShowTemplate {
    page: Page,
    item: OrgItem,
    names: Vec<NameRow>,
    kind: String,
    country: String,
    parent: Option<OrgItem>,
    children: Vec<OrgItem>,
    population: String,
    seat: Option<String>,
    website: Option<String>,
    notes: Option<crate::view::Written>,
    groups: Vec<(String, String, String)>,
    partnerships: Vec<PartnershipItem>,
    people: Vec<PersonItem>,
    actions: Vec<ActionItem>,
    sources: Vec<SourceItem>,
    can_edit: bool,
    archived: bool,
    history: Vec<HistoryItem>,
}

/// One line of a record's history.
pub struct HistoryItem {
    pub when: String,
    pub field: String,
    pub old: String,
    pub new: String,
    /// Who made the change: shown to signed-in users only.
    pub who: String,
}

pub async fn history_items(
    ctx: &Ctx,
    db: &storage::Db,
    record_type: &str,
    id: &str,
) -> Result<Vec<HistoryItem>, AppError> {
    Ok(history_rows(ctx, db.history(record_type, id).await?))
}

/// The history rows of changes already read.
pub fn history_rows(ctx: &Ctx, changes: Vec<storage::Change>) -> Vec<HistoryItem> {
    changes
        .into_iter()
        .map(|c| HistoryItem {
            when: crate::view::moment_label(ctx, c.changed_at),
            field: c.field,
            old: c.old_value.unwrap_or_default(),
            new: c.new_value.unwrap_or_default(),
            who: if ctx.user.is_some() {
                c.changed_by_name.unwrap_or_default()
            } else {
                String::new()
            },
        })
        .collect()
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let db = &state.db;
    let rec = db.organisation(&id).await?.or_404()?;
    let lang = ctx.lang;
    let o = &rec.org;
    let parent = match &o.parent_id {
        Some(p) => db.organisation(p).await?.map(|r| OrgItem::new(&ctx, &r)),
        None => None,
    };
    let children = db
        .children(&id)
        .await?
        .iter()
        .map(|r| OrgItem::new(&ctx, r))
        .collect();
    let (partnerships, _) = db
        .partnerships(
            &PartnershipFilter {
                organisation: Some(id.clone()),
                ..Default::default()
            },
            1000,
            0,
        )
        .await?;
    let mut groups = Vec::new();
    for (gid, role) in db.groups_of(&id).await? {
        if let Some(g) = db.group(&gid).await? {
            groups.push((
                gid,
                g.name.get(lang.code()).to_string(),
                group_role_label(lang, role),
            ));
        }
    }
    let names = [
        ("name-fr", &o.names.fr, "fr"),
        ("name-ko", &o.names.ko, "ko"),
        ("name-ko-latn", &o.names.ko_latn, "ko-Latn"),
        ("name-en", &o.names.en, "en"),
    ]
    .into_iter()
    .filter_map(|(label, v, l)| {
        v.as_ref().map(|v| NameRow {
            label: ctx.t(label),
            value: v.clone(),
            lang: l.to_string(),
        })
    })
    .chain(o.other_names.iter().map(|(tag, v)| NameRow {
        label: i18n::t_args(
            lang,
            "org-name-in",
            &[("language", crate::view::language_name(lang, tag).into())],
        ),
        value: v.clone(),
        lang: tag.clone(),
    }))
    .chain(
        // A Hangul name without its romanisation gets a suggestion (Revised Romanization).
        o.names
            .ko
            .as_ref()
            .filter(|_| o.names.ko_latn.is_none())
            .map(|ko| NameRow {
                label: ctx.t("name-ko-latn-suggested"),
                value: domain::directory::romanize_place(ko),
                lang: "ko-Latn".to_string(),
            }),
    )
    .collect();
    let people = db
        .people_of(&id)
        .await?
        .into_iter()
        .map(|p| PersonItem {
            title: p.title.get(lang.code()).to_string(),
            name: p.name,
            id: p.person_id,
        })
        .collect();
    let actions = db
        .actions_of(&id)
        .await?
        .iter()
        .map(|a| ActionItem::new(&ctx, a, false))
        .collect();
    let seat = match (o.seat, &o.seat_name) {
        (Some(s), Some(n)) => Some(format!("{n} ({:.4}, {:.4})", s.lat, s.lon)),
        (Some(s), None) => Some(format!("{:.4}, {:.4}", s.lat, s.lon)),
        (None, n) => n.clone(),
    };
    let t = ShowTemplate {
        page: Page::new(&ctx, "organisations", o.names.get(lang.code()).to_string()),
        item: OrgItem::new(&ctx, &rec),
        names,
        kind: kind_label(lang, o.kind),
        country: country_label(lang, o.country.as_str()),
        parent,
        children,
        population: population_label(lang, o.population, o.population_year),
        seat,
        website: o.website.clone(),
        notes: o
            .notes
            .clone()
            .map(|t| crate::view::Written::new(lang, t, o.notes_lang.as_deref())),
        groups,
        partnerships: partnership_items(&ctx, db, &partnerships, &db.taxonomy().await?).await?,
        people,
        actions,
        sources: source_items(&ctx, &rec.sources),
        can_edit: ctx
            .actor()
            .can(&domain::accounts::Action::EditOrganisation { organisation: &id }),
        archived: rec.archived_at.is_some(),
        history: history_items(&ctx, db, "organisation", &id).await?,
    };
    Ok(render(&t))
}

/// Flattens a record's sources (`{"record": "...", "population": {"source": "..."}}`).
pub fn source_items(ctx: &Ctx, sources: &serde_json::Value) -> Vec<SourceItem> {
    let mut out = Vec::new();
    let Some(map) = sources.as_object() else {
        return out;
    };
    for (what, v) in map {
        let label = match what.as_str() {
            "record" => ctx.t("source-record"),
            "extra" | "atlas" => ctx.t("source-extra"),
            "population" => ctx.t("org-population"),
            "seat" => ctx.t("org-seat"),
            "name_ko" => ctx.t("name-ko"),
            "themes_as_given" => ctx.t("source-themes-as-given"),
            _ => continue,
        };
        if what == "themes_as_given" {
            let words: Vec<&str> = v
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str())
                .collect();
            if !words.is_empty() {
                out.push(SourceItem {
                    what: label,
                    text: words.join(" · "),
                    link: None,
                });
            }
            continue;
        }
        let texts: Vec<String> = match v {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(a) => a
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
            serde_json::Value::Object(o) => match (o.get("source"), o.get("record")) {
                (Some(serde_json::Value::String(s)), _) => vec![s.clone()],
                (_, Some(serde_json::Value::Array(a))) => a
                    .iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect(),
                _ => vec![],
            },
            _ => vec![],
        };
        for text in texts {
            let link =
                (text.starts_with("https://") || text.starts_with("http://")).then(|| text.clone());
            out.push(SourceItem {
                what: label.clone(),
                text: if text == "seed report" {
                    ctx.t("source-seed-report")
                } else {
                    text
                },
                link,
            });
        }
    }
    out
}
