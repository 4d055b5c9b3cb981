//! The bilingual theme taxonomy of partnerships, edited by the secretariat. A partnership's
//! themes are ids of this table (`partnership_themes.label`); a theme is renamed in one place
//! and archived rather than deleted, so that the partnerships that carry it keep it.

use domain::directory::Names;
use domain::ErrorKey;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::error::unique_to_duplicate;
use crate::{now_ms, Db, StorageError};

pub use domain::directory::Theme;

/// The taxonomy in memory, for turning what people type (an id, or a label in any language,
/// in any case) into theme ids, and ids into labels.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    pub themes: Vec<Theme>,
}

impl Taxonomy {
    pub fn get(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The theme id that `typed` names: its id or one of its labels, ignoring case and the
    /// spaces around. Archived themes still resolve (exports of old records import again).
    pub fn resolve(&self, typed: &str) -> Option<&str> {
        let key = typed.trim().to_lowercase();
        if key.is_empty() {
            return None;
        }
        self.themes
            .iter()
            .find(|t| {
                t.id.to_lowercase() == key
                    || [&t.labels.fr, &t.labels.ko, &t.labels.en]
                        .into_iter()
                        .flatten()
                        .any(|l| l.trim().to_lowercase() == key)
            })
            .map(|t| t.id.as_str())
    }

    /// The ids of `typed`, in order and without repeats; the first unknown one is an error on
    /// `themes[i]`.
    pub fn resolve_all(&self, typed: &[String]) -> Result<Vec<String>, domain::DomainError> {
        let mut out: Vec<String> = Vec::new();
        for (i, t) in typed.iter().enumerate() {
            if t.trim().is_empty() {
                continue;
            }
            let id = self.resolve(t).ok_or_else(|| {
                domain::DomainError::field(ErrorKey::UnknownTheme, format!("themes[{i}]"))
            })?;
            if !out.iter().any(|o| o == id) {
                out.push(id.to_string());
            }
        }
        Ok(out)
    }

    /// Labels of theme ids in `lang`, joined for display.
    pub fn labels(&self, ids: &[String], lang: &str) -> Vec<String> {
        ids.iter()
            .map(|id| self.get(id).map(|t| t.label(lang)).unwrap_or(id.clone()))
            .collect()
    }
}

fn theme_from_row(r: &AnyRow) -> Result<Theme, StorageError> {
    Ok(Theme {
        id: r.try_get("id")?,
        labels: Names {
            fr: r.try_get("label_fr")?,
            ko: r.try_get("label_ko")?,
            ko_latn: None,
            en: r.try_get("label_en")?,
        },
        position: r.try_get("position")?,
        version: r.try_get("version")?,
        archived_at: r.try_get("archived_at")?,
        uses: r.try_get("uses")?,
    })
}

const THEME_SELECT: &str = "SELECT t.id, t.label_fr, t.label_ko, t.label_en, t.position, \
    t.version, t.archived_at, (SELECT COUNT(*) FROM partnership_themes pt \
    WHERE pt.label = t.id) AS uses FROM themes t";

/// The same without the counts, which read every partnership's themes: for labels and
/// resolution on every list, page and index update.
const THEME_SELECT_LABELS: &str = "SELECT t.id, t.label_fr, t.label_ko, t.label_en, t.position, \
    t.version, t.archived_at, CAST(0 AS BIGINT) AS uses FROM themes t";

fn theme_fields(t: &Theme) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("label_fr", t.labels.fr.clone()),
        ("label_ko", t.labels.ko.clone()),
        ("label_en", t.labels.en.clone()),
        ("position", Some(t.position.to_string())),
    ]
}

impl Db {
    /// Every theme (archived ones too), in the secretariat's order; `uses` left at 0.
    pub async fn taxonomy(&self) -> Result<Taxonomy, StorageError> {
        self.read_taxonomy(THEME_SELECT_LABELS).await
    }

    /// The same with how many partnerships carry each theme (the taxonomy's own page).
    pub async fn taxonomy_with_uses(&self) -> Result<Taxonomy, StorageError> {
        self.read_taxonomy(THEME_SELECT).await
    }

    async fn read_taxonomy(&self, select: &str) -> Result<Taxonomy, StorageError> {
        let rows = sqlx::query(&format!("{select} ORDER BY t.position, t.id"))
            .fetch_all(&self.pool)
            .await?;
        Ok(Taxonomy {
            themes: rows.iter().map(theme_from_row).collect::<Result<_, _>>()?,
        })
    }

    pub async fn theme(&self, id: &str) -> Result<Option<Theme>, StorageError> {
        let row = sqlx::query(&format!("{THEME_SELECT} WHERE t.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(theme_from_row).transpose()
    }

    pub async fn insert_theme(&self, t: &Theme, by: Option<&str>) -> Result<(), StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let now = now_ms();
        sqlx::query(
            "INSERT INTO themes (id, label_fr, label_ko, label_en, position, version, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $6)",
        )
        .bind(&t.id)
        .bind(&t.labels.fr)
        .bind(&t.labels.ko)
        .bind(&t.labels.en)
        .bind(t.position)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        let none: Vec<_> = theme_fields(t).iter().map(|(f, _)| (*f, None)).collect();
        self.record_changes(&mut tx, ("theme", &t.id, 1), &none, &theme_fields(t), by)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Renames or moves a theme when its version is still `version`; the history keeps the
    /// old labels.
    pub async fn update_theme(
        &self,
        t: &Theme,
        version: i64,
        by: Option<&str>,
    ) -> Result<(), StorageError> {
        let old = self
            .theme(&t.id)
            .await?
            .ok_or(StorageError::from(ErrorKey::NotFound))?;
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query(
            "UPDATE themes SET label_fr = $2, label_ko = $3, label_en = $4, position = $5, \
             version = version + 1, updated_at = $6 WHERE id = $1 AND version = $7",
        )
        .bind(&t.id)
        .bind(&t.labels.fr)
        .bind(&t.labels.ko)
        .bind(&t.labels.en)
        .bind(t.position)
        .bind(now_ms())
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(ErrorKey::VersionConflict.into());
        }
        self.record_changes(
            &mut tx,
            ("theme", &t.id, version + 1),
            &theme_fields(&old),
            &theme_fields(t),
            by,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
