//! Backups of a running database. SQLite: `VACUUM INTO`, a consistent copy taken inside one
//! read transaction while the server goes on writing. PostgreSQL: the operator's `pg_dump`,
//! run by the binary (see `jumelage backup`). What both need from the database is here.

use std::path::Path;

use sqlx::Row;

use crate::{Db, Engine, StorageError};

impl Db {
    /// Writes a consistent copy of this SQLite database to `path` (which must not exist).
    pub async fn sqlite_backup(&self, path: &Path) -> Result<(), StorageError> {
        if self.engine() != Engine::Sqlite {
            return Err(StorageError::BadUrl(
                "a SQLite backup of a PostgreSQL database".into(),
            ));
        }
        let target = path.to_string_lossy().replace('\'', "''");
        sqlx::query(&format!("VACUUM INTO '{target}'"))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The tables of the database (the migrations' bookkeeping left out), by name.
    pub async fn table_names(&self) -> Result<Vec<String>, StorageError> {
        let sql = match self.engine() {
            Engine::Sqlite => {
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name <> '_sqlx_migrations' ORDER BY name"
            }
            Engine::Postgres => {
                "SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                 AND table_name <> '_sqlx_migrations' ORDER BY table_name"
            }
        };
        let rows = sqlx::query(sql).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>("name")?))
            .collect()
    }

    /// Rows in each table: what a restore is checked against.
    pub async fn table_counts(&self) -> Result<Vec<(String, i64)>, StorageError> {
        let mut out = Vec::new();
        for table in self.table_names().await? {
            let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&self.pool)
                .await?;
            out.push((table, n));
        }
        Ok(out)
    }

    /// The SHA-256 of every stored file (meeting attachments, partnership documents),
    /// recomputed from the bytes, by table and id.
    pub async fn file_checksums(&self) -> Result<Vec<(String, String, String)>, StorageError> {
        let mut out = Vec::new();
        for table in ["meeting_attachments", "partnership_documents"] {
            let rows = sqlx::query(&format!("SELECT id, content FROM {table} ORDER BY id"))
                .fetch_all(&self.pool)
                .await?;
            for r in rows {
                let id: String = r.try_get("id")?;
                let chunks = self.file_chunk_count(&id).await?;
                let content = self.file_bytes(&id, r.try_get("content")?, chunks).await?;
                out.push((table.to_string(), id, crate::token_hash_bytes(&content)));
            }
        }
        Ok(out)
    }
}
