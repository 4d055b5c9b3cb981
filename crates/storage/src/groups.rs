//! The network and its country groups, and which organisations take part in each.

use domain::directory::Names;
use domain::groups::GroupRole;
use sqlx::{Any, Row, Transaction};

use crate::directory::OrganisationRecord;
use crate::{Db, StorageError};

#[derive(Debug, Clone, PartialEq)]
pub struct CountryGroup {
    pub id: String,
    pub network_id: String,
    pub country: String,
    pub name: Names,
    pub about: Names,
    pub hashtag: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupMember {
    pub organisation: OrganisationRecord,
    pub role: GroupRole,
}

impl Db {
    pub async fn insert_network(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: &str,
        name: &Names,
    ) -> Result<(), StorageError> {
        sqlx::query("INSERT INTO networks (id, name_fr, name_ko, name_en) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(&name.fr)
            .bind(&name.ko)
            .bind(&name.en)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    pub async fn insert_group(
        &self,
        tx: &mut Transaction<'static, Any>,
        g: &CountryGroup,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO country_groups (id, network_id, country, name_fr, name_ko, name_en, \
             about_fr, about_ko, about_en, hashtag) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&g.id)
        .bind(&g.network_id)
        .bind(&g.country)
        .bind(&g.name.fr)
        .bind(&g.name.ko)
        .bind(&g.name.en)
        .bind(&g.about.fr)
        .bind(&g.about.ko)
        .bind(&g.about.en)
        .bind(&g.hashtag)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub async fn add_group_member(
        &self,
        tx: &mut Transaction<'static, Any>,
        group: &str,
        organisation: &str,
        role: GroupRole,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO group_members (group_id, organisation_id, role) VALUES ($1, $2, $3)",
        )
        .bind(group)
        .bind(organisation)
        .bind(role.code())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub async fn groups(&self) -> Result<Vec<CountryGroup>, StorageError> {
        let rows = sqlx::query(&format!("{GROUP_SELECT} ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(group_from_row).collect()
    }

    pub async fn group(&self, id: &str) -> Result<Option<CountryGroup>, StorageError> {
        let row = sqlx::query(&format!("{GROUP_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(group_from_row).transpose()
    }

    /// The organisations taking part in a group, with their role in it.
    pub async fn group_members(&self, group: &str) -> Result<Vec<GroupMember>, StorageError> {
        let rows = sqlx::query(
            "SELECT organisation_id, role FROM group_members WHERE group_id = $1 \
             ORDER BY organisation_id",
        )
        .bind(group)
        .fetch_all(&self.pool)
        .await?;
        let pairs: Vec<(String, String)> = rows
            .iter()
            .map(|r| Ok((r.try_get("organisation_id")?, r.try_get("role")?)))
            .collect::<Result<_, sqlx::Error>>()?;
        let ids: Vec<&str> = pairs.iter().map(|(id, _)| id.as_str()).collect();
        let mut orgs = self.organisations_by_ids(&ids).await?;
        Ok(pairs
            .iter()
            .filter_map(|(id, role)| {
                let organisation = orgs.remove(id)?;
                organisation.archived_at.is_none().then(|| GroupMember {
                    organisation,
                    role: GroupRole::parse(role).unwrap_or(GroupRole::Member),
                })
            })
            .collect())
    }

    /// Whether an organisation takes part in a group.
    pub async fn is_group_member(
        &self,
        group: &str,
        organisation: &str,
    ) -> Result<bool, StorageError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND organisation_id = $2",
        )
        .bind(group)
        .bind(organisation)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// The groups an organisation takes part in.
    pub async fn groups_of(
        &self,
        organisation: &str,
    ) -> Result<Vec<(String, GroupRole)>, StorageError> {
        let rows = sqlx::query(
            "SELECT group_id, role FROM group_members WHERE organisation_id = $1 ORDER BY group_id",
        )
        .bind(organisation)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let role: String = r.try_get("role")?;
                Ok((
                    r.try_get("group_id")?,
                    GroupRole::parse(&role).unwrap_or(GroupRole::Member),
                ))
            })
            .collect()
    }
}

const GROUP_SELECT: &str = "SELECT id, network_id, country, name_fr, name_ko, name_en, about_fr, \
    about_ko, about_en, hashtag FROM country_groups";

fn group_from_row(r: &sqlx::any::AnyRow) -> Result<CountryGroup, StorageError> {
    Ok(CountryGroup {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        country: r.try_get("country")?,
        name: Names {
            fr: r.try_get("name_fr")?,
            ko: r.try_get("name_ko")?,
            ko_latn: None,
            en: r.try_get("name_en")?,
        },
        about: Names {
            fr: r.try_get("about_fr")?,
            ko: r.try_get("about_ko")?,
            ko_latn: None,
            en: r.try_get("about_en")?,
        },
        hashtag: r.try_get("hashtag")?,
    })
}
