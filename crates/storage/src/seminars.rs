//! The seminar series: series, seminars and their programme, facilitators (the line-up),
//! consultations with personal links and answers (every answer logged), and registrations.

use domain::directory::Names;
use domain::period::Period;
use domain::seminars::consultation::{Answer, Willing};
use domain::seminars::registration::{admit, RegistrationStatus};
use domain::seminars::{Audience, SeminarStatus};
use domain::time::Span;
use domain::ErrorKey;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::error::unique_to_duplicate;
use crate::meetings::utc;
use crate::{now_ms, random_token, token_hash, Db, StorageError};

pub use domain::seminars::programme::{Presentation, Seminar, Series};

#[derive(Debug, Clone, PartialEq)]
pub struct Consultation {
    pub id: String,
    pub series_id: String,
    pub open: bool,
    /// Set on the demo data's consultation, whose answers are invented.
    pub demo: bool,
    pub opened_at: i64,
    pub closes_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConsultationAnswer {
    pub organisation_id: String,
    pub answer: Answer,
    pub answered_by: Option<String>,
    pub answered_at: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub id: String,
    pub seminar_id: String,
    pub user_id: Option<String>,
    pub organisation_id: Option<String>,
    pub name: String,
    pub email: String,
    pub locale: String,
    pub status: RegistrationStatus,
    pub attended: bool,
    pub created_at: i64,
}

fn names(r: &AnyRow, prefix: &str) -> Result<Names, sqlx::Error> {
    Ok(Names {
        fr: r.try_get(format!("{prefix}_fr").as_str())?,
        ko: r.try_get(format!("{prefix}_ko").as_str())?,
        ko_latn: None,
        en: r.try_get(format!("{prefix}_en").as_str())?,
    })
}

const SEMINAR_COLUMNS: &str = "id, series_id, position, theme_fr, theme_ko, theme_en, \
    planned_period, starts_at, ends_at, time_zone, duration_minutes, format, link, capacity, \
    audience, status, sequence, version, updated_at, theme_other";

fn seminar_from_row(r: &AnyRow) -> Result<Seminar, StorageError> {
    let period: Option<String> = r.try_get("planned_period")?;
    let start: Option<i64> = r.try_get("starts_at")?;
    let end: Option<i64> = r.try_get("ends_at")?;
    let tz: String = r.try_get("time_zone")?;
    let audience: String = r.try_get("audience")?;
    let status: String = r.try_get("status")?;
    Ok(Seminar {
        id: r.try_get("id")?,
        series_id: r.try_get("series_id")?,
        position: r.try_get("position")?,
        theme: names(r, "theme")?,
        theme_other: crate::json_map(r, "theme_other")?,
        planned_period: period.and_then(|p| Period::parse(&p, "planned_period").ok()),
        span: start.zip(end).map(|(s, e)| Span {
            start: utc(s),
            end: utc(e),
        }),
        time_zone: tz.parse().unwrap_or(domain::time::PARIS),
        duration_minutes: r.try_get("duration_minutes")?,
        format: r.try_get("format")?,
        link: r.try_get("link")?,
        capacity: r.try_get("capacity")?,
        audience: Audience::parse(&audience).unwrap_or(Audience::Members),
        status: SeminarStatus::parse(&status).unwrap_or(SeminarStatus::Planned),
        sequence: r.try_get("sequence")?,
        version: r.try_get("version")?,
        updated_at: r.try_get("updated_at")?,
    })
}

impl Db {
    pub async fn insert_series(
        &self,
        tx: &mut Transaction<'static, Any>,
        s: &Series,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO seminar_series (id, group_id, year, title_fr, title_ko, title_en, sources, \
             created_at, title_other) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&s.id)
        .bind(&s.group_id)
        .bind(s.year)
        .bind(&s.title.fr)
        .bind(&s.title.ko)
        .bind(&s.title.en)
        .bind(s.sources.to_string())
        .bind(now_ms())
        .bind(crate::json_text(&s.title_other))
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "year"))?;
        Ok(())
    }

    pub async fn series(&self, id: &str) -> Result<Option<Series>, StorageError> {
        let row = sqlx::query(
            "SELECT id, group_id, year, title_fr, title_ko, title_en, sources, title_other \
             FROM seminar_series WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(series_from_row).transpose()
    }

    pub async fn series_of_group(&self, group: &str) -> Result<Vec<Series>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, group_id, year, title_fr, title_ko, title_en, sources, title_other \
             FROM seminar_series WHERE group_id = $1 ORDER BY year DESC",
        )
        .bind(group)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(series_from_row).collect()
    }

    pub async fn insert_seminar(
        &self,
        tx: &mut Transaction<'static, Any>,
        s: &Seminar,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO seminars (id, series_id, position, theme_fr, theme_ko, theme_en, planned_period, \
             starts_at, ends_at, time_zone, duration_minutes, format, link, capacity, audience, status, \
             sequence, version, created_at, updated_at, theme_other) VALUES ($1, $2, $3, $4, $5, $6, \
             $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 0, 1, $17, $17, $18)",
        )
        .bind(&s.id)
        .bind(&s.series_id)
        .bind(s.position)
        .bind(&s.theme.fr)
        .bind(&s.theme.ko)
        .bind(&s.theme.en)
        .bind(s.planned_period.map(|p| p.code()))
        .bind(s.span.map(|x| x.start.timestamp_millis()))
        .bind(s.span.map(|x| x.end.timestamp_millis()))
        .bind(s.time_zone.name())
        .bind(s.duration_minutes)
        .bind(&s.format)
        .bind(&s.link)
        .bind(s.capacity)
        .bind(s.audience.code())
        .bind(s.status.code())
        .bind(now)
        .bind(crate::json_text(&s.theme_other))
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        Ok(())
    }

    pub async fn seminar(&self, id: &str) -> Result<Option<Seminar>, StorageError> {
        let row = sqlx::query(&format!(
            "SELECT {SEMINAR_COLUMNS} FROM seminars WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(seminar_from_row).transpose()
    }

    pub async fn seminars(&self, series: &str) -> Result<Vec<Seminar>, StorageError> {
        let rows = sqlx::query(&format!(
            "SELECT {SEMINAR_COLUMNS} FROM seminars WHERE series_id = $1 ORDER BY position"
        ))
        .bind(series)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(seminar_from_row).collect()
    }

    /// Replaces a seminar's schedule and settings when its version is still `version`; a change
    /// of time, link or status raises its calendar sequence.
    pub async fn update_seminar(&self, s: &Seminar, version: i64) -> Result<(), StorageError> {
        let old = self
            .seminar(&s.id)
            .await?
            .ok_or(StorageError::from(ErrorKey::NotFound))?;
        let moved = old.span != s.span
            || old.link != s.link
            || old.status != s.status
            || old.theme != s.theme
            || old.theme_other != s.theme_other;
        let done = sqlx::query(
            "UPDATE seminars SET theme_fr = $2, theme_ko = $3, theme_en = $4, planned_period = $5, \
             starts_at = $6, ends_at = $7, time_zone = $8, duration_minutes = $9, link = $10, \
             capacity = $11, audience = $12, status = $13, sequence = $14, version = version + 1, \
             updated_at = $15, theme_other = $17 WHERE id = $1 AND version = $16",
        )
        .bind(&s.id)
        .bind(&s.theme.fr)
        .bind(&s.theme.ko)
        .bind(&s.theme.en)
        .bind(s.planned_period.map(|p| p.code()))
        .bind(s.span.map(|x| x.start.timestamp_millis()))
        .bind(s.span.map(|x| x.end.timestamp_millis()))
        .bind(s.time_zone.name())
        .bind(s.duration_minutes)
        .bind(&s.link)
        .bind(s.capacity)
        .bind(s.audience.code())
        .bind(s.status.code())
        .bind(old.sequence + i64::from(moved))
        .bind(now_ms())
        .bind(version)
        .bind(crate::json_text(&s.theme_other))
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(ErrorKey::VersionConflict.into());
        }
        Ok(())
    }

    /// What a seminar's page depends on, in one query: its group, and a stamp that changes when
    /// the seminar, its programme, the programme's organisations, its line-up or its
    /// registrations change (for the page cache).
    pub async fn seminar_stamp(&self, id: &str) -> Result<Option<(String, String)>, StorageError> {
        let row = sqlx::query(
            "SELECT r.group_id, s.version, s.updated_at, \
             (SELECT COUNT(*) FROM presentations p WHERE p.seminar_id = s.id \
              AND p.removed_at IS NULL) AS n_presentations, \
             (SELECT COALESCE(MAX(o.updated_at), 0) FROM presentations p JOIN organisations o \
                ON o.id = p.organisation_id WHERE p.seminar_id = s.id) AS orgs_changed, \
             (SELECT COUNT(*) FROM facilitators f WHERE f.seminar_id = s.id) AS n_facilitators, \
             (SELECT COALESCE(MAX(f.chosen_at), 0) FROM facilitators f WHERE f.seminar_id = s.id) AS lineup_changed, \
             (SELECT COUNT(*) FROM registrations g WHERE g.seminar_id = s.id AND g.status = 'registered') AS n_registered, \
             (SELECT COUNT(*) FROM registrations g WHERE g.seminar_id = s.id AND g.status = 'waitlisted') AS n_waiting \
             FROM seminars s JOIN seminar_series r ON r.id = s.series_id WHERE s.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let n = |k: &str| -> Result<i64, sqlx::Error> { r.try_get(k) };
        let stamp = format!(
            "{}.{}.{}.{}.{}.{}.{}.{}",
            n("version")?,
            n("updated_at")?,
            n("n_presentations")?,
            n("orgs_changed")?,
            n("n_facilitators")?,
            n("lineup_changed")?,
            n("n_registered")?,
            n("n_waiting")?
        );
        Ok(Some((r.try_get("group_id")?, stamp)))
    }

    pub async fn insert_presentation(
        &self,
        tx: &mut Transaction<'static, Any>,
        seminar: &str,
        p: &Presentation,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO presentations (id, seminar_id, position, organisation_id, speaker, title_fr, \
             title_ko, title_en, duration_minutes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&p.id)
        .bind(seminar)
        .bind(p.position)
        .bind(&p.organisation_id)
        .bind(&p.speaker)
        .bind(&p.title.fr)
        .bind(&p.title.ko)
        .bind(&p.title.en)
        .bind(p.duration_minutes)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "organisation_id"))?;
        Ok(())
    }

    /// A presentation's title, organisation, speaker or length changed; the seminar's page
    /// shows it at once (its `updated_at` moves).
    pub async fn update_presentation(
        &self,
        seminar: &str,
        p: &Presentation,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query(
            "UPDATE presentations SET organisation_id = $1, speaker = $2, title_fr = $3, \
             title_ko = $4, title_en = $5, duration_minutes = $6 \
             WHERE id = $7 AND seminar_id = $8 AND removed_at IS NULL",
        )
        .bind(&p.organisation_id)
        .bind(&p.speaker)
        .bind(&p.title.fr)
        .bind(&p.title.ko)
        .bind(&p.title.en)
        .bind(p.duration_minutes)
        .bind(&p.id)
        .bind(seminar)
        .execute(&mut *tx)
        .await?;
        touch_seminar(&mut tx, seminar).await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// Takes a presentation off the programme (its row stays, marked removed).
    pub async fn remove_presentation(&self, seminar: &str, id: &str) -> Result<bool, StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query(
            "UPDATE presentations SET removed_at = $1 \
             WHERE id = $2 AND seminar_id = $3 AND removed_at IS NULL",
        )
        .bind(now_ms())
        .bind(id)
        .bind(seminar)
        .execute(&mut *tx)
        .await?;
        touch_seminar(&mut tx, seminar).await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// Puts the programme in the order of `ids` (every current presentation, once).
    pub async fn reorder_presentations(
        &self,
        seminar: &str,
        ids: &[String],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_sqlx().await?;
        for (i, id) in ids.iter().enumerate() {
            sqlx::query("UPDATE presentations SET position = $1 WHERE id = $2 AND seminar_id = $3")
                .bind(i as i64)
                .bind(id)
                .bind(seminar)
                .execute(&mut *tx)
                .await?;
        }
        touch_seminar(&mut tx, seminar).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn presentations(&self, seminar: &str) -> Result<Vec<Presentation>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, position, organisation_id, speaker, title_fr, title_ko, title_en, duration_minutes \
             FROM presentations WHERE seminar_id = $1 AND removed_at IS NULL ORDER BY position, id",
        )
        .bind(seminar)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Presentation {
                    id: r.try_get("id")?,
                    position: r.try_get("position")?,
                    organisation_id: r.try_get("organisation_id")?,
                    speaker: r.try_get("speaker")?,
                    title: names(r, "title")?,
                    duration_minutes: r.try_get("duration_minutes")?,
                })
            })
            .collect()
    }

    /// The line-up entries of a seminar: (organisation, state) where the state is 1 when the
    /// coordinator locked it in, 0 when the solver chose it, -1 when the coordinator removed it.
    pub async fn facilitators(&self, seminar: &str) -> Result<Vec<(String, i64)>, StorageError> {
        let rows = sqlx::query(
            "SELECT organisation_id, locked FROM facilitators WHERE seminar_id = $1 ORDER BY organisation_id",
        )
        .bind(seminar)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("organisation_id")?, r.try_get("locked")?)))
            .collect()
    }

    /// Replaces the line-up entries (organisation, state) of seminars at once, in one transaction.
    pub async fn set_lineup(
        &self,
        lineup: &[(String, Vec<(String, i64)>)],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let now = now_ms();
        for (seminar, facilitators) in lineup {
            sqlx::query("DELETE FROM facilitators WHERE seminar_id = $1")
                .bind(seminar)
                .execute(&mut *tx)
                .await?;
            for (org, locked) in facilitators {
                sqlx::query(
                    "INSERT INTO facilitators (seminar_id, organisation_id, locked, chosen_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(seminar)
                .bind(org)
                .bind(*locked)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(|e| unique_to_duplicate(e, "organisation_id"))?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn insert_consultation(
        &self,
        tx: &mut Transaction<'static, Any>,
        c: &Consultation,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO consultations (id, series_id, status, demo, opened_at, closes_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&c.id)
        .bind(&c.series_id)
        .bind(if c.open { "open" } else { "closed" })
        .bind(c.demo.then_some("demo"))
        .bind(c.opened_at)
        .bind(c.closes_at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub async fn consultation(&self, id: &str) -> Result<Option<Consultation>, StorageError> {
        let row = sqlx::query(&format!("{CONSULTATION_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(consultation_from_row).transpose()
    }

    /// The latest consultation of a series.
    pub async fn consultation_of_series(
        &self,
        series: &str,
    ) -> Result<Option<Consultation>, StorageError> {
        let row = sqlx::query(&format!(
            "{CONSULTATION_SELECT} WHERE series_id = $1 ORDER BY opened_at DESC LIMIT 1"
        ))
        .bind(series)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(consultation_from_row).transpose()
    }

    pub async fn close_consultation(&self, id: &str) -> Result<(), StorageError> {
        sqlx::query("UPDATE consultations SET status = 'closed', closed_at = $1 WHERE id = $2")
            .bind(now_ms())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A personal answer link for one organisation; returns the secret (only its hash is
    /// stored). Any earlier link of that organisation is revoked.
    pub async fn create_consultation_link(
        &self,
        consultation: &str,
        organisation: &str,
        ttl_ms: i64,
    ) -> Result<String, StorageError> {
        let secret = random_token();
        let now = now_ms();
        let mut tx = self.begin_sqlx().await?;
        sqlx::query(
            "UPDATE consultation_links SET revoked_at = $1 WHERE consultation_id = $2 AND organisation_id = $3 \
             AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(consultation)
        .bind(organisation)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO consultation_links (token_hash, consultation_id, organisation_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash(&secret))
        .bind(consultation)
        .bind(organisation)
        .bind(now)
        .bind(now + ttl_ms)
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "organisation_id"))?;
        tx.commit().await?;
        Ok(secret)
    }

    pub async fn revoke_consultation_links(
        &self,
        consultation: &str,
        organisation: &str,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "UPDATE consultation_links SET revoked_at = $1 WHERE consultation_id = $2 AND organisation_id = $3 \
             AND revoked_at IS NULL",
        )
        .bind(now_ms())
        .bind(consultation)
        .bind(organisation)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// What a personal link opens: (consultation id, organisation id), when it is neither
    /// expired, revoked nor unknown. The three cases are one answer, on purpose.
    pub async fn consultation_link(
        &self,
        secret: &str,
    ) -> Result<Option<(String, String)>, StorageError> {
        let row = sqlx::query(
            "SELECT consultation_id, organisation_id FROM consultation_links WHERE token_hash = $1 \
             AND revoked_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash(secret))
        .bind(now_ms())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(r) => Ok(Some((
                r.try_get("consultation_id")?,
                r.try_get("organisation_id")?,
            ))),
            None => Ok(None),
        }
    }

    /// Writes an organisation's answer (replacing the previous one, which stays in the log).
    pub async fn save_answer(
        &self,
        consultation: &str,
        organisation: &str,
        answer: &Answer,
        answered_by: Option<&str>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_sqlx().await?;
        self.save_answer_in(&mut tx, consultation, organisation, answer, answered_by)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn save_answer_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        consultation: &str,
        organisation: &str,
        answer: &Answer,
        answered_by: Option<&str>,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        let content =
            serde_json::to_string(answer).map_err(|e| StorageError::Demo(e.to_string()))?;
        sqlx::query(
            "INSERT INTO consultation_answer_log (consultation_id, organisation_id, content, answered_by, answered_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(consultation)
        .bind(organisation)
        .bind(content)
        .bind(answered_by)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        for sql in [
            "DELETE FROM consultation_ranks WHERE consultation_id = $1 AND organisation_id = $2",
            "DELETE FROM consultation_answers WHERE consultation_id = $1 AND organisation_id = $2",
        ] {
            sqlx::query(sql)
                .bind(consultation)
                .bind(organisation)
                .execute(&mut **tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO consultation_answers (consultation_id, organisation_id, willing, availability, comments, \
             answered_by, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(consultation)
        .bind(organisation)
        .bind(answer.willing.code())
        .bind(&answer.availability)
        .bind(&answer.comments)
        .bind(answered_by)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        for (seminar, rank) in &answer.ranks {
            sqlx::query(
                "INSERT INTO consultation_ranks (consultation_id, organisation_id, seminar_id, rank) VALUES ($1, $2, $3, $4)",
            )
            .bind(consultation)
            .bind(organisation)
            .bind(seminar)
            .bind(i64::from(*rank))
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    pub async fn answers(
        &self,
        consultation: &str,
    ) -> Result<Vec<ConsultationAnswer>, StorageError> {
        let rows = sqlx::query(
            "SELECT organisation_id, willing, availability, comments, answered_by, answered_at \
             FROM consultation_answers WHERE consultation_id = $1 ORDER BY organisation_id",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        let ranks = sqlx::query(
            "SELECT organisation_id, seminar_id, rank FROM consultation_ranks WHERE consultation_id = $1 \
             ORDER BY organisation_id, rank",
        )
        .bind(consultation)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let org: String = r.try_get("organisation_id")?;
                let willing: String = r.try_get("willing")?;
                let mut own = Vec::new();
                for k in &ranks {
                    let o: String = k.try_get("organisation_id")?;
                    if o == org {
                        let rank: i64 = k.try_get("rank")?;
                        own.push((k.try_get("seminar_id")?, rank as u32));
                    }
                }
                Ok(ConsultationAnswer {
                    answer: Answer {
                        ranks: own,
                        willing: Willing::parse(&willing).unwrap_or(Willing::No),
                        availability: r.try_get("availability")?,
                        comments: r.try_get("comments")?,
                    },
                    organisation_id: org,
                    answered_by: r.try_get("answered_by")?,
                    answered_at: r.try_get("answered_at")?,
                })
            })
            .collect()
    }

    /// Registers someone, within capacity or on the waiting list, in one transaction (several
    /// nodes may register people at once: the count is taken under the engine's set-up lock).
    pub async fn register(
        &self,
        r: &Registration,
        capacity: Option<i64>,
    ) -> Result<Registration, StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let out = self.register_in(&mut tx, r, capacity).await?;
        tx.commit().await?;
        Ok(out)
    }

    pub async fn register_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        r: &Registration,
        capacity: Option<i64>,
    ) -> Result<Registration, StorageError> {
        if let Some(lock) = self.setup_lock_sql() {
            sqlx::query(lock).execute(&mut **tx).await?;
        }
        let registered: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM registrations WHERE seminar_id = $1 AND status = 'registered'",
        )
        .bind(&r.seminar_id)
        .fetch_one(&mut **tx)
        .await?;
        let status = admit(capacity, registered);
        let now = now_ms();
        sqlx::query(
            "INSERT INTO registrations (id, seminar_id, user_id, organisation_id, name, email, locale, status, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
        )
        .bind(&r.id)
        .bind(&r.seminar_id)
        .bind(&r.user_id)
        .bind(&r.organisation_id)
        .bind(&r.name)
        .bind(r.email.trim().to_lowercase())
        .bind(&r.locale)
        .bind(status.code())
        .bind(now)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "email"))?;
        Ok(Registration {
            status,
            created_at: now,
            email: r.email.trim().to_lowercase(),
            ..r.clone()
        })
    }

    /// Cancels a registration; when it held a place, the first on the waiting list moves up.
    /// Returns the registration that moved up, if any.
    pub async fn cancel_registration(
        &self,
        seminar: &str,
        id: &str,
    ) -> Result<Option<String>, StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let promoted = self.cancel_registration_in(&mut tx, seminar, id).await?;
        tx.commit().await?;
        Ok(promoted)
    }

    /// The same, in the caller's transaction (so that the e-mail to whoever moves up is queued
    /// with the change).
    pub async fn cancel_registration_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        seminar: &str,
        id: &str,
    ) -> Result<Option<String>, StorageError> {
        if let Some(lock) = self.setup_lock_sql() {
            sqlx::query(lock).execute(&mut **tx).await?;
        }
        let status: Option<String> = sqlx::query_scalar(
            "SELECT status FROM registrations WHERE id = $1 AND seminar_id = $2",
        )
        .bind(id)
        .bind(seminar)
        .fetch_optional(&mut **tx)
        .await?;
        let status = status.ok_or(StorageError::from(ErrorKey::NotFound))?;
        let now = now_ms();
        sqlx::query("UPDATE registrations SET status = 'cancelled', updated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        let mut promoted = None;
        if status == "registered" {
            let next: Option<String> = sqlx::query_scalar(
                "SELECT id FROM registrations WHERE seminar_id = $1 AND status = 'waitlisted' \
                 ORDER BY created_at, id LIMIT 1",
            )
            .bind(seminar)
            .fetch_optional(&mut **tx)
            .await?;
            if let Some(next) = next {
                sqlx::query(
                    "UPDATE registrations SET status = 'registered', updated_at = $1 WHERE id = $2",
                )
                .bind(now)
                .bind(&next)
                .execute(&mut **tx)
                .await?;
                promoted = Some(next);
            }
        }
        Ok(promoted)
    }

    /// Gives a registration a new link secret (the previous link stops working), inside the
    /// transaction that queues the e-mail carrying it.
    pub async fn set_registration_link_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: &str,
        secret: &str,
    ) -> Result<(), StorageError> {
        sqlx::query("UPDATE registrations SET link_hash = $1 WHERE id = $2")
            .bind(crate::token_hash(secret))
            .bind(id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// The registration a link secret belongs to: (seminar id, registration id).
    pub async fn registration_by_link(
        &self,
        secret: &str,
    ) -> Result<Option<(String, String)>, StorageError> {
        let row = sqlx::query("SELECT seminar_id, id FROM registrations WHERE link_hash = $1")
            .bind(crate::token_hash(secret))
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok((r.try_get("seminar_id")?, r.try_get("id")?)))
            .transpose()
    }

    /// Marks a registration as attended (or not).
    pub async fn set_attended(
        &self,
        seminar: &str,
        id: &str,
        attended: bool,
    ) -> Result<(), StorageError> {
        let done = sqlx::query(
            "UPDATE registrations SET attended_at = $1, updated_at = $2 WHERE id = $3 AND seminar_id = $4",
        )
        .bind(attended.then(now_ms))
        .bind(now_ms())
        .bind(id)
        .bind(seminar)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(ErrorKey::NotFound.into());
        }
        Ok(())
    }

    /// The scheduled seminars of a group's series, for its calendar feed.
    pub async fn scheduled_seminars_of_group(
        &self,
        group: &str,
    ) -> Result<Vec<Seminar>, StorageError> {
        let cols = SEMINAR_COLUMNS
            .split(", ")
            .map(|c| format!("s.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = sqlx::query(&format!(
            "SELECT {cols} FROM seminars s JOIN seminar_series r ON r.id = s.series_id \
             WHERE r.group_id = $1 AND s.starts_at IS NOT NULL ORDER BY s.starts_at"
        ))
        .bind(group)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(seminar_from_row).collect()
    }

    /// How many are registered, and how many wait.
    pub async fn registration_counts(&self, seminar: &str) -> Result<(i64, i64), StorageError> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM registrations WHERE seminar_id = $1 AND status = 'registered') AS r, \
             (SELECT COUNT(*) FROM registrations WHERE seminar_id = $1 AND status = 'waitlisted') AS w",
        )
        .bind(seminar)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_get("r")?, row.try_get("w")?))
    }

    pub async fn registrations(&self, seminar: &str) -> Result<Vec<Registration>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, seminar_id, user_id, organisation_id, name, email, locale, status, attended_at, created_at \
             FROM registrations WHERE seminar_id = $1 ORDER BY created_at, id",
        )
        .bind(seminar)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let status: String = r.try_get("status")?;
                let attended: Option<i64> = r.try_get("attended_at")?;
                Ok(Registration {
                    id: r.try_get("id")?,
                    seminar_id: r.try_get("seminar_id")?,
                    user_id: r.try_get("user_id")?,
                    organisation_id: r.try_get("organisation_id")?,
                    name: r.try_get("name")?,
                    email: r.try_get("email")?,
                    locale: r.try_get("locale")?,
                    status: RegistrationStatus::parse(&status)
                        .unwrap_or(RegistrationStatus::Registered),
                    attended: attended.is_some(),
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }
}

const CONSULTATION_SELECT: &str =
    "SELECT id, series_id, status, demo, opened_at, closes_at FROM consultations";

fn consultation_from_row(r: &AnyRow) -> Result<Consultation, StorageError> {
    let status: String = r.try_get("status")?;
    let demo: Option<String> = r.try_get("demo")?;
    Ok(Consultation {
        id: r.try_get("id")?,
        series_id: r.try_get("series_id")?,
        open: status == "open",
        demo: demo.is_some(),
        opened_at: r.try_get("opened_at")?,
        closes_at: r.try_get("closes_at")?,
    })
}

fn series_from_row(r: &AnyRow) -> Result<Series, StorageError> {
    let sources: String = r.try_get("sources")?;
    Ok(Series {
        id: r.try_get("id")?,
        group_id: r.try_get("group_id")?,
        year: r.try_get("year")?,
        title: names(r, "title")?,
        title_other: crate::json_map(r, "title_other")?,
        sources: serde_json::from_str(&sources).unwrap_or(Value::Null),
    })
}

/// Marks a seminar changed (its page and calendar are built again).
async fn touch_seminar(
    tx: &mut Transaction<'static, Any>,
    seminar: &str,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE seminars SET updated_at = $1 WHERE id = $2")
        .bind(now_ms())
        .bind(seminar)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
