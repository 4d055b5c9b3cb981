//! `/api/v1/seminars`, the series' line-up, slots and registrations.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use domain::accounts::Action;
use domain::seminars::programme::{PresentationInput, SeminarInput, SeriesInput};
use domain::ErrorKey;
use serde::{Deserialize, Serialize};
use storage::Seminar;
use utoipa::ToSchema;

use super::NamesDto;
use super::{patched, ApiJson, Page};
use crate::ctx::Ctx;
use crate::OrNotFound;
use crate::{AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct PresentationDto {
    pub id: String,
    pub position: i64,
    pub organisation_id: Option<String>,
    pub speaker: Option<String>,
    pub title: NamesDto,
    pub duration_minutes: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SeminarDto {
    pub id: String,
    pub series_id: String,
    pub number: i64,
    pub theme: NamesDto,
    /// The theme in the partner's own languages, by BCP 47 tag.
    pub theme_other: std::collections::BTreeMap<String, String>,
    /// Period code while no date is set (`2021-06`, `2021-11..2021-12`).
    pub planned_period: Option<String>,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    pub time_zone: String,
    pub duration_minutes: i64,
    pub format: String,
    pub link: Option<String>,
    pub capacity: Option<i64>,
    /// `members` or `public`.
    pub audience: String,
    /// `planned`, `scheduled`, `held`, `cancelled`.
    pub status: String,
    pub facilitators: Vec<String>,
    pub programme: Vec<PresentationDto>,
    pub version: i64,
}

async fn dto(state: &AppState, s: &Seminar) -> Result<SeminarDto, AppError> {
    Ok(SeminarDto {
        id: s.id.clone(),
        series_id: s.series_id.clone(),
        number: s.position + 1,
        theme_other: s.theme_other.clone(),
        theme: (&s.theme).into(),
        planned_period: s.planned_period.map(|p| p.code()),
        start: s.span.map(|x| x.start),
        end: s.span.map(|x| x.end),
        time_zone: s.time_zone.name().into(),
        duration_minutes: s.duration_minutes,
        format: s.format.clone(),
        link: s.link.clone(),
        capacity: s.capacity,
        audience: s.audience.code().into(),
        status: s.status.code().into(),
        facilitators: state
            .db
            .facilitators(&s.id)
            .await?
            .into_iter()
            .filter(|(_, st)| *st >= 0)
            .map(|(o, _)| o)
            .collect(),
        programme: state
            .db
            .presentations(&s.id)
            .await?
            .into_iter()
            .map(|p| PresentationDto {
                id: p.id,
                position: p.position,
                organisation_id: p.organisation_id,
                speaker: p.speaker,
                title: (&p.title).into(),
                duration_minutes: p.duration_minutes,
            })
            .collect(),
        version: s.version,
    })
}

#[utoipa::path(get, path = "/api/v1/seminars", tag = "seminars",
    params(("series" = Option<String>, Query, description = "a series id; default: every series of the first group")),
    responses((status = 200, body = Page<SeminarDto>)))]
pub async fn list(
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Page<SeminarDto>>, AppError> {
    let series: Vec<String> = match q.get("series") {
        Some(s) => vec![s.clone()],
        None => {
            let group = state
                .db
                .groups()
                .await?
                .first()
                .map(|g| g.id.clone())
                .unwrap_or_default();
            state
                .db
                .series_of_group(&group)
                .await?
                .into_iter()
                .map(|s| s.id)
                .collect()
        }
    };
    let mut items = Vec::new();
    for s in series {
        for sem in state.db.seminars(&s).await? {
            items.push(dto(&state, &sem).await?);
        }
    }
    let total = items.len() as i64;
    Ok(Json(Page {
        items,
        total,
        limit: total.max(1),
        offset: 0,
    }))
}

#[utoipa::path(get, path = "/api/v1/seminars/{id}", tag = "seminars", params(("id" = String, Path)),
    responses((status = 200, body = SeminarDto), (status = 404, body = super::ErrorEnvelope)))]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<SeminarDto>, AppError> {
    let s = state.db.seminar(&id).await?.or_404()?;
    Ok(Json(dto(&state, &s).await?))
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeminarWrite {
    pub theme: NamesDto,
    #[serde(default)]
    pub theme_other: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub planned_period: Option<String>,
    #[serde(default)]
    pub start: Option<DateTime<Utc>>,
    pub duration_minutes: i64,
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub capacity: Option<i64>,
    pub audience: String,
    pub status: String,
    #[serde(default)]
    pub version: Option<i64>,
}

impl From<&Seminar> for SeminarWrite {
    /// The seminar as written, for a `PATCH`.
    fn from(s: &Seminar) -> Self {
        SeminarWrite {
            theme: NamesDto::from(&s.theme),
            theme_other: s.theme_other.clone(),
            planned_period: s.planned_period.map(|p| p.code()),
            start: s.span.map(|x| x.start),
            duration_minutes: s.duration_minutes,
            link: s.link.clone(),
            capacity: s.capacity,
            audience: s.audience.code().to_string(),
            status: s.status.code().to_string(),
            version: None,
        }
    }
}

#[utoipa::path(patch, path = "/api/v1/seminars/{id}", tag = "seminars", params(("id" = String, Path)),
    request_body(content = Object, description = "JSON merge patch of SeminarWrite"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SeminarDto), (status = 403, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> Result<Json<SeminarDto>, AppError> {
    let (s, series) = crate::ops::seminars::seminar_and_series(&state, &id).await?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let w = patched(&SeminarWrite::from(&s), &patch)?;
    let input = SeminarInput {
        theme: w.theme.into(),
        theme_other: w.theme_other,
        planned_period: w.planned_period,
        start: w.start,
        duration_minutes: w.duration_minutes,
        link: w.link,
        capacity: w.capacity,
        audience: Some(w.audience),
        status: Some(w.status),
    };
    crate::ops::programme::update_seminar(&ctx, &state, &id, &input, w.version).await?;
    let s = state.db.seminar(&id).await?.or_404()?;
    Ok(Json(dto(&state, &s).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PresentationWrite {
    pub title: NamesDto,
    #[serde(default)]
    pub organisation_id: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    pub duration_minutes: i64,
}

#[utoipa::path(post, path = "/api/v1/seminars/{id}/presentations", tag = "seminars", params(("id" = String, Path)),
    request_body = PresentationWrite, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SeminarDto), (status = 422, body = super::ErrorEnvelope)))]
pub async fn add_presentation(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(w): ApiJson<PresentationWrite>,
) -> Result<(StatusCode, Json<SeminarDto>), AppError> {
    let input = PresentationInput {
        title: w.title.into(),
        organisation_id: w.organisation_id,
        speaker: w.speaker,
        duration_minutes: w.duration_minutes,
    };
    crate::ops::programme::add_presentation(&ctx, &state, &id, &input).await?;
    let s = state.db.seminar(&id).await?.or_404()?;
    Ok((StatusCode::CREATED, Json(dto(&state, &s).await?)))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub struct RegistrationWrite {
    /// For the public (seminars open to the public); members register as themselves.
    pub name: String,
    pub email: String,
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationDto {
    /// `registered` or `waitlisted`.
    pub status: String,
}

#[utoipa::path(post, path = "/api/v1/seminars/{id}/registrations", tag = "seminars", params(("id" = String, Path)),
    request_body = RegistrationWrite, responses((status = 201, body = RegistrationDto), (status = 409, body = super::ErrorEnvelope)))]
pub async fn register(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(w): ApiJson<RegistrationWrite>,
) -> Result<(StatusCode, Json<RegistrationDto>), AppError> {
    let status = crate::ops::seminars::register(&ctx, &state, &id, &w.name, &w.email).await?;
    Ok((
        StatusCode::CREATED,
        Json(RegistrationDto {
            status: status.code().into(),
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/series/{id}/lineup", tag = "seminars",
    params(("id" = String, Path),
        ("allow_partial" = Option<bool>, Query, description = "when no full line-up exists, the one that fills the most places (`status: partial`, `unfilled`)")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object, description = "the solution, in the contracts' form")))]
pub async fn lineup(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<lineup::Solution>, AppError> {
    let series = state.db.series(&id).await?.or_404()?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let (mut problem, _) = crate::ops::lineup::problem(&state, &id).await?;
    problem.allow_partial = crate::input::query_bool(&q, "allow_partial")?;
    let solution = crate::ops::lineup::solve(&problem)?;
    Ok(Json(solution))
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationItem {
    pub id: String,
    pub name: String,
    pub email: String,
    pub organisation_id: Option<String>,
    /// `registered`, `waitlisted`, `cancelled`.
    pub status: String,
    pub attended: bool,
}

#[utoipa::path(get, path = "/api/v1/seminars/{id}/registrations", tag = "seminars", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 200, body = Vec<RegistrationItem>)))]
pub async fn registrations(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<RegistrationItem>>, AppError> {
    let (_, series) = crate::ops::seminars::seminar_and_series(&state, &id).await?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let list = state.db.registrations(&id).await?;
    crate::ops::audit::personal_export(
        &state,
        &ctx,
        format!("seminar:{id}:registrations"),
        list.len(),
    )
    .await?;
    Ok(Json(
        list.into_iter()
            .map(|r| RegistrationItem {
                status: r.status.code().into(),
                id: r.id,
                name: r.name,
                email: r.email,
                organisation_id: r.organisation_id,
                attended: r.attended,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationChange {
    /// `cancelled` to cancel (the registrant or the coordinators).
    #[serde(default)]
    pub status: Option<String>,
    /// Attendance, recorded by the coordinators.
    #[serde(default)]
    pub attended: Option<bool>,
}

#[utoipa::path(patch, path = "/api/v1/seminars/{id}/registrations/{rid}", tag = "seminars",
    params(("id" = String, Path), ("rid" = String, Path)), request_body = RegistrationChange,
    security(("bearer" = []), ("session" = [])), responses((status = 204), (status = 403, body = super::ErrorEnvelope)))]
pub async fn change_registration(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, rid)): Path<(String, String)>,
    ApiJson(w): ApiJson<RegistrationChange>,
) -> Result<StatusCode, AppError> {
    if let Some(attended) = w.attended {
        let (_, series) = crate::ops::seminars::seminar_and_series(&state, &id).await?;
        ctx.require(&Action::ManageMeetings {
            group: &series.group_id,
        })?;
        state.db.set_attended(&id, &rid, attended).await?;
    }
    match w.status.as_deref() {
        None => {}
        Some("cancelled") => {
            crate::ops::seminars::cancel_registration(&ctx, &state, &id, &rid).await?
        }
        Some(_) => return Err(AppError::field(ErrorKey::InvalidStatus, "status")),
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct InvitationsDto {
    pub queued: i64,
}

#[utoipa::path(post, path = "/api/v1/seminars/{id}/invitations", tag = "seminars", params(("id" = String, Path)),
    security(("bearer" = []), ("session" = [])), responses((status = 202, body = InvitationsDto)))]
pub async fn invite(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<InvitationsDto>), AppError> {
    let queued = crate::ops::seminars::invite_members(&ctx, &state, &id).await?;
    Ok((StatusCode::ACCEPTED, Json(InvitationsDto { queued })))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesWrite {
    pub group_id: String,
    pub year: i64,
    pub title: NamesDto,
    /// The title in the partner's own languages, by BCP 47 tag.
    #[serde(default)]
    pub title_other: std::collections::BTreeMap<String, String>,
}

#[derive(Serialize, ToSchema)]
pub struct SeriesDto {
    pub id: String,
    pub group_id: String,
    pub year: i64,
    pub title: NamesDto,
    pub title_other: std::collections::BTreeMap<String, String>,
}

#[utoipa::path(post, path = "/api/v1/series", tag = "seminars", request_body = SeriesWrite,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SeriesDto), (status = 409, body = super::ErrorEnvelope)))]
pub async fn create_series(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiJson(w): ApiJson<SeriesWrite>,
) -> Result<(StatusCode, Json<SeriesDto>), AppError> {
    let input = SeriesInput {
        year: w.year,
        title: w.title.into(),
        title_other: w.title_other,
    };
    let series = crate::ops::programme::create_series(&ctx, &state, &w.group_id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(SeriesDto {
            id: series.id,
            group_id: series.group_id,
            year: series.year,
            title: (&series.title).into(),
            title_other: series.title_other.clone(),
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeminarCreate {
    pub theme: NamesDto,
    #[serde(default)]
    pub theme_other: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub planned_period: Option<String>,
    #[serde(default = "default_duration")]
    pub duration_minutes: i64,
    #[serde(default)]
    pub capacity: Option<i64>,
    #[serde(default)]
    pub audience: Option<String>,
}

fn default_duration() -> i64 {
    90
}

#[utoipa::path(post, path = "/api/v1/series/{id}/seminars", tag = "seminars", params(("id" = String, Path)),
    request_body = SeminarCreate, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SeminarDto), (status = 422, body = super::ErrorEnvelope)))]
pub async fn create_seminar(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(series_id): Path<String>,
    ApiJson(w): ApiJson<SeminarCreate>,
) -> Result<(StatusCode, Json<SeminarDto>), AppError> {
    let input = SeminarInput {
        theme: w.theme.into(),
        theme_other: w.theme_other,
        planned_period: w.planned_period,
        duration_minutes: w.duration_minutes,
        capacity: w.capacity,
        audience: w.audience,
        ..SeminarInput::default()
    };
    let id = crate::ops::programme::create_seminar(&ctx, &state, &series_id, &input).await?;
    let s = state.db.seminar(&id).await?.or_404()?;
    Ok((StatusCode::CREATED, Json(dto(&state, &s).await?)))
}
