//! A meeting's participant and follow-up forms as pages of their own: where the meeting page's
//! short forms come back when a save is refused, with what was typed and the error beside its
//! field. Organisations are picked among the group's members, due dates among periods.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Datelike;
use domain::meetings::Presence;
use storage::MeetingRecord;

use crate::ctx::Ctx;
use crate::input::Form;
use crate::pages::directory::record_form::{back_to_form, Field, FormPage, Submitted};
use crate::OrNotFound;
use crate::{AppError, AppState};

/// The group's member organisations by name, "—" first: (id, name).
pub async fn member_options(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
) -> Result<Vec<(String, String)>, AppError> {
    let lang = ctx.lang;
    let mut orgs: Vec<(String, String)> = state
        .db
        .group_members(group)
        .await?
        .into_iter()
        .map(|m| {
            let o = m.organisation.org;
            (o.id.clone(), o.names.get(lang.code()).to_string())
        })
        .collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    orgs.insert(0, (String::new(), "—".into()));
    Ok(orgs)
}

fn page(rec: &MeetingRecord, ctx: &Ctx, title: &str, action: &str, fields: Vec<Field>) -> FormPage {
    FormPage {
        section: "meetings",
        title: ctx.t(title),
        back: (
            format!("/meetings/{}", rec.meeting.id),
            rec.meeting.title.get(ctx.lang.code()).to_string(),
        ),
        action: format!("/meetings/{}/{action}", rec.meeting.id),
        version: None,
        fields,
        archive: None,
        history: Vec::new(),
    }
}

async fn participant_form(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
    v: &Submitted,
) -> Result<FormPage, AppError> {
    let orgs = member_options(ctx, state, &rec.meeting.group_id).await?;
    let fields = vec![
        Field::text(ctx, "name", "attendance-name", v.get("name").as_deref()).required(),
        Field::text(
            ctx,
            "organisation_id",
            "meeting-invite-organisation",
            v.get("organisation_id").as_deref(),
        )
        .select(orgs),
        Field::text(
            ctx,
            "role_title",
            "attendance-role",
            v.get("role_title").as_deref(),
        ),
    ];
    Ok(page(rec, ctx, "meeting-invite", "participants", fields))
}

/// The coordinator adds a person to the participants (invited).
pub async fn add_participant(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let v = Submitted(pairs);
    let result = crate::ops::meetings::add_participant(
        &ctx,
        &state,
        &rec,
        &v.get("name").unwrap_or_default(),
        v.get("organisation_id"),
        v.get("role_title").as_deref(),
        Presence::Invited,
    )
    .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{id}#participants")).into_response()),
        Err(e) if back_to_form(&e) => Ok(participant_form(&ctx, &state, &rec, &v)
            .await?
            .render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

pub async fn participant_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = crate::ops::meetings::managed_meeting(&ctx, &state.db, &id).await?;
    let v = Submitted(Vec::new());
    Ok(participant_form(&ctx, &state, &rec, &v)
        .await?
        .render(&ctx, None))
}

async fn follow_up_form(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
    v: &Submitted,
) -> Result<FormPage, AppError> {
    let orgs = member_options(ctx, state, &rec.meeting.group_id).await?;
    let year = rec.meeting.span.start.year();
    let due = v.get("due");
    let fields = vec![
        Field::text(ctx, "text_fr", "in-french", v.get("text_fr").as_deref())
            .kind("textarea")
            .lang("fr"),
        Field::text(ctx, "text_ko", "in-korean", v.get("text_ko").as_deref())
            .kind("textarea")
            .lang("ko"),
        Field::text(ctx, "text_en", "in-english", v.get("text_en").as_deref())
            .kind("textarea")
            .lang("en"),
        Field::text(
            ctx,
            "owner_organisation",
            "meeting-invite-organisation",
            v.get("owner_organisation").as_deref(),
        )
        .select(orgs),
        Field::text(
            ctx,
            "owner_text",
            "follow-up-owner-text",
            v.get("owner_text").as_deref(),
        ),
        Field::text(ctx, "due", "follow-up-due-help", due.as_deref())
            .select(crate::view::period_options(ctx.lang, year, due.as_deref())),
    ];
    Ok(page(
        rec,
        ctx,
        "meeting-add-follow-up",
        "follow-ups",
        fields,
    ))
}

/// A follow-up of the meeting: its text, who carries it, when it is due.
pub async fn add_follow_up(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    let v = Submitted(pairs);
    let input = domain::meetings::follow_ups::FollowUpInput {
        text: domain::directory::Names {
            fr: v.get("text_fr"),
            ko: v.get("text_ko"),
            ko_latn: None,
            en: v.get("text_en"),
        },
        owner_organisation: v.get("owner_organisation"),
        owner_text: v.get("owner_text"),
        due: v.get("due"),
        status: None,
        agenda_position: v.get("agenda_position").and_then(|p| p.parse().ok()),
    };
    match crate::ops::meetings::add_follow_up(&ctx, &state, &rec, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{id}#follow-ups")).into_response()),
        Err(e) if back_to_form(&e) => Ok(follow_up_form(&ctx, &state, &rec, &v)
            .await?
            .render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

pub async fn follow_up_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = state.db.meeting(&id).await?.or_404()?;
    // Coordinators and the participants' editors may add one: the save checks which.
    if ctx.user.is_none() {
        return Err(AppError::new(domain::ErrorKey::Unauthenticated));
    }
    let v = Submitted(Vec::new());
    Ok(follow_up_form(&ctx, &state, &rec, &v)
        .await?
        .render(&ctx, None))
}
