//! `/api/v1/meetings`, their participants and minutes; follow-ups; roadmaps.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use domain::directory::Names;
use domain::meetings::follow_ups::{FollowUpInput, FollowUpStatus};
use domain::meetings::minutes::{ItemText, MinutesInput, MinutesStatus};
use domain::meetings::{Meeting, MeetingInput, MeetingStatus, Presence};
use domain::ErrorKey;
use serde::{Deserialize, Serialize};
use storage::{FollowUpRecord, MeetingRecord};
use utoipa::ToSchema;

use super::NamesDto;
use super::{paging, patched, ApiJson, Page};
use crate::ctx::Ctx;
use crate::ops::meetings as ops;
use crate::ops::meetings::{can_read_group, visible_meeting};
use crate::OrNotFound;
use crate::{AppError, AppState};

/// A wall-clock start and end in one zone.
#[derive(Serialize, ToSchema)]
pub struct LocalTimes {
    pub zone: String,
    /// `YYYY-MM-DDTHH:MM`
    pub start: String,
    pub end: String,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingDto {
    pub id: String,
    pub group_id: String,
    pub title: NamesDto,
    /// The title in the partner's own languages, by BCP 47 tag (`{"ja": "…"}`).
    pub title_other: std::collections::BTreeMap<String, String>,
    /// The instants, in UTC.
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The zone of record.
    pub time_zone: String,
    /// Local times in the zone of record, then in each of the group's reference zones (Paris
    /// first, then the partner's: Seoul, Dakar …).
    pub local_times: Vec<LocalTimes>,
    /// `in_person`, `remote`, `hybrid`.
    pub format: String,
    pub place: Option<String>,
    pub link: Option<String>,
    /// `public` or `group`.
    pub visibility: String,
    /// `scheduled` or `cancelled`.
    pub status: String,
    /// Raised at every change of time, place or status (calendar SEQUENCE).
    pub sequence: i64,
    pub agenda: Vec<NamesDto>,
    pub version: i64,
}

impl MeetingDto {
    /// The meeting, its local times in its zone of record and the group's `group_zones`.
    fn new(r: &MeetingRecord, group_zones: &[chrono_tz::Tz]) -> Self {
        let m = &r.meeting;
        let zones = domain::time::display_zones(m.time_zone, group_zones);
        MeetingDto {
            id: m.id.clone(),
            group_id: m.group_id.clone(),
            title: (&m.title).into(),
            title_other: m.title_other.clone(),
            start: m.span.start,
            end: m.span.end,
            time_zone: m.time_zone.name().into(),
            local_times: zones
                .into_iter()
                .map(|z| {
                    let (s, e) = m.span.local(z);
                    LocalTimes {
                        zone: z.name().into(),
                        start: s.format("%Y-%m-%dT%H:%M").to_string(),
                        end: e.format("%Y-%m-%dT%H:%M").to_string(),
                    }
                })
                .collect(),
            format: m.format.code().into(),
            place: m.place.clone(),
            link: m.link.clone(),
            visibility: m.visibility.code().into(),
            status: m.status.code().into(),
            sequence: m.sequence,
            agenda: m.agenda.iter().map(NamesDto::from).collect(),
            version: r.version,
        }
    }
}

/// A meeting as written: local date and times in the zone of record.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingWrite {
    pub group_id: String,
    pub title: NamesDto,
    /// The title in the partner's own languages, by BCP 47 tag.
    #[serde(default)]
    pub title_other: std::collections::BTreeMap<String, String>,
    /// `YYYY-MM-DD`
    pub date: String,
    /// `HH:MM`
    pub start_time: String,
    /// `HH:MM`
    pub end_time: String,
    #[serde(default)]
    pub end_date: Option<String>,
    /// IANA zone, e.g. `Europe/Paris`.
    pub time_zone: String,
    pub format: String,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub visibility: Option<String>,
    #[serde(default)]
    pub agenda: Vec<NamesDto>,
    /// With `PATCH`: `scheduled` or `cancelled`.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub version: Option<i64>,
}

impl From<&Meeting> for MeetingWrite {
    /// The meeting as written, in its zone of record, for a `PATCH`.
    fn from(m: &Meeting) -> Self {
        let (start, end) = m.span.local(m.time_zone);
        MeetingWrite {
            group_id: m.group_id.clone(),
            title: NamesDto::from(&m.title),
            title_other: m.title_other.clone(),
            date: start.format("%Y-%m-%d").to_string(),
            start_time: start.format("%H:%M").to_string(),
            end_time: end.format("%H:%M").to_string(),
            end_date: (end.date() != start.date()).then(|| end.format("%Y-%m-%d").to_string()),
            time_zone: m.time_zone.name().to_string(),
            format: m.format.code().to_string(),
            place: m.place.clone(),
            link: m.link.clone(),
            visibility: Some(m.visibility.code().to_string()),
            agenda: m.agenda.iter().map(NamesDto::from).collect(),
            status: Some(m.status.code().to_string()),
            version: None,
        }
    }
}

impl MeetingWrite {
    fn input(&self) -> MeetingInput {
        MeetingInput {
            group_id: self.group_id.clone(),
            title: self.title.clone().into(),
            title_other: self.title_other.clone(),
            date: self.date.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            end_date: self.end_date.clone(),
            time_zone: self.time_zone.clone(),
            format: self.format.clone(),
            place: self.place.clone(),
            link: self.link.clone(),
            visibility: self.visibility.clone(),
            agenda: self.agenda.iter().cloned().map(Names::from).collect(),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/meetings", tag = "meetings",
    params(("group" = Option<String>, Query), ("limit" = Option<i64>, Query), ("offset" = Option<i64>, Query)),
    responses((status = 200, body = Page<MeetingDto>)))]
pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Page<MeetingDto>>, AppError> {
    let (limit, offset) = paging(&q)?;
    let db = &state.db;
    let mut items = Vec::new();
    let mut total = 0;
    let groups: Vec<String> = match q.get("group") {
        Some(g) => vec![g.clone()],
        None => db.groups().await?.into_iter().map(|g| g.id).collect(),
    };
    for g in groups {
        let public_only = !can_read_group(&ctx, db, &g).await?;
        let (records, n) = db.meetings(Some(&g), public_only, limit, offset).await?;
        total += n;
        let zones = crate::ops::groups::zones(&state, &g).await?;
        items.extend(records.iter().map(|r| MeetingDto::new(r, &zones)));
    }
    items.truncate(limit as usize);
    Ok(Json(Page {
        items,
        total,
        limit,
        offset,
    }))
}

#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = MeetingDto), (status = 404, body = super::ErrorEnvelope)))]
pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<MeetingDto>, AppError> {
    let rec = visible_meeting(&ctx, &state.db, &id).await?;
    let zones = crate::ops::groups::zones(&state, &rec.meeting.group_id).await?;
    Ok(Json(MeetingDto::new(&rec, &zones)))
}

#[utoipa::path(post, path = "/api/v1/meetings", tag = "meetings", request_body = MeetingWrite,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = MeetingDto), (status = 403, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<MeetingWrite>,
) -> Result<(StatusCode, Json<MeetingDto>), AppError> {
    let m = ops::create_meeting(&ctx, &state, &body.input()).await?;
    let rec = state.db.meeting(&m.id).await?.or_404()?;
    let zones = crate::ops::groups::zones(&state, &rec.meeting.group_id).await?;
    Ok((StatusCode::CREATED, Json(MeetingDto::new(&rec, &zones))))
}

#[utoipa::path(patch, path = "/api/v1/meetings/{id}", tag = "meetings", params(("id" = String, Path)),
    request_body(content = Object, description = "JSON merge patch of MeetingWrite"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = MeetingDto), (status = 409, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> Result<Json<MeetingDto>, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let body = patched(&MeetingWrite::from(&rec.meeting), &patch)?;
    let status = match body.status.as_deref() {
        None => None,
        Some(s) => Some(
            MeetingStatus::parse(s)
                .ok_or_else(|| AppError::field(ErrorKey::InvalidStatus, "status"))?,
        ),
    };
    ops::update_meeting(&ctx, &state, &rec, &body.input(), status, body.version).await?;
    let rec = state.db.meeting(&id).await?.or_404()?;
    let zones = crate::ops::groups::zones(&state, &rec.meeting.group_id).await?;
    Ok(Json(MeetingDto::new(&rec, &zones)))
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantDto {
    pub id: String,
    pub name: String,
    pub organisation_id: Option<String>,
    pub person_id: Option<String>,
    pub role_title: Option<String>,
    /// `invited`, `registered`, `present`, `excused`, `absent`.
    pub presence: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantWrite {
    /// The person's name; without it, the organisation itself is invited.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub organisation_id: Option<String>,
    #[serde(default)]
    pub role_title: Option<String>,
    #[serde(default)]
    pub presence: Option<String>,
}

fn presence(s: Option<&str>, default: Presence) -> Result<Presence, AppError> {
    match s {
        None => Ok(default),
        Some(p) => {
            Presence::parse(p).ok_or_else(|| AppError::field(ErrorKey::InvalidStatus, "presence"))
        }
    }
}

#[utoipa::path(get, path = "/api/v1/meetings/{id}/participants", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = Vec<ParticipantDto>)))]
pub async fn participants(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ParticipantDto>>, AppError> {
    visible_meeting(&ctx, &state.db, &id).await?;
    Ok(Json(
        state
            .db
            .participants(&id)
            .await?
            .into_iter()
            .map(|p| ParticipantDto {
                presence: p.presence.code().into(),
                id: p.id,
                name: p.name,
                organisation_id: p.organisation_id,
                person_id: p.person_id,
                role_title: p.role_title,
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/meetings/{id}/participants", tag = "meetings", params(("id" = String, Path)),
    request_body = ParticipantWrite, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = ParticipantDto), (status = 403, body = super::ErrorEnvelope)))]
pub async fn add_participant(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ParticipantWrite>,
) -> Result<(StatusCode, Json<ParticipantDto>), AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let presence = presence(body.presence.as_deref(), Presence::Invited)?;
    let p = ops::add_participant(
        &ctx,
        &state,
        &rec,
        &body.name,
        body.organisation_id,
        body.role_title.as_deref(),
        presence,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(ParticipantDto {
            presence: p.presence.code().into(),
            id: p.id,
            name: p.name,
            organisation_id: p.organisation_id,
            person_id: p.person_id,
            role_title: p.role_title,
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PresenceWrite {
    pub presence: String,
}

#[utoipa::path(patch, path = "/api/v1/meetings/{id}/participants/{pid}", tag = "meetings",
    params(("id" = String, Path), ("pid" = String, Path)), request_body = PresenceWrite,
    security(("bearer" = []), ("session" = [])), responses((status = 204)))]
pub async fn set_presence(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, pid)): Path<(String, String)>,
    ApiJson(body): ApiJson<PresenceWrite>,
) -> Result<StatusCode, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    ctx.require(&domain::accounts::Action::ManageMeetings {
        group: &rec.meeting.group_id,
    })?;
    let p = presence(Some(&body.presence), Presence::Invited)?;
    state.db.set_presence(&id, &pid, p).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct MinutesItemDto {
    pub agenda_position: usize,
    /// Markdown, per language.
    pub body: NamesDto,
}

#[derive(Serialize, ToSchema)]
pub struct MinutesDto {
    /// `draft`, `in_review`, `final`.
    pub status: String,
    pub version: i64,
    pub items: Vec<MinutesItemDto>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MinutesWrite {
    pub items: Vec<MinutesItemDto>,
    /// The version the text was written on; a save in between is a 409.
    #[serde(default)]
    pub version: Option<i64>,
    /// Required to correct final minutes.
    #[serde(default)]
    pub reason: Option<String>,
}

fn items_dto(items: &[ItemText]) -> Vec<MinutesItemDto> {
    items
        .iter()
        .map(|i| MinutesItemDto {
            agenda_position: i.agenda_position,
            body: (&i.body).into(),
        })
        .collect()
}

async fn minutes_dto(state: &AppState, id: &str) -> Result<MinutesDto, AppError> {
    let m = state.db.minutes(id).await?.or_404()?;
    Ok(MinutesDto {
        status: m.status.code().into(),
        version: m.current_version,
        items: items_dto(&m.items),
    })
}

#[utoipa::path(get, path = "/api/v1/meetings/{id}/minutes", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = MinutesDto)))]
pub async fn minutes(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<MinutesDto>, AppError> {
    visible_meeting(&ctx, &state.db, &id).await?;
    Ok(Json(minutes_dto(&state, &id).await?))
}

#[utoipa::path(put, path = "/api/v1/meetings/{id}/minutes", tag = "meetings", params(("id" = String, Path)),
    request_body = MinutesWrite, security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = MinutesDto), (status = 403, body = super::ErrorEnvelope),
        (status = 409, body = super::ErrorEnvelope), (status = 422, body = super::ErrorEnvelope)))]
pub async fn save_minutes(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MinutesWrite>,
) -> Result<Json<MinutesDto>, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let input = MinutesInput {
        items: body
            .items
            .iter()
            .map(|i| ItemText {
                agenda_position: i.agenda_position,
                body: i.body.clone().into(),
            })
            .collect(),
        reason: body.reason.clone(),
    };
    ops::save_minutes(&ctx, &state, &rec, &input, body.version).await?;
    Ok(Json(minutes_dto(&state, &id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusWrite {
    pub status: String,
}

#[utoipa::path(post, path = "/api/v1/meetings/{id}/minutes/status", tag = "meetings", params(("id" = String, Path)),
    request_body = StatusWrite, security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = MinutesDto), (status = 409, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn minutes_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<StatusWrite>,
) -> Result<Json<MinutesDto>, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let to = MinutesStatus::parse(&body.status)
        .ok_or_else(|| AppError::field(ErrorKey::InvalidStatus, "status"))?;
    ops::set_minutes_status(&ctx, &state, &rec, to).await?;
    Ok(Json(minutes_dto(&state, &id).await?))
}

#[derive(Serialize, ToSchema)]
pub struct MinutesVersionDto {
    pub number: i64,
    pub status: String,
    /// `edit`, `status`, `correction`.
    pub kind: String,
    pub reason: Option<String>,
    pub author: Option<String>,
    pub created_at: DateTime<Utc>,
    pub items: Vec<MinutesItemDto>,
}

#[utoipa::path(get, path = "/api/v1/meetings/{id}/minutes/versions", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = Vec<MinutesVersionDto>)))]
pub async fn minutes_versions(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<MinutesVersionDto>>, AppError> {
    visible_meeting(&ctx, &state.db, &id).await?;
    Ok(Json(
        state
            .db
            .minutes_versions(&id)
            .await?
            .into_iter()
            .map(|v| MinutesVersionDto {
                number: v.number,
                status: v.status.code().into(),
                kind: v.kind,
                reason: v.reason,
                author: v.author_name,
                created_at: storage::utc(v.created_at),
                items: items_dto(&v.items),
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct FollowUpDto {
    pub id: String,
    pub group_id: String,
    pub meeting_id: Option<String>,
    pub text: NamesDto,
    pub owner_organisation: Option<String>,
    pub owner_text: Option<String>,
    /// Period code: `2021-03`, `2021-11..2021-12`, `2022-early`, `2021`, `2021-06-15`.
    pub due: Option<String>,
    /// `open`, `in_progress`, `done`, `dropped`.
    pub status: String,
}

impl From<&FollowUpRecord> for FollowUpDto {
    fn from(r: &FollowUpRecord) -> Self {
        FollowUpDto {
            id: r.id.clone(),
            group_id: r.group_id.clone(),
            meeting_id: r.meeting_id.clone(),
            text: (&r.follow_up.text).into(),
            owner_organisation: r.follow_up.owner_organisation.clone(),
            owner_text: r.follow_up.owner_text.clone(),
            due: r.follow_up.due.map(|d| d.code()),
            status: r.follow_up.status.code().into(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpWrite {
    pub text: NamesDto,
    #[serde(default)]
    pub owner_organisation: Option<String>,
    #[serde(default)]
    pub owner_text: Option<String>,
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub agenda_position: Option<usize>,
}

#[utoipa::path(get, path = "/api/v1/meetings/{id}/follow-ups", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = Vec<FollowUpDto>)))]
pub async fn meeting_follow_ups(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<FollowUpDto>>, AppError> {
    visible_meeting(&ctx, &state.db, &id).await?;
    Ok(Json(
        state
            .db
            .follow_ups_of_meeting(&id)
            .await?
            .iter()
            .map(FollowUpDto::from)
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/meetings/{id}/follow-ups", tag = "meetings", params(("id" = String, Path)),
    request_body = FollowUpWrite, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = FollowUpDto), (status = 422, body = super::ErrorEnvelope)))]
pub async fn add_follow_up(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<FollowUpWrite>,
) -> Result<(StatusCode, Json<FollowUpDto>), AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let fid = ops::add_follow_up(
        &ctx,
        &state,
        &rec,
        &FollowUpInput {
            text: body.text.into(),
            owner_organisation: body.owner_organisation,
            owner_text: body.owner_text,
            due: body.due,
            status: None,
            agenda_position: body.agenda_position,
        },
    )
    .await?;
    let f = state.db.follow_up(&fid).await?.or_404()?;
    Ok((StatusCode::CREATED, Json((&f).into())))
}

#[utoipa::path(get, path = "/api/v1/groups/{id}/follow-ups", tag = "meetings",
    params(("id" = String, Path), ("open" = Option<bool>, Query, description = "only those still to do")),
    security(("bearer" = []), ("session" = [])), responses((status = 200, body = Vec<FollowUpDto>)))]
pub async fn group_follow_ups(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(group): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Vec<FollowUpDto>>, AppError> {
    state.db.group(&group).await?.or_404()?;
    if !can_read_group(&ctx, &state.db, &group).await? {
        return Err(if ctx.user.is_none() {
            AppError::new(ErrorKey::Unauthenticated)
        } else {
            AppError::forbidden()
        });
    }
    let open = crate::input::query_bool(&q, "open")?;
    Ok(Json(
        state
            .db
            .follow_ups(&group, open)
            .await?
            .iter()
            .map(FollowUpDto::from)
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpStatusWrite {
    pub status: String,
    /// The meeting at which the change was made.
    #[serde(default)]
    pub meeting_id: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[utoipa::path(patch, path = "/api/v1/follow-ups/{id}", tag = "meetings", params(("id" = String, Path)),
    request_body = FollowUpStatusWrite, security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = FollowUpDto), (status = 403, body = super::ErrorEnvelope)))]
pub async fn update_follow_up(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<FollowUpStatusWrite>,
) -> Result<Json<FollowUpDto>, AppError> {
    let status = FollowUpStatus::parse(&body.status)
        .ok_or_else(|| AppError::field(ErrorKey::InvalidStatus, "status"))?;
    ops::set_follow_up_status(
        &ctx,
        &state,
        &id,
        status,
        body.meeting_id.as_deref(),
        body.note.as_deref(),
    )
    .await?;
    let f = state.db.follow_up(&id).await?.or_404()?;
    Ok(Json((&f).into()))
}

#[derive(Serialize, ToSchema)]
pub struct RoadmapDto {
    pub group_id: String,
    pub year: i64,
    pub summary: NamesDto,
    #[schema(value_type = Object)]
    pub axes: serde_json::Value,
}

#[utoipa::path(get, path = "/api/v1/groups/{id}/roadmaps/{year}", tag = "meetings",
    params(("id" = String, Path), ("year" = i64, Path)), responses((status = 200, body = RoadmapDto)))]
pub async fn roadmap(
    State(state): State<AppState>,
    Path((group, year)): Path<(String, i64)>,
) -> Result<Json<RoadmapDto>, AppError> {
    let r = state.db.roadmap(&group, year).await?.or_404()?;
    let axes = r
        .axes
        .iter()
        .map(|a| {
            serde_json::json!({
                "id": a.id, "title": NamesDto::from(&a.title),
                "actions": a.actions.iter().map(|x| serde_json::json!({
                    "id": x.id, "title": NamesDto::from(&x.title),
                    "owner_organisation": x.owner_organisation, "owner_text": x.owner_text,
                    "period": x.period.map(|p| p.code()), "status": x.status.code(),
                    "milestones": x.milestones.iter().map(|m| serde_json::json!({
                        "id": m.id, "title": NamesDto::from(&m.title),
                        "period": m.period.map(|p| p.code()), "status": m.status.code(),
                    })).collect::<Vec<_>>(),
                    "links": x.links.iter().map(|(k, id)| serde_json::json!({"type": k, "id": id})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(Json(RoadmapDto {
        group_id: r.group_id,
        year: r.year,
        summary: (&r.summary).into(),
        axes,
    }))
}

#[utoipa::path(put, path = "/api/v1/groups/{id}/roadmaps/{year}", tag = "meetings",
    params(("id" = String, Path), ("year" = i64, Path)), request_body = crate::ops::roadmap::RoadmapWrite,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = RoadmapDto), (status = 403, body = super::ErrorEnvelope),
        (status = 422, body = super::ErrorEnvelope)))]
pub async fn replace_roadmap(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((group, year)): Path<(String, i64)>,
    ApiJson(body): ApiJson<crate::ops::roadmap::RoadmapWrite>,
) -> Result<Json<RoadmapDto>, AppError> {
    crate::ops::roadmap::replace(&ctx, &state, &group, year, &body).await?;
    roadmap(State(state), Path((group, year))).await
}
