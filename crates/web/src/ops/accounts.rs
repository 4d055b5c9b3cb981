//! An account's own sessions and tokens, the secretariat's accounts list, disabling an
//! account, and password resets by e-mail: one function each for pages, API (and the audit
//! log they write).

use domain::accounts::{Action, InvitationInput, Role};
use domain::ErrorKey;
use i18n::Lang;
use storage::{Email, SessionInfo, TokenInfo, UserSummary};

use crate::ctx::Ctx;
use crate::{AppError, AppState};

fn me(ctx: &Ctx) -> Result<&storage::User, AppError> {
    ctx.user
        .as_ref()
        .ok_or_else(|| AppError::new(ErrorKey::Unauthenticated))
}

use crate::ops::audit::event;

pub async fn sessions(ctx: &Ctx, state: &AppState) -> Result<Vec<SessionInfo>, AppError> {
    Ok(state.db.sessions_of(&me(ctx)?.id).await?)
}

pub async fn revoke_session(ctx: &Ctx, state: &AppState, id: &str) -> Result<(), AppError> {
    let user = me(ctx)?;
    if !state.db.revoke_session(&user.id, id).await? {
        return Err(AppError::not_found());
    }
    state
        .db
        .audit(&event(ctx, "session_revoked").target(format!("session:{id}")))
        .await?;
    Ok(())
}

pub async fn tokens(ctx: &Ctx, state: &AppState) -> Result<Vec<TokenInfo>, AppError> {
    Ok(state.db.tokens_of(&me(ctx)?.id).await?)
}

/// A new token of the signed-in account; the secret is shown once.
pub async fn create_token(ctx: &Ctx, state: &AppState, name: &str) -> Result<String, AppError> {
    let user = me(ctx)?;
    let name = domain::directory::clean_text(Some(name), "name", 100)?
        .ok_or_else(|| AppError::field(ErrorKey::Required, "name"))?;
    let secret = state.db.create_token(&user.id, &name).await?;
    state
        .db
        .audit(&event(ctx, "token_created").target(format!("token:{name}")))
        .await?;
    Ok(secret)
}

pub async fn revoke_token(ctx: &Ctx, state: &AppState, id: &str) -> Result<(), AppError> {
    let user = me(ctx)?;
    if state.db.revoke_token(Some(&user.id), id).await?.is_none() {
        return Err(AppError::not_found());
    }
    state
        .db
        .audit(&event(ctx, "token_revoked").target(format!("token:{id}")))
        .await?;
    Ok(())
}

pub async fn users(ctx: &Ctx, state: &AppState) -> Result<Vec<UserSummary>, AppError> {
    ctx.require(&Action::ManageUsers)?;
    Ok(state.db.users_summary().await?)
}

/// The secretariat disables an account (its sessions and tokens stop at once) or enables it.
pub async fn set_disabled(
    ctx: &Ctx,
    state: &AppState,
    user_id: &str,
    disabled: bool,
) -> Result<(), AppError> {
    ctx.require(&Action::ManageUsers)?;
    if disabled && ctx.user.as_ref().is_some_and(|u| u.id == user_id) {
        // Locking oneself out would leave nobody to undo it.
        return Err(AppError::forbidden());
    }
    if !state.db.set_user_disabled(user_id, disabled).await? {
        return Err(AppError::not_found());
    }
    let name = if disabled {
        "user_disabled"
    } else {
        "user_enabled"
    };
    state
        .db
        .audit(&event(ctx, name).target(format!("user:{user_id}")))
        .await?;
    Ok(())
}

/// Reset links asked in this window count against the limits below.
const RESET_WINDOW_MS: i64 = 60 * 60 * 1000;
const RESETS_PER_ADDRESS: i64 = 3;
const RESETS_PER_CLIENT: i64 = 20;

/// Sends a link to set a new password to an address, when an account has it. The answer is
/// the same either way (nobody learns who has an account); the e-mail goes through the outbox.
pub async fn request_password_reset(
    ctx: &Ctx,
    state: &AppState,
    email: &str,
) -> Result<(), AppError> {
    let email = domain::accounts::normalise_email(email, "email")?;
    // At most a few links an hour per address asked and per client: nobody can flood an
    // inbox through this form. The answer stays the same.
    let attempt = state
        .db
        .record_attempt(
            &[
                &format!("reset:{email}"),
                &format!("reset-ip:{}", ctx.client),
            ],
            RESET_WINDOW_MS,
        )
        .await?;
    if attempt.keys[0].count > RESETS_PER_ADDRESS || attempt.keys[1].count > RESETS_PER_CLIENT {
        tracing::warn!(email = %email, client = %ctx.client, "password reset throttled");
        state
            .db
            .audit(
                &event(ctx, "password_reset")
                    .target(format!("account:{email}"))
                    .detail("throttled"),
            )
            .await?;
        return Ok(());
    }
    let Some(user) = state.db.user_by_email(&email).await? else {
        state
            .db
            .audit(
                &event(ctx, "password_reset")
                    .target(format!("account:{email}"))
                    .detail("no such account"),
            )
            .await?;
        return Ok(());
    };
    let secret = state.db.create_password_reset(&user.id).await?;
    let lang = user
        .locale
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(ctx.lang);
    let link = format!(
        "{}/invitations/{secret}",
        state.config.public_url.trim_end_matches('/')
    );
    let mail = Email::new(
        "password_reset",
        &user.email,
        i18n::t(lang, "email-reset-subject"),
        i18n::t_args(
            lang,
            "email-reset-body",
            &[
                ("name", user.display_name.clone().into()),
                ("url", link.into()),
            ],
        ),
    );
    let mut tx = state.db.begin().await?;
    state.db.enqueue_email(&mut tx, &mail).await?;
    state
        .db
        .audit_in(
            &mut tx,
            &event(ctx, "password_reset").target(format!("user:{}", user.id)),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// What an invitation did: a new account with a link to choose a password, or one more role
/// for an account that already existed (a person in several groups).
pub struct Invited {
    pub user: storage::User,
    pub new_account: bool,
}

/// Who may give `role`: the secretariat any; a group's coordinators and president the roles of
/// their group, and editing to an organisation of their group; an editor, editing of their own
/// organisation.
async fn may_give(ctx: &Ctx, state: &AppState, role: &Role) -> Result<(), AppError> {
    match role {
        Role::Secretariat => ctx.require(&Action::ManageUsers),
        Role::President { group } | Role::Coordinator { group } | Role::Observer { group } => {
            if state.db.group(group).await?.is_none() {
                return Err(AppError::field(ErrorKey::UnknownGroup, "group"));
            }
            ctx.require(&Action::ManageGroup { group })
        }
        Role::Editor { organisation } => {
            if state.db.organisation(organisation).await?.is_none() {
                return Err(AppError::field(
                    ErrorKey::UnknownOrganisation,
                    "organisation",
                ));
            }
            let groups = state.db.groups_of(organisation).await?;
            // An organisation's editor may bring in a colleague; a group's coordinators the
            // editors of its organisations.
            if ctx.actor().can(&Action::EditOrganisation { organisation })
                || groups
                    .iter()
                    .any(|(g, _)| ctx.actor().can(&Action::ManageGroup { group: g }))
            {
                Ok(())
            } else {
                ctx.require(&Action::ManageUsers)
            }
        }
    }
}

/// The signature of an invitation: the role's group, else the organisation's first group,
/// else the network alone.
async fn signature(state: &AppState, role: &Role, lang: Lang) -> Result<String, AppError> {
    let group = match role {
        Role::Editor { organisation } => state
            .db
            .groups_of(organisation)
            .await?
            .into_iter()
            .next()
            .map(|(g, _)| g),
        other => other.group().map(str::to_string),
    };
    if let Some(g) = group {
        return Ok(crate::ops::groups::sender(state, &g).await?.signature(lang));
    }
    let network = state.db.the_network_names().await?.unwrap_or_default();
    Ok(format!("— {}", network.get(lang.code())))
}

/// Invites a person to the platform in a role, by e-mail: a new account gets a link to choose
/// its password (valid 7 days) built from the address the server is reached at; an existing
/// account gets the role and a message that says so. The account, the role, the invitation
/// and the e-mail are written in one transaction. Two people inviting one address at once: the
/// second finds the account the first made, and gives it the role.
pub async fn invite(
    ctx: &Ctx,
    state: &AppState,
    input: &InvitationInput,
) -> Result<Invited, AppError> {
    let inv = input.validate()?;
    may_give(ctx, state, &inv.role).await?;
    match invite_once(ctx, state, &inv).await {
        Err(e) if e.key == ErrorKey::DuplicateId && e.field.as_deref() == Some("email") => {
            invite_once(ctx, state, &inv).await
        }
        done => done,
    }
}

async fn invite_once(
    ctx: &Ctx,
    state: &AppState,
    inv: &domain::accounts::Invitation,
) -> Result<Invited, AppError> {
    let existing = state.db.user_by_email(&inv.email).await?;
    // Read before the write transaction: a transaction never waits for a second connection.
    let chose_password = match &existing {
        Some(u) => state.db.has_password(&u.id).await?,
        None => false,
    };
    let lang = inv
        .language
        .as_deref()
        .or(existing.as_ref().and_then(|u| u.locale.as_deref()))
        .and_then(Lang::parse)
        .unwrap_or(ctx.lang);
    let signature = signature(state, &inv.role, lang).await?;
    let role = crate::view::role_label(lang, &inv.role);
    let inviter = me(ctx)?.display_name.clone();
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let mut tx = state.db.begin().await?;
    // (the account, whether it is new, the secret of a link to choose a password)
    let (user, new_account, secret) = match existing {
        // An account that has chosen its password: the role is added, and it is told.
        Some(user) if chose_password => {
            state.db.add_role_in(&mut tx, &user.id, &inv.role).await?;
            (user, false, None)
        }
        // Invited before and never came (the link may have expired): a fresh link.
        Some(user) => {
            state.db.add_role_in(&mut tx, &user.id, &inv.role).await?;
            let secret = storage::random_token();
            state.db.invitation_in(&mut tx, &user.id, &secret).await?;
            (user, false, Some(secret))
        }
        None => {
            let secret = storage::random_token();
            let new = storage::NewUser {
                email: inv.email.clone(),
                display_name: inv.name.clone(),
                password: None,
                locale: Some(lang.code().to_string()),
                roles: vec![inv.role.clone()],
            };
            let user = state.db.invite_in(&mut tx, &new, &secret).await?;
            (user, true, Some(secret))
        }
    };
    let (kind, key, url) = match &secret {
        Some(secret) => (
            "account_invitation",
            "email-account-invitation",
            format!("{base}/invitations/{secret}"),
        ),
        None => ("role_added", "email-role-added", format!("{base}/login")),
    };
    let vars = [
        ("name", user.display_name.clone().into()),
        ("inviter", inviter.into()),
        ("role", role.into()),
        ("url", url.into()),
        ("signature", signature.into()),
    ];
    let body = i18n::t_args(lang, &format!("{key}-body"), &vars);
    let subject = i18n::t(lang, &format!("{key}-subject"));
    let mail = Email::new(kind, &user.email, subject, body);
    state.db.enqueue_email(&mut tx, &mail).await?;
    let detail = format!("{}{}", inv.role.code(), binding(&inv.role));
    state
        .db
        .audit_in(
            &mut tx,
            &event(ctx, "user_invited")
                .target(format!("user:{}", user.id))
                .detail(detail),
        )
        .await?;
    tx.commit().await?;
    Ok(Invited { user, new_account })
}

fn binding(role: &Role) -> String {
    role.group()
        .or(role.organisation())
        .map(|b| format!(":{b}"))
        .unwrap_or_default()
}
