//! The audit log: appended, never edited (the tables refuse UPDATE and DELETE).

use sqlx::{Any, Row, Transaction};

use crate::{now_ms, Db, StorageError};

/// One event of the audit log.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuditEvent {
    pub id: i64,
    pub at: i64,
    /// The account that acted (its user id), `None` for an anonymous visitor.
    pub actor: Option<String>,
    /// That account's e-mail, when read back.
    pub actor_email: Option<String>,
    /// What happened: `sign_in`, `sign_in_failed`, `sign_in_throttled`, `token_created`,
    /// `token_revoked`, `role_changed`, `archived`, `restored`, `import`, `export`, `refused` …
    pub event: String,
    /// What it happened to: `organisation:fr-issy`, `user:u-…`, a path.
    pub target: Option<String>,
    pub detail: Option<String>,
    /// The client's address, as the trusted proxies tell it.
    pub client: Option<String>,
}

impl AuditEvent {
    pub fn new(event: &str) -> AuditEvent {
        AuditEvent {
            event: event.into(),
            ..AuditEvent::default()
        }
    }
    pub fn actor(mut self, actor: Option<&str>) -> Self {
        self.actor = actor.map(str::to_string);
        self
    }
    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
    pub fn client(mut self, client: &str) -> Self {
        self.client = Some(client.into());
        self
    }
}

/// The statement that appends an event, its values bound.
fn insert(e: &AuditEvent) -> sqlx::query::Query<'_, Any, sqlx::any::AnyArguments<'_>> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, event, target, detail, client) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(now_ms())
    .bind(&e.actor)
    .bind(&e.event)
    .bind(&e.target)
    .bind(&e.detail)
    .bind(&e.client)
}

impl Db {
    /// Appends an event on its own.
    pub async fn audit(&self, e: &AuditEvent) -> Result<(), StorageError> {
        insert(e).execute(&self.pool).await?;
        Ok(())
    }

    /// Appends an event with the change it records (both or neither).
    pub async fn audit_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        e: &AuditEvent,
    ) -> Result<(), StorageError> {
        insert(e).execute(&mut **tx).await?;
        Ok(())
    }

    /// The newest events first, optionally of one kind; `before` pages back by id.
    pub async fn audit_events(
        &self,
        event: Option<&str>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditEvent>, StorageError> {
        let rows = sqlx::query(
            "SELECT a.id, a.at, a.actor, u.email AS actor_email, a.event, a.target, a.detail, a.client \
             FROM audit_log a LEFT JOIN users u ON u.id = a.actor \
             WHERE (CAST($1 AS TEXT) IS NULL OR a.event = $1) AND (CAST($2 AS BIGINT) IS NULL OR a.id < $2) \
             ORDER BY a.id DESC LIMIT $3",
        )
        .bind(event)
        .bind(before)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEvent {
                    id: r.try_get("id")?,
                    at: r.try_get("at")?,
                    actor: r.try_get("actor")?,
                    actor_email: r.try_get("actor_email")?,
                    event: r.try_get("event")?,
                    target: r.try_get("target")?,
                    detail: r.try_get("detail")?,
                    client: r.try_get("client")?,
                })
            })
            .collect()
    }
}
