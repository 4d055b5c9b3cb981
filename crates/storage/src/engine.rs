//! Engine selection and the few places where SQLite and PostgreSQL differ.

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

use crate::StorageError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// How SQLite waits for its writes to reach the disk (`PRAGMA synchronous`). PostgreSQL keeps
/// its own server setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// `NORMAL` in WAL mode: a killed process loses nothing committed; a power cut or an
    /// operating-system crash may lose the last commits (never corrupts the file). Faster.
    #[default]
    Normal,
    /// `FULL`: every commit waits for the disk; survives a power cut too.
    Full,
}

impl Durability {
    pub fn parse(s: &str) -> Option<Durability> {
        match s.trim().to_ascii_lowercase().as_str() {
            "normal" => Some(Durability::Normal),
            "full" => Some(Durability::Full),
            _ => None,
        }
    }
}

/// A write transaction of the layers above storage: pass `&mut tx` to the storage calls that
/// take part in it, then `commit` (or `rollback`, or drop it to roll back). No sqlx type leaks
/// out: both answer `StorageError`.
pub struct Tx(sqlx::Transaction<'static, sqlx::Any>);

impl Tx {
    pub async fn commit(self) -> Result<(), StorageError> {
        Ok(self.0.commit().await?)
    }
    pub async fn rollback(self) -> Result<(), StorageError> {
        Ok(self.0.rollback().await?)
    }
}

impl std::ops::Deref for Tx {
    type Target = sqlx::Transaction<'static, sqlx::Any>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

/// A handle on the database; cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pub(crate) pool: AnyPool,
    engine: Engine,
}

impl Engine {
    /// Which engine a URL names, or an error that says what was expected.
    pub fn of_url(url: &str) -> Result<Engine, StorageError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Engine::Postgres)
        } else if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else {
            Err(StorageError::BadUrl(format!(
                "'{}' (expected postgres://... or sqlite://PATH)",
                redact(url)
            )))
        }
    }
}

/// Hides the password of a database URL, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// From this many rows a bulk change refreshes the planner's statistics (`analyze_in`).
pub const BULK_ROWS: usize = 1_000;

impl Db {
    /// Connects to the database a URL names. SQLite files are created when missing, in WAL
    /// mode with foreign keys on and a busy timeout, so that several requests write in turn.
    pub async fn connect(url: &str) -> Result<Db, StorageError> {
        Db::connect_with(url, Durability::default()).await
    }

    /// As `connect`, with SQLite's durability chosen.
    pub async fn connect_with(url: &str, durability: Durability) -> Result<Db, StorageError> {
        sqlx::any::install_default_drivers();
        let engine = Engine::of_url(url)?;
        let url = match engine {
            Engine::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url)
            .map_err(|e| StorageError::BadUrl(format!("'{}': {e}", redact(&url))))?;
        let pool = match engine {
            Engine::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(10))
                    .after_connect(move |conn, _| {
                        Box::pin(async move {
                            conn.execute("PRAGMA journal_mode = WAL").await?;
                            conn.execute("PRAGMA foreign_keys = ON").await?;
                            conn.execute("PRAGMA busy_timeout = 10000").await?;
                            conn.execute(match durability {
                                Durability::Normal => "PRAGMA synchronous = NORMAL",
                                Durability::Full => "PRAGMA synchronous = FULL",
                            })
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Engine::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?
            }
        };
        Ok(Db { pool, engine })
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Starts a transaction that may write (see `begin_sqlx`), as the layers above see it: a
    /// `Tx`, whose commit and rollback answer storage errors.
    pub async fn begin(&self) -> Result<Tx, StorageError> {
        Ok(Tx(self.begin_sqlx().await?))
    }

    /// Starts a transaction that may write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), waiting up to the busy timeout for another writer: a deferred
    /// transaction that reads and then writes cannot upgrade its read lock while another
    /// connection writes, and SQLite answers "database is locked" at once instead of waiting.
    /// On PostgreSQL a plain `BEGIN`; read-then-write rules take a row or advisory lock.
    pub(crate) async fn begin_sqlx(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, StorageError> {
        Ok(match self.engine {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Engine::Postgres => self.pool.begin().await?,
        })
    }

    /// Runs the embedded migrations of this engine that have not run yet.
    pub async fn migrate(&self) -> Result<(), StorageError> {
        match self.engine {
            Engine::Sqlite => sqlx::migrate!("migrations/sqlite").run(&self.pool).await?,
            Engine::Postgres => {
                sqlx::migrate!("migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    /// True when the database holds no data at all (no network, no organisation, no user).
    pub async fn is_empty(&self) -> Result<bool, StorageError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM networks) + (SELECT COUNT(*) FROM organisations) \
             + (SELECT COUNT(*) FROM users)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(n == 0)
    }

    /// Answers when the database is reachable.
    pub async fn ping(&self) -> Result<(), StorageError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// A statement that serialises, between app nodes, the writes that read what they replace
    /// (loading demo data, admitting registrations, replacing a roadmap), run at the start of
    /// their transaction; SQLite needs none (one file, one writer).
    pub(crate) fn setup_lock_sql(&self) -> Option<&'static str> {
        match self.engine {
            Engine::Postgres => Some("SELECT pg_advisory_xact_lock(7310421)"),
            Engine::Sqlite => None,
        }
    }

    /// Refreshes the planner's statistics of tables a bulk change is filling, inside its
    /// transaction (PostgreSQL counts the transaction's own rows; the statistics stay with the
    /// commit). A big import into a table the planner believes small (analysed when it held
    /// the demo data, or empty) would otherwise check each foreign key by scanning that table,
    /// row after row (quadratic). SQLite plans without statistics.
    pub async fn analyze_in(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        tables: &[&str],
    ) -> Result<(), crate::StorageError> {
        if self.engine == Engine::Postgres {
            sqlx::query(&format!("ANALYZE {}", tables.join(", ")))
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Case-insensitive substring match on an expression, in this engine's SQL.
    /// SQLite's LOWER folds ASCII only, so names are also matched as typed.
    pub(crate) fn contains_ci(&self, expr: &str, param: &str) -> String {
        match self.engine {
            Engine::Postgres => format!("{expr} ILIKE {param}"),
            Engine::Sqlite => format!("LOWER({expr}) LIKE LOWER({param})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            Engine::of_url("postgres://u@h/db").unwrap(),
            Engine::Postgres
        );
        assert_eq!(
            Engine::of_url("sqlite://data/x.db").unwrap(),
            Engine::Sqlite
        );
        assert!(Engine::of_url("mysql://x").is_err());
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("sqlite://a.db"), "sqlite://a.db");
    }
}
