//! Users, their roles, browser sessions, personal API tokens, invitations (the sign-in
//! throttle is `signin.rs`). Everything lives in the database so that several app nodes share it.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use domain::accounts::Role;
use domain::{DomainError, ErrorKey};
use sqlx::Row;

use crate::error::unique_to_duplicate;
use crate::{now_ms, random_token, token_hash, Db, StorageError};

/// How long a browser session lasts without use.
pub const SESSION_TTL_SECS: i64 = 14 * 24 * 3600;
const SESSION_TTL_MS: i64 = SESSION_TTL_SECS * 1000;
/// How long an invitation link stays valid.
pub const INVITATION_TTL_MS: i64 = 7 * 24 * 3600 * 1000;

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub locale: Option<String>,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub password: Option<String>,
    pub locale: Option<String>,
    pub roles: Vec<Role>,
}

/// A browser session: the user and the session's CSRF token.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
}

/// Hashes a password with Argon2id and a random salt.
pub fn hash_password(password: &str) -> Result<String, StorageError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|_| ErrorKey::Internal.into())
}

fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the account does not exist, so that both cases take as long.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("not a password").unwrap_or_default())
}

/// Gives `user_id` a role, after checking that its group or organisation exists; a role the
/// user already has is left as it is.
async fn insert_role(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    user_id: &str,
    role: &Role,
) -> Result<(), StorageError> {
    // What the role is bound to must exist: (table, id, error, field).
    let bound = [
        role.group()
            .map(|g| ("country_groups", g, ErrorKey::UnknownGroup, "group")),
        role.organisation().map(|o| {
            (
                "organisations",
                o,
                ErrorKey::UnknownOrganisation,
                "organisation",
            )
        }),
    ];
    for (table, id, key, field) in bound.into_iter().flatten() {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE id = $1"))
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
        if n == 0 {
            return Err(DomainError::field(key, field).into());
        }
    }
    let held: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM user_roles WHERE user_id = $1 AND role = $2 \
         AND COALESCE(group_id, '') = COALESCE($3, '') \
         AND COALESCE(organisation_id, '') = COALESCE($4, '')",
    )
    .bind(user_id)
    .bind(role.code())
    .bind(role.group())
    .bind(role.organisation())
    .fetch_one(&mut **tx)
    .await?;
    if held == 0 {
        sqlx::query(
            "INSERT INTO user_roles (user_id, role, group_id, organisation_id) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(user_id)
        .bind(role.code())
        .bind(role.group())
        .bind(role.organisation())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Db {
    /// Creates a user with its roles. Checks that bound groups and organisations exist.
    pub async fn create_user(&self, new: &NewUser) -> Result<User, StorageError> {
        let email = domain::accounts::normalise_email(&new.email, "email")?;
        let hash = new.password.as_deref().map(hash_password).transpose()?;
        let id = format!("u-{}", &random_token()[..16]);
        let mut tx = self.begin_sqlx().await?;
        sqlx::query(
            "INSERT INTO users (id, email, display_name, password_hash, locale, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(&email)
        .bind(new.display_name.trim())
        .bind(hash)
        .bind(&new.locale)
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "email"))?;
        for role in &new.roles {
            insert_role(&mut tx, &id, role).await?;
        }
        tx.commit().await?;
        Ok(User {
            id,
            email,
            display_name: new.display_name.trim().to_string(),
            locale: new.locale.clone(),
            roles: new.roles.clone(),
        })
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>, StorageError> {
        let id: Option<String> =
            sqlx::query_scalar("SELECT id FROM users WHERE email = $1 AND disabled_at IS NULL")
                .bind(email.trim().to_lowercase())
                .fetch_optional(&self.pool)
                .await?;
        match id {
            Some(id) => self.user(&id).await,
            None => Ok(None),
        }
    }

    pub async fn user(&self, id: &str) -> Result<Option<User>, StorageError> {
        let row = sqlx::query(
            "SELECT id, email, display_name, locale FROM users WHERE id = $1 AND disabled_at IS NULL",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let roles = sqlx::query(
            "SELECT role, group_id, organisation_id FROM user_roles WHERE user_id = $1",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .filter_map(|r| {
            let code: String = r.try_get("role").ok()?;
            let g: Option<String> = r.try_get("group_id").ok()?;
            let o: Option<String> = r.try_get("organisation_id").ok()?;
            Role::from_parts(&code, g.as_deref(), o.as_deref())
        })
        .collect();
        Ok(Some(User {
            id: row.try_get("id")?,
            email: row.try_get("email")?,
            display_name: row.try_get("display_name")?,
            locale: row.try_get("locale")?,
            roles,
        }))
    }

    /// The editors of the organisations that take part in a group (for reminders).
    pub async fn editors_of_group(&self, group: &str) -> Result<Vec<User>, StorageError> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT r.user_id FROM user_roles r JOIN group_members m ON m.organisation_id = r.organisation_id \
             JOIN users u ON u.id = r.user_id WHERE m.group_id = $1 AND r.role = 'editor' AND u.disabled_at IS NULL \
             ORDER BY r.user_id",
        )
        .bind(group)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(u) = self.user(&id).await? {
                out.push(u);
            }
        }
        Ok(out)
    }

    /// The users bound to a group itself (coordinators, observers).
    pub async fn users_of_group(&self, group: &str) -> Result<Vec<User>, StorageError> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT r.user_id FROM user_roles r JOIN users u ON u.id = r.user_id \
             WHERE r.group_id = $1 AND u.disabled_at IS NULL ORDER BY r.user_id",
        )
        .bind(group)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(u) = self.user(&id).await? {
                out.push(u);
            }
        }
        Ok(out)
    }

    /// Checks a password. Unknown accounts and wrong passwords are the same answer, after
    /// the same work.
    pub async fn check_password(
        &self,
        email: &str,
        password: &str,
    ) -> Result<Option<User>, StorageError> {
        let row = sqlx::query(
            "SELECT id, password_hash FROM users WHERE email = $1 AND disabled_at IS NULL",
        )
        .bind(email.trim().to_lowercase())
        .fetch_optional(&self.pool)
        .await?;
        let (id, hash): (Option<String>, Option<String>) = match &row {
            Some(r) => (Some(r.try_get("id")?), r.try_get("password_hash")?),
            None => (None, None),
        };
        let password = password.to_string();
        let hash_for_check = hash.clone().unwrap_or_else(|| dummy_hash().to_string());
        let ok = tokio::task::spawn_blocking(move || verify_password(&hash_for_check, &password))
            .await
            .unwrap_or(false);
        match (ok && hash.is_some(), id) {
            (true, Some(id)) => self.user(&id).await,
            _ => Ok(None),
        }
    }

    pub async fn set_password(&self, user_id: &str, password: &str) -> Result<(), StorageError> {
        let hash = hash_password(password)?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Opens a session; returns the secret cookie value (only its hash is stored).
    pub async fn create_session(&self, user_id: &str) -> Result<String, StorageError> {
        let secret = random_token();
        let now = now_ms();
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash(&secret))
        .bind(user_id)
        .bind(random_token())
        .bind(now)
        .bind(now + SESSION_TTL_MS)
        .execute(&self.pool)
        .await?;
        Ok(secret)
    }

    pub async fn session(&self, secret: &str) -> Result<Option<Session>, StorageError> {
        let row = sqlx::query(
            "SELECT user_id, csrf_token FROM sessions WHERE id_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash(secret))
        .bind(now_ms())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let user_id: String = row.try_get("user_id")?;
        Ok(self.user(&user_id).await?.map(|user| Session {
            user,
            csrf_token: row.try_get("csrf_token").unwrap_or_default(),
        }))
    }

    pub async fn delete_session(&self, secret: &str) -> Result<(), StorageError> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1 OR expires_at <= $2")
            .bind(token_hash(secret))
            .bind(now_ms())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Creates a personal API token; returns the secret, shown once.
    pub async fn create_token(&self, user_id: &str, name: &str) -> Result<String, StorageError> {
        let secret = format!("jmlg_{}", random_token());
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, token_hash, name, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(format!("t-{}", &random_token()[..16]))
        .bind(user_id)
        .bind(token_hash(&secret))
        .bind(name)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(secret)
    }

    pub async fn user_by_token(&self, secret: &str) -> Result<Option<User>, StorageError> {
        let hash = token_hash(secret);
        let user_id: Option<String> = sqlx::query_scalar(
            "SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(&hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(user_id) = user_id else {
            return Ok(None);
        };
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
            .bind(now_ms())
            .bind(&hash)
            .execute(&self.pool)
            .await?;
        self.user(&user_id).await
    }

    /// Creates an invitation for a user without a password; returns the secret for the link.
    pub async fn create_invitation(&self, user_id: &str) -> Result<String, StorageError> {
        let secret = random_token();
        let now = now_ms();
        sqlx::query(
            "INSERT INTO invitations (token_hash, user_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash(&secret))
        .bind(user_id)
        .bind(now)
        .bind(now + INVITATION_TTL_MS)
        .execute(&self.pool)
        .await?;
        Ok(secret)
    }

    /// The user an unused, unexpired invitation is for.
    pub async fn invitation(&self, secret: &str) -> Result<Option<User>, StorageError> {
        let user_id: Option<String> = sqlx::query_scalar(
            "SELECT user_id FROM invitations WHERE token_hash = $1 AND used_at IS NULL \
             AND expires_at > $2",
        )
        .bind(token_hash(secret))
        .bind(now_ms())
        .fetch_optional(&self.pool)
        .await?;
        match user_id {
            Some(id) => self.user(&id).await,
            None => Ok(None),
        }
    }

    /// Sets the password of the invited user and uses up the invitation, in one transaction.
    pub async fn accept_invitation(
        &self,
        secret: &str,
        password: &str,
    ) -> Result<User, StorageError> {
        let user = self
            .invitation(secret)
            .await?
            .ok_or(StorageError::from(ErrorKey::InvalidToken))?;
        let hash = hash_password(password)?;
        let mut tx = self.begin_sqlx().await?;
        let used = sqlx::query(
            "UPDATE invitations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
        )
        .bind(now_ms())
        .bind(token_hash(secret))
        .execute(&mut *tx)
        .await?;
        if used.rows_affected() != 1 {
            return Err(ErrorKey::InvalidToken.into());
        }
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(&user.id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Inside `tx`: an account without a password for `new`, and an invitation whose secret
    /// is `secret` (the caller puts the link in the e-mail it queues in the same transaction).
    pub async fn invite_in(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        new: &NewUser,
        secret: &str,
    ) -> Result<User, StorageError> {
        let email = domain::accounts::normalise_email(&new.email, "email")?;
        let id = format!("u-{}", &random_token()[..16]);
        let now = now_ms();
        sqlx::query(
            "INSERT INTO users (id, email, display_name, password_hash, locale, created_at) \
             VALUES ($1, $2, $3, NULL, $4, $5)",
        )
        .bind(&id)
        .bind(&email)
        .bind(new.display_name.trim())
        .bind(&new.locale)
        .bind(now)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "email"))?;
        for role in &new.roles {
            insert_role(tx, &id, role).await?;
        }
        self.invitation_in(tx, &id, secret).await?;
        Ok(User {
            id,
            email,
            display_name: new.display_name.trim().to_string(),
            locale: new.locale.clone(),
            roles: new.roles.clone(),
        })
    }

    /// Inside `tx`: a new invitation link (secret `secret`) for an account that has not chosen
    /// its password yet (the earlier link may have expired).
    pub async fn invitation_in(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        user_id: &str,
        secret: &str,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO invitations (token_hash, user_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash(secret))
        .bind(user_id)
        .bind(now)
        .bind(now + INVITATION_TTL_MS)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Inside `tx`: one more role for an existing account (a person in several groups).
    pub async fn add_role_in(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        user_id: &str,
        role: &Role,
    ) -> Result<(), StorageError> {
        insert_role(tx, user_id, role).await
    }

    /// Whether the account has set a password (an invitation not yet accepted has none).
    pub async fn has_password(&self, user_id: &str) -> Result<bool, StorageError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM users WHERE id = $1 AND password_hash IS NOT NULL",
        )
        .bind(user_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }
}
