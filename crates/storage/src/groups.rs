//! The network and its country groups, and which organisations take part in each.

use domain::directory::Names;
use domain::groups::GroupRole;
use std::collections::HashMap;

use domain::ErrorKey;
use sqlx::{Any, Row, Transaction};

use crate::directory::OrganisationRecord;
use crate::error::unique_to_duplicate;
use crate::{now_ms, Db, StorageError};

pub use domain::groups::Group;

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

    /// The network this instance serves: the one recorded, else the default one (Cités Unies
    /// France), recorded now in the caller's transaction.
    pub async fn network_id(
        &self,
        tx: &mut Transaction<'static, Any>,
    ) -> Result<String, StorageError> {
        let id: Option<String> = sqlx::query_scalar("SELECT id FROM networks ORDER BY id LIMIT 1")
            .fetch_optional(&mut **tx)
            .await?;
        if let Some(id) = id {
            return Ok(id);
        }
        let name = Names {
            fr: Some("Cités Unies France".into()),
            ko: Some("프랑스 지방정부 연합".into()),
            ko_latn: None,
            en: Some("Cités Unies France".into()),
        };
        self.insert_network(tx, "cuf", &name).await?;
        Ok("cuf".into())
    }

    /// The names of the network this instance serves, once one is recorded.
    pub async fn the_network_names(&self) -> Result<Option<Names>, StorageError> {
        let id: Option<String> = sqlx::query_scalar("SELECT id FROM networks ORDER BY id LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        match id {
            Some(id) => self.network_names(&id).await,
            None => Ok(None),
        }
    }

    /// The network's names.
    pub async fn network_names(&self, id: &str) -> Result<Option<Names>, StorageError> {
        let row = sqlx::query("SELECT name_fr, name_ko, name_en FROM networks WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(Names {
                fr: r.try_get("name_fr")?,
                ko: r.try_get("name_ko")?,
                ko_latn: None,
                en: r.try_get("name_en")?,
            })
        })
        .transpose()
    }

    pub async fn insert_group(
        &self,
        tx: &mut Transaction<'static, Any>,
        g: &Group,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO country_groups (id, network_id, country, name_fr, name_ko, name_en, \
             about_fr, about_ko, about_en, hashtag, time_zones, languages, hashtags, other_names, \
             version, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15)",
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
        .bind(g.hashtags.first().map(|h| format!("#{h}")))
        .bind(zones_json(g))
        .bind(serde_json::json!(g.languages).to_string())
        .bind(serde_json::json!(g.hashtags).to_string())
        .bind(crate::json_text(&g.other_names))
        .bind(now_ms())
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        Ok(())
    }

    /// A group's settings changed (not its id nor its network); a stale `version` is a conflict.
    pub async fn update_group(&self, g: &Group, version: i64) -> Result<(), StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query(
            "UPDATE country_groups SET country = $1, name_fr = $2, name_ko = $3, name_en = $4, \
             about_fr = $5, about_ko = $6, about_en = $7, hashtag = $8, time_zones = $9, \
             languages = $10, hashtags = $11, other_names = $12, version = version + 1 \
             WHERE id = $13 AND version = $14",
        )
        .bind(&g.country)
        .bind(&g.name.fr)
        .bind(&g.name.ko)
        .bind(&g.name.en)
        .bind(&g.about.fr)
        .bind(&g.about.ko)
        .bind(&g.about.en)
        .bind(g.hashtags.first().map(|h| format!("#{h}")))
        .bind(zones_json(g))
        .bind(serde_json::json!(g.languages).to_string())
        .bind(serde_json::json!(g.hashtags).to_string())
        .bind(crate::json_text(&g.other_names))
        .bind(&g.id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Err(ErrorKey::VersionConflict.into());
        }
        tx.commit().await?;
        Ok(())
    }

    /// How many organisations take part in each group (removed members not counted).
    pub async fn group_member_counts(&self) -> Result<HashMap<String, i64>, StorageError> {
        let rows = sqlx::query(
            "SELECT m.group_id, COUNT(*) AS n FROM group_members m \
             JOIN organisations o ON o.id = m.organisation_id \
             WHERE m.left_at IS NULL AND o.archived_at IS NULL GROUP BY m.group_id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("group_id")?, r.try_get("n")?)))
            .collect()
    }

    /// An organisation leaves a group: its row stays, closed, so that what it did in the group
    /// keeps its context.
    pub async fn remove_group_member(
        &self,
        group: &str,
        organisation: &str,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query(
            "UPDATE group_members SET left_at = $1 \
             WHERE group_id = $2 AND organisation_id = $3 AND left_at IS NULL",
        )
        .bind(now_ms())
        .bind(group)
        .bind(organisation)
        .execute(&mut *tx)
        .await?;
        members_changed(&mut tx, group).await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    pub async fn add_group_member(
        &self,
        tx: &mut Transaction<'static, Any>,
        group: &str,
        organisation: &str,
        role: GroupRole,
    ) -> Result<(), StorageError> {
        // One row a pair: joining again reopens it with the new role.
        sqlx::query(
            "INSERT INTO group_members (group_id, organisation_id, role, joined_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (group_id, organisation_id) \
             DO UPDATE SET role = excluded.role, left_at = NULL",
        )
        .bind(group)
        .bind(organisation)
        .bind(role.code())
        .bind(now_ms())
        .execute(&mut **tx)
        .await?;
        members_changed(tx, group).await
    }

    /// A value that differs whenever a group, its members or the register they show changed:
    /// the groups' versions and their members' last change, then the search stamp (the
    /// register, the partnerships, the taxonomy through the change history).
    pub async fn groups_stamp(&self) -> Result<String, StorageError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(version), 0) AS BIGINT) AS v, \
             COALESCE(MAX(members_changed_at), 0) AS m FROM country_groups",
        )
        .fetch_one(&self.pool)
        .await?;
        let (n, v, m): (i64, i64, i64) = (row.try_get("n")?, row.try_get("v")?, row.try_get("m")?);
        let register = self.search_stamp().await?;
        Ok(format!("{n}.{v}.{m}.{}", register.key))
    }

    pub async fn groups(&self) -> Result<Vec<Group>, StorageError> {
        let rows = sqlx::query(&format!("{GROUP_SELECT} ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(group_from_row).collect()
    }

    /// The groups a person works in, in one query: those named (their roles' groups), and those
    /// the organisations they edit take part in.
    pub async fn groups_of_person(
        &self,
        groups: &[&str],
        organisations: &[&str],
    ) -> Result<Vec<Group>, StorageError> {
        if groups.is_empty() && organisations.is_empty() {
            return Ok(Vec::new());
        }
        let mut p = crate::params::Params::default();
        let mut list = |ids: &[&str]| -> String {
            let l: Vec<String> = ids.iter().map(|i| p.text(*i)).collect();
            if l.is_empty() {
                "NULL".into()
            } else {
                l.join(", ")
            }
        };
        let (g, o) = (list(groups), list(organisations));
        let sql = format!(
            "{GROUP_SELECT} WHERE id IN ({g}) OR id IN (SELECT group_id FROM group_members \
             WHERE left_at IS NULL AND organisation_id IN ({o})) ORDER BY id"
        );
        let rows = sqlx::query_with(&sql, p.into_arguments())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(group_from_row).collect()
    }

    pub async fn group(&self, id: &str) -> Result<Option<Group>, StorageError> {
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
             AND left_at IS NULL ORDER BY organisation_id",
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
            "SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND organisation_id = $2 \
             AND left_at IS NULL",
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
            "SELECT group_id, role FROM group_members WHERE organisation_id = $1 \
             AND left_at IS NULL ORDER BY group_id",
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
    about_ko, about_en, time_zones, languages, hashtags, other_names, version FROM country_groups";

fn zones_json(g: &Group) -> String {
    serde_json::json!(g.time_zones.iter().map(|z| z.name()).collect::<Vec<_>>()).to_string()
}

fn group_from_row(r: &sqlx::any::AnyRow) -> Result<Group, StorageError> {
    let list = |col: &str| -> Result<Vec<String>, StorageError> {
        let text: String = r.try_get(col)?;
        Ok(serde_json::from_str(&text).unwrap_or_default())
    };
    let other: String = r.try_get("other_names")?;
    Ok(Group {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        country: r.try_get("country")?,
        name: Names {
            fr: r.try_get("name_fr")?,
            ko: r.try_get("name_ko")?,
            ko_latn: None,
            en: r.try_get("name_en")?,
        },
        other_names: serde_json::from_str(&other).unwrap_or_default(),
        about: Names {
            fr: r.try_get("about_fr")?,
            ko: r.try_get("about_ko")?,
            ko_latn: None,
            en: r.try_get("about_en")?,
        },
        time_zones: list("time_zones")?
            .iter()
            .filter_map(|z| z.parse::<chrono_tz::Tz>().ok())
            .collect(),
        languages: list("languages")?,
        hashtags: list("hashtags")?,
        version: r.try_get("version")?,
    })
}

/// Marks that a group's members changed (its pages are built again).
async fn members_changed(
    tx: &mut Transaction<'static, Any>,
    group: &str,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE country_groups SET members_changed_at = \
         CASE WHEN members_changed_at >= $1 THEN members_changed_at + 1 ELSE $1 END WHERE id = $2",
    )
    .bind(now_ms())
    .bind(group)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
