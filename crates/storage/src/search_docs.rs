//! What the full-text index reads: every record that is not archived, with its names in every
//! language and its other texts; and a stamp that changes whenever any of them changes, so that
//! each app node can tell that its index is behind the database.

use domain::directory::Names;
use sqlx::Row;

use crate::{Db, StorageError};

/// Where the database stands, for the search index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchStamp {
    /// Differs whenever a searchable record was added, changed or archived.
    pub key: String,
    /// The latest `updated_at` of the searchable tables.
    pub updated_at: i64,
    /// The latest entry of the change history.
    pub last_change: i64,
}

/// What to do to an index built at an earlier stamp.
#[derive(Debug, Clone, Default)]
pub struct SearchChanges {
    pub upserts: Vec<SearchRecord>,
    /// (kind, id) of records archived since.
    pub removals: Vec<(&'static str, String)>,
}

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
    pub async fn search_stamp(&self) -> Result<SearchStamp, StorageError> {
        let mut sql = Vec::new();
        for t in STAMPED {
            sql.push(format!(
                "(SELECT COALESCE(MAX(updated_at), 0) FROM {t}) AS {t}_at, \
                 (SELECT COUNT(*) FROM {t} WHERE updated_at = (SELECT MAX(updated_at) FROM {t})) AS {t}_n"
            ));
        }
        let row = sqlx::query(&format!(
            "SELECT {}, (SELECT COALESCE(MAX(id), 0) FROM changes) AS c, \
             (SELECT COUNT(*) FROM seminar_series) AS series_n",
            sql.join(", ")
        ))
        .fetch_one(&self.pool)
        .await?;
        let mut parts = Vec::new();
        for t in STAMPED {
            parts.push(
                row.try_get::<i64, _>(format!("{t}_at").as_str())?
                    .to_string(),
            );
            parts.push(
                row.try_get::<i64, _>(format!("{t}_n").as_str())?
                    .to_string(),
            );
        }
        let last_change = row.try_get::<i64, _>("c")?;
        parts.push(last_change.to_string());
        parts.push(row.try_get::<i64, _>("series_n")?.to_string());
        let mut updated_at = 0;
        for t in STAMPED {
            updated_at = updated_at.max(row.try_get::<i64, _>(format!("{t}_at").as_str())?);
        }
        Ok(SearchStamp {
            key: parts.join("."),
            updated_at,
            last_change,
        })
    }

    /// What changed since `since` (ms; records changed at or after it are read again, so an
    /// overlap costs only time): records to index again and records to remove (archived).
    /// `None` when the theme taxonomy changed after history entry `after_change` (partnerships
    /// are found by theme labels: the caller rebuilds).
    /// `None` too when more than `limit` records changed (rebuilding is then cheaper); that is
    /// counted on the `updated_at` indexes before anything is read.
    pub async fn search_changes(
        &self,
        since: i64,
        after_change: i64,
        limit: usize,
    ) -> Result<Option<SearchChanges>, StorageError> {
        let themes: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM changes WHERE id > $1 AND record_type = 'theme'",
        )
        .bind(after_change)
        .fetch_one(&self.pool)
        .await?;
        if themes > 0 {
            return Ok(None);
        }
        let mut changed = 0;
        for t in STAMPED {
            let n: i64 =
                sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {t} WHERE updated_at >= $1"))
                    .bind(since)
                    .fetch_one(&self.pool)
                    .await?;
            changed += n;
        }
        if changed > limit as i64 {
            return Ok(None);
        }
        let (upserts, removals) = self.read_search_records(Some(since)).await?;
        Ok(Some(SearchChanges { upserts, removals }))
    }

    /// How many records the index should hold: those not archived.
    pub async fn searchable_count(&self) -> Result<i64, StorageError> {
        let mut total = 0;
        for t in ["organisations", "partnerships", "people", "actions"] {
            let n: i64 = sqlx::query_scalar(&format!(
                "SELECT COUNT(*) FROM {t} WHERE archived_at IS NULL"
            ))
            .fetch_one(&self.pool)
            .await?;
            total += n;
        }
        let others: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM meetings WHERE archived_at IS NULL \
             AND visibility = 'public') + (SELECT COUNT(*) FROM seminars) \
             + (SELECT COUNT(*) FROM seminar_series)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(total + others)
    }

    /// Every record that is not archived, as the index reads it.
    pub async fn search_records(&self) -> Result<Vec<SearchRecord>, StorageError> {
        Ok(self.read_search_records(None).await?.0)
    }

    /// Every record that is not archived (`since` is `None`), or those changed at or after
    /// `since` with the archived ones apart.
    async fn read_search_records(
        &self,
        since: Option<i64>,
    ) -> Result<(Vec<SearchRecord>, Vec<(&'static str, String)>), StorageError> {
        let mut out = Vec::new();
        let mut removed = Vec::new();
        // A full read goes through each table in its order: written `archived_at IS NULL`, the
        // lists' partial indexes (migration 0008) would be used and each row read at random.
        let cond = |alias: &str| match since {
            None => format!("COALESCE({alias}archived_at, 0) = 0"),
            Some(_) => format!("{alias}updated_at >= $1"),
        };
        let rows = fetch_since(
            &self.pool,
            since,
            &format!(
            "SELECT id, name_fr, name_ko, name_ko_latn, name_en, seat_name, notes, archived_at, \
             other_names FROM organisations WHERE {}",
            cond("")
        ),
        )
        .await?;
        for r in &rows {
            if r.try_get::<Option<i64>, _>("archived_at")?.is_some() {
                removed.push(("organisation", r.try_get("id")?));
                continue;
            }
            let mut names = texts(r, &["name_fr", "name_ko", "name_ko_latn", "name_en"])?;
            names.extend(crate::json_map(r, "other_names")?.into_values());
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
        // A partnership is found by its parties' names: it is read again when they change.
        let partnership_cond = match since {
            None => cond("p."),
            // A union of three index lookups: written with OR, PostgreSQL scans the table.
            Some(_) => "p.id IN (SELECT id FROM partnerships WHERE updated_at >= $1 \
                UNION SELECT id FROM partnerships WHERE organisation_a IN \
                (SELECT id FROM organisations WHERE updated_at >= $1) \
                UNION SELECT id FROM partnerships WHERE organisation_b IN \
                (SELECT id FROM organisations WHERE updated_at >= $1))"
                .to_string(),
        };
        let rows = fetch_since(
            &self.pool,
            since,
            &format!(
                "SELECT p.id, a.name_fr AS a_fr, a.name_ko AS a_ko, a.name_ko_latn AS a_ko_latn, \
             a.name_en AS a_en, b.name_fr AS b_fr, b.name_ko AS b_ko, \
             b.name_ko_latn AS b_ko_latn, b.name_en AS b_en, p.notes, p.archived_at \
             FROM partnerships p JOIN organisations a ON a.id = p.organisation_a \
             JOIN organisations b ON b.id = p.organisation_b WHERE {partnership_cond}"
            ),
        )
        .await?;
        // Themes are found by their labels in every language.
        let taxonomy = self.taxonomy().await?;
        let theme_ids = match since {
            None => {
                let mut all: std::collections::HashMap<String, Vec<String>> = Default::default();
                for th in sqlx::query("SELECT partnership_id, label FROM partnership_themes")
                    .fetch_all(&self.pool)
                    .await?
                {
                    all.entry(th.try_get("partnership_id")?)
                        .or_default()
                        .push(th.try_get("label")?);
                }
                all
            }
            Some(_) => {
                let ids = rows
                    .iter()
                    .map(|r| r.try_get::<String, _>("id"))
                    .collect::<Result<Vec<_>, _>>()?;
                self.themes_of_many(&ids).await?
            }
        };
        let mut themes: std::collections::HashMap<String, Vec<String>> = Default::default();
        for (pid, ids) in theme_ids {
            let entry = themes.entry(pid).or_default();
            for id in ids {
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
        }
        for r in &rows {
            let id: String = r.try_get("id")?;
            if r.try_get::<Option<i64>, _>("archived_at")?.is_some() {
                removed.push(("partnership", id));
                continue;
            }
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
        let rows = fetch_since(
            &self.pool,
            since,
            &format!(
                "SELECT id, name, name_ko, notes, archived_at FROM people WHERE {}",
                cond("")
            ),
        )
        .await?;
        for r in &rows {
            if r.try_get::<Option<i64>, _>("archived_at")?.is_some() {
                removed.push(("person", r.try_get("id")?));
                continue;
            }
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
        let rows = fetch_since(
            &self.pool,
            since,
            &format!(
            "SELECT id, title_fr, title_ko, NULL AS title_ko_latn, title_en, status_note, notes, \
             archived_at FROM actions WHERE {}",
            cond("")
        ),
        )
        .await?;
        for r in &rows {
            if r.try_get::<Option<i64>, _>("archived_at")?.is_some() {
                removed.push(("action", r.try_get("id")?));
                continue;
            }
            out.push(SearchRecord {
                kind: "action",
                id: r.try_get("id")?,
                display: names_of(r, "title_")?,
                names: texts(r, &["title_fr", "title_ko", "title_en"])?,
                texts: texts(r, &["status_note", "notes"])?,
            });
        }
        self.read_programme_records(since, &mut out, &mut removed)
            .await?;
        Ok((out, removed))
    }

    /// Public meetings (a meeting that is archived or visible to its group only leaves the
    /// index: one index answers every reader), seminars by their theme, and series by their
    /// title (a few rows a group: read whole each time).
    async fn read_programme_records(
        &self,
        since: Option<i64>,
        out: &mut Vec<SearchRecord>,
        removed: &mut Vec<(&'static str, String)>,
    ) -> Result<(), StorageError> {
        let cond = match since {
            None => "archived_at IS NULL AND visibility = 'public'",
            Some(_) => "updated_at >= $1",
        };
        let sql = format!(
            "SELECT id, title_fr, title_ko, NULL AS title_ko_latn, title_en, place, visibility, \
             archived_at, title_other FROM meetings WHERE {cond}"
        );
        for r in &fetch_since(&self.pool, since, &sql).await? {
            let public = r.try_get::<String, _>("visibility")? == "public";
            if r.try_get::<Option<i64>, _>("archived_at")?.is_some() || !public {
                removed.push(("meeting", r.try_get("id")?));
                continue;
            }
            out.push(SearchRecord {
                kind: "meeting",
                id: r.try_get("id")?,
                display: names_of(r, "title_")?,
                names: with_others(r, &["title_fr", "title_ko", "title_en"], "title_other")?,
                texts: texts(r, &["place"])?,
            });
        }
        let cond = if since.is_some() {
            "WHERE updated_at >= $1"
        } else {
            ""
        };
        let sql = format!(
            "SELECT id, theme_fr, theme_ko, NULL AS theme_ko_latn, theme_en, theme_other \
             FROM seminars {cond}"
        );
        for r in &fetch_since(&self.pool, since, &sql).await? {
            out.push(SearchRecord {
                kind: "seminar",
                id: r.try_get("id")?,
                display: names_of(r, "theme_")?,
                names: with_others(r, &["theme_fr", "theme_ko", "theme_en"], "theme_other")?,
                texts: Vec::new(),
            });
        }
        let rows = sqlx::query(
            "SELECT id, title_fr, title_ko, NULL AS title_ko_latn, title_en, title_other \
             FROM seminar_series",
        )
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            out.push(SearchRecord {
                kind: "series",
                id: r.try_get("id")?,
                display: names_of(r, "title_")?,
                names: with_others(r, &["title_fr", "title_ko", "title_en"], "title_other")?,
                texts: Vec::new(),
            });
        }
        Ok(())
    }
}

/// The texts of `cols`, then those in other languages of the JSON column `others`.
fn with_others(
    row: &sqlx::any::AnyRow,
    cols: &[&str],
    others: &str,
) -> Result<Vec<String>, StorageError> {
    let mut out = texts(row, cols)?;
    out.extend(crate::json_map(row, others)?.into_values());
    Ok(out)
}

/// The tables whose `updated_at` moves the search stamp.
const STAMPED: [&str; 6] = [
    "organisations",
    "partnerships",
    "people",
    "actions",
    "meetings",
    "seminars",
];

/// Runs `sql`, binding `since` as `$1` when given.
async fn fetch_since(
    pool: &sqlx::AnyPool,
    since: Option<i64>,
    sql: &str,
) -> Result<Vec<sqlx::any::AnyRow>, sqlx::Error> {
    let q = sqlx::query(sql);
    let q = match since {
        Some(s) => q.bind(s),
        None => q,
    };
    q.fetch_all(pool).await
}
