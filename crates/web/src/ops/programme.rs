//! Writing a seminar series: the series, its seminars and each seminar's programme. The rules
//! are the inputs' `validate` in `domain::seminars::programme`; here: who may, what must exist.

use domain::accounts::Action;
use domain::seminars::programme::{PresentationInput, SeminarInput, SeriesInput};
use domain::seminars::SeminarStatus;
use domain::ErrorKey;
use storage::{Presentation, Seminar, Series};

use crate::ctx::Ctx;
use crate::ops::seminars::seminar_and_series;
use crate::OrNotFound;
use crate::{AppError, AppState};

/// A new series of `group` for a year (its coordinators).
pub async fn create_series(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    input: &SeriesInput,
) -> Result<Series, AppError> {
    ctx.require(&Action::ManageMeetings { group })?;
    state
        .db
        .group(group)
        .await?
        .ok_or_else(|| AppError::field(ErrorKey::NotFound, "group_id"))?;
    let series = input.validate(group)?;
    let mut tx = state.db.begin().await?;
    state.db.insert_series(&mut tx, &series).await?;
    tx.commit().await?;
    Ok(series)
}

/// A new seminar at the end of `series`; returns its id.
pub async fn create_seminar(
    ctx: &Ctx,
    state: &AppState,
    series: &str,
    input: &SeminarInput,
) -> Result<String, AppError> {
    let series = state.db.series(series).await?.or_404()?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let position = state.db.seminars(&series.id).await?.len() as i64;
    let seminar = input.create(&series.id, position)?;
    let mut tx = state.db.begin().await?;
    state.db.insert_seminar(&mut tx, &seminar).await?;
    tx.commit().await?;
    Ok(seminar.id)
}

/// A seminar edited (theme, period, start, duration, link, capacity, audience, status); a stale
/// `version` is a conflict.
pub async fn update_seminar(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    input: &SeminarInput,
    version: Option<i64>,
) -> Result<Seminar, AppError> {
    let s = managed_seminar(ctx, state, id).await?;
    save_seminar(state, &s, input, version.unwrap_or(s.version)).await
}

/// A seminar of a series the caller coordinates, or 404 / 403.
async fn managed_seminar(ctx: &Ctx, state: &AppState, id: &str) -> Result<Seminar, AppError> {
    let (s, series) = seminar_and_series(state, id).await?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    Ok(s)
}

async fn save_seminar(
    state: &AppState,
    s: &Seminar,
    input: &SeminarInput,
    version: i64,
) -> Result<Seminar, AppError> {
    let next = input.apply(s)?;
    state.db.update_seminar(&next, version).await?;
    Ok(next)
}

/// A seminar scheduled at `start` (a slot found by the finder), with its link when given.
pub async fn schedule_seminar(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    start: chrono::DateTime<chrono::Utc>,
    duration_minutes: i64,
    link: Option<&str>,
) -> Result<Seminar, AppError> {
    let s = managed_seminar(ctx, state, id).await?;
    let mut input = SeminarInput::of(&s);
    input.start = Some(start);
    input.duration_minutes = duration_minutes;
    input.status = Some(SeminarStatus::Scheduled.code().into());
    if let Some(l) = link.filter(|l| !l.trim().is_empty()) {
        input.link = Some(l.to_string());
    }
    save_seminar(state, &s, &input, s.version).await
}

/// A presentation added at the end of a seminar's programme; returns its id.
pub async fn add_presentation(
    ctx: &Ctx,
    state: &AppState,
    seminar: &str,
    input: &PresentationInput,
) -> Result<String, AppError> {
    managed_seminar(ctx, state, seminar).await?;
    let position = state.db.presentations(seminar).await?.len() as i64;
    let id = format!("{seminar}-p{}", &storage::random_token()[..8]);
    let p = input.validate(&id, position)?;
    check_organisation(state, &p).await?;
    let mut tx = state.db.begin().await?;
    state.db.insert_presentation(&mut tx, seminar, &p).await?;
    tx.commit().await?;
    Ok(id)
}

async fn check_organisation(state: &AppState, p: &Presentation) -> Result<(), AppError> {
    if let Some(o) = &p.organisation_id {
        if state.db.organisation(o).await?.is_none() {
            return Err(AppError::field(
                ErrorKey::UnknownOrganisation,
                "organisation_id",
            ));
        }
    }
    Ok(())
}

/// A presentation of the programme edited (title, organisation, speaker, length).
pub async fn update_presentation(
    ctx: &Ctx,
    state: &AppState,
    seminar: &str,
    id: &str,
    input: &PresentationInput,
) -> Result<(), AppError> {
    managed_seminar(ctx, state, seminar).await?;
    let current = state.db.presentations(seminar).await?;
    let old = current.iter().find(|p| p.id == id).or_404()?;
    let p = input.validate(id, old.position)?;
    check_organisation(state, &p).await?;
    state.db.update_presentation(seminar, &p).await?;
    Ok(())
}

/// A presentation taken off the programme (kept, marked removed).
pub async fn remove_presentation(
    ctx: &Ctx,
    state: &AppState,
    seminar: &str,
    id: &str,
) -> Result<(), AppError> {
    managed_seminar(ctx, state, seminar).await?;
    if !state.db.remove_presentation(seminar, id).await? {
        return Err(AppError::not_found());
    }
    Ok(())
}

/// A presentation moved one place earlier (`up`) or later in the programme.
pub async fn move_presentation(
    ctx: &Ctx,
    state: &AppState,
    seminar: &str,
    id: &str,
    up: bool,
) -> Result<(), AppError> {
    managed_seminar(ctx, state, seminar).await?;
    let mut ids: Vec<String> = state
        .db
        .presentations(seminar)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let i = ids.iter().position(|p| p == id).or_404()?;
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    if let Some(j) = j.filter(|&j| j < ids.len()) {
        ids.swap(i, j);
        state.db.reorder_presentations(seminar, &ids).await?;
    }
    Ok(())
}
