//! What can be done to meetings, minutes and follow-ups.

use domain::accounts::Action;
use domain::meetings::follow_ups::{FollowUpInput, FollowUpStatus};
use domain::meetings::minutes::{MinutesInput, MinutesStatus};
use domain::meetings::participants::{self, ParticipantInput};
use domain::meetings::{Meeting, MeetingInput, MeetingStatus, Presence};
use domain::ErrorKey;
use storage::{MeetingRecord, MinutesSave, Participant};

use crate::ctx::Ctx;
use crate::OrNotFound;
use crate::{AppError, AppState};
use domain::meetings::Visibility;
use storage::Db;

/// The organisations taking part in a meeting.
pub async fn participant_orgs(state: &AppState, meeting: &str) -> Result<Vec<String>, AppError> {
    Ok(state
        .db
        .participants(meeting)
        .await?
        .into_iter()
        .filter_map(|p| p.organisation_id)
        .collect())
}

pub async fn create_meeting(
    ctx: &Ctx,
    state: &AppState,
    input: &MeetingInput,
) -> Result<Meeting, AppError> {
    ctx.require(&Action::ManageMeetings {
        group: &input.group_id,
    })?;
    if state.db.group(&input.group_id).await?.is_none() {
        return Err(AppError::field(ErrorKey::NotFound, "group_id"));
    }
    let id = format!("m-{}", &storage::random_token()[..12]);
    let meeting = input.validate(id)?;
    let mut tx = state.db.begin().await?;
    state
        .db
        .insert_meeting(&mut tx, &meeting, &serde_json::json!({}))
        .await?;
    tx.commit().await?;
    Ok(meeting)
}

/// Replaces a meeting's details (its group and status stay, unless `status` is given).
pub async fn update_meeting(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
    input: &MeetingInput,
    status: Option<MeetingStatus>,
    version: Option<i64>,
) -> Result<(), AppError> {
    ctx.require(&Action::ManageMeetings {
        group: &rec.meeting.group_id,
    })?;
    let mut input = input.clone();
    input.group_id = rec.meeting.group_id.clone();
    let mut meeting = input.validate(rec.meeting.id.clone())?;
    meeting.status = status.unwrap_or(rec.meeting.status);
    state
        .db
        .update_meeting(&meeting, version.unwrap_or(rec.version))
        .await?;
    Ok(())
}

pub async fn cancel_meeting(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
) -> Result<(), AppError> {
    ctx.require(&Action::ManageMeetings {
        group: &rec.meeting.group_id,
    })?;
    let mut m = rec.meeting.clone();
    m.status = MeetingStatus::Cancelled;
    state.db.update_meeting(&m, rec.version).await?;
    Ok(())
}

/// Saves the text of the minutes as a new version: an edit before they are final (group
/// coordinators, editors of taking-part organisations), a correction with a reason after
/// (coordinators only).
pub async fn save_minutes(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
    input: &MinutesInput,
    expected_version: Option<i64>,
) -> Result<i64, AppError> {
    let id = &rec.meeting.id;
    let minutes = state.db.minutes(id).await?.or_404()?;
    let correction = minutes.status == MinutesStatus::Final;
    if correction {
        ctx.require(&Action::ManageMeetings {
            group: &rec.meeting.group_id,
        })?;
    } else {
        let orgs = participant_orgs(state, id).await?;
        ctx.require(&Action::EditMinutes {
            group: &rec.meeting.group_id,
            participants: &orgs,
        })?;
    }
    let items = input.validate(rec.meeting.agenda.len().max(1))?;
    let reason = if correction {
        Some(input.correction_reason()?)
    } else {
        None
    };
    let author = ctx.user.as_ref();
    Ok(state
        .db
        .save_minutes(
            id,
            &MinutesSave {
                items: &items,
                status: minutes.status,
                kind: if correction { "correction" } else { "edit" },
                reason: reason.as_deref(),
                author_id: author.map(|u| u.id.as_str()),
                author_name: author.map(|u| u.display_name.as_str()),
                expected_version,
            },
        )
        .await?)
}

/// Moves the minutes along draft → in review → final (coordinators).
pub async fn set_minutes_status(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
    to: MinutesStatus,
) -> Result<i64, AppError> {
    ctx.require(&Action::ManageMeetings {
        group: &rec.meeting.group_id,
    })?;
    let minutes = state.db.minutes(&rec.meeting.id).await?.or_404()?;
    minutes.status.check_move(to)?;
    let author = ctx.user.as_ref();
    Ok(state
        .db
        .save_minutes(
            &rec.meeting.id,
            &MinutesSave {
                items: &minutes.items,
                status: to,
                kind: "status",
                reason: None,
                author_id: author.map(|u| u.id.as_str()),
                author_name: author.map(|u| u.display_name.as_str()),
                expected_version: Some(minutes.current_version),
            },
        )
        .await?)
}

/// Invites someone (coordinators); checks the organisation exists.
pub async fn add_participant(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
    name: &str,
    organisation: Option<String>,
    role_title: Option<&str>,
    presence: Presence,
) -> Result<Participant, AppError> {
    ctx.require(&Action::ManageMeetings {
        group: &rec.meeting.group_id,
    })?;
    let id = &rec.meeting.id;
    let count = state.db.participants(id).await?.len() as i64;
    let input = ParticipantInput {
        name: name.to_string(),
        organisation_id: organisation,
        role_title: role_title.map(str::to_string),
    };
    let pid = format!("{id}-{}", &storage::random_token()[..10]);
    let p = input.validate(&pid, count, presence)?;
    if let Some(o) = &p.organisation_id {
        if state.db.organisation(o).await?.is_none() {
            return Err(AppError::field(
                ErrorKey::UnknownOrganisation,
                "organisation_id",
            ));
        }
    }
    let mut tx = state.db.begin().await?;
    state.db.add_participant(&mut tx, id, &p).await?;
    tx.commit().await?;
    Ok(p)
}

/// Decisions and follow-ups are part of the minutes: written by the same people, and locked
/// with them once final.
async fn may_record(ctx: &Ctx, state: &AppState, rec: &MeetingRecord) -> Result<(), AppError> {
    let orgs = participant_orgs(state, &rec.meeting.id).await?;
    ctx.require(&Action::EditMinutes {
        group: &rec.meeting.group_id,
        participants: &orgs,
    })?;
    let minutes = state.db.minutes(&rec.meeting.id).await?.or_404()?;
    minutes.status.check_edit()?;
    Ok(())
}

/// Records a follow-up decided at a meeting (coordinators and minute writers).
pub async fn add_follow_up(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
    input: &FollowUpInput,
) -> Result<String, AppError> {
    may_record(ctx, state, rec).await?;
    let f = input.validate()?;
    if let Some(o) = &f.owner_organisation {
        if state.db.organisation(o).await?.is_none() {
            return Err(AppError::field(
                ErrorKey::UnknownOrganisation,
                "owner_organisation",
            ));
        }
    }
    let id = format!("{}-f{}", rec.meeting.id, &storage::random_token()[..8]);
    let mut tx = state.db.begin().await?;
    state
        .db
        .insert_follow_up(
            &mut tx,
            &id,
            &rec.meeting.group_id,
            Some(&rec.meeting.id),
            &f,
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn set_follow_up_status(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    status: FollowUpStatus,
    meeting: Option<&str>,
    note: Option<&str>,
) -> Result<(), AppError> {
    let f = state.db.follow_up(id).await?.or_404()?;
    ctx.require(&Action::UpdateFollowUp {
        group: &f.group_id,
        owner: f.follow_up.owner_organisation.as_deref(),
    })?;
    let note = participants::status_note(note)?;
    if let Some(m) = meeting {
        if state.db.meeting(m).await?.is_none() {
            return Err(AppError::field(ErrorKey::NotFound, "meeting_id"));
        }
    }
    state
        .db
        .set_follow_up_status(
            id,
            status,
            meeting,
            note.as_deref(),
            ctx.user.as_ref().map(|u| u.id.as_str()),
        )
        .await?;
    Ok(())
}

/// Records a decision under an agenda item (the minute writers).
pub async fn add_decision(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
    text: domain::directory::Names,
    agenda_position: Option<usize>,
) -> Result<String, AppError> {
    may_record(ctx, state, rec).await?;
    let text = participants::decision_text(&text)?;
    if agenda_position.is_some_and(|p| p >= rec.meeting.agenda.len().max(1)) {
        return Err(AppError::field(ErrorKey::BadRequest, "agenda_position"));
    }
    let existing = state.db.decisions(&rec.meeting.id).await?.len() as i64;
    let id = format!("{}-d{}", rec.meeting.id, &storage::random_token()[..8]);
    let mut tx = state.db.begin().await?;
    state
        .db
        .insert_decision(
            &mut tx,
            &rec.meeting.id,
            &storage::Decision {
                id: id.clone(),
                agenda_position: agenda_position.map(|p| p as i64),
                text,
            },
            existing,
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The ids of the organisations that take part in a group.
pub async fn member_ids(db: &Db, group: &str) -> Result<Vec<String>, AppError> {
    Ok(db
        .group_members(group)
        .await?
        .into_iter()
        .map(|m| m.organisation.org.id)
        .collect())
}

/// Whether the actor may read the group's working space.
pub async fn can_read_group(ctx: &Ctx, db: &Db, group: &str) -> Result<bool, AppError> {
    let members = member_ids(db, group).await?;
    Ok(ctx.actor().can(&Action::ReadGroupWorkspace {
        group,
        member_of: &members,
    }))
}

/// A meeting the actor manages (the group's coordinators and the secretariat): 404 when it
/// does not exist, 401/403 when the actor may not.
pub async fn managed_meeting(ctx: &Ctx, db: &Db, id: &str) -> Result<MeetingRecord, AppError> {
    let rec = db.meeting(id).await?.or_404()?;
    ctx.require(&Action::ManageMeetings {
        group: &rec.meeting.group_id,
    })?;
    Ok(rec)
}

/// A meeting the actor may see: public ones for everyone, the others for the group.
pub async fn visible_meeting(ctx: &Ctx, db: &Db, id: &str) -> Result<MeetingRecord, AppError> {
    let rec = db.meeting(id).await?.or_404()?;
    if rec.meeting.visibility == Visibility::Public
        || can_read_group(ctx, db, &rec.meeting.group_id).await?
    {
        Ok(rec)
    } else if ctx.user.is_none() {
        Err(AppError::new(domain::ErrorKey::Unauthenticated))
    } else {
        Err(AppError::forbidden())
    }
}
