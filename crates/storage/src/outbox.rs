//! The e-mail outbox: messages are written in the same transaction as the change that causes
//! them, then a worker claims them one at a time (a lease and a fencing token, so that two
//! nodes never send one twice), sends them, and marks them sent — or schedules a retry. Nothing is ever deleted.

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::{now_ms, random_token, Db, StorageError};

#[derive(Debug, Clone, PartialEq)]
pub struct Email {
    pub id: String,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    /// A calendar file: (file name, MIME type, content).
    pub attachment: Option<(String, String, String)>,
    pub attempts: i64,
    /// The claim a worker holds on it while sending (see `claim_email`).
    pub claim: Option<String>,
}

impl Email {
    pub fn new(kind: &str, recipient: &str, subject: String, body_text: String) -> Email {
        Email {
            id: format!("e-{}", &random_token()[..16]),
            kind: kind.into(),
            recipient: recipient.into(),
            subject,
            body_text,
            body_html: None,
            attachment: None,
            attempts: 0,
            claim: None,
        }
    }
}

/// Attempts before a message is given up (it stays in the table, `failed`).
pub const MAX_ATTEMPTS: i64 = 10;

fn email_from_row(r: &AnyRow) -> Result<Email, StorageError> {
    let name: Option<String> = r.try_get("attachment_name")?;
    let kind: Option<String> = r.try_get("attachment_type")?;
    let content: Option<String> = r.try_get("attachment")?;
    Ok(Email {
        id: r.try_get("id")?,
        kind: r.try_get("kind")?,
        recipient: r.try_get("recipient")?,
        subject: r.try_get("subject")?,
        body_text: r.try_get("body_text")?,
        body_html: r.try_get("body_html")?,
        attachment: match (name, kind, content) {
            (Some(n), Some(k), Some(c)) => Some((n, k, c)),
            _ => None,
        },
        attempts: r.try_get("attempts")?,
        claim: r.try_get("claim")?,
    })
}

impl Db {
    pub async fn enqueue_email(
        &self,
        tx: &mut Transaction<'static, Any>,
        e: &Email,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        let (name, kind, content) = match &e.attachment {
            Some((n, k, c)) => (Some(n.as_str()), Some(k.as_str()), Some(c.as_str())),
            None => (None, None, None),
        };
        sqlx::query(
            "INSERT INTO outbox (id, kind, recipient, subject, body_text, body_html, attachment_name, \
             attachment_type, attachment, status, attempts, next_attempt_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', 0, $10, $10)",
        )
        .bind(&e.id)
        .bind(&e.kind)
        .bind(&e.recipient)
        .bind(&e.subject)
        .bind(&e.body_text)
        .bind(&e.body_html)
        .bind(name)
        .bind(kind)
        .bind(content)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Claims the next due message for `lease_ms`: nobody else is handed it until the lease
    /// runs out (a worker that died loses its claim). One message at a time, so that a slow
    /// relay cannot let the lease of messages still waiting in a batch run out; the claim is a
    /// fresh token that marking the message checks (a fence).
    pub async fn claim_email(&self, lease_ms: i64) -> Result<Option<Email>, StorageError> {
        let now = now_ms();
        let row = sqlx::query(
            "UPDATE outbox SET status = 'sending', locked_until = $1, claim = $3 WHERE id IN (\
               SELECT id FROM outbox WHERE next_attempt_at <= $2 AND (status = 'queued' \
               OR (status = 'sending' AND locked_until < $2)) ORDER BY created_at, id LIMIT 1) \
             AND (status = 'queued' OR (status = 'sending' AND locked_until < $2)) \
             RETURNING id, kind, recipient, subject, body_text, body_html, attachment_name, \
             attachment_type, attachment, attempts, claim",
        )
        .bind(now + lease_ms)
        .bind(now)
        .bind(random_token())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(email_from_row).transpose()
    }

    /// Marks a claimed message sent; false when the claim was no longer this worker's.
    pub async fn mark_email_sent(&self, e: &Email) -> Result<bool, StorageError> {
        let done = sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, \
             locked_until = NULL WHERE id = $2 AND status = 'sending' AND claim = $3",
        )
        .bind(now_ms())
        .bind(&e.id)
        .bind(&e.claim)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records a failed attempt; retries later with a growing delay, or gives up for good.
    pub async fn mark_email_failed(&self, e: &Email, error: &str) -> Result<(), StorageError> {
        let attempts = e.attempts + 1;
        let delay = 30_000i64.saturating_mul(1 << attempts.min(7));
        let status = if attempts >= MAX_ATTEMPTS {
            "failed"
        } else {
            "queued"
        };
        sqlx::query(
            "UPDATE outbox SET status = $1, attempts = $2, next_attempt_at = $3, last_error = $4, \
             locked_until = NULL WHERE id = $5 AND status = 'sending' AND claim = $6",
        )
        .bind(status)
        .bind(attempts)
        .bind(now_ms() + delay)
        .bind(error.chars().take(1000).collect::<String>())
        .bind(&e.id)
        .bind(&e.claim)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Counts of the outbox by status (queued, sending, sent, failed).
    pub async fn outbox_counts(&self) -> Result<Vec<(String, i64)>, StorageError> {
        let rows =
            sqlx::query("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status ORDER BY status")
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("status")?, r.try_get("n")?)))
            .collect()
    }

    /// Makes every queued message due now (tests and the `mail flush` command).
    pub async fn outbox_due_now(&self) -> Result<(), StorageError> {
        sqlx::query("UPDATE outbox SET next_attempt_at = 0 WHERE status = 'queued'")
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// A file kept between an import's preview and its confirmation.
#[derive(Debug, Clone)]
pub struct PendingImport {
    pub id: String,
    pub collection: String,
    pub format: String,
    pub file_name: String,
    pub content: Vec<u8>,
    pub created_by: String,
}

impl Db {
    pub async fn save_pending_import(&self, p: &PendingImport) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO pending_imports (id, collection, format, file_name, content, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&p.id)
        .bind(&p.collection)
        .bind(&p.format)
        .bind(&p.file_name)
        .bind(p.content.clone())
        .bind(&p.created_by)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A pending import of `user`, not used yet and less than a day old.
    pub async fn pending_import(
        &self,
        id: &str,
        user: &str,
    ) -> Result<Option<PendingImport>, StorageError> {
        let row = sqlx::query(
            "SELECT id, collection, format, file_name, content, created_by FROM pending_imports \
             WHERE id = $1 AND created_by = $2 AND used_at IS NULL AND created_at > $3",
        )
        .bind(id)
        .bind(user)
        .bind(now_ms() - 24 * 3600 * 1000)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(PendingImport {
            id: r.try_get("id")?,
            collection: r.try_get("collection")?,
            format: r.try_get("format")?,
            file_name: r.try_get("file_name")?,
            content: r.try_get("content")?,
            created_by: r.try_get("created_by")?,
        }))
    }

    pub async fn use_pending_import(&self, id: &str) -> Result<(), StorageError> {
        sqlx::query("UPDATE pending_imports SET used_at = $1 WHERE id = $2")
            .bind(now_ms())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
