//! Writing the minutes, moving them from draft to final, their versions, the diff between two
//! versions, and the printable form.

use crate::input::Form;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::accounts::Action;
use domain::directory::Names;
use domain::meetings::minutes::{
    diff as line_diff, DiffLine, ItemText, MinutesInput, MinutesStatus,
};
use domain::ErrorKey;
use std::collections::HashMap;
use storage::MeetingRecord;

use super::{meeting_title, pick_text, visible_meeting, AgendaView};
use crate::ctx::Ctx;
use crate::pages::render;
use crate::view::{code_label, when_label, Page};
use crate::OrNotFound;
use crate::{AppError, AppState};

/// May the actor write the text of this meeting's minutes (before they are final)?
async fn may_edit(ctx: &Ctx, state: &AppState, rec: &MeetingRecord) -> Result<(), AppError> {
    let participants: Vec<String> = state
        .db
        .participants(&rec.meeting.id)
        .await?
        .into_iter()
        .filter_map(|p| p.organisation_id)
        .collect();
    ctx.require(&Action::EditMinutes {
        group: &rec.meeting.group_id,
        participants: &participants,
    })
}

pub struct ItemForm {
    pub position: usize,
    pub title: String,
    pub fr: String,
    pub ko: String,
    pub en: String,
}

#[derive(Template)]
#[template(path = "meetings/minutes_form.html")]
struct FormTemplate {
    page: Page,
    meeting_id: String,
    items: Vec<ItemForm>,
    version: i64,
    correction: bool,
    reason: String,
    error: Option<String>,
}

pub async fn edit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let minutes = state.db.minutes(&id).await?.or_404()?;
    let correction = minutes.status == MinutesStatus::Final;
    if correction {
        // Final minutes change only by a correction, which only the coordinators make.
        ctx.require(&Action::ManageMeetings {
            group: &rec.meeting.group_id,
        })?;
    } else {
        may_edit(&ctx, &state, &rec).await?;
    }
    let items = form_items(&ctx, &rec, &minutes.items);
    let title = format!(
        "{} — {}",
        ctx.t("minutes-edit-title"),
        meeting_title(&ctx, &rec)
    );
    let t = FormTemplate {
        page: Page::new(&ctx, "meetings", title),
        meeting_id: id,
        items,
        version: minutes.current_version,
        correction,
        reason: String::new(),
        error: None,
    };
    Ok(render(&t))
}

fn form_items(ctx: &Ctx, rec: &MeetingRecord, texts: &[ItemText]) -> Vec<ItemForm> {
    let agenda: Vec<Names> = if rec.meeting.agenda.is_empty() {
        vec![Names {
            fr: Some(ctx.t("minutes-whole")),
            ..Default::default()
        }]
    } else {
        rec.meeting.agenda.clone()
    };
    agenda
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let body = texts
                .iter()
                .find(|t| t.agenda_position == i)
                .map(|t| t.body.clone())
                .unwrap_or_default();
            ItemForm {
                position: i,
                title: title.get(ctx.lang.code()).to_string(),
                fr: body.fr.unwrap_or_default(),
                ko: body.ko.unwrap_or_default(),
                en: body.en.unwrap_or_default(),
            }
        })
        .collect()
}

/// Saves the text as a new version. Fields are `item-N-fr`, `item-N-ko`, `item-N-en`.
pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let minutes = state.db.minutes(&id).await?.or_404()?;
    let agenda_len = rec.meeting.agenda.len().max(1);
    let get = |k: String| fields.get(&k).cloned().filter(|v| !v.trim().is_empty());
    let input = MinutesInput {
        items: (0..agenda_len)
            .map(|i| ItemText {
                agenda_position: i,
                body: Names {
                    fr: get(format!("item-{i}-fr")),
                    ko: get(format!("item-{i}-ko")),
                    ko_latn: None,
                    en: get(format!("item-{i}-en")),
                },
            })
            .collect(),
        reason: fields.get("reason").cloned(),
    };
    let version = fields.get("version").and_then(|v| v.parse::<i64>().ok());
    match crate::ops::meetings::save_minutes(&ctx, &state, &rec, &input, version).await {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{id}#minutes")).into_response()),
        Err(e) if matches!(e.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) => Err(e),
        Err(e) => {
            // Nothing typed is lost: the form comes back as it was sent, with the error.
            let t = FormTemplate {
                page: Page::new(&ctx, "meetings", ctx.t("minutes-edit-title")),
                meeting_id: id.clone(),
                items: form_items(&ctx, &rec, &input.items),
                version: version.unwrap_or(minutes.current_version),
                correction: minutes.status == MinutesStatus::Final,
                reason: fields.get("reason").cloned().unwrap_or_default(),
                error: Some(ctx.t(&e.message_key())),
            };
            Ok((e.status, render(&t)).into_response())
        }
    }
}

#[derive(serde::Deserialize)]
pub struct StatusForm {
    status: String,
}

/// Moves the minutes along their workflow; the coordinators do this.
pub async fn set_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let to = MinutesStatus::parse(&form.status)
        .ok_or_else(|| AppError::field(ErrorKey::InvalidStatus, "status"))?;
    crate::ops::meetings::set_minutes_status(&ctx, &state, &rec, to).await?;
    Ok(Redirect::to(&format!("/meetings/{id}#minutes")).into_response())
}

pub struct VersionView {
    pub number: i64,
    pub status: String,
    pub kind: String,
    pub reason: Option<String>,
    pub author: String,
    pub when: String,
}

#[derive(Template)]
#[template(path = "meetings/versions.html")]
struct VersionsTemplate {
    page: Page,
    meeting_id: String,
    versions: Vec<VersionView>,
}

pub async fn versions(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = visible_meeting(&ctx, &state.db, &id).await?;
    let lang = ctx.lang;
    let versions = state
        .db
        .minutes_versions(&id)
        .await?
        .into_iter()
        .map(|v| {
            let at = storage::utc(v.created_at).with_timezone(&ctx.tz);
            VersionView {
                number: v.number,
                status: code_label(lang, "minutes-status", v.status.code()),
                kind: code_label(lang, "minutes-kind", &v.kind),
                reason: v.reason,
                author: v.author_name.unwrap_or_default(),
                when: format!(
                    "{} {}",
                    i18n::format_date_medium(lang, at.date_naive()),
                    at.format("%H:%M")
                ),
            }
        })
        .collect();
    let title = format!(
        "{} — {}",
        ctx.t("minutes-versions-title"),
        meeting_title(&ctx, &rec)
    );
    let t = VersionsTemplate {
        page: Page::new(&ctx, "meetings", title),
        meeting_id: id,
        versions,
    };
    Ok(render(&t))
}

pub struct DiffLineView {
    pub kind: &'static str,
    pub text: String,
}

pub struct DiffItem {
    pub title: String,
    pub lines: Vec<DiffLineView>,
}

#[derive(Template)]
#[template(path = "meetings/diff.html")]
struct DiffTemplate {
    page: Page,
    meeting_id: String,
    from: i64,
    to: i64,
    items: Vec<DiffItem>,
}

/// The changes between two versions (`?from=N&to=M`), item by item and language by language.
pub async fn diff(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let rec = visible_meeting(&ctx, &state.db, &id).await?;
    let versions = state.db.minutes_versions(&id).await?;
    let number = |k: &str| -> Result<i64, AppError> {
        q.get(k)
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| AppError {
                status: StatusCode::BAD_REQUEST,
                ..AppError::field(ErrorKey::InvalidNumber, k)
            })
    };
    let (from, to) = (number("from")?, number("to")?);
    let find = |n: i64| versions.iter().find(|v| v.number == n).or_404();
    let (a, b) = (find(from)?, find(to)?);
    let text = |items: &[ItemText], i: usize, lang: &str| -> String {
        items
            .iter()
            .find(|t| t.agenda_position == i)
            .and_then(|t| match lang {
                "fr" => t.body.fr.clone(),
                "ko" => t.body.ko.clone(),
                _ => t.body.en.clone(),
            })
            .unwrap_or_default()
    };
    let mut items = Vec::new();
    for (i, title) in rec.meeting.agenda.iter().enumerate() {
        for lang in ["fr", "ko", "en"] {
            let (old, new) = (text(&a.items, i, lang), text(&b.items, i, lang));
            if old.is_empty() && new.is_empty() {
                continue;
            }
            items.push(DiffItem {
                title: format!("{}. {} ({lang})", i + 1, title.get(ctx.lang.code())),
                lines: line_diff(&old, &new)
                    .into_iter()
                    .map(|l| match l {
                        DiffLine::Same(text) => DiffLineView { kind: "same", text },
                        DiffLine::Removed(text) => DiffLineView {
                            kind: "removed",
                            text,
                        },
                        DiffLine::Added(text) => DiffLineView {
                            kind: "added",
                            text,
                        },
                    })
                    .collect(),
            });
        }
    }
    let t = DiffTemplate {
        page: Page::new(&ctx, "meetings", ctx.t("minutes-diff-title")),
        meeting_id: id,
        from,
        to,
        items,
    };
    Ok(render(&t))
}

#[derive(Template)]
#[template(path = "meetings/print.html")]
struct PrintTemplate {
    page: Page,
    title: String,
    when: String,
    status: String,
    version: i64,
    agenda: Vec<AgendaView>,
    participants: Vec<(String, String, String)>,
    follow_ups: Vec<super::FollowUpView>,
}

/// The minutes on their own, laid out for paper (or "print to PDF").
pub async fn print(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = visible_meeting(&ctx, &state.db, &id).await?;
    let db = &state.db;
    let lang = ctx.lang;
    let minutes = db.minutes(&id).await?.or_404()?;
    let decisions = db.decisions(&id).await?;
    let participants = db.participants(&id).await?;
    let ids: Vec<&str> = participants
        .iter()
        .filter_map(|p| p.organisation_id.as_deref())
        .collect();
    let orgs = db.organisations_by_ids(&ids).await?;
    let own = db.follow_ups_of_meeting(&id).await?;
    let t = PrintTemplate {
        page: Page::new(&ctx, "meetings", meeting_title(&ctx, &rec)),
        title: meeting_title(&ctx, &rec),
        when: when_label(
            lang,
            &rec.meeting.span,
            ctx.tz,
            &crate::ops::groups::zones(&state, &rec.meeting.group_id).await?,
        ),
        status: code_label(lang, "minutes-status", minutes.status.code()),
        version: minutes.current_version,
        agenda: rec
            .meeting
            .agenda
            .iter()
            .enumerate()
            .map(|(i, title)| {
                let text = minutes
                    .items
                    .iter()
                    .find(|it| it.agenda_position == i)
                    .and_then(|it| pick_text(lang.code(), &it.body));
                AgendaView {
                    number: i + 1,
                    title: title.get(lang.code()).to_string(),
                    minutes_html: text.map(|(t, _)| crate::markdown::render(t)),
                    minutes_lang: text.map(|(_, l)| l).unwrap_or("fr"),
                    minutes_marker: text.and_then(|(_, l)| crate::view::written_in(lang, l)),
                    decisions: decisions
                        .iter()
                        .filter(|d| d.agenda_position == Some(i as i64))
                        .map(|d| d.text.get(lang.code()).to_string())
                        .collect(),
                }
            })
            .collect(),
        participants: participants
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.organisation_id
                        .as_ref()
                        .and_then(|o| orgs.get(o))
                        .map(|o| o.org.names.get(lang.code()).to_string())
                        .unwrap_or_default(),
                    code_label(lang, "presence", p.presence.code()),
                )
            })
            .collect(),
        follow_ups: super::follow_up_views(&ctx, db, &own).await?,
    };
    Ok(render(&t))
}
