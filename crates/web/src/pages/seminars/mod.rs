//! The seminar series: the series and its seminars, each seminar's page (theme, period or date
//! in the viewer's zone, Paris and Seoul; programme; facilitators; registration), the
//! consultation (`consultation`), the line-up builder (`lineup`) and the slot finder (`slots`).

mod consultation;
mod lineup;
mod manage;
mod own_registration;
mod reasons;
mod slots;

use std::sync::Arc;

use crate::input::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::accounts::Action;
use domain::seminars::registration::RegistrationStatus;
use domain::seminars::Audience;
use domain::ErrorKey;
use serde::Deserialize;
use storage::Seminar;

use super::render;
use crate::ctx::Ctx;
use crate::view::{code_label, period_label, when_label, Page};
use crate::{AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/seminars", get(list))
        .route("/seminars/{id}", get(show))
        .route("/seminars/{id}/register", post(register))
        .route(
            "/registrations/{secret}",
            get(own_registration::show).post(own_registration::cancel),
        )
        .route("/seminars/{id}/invite", post(invite))
        .route("/seminars/{id}/slots", get(slots::find))
        .route("/seminars/{id}/schedule", post(slots::schedule))
        .route(
            "/series/{id}/consultation",
            get(consultation::progress).post(consultation::act),
        )
        .route(
            "/series/{id}/consultation/answer",
            get(consultation::own_form).post(consultation::own_save),
        )
        .route(
            "/consult/{token}",
            get(consultation::link_form).post(consultation::link_save),
        )
        .route(
            "/series/{id}/lineup",
            get(lineup::builder).post(lineup::act),
        )
        .route(
            "/series/new",
            get(manage::new_series).post(manage::create_series),
        )
        .route(
            "/series/{id}/seminars/new",
            get(manage::new_seminar).post(manage::create_seminar),
        )
        .route(
            "/seminars/{id}/edit",
            get(manage::edit_seminar).post(manage::save_seminar),
        )
        .route(
            "/seminars/{id}/programme",
            get(manage::programme).post(manage::add_presentation),
        )
        .route(
            "/seminars/{id}/programme/{item}",
            post(manage::presentation_action),
        )
        .route(
            "/seminars/{id}/programme/{item}/edit",
            get(manage::edit_presentation).post(manage::save_presentation),
        )
}

pub struct SeminarItem {
    pub id: String,
    pub number: i64,
    pub theme: String,
    /// The theme in the partner's own language: (text, tag, direction).
    pub theme_other: Option<(String, String, &'static str)>,
    pub when: String,
    pub status: String,
    pub facilitators: Vec<(String, String)>,
}

async fn seminar_item(
    ctx: &Ctx,
    state: &AppState,
    s: &Seminar,
    zones: &[chrono_tz::Tz],
) -> Result<SeminarItem, AppError> {
    let lang = ctx.lang;
    let when = match (&s.span, &s.planned_period) {
        (Some(span), _) => when_label(lang, span, ctx.tz, zones),
        (None, Some(p)) => period_label(lang, p),
        (None, None) => String::new(),
    };
    let ids: Vec<String> = state
        .db
        .facilitators(&s.id)
        .await?
        .into_iter()
        .filter(|(_, state)| *state >= 0)
        .map(|(id, _)| id)
        .collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let orgs = state.db.organisations_by_ids(&refs).await?;
    Ok(SeminarItem {
        id: s.id.clone(),
        number: s.position + 1,
        theme: s.theme.get(lang.code()).to_string(),
        theme_other: crate::view::other_line(&s.theme_other),
        when,
        status: code_label(lang, "seminar-status", s.status.code()),
        facilitators: ids
            .iter()
            .filter_map(|id| {
                orgs.get(id)
                    .map(|o| (id.clone(), o.org.names.get(lang.code()).to_string()))
            })
            .collect(),
    })
}

pub struct SeriesView {
    pub id: String,
    pub title: String,
    pub title_other: Option<(String, String, &'static str)>,
    pub seminars: Vec<SeminarItem>,
}

#[derive(Template)]
#[template(path = "seminars/list.html")]
struct ListTemplate {
    page: Page,
    series: Vec<SeriesView>,
    can_manage: bool,
    group: String,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    group: String,
    /// A series: its group's list (the search links here).
    #[serde(default)]
    series: Option<String>,
}

/// The series of a group (`?group=`, or the group of `?series=`, the first group by default)
/// with their seminars.
pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    axum::extract::Query(q): axum::extract::Query<ListQuery>,
) -> Result<Response, AppError> {
    let groups = state.db.groups().await?;
    let wanted = match &q.series {
        Some(id) => state.db.series(id).await?.map(|s| s.group_id),
        None => None,
    }
    .unwrap_or(q.group);
    let chosen = groups.iter().find(|g| g.id == wanted).or(groups.first());
    let group = chosen.map(|g| g.id.clone()).unwrap_or_default();
    let zones = chosen.map(|g| g.time_zones.clone()).unwrap_or_default();
    let mut series = Vec::new();
    for s in state.db.series_of_group(&group).await? {
        let mut seminars = Vec::new();
        for sem in state.db.seminars(&s.id).await? {
            seminars.push(seminar_item(&ctx, &state, &sem, &zones).await?);
        }
        series.push(SeriesView {
            title: s.title.get(ctx.lang.code()).to_string(),
            title_other: crate::view::other_line(&s.title_other),
            id: s.id,
            seminars,
        });
    }
    let t = ListTemplate {
        page: Page::new(&ctx, "seminars", ctx.t("seminar-list-title")),
        can_manage: ctx.actor().can(&Action::ManageMeetings { group: &group }),
        series,
        group,
    };
    Ok(render(&t))
}

pub struct PresentationView {
    pub title: String,
    pub organisation: Option<(String, String)>,
    pub speaker: Option<String>,
    pub minutes: i64,
}

/// The part of a seminar's page that is the same for everyone who sees it in one language,
/// zone and role: cached under a key holding everything it depends on.
pub use crate::cache::SeminarCached;
use crate::OrNotFound;

#[derive(Template)]
#[template(path = "seminars/_body.html")]
struct BodyTemplate {
    page: Page,
    item: SeminarItem,
    series_title: String,
    format: String,
    link: Option<String>,
    duration: i64,
    capacity: Option<i64>,
    registered: i64,
    waitlisted: i64,
    programme: Vec<PresentationView>,
    has_date: bool,
}

#[derive(Template)]
#[template(path = "seminars/show.html")]
struct ShowTemplate {
    page: Page,
    body: Arc<SeminarCached>,
    can_manage: bool,
    can_register: bool,
    signed_in: bool,
    message: Option<String>,
    id: String,
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    if let Some(id) = id.strip_suffix(".ics") {
        return seminar_file(&ctx, &state, id).await;
    }
    page(&ctx, &state, &id, None).await
}

/// Members and observers of the group (and the secretariat) see the video link.
async fn is_member(ctx: &Ctx, state: &AppState, group: &str) -> Result<bool, AppError> {
    let Some(user) = &ctx.user else {
        return Ok(false);
    };
    for role in &user.roles {
        let member = match role {
            domain::accounts::Role::Secretariat => true,
            r if r.group() == Some(group) => true,
            domain::accounts::Role::Editor { organisation } => {
                state.db.is_group_member(group, organisation).await?
            }
            _ => false,
        };
        if member {
            return Ok(true);
        }
    }
    Ok(false)
}

async fn render_body(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    member: bool,
) -> Result<SeminarCached, AppError> {
    let (s, series) = crate::ops::seminars::seminar_and_series(state, id).await?;
    let lang = ctx.lang;
    let (registered, waitlisted) = state.db.registration_counts(id).await?;
    let presentations = state.db.presentations(id).await?;
    let ids: Vec<&str> = presentations
        .iter()
        .filter_map(|p| p.organisation_id.as_deref())
        .collect();
    let orgs = state.db.organisations_by_ids(&ids).await?;
    let body = BodyTemplate {
        page: Page::new(ctx, "seminars", String::new()),
        item: seminar_item(
            ctx,
            state,
            &s,
            &crate::ops::groups::zones(state, &series.group_id).await?,
        )
        .await?,
        series_title: series.title.get(lang.code()).to_string(),
        format: code_label(lang, "seminar-format", &s.format),
        link: s.link.clone().filter(|_| member),
        duration: s.duration_minutes,
        capacity: s.capacity,
        registered,
        waitlisted,
        programme: presentations
            .iter()
            .map(|p| PresentationView {
                title: p.title.get(lang.code()).to_string(),
                organisation: p
                    .organisation_id
                    .as_ref()
                    .and_then(|o| orgs.get(o))
                    .map(|o| (o.org.id.clone(), o.org.names.get(lang.code()).to_string())),
                speaker: p.speaker.clone(),
                minutes: p.duration_minutes,
            })
            .collect(),
        has_date: s.span.is_some(),
    };
    Ok(SeminarCached {
        title: s.theme.get(lang.code()).to_string(),
        body: body.render().map_err(|e| {
            tracing::error!(error = %e, "template error");
            AppError::new(ErrorKey::Internal)
        })?,
        public: s.audience == Audience::Public,
        series_id: series.id,
        closes_at: s.span.map(|x| x.end),
        closed: matches!(
            s.status,
            domain::seminars::SeminarStatus::Cancelled | domain::seminars::SeminarStatus::Held
        ),
    })
}

async fn page(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    message: Option<String>,
) -> Result<Response, AppError> {
    let (group, stamp) = state.db.seminar_stamp(id).await?.or_404()?;
    let member = is_member(ctx, state, &group).await?;
    let key = format!(
        "{id}:{}:{}:{member}:{stamp}",
        ctx.lang.code(),
        ctx.tz.name()
    );
    let body = match state.seminar_pages.get(&key) {
        Some(hit) => hit,
        None => state
            .seminar_pages
            .put(key.clone(), render_body(ctx, state, id, member).await?),
    };
    let can_register = (member || body.public) && body.open_at(chrono::Utc::now());
    // A visitor's page is fixed by the key and whether registration is open (it closes in
    // time): one who holds it is answered without building it. A message is a POST's answer.
    let validator = message
        .is_none()
        .then(|| crate::view::Validator::for_visitor(ctx, &format!("{key}:{can_register}")))
        .flatten();
    if let Some(done) = validator.as_ref().and_then(|v| v.not_modified(ctx)) {
        return Ok(done);
    }
    let t = ShowTemplate {
        page: Page::new(ctx, "seminars", body.title.clone()),
        can_manage: ctx.actor().can(&Action::ManageMeetings { group: &group }),
        can_register,
        signed_in: ctx.user.is_some(),
        message,
        id: id.to_string(),
        body,
    };
    Ok(match validator {
        Some(v) => v.attach(render(&t)),
        None => render(&t),
    })
}

async fn seminar_file(ctx: &Ctx, state: &AppState, id: &str) -> Result<Response, AppError> {
    let (s, series) = crate::ops::seminars::seminar_and_series(state, id).await?;
    let zones = crate::ops::groups::zones(state, &series.group_id).await?;
    let event = crate::ops::seminars::event(ctx, state, &s, &zones).or_404()?;
    let body = exports::ics::calendar(s.theme.get(ctx.lang.code()), &[event]);
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{id}.ics\""),
            ),
        ],
        body,
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
}

/// Registers the signed-in user, or a member of the public when the seminar is open to them.
pub async fn register(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<RegisterForm>,
) -> Result<Response, AppError> {
    match crate::ops::seminars::register(&ctx, &state, &id, &form.name, &form.email).await {
        Ok(status) => {
            let key = match status {
                RegistrationStatus::Waitlisted => "registration-waitlisted",
                _ => "registration-confirmed",
            };
            page(&ctx, &state, &id, Some(ctx.t(key))).await
        }
        Err(e) if e.key == ErrorKey::DuplicateId => {
            page(&ctx, &state, &id, Some(ctx.t("registration-already"))).await
        }
        Err(e) => Err(e),
    }
}

/// The coordinator invites the group's people to a scheduled seminar, by e-mail.
pub async fn invite(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let n = crate::ops::seminars::invite_members(&ctx, &state, &id).await?;
    let msg = i18n::t_args(ctx.lang, "seminar-invited", &[("count", n.into())]);
    page(&ctx, &state, &id, Some(msg)).await
}
