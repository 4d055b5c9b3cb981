//! `jumelage backup` and `jumelage restore`: a consistent copy of a running database, and its
//! return into an empty one. SQLite copies itself (`VACUUM INTO`); PostgreSQL goes through the
//! operator's `pg_dump` / `pg_restore` (Debian's postgresql-client, the server's major version
//! or newer).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};
use storage::{Db, Engine};

use crate::config::Config;

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
const PG_MAGIC: &[u8] = b"PGDMP";

/// The file of a SQLite URL (`sqlite://path?options`).
fn sqlite_path(url: &str) -> PathBuf {
    let rest = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    PathBuf::from(rest.split('?').next().unwrap_or(rest))
}

/// A temporary name beside the final one, so that the file appears whole or not at all.
fn partial(output: &Path) -> PathBuf {
    let mut name = output.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    output.with_file_name(name)
}

fn tool(name: &str) -> anyhow::Result<()> {
    match Command::new(name).arg("--version").output() {
        Ok(o) if o.status.success() => Ok(()),
        _ => bail!(
            "{name} is not installed: a PostgreSQL backup needs it (Debian: apt-get install \
             postgresql-client, of the server's major version or newer)"
        ),
    }
}

pub async fn backup(config: &Config, output: &Path) -> anyhow::Result<()> {
    if output.exists() {
        bail!("--output {}: the file exists already", output.display());
    }
    let url = config.database_url()?;
    let tmp = partial(output);
    let _ = std::fs::remove_file(&tmp);
    match Engine::of_url(&url)? {
        Engine::Sqlite => {
            let db = Db::connect(&url).await?;
            let result = db.sqlite_backup(&tmp).await;
            db.close().await;
            result.with_context(|| format!("--output {}: cannot write there", output.display()))?;
        }
        Engine::Postgres => {
            tool("pg_dump")?;
            let out = Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
                .arg(&tmp)
                .arg(&url)
                .output()
                .context("cannot run pg_dump")?;
            if !out.status.success() {
                let _ = std::fs::remove_file(&tmp);
                bail!(
                    "pg_dump failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
            }
        }
    }
    std::fs::rename(&tmp, output)
        .with_context(|| format!("--output {}: cannot write there", output.display()))?;
    let size = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    eprintln!("backup written to {} ({size} bytes)", output.display());
    Ok(())
}

pub async fn restore(config: &Config, file: &Path) -> anyhow::Result<()> {
    let mut head = [0u8; 16];
    {
        use std::io::Read;
        let mut f = std::fs::File::open(file)
            .with_context(|| format!("{}: cannot read the backup", file.display()))?;
        let n = f.read(&mut head)?;
        if n < PG_MAGIC.len() {
            bail!("{}: not a jumelage backup (too short)", file.display());
        }
    }
    let kind = if head.starts_with(SQLITE_MAGIC) {
        Engine::Sqlite
    } else if head.starts_with(PG_MAGIC) {
        Engine::Postgres
    } else {
        bail!(
            "{}: not a jumelage backup (neither a SQLite file nor a pg_dump archive)",
            file.display()
        );
    };
    let url = config.database_url()?;
    let engine = Engine::of_url(&url)?;
    if kind != engine {
        bail!(
            "{}: a {kind:?} backup cannot be restored into a {engine:?} database",
            file.display()
        );
    }
    ensure_empty(&url).await?;
    match engine {
        Engine::Sqlite => {
            let path = sqlite_path(&url);
            for suffix in ["", "-wal", "-shm"] {
                let mut p = path.clone().into_os_string();
                p.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(p));
            }
            let tmp = partial(&path);
            std::fs::copy(file, &tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
            std::fs::rename(&tmp, &path)?;
        }
        Engine::Postgres => {
            tool("pg_restore")?;
            let out = Command::new("pg_restore")
                .args([
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    "--dbname",
                ])
                .arg(&url)
                .arg(file)
                .output()
                .context("cannot run pg_restore")?;
            if !out.status.success() {
                bail!(
                    "pg_restore failed (nothing was restored): {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
            }
        }
    }
    // A backup of an older version is brought up to date like any database.
    let db = Db::connect(&url).await?;
    db.migrate()
        .await
        .context("cannot migrate the restored database")?;
    let rows: i64 = db.table_counts().await?.iter().map(|(_, n)| n).sum();
    db.close().await;
    eprintln!("restored {} ({rows} rows)", file.display());
    Ok(())
}

/// A restore goes into a database that holds nothing: no table at all, or the schema with no
/// data (a `jumelage migrate` that never served).
async fn ensure_empty(url: &str) -> anyhow::Result<()> {
    let engine = Engine::of_url(url)?;
    if engine == Engine::Sqlite && !sqlite_path(url).exists() {
        return Ok(());
    }
    let db = Db::connect(url).await?;
    let tables = db.table_names().await?;
    let counts = if tables.is_empty() {
        Vec::new()
    } else {
        db.table_counts().await?
    };
    db.close().await;
    let full: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(t, _)| t.as_str())
        .collect();
    if !full.is_empty() {
        bail!(
            "the database holds data already ({}): restore into a new, empty database",
            full.join(", ")
        );
    }
    if engine == Engine::Postgres && !tables.is_empty() {
        bail!(
            "the database has the schema already: pg_restore needs a new database without \
             tables (createdb NAME, then --database-url postgres://…/NAME)"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            sqlite_path("sqlite://data/jumelage.db?mode=rwc"),
            PathBuf::from("data/jumelage.db")
        );
        assert_eq!(
            partial(Path::new("/tmp/x.db")),
            PathBuf::from("/tmp/x.db.partial")
        );
    }
}
