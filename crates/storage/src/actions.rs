//! Actions: what partners do together (an exchange, a festival, a programme), mostly under a
//! partnership, with their dates. Edited by the editors of the parties and the secretariat;
//! every change goes to the history.

use domain::directory::Names;
use domain::ErrorKey;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::error::unique_to_duplicate;
use crate::{now_ms, Db, StorageError};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionRecord {
    pub id: String,
    pub partnership_id: Option<String>,
    pub title: Names,
    /// When, as the source says it ("depuis 2008", "2019–2021").
    pub date_text: Option<String>,
    pub start_year: Option<i64>,
    /// First and last day, `YYYY-MM-DD`, when known.
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub status_note: Option<String>,
    pub notes: Option<String>,
    pub parties: Vec<String>,
    pub sources: Value,
    pub version: i64,
    pub archived_at: Option<i64>,
}

const ACTION_COLUMNS: &str = "a.id, a.partnership_id, a.title_fr, a.title_ko, a.title_en, \
    a.date_text, a.start_year, a.start_date, a.end_date, a.status_note, a.notes, a.sources, \
    a.version, a.archived_at";

fn action_from_row(r: &AnyRow) -> Result<ActionRecord, StorageError> {
    let sources: String = r.try_get("sources")?;
    Ok(ActionRecord {
        id: r.try_get("id")?,
        partnership_id: r.try_get("partnership_id")?,
        title: Names {
            fr: r.try_get("title_fr")?,
            ko: r.try_get("title_ko")?,
            ko_latn: None,
            en: r.try_get("title_en")?,
        },
        date_text: r.try_get("date_text")?,
        start_year: r.try_get("start_year")?,
        start_date: r.try_get("start_date")?,
        end_date: r.try_get("end_date")?,
        status_note: r.try_get("status_note")?,
        notes: r.try_get("notes")?,
        parties: Vec::new(),
        sources: serde_json::from_str(&sources).unwrap_or(Value::Null),
        version: r.try_get("version")?,
        archived_at: r.try_get("archived_at")?,
    })
}

fn action_fields(a: &ActionRecord) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("title_fr", a.title.fr.clone()),
        ("title_ko", a.title.ko.clone()),
        ("title_en", a.title.en.clone()),
        ("date_text", a.date_text.clone()),
        ("start_year", a.start_year.map(|y| y.to_string())),
        ("start_date", a.start_date.clone()),
        ("end_date", a.end_date.clone()),
        ("status_note", a.status_note.clone()),
        ("notes", a.notes.clone()),
        (
            "parties",
            Some(a.parties.join(" | ")).filter(|p| !p.is_empty()),
        ),
    ]
}

impl Db {
    pub async fn insert_action(
        &self,
        tx: &mut Transaction<'static, Any>,
        a: &ActionRecord,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO actions (id, partnership_id, title_fr, title_ko, title_en, date_text, \
             start_year, start_date, end_date, status_note, notes, sources, version, \
             created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $13)",
        )
        .bind(&a.id)
        .bind(&a.partnership_id)
        .bind(&a.title.fr)
        .bind(&a.title.ko)
        .bind(&a.title.en)
        .bind(&a.date_text)
        .bind(a.start_year)
        .bind(&a.start_date)
        .bind(&a.end_date)
        .bind(&a.status_note)
        .bind(&a.notes)
        .bind(a.sources.to_string())
        .bind(now)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        write_parties(tx, &a.id, &a.parties).await
    }

    pub async fn action(&self, id: &str) -> Result<Option<ActionRecord>, StorageError> {
        let row = sqlx::query(&format!(
            "SELECT {ACTION_COLUMNS} FROM actions a WHERE a.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(None),
            Some(r) => {
                let mut a = action_from_row(&r)?;
                a.parties = self.parties_of(&a.id).await?;
                Ok(Some(a))
            }
        }
    }

    async fn parties_of(&self, action: &str) -> Result<Vec<String>, StorageError> {
        Ok(sqlx::query_scalar(
            "SELECT organisation_id FROM action_parties WHERE action_id = $1 \
             ORDER BY organisation_id",
        )
        .bind(action)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn actions_where(
        &self,
        condition: &str,
        value: &str,
    ) -> Result<Vec<ActionRecord>, StorageError> {
        let rows = sqlx::query(&format!(
            "SELECT {ACTION_COLUMNS} FROM actions a WHERE a.archived_at IS NULL AND {condition} \
             ORDER BY COALESCE(a.start_date, ''), COALESCE(a.start_year, 9999), a.id"
        ))
        .bind(value)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let mut a = action_from_row(&r)?;
            a.parties = self.parties_of(&a.id).await?;
            out.push(a);
        }
        Ok(out)
    }

    /// The actions an organisation takes part in.
    pub async fn actions_of(&self, organisation: &str) -> Result<Vec<ActionRecord>, StorageError> {
        self.actions_where(
            "a.id IN (SELECT action_id FROM action_parties WHERE organisation_id = $1)",
            organisation,
        )
        .await
    }

    /// The actions carried out under a partnership.
    pub async fn actions_of_partnership(
        &self,
        partnership: &str,
    ) -> Result<Vec<ActionRecord>, StorageError> {
        self.actions_where("a.partnership_id = $1", partnership)
            .await
    }

    /// Creates an action, in its own transaction.
    pub async fn create_action(&self, a: &ActionRecord) -> Result<(), StorageError> {
        let mut tx = self.begin_sqlx().await?;
        self.insert_action(&mut tx, a).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces an action's editable fields when its version is still `version`; the history
    /// keeps every changed field with its old value.
    pub async fn update_action(
        &self,
        a: &ActionRecord,
        version: i64,
        by: Option<&str>,
    ) -> Result<(), StorageError> {
        let old = self
            .action(&a.id)
            .await?
            .ok_or(StorageError::from(ErrorKey::NotFound))?;
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query(
            "UPDATE actions SET title_fr = $2, title_ko = $3, title_en = $4, date_text = $5, \
             start_year = $6, start_date = $7, end_date = $8, status_note = $9, notes = $10, \
             version = version + 1, updated_at = $11 WHERE id = $1 AND version = $12",
        )
        .bind(&a.id)
        .bind(&a.title.fr)
        .bind(&a.title.ko)
        .bind(&a.title.en)
        .bind(&a.date_text)
        .bind(a.start_year)
        .bind(&a.start_date)
        .bind(&a.end_date)
        .bind(&a.status_note)
        .bind(&a.notes)
        .bind(now_ms())
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(ErrorKey::VersionConflict.into());
        }
        sqlx::query("DELETE FROM action_parties WHERE action_id = $1")
            .bind(&a.id)
            .execute(&mut *tx)
            .await?;
        write_parties(&mut tx, &a.id, &a.parties).await?;
        self.record_changes(
            &mut tx,
            ("action", &a.id, version + 1),
            &action_fields(&old),
            &action_fields(a),
            by,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn write_parties(
    tx: &mut Transaction<'static, Any>,
    id: &str,
    parties: &[String],
) -> Result<(), StorageError> {
    for party in parties {
        sqlx::query("INSERT INTO action_parties (action_id, organisation_id) VALUES ($1, $2)")
            .bind(id)
            .bind(party)
            .execute(&mut **tx)
            .await
            .map_err(|e| unique_to_duplicate(e, "parties"))?;
    }
    Ok(())
}
