//! What an account holds open (browser sessions, API tokens), closing them, the accounts list
//! of the secretariat, disabling an account, and password-reset links. A disabled account's
//! sessions and tokens stop at once: they are deleted and revoked, and every lookup of a user
//! skips disabled ones.

use sqlx::Row;

use crate::{now_ms, random_token, token_hash, Db, StorageError};

/// An open browser session; `id` is a prefix of its stored hash, enough to name it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionInfo {
    pub id: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// An API token as its owner sees it (never the secret).
#[derive(Debug, Clone, PartialEq)]
pub struct TokenInfo {
    pub id: String,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// An account in the secretariat's list.
#[derive(Debug, Clone, PartialEq)]
pub struct UserSummary {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// Role codes as stored: `secretariat`, `coordinator:kr`, `editor:fr-issy` …
    pub roles: Vec<String>,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
}

/// How long a password-reset link stays valid.
pub const RESET_TTL_MS: i64 = 60 * 60 * 1000;

/// Characters of a session's hash that name it.
const SESSION_ID_CHARS: usize = 16;

impl Db {
    /// The sessions of a user that have not expired, newest first.
    pub async fn sessions_of(&self, user_id: &str) -> Result<Vec<SessionInfo>, StorageError> {
        let rows = sqlx::query(
            "SELECT id_hash, created_at, expires_at FROM sessions WHERE user_id = $1 \
             AND expires_at > $2 ORDER BY created_at DESC",
        )
        .bind(user_id)
        .bind(now_ms())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let hash: String = r.try_get("id_hash")?;
                Ok(SessionInfo {
                    id: hash[..SESSION_ID_CHARS.min(hash.len())].to_string(),
                    created_at: r.try_get("created_at")?,
                    expires_at: r.try_get("expires_at")?,
                })
            })
            .collect()
    }

    /// The name of the session a secret opens (to mark "this session").
    pub fn session_id(secret: &str) -> String {
        token_hash(secret)[..SESSION_ID_CHARS].to_string()
    }

    /// Closes one of a user's sessions; false when there is no such session.
    pub async fn revoke_session(&self, user_id: &str, id: &str) -> Result<bool, StorageError> {
        if id.len() != SESSION_ID_CHARS || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(false);
        }
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash LIKE $2")
            .bind(user_id)
            .bind(format!("{id}%"))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// A user's tokens, revoked ones included, newest first.
    pub async fn tokens_of(&self, user_id: &str) -> Result<Vec<TokenInfo>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens \
             WHERE user_id = $1 ORDER BY created_at DESC, id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(TokenInfo {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    created_at: r.try_get("created_at")?,
                    last_used_at: r.try_get("last_used_at")?,
                    revoked_at: r.try_get("revoked_at")?,
                })
            })
            .collect()
    }

    /// Revokes a token of `user_id` (any user's with `None`: the command line). Returns the
    /// owner's id when a token was revoked.
    pub async fn revoke_token(
        &self,
        user_id: Option<&str>,
        token_id: &str,
    ) -> Result<Option<String>, StorageError> {
        let row = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL \
             AND (CAST($3 AS TEXT) IS NULL OR user_id = $3) RETURNING user_id",
        )
        .bind(now_ms())
        .bind(token_id)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.try_get("user_id")).transpose()?)
    }

    /// Every account, disabled ones included, by e-mail.
    pub async fn users_summary(&self) -> Result<Vec<UserSummary>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, email, display_name, created_at, disabled_at FROM users ORDER BY email",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut roles: std::collections::HashMap<String, Vec<String>> = Default::default();
        for role in sqlx::query("SELECT user_id, role, group_id, organisation_id FROM user_roles")
            .fetch_all(&self.pool)
            .await?
        {
            let code: String = role.try_get("role")?;
            let scope: Option<String> = role
                .try_get::<Option<String>, _>("group_id")?
                .or(role.try_get("organisation_id")?);
            roles
                .entry(role.try_get("user_id")?)
                .or_default()
                .push(match scope {
                    Some(s) => format!("{code}:{s}"),
                    None => code,
                });
        }
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                Ok(UserSummary {
                    roles: roles.remove(&id).unwrap_or_default(),
                    id,
                    email: r.try_get("email")?,
                    display_name: r.try_get("display_name")?,
                    created_at: r.try_get("created_at")?,
                    disabled_at: r.try_get("disabled_at")?,
                })
            })
            .collect()
    }

    /// The id of the account with this e-mail address, disabled or not.
    pub async fn account_id(&self, email: &str) -> Result<Option<String>, StorageError> {
        Ok(sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Disables an account (its sessions end and its tokens are revoked, in one transaction)
    /// or enables it again. False when there is no such account.
    pub async fn set_user_disabled(
        &self,
        user_id: &str,
        disabled: bool,
    ) -> Result<bool, StorageError> {
        let now = now_ms();
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
            .bind(disabled.then_some(now))
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
            )
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// A single-use link to set a new password, valid for an hour; returns its secret. Earlier
    /// links of the account stop working.
    pub async fn create_password_reset(&self, user_id: &str) -> Result<String, StorageError> {
        let secret = random_token();
        let now = now_ms();
        let mut tx = self.begin_sqlx().await?;
        sqlx::query("UPDATE invitations SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO invitations (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash(&secret))
        .bind(user_id)
        .bind(now)
        .bind(now + RESET_TTL_MS)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(secret)
    }
}
