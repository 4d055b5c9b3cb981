//! The history of the register: every change to an organisation or a partnership, field by
//! field, with its old value, who made it and when; archiving and restoring (nothing is ever
//! hard-deleted by a user).

use domain::directory::{Organisation, Partnership, Signed};
use domain::ErrorKey;
use sqlx::{Any, Row, Transaction};

use crate::{now_ms, Db, StorageError};

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub version: i64,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub changed_by: Option<String>,
    /// The display name of who made the change, when that account still exists.
    pub changed_by_name: Option<String>,
    pub changed_at: i64,
}

fn opt<T: ToString>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(|x| x.to_string())
}

/// The fields of an organisation as text, for comparing two versions.
pub(crate) fn organisation_fields(o: &Organisation) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("kind", Some(o.kind.code().into())),
        ("country", Some(o.country.as_str().into())),
        ("level", o.level.map(|l| l.code().into())),
        ("parent_id", o.parent_id.clone()),
        ("name_fr", o.names.fr.clone()),
        ("name_ko", o.names.ko.clone()),
        ("name_ko_latn", o.names.ko_latn.clone()),
        ("name_en", o.names.en.clone()),
        ("population", opt(&o.population)),
        ("population_year", opt(&o.population_year)),
        ("lat", o.seat.map(|s| s.lat.to_string())),
        ("lon", o.seat.map(|s| s.lon.to_string())),
        ("seat_name", o.seat_name.clone()),
        ("website", o.website.clone()),
        ("notes", o.notes.clone()),
        (
            "other_names",
            Some(crate::json_text(&o.other_names)).filter(|j| j != "{}"),
        ),
        ("notes_lang", o.notes_lang.clone()),
    ]
}

pub(crate) fn partnership_fields(p: &Partnership) -> Vec<(&'static str, Option<String>)> {
    let (date, year) = match p.signed {
        Some(Signed::Date(d)) => (
            Some(d.format("%Y-%m-%d").to_string()),
            Some(Signed::Date(d).year().to_string()),
        ),
        Some(Signed::Year(y)) => (None, Some(y.to_string())),
        None => (None, None),
    };
    vec![
        ("organisation_a", Some(p.organisation_a.clone())),
        ("organisation_b", Some(p.organisation_b.clone())),
        ("kind", Some(p.kind.code().into())),
        ("status", Some(p.status.code().into())),
        ("signed_date", date),
        ("signed_year", year),
        (
            "themes",
            Some(p.themes.join(" | ")).filter(|t| !t.is_empty()),
        ),
        ("notes", p.notes.clone()),
        ("notes_lang", p.notes_lang.clone()),
    ]
}

impl Db {
    /// Records the fields that differ between two versions of a record (its type, id and new
    /// version), in the caller's transaction.
    pub(crate) async fn record_changes(
        &self,
        tx: &mut Transaction<'static, Any>,
        (record_type, record_id, version): (&str, &str, i64),
        old: &[(&'static str, Option<String>)],
        new: &[(&'static str, Option<String>)],
        by: Option<&str>,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        for ((field, before), (_, after)) in old.iter().zip(new) {
            if before == after {
                continue;
            }
            sqlx::query(
                "INSERT INTO changes (record_type, record_id, version, field, old_value, new_value, changed_by, changed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(record_type)
            .bind(record_id)
            .bind(version)
            .bind(*field)
            .bind(before)
            .bind(after)
            .bind(by)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// The history of a record, latest first.
    pub async fn history(
        &self,
        record_type: &str,
        record_id: &str,
    ) -> Result<Vec<Change>, StorageError> {
        let rows = sqlx::query(
            "SELECT c.version, c.field, c.old_value, c.new_value, c.changed_by, c.changed_at, \
             u.display_name FROM changes c LEFT JOIN users u ON u.id = c.changed_by \
             WHERE c.record_type = $1 AND c.record_id = $2 ORDER BY c.id DESC",
        )
        .bind(record_type)
        .bind(record_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Change {
                    version: r.try_get("version")?,
                    field: r.try_get("field")?,
                    old_value: r.try_get("old_value")?,
                    new_value: r.try_get("new_value")?,
                    changed_by: r.try_get("changed_by")?,
                    changed_by_name: r.try_get("display_name")?,
                    changed_at: r.try_get("changed_at")?,
                })
            })
            .collect()
    }

    /// Archives (hides from lists) or restores a record of the register: an organisation, a
    /// partnership, a person, an action or a theme.
    pub async fn set_archived(
        &self,
        record_type: &str,
        id: &str,
        archived: bool,
        by: Option<&str>,
    ) -> Result<(), StorageError> {
        let table = match record_type {
            "organisation" => "organisations",
            "partnership" => "partnerships",
            "person" => "people",
            "action" => "actions",
            "theme" => "themes",
            _ => return Err(ErrorKey::NotFound.into()),
        };
        let mut tx = self.begin_sqlx().await?;
        let before: Option<Option<i64>> =
            sqlx::query_scalar(&format!("SELECT archived_at FROM {table} WHERE id = $1"))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let before = before.ok_or(StorageError::from(ErrorKey::NotFound))?;
        let now = now_ms();
        sqlx::query(&format!(
            "UPDATE {table} SET archived_at = $1, version = version + 1, updated_at = $2 WHERE id = $3"
        ))
        .bind(archived.then_some(now))
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let version: i64 =
            sqlx::query_scalar(&format!("SELECT version FROM {table} WHERE id = $1"))
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        let flag = |b: bool| Some(if b { "archived" } else { "active" }.to_string());
        self.record_changes(
            &mut tx,
            (record_type, id, version),
            &[("archived", flag(before.is_some()))],
            &[("archived", flag(archived))],
            by,
        )
        .await?;
        self.audit_in(
            &mut tx,
            &crate::AuditEvent::new(if archived { "archived" } else { "restored" })
                .actor(by)
                .target(format!("{record_type}:{id}")),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
