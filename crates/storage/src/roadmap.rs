//! The yearly roadmap of a group: axes → actions → milestones, with links to the meetings and
//! seminars that carry the actions out.

use domain::directory::Names;
use domain::meetings::roadmap::WorkStatus;
use domain::period::Period;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::error::unique_to_duplicate;
use crate::{Db, StorageError};

pub use domain::meetings::roadmap::{Axis, Milestone, Roadmap, RoadmapAction};

fn names(r: &AnyRow, prefix: &str) -> Result<Names, sqlx::Error> {
    Ok(Names {
        fr: r.try_get(format!("{prefix}_fr").as_str())?,
        ko: r.try_get(format!("{prefix}_ko").as_str())?,
        ko_latn: None,
        en: r.try_get(format!("{prefix}_en").as_str())?,
    })
}

fn period(r: &AnyRow) -> Result<Option<Period>, sqlx::Error> {
    let p: Option<String> = r.try_get("period")?;
    Ok(p.and_then(|p| Period::parse(&p, "period").ok()))
}

fn status(r: &AnyRow) -> Result<WorkStatus, sqlx::Error> {
    let s: String = r.try_get("status")?;
    Ok(WorkStatus::parse(&s).unwrap_or(WorkStatus::Planned))
}

impl Db {
    /// Writes a whole roadmap (demo data, imports) in the caller's transaction.
    pub async fn insert_roadmap(
        &self,
        tx: &mut Transaction<'static, Any>,
        r: &Roadmap,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO roadmaps (id, group_id, year, summary_fr, summary_ko, summary_en, sources) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&r.id)
        .bind(&r.group_id)
        .bind(r.year)
        .bind(&r.summary.fr)
        .bind(&r.summary.ko)
        .bind(&r.summary.en)
        .bind(r.sources.to_string())
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "year"))?;
        for (i, axis) in r.axes.iter().enumerate() {
            sqlx::query(
                "INSERT INTO roadmap_axes (id, roadmap_id, position, title_fr, title_ko, title_en) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&axis.id)
            .bind(&r.id)
            .bind(i as i64)
            .bind(&axis.title.fr)
            .bind(&axis.title.ko)
            .bind(&axis.title.en)
            .execute(&mut **tx)
            .await?;
            for (j, a) in axis.actions.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO roadmap_actions (id, axis_id, position, title_fr, title_ko, title_en, \
                     owner_organisation, owner_text, period, status) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(&a.id)
                .bind(&axis.id)
                .bind(j as i64)
                .bind(&a.title.fr)
                .bind(&a.title.ko)
                .bind(&a.title.en)
                .bind(&a.owner_organisation)
                .bind(&a.owner_text)
                .bind(a.period.map(|p| p.code()))
                .bind(a.status.code())
                .execute(&mut **tx)
                .await?;
                for (k, m) in a.milestones.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO roadmap_milestones (id, action_id, position, title_fr, title_ko, \
                         title_en, period, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(&m.id)
                    .bind(&a.id)
                    .bind(k as i64)
                    .bind(&m.title.fr)
                    .bind(&m.title.ko)
                    .bind(&m.title.en)
                    .bind(m.period.map(|p| p.code()))
                    .bind(m.status.code())
                    .execute(&mut **tx)
                    .await?;
                }
                for (kind, target) in &a.links {
                    sqlx::query(
                        "INSERT INTO roadmap_links (action_id, target_type, target_id) VALUES ($1, $2, $3)",
                    )
                    .bind(&a.id)
                    .bind(kind)
                    .bind(target)
                    .execute(&mut **tx)
                    .await?;
                }
            }
        }
        Ok(())
    }

    /// Replaces a group's roadmap for a year with `r`, in one transaction.
    pub async fn replace_roadmap(&self, r: &Roadmap, by: Option<&str>) -> Result<(), StorageError> {
        // What it replaces stays in the change history, whole: nothing typed is lost; its
        // sources (the demo's report) stay with the new version when it brings none.
        let before = self.roadmap(&r.group_id, r.year).await?;
        let kept;
        let r = match &before {
            Some(b) if r.sources.as_object().is_some_and(|o| o.is_empty()) => {
                kept = Roadmap {
                    sources: b.sources.clone(),
                    ..r.clone()
                };
                &kept
            }
            _ => r,
        };
        let mut tx = self.begin_sqlx().await?;
        // Two saves at once replace one after the other (SQLite's write lock does it there).
        if let Some(lock) = self.setup_lock_sql() {
            sqlx::query(lock).execute(&mut *tx).await?;
        }
        let old: Option<String> =
            sqlx::query_scalar("SELECT id FROM roadmaps WHERE group_id = $1 AND year = $2")
                .bind(&r.group_id)
                .bind(r.year)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(old) = old {
            let in_actions =
                "SELECT a.id FROM roadmap_actions a JOIN roadmap_axes x ON x.id = a.axis_id \
                              WHERE x.roadmap_id = $1";
            for sql in [
                format!("DELETE FROM roadmap_links WHERE action_id IN ({in_actions})"),
                format!("DELETE FROM roadmap_milestones WHERE action_id IN ({in_actions})"),
                "DELETE FROM roadmap_actions WHERE axis_id IN (SELECT id FROM roadmap_axes WHERE roadmap_id = $1)".into(),
                "DELETE FROM roadmap_axes WHERE roadmap_id = $1".into(),
                "DELETE FROM roadmaps WHERE id = $1".into(),
            ] {
                sqlx::query(&sql).bind(&old).execute(&mut *tx).await?;
            }
        }
        self.insert_roadmap(&mut tx, r).await?;
        let version = before.as_ref().map(|_| 2).unwrap_or(1);
        let old = [(
            "content",
            before.as_ref().map(|b| roadmap_json(b).to_string()),
        )];
        let new = [("content", Some(roadmap_json(r).to_string()))];
        self.record_changes(&mut tx, ("roadmap", &r.id, version), &old, &new, by)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes the status of one action of one of the group's roadmaps.
    pub async fn set_roadmap_action_status(
        &self,
        group: &str,
        action: &str,
        status: WorkStatus,
    ) -> Result<(), StorageError> {
        let done = sqlx::query(
            "UPDATE roadmap_actions SET status = $1 WHERE id = $2 AND axis_id IN \
             (SELECT x.id FROM roadmap_axes x JOIN roadmaps r ON r.id = x.roadmap_id WHERE r.group_id = $3)",
        )
        .bind(status.code())
        .bind(action)
        .bind(group)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(domain::ErrorKey::NotFound.into());
        }
        Ok(())
    }

    /// The years a group has a roadmap for, latest first.
    pub async fn roadmap_years(&self, group: &str) -> Result<Vec<i64>, StorageError> {
        Ok(
            sqlx::query_scalar("SELECT year FROM roadmaps WHERE group_id = $1 ORDER BY year DESC")
                .bind(group)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    pub async fn roadmap(&self, group: &str, year: i64) -> Result<Option<Roadmap>, StorageError> {
        let row = sqlx::query(
            "SELECT id, group_id, year, summary_fr, summary_ko, summary_en, sources FROM roadmaps \
             WHERE group_id = $1 AND year = $2",
        )
        .bind(group)
        .bind(year)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let id: String = r.try_get("id")?;
        let sources: String = r.try_get("sources")?;
        let mut roadmap = Roadmap {
            id: id.clone(),
            group_id: r.try_get("group_id")?,
            year: r.try_get("year")?,
            summary: names(&r, "summary")?,
            sources: serde_json::from_str(&sources).unwrap_or(Value::Null),
            axes: Vec::new(),
        };
        let axes = sqlx::query(
            "SELECT id, title_fr, title_ko, title_en FROM roadmap_axes WHERE roadmap_id = $1 ORDER BY position",
        )
        .bind(&id)
        .fetch_all(&self.pool)
        .await?;
        let actions = sqlx::query(
            "SELECT a.id, a.axis_id, a.title_fr, a.title_ko, a.title_en, a.owner_organisation, \
             a.owner_text, a.period, a.status FROM roadmap_actions a \
             JOIN roadmap_axes x ON x.id = a.axis_id WHERE x.roadmap_id = $1 ORDER BY a.position",
        )
        .bind(&id)
        .fetch_all(&self.pool)
        .await?;
        let milestones = sqlx::query(
            "SELECT m.id, m.action_id, m.title_fr, m.title_ko, m.title_en, m.period, m.status \
             FROM roadmap_milestones m JOIN roadmap_actions a ON a.id = m.action_id \
             JOIN roadmap_axes x ON x.id = a.axis_id WHERE x.roadmap_id = $1 ORDER BY m.position",
        )
        .bind(&id)
        .fetch_all(&self.pool)
        .await?;
        let links = sqlx::query(
            "SELECT l.action_id, l.target_type, l.target_id FROM roadmap_links l \
             JOIN roadmap_actions a ON a.id = l.action_id JOIN roadmap_axes x ON x.id = a.axis_id \
             WHERE x.roadmap_id = $1 ORDER BY l.target_type, l.target_id",
        )
        .bind(&id)
        .fetch_all(&self.pool)
        .await?;
        for ax in &axes {
            let axis_id: String = ax.try_get("id")?;
            let mut axis = Axis {
                id: axis_id.clone(),
                title: names(ax, "title")?,
                actions: Vec::new(),
            };
            for a in actions.iter().filter(|a| {
                a.try_get::<String, _>("axis_id").ok().as_deref() == Some(axis_id.as_str())
            }) {
                let action_id: String = a.try_get("id")?;
                let of_action = |r: &&AnyRow| {
                    r.try_get::<String, _>("action_id").ok().as_deref() == Some(action_id.as_str())
                };
                axis.actions.push(RoadmapAction {
                    title: names(a, "title")?,
                    owner_organisation: a.try_get("owner_organisation")?,
                    owner_text: a.try_get("owner_text")?,
                    period: period(a)?,
                    status: status(a)?,
                    milestones: milestones
                        .iter()
                        .filter(of_action)
                        .map(|m| {
                            Ok(Milestone {
                                id: m.try_get("id")?,
                                title: names(m, "title")?,
                                period: period(m)?,
                                status: status(m)?,
                            })
                        })
                        .collect::<Result<_, sqlx::Error>>()?,
                    links: links
                        .iter()
                        .filter(of_action)
                        .map(|l| Ok((l.try_get("target_type")?, l.try_get("target_id")?)))
                        .collect::<Result<_, sqlx::Error>>()?,
                    id: action_id.clone(),
                });
            }
            roadmap.axes.push(axis);
        }
        Ok(Some(roadmap))
    }
}

/// A roadmap as JSON, for the change history.
fn roadmap_json(r: &Roadmap) -> Value {
    let names = |n: &Names| serde_json::json!({"fr": n.fr, "ko": n.ko, "en": n.en});
    serde_json::json!({
        "summary": names(&r.summary),
        "axes": r.axes.iter().map(|a| serde_json::json!({
            "title": names(&a.title),
            "actions": a.actions.iter().map(|x| serde_json::json!({
                "title": names(&x.title),
                "owner_organisation": x.owner_organisation,
                "owner_text": x.owner_text,
                "period": x.period.map(|p| p.code()),
                "status": x.status.code(),
                "milestones": x.milestones.iter().map(|m| serde_json::json!({
                    "title": names(&m.title),
                    "period": m.period.map(|p| p.code()),
                    "status": m.status.code(),
                })).collect::<Vec<_>>(),
                "links": x.links,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
