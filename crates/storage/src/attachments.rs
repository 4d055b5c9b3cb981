//! Files attached to a record: a meeting's slides and annexes, a partnership's agreement
//! documents. The bytes live in the database (both engines, every node sees them) with their
//! checksum; the web layer checks size and type before they get here.

use sqlx::any::AnyRow;
use sqlx::Row;

use crate::{now_ms, Db, StorageError};

#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub id: String,
    pub title: String,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: i64,
}

/// What files are attached to: the table and the column naming the record.
#[derive(Debug, Clone, Copy)]
pub enum AttachedTo {
    Meeting,
    Partnership,
}

impl AttachedTo {
    fn table(self) -> (&'static str, &'static str) {
        match self {
            AttachedTo::Meeting => ("meeting_attachments", "meeting_id"),
            AttachedTo::Partnership => ("partnership_documents", "partnership_id"),
        }
    }
}

fn attachment_from_row(r: &AnyRow) -> Result<Attachment, StorageError> {
    Ok(Attachment {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        file_name: r.try_get("file_name")?,
        content_type: r.try_get("content_type")?,
        size: r.try_get("size")?,
        sha256: r.try_get("sha256")?,
        created_at: r.try_get("created_at")?,
    })
}

const COLUMNS: &str = "id, title, file_name, content_type, size, sha256, created_at";

impl Db {
    pub async fn insert_attachment(
        &self,
        to: AttachedTo,
        owner: &str,
        a: &Attachment,
        content: &[u8],
        author: Option<&str>,
    ) -> Result<(), StorageError> {
        let (table, column) = to.table();
        sqlx::query(&format!(
            "INSERT INTO {table} (id, {column}, title, file_name, content_type, size, sha256, \
             content, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
        ))
        .bind(&a.id)
        .bind(owner)
        .bind(&a.title)
        .bind(&a.file_name)
        .bind(&a.content_type)
        .bind(a.size)
        .bind(&a.sha256)
        .bind(content.to_vec())
        .bind(author)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn attachments(
        &self,
        to: AttachedTo,
        owner: &str,
    ) -> Result<Vec<Attachment>, StorageError> {
        let (table, column) = to.table();
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM {table} WHERE {column} = $1 AND archived_at IS NULL \
             ORDER BY created_at, id"
        ))
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(attachment_from_row).collect()
    }

    /// An attachment and its bytes.
    pub async fn attachment_content(
        &self,
        to: AttachedTo,
        owner: &str,
        id: &str,
    ) -> Result<Option<(Attachment, Vec<u8>)>, StorageError> {
        let (table, column) = to.table();
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS}, content FROM {table} \
             WHERE {column} = $1 AND id = $2 AND archived_at IS NULL"
        ))
        .bind(owner)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some((attachment_from_row(&r)?, r.try_get("content")?)))
    }

    /// Archives an attachment: it leaves the record's page, its bytes stay.
    pub async fn archive_attachment(
        &self,
        to: AttachedTo,
        owner: &str,
        id: &str,
    ) -> Result<bool, StorageError> {
        let (table, column) = to.table();
        let done = sqlx::query(&format!(
            "UPDATE {table} SET archived_at = $1 WHERE {column} = $2 AND id = $3 \
             AND archived_at IS NULL"
        ))
        .bind(now_ms())
        .bind(owner)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
