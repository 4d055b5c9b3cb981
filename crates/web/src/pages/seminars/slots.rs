//! The slot finder page: for a seminar's window (its planned period unless another is asked) and
//! duration, the times inside working hours in each of the group's reference zones (Paris first,
//! then the partner country's), on working days of each zone's country; the coordinator
//! schedules the seminar at one of them.

use std::collections::HashMap;

use crate::input::Form;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveTime};
use domain::accounts::Action;
use domain::seminars::slots::{find as find_slots, Hours, Side, Skipped, SlotQuery};
use domain::ErrorKey;

use crate::ctx::Ctx;
use crate::pages::render;
use crate::view::{when_label, Page};
use crate::{AppError, AppState};

/// One zone's working-hours fields: `start_{i}`, `end_{i}`.
pub struct SideView {
    pub index: usize,
    pub label: String,
    pub start: String,
    pub end: String,
}

pub struct SlotView {
    pub start_utc: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "seminars/slots.html")]
struct SlotsTemplate {
    page: Page,
    seminar_id: String,
    theme: String,
    from: String,
    to: String,
    duration: i64,
    sides: Vec<SideView>,
    slots: Vec<SlotView>,
    /// Countries whose public holidays are not known (only weekends are skipped there).
    holidays_unknown: Vec<String>,
    skipped: Vec<String>,
    no_overlap_days: usize,
    can_manage: bool,
    error: Option<String>,
}

fn time(q: &HashMap<String, String>, k: &str, default: &str) -> Result<NaiveTime, AppError> {
    let v = q
        .get(k)
        .map(String::as_str)
        .filter(|v| !v.is_empty())
        .unwrap_or(default);
    NaiveTime::parse_from_str(v, "%H:%M").map_err(|_| AppError::field(ErrorKey::InvalidTime, k))
}

pub async fn find(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (s, series) = crate::ops::seminars::seminar_and_series(&state, &id).await?;
    let lang = ctx.lang;
    let default_from = s
        .planned_period
        .map(|p| p.first_day())
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let default_to = s
        .planned_period
        .map(|p| p.last_day())
        .unwrap_or(default_from + chrono::Duration::days(30));
    let date = |k: &str, d: NaiveDate| -> Result<NaiveDate, AppError> {
        match q.get(k).filter(|v| !v.is_empty()) {
            Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| AppError::field(ErrorKey::InvalidDate, k)),
            None => Ok(d),
        }
    };
    let duration = match q.get("duration").filter(|v| !v.is_empty()) {
        Some(v) => v
            .parse::<i64>()
            .map_err(|_| AppError::field(ErrorKey::InvalidNumber, "duration"))?,
        None => s.duration_minutes,
    };
    let group = state.db.group(&series.group_id).await?;
    let (zones, country) = match &group {
        Some(g) => (g.time_zones.clone(), g.country.clone()),
        None => (vec![domain::time::PARIS], "FR".to_string()),
    };
    let query = (|| -> Result<SlotQuery, AppError> {
        let mut sides = Vec::new();
        for (i, zone) in zones.iter().enumerate() {
            // Paris is France's; every other reference zone is in the partner country.
            let c = if *zone == domain::time::PARIS {
                "FR"
            } else {
                &country
            };
            let mut side = Side::new(*zone, c);
            side.hours = Hours {
                start: time(&q, &format!("start_{i}"), "09:00")?,
                end: time(&q, &format!("end_{i}"), "18:00")?,
            };
            sides.push(side);
        }
        Ok(SlotQuery {
            from: date("from", default_from)?,
            to: date("to", default_to)?,
            duration_minutes: duration,
            sides,
            step_minutes: 30,
            limit: 60,
        })
    })();
    let (answer, error) = match query
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|q| find_slots(q).map_err(AppError::from))
    {
        Ok(a) => (a, None),
        Err(e) => (
            Default::default(),
            Some(ctx.t(&e.message_key()) + &e.field.map(|f| format!(" ({f})")).unwrap_or_default()),
        ),
    };
    let skipped = answer
        .skipped
        .iter()
        .filter_map(|s| match s {
            Skipped::Holiday { country, date } => {
                domain::seminars::holidays::holiday(country, *date).map(|h| {
                    format!(
                        "{} — {} ({})",
                        i18n::format_date_medium(lang, *date),
                        h.get(lang.code()),
                        crate::view::country_label(lang, country)
                    )
                })
            }
            Skipped::Weekend { .. } => None,
        })
        .collect();
    let q = query.ok();
    let t = SlotsTemplate {
        page: Page::new(&ctx, "seminars", ctx.t("slots-title")),
        theme: s.theme.get(lang.code()).to_string(),
        from: q.as_ref().map(|q| q.from.to_string()).unwrap_or_default(),
        to: q.as_ref().map(|q| q.to.to_string()).unwrap_or_default(),
        duration,
        sides: zones
            .iter()
            .enumerate()
            .map(|(i, zone)| {
                let hours = q.as_ref().map(|q| q.sides[i].hours);
                let hm = |f: fn(&Hours) -> NaiveTime| {
                    hours
                        .as_ref()
                        .map(|h| f(h).format("%H:%M").to_string())
                        .unwrap_or_default()
                };
                SideView {
                    index: i,
                    label: i18n::t_args(
                        lang,
                        "slots-hours",
                        &[("zone", crate::view::zone_label(lang, *zone).into())],
                    ),
                    start: hm(|h| h.start),
                    end: hm(|h| h.end),
                }
            })
            .collect(),
        slots: answer
            .slots
            .iter()
            .map(|span| SlotView {
                start_utc: span.start.to_rfc3339(),
                label: when_label(lang, span, ctx.tz, &zones),
            })
            .collect(),
        holidays_unknown: answer
            .holidays_unknown
            .iter()
            .map(|c| crate::view::country_label(lang, c))
            .collect(),
        skipped,
        no_overlap_days: answer.no_overlap_days,
        can_manage: ctx.actor().can(&Action::ManageMeetings {
            group: &series.group_id,
        }),
        error,
        seminar_id: id,
    };
    Ok(render(&t))
}

#[derive(serde::Deserialize)]
pub struct ScheduleForm {
    start_utc: String,
    duration: i64,
    #[serde(default)]
    link: String,
}

/// The coordinator schedules the seminar at a found slot (times in UTC; shown in both zones).
pub async fn schedule(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<ScheduleForm>,
) -> Result<Response, AppError> {
    let start = chrono::DateTime::parse_from_rfc3339(&form.start_utc)
        .map_err(|_| AppError::field(ErrorKey::InvalidDate, "start_utc"))?
        .with_timezone(&chrono::Utc);
    let link = Some(form.link.as_str());
    crate::ops::programme::schedule_seminar(&ctx, &state, &id, start, form.duration, link).await?;
    Ok(Redirect::to(&format!("/seminars/{id}")).into_response())
}
