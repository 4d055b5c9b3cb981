//! Throttled attempts (sign-ins, password-reset requests), shared by every node. Each attempt
//! is written *before* it is judged and then counted, so that attempts made in parallel cannot
//! all pass the check: the k-th attempt to be written sees at least k. A successful attempt
//! takes its own rows back. `domain::signin` decides from the counts.

use domain::signin::Counted;
use sqlx::Row;

use crate::{now_ms, Db, StorageError};

/// An attempt written and counted; `keys` line up with the keys given.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub ids: Vec<i64>,
    pub at: i64,
    /// Per key, this attempt included.
    pub keys: Vec<Counted>,
}

impl Db {
    /// Writes one attempt under each key, then counts each key's attempts in the window.
    pub async fn record_attempt(
        &self,
        keys: &[&str],
        window_ms: i64,
    ) -> Result<Attempt, StorageError> {
        let at = now_ms();
        let mut ids = Vec::with_capacity(keys.len());
        for key in keys {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO login_failures (key, at) VALUES ($1, $2) RETURNING id",
            )
            .bind(*key)
            .bind(at)
            .fetch_one(&self.pool)
            .await?;
            ids.push(id);
        }
        let mut counts = Vec::with_capacity(keys.len());
        for (key, id) in keys.iter().zip(&ids) {
            let row = sqlx::query(
                "SELECT COUNT(*) AS n, MAX(CASE WHEN id <> $3 THEN at END) AS previous, MIN(at) AS oldest \
                 FROM login_failures WHERE key = $1 AND at > $2",
            )
            .bind(*key)
            .bind(at - window_ms)
            .bind(*id)
            .fetch_one(&self.pool)
            .await?;
            counts.push(Counted {
                count: row.try_get("n")?,
                previous_at: row.try_get("previous")?,
                oldest_at: row.try_get("oldest")?,
            });
        }
        if ids.first().is_some_and(|id| id % 64 == 0) {
            sqlx::query("DELETE FROM login_failures WHERE at < $1")
                .bind(at - 24 * 3600 * 1000)
                .execute(&self.pool)
                .await?;
        }
        Ok(Attempt {
            ids,
            at,
            keys: counts,
        })
    }

    /// A successful attempt: its own rows go, and every earlier failure of `clear_key` (the
    /// account from this address). Other keys keep their earlier failures.
    pub async fn forget_attempt(
        &self,
        attempt: &Attempt,
        clear_key: &str,
    ) -> Result<(), StorageError> {
        for id in &attempt.ids {
            sqlx::query("DELETE FROM login_failures WHERE id = $1")
                .bind(*id)
                .execute(&self.pool)
                .await?;
        }
        sqlx::query("DELETE FROM login_failures WHERE key = $1")
            .bind(clear_key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
