//! The network's country groups: the secretariat creates them; the secretariat and a group's
//! coordinators edit its settings and its members. Rules in `domain::groups::GroupInput`.

use domain::accounts::Action;
use domain::groups::{GroupInput, GroupRole};
use domain::ErrorKey;
use storage::Group;

use crate::ctx::Ctx;
use crate::ops::audit::event;
use crate::OrNotFound;
use crate::{AppError, AppState};

/// Who writes the e-mails of a group: the network and the group, in the reader's language.
pub struct Sender {
    pub network: domain::directory::Names,
    pub group: Group,
}

impl Sender {
    /// "— Cités Unies France, Groupe-pays Corée", in `lang`.
    pub fn signature(&self, lang: i18n::Lang) -> String {
        i18n::t_args(
            lang,
            "email-signature",
            &[
                ("network", self.network.get(lang.code()).into()),
                ("group", self.group.name_in(lang.code()).into()),
            ],
        )
    }

    pub fn zones(&self) -> &[chrono_tz::Tz] {
        &self.group.time_zones
    }
}

/// The sender of a group's e-mails.
pub async fn sender(state: &AppState, group: &str) -> Result<Sender, AppError> {
    let group = state.db.group(group).await?.or_404()?;
    let network = state
        .db
        .network_names(&group.network_id)
        .await?
        .unwrap_or_default();
    Ok(Sender { network, group })
}

/// The reference zones of a group (Paris first), or Paris alone for a group that is gone.
pub async fn zones(state: &AppState, group: &str) -> Result<Vec<chrono_tz::Tz>, AppError> {
    Ok(state
        .db
        .group(group)
        .await?
        .map(|g| g.time_zones)
        .unwrap_or_else(|| vec![domain::time::PARIS]))
}

/// A new country group (the secretariat).
pub async fn create_group(
    ctx: &Ctx,
    state: &AppState,
    input: &GroupInput,
) -> Result<Group, AppError> {
    ctx.require(&Action::ManageNetwork)?;
    let mut tx = state.db.begin().await?;
    let network = state.db.network_id(&mut tx).await?;
    let group = input.validate(&network)?;
    state.db.insert_group(&mut tx, &group).await?;
    tx.commit().await?;
    let e = event(ctx, "group_created").target(format!("group:{}", group.id));
    state.db.audit(&e).await?;
    Ok(group)
}

/// A group's settings changed (its id stays); a stale `version` is a conflict.
pub async fn update_group(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    input: &GroupInput,
    version: Option<i64>,
) -> Result<Group, AppError> {
    let old = state.db.group(id).await?.or_404()?;
    ctx.require(&Action::ManageGroup { group: id })?;
    let mut input = input.clone();
    input.id = id.to_string();
    let group = input.validate(&old.network_id)?;
    state
        .db
        .update_group(&group, version.unwrap_or(old.version))
        .await?;
    let e = event(ctx, "group_changed").target(format!("group:{id}"));
    state.db.audit(&e).await?;
    state.db.group(id).await?.or_404()
}

/// An organisation joins a group with a role (or changes role); one already in it is moved to
/// the new role.
pub async fn add_member(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    organisation: &str,
    role: GroupRole,
) -> Result<(), AppError> {
    state.db.group(group).await?.or_404()?;
    ctx.require(&Action::ManageGroup { group })?;
    let org = state.db.organisation(organisation).await?;
    if org.as_ref().is_none_or(|o| o.archived_at.is_some()) {
        return Err(AppError::field(
            ErrorKey::UnknownOrganisation,
            "organisation_id",
        ));
    }
    let mut tx = state.db.begin().await?;
    state
        .db
        .add_group_member(&mut tx, group, organisation, role)
        .await?;
    tx.commit().await?;
    let e = event(ctx, "member_added")
        .target(format!("group:{group}"))
        .detail(format!("{organisation} {}", role.code()));
    state.db.audit(&e).await?;
    Ok(())
}

/// An organisation leaves a group; its history there stays.
pub async fn remove_member(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    organisation: &str,
) -> Result<(), AppError> {
    state.db.group(group).await?.or_404()?;
    ctx.require(&Action::ManageGroup { group })?;
    if !state.db.remove_group_member(group, organisation).await? {
        return Err(AppError::not_found());
    }
    let e = event(ctx, "member_removed")
        .target(format!("group:{group}"))
        .detail(organisation.to_string());
    state.db.audit(&e).await?;
    Ok(())
}
