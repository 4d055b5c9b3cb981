//! Throwaway databases for tests: a fresh SQLite file, or a fresh PostgreSQL database created
//! on the server that `JUMELAGE_TEST_PG` names (default: the local one). Every test gets its own.

use crate::{random_token, Db, Engine, StorageError};

/// The PostgreSQL server tests create their databases on.
pub fn test_pg_admin_url() -> String {
    std::env::var("JUMELAGE_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

/// A migrated, empty database of one engine; `cleanup` removes it.
pub struct TestDb {
    pub db: Db,
    pub url: String,
    engine: Engine,
    name: String,
}

impl TestDb {
    pub async fn new(engine: Engine) -> Result<TestDb, StorageError> {
        let t = TestDb::empty(engine).await?;
        t.db.migrate().await?;
        Ok(t)
    }

    /// A database with no schema at all, as an operator hands it over.
    pub async fn empty(engine: Engine) -> Result<TestDb, StorageError> {
        let name = format!("jumelage_test_{}", &random_token()[..12]);
        let url = match engine {
            Engine::Sqlite => {
                let path = std::env::temp_dir().join(format!("{name}.db"));
                format!("sqlite://{}", path.display())
            }
            Engine::Postgres => {
                let admin_url = test_pg_admin_url();
                let admin = Db::connect(&admin_url).await.map_err(|e| {
                    StorageError::BadUrl(format!(
                        "no PostgreSQL answers at JUMELAGE_TEST_PG={admin_url} ({e}); \
                         run the tests with scripts/test, which starts one"
                    ))
                })?;
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&admin.pool)
                    .await?;
                admin.close().await;
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(b, _)| b)
                    .unwrap_or(&admin_url);
                format!("{base}/{name}")
            }
        };
        let db = Db::connect(&url).await?;
        Ok(TestDb {
            db,
            url,
            engine,
            name,
        })
    }

    pub async fn cleanup(self) {
        self.db.close().await;
        match self.engine {
            Engine::Sqlite => {
                let path = self.url.trim_start_matches("sqlite://").to_string();
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{path}{suffix}"));
                }
            }
            Engine::Postgres => {
                if let Ok(admin) = Db::connect(&test_pg_admin_url()).await {
                    let _ = sqlx::query(&format!(
                        "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                        self.name
                    ))
                    .execute(&admin.pool)
                    .await;
                    admin.close().await;
                }
            }
        }
    }
}

/// Declares one test per engine: `both_engines!(name, |db| async move { ... });` gives
/// `name::sqlite` and `name::postgres`, each on its own throwaway database.
/// `both_engines!(name, multi_thread, |db| ...)` runs each on a multi-threaded runtime, for
/// tests of concurrency.
#[macro_export]
macro_rules! both_engines {
    ($name:ident, |$db:ident| $body:expr) => {
        $crate::both_engines!(@with $name, (), |$db| $body);
    };
    ($name:ident, multi_thread, |$db:ident| $body:expr) => {
        $crate::both_engines!(@with $name, (flavor = "multi_thread", worker_threads = 4), |$db| $body);
    };
    (@with $name:ident, ($($flavor:tt)*), |$db:ident| $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($db: $crate::Db) {
                $body
            }

            #[tokio::test($($flavor)*)]
            async fn sqlite() {
                let t = $crate::testing::TestDb::new($crate::Engine::Sqlite)
                    .await
                    .expect("test database");
                run(t.db.clone()).await;
                t.cleanup().await;
            }

            #[tokio::test($($flavor)*)]
            async fn postgres() {
                let t = $crate::testing::TestDb::new($crate::Engine::Postgres)
                    .await
                    .expect("test database");
                run(t.db.clone()).await;
                t.cleanup().await;
            }
        }
    };
}

impl crate::Db {
    /// Runs one statement as it is: for tests that set up a state no operation makes (a row
    /// written with an old time, as a long transaction on another node leaves it).
    pub async fn execute_for_tests(&self, sql: &str) -> Result<(), crate::StorageError> {
        sqlx::query(sql).execute(&self.pool).await?;
        Ok(())
    }
}
