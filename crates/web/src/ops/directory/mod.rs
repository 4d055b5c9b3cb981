//! Changing the directory: organisations here (their editors and the secretariat) and
//! archiving (the secretariat); partnerships, contacts, actions, documents and themes in
//! `records`. Every change is kept in the history with who made it.

pub mod records;

use domain::accounts::Action;
use domain::directory::OrganisationInput;
use domain::ErrorKey;

use crate::ctx::Ctx;
use crate::{AppError, AppState};

/// Checks that a new parent exists and does not make a cycle.
pub async fn check_parent(
    state: &AppState,
    id: &str,
    parent: Option<&str>,
) -> Result<(), AppError> {
    let mut next = parent.map(str::to_string);
    let mut steps = 0;
    while let Some(p) = next {
        if p == id || steps > 20 {
            return Err(AppError::field(ErrorKey::ParentCycle, "parent_id"));
        }
        let rec = state
            .db
            .organisation(&p)
            .await?
            .ok_or_else(|| AppError::field(ErrorKey::UnknownOrganisation, "parent_id"))?;
        next = rec.org.parent_id;
        steps += 1;
    }
    Ok(())
}

pub async fn update_organisation(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    input: &OrganisationInput,
    version: i64,
) -> Result<(), AppError> {
    ctx.require(&Action::EditOrganisation { organisation: id })?;
    let org = input.validate(id.to_string())?;
    check_parent(state, id, org.parent_id.as_deref()).await?;
    state
        .db
        .update_organisation_by(&org, version, ctx.user.as_ref().map(|u| u.id.as_str()))
        .await?;
    Ok(())
}

/// Creates an organisation (the secretariat): its id as given, or made from its country and
/// name (`domain::ids::organisation_id`) and made free; its parent must exist. Returns the id.
pub async fn create_organisation(
    ctx: &Ctx,
    state: &AppState,
    input: OrganisationInput,
) -> Result<String, AppError> {
    ctx.require(&Action::CreateOrganisation)?;
    let id = match input.id.clone() {
        Some(id) => id,
        None => {
            let base = domain::ids::organisation_id(&input.country, &input.names, "org");
            let mut candidate = base.clone();
            let mut n = 2;
            while !state
                .db
                .existing_organisation_ids(&[&candidate])
                .await?
                .is_empty()
            {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            candidate
        }
    };
    domain::ids::check_id(&id, "id")?;
    let org = input.validate(id.clone())?;
    check_parent(state, &id, org.parent_id.as_deref()).await?;
    let mut tx = state.db.begin().await?;
    state
        .db
        .insert_organisation(&mut tx, &org, &serde_json::json!({}))
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// Archives or restores a record; archived records leave the lists but keep their page and
/// history.
pub async fn set_archived(
    ctx: &Ctx,
    state: &AppState,
    record_type: &str,
    id: &str,
    archived: bool,
) -> Result<(), AppError> {
    ctx.require(&Action::CreateOrganisation)?;
    state
        .db
        .set_archived(
            record_type,
            id,
            archived,
            ctx.user.as_ref().map(|u| u.id.as_str()),
        )
        .await?;
    Ok(())
}
