//! What the full-text index reads: every record that is not archived, with its names in every
//! language and its other texts; and a stamp that changes whenever any of them changes, so that
//! each app node can tell that its index is behind the database.

use domain::directory::Names;
use sqlx::Row;

use crate::{Db, StorageError};

/// One record for the index.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRecord {
    pub kind: &'static str,
    pub id: String,
    pub names: Vec<String>,
    pub texts: Vec<String>,
    /// The record's name to show, per language.
    pub display: Names,
}

fn names_of(row: &sqlx::any::AnyRow, prefix: &str) -> Result<Names, StorageError> {
    let get = |c: &str| row.try_get::<Option<String>, _>(format!("{prefix}{c}").as_str());
    Ok(Names {
        fr: get("fr")?,
        ko: get("ko")?,
        ko_latn: get("ko_latn")?,
        en: get("en")?,
    })
}

fn texts(row: &sqlx::any::AnyRow, cols: &[&str]) -> Result<Vec<String>, StorageError> {
    let mut out = Vec::new();
    for c in cols {
        if let Some(v) = row.try_get::<Option<String>, _>(*c)? {
            out.push(v);
        }
    }
    Ok(out)
}

impl Db {
    /// A value that differs whenever a searchable record was added, changed or archived: per
    /// table, the latest `updated_at` and how many rows carry it (a row added or changed in the
    /// same millisecond as the latest still moves the count), plus the latest history entry.
    /// Records are never deleted, so nothing else can change the set. Every part is an index
    /// lookup (migration 0006), on both engines.
    pub async fn search_stamp(&self) -> Result<String, StorageError> {
        let mut sql = Vec::new();
        for t in ["organisations", "partnerships", "people", "actions"] {
            sql.push(format!(
                "(SELECT COALESCE(MAX(updated_at), 0) FROM {t}) AS {t}_at, \
                 (SELECT COUNT(*) FROM {t} WHERE updated_at = (SELECT MAX(updated_at) FROM {t})) AS {t}_n"
            ));
        }
        let row = sqlx::query(&format!(
            "SELECT {}, (SELECT COALESCE(MAX(id), 0) FROM changes) AS c",
            sql.join(", ")
        ))
        .fetch_one(&self.pool)
        .await?;
        let mut parts = Vec::new();
        for t in ["organisations", "partnerships", "people", "actions"] {
            parts.push(
                row.try_get::<i64, _>(format!("{t}_at").as_str())?
                    .to_string(),
            );
            parts.push(
                row.try_get::<i64, _>(format!("{t}_n").as_str())?
                    .to_string(),
            );
        }
        parts.push(row.try_get::<i64, _>("c")?.to_string());
        Ok(parts.join("."))
    }

    /// Every record that is not archived, as the index reads it.
    pub async fn search_records(&self) -> Result<Vec<SearchRecord>, StorageError> {
        let mut out = Vec::new();
        let rows = sqlx::query(
            "SELECT id, name_fr, name_ko, name_ko_latn, name_en, seat_name, notes FROM organisations \
             WHERE archived_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            let mut names = texts(r, &["name_fr", "name_ko", "name_ko_latn", "name_en"])?;
            if let Some(ko) = r.try_get::<Option<String>, _>("name_ko")? {
                // The romanisation, when none was typed: "Guro" finds 구로구.
                let latn = domain::directory::romanize_place(&ko);
                if !names.contains(&latn) {
                    names.push(latn);
                }
            }
            out.push(SearchRecord {
                kind: "organisation",
                id: r.try_get("id")?,
                names,
                texts: texts(r, &["seat_name", "notes"])?,
                display: names_of(r, "name_")?,
            });
        }
        let rows = sqlx::query(
            "SELECT p.id, a.name_fr AS a_fr, a.name_ko AS a_ko, a.name_ko_latn AS a_ko_latn, \
             a.name_en AS a_en, b.name_fr AS b_fr, b.name_ko AS b_ko, \
             b.name_ko_latn AS b_ko_latn, b.name_en AS b_en, p.notes \
             FROM partnerships p JOIN organisations a ON a.id = p.organisation_a \
             JOIN organisations b ON b.id = p.organisation_b WHERE p.archived_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        // Themes are found by their labels in every language.
        let taxonomy = self.taxonomy().await?;
        let mut themes: std::collections::HashMap<String, Vec<String>> = Default::default();
        for th in sqlx::query("SELECT partnership_id, label FROM partnership_themes")
            .fetch_all(&self.pool)
            .await?
        {
            let id: String = th.try_get("label")?;
            let entry = themes.entry(th.try_get("partnership_id")?).or_default();
            match taxonomy.get(&id) {
                Some(t) => entry.extend(
                    [&t.labels.fr, &t.labels.ko, &t.labels.en]
                        .into_iter()
                        .flatten()
                        .cloned(),
                ),
                None => entry.push(id),
            }
        }
        for r in &rows {
            let id: String = r.try_get("id")?;
            let mut t = texts(r, &["notes"])?;
            t.extend(themes.remove(&id).unwrap_or_default());
            let (a, b) = (names_of(r, "a_")?, names_of(r, "b_")?);
            let pair = |l: &str| Some(format!("{} — {}", a.get(l), b.get(l)));
            out.push(SearchRecord {
                kind: "partnership",
                names: texts(
                    r,
                    &[
                        "a_fr",
                        "a_ko",
                        "a_ko_latn",
                        "a_en",
                        "b_fr",
                        "b_ko",
                        "b_ko_latn",
                        "b_en",
                    ],
                )?,
                display: Names {
                    fr: pair("fr"),
                    ko: pair("ko"),
                    ko_latn: None,
                    en: pair("en"),
                },
                id,
                texts: t,
            });
        }
        let rows =
            sqlx::query("SELECT id, name, name_ko, notes FROM people WHERE archived_at IS NULL")
                .fetch_all(&self.pool)
                .await?;
        for r in &rows {
            out.push(SearchRecord {
                kind: "person",
                id: r.try_get("id")?,
                display: Names {
                    fr: r.try_get("name")?,
                    ko: r.try_get("name_ko")?,
                    ..Default::default()
                },
                names: texts(r, &["name", "name_ko"])?,
                texts: texts(r, &["notes"])?,
            });
        }
        let rows = sqlx::query(
            "SELECT id, title_fr, title_ko, NULL AS title_ko_latn, title_en, status_note, notes FROM actions \
             WHERE archived_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            out.push(SearchRecord {
                kind: "action",
                id: r.try_get("id")?,
                display: names_of(r, "title_")?,
                names: texts(r, &["title_fr", "title_ko", "title_en"])?,
                texts: texts(r, &["status_note", "notes"])?,
            });
        }
        Ok(out)
    }
}
