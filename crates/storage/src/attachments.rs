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

/// The size of a stored piece of a file.
pub const CHUNK_BYTES: usize = 256 * 1024;

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
    /// Stores a file's record and its bytes, read from `path` one piece at a time, in one
    /// transaction (the upload was received into the temporary file first, so that a slow
    /// client never holds the database's write lock).
    pub async fn insert_attachment(
        &self,
        to: AttachedTo,
        owner: &str,
        a: &Attachment,
        path: &std::path::Path,
        author: Option<&str>,
    ) -> Result<(), StorageError> {
        use tokio::io::AsyncReadExt;
        let (table, column) = to.table();
        let mut file = tokio::fs::File::open(path)
            .await
            .map_err(|e| StorageError::Io(e.to_string()))?;
        let mut tx = self.begin_sqlx().await?;
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
        .bind(Vec::<u8>::new())
        .bind(author)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        let mut seq = 0i64;
        let mut buf = vec![0u8; CHUNK_BYTES];
        loop {
            let mut filled = 0;
            while filled < CHUNK_BYTES {
                let n = file
                    .read(&mut buf[filled..])
                    .await
                    .map_err(|e| StorageError::Io(e.to_string()))?;
                if n == 0 {
                    break;
                }
                filled += n;
            }
            if filled == 0 {
                break;
            }
            sqlx::query("INSERT INTO file_chunks (file_id, seq, data) VALUES ($1, $2, $3)")
                .bind(&a.id)
                .bind(seq)
                .bind(buf[..filled].to_vec())
                .execute(&mut *tx)
                .await?;
            seq += 1;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The number of stored pieces of a file (0 for a file stored whole, before pieces).
    pub async fn file_chunk_count(&self, file_id: &str) -> Result<i64, StorageError> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM file_chunks WHERE file_id = $1")
                .bind(file_id)
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// A file's bytes, whole: those stored in its row (`whole`, before pieces) followed by its
    /// `chunks` pieces.
    pub(crate) async fn file_bytes(
        &self,
        file_id: &str,
        mut whole: Vec<u8>,
        chunks: i64,
    ) -> Result<Vec<u8>, StorageError> {
        for seq in 0..chunks {
            whole.extend(self.file_chunk(file_id, seq).await?);
        }
        Ok(whole)
    }

    /// One stored piece of a file.
    pub async fn file_chunk(&self, file_id: &str, seq: i64) -> Result<Vec<u8>, StorageError> {
        Ok(
            sqlx::query_scalar("SELECT data FROM file_chunks WHERE file_id = $1 AND seq = $2")
                .bind(file_id)
                .bind(seq)
                .fetch_one(&self.pool)
                .await?,
        )
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

    /// An attachment and its bytes, whole (tests, small files).
    pub async fn attachment_content(
        &self,
        to: AttachedTo,
        owner: &str,
        id: &str,
    ) -> Result<Option<(Attachment, Vec<u8>)>, StorageError> {
        let Some((a, whole, chunks)) = self.attachment_meta(to, owner, id).await? else {
            return Ok(None);
        };
        let content = self.file_bytes(&a.id, whole, chunks).await?;
        Ok(Some((a, content)))
    }

    /// An attachment, the bytes of a file stored whole (before pieces; empty otherwise) and
    /// how many pieces hold the bytes of a newer one (read them with `file_chunk`).
    pub async fn attachment_meta(
        &self,
        to: AttachedTo,
        owner: &str,
        id: &str,
    ) -> Result<Option<(Attachment, Vec<u8>, i64)>, StorageError> {
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
        let a = attachment_from_row(&r)?;
        let chunks = self.file_chunk_count(&a.id).await?;
        Ok(Some((a, r.try_get("content")?, chunks)))
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
