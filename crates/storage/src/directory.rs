//! Organisations, people, partnerships and actions.

use domain::directory::{
    Country, Level, Names, OrgKind, Organisation, Partnership, PartnershipKind, PartnershipStatus,
    Seat, Signed,
};
use domain::ErrorKey;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::error::unique_to_duplicate;
use crate::params::Params;
use crate::{now_ms, Db, StorageError};

/// An organisation as stored, with its bookkeeping.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationRecord {
    pub org: Organisation,
    /// Where each fact comes from: `{"record": [...], "population": "...", ...}`.
    pub sources: Value,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub archived_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartnershipRecord {
    pub partnership: Partnership,
    pub sources: Value,
    pub version: i64,
    /// When it entered the register.
    pub created_at: i64,
    pub archived_at: Option<i64>,
}

/// A person and the title they hold in one organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRole {
    pub person_id: String,
    pub name: String,
    pub organisation_id: String,
    pub title: Names,
}

/// Filters of the organisation list; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct OrgFilter {
    pub country: Option<String>,
    pub level: Option<String>,
    pub kind: Option<String>,
    pub group: Option<String>,
    pub name: Option<String>,
    pub sort: OrgSort,
    pub include_archived: bool,
    /// The reader's language (`fr`, `ko`, `en`): names sort in the order they are shown.
    pub reader: Option<&'static str>,
}

#[derive(Debug, Clone, Default)]
pub struct PartnershipFilter {
    pub organisation: Option<String>,
    pub kind: Option<String>,
    pub status: Option<String>,
    /// A theme id of the taxonomy.
    pub theme: Option<String>,
    /// Signed in or after / in or before this year (partnerships without a year are left out
    /// when either is given).
    pub year_from: Option<i64>,
    pub year_to: Option<i64>,
    /// Organisation on the French or the Korean side (`FR`, `KR`).
    pub country: Option<String>,
    pub sort: PartnershipSort,
    pub include_archived: bool,
}

/// Orders of the partnership list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PartnershipSort {
    /// Oldest first (undated last), the default.
    #[default]
    Year,
    YearDesc,
    /// Latest change first.
    Updated,
}

impl PartnershipSort {
    pub const ALL: [PartnershipSort; 3] = [
        PartnershipSort::Year,
        PartnershipSort::YearDesc,
        PartnershipSort::Updated,
    ];
    pub fn code(self) -> &'static str {
        match self {
            PartnershipSort::Year => "year",
            PartnershipSort::YearDesc => "-year",
            PartnershipSort::Updated => "-updated",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
    fn order_by(self) -> &'static str {
        match self {
            PartnershipSort::Year => "COALESCE(signed_year, 9999), id",
            PartnershipSort::YearDesc => "COALESCE(signed_year, 0) DESC, id",
            PartnershipSort::Updated => "updated_at DESC, id",
        }
    }
}

/// Orders of the organisation list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OrgSort {
    /// Country, then name (the default).
    #[default]
    Name,
    /// Largest population first.
    PopulationDesc,
    Population,
    /// Latest change first.
    Updated,
}

impl OrgSort {
    pub const ALL: [OrgSort; 4] = [
        OrgSort::Name,
        OrgSort::PopulationDesc,
        OrgSort::Population,
        OrgSort::Updated,
    ];
    pub fn code(self) -> &'static str {
        match self {
            OrgSort::Name => "name",
            OrgSort::PopulationDesc => "-population",
            OrgSort::Population => "population",
            OrgSort::Updated => "-updated",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
    /// The order for a reader: Korean readers see Korean names first, so Hangul names sort
    /// among themselves (가나다) instead of by their French names.
    fn order_by_for(self, reader: Option<&str>) -> &'static str {
        match (self, reader) {
            (OrgSort::Name, Some("ko")) => "country, COALESCE(name_ko, name_fr, name_en), id",
            (OrgSort::Name, Some("en")) => "country, COALESCE(name_en, name_fr, name_ko), id",
            _ => self.order_by(),
        }
    }

    fn order_by(self) -> &'static str {
        match self {
            OrgSort::Name => "country, COALESCE(name_fr, name_en, name_ko), id",
            OrgSort::PopulationDesc => "COALESCE(population, -1) DESC, id",
            OrgSort::Population => "COALESCE(population, 9999999999), id",
            OrgSort::Updated => "updated_at DESC, id",
        }
    }
}

const ORG_COLUMNS: &str = "id, kind, country, level, parent_id, name_fr, name_ko, name_ko_latn, \
    name_en, population, population_year, lat, lon, seat_name, website, notes, sources, version, \
    created_at, updated_at, archived_at, other_names, notes_lang";

fn org_from_row(row: &AnyRow) -> Result<OrganisationRecord, StorageError> {
    let kind: String = row.try_get("kind")?;
    let country: String = row.try_get("country")?;
    let level: Option<String> = row.try_get("level")?;
    let lat: Option<f64> = row.try_get("lat")?;
    let lon: Option<f64> = row.try_get("lon")?;
    let sources: String = row.try_get("sources")?;
    let population_year: Option<i64> = row.try_get("population_year")?;
    Ok(OrganisationRecord {
        org: Organisation {
            id: row.try_get("id")?,
            kind: OrgKind::parse(&kind).unwrap_or(OrgKind::Other),
            country: Country::parse(&country).unwrap_or_else(Country::fr),
            level: level.as_deref().and_then(Level::parse),
            parent_id: row.try_get("parent_id")?,
            names: Names {
                fr: row.try_get("name_fr")?,
                ko: row.try_get("name_ko")?,
                ko_latn: row.try_get("name_ko_latn")?,
                en: row.try_get("name_en")?,
            },
            population: row.try_get("population")?,
            population_year: population_year.map(|y| y as i32),
            seat: lat.zip(lon).map(|(lat, lon)| Seat { lat, lon }),
            seat_name: row.try_get("seat_name")?,
            website: row.try_get("website")?,
            notes: row.try_get("notes")?,
            other_names: crate::json_map(row, "other_names")?,
            notes_lang: row.try_get("notes_lang")?,
        },
        sources: serde_json::from_str(&sources).unwrap_or(Value::Null),
        version: row.try_get("version")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        archived_at: row.try_get("archived_at")?,
    })
}

/// Ids bound in one `IN (...)` list at most: the engines bound the parameters of a statement
/// (SQLite 32,766, PostgreSQL 65,535) and an export reads every record, so longer lists are
/// read in chunks of this size.
pub(crate) const IN_LIST_CHUNK: usize = 500;

impl Db {
    pub async fn insert_organisation(
        &self,
        tx: &mut Transaction<'static, Any>,
        org: &Organisation,
        sources: &Value,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO organisations (id, kind, country, level, parent_id, name_fr, name_ko, \
             name_ko_latn, name_en, population, population_year, lat, lon, seat_name, website, \
             notes, sources, version, created_at, updated_at, other_names, notes_lang) VALUES ($1, \
             $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, $18, $18, \
             $19, $20)",
        )
        .bind(&org.id)
        .bind(org.kind.code())
        .bind(org.country.as_str())
        .bind(org.level.map(|l| l.code()))
        .bind(&org.parent_id)
        .bind(&org.names.fr)
        .bind(&org.names.ko)
        .bind(&org.names.ko_latn)
        .bind(&org.names.en)
        .bind(org.population)
        .bind(org.population_year.map(i64::from))
        .bind(org.seat.map(|s| s.lat))
        .bind(org.seat.map(|s| s.lon))
        .bind(&org.seat_name)
        .bind(&org.website)
        .bind(&org.notes)
        .bind(sources.to_string())
        .bind(now)
        .bind(crate::json_text(&org.other_names))
        .bind(&org.notes_lang)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        Ok(())
    }

    /// Replaces the editable fields of an organisation when its version is still `version`;
    /// every changed field goes to the history with its old value, in the same transaction.
    pub async fn update_organisation(
        &self,
        org: &Organisation,
        version: i64,
    ) -> Result<(), StorageError> {
        self.update_organisation_by(org, version, None).await
    }

    pub async fn update_organisation_by(
        &self,
        org: &Organisation,
        version: i64,
        by: Option<&str>,
    ) -> Result<(), StorageError> {
        let old = self
            .organisation(&org.id)
            .await?
            .ok_or(StorageError::from(ErrorKey::NotFound))?;
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query(
            "UPDATE organisations SET kind = $2, country = $3, level = $4, parent_id = $5, \
             name_fr = $6, name_ko = $7, name_ko_latn = $8, name_en = $9, population = $10, \
             population_year = $11, lat = $12, lon = $13, seat_name = $14, website = $15, \
             notes = $16, version = version + 1, updated_at = $17, other_names = $19, \
             notes_lang = $20 WHERE id = $1 AND version = $18",
        )
        .bind(&org.id)
        .bind(org.kind.code())
        .bind(org.country.as_str())
        .bind(org.level.map(|l| l.code()))
        .bind(&org.parent_id)
        .bind(&org.names.fr)
        .bind(&org.names.ko)
        .bind(&org.names.ko_latn)
        .bind(&org.names.en)
        .bind(org.population)
        .bind(org.population_year.map(i64::from))
        .bind(org.seat.map(|s| s.lat))
        .bind(org.seat.map(|s| s.lon))
        .bind(&org.seat_name)
        .bind(&org.website)
        .bind(&org.notes)
        .bind(now_ms())
        .bind(version)
        .bind(crate::json_text(&org.other_names))
        .bind(&org.notes_lang)
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "parent_id"))?;
        if done.rows_affected() == 0 {
            return Err(ErrorKey::VersionConflict.into());
        }
        let old_fields = crate::history::organisation_fields(&old.org);
        let new_fields = crate::history::organisation_fields(org);
        self.record_changes(
            &mut tx,
            ("organisation", &org.id, version + 1),
            &old_fields,
            &new_fields,
            by,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn organisation(&self, id: &str) -> Result<Option<OrganisationRecord>, StorageError> {
        let row = sqlx::query(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(org_from_row).transpose()
    }

    /// The countries of the register's organisations (archived ones included), in code order.
    pub async fn countries_present(&self) -> Result<Vec<String>, StorageError> {
        let rows = sqlx::query("SELECT DISTINCT country FROM organisations ORDER BY country")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .iter()
            .map(|r| r.try_get::<String, _>("country"))
            .collect::<Result<_, _>>()?)
    }

    /// One page of organisations matching `filter`, ordered by country then French name,
    /// and the total count.
    pub async fn organisations(
        &self,
        filter: &OrgFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<OrganisationRecord>, i64), StorageError> {
        let mut p = Params::default();
        let mut wheres = Vec::new();
        if !filter.include_archived {
            wheres.push("archived_at IS NULL".to_string());
        }
        if let Some(c) = &filter.country {
            wheres.push(format!("country = {}", p.text(c.to_ascii_uppercase())));
        }
        if let Some(l) = &filter.level {
            wheres.push(format!("level = {}", p.text(l)));
        }
        if let Some(k) = &filter.kind {
            wheres.push(format!("kind = {}", p.text(k)));
        }
        if let Some(g) = &filter.group {
            wheres.push(format!(
                "id IN (SELECT organisation_id FROM group_members WHERE group_id = {})",
                p.text(g)
            ));
        }
        if let Some(n) = filter.name.as_deref().filter(|n| !n.trim().is_empty()) {
            let like = p.text(format!("%{}%", escape_like(n.trim())));
            let cols = ["name_fr", "name_ko", "name_ko_latn", "name_en"]
                .map(|c| format!("{} ESCAPE '\\'", self.contains_ci(c, &like)));
            wheres.push(format!("({})", cols.join(" OR ")));
        }
        let where_sql = if wheres.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", wheres.join(" AND "))
        };
        let count_sql = format!("SELECT COUNT(*) FROM organisations {where_sql}");
        let total: i64 = sqlx::query_scalar_with(&count_sql, p.clone().into_arguments())
            .fetch_one(&self.pool)
            .await?;
        let lim = p.int(limit);
        let off = p.int(offset);
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organisations {where_sql} \
             ORDER BY {} LIMIT {lim} OFFSET {off}",
            filter.sort.order_by_for(filter.reader)
        );
        let rows = sqlx::query_with(&sql, p.into_arguments())
            .fetch_all(&self.pool)
            .await?;
        let items = rows.iter().map(org_from_row).collect::<Result<_, _>>()?;
        Ok((items, total))
    }

    /// Several organisations at once, by id (those that exist).
    /// Read `IN_LIST_CHUNK` ids at a time, as every `IN (...)` list of ids is.
    pub async fn organisations_by_ids(
        &self,
        ids: &[&str],
    ) -> Result<std::collections::HashMap<String, OrganisationRecord>, StorageError> {
        let mut out = std::collections::HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(IN_LIST_CHUNK) {
            let mut p = Params::default();
            let list: Vec<String> = chunk.iter().map(|i| p.text(*i)).collect();
            let sql = format!(
                "SELECT {ORG_COLUMNS} FROM organisations WHERE id IN ({})",
                list.join(", ")
            );
            for row in sqlx::query_with(&sql, p.into_arguments())
                .fetch_all(&self.pool)
                .await?
            {
                let rec = org_from_row(&row)?;
                out.insert(rec.org.id.clone(), rec);
            }
        }
        Ok(out)
    }

    /// Sets an organisation's parent, in the caller's transaction (imports write parents after
    /// every organisation of the file exists).
    pub async fn set_parent_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: &str,
        parent: &str,
    ) -> Result<(), StorageError> {
        sqlx::query("UPDATE organisations SET parent_id = $1 WHERE id = $2")
            .bind(parent)
            .bind(id)
            .execute(&mut **tx)
            .await
            .map_err(|e| unique_to_duplicate(e, "parent_id"))?;
        Ok(())
    }

    /// Which of `ids` exist already (archived ones too).
    pub async fn existing_organisation_ids(
        &self,
        ids: &[&str],
    ) -> Result<std::collections::HashSet<String>, StorageError> {
        self.existing_ids("organisations", ids).await
    }

    pub async fn existing_partnership_ids(
        &self,
        ids: &[&str],
    ) -> Result<std::collections::HashSet<String>, StorageError> {
        self.existing_ids("partnerships", ids).await
    }

    /// Reads ids only, each asked once, `IN_LIST_CHUNK` at a time (an import checks hundreds
    /// of thousands).
    async fn existing_ids(
        &self,
        table: &str,
        ids: &[&str],
    ) -> Result<std::collections::HashSet<String>, StorageError> {
        let mut wanted: Vec<&str> = ids.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        let mut out = std::collections::HashSet::new();
        for chunk in wanted.chunks(IN_LIST_CHUNK) {
            let mut p = Params::default();
            let list: Vec<String> = chunk.iter().map(|i| p.text(*i)).collect();
            let sql = format!("SELECT id FROM {table} WHERE id IN ({})", list.join(", "));
            let found: Vec<String> = sqlx::query_scalar_with(&sql, p.into_arguments())
                .fetch_all(&self.pool)
                .await?;
            out.extend(found);
        }
        Ok(out)
    }

    /// Organisations whose parent is `id` (districts of a city, ...).
    pub async fn children(&self, id: &str) -> Result<Vec<OrganisationRecord>, StorageError> {
        let rows = sqlx::query(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations WHERE parent_id = $1 AND archived_at IS NULL \
             ORDER BY COALESCE(name_fr, name_en, name_ko)"
        ))
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(org_from_row).collect()
    }

    pub async fn insert_person(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: &str,
        name: &str,
        sources: &Value,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO people (id, name, sources, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(id)
        .bind(name)
        .bind(sources.to_string())
        .bind(now)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        Ok(())
    }

    pub async fn insert_person_role(
        &self,
        tx: &mut Transaction<'static, Any>,
        role: &PersonRole,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO person_roles (person_id, organisation_id, title_fr, title_ko, title_en) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&role.person_id)
        .bind(&role.organisation_id)
        .bind(&role.title.fr)
        .bind(&role.title.ko)
        .bind(&role.title.en)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "organisation"))?;
        Ok(())
    }

    /// The people of an organisation with their titles there.
    pub async fn people_of(&self, organisation: &str) -> Result<Vec<PersonRole>, StorageError> {
        let rows = sqlx::query(
            "SELECT p.id, p.name, r.organisation_id, r.title_fr, r.title_ko, r.title_en \
             FROM person_roles r JOIN people p ON p.id = r.person_id \
             WHERE r.organisation_id = $1 AND p.archived_at IS NULL ORDER BY p.name",
        )
        .bind(organisation)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PersonRole {
                    person_id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    organisation_id: r.try_get("organisation_id")?,
                    title: Names {
                        fr: r.try_get("title_fr")?,
                        ko: r.try_get("title_ko")?,
                        ko_latn: None,
                        en: r.try_get("title_en")?,
                    },
                })
            })
            .collect()
    }

    pub async fn insert_partnership(
        &self,
        tx: &mut Transaction<'static, Any>,
        p: &Partnership,
        sources: &Value,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        let (date, year) = signed_columns(p.signed);
        sqlx::query(
            "INSERT INTO partnerships (id, organisation_a, organisation_b, kind, status, \
             signed_date, signed_year, notes, sources, version, created_at, updated_at, notes_lang) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10, $11)",
        )
        .bind(&p.id)
        .bind(&p.organisation_a)
        .bind(&p.organisation_b)
        .bind(p.kind.code())
        .bind(p.status.code())
        .bind(date)
        .bind(year)
        .bind(&p.notes)
        .bind(sources.to_string())
        .bind(now)
        .bind(&p.notes_lang)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        write_themes(tx, &p.id, &p.themes).await
    }

    /// Many partnerships in the caller's transaction: the rows first, then (once the planner
    /// knows how many there are, see `analyze_in`) their themes, whose foreign-key checks look
    /// the partnerships up.
    pub async fn insert_partnerships(
        &self,
        tx: &mut Transaction<'static, Any>,
        items: &[&Partnership],
        sources: &Value,
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<(), StorageError> {
        for (i, p) in items.iter().enumerate() {
            let bare = Partnership {
                themes: Vec::new(),
                ..(*p).clone()
            };
            self.insert_partnership(tx, &bare, sources).await?;
            if i % 500 == 0 {
                progress(i / 2);
            }
        }
        let bulk = items.len() >= crate::engine::BULK_ROWS;
        if bulk {
            self.analyze_in(tx, &["partnerships"]).await?;
        }
        for (i, p) in items.iter().enumerate() {
            write_themes(tx, &p.id, &p.themes).await?;
            if i % 500 == 0 {
                progress((items.len() + i) / 2);
            }
        }
        if bulk {
            self.analyze_in(tx, &["partnership_themes"]).await?;
        }
        Ok(())
    }

    pub async fn update_partnership(
        &self,
        p: &Partnership,
        version: i64,
    ) -> Result<(), StorageError> {
        self.update_partnership_by(p, version, None).await
    }

    /// The same, saying who changed it; the history keeps every changed field.
    pub async fn update_partnership_by(
        &self,
        p: &Partnership,
        version: i64,
        by: Option<&str>,
    ) -> Result<(), StorageError> {
        let old = self
            .partnership(&p.id)
            .await?
            .ok_or(StorageError::from(ErrorKey::NotFound))?;
        let mut tx = self.begin_sqlx().await?;
        let (date, year) = signed_columns(p.signed);
        let done = sqlx::query(
            "UPDATE partnerships SET organisation_a = $2, organisation_b = $3, kind = $4, \
             status = $5, signed_date = $6, signed_year = $7, notes = $8, \
             version = version + 1, updated_at = $9, notes_lang = $11 WHERE id = $1 AND version = $10",
        )
        .bind(&p.id)
        .bind(&p.organisation_a)
        .bind(&p.organisation_b)
        .bind(p.kind.code())
        .bind(p.status.code())
        .bind(date)
        .bind(year)
        .bind(&p.notes)
        .bind(now_ms())
        .bind(version)
        .bind(&p.notes_lang)
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "organisation_b"))?;
        if done.rows_affected() == 0 {
            drop(tx);
            return Err(match self.partnership(&p.id).await? {
                None => ErrorKey::NotFound.into(),
                Some(_) => ErrorKey::VersionConflict.into(),
            });
        }
        sqlx::query("DELETE FROM partnership_themes WHERE partnership_id = $1")
            .bind(&p.id)
            .execute(&mut *tx)
            .await?;
        write_themes(&mut tx, &p.id, &p.themes).await?;
        let old_fields = crate::history::partnership_fields(&old.partnership);
        let new_fields = crate::history::partnership_fields(p);
        self.record_changes(
            &mut tx,
            ("partnership", &p.id, version + 1),
            &old_fields,
            &new_fields,
            by,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn partnership(&self, id: &str) -> Result<Option<PartnershipRecord>, StorageError> {
        let mut p = Params::default();
        let sql = format!("{PARTNERSHIP_SELECT} WHERE id = {}", p.text(id));
        let row = sqlx::query_with(&sql, p.into_arguments())
            .fetch_optional(&self.pool)
            .await?;
        match row {
            None => Ok(None),
            Some(row) => {
                let mut rec = partnership_from_row(&row)?;
                rec.partnership.themes = self.themes_of(id).await?;
                Ok(Some(rec))
            }
        }
    }

    pub async fn partnerships(
        &self,
        filter: &PartnershipFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<PartnershipRecord>, i64), StorageError> {
        let mut p = Params::default();
        let mut wheres = Vec::new();
        if !filter.include_archived {
            wheres.push("archived_at IS NULL".to_string());
        }
        if let Some(o) = &filter.organisation {
            let ph = p.text(o);
            wheres.push(format!("(organisation_a = {ph} OR organisation_b = {ph})"));
        }
        if let Some(k) = &filter.kind {
            wheres.push(format!("kind = {}", p.text(k)));
        }
        if let Some(s) = &filter.status {
            wheres.push(format!("status = {}", p.text(s)));
        }
        if let Some(t) = &filter.theme {
            wheres.push(format!(
                "id IN (SELECT partnership_id FROM partnership_themes WHERE label = {})",
                p.text(t)
            ));
        }
        if let Some(y) = filter.year_from {
            wheres.push(format!("signed_year >= {}", p.int(y)));
        }
        if let Some(y) = filter.year_to {
            wheres.push(format!("signed_year <= {}", p.int(y)));
        }
        if let Some(c) = &filter.country {
            let ph = p.text(c.to_ascii_uppercase());
            wheres.push(format!(
                "(organisation_a IN (SELECT id FROM organisations WHERE country = {ph}) \
                 OR organisation_b IN (SELECT id FROM organisations WHERE country = {ph}))"
            ));
        }
        let where_sql = if wheres.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", wheres.join(" AND "))
        };
        let total: i64 = sqlx::query_scalar_with(
            &format!("SELECT COUNT(*) FROM partnerships {where_sql}"),
            p.clone().into_arguments(),
        )
        .fetch_one(&self.pool)
        .await?;
        let lim = p.int(limit);
        let off = p.int(offset);
        let sql = format!(
            "{PARTNERSHIP_SELECT} {where_sql} ORDER BY {} LIMIT {lim} OFFSET {off}",
            filter.sort.order_by()
        );
        let rows = sqlx::query_with(&sql, p.into_arguments())
            .fetch_all(&self.pool)
            .await?;
        let mut items: Vec<PartnershipRecord> = rows
            .iter()
            .map(partnership_from_row)
            .collect::<Result<_, _>>()?;
        let ids: Vec<String> = items.iter().map(|r| r.partnership.id.clone()).collect();
        let mut themes = self.themes_of_many(&ids).await?;
        for item in &mut items {
            item.partnership.themes = themes.remove(&item.partnership.id).unwrap_or_default();
        }
        Ok((items, total))
    }

    async fn themes_of(&self, id: &str) -> Result<Vec<String>, StorageError> {
        Ok(sqlx::query_scalar(
            "SELECT label FROM partnership_themes WHERE partnership_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }

    pub(crate) async fn themes_of_many(
        &self,
        ids: &[String],
    ) -> Result<std::collections::HashMap<String, Vec<String>>, StorageError> {
        let mut out: std::collections::HashMap<String, Vec<String>> = Default::default();
        if ids.is_empty() {
            return Ok(out);
        }
        for chunk in ids.chunks(IN_LIST_CHUNK) {
            let mut p = Params::default();
            let list: Vec<String> = chunk.iter().map(|i| p.text(i)).collect();
            let sql = format!(
                "SELECT partnership_id, label FROM partnership_themes WHERE partnership_id IN ({}) \
                 ORDER BY partnership_id, position",
                list.join(", ")
            );
            for row in sqlx::query_with(&sql, p.into_arguments())
                .fetch_all(&self.pool)
                .await?
            {
                let id: String = row.try_get("partnership_id")?;
                out.entry(id).or_default().push(row.try_get("label")?);
            }
        }
        Ok(out)
    }
}

const PARTNERSHIP_SELECT: &str = "SELECT id, organisation_a, organisation_b, kind, status, \
    signed_date, signed_year, notes, sources, version, created_at, archived_at, notes_lang \
    FROM partnerships";

fn partnership_from_row(row: &AnyRow) -> Result<PartnershipRecord, StorageError> {
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    let date: Option<String> = row.try_get("signed_date")?;
    let year: Option<i64> = row.try_get("signed_year")?;
    let signed = date
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .map(Signed::Date)
        .or(year.map(|y| Signed::Year(y as i32)));
    let sources: String = row.try_get("sources")?;
    Ok(PartnershipRecord {
        partnership: Partnership {
            id: row.try_get("id")?,
            organisation_a: row.try_get("organisation_a")?,
            organisation_b: row.try_get("organisation_b")?,
            kind: PartnershipKind::parse(&kind).unwrap_or(PartnershipKind::Informal),
            status: PartnershipStatus::parse(&status).unwrap_or(PartnershipStatus::Active),
            signed,
            themes: Vec::new(),
            notes: row.try_get("notes")?,
            notes_lang: row.try_get("notes_lang")?,
        },
        sources: serde_json::from_str(&sources).unwrap_or(Value::Null),
        version: row.try_get("version")?,
        created_at: row.try_get("created_at")?,
        archived_at: row.try_get("archived_at")?,
    })
}

fn signed_columns(signed: Option<Signed>) -> (Option<String>, Option<i64>) {
    match signed {
        Some(Signed::Date(d)) => (
            Some(d.format("%Y-%m-%d").to_string()),
            Some(i64::from(Signed::Date(d).year())),
        ),
        Some(Signed::Year(y)) => (None, Some(i64::from(y))),
        None => (None, None),
    }
}

async fn write_themes(
    tx: &mut Transaction<'static, Any>,
    id: &str,
    themes: &[String],
) -> Result<(), StorageError> {
    for (i, label) in themes.iter().enumerate() {
        sqlx::query(
            "INSERT INTO partnership_themes (partnership_id, position, label) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(i as i64)
        .bind(label)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
