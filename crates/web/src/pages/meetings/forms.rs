//! Creating and changing a meeting, and cancelling it. A refused form comes back with what was
//! typed and the error next to its field.

use crate::input::Form;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::accounts::Action;
use domain::directory::Names;
use domain::meetings::{Format, MeetingInput};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::Choice;
use crate::ctx::Ctx;
use crate::pages::render;
use crate::view::{code_label, zone_label, Page};
use crate::OrNotFound;
use crate::{AppError, AppState};

/// The meeting form as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct MeetingForm {
    pub group_id: String,
    pub title_fr: String,
    pub title_ko: String,
    pub title_en: String,
    /// The title in one more language (the partner's), by BCP 47 tag.
    pub title_other_lang: String,
    pub title_other: String,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub end_date: String,
    pub time_zone: String,
    pub format: String,
    pub place: String,
    pub link: String,
    pub visibility: String,
    /// One agenda item per line, in each language; lines are matched by position.
    pub agenda_fr: String,
    pub agenda_ko: String,
    pub agenda_en: String,
    pub version: Option<i64>,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl MeetingForm {
    pub fn input(&self) -> MeetingInput {
        let lines = |s: &str| s.lines().map(|l| l.trim().to_string()).collect::<Vec<_>>();
        let (fr, ko, en) = (
            lines(&self.agenda_fr),
            lines(&self.agenda_ko),
            lines(&self.agenda_en),
        );
        let n = fr.len().max(ko.len()).max(en.len());
        let at = |v: &Vec<String>, i: usize| v.get(i).and_then(|s| opt(s));
        MeetingInput {
            group_id: self.group_id.clone(),
            title: Names {
                fr: opt(&self.title_fr),
                ko: opt(&self.title_ko),
                ko_latn: None,
                en: opt(&self.title_en),
            },
            title_other: crate::view::one_other(&self.title_other_lang, &self.title_other),
            date: self.date.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            end_date: opt(&self.end_date),
            time_zone: self.time_zone.clone(),
            format: self.format.clone(),
            place: opt(&self.place),
            link: opt(&self.link),
            visibility: opt(&self.visibility),
            agenda: (0..n)
                .map(|i| Names {
                    fr: at(&fr, i),
                    ko: at(&ko, i),
                    ko_latn: None,
                    en: at(&en, i),
                })
                .collect(),
        }
    }

    fn from_record(rec: &storage::MeetingRecord) -> MeetingForm {
        let m = &rec.meeting;
        let (start, end) = m.span.local(m.time_zone);
        let join = |f: fn(&Names) -> &Option<String>| {
            m.agenda
                .iter()
                .map(|a| f(a).clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n")
        };
        MeetingForm {
            group_id: m.group_id.clone(),
            title_fr: m.title.fr.clone().unwrap_or_default(),
            title_ko: m.title.ko.clone().unwrap_or_default(),
            title_en: m.title.en.clone().unwrap_or_default(),
            title_other_lang: m.title_other.keys().next().cloned().unwrap_or_default(),
            title_other: m.title_other.values().next().cloned().unwrap_or_default(),
            date: start.date().format("%Y-%m-%d").to_string(),
            start_time: start.format("%H:%M").to_string(),
            end_time: end.format("%H:%M").to_string(),
            end_date: if end.date() != start.date() {
                end.date().format("%Y-%m-%d").to_string()
            } else {
                String::new()
            },
            time_zone: m.time_zone.name().to_string(),
            format: m.format.code().to_string(),
            place: m.place.clone().unwrap_or_default(),
            link: m.link.clone().unwrap_or_default(),
            visibility: m.visibility.code().to_string(),
            agenda_fr: join(|n| &n.fr),
            agenda_ko: join(|n| &n.ko),
            agenda_en: join(|n| &n.en),
            version: Some(rec.version),
        }
    }
}

#[derive(Template)]
#[template(path = "meetings/form.html")]
struct FormTemplate {
    page: Page,
    form: MeetingForm,
    action: String,
    error: Option<String>,
    error_field: String,
    zones: Vec<Choice>,
    formats: Vec<Choice>,
    visibilities: Vec<Choice>,
}

/// The meeting form; its zones are the group's (`group_zones`, Paris first), then the one typed.
fn form_page(
    ctx: &Ctx,
    title: String,
    action: String,
    form: MeetingForm,
    group_zones: &[chrono_tz::Tz],
    error: Option<AppError>,
) -> Response {
    let lang = ctx.lang;
    let mut zones: Vec<Choice> = group_zones
        .iter()
        .copied()
        .map(|z| Choice {
            value: z.name().into(),
            label: format!("{} ({})", zone_label(lang, z), z.name()),
            selected: form.time_zone == z.name(),
        })
        .collect();
    if !form.time_zone.is_empty() && !zones.iter().any(|z| z.selected) {
        zones.push(Choice {
            value: form.time_zone.clone(),
            label: form.time_zone.clone(),
            selected: true,
        });
    }
    let choice = |code: &str, prefix: &str, current: &str| Choice {
        value: code.into(),
        label: code_label(lang, prefix, code),
        selected: current == code,
    };
    let status = error.as_ref().map(|e| e.status).unwrap_or(StatusCode::OK);
    let t = FormTemplate {
        page: Page::new(ctx, "meetings", title),
        formats: Format::ALL
            .iter()
            .map(|f| choice(f.code(), "meeting-format", &form.format))
            .collect(),
        visibilities: ["group", "public"]
            .iter()
            .map(|v| choice(v, "meeting-visibility", &form.visibility))
            .collect(),
        error_field: error
            .as_ref()
            .and_then(|e| e.field.clone())
            .unwrap_or_default(),
        error: error.map(|e| ctx.t(&e.message_key())),
        form,
        action,
        zones,
    };
    (status, render(&t)).into_response()
}

pub async fn new_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let group = match q.get("group") {
        Some(g) => g.clone(),
        None => state
            .db
            .groups()
            .await?
            .first()
            .map(|g| g.id.clone())
            .unwrap_or_default(),
    };
    ctx.require(&Action::ManageMeetings { group: &group })?;
    let form = MeetingForm {
        group_id: group,
        time_zone: ctx.tz.name().to_string(),
        format: "remote".into(),
        visibility: "group".into(),
        ..Default::default()
    };
    let zones = crate::ops::groups::zones(&state, &form.group_id).await?;
    Ok(form_page(
        &ctx,
        ctx.t("meeting-new-title"),
        "/meetings".into(),
        form,
        &zones,
        None,
    ))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    Form(form): Form<MeetingForm>,
) -> Result<Response, AppError> {
    ctx.require(&Action::ManageMeetings {
        group: &form.group_id,
    })?;
    match crate::ops::meetings::create_meeting(&ctx, &state, &form.input()).await {
        Ok(m) => Ok(Redirect::to(&format!("/meetings/{}", m.id)).into_response()),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let zones = crate::ops::groups::zones(&state, &form.group_id).await?;
            let title = ctx.t("meeting-new-title");
            Ok(form_page(
                &ctx,
                title,
                "/meetings".into(),
                form,
                &zones,
                Some(e),
            ))
        }
        Err(e) => Err(e),
    }
}

pub async fn edit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = crate::ops::meetings::managed_meeting(&ctx, &state.db, &id).await?;
    let title = ctx.t("meeting-edit-title");
    let zones = crate::ops::groups::zones(&state, &rec.meeting.group_id).await?;
    Ok(form_page(
        &ctx,
        title,
        format!("/meetings/{id}/edit"),
        MeetingForm::from_record(&rec),
        &zones,
        None,
    ))
}

pub async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(mut form): Form<MeetingForm>,
) -> Result<Response, AppError> {
    let rec = crate::ops::meetings::managed_meeting(&ctx, &state.db, &id).await?;
    form.group_id = rec.meeting.group_id.clone();
    let action = format!("/meetings/{id}/edit");
    match crate::ops::meetings::update_meeting(
        &ctx,
        &state,
        &rec,
        &form.input(),
        None,
        form.version,
    )
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/meetings/{id}")).into_response()),
        // The form comes back with what was typed and the error.
        Err(e) => {
            let zones = crate::ops::groups::zones(&state, &rec.meeting.group_id).await?;
            let title = ctx.t("meeting-edit-title");
            Ok(form_page(&ctx, title, action, form, &zones, Some(e)))
        }
    }
}

/// Cancels a meeting: it stays, marked cancelled, and calendars receive the cancellation.
pub async fn cancel(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    crate::ops::meetings::cancel_meeting(&ctx, &state, &rec).await?;
    Ok(Redirect::to(&format!("/meetings/{id}")).into_response())
}
