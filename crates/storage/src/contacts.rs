//! The contacts of an organisation: a person and the title they hold there. Edited by the
//! organisation's editors and the secretariat; every change goes to the history.

use domain::directory::Names;
use domain::ErrorKey;
use sqlx::Row;

use crate::error::unique_to_duplicate;
use crate::{now_ms, Db, StorageError};

pub use domain::directory::Contact;

fn contact_fields(c: &Contact) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("name", Some(c.name.clone())),
        ("name_ko", c.name_ko.clone()),
        ("email", c.email.clone()),
        ("notes", c.notes.clone()),
        ("title_fr", c.title.fr.clone()),
        ("title_ko", c.title.ko.clone()),
        ("title_en", c.title.en.clone()),
    ]
}

const CONTACT_SELECT: &str = "SELECT p.id, p.name, p.name_ko, p.email, p.notes, p.version, \
    p.archived_at, r.organisation_id, r.title_fr, r.title_ko, r.title_en \
    FROM person_roles r JOIN people p ON p.id = r.person_id WHERE r.organisation_id = $1";

fn contact_from_row(r: &sqlx::any::AnyRow) -> Result<Contact, StorageError> {
    Ok(Contact {
        person_id: r.try_get("id")?,
        organisation_id: r.try_get("organisation_id")?,
        name: r.try_get("name")?,
        name_ko: r.try_get("name_ko")?,
        email: r.try_get("email")?,
        notes: r.try_get("notes")?,
        title: Names {
            fr: r.try_get("title_fr")?,
            ko: r.try_get("title_ko")?,
            ko_latn: None,
            en: r.try_get("title_en")?,
        },
        version: r.try_get("version")?,
        archived_at: r.try_get("archived_at")?,
    })
}

impl Db {
    /// A person with their title in `organisation`, when they hold one there.
    pub async fn contact(
        &self,
        organisation: &str,
        person: &str,
    ) -> Result<Option<Contact>, StorageError> {
        let row = sqlx::query(&format!("{CONTACT_SELECT} AND r.person_id = $2"))
            .bind(organisation)
            .bind(person)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(contact_from_row).transpose()
    }

    /// The contacts of an organisation that are not archived, by name, in one query.
    pub async fn contacts_of(&self, organisation: &str) -> Result<Vec<Contact>, StorageError> {
        let rows = sqlx::query(&format!(
            "{CONTACT_SELECT} AND p.archived_at IS NULL ORDER BY p.name"
        ))
        .bind(organisation)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(contact_from_row).collect()
    }

    /// Adds a person and their title in an organisation, in one transaction.
    pub async fn create_contact(&self, c: &Contact, by: Option<&str>) -> Result<(), StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let now = now_ms();
        sqlx::query(
            "INSERT INTO people (id, name, name_ko, email, notes, sources, version, created_at, \
             updated_at) VALUES ($1, $2, $3, $4, $5, '{}', 1, $6, $6)",
        )
        .bind(&c.person_id)
        .bind(&c.name)
        .bind(&c.name_ko)
        .bind(&c.email)
        .bind(&c.notes)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        sqlx::query(
            "INSERT INTO person_roles (person_id, organisation_id, title_fr, title_ko, title_en) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&c.person_id)
        .bind(&c.organisation_id)
        .bind(&c.title.fr)
        .bind(&c.title.ko)
        .bind(&c.title.en)
        .execute(&mut *tx)
        .await?;
        let none: Vec<_> = contact_fields(c).iter().map(|(f, _)| (*f, None)).collect();
        self.record_changes(
            &mut tx,
            ("person", &c.person_id, 1),
            &none,
            &contact_fields(c),
            by,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes a person and their title in the organisation when the person's version is still
    /// `version`.
    pub async fn update_contact(
        &self,
        c: &Contact,
        version: i64,
        by: Option<&str>,
    ) -> Result<(), StorageError> {
        let old = self
            .contact(&c.organisation_id, &c.person_id)
            .await?
            .ok_or(StorageError::from(ErrorKey::NotFound))?;
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query(
            "UPDATE people SET name = $2, name_ko = $3, email = $4, notes = $5, \
             version = version + 1, updated_at = $6 WHERE id = $1 AND version = $7",
        )
        .bind(&c.person_id)
        .bind(&c.name)
        .bind(&c.name_ko)
        .bind(&c.email)
        .bind(&c.notes)
        .bind(now_ms())
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(ErrorKey::VersionConflict.into());
        }
        sqlx::query(
            "UPDATE person_roles SET title_fr = $3, title_ko = $4, title_en = $5 \
             WHERE person_id = $1 AND organisation_id = $2",
        )
        .bind(&c.person_id)
        .bind(&c.organisation_id)
        .bind(&c.title.fr)
        .bind(&c.title.ko)
        .bind(&c.title.en)
        .execute(&mut *tx)
        .await?;
        self.record_changes(
            &mut tx,
            ("person", &c.person_id, version + 1),
            &contact_fields(&old),
            &contact_fields(c),
            by,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
