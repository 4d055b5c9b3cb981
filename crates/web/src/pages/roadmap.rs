//! The yearly roadmap of a group: axes, actions with owner, period and status, milestones, and
//! the meetings and seminars that carry them out.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::render;
use crate::ctx::Ctx;
use crate::view::{code_label, period_label, Page};
use crate::OrNotFound;
use crate::{AppError, AppState};

pub struct MilestoneView {
    pub title: String,
    pub period: Option<String>,
    pub status: String,
}

pub struct ActionView {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub period: Option<String>,
    pub status: String,
    pub status_code: &'static str,
    pub milestones: Vec<MilestoneView>,
    pub links: Vec<(String, String)>,
}

pub struct AxisView {
    pub number: usize,
    pub title: String,
    pub actions: Vec<ActionView>,
}

#[derive(Template)]
#[template(path = "roadmap/show.html")]
struct RoadmapTemplate {
    page: Page,
    group: String,
    group_name: String,
    summary: String,
    axes: Vec<AxisView>,
    years: Vec<(i64, bool)>,
    year: i64,
    can_manage: bool,
    statuses: Vec<super::meetings::Choice>,
    /// "Préparer la feuille de route 2022".
    next_label: String,
}

/// The latest roadmap of a group; a group without one yet is offered to its coordinators to
/// prepare this year's.
pub async fn latest(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(group): Path<String>,
) -> Result<Response, AppError> {
    let years = state.db.roadmap_years(&group).await?;
    match years.first() {
        Some(year) => Ok(Redirect::to(&format!("/groups/{group}/roadmap/{year}")).into_response()),
        None => {
            state.db.group(&group).await?.or_404()?;
            ctx.require(&domain::accounts::Action::ManageMeetings { group: &group })?;
            let year = chrono::Datelike::year(&chrono::Utc::now());
            Ok(Redirect::to(&format!("/groups/{group}/roadmap/{year}/edit")).into_response())
        }
    }
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((group, year)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let year: i64 = year.parse().map_err(|_| AppError::not_found())?;
    let db = &state.db;
    let g = db.group(&group).await?.or_404()?;
    let r = db.roadmap(&group, year).await?.or_404()?;
    let lang = ctx.lang;
    let mut links_cache = std::collections::HashMap::new();
    let mut axes = Vec::new();
    for (i, axis) in r.axes.iter().enumerate() {
        let mut actions = Vec::new();
        for a in &axis.actions {
            let mut links = Vec::new();
            for (kind, id) in &a.links {
                if kind == "meeting" {
                    if !links_cache.contains_key(id) {
                        if let Some(m) = db.meeting(id).await? {
                            links_cache
                                .insert(id.clone(), super::meetings::meeting_title(&ctx, &m));
                        }
                    }
                    if let Some(title) = links_cache.get(id) {
                        links.push((format!("/meetings/{id}"), title.clone()));
                    }
                }
            }
            let owner = match &a.owner_organisation {
                Some(o) => db
                    .organisation(o)
                    .await?
                    .map(|r| r.org.names.get(lang.code()).to_string()),
                None => a.owner_text.clone(),
            };
            actions.push(ActionView {
                id: a.id.clone(),
                title: a.title.get(lang.code()).to_string(),
                owner,
                period: a.period.as_ref().map(|p| period_label(lang, p)),
                status: code_label(lang, "work-status", a.status.code()),
                status_code: a.status.code(),
                milestones: a
                    .milestones
                    .iter()
                    .map(|m| MilestoneView {
                        title: m.title.get(lang.code()).to_string(),
                        period: m.period.as_ref().map(|p| period_label(lang, p)),
                        status: code_label(lang, "work-status", m.status.code()),
                    })
                    .collect(),
                links,
            });
        }
        axes.push(AxisView {
            number: i + 1,
            title: axis.title.get(lang.code()).to_string(),
            actions,
        });
    }
    let title = i18n::t_args(lang, "roadmap-title", &[("year", year.into())]);
    let t = RoadmapTemplate {
        page: Page::new(&ctx, "roadmap", title),
        group_name: g.name.get(lang.code()).to_string(),
        summary: r.summary.get(lang.code()).to_string(),
        years: db
            .roadmap_years(&group)
            .await?
            .into_iter()
            .map(|y| (y, y == year))
            .collect(),
        can_manage: ctx
            .actor()
            .can(&domain::accounts::Action::ManageMeetings { group: &group }),
        statuses: domain::meetings::roadmap::WorkStatus::ALL
            .iter()
            .map(|w| super::meetings::Choice {
                value: w.code().into(),
                label: code_label(lang, "work-status", w.code()),
                selected: false,
            })
            .collect(),
        next_label: i18n::t_args(lang, "roadmap-start", &[("year", (year + 1).into())]),
        group,
        axes,
        year,
    };
    Ok(render(&t))
}

#[derive(serde::Deserialize)]
pub struct StatusForm {
    status: String,
}

/// A coordinator moves one action of the roadmap on.
pub async fn set_action_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((group, year, action)): Path<(String, i64, String)>,
    crate::input::Form(form): crate::input::Form<StatusForm>,
) -> Result<Response, AppError> {
    let to = domain::meetings::roadmap::WorkStatus::parse(&form.status)
        .ok_or_else(|| AppError::field(domain::ErrorKey::InvalidStatus, "status"))?;
    crate::ops::roadmap::set_action_status(&ctx, &state, &group, &action, to).await?;
    Ok(Redirect::to(&format!("/groups/{group}/roadmap/{year}")).into_response())
}
