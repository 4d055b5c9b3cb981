//! Meetings, their agenda, participants, attachments, minutes (every version kept), decisions
//! and follow-ups.

use chrono::{DateTime, TimeZone, Utc};
use domain::directory::Names;
use domain::meetings::follow_ups::{FollowUp, FollowUpStatus};
use domain::meetings::minutes::{ItemText, MinutesStatus};
use domain::meetings::{Format, Meeting, MeetingStatus, Presence, Visibility};
use domain::period::Period;
use domain::time::Span;
use domain::ErrorKey;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::error::unique_to_duplicate;
use crate::params::Params;
use crate::{now_ms, Db, StorageError};

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRecord {
    pub meeting: Meeting,
    pub version: i64,
    pub updated_at: i64,
    pub sources: Value,
}

pub use domain::meetings::participants::Participant;

/// The minutes as they stand: status and the text of the current version.
#[derive(Debug, Clone, PartialEq)]
pub struct MinutesState {
    pub status: MinutesStatus,
    pub current_version: i64,
    pub items: Vec<ItemText>,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MinutesVersion {
    pub number: i64,
    pub status: MinutesStatus,
    /// `edit`, `status` or `correction`.
    pub kind: String,
    pub reason: Option<String>,
    pub author_name: Option<String>,
    pub created_at: i64,
    pub items: Vec<ItemText>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: String,
    pub agenda_position: Option<i64>,
    pub text: Names,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpRecord {
    pub id: String,
    pub group_id: String,
    pub meeting_id: Option<String>,
    pub follow_up: FollowUp,
    pub updated_at: i64,
    /// The meeting it was decided at: title, start, zone of record.
    pub origin: Option<(Names, DateTime<Utc>, chrono_tz::Tz)>,
}

/// A save of the minutes: who, what, and on which version it was made.
pub struct MinutesSave<'a> {
    pub items: &'a [ItemText],
    pub status: MinutesStatus,
    pub kind: &'a str,
    pub reason: Option<&'a str>,
    pub author_id: Option<&'a str>,
    pub author_name: Option<&'a str>,
    /// The version the change was made on; another save in between is a conflict.
    pub expected_version: Option<i64>,
}

pub fn utc(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

fn names(row: &AnyRow, prefix: &str) -> Result<Names, sqlx::Error> {
    Ok(Names {
        fr: row.try_get(format!("{prefix}_fr").as_str())?,
        ko: row.try_get(format!("{prefix}_ko").as_str())?,
        ko_latn: None,
        en: row.try_get(format!("{prefix}_en").as_str())?,
    })
}

const MEETING_COLUMNS: &str = "id, group_id, title_fr, title_ko, title_en, starts_at, ends_at, \
    time_zone, format, place, link, visibility, status, sequence, version, sources, updated_at, \
    title_other";

fn meeting_from_row(row: &AnyRow) -> Result<MeetingRecord, StorageError> {
    let tz: String = row.try_get("time_zone")?;
    let format: String = row.try_get("format")?;
    let visibility: String = row.try_get("visibility")?;
    let status: String = row.try_get("status")?;
    let sources: String = row.try_get("sources")?;
    Ok(MeetingRecord {
        meeting: Meeting {
            id: row.try_get("id")?,
            group_id: row.try_get("group_id")?,
            title: names(row, "title")?,
            title_other: crate::json_map(row, "title_other")?,
            span: Span {
                start: utc(row.try_get("starts_at")?),
                end: utc(row.try_get("ends_at")?),
            },
            time_zone: tz.parse().unwrap_or(domain::time::PARIS),
            format: Format::parse(&format).unwrap_or(Format::Remote),
            place: row.try_get("place")?,
            link: row.try_get("link")?,
            visibility: Visibility::parse(&visibility).unwrap_or(Visibility::Group),
            status: MeetingStatus::parse(&status).unwrap_or(MeetingStatus::Scheduled),
            sequence: row.try_get("sequence")?,
            agenda: Vec::new(),
        },
        version: row.try_get("version")?,
        updated_at: row.try_get("updated_at")?,
        sources: serde_json::from_str(&sources).unwrap_or(Value::Null),
    })
}

impl Db {
    pub async fn insert_meeting(
        &self,
        tx: &mut Transaction<'static, Any>,
        m: &Meeting,
        sources: &Value,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO meetings (id, group_id, title_fr, title_ko, title_en, starts_at, ends_at, \
             time_zone, format, place, link, visibility, status, sequence, version, sources, \
             created_at, updated_at, title_other) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12, $13, $14, 1, $15, $16, $16, $17)",
        )
        .bind(&m.id)
        .bind(&m.group_id)
        .bind(&m.title.fr)
        .bind(&m.title.ko)
        .bind(&m.title.en)
        .bind(m.span.start.timestamp_millis())
        .bind(m.span.end.timestamp_millis())
        .bind(m.time_zone.name())
        .bind(m.format.code())
        .bind(&m.place)
        .bind(&m.link)
        .bind(m.visibility.code())
        .bind(m.status.code())
        .bind(m.sequence)
        .bind(sources.to_string())
        .bind(now)
        .bind(crate::json_text(&m.title_other))
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        write_agenda(tx, &m.id, &m.agenda).await?;
        sqlx::query(
            "INSERT INTO minutes (meeting_id, status, current_version, updated_at) VALUES ($1, $2, 0, $3)",
        )
        .bind(&m.id)
        .bind(MinutesStatus::Draft.code())
        .bind(now)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Replaces a meeting's details when its version is still `version`. A change of time,
    /// place, link or status raises the calendar sequence.
    pub async fn update_meeting(&self, m: &Meeting, version: i64) -> Result<(), StorageError> {
        let old = self
            .meeting(&m.id)
            .await?
            .ok_or(StorageError::from(ErrorKey::NotFound))?;
        let o = &old.meeting;
        let moved = o.span != m.span
            || o.time_zone != m.time_zone
            || o.place != m.place
            || o.link != m.link
            || o.status != m.status
            || o.title != m.title
            || o.title_other != m.title_other;
        let sequence = o.sequence + i64::from(moved);
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query(
            "UPDATE meetings SET title_fr = $2, title_ko = $3, title_en = $4, starts_at = $5, \
             ends_at = $6, time_zone = $7, format = $8, place = $9, link = $10, visibility = $11, \
             status = $12, sequence = $13, version = version + 1, updated_at = $14, \
             title_other = $16 WHERE id = $1 AND version = $15",
        )
        .bind(&m.id)
        .bind(&m.title.fr)
        .bind(&m.title.ko)
        .bind(&m.title.en)
        .bind(m.span.start.timestamp_millis())
        .bind(m.span.end.timestamp_millis())
        .bind(m.time_zone.name())
        .bind(m.format.code())
        .bind(&m.place)
        .bind(&m.link)
        .bind(m.visibility.code())
        .bind(m.status.code())
        .bind(sequence)
        .bind(now_ms())
        .bind(version)
        .bind(crate::json_text(&m.title_other))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(ErrorKey::VersionConflict.into());
        }
        if o.agenda != m.agenda && !m.agenda.is_empty() {
            sqlx::query("DELETE FROM agenda_items WHERE meeting_id = $1")
                .bind(&m.id)
                .execute(&mut *tx)
                .await?;
            write_agenda(&mut tx, &m.id, &m.agenda).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn meeting(&self, id: &str) -> Result<Option<MeetingRecord>, StorageError> {
        let row = sqlx::query(&format!(
            "SELECT {MEETING_COLUMNS} FROM meetings WHERE id = $1 AND archived_at IS NULL"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let mut rec = meeting_from_row(&row)?;
        rec.meeting.agenda = self.agenda(id).await?;
        Ok(Some(rec))
    }

    async fn agenda(&self, id: &str) -> Result<Vec<Names>, StorageError> {
        let rows = sqlx::query(
            "SELECT title_fr, title_ko, title_en FROM agenda_items WHERE meeting_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| names(r, "title"))
            .collect::<Result<_, _>>()?)
    }

    /// Meetings of a group (all groups when `None`), latest first, with the total. `public_only`
    /// keeps the meetings everyone may see.
    pub async fn meetings(
        &self,
        group: Option<&str>,
        public_only: bool,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<MeetingRecord>, i64), StorageError> {
        let mut p = Params::default();
        let mut wheres = vec!["archived_at IS NULL".to_string()];
        if let Some(g) = group {
            wheres.push(format!("group_id = {}", p.text(g)));
        }
        if public_only {
            wheres.push("visibility = 'public'".into());
        }
        let where_sql = wheres.join(" AND ");
        let total: i64 = sqlx::query_scalar_with(
            &format!("SELECT COUNT(*) FROM meetings WHERE {where_sql}"),
            p.clone().into_arguments(),
        )
        .fetch_one(&self.pool)
        .await?;
        let lim = p.int(limit);
        let off = p.int(offset);
        let rows = sqlx::query_with(
            &format!(
                "SELECT {MEETING_COLUMNS} FROM meetings WHERE {where_sql} \
                 ORDER BY starts_at DESC, id LIMIT {lim} OFFSET {off}"
            ),
            p.into_arguments(),
        )
        .fetch_all(&self.pool)
        .await?;
        let items = rows
            .iter()
            .map(meeting_from_row)
            .collect::<Result<_, _>>()?;
        Ok((items, total))
    }

    /// A cheap fingerprint of a group's meetings (how many, last change), for caches and ETags.
    pub async fn meetings_fingerprint(
        &self,
        group: &str,
        public_only: bool,
    ) -> Result<(i64, i64), StorageError> {
        let filter = if public_only {
            " AND visibility = 'public'"
        } else {
            ""
        };
        // The group's feed holds its meetings and its scheduled seminars.
        let row = sqlx::query(&format!(
            "SELECT (SELECT COUNT(*) FROM meetings WHERE group_id = $1 AND archived_at IS NULL{filter}) \
               + (SELECT COUNT(*) FROM seminars s JOIN seminar_series r ON r.id = s.series_id \
                  WHERE r.group_id = $1 AND s.starts_at IS NOT NULL) AS n, \
             (SELECT COALESCE(MAX(updated_at), 0) FROM meetings WHERE group_id = $1 AND archived_at IS NULL{filter}) \
               + (SELECT COALESCE(MAX(s.updated_at), 0) FROM seminars s JOIN seminar_series r ON r.id = s.series_id \
                  WHERE r.group_id = $1) AS last"
        ))
        .bind(group)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_get("n")?, row.try_get("last")?))
    }

    /// The meeting of the group that comes after `meeting` in time.
    pub async fn previous_meeting(
        &self,
        m: &Meeting,
    ) -> Result<Option<MeetingRecord>, StorageError> {
        let row = sqlx::query(&format!(
            "SELECT {MEETING_COLUMNS} FROM meetings WHERE group_id = $1 AND starts_at < $2 \
             AND archived_at IS NULL AND status = 'scheduled' ORDER BY starts_at DESC LIMIT 1"
        ))
        .bind(&m.group_id)
        .bind(m.span.start.timestamp_millis())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(meeting_from_row).transpose()
    }

    pub async fn add_participant(
        &self,
        tx: &mut Transaction<'static, Any>,
        meeting: &str,
        p: &Participant,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO meeting_participants (id, meeting_id, position, person_id, organisation_id, \
             user_id, name, role_title, presence, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
        )
        .bind(&p.id)
        .bind(meeting)
        .bind(p.position)
        .bind(&p.person_id)
        .bind(&p.organisation_id)
        .bind(&p.user_id)
        .bind(&p.name)
        .bind(&p.role_title)
        .bind(p.presence.code())
        .bind(now)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "organisation_id"))?;
        Ok(())
    }

    pub async fn participants(&self, meeting: &str) -> Result<Vec<Participant>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, position, person_id, organisation_id, user_id, name, role_title, presence \
             FROM meeting_participants WHERE meeting_id = $1 ORDER BY position, id",
        )
        .bind(meeting)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let presence: String = r.try_get("presence")?;
                Ok(Participant {
                    id: r.try_get("id")?,
                    position: r.try_get("position")?,
                    person_id: r.try_get("person_id")?,
                    organisation_id: r.try_get("organisation_id")?,
                    user_id: r.try_get("user_id")?,
                    name: r.try_get("name")?,
                    role_title: r.try_get("role_title")?,
                    presence: Presence::parse(&presence).unwrap_or(Presence::Invited),
                })
            })
            .collect()
    }

    /// What a meeting's page shows moves this value: the meeting, its minutes, participants,
    /// decisions and attachments, the group's follow-ups and meetings (follow-ups are carried
    /// from earlier meetings), the register's names, the group's zones. Returns the meeting's
    /// visibility code and the value; `None` for a meeting that is not there.
    pub async fn meeting_stamp(&self, id: &str) -> Result<Option<(String, String)>, StorageError> {
        let row = sqlx::query(
            "SELECT m.visibility, m.version, m.updated_at, \
             (SELECT COALESCE(MAX(i.updated_at), 0) FROM minutes i WHERE i.meeting_id = m.id) AS mi, \
             (SELECT COUNT(*) FROM meeting_participants p WHERE p.meeting_id = m.id) AS pn, \
             (SELECT COALESCE(MAX(p.updated_at), 0) FROM meeting_participants p \
                WHERE p.meeting_id = m.id) AS pa, \
             (SELECT COUNT(*) FROM decisions d WHERE d.meeting_id = m.id) AS dn, \
             (SELECT COUNT(*) FROM meeting_attachments a WHERE a.meeting_id = m.id \
                AND a.archived_at IS NULL) AS an, \
             (SELECT COUNT(*) FROM meeting_attachments a WHERE a.meeting_id = m.id) AS aa, \
             (SELECT COUNT(*) FROM follow_ups f WHERE f.group_id = m.group_id) AS fn, \
             (SELECT COALESCE(MAX(f.updated_at), 0) FROM follow_ups f \
                WHERE f.group_id = m.group_id) AS fa, \
             (SELECT COALESCE(MAX(g.updated_at), 0) FROM meetings g \
                WHERE g.group_id = m.group_id) AS ga, \
             (SELECT COALESCE(MAX(o.updated_at), 0) FROM organisations o) AS oa, \
             (SELECT COALESCE(MAX(c.version), 0) FROM country_groups c \
                WHERE c.id = m.group_id) AS cv \
             FROM meetings m WHERE m.id = $1 AND m.archived_at IS NULL",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let mut parts = Vec::new();
        for c in [
            "version",
            "updated_at",
            "mi",
            "pn",
            "pa",
            "dn",
            "an",
            "aa",
            "fn",
            "fa",
            "ga",
            "oa",
            "cv",
        ] {
            parts.push(r.try_get::<i64, _>(c)?.to_string());
        }
        Ok(Some((r.try_get("visibility")?, parts.join("."))))
    }

    pub async fn set_presence(
        &self,
        meeting: &str,
        participant: &str,
        presence: Presence,
    ) -> Result<(), StorageError> {
        let done = sqlx::query(
            "UPDATE meeting_participants SET presence = $1, updated_at = $2 WHERE id = $3 AND meeting_id = $4",
        )
        .bind(presence.code())
        .bind(now_ms())
        .bind(participant)
        .bind(meeting)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(ErrorKey::NotFound.into());
        }
        Ok(())
    }

    pub async fn minutes(&self, meeting: &str) -> Result<Option<MinutesState>, StorageError> {
        let row = sqlx::query(
            "SELECT m.status, m.current_version, m.updated_at, v.content FROM minutes m \
             LEFT JOIN minutes_versions v ON v.meeting_id = m.meeting_id AND v.number = m.current_version \
             WHERE m.meeting_id = $1",
        )
        .bind(meeting)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let status: String = r.try_get("status")?;
        let content: Option<String> = r.try_get("content")?;
        Ok(Some(MinutesState {
            status: MinutesStatus::parse(&status).unwrap_or(MinutesStatus::Draft),
            current_version: r.try_get("current_version")?,
            items: content
                .and_then(|c| serde_json::from_str(&c).ok())
                .unwrap_or_default(),
            updated_at: r.try_get("updated_at")?,
        }))
    }

    /// Writes a new version of the minutes, all in one transaction; nothing is overwritten.
    pub async fn save_minutes(
        &self,
        meeting: &str,
        save: &MinutesSave<'_>,
    ) -> Result<i64, StorageError> {
        let mut tx = self.begin_sqlx().await?;
        let n = self.save_minutes_in(&mut tx, meeting, save).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// The same, in the caller's transaction.
    pub async fn save_minutes_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        meeting: &str,
        save: &MinutesSave<'_>,
    ) -> Result<i64, StorageError> {
        let tx = &mut **tx;
        let current: Option<i64> =
            sqlx::query_scalar("SELECT current_version FROM minutes WHERE meeting_id = $1")
                .bind(meeting)
                .fetch_optional(&mut *tx)
                .await?;
        let current = current.ok_or(StorageError::from(ErrorKey::NotFound))?;
        if save.expected_version.is_some_and(|v| v != current) {
            return Err(ErrorKey::VersionConflict.into());
        }
        let next = current + 1;
        let now = now_ms();
        let content =
            serde_json::to_string(save.items).map_err(|e| StorageError::Demo(e.to_string()))?;
        sqlx::query(
            "INSERT INTO minutes_versions (meeting_id, number, status, kind, reason, author_id, \
             author_name, content, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(meeting)
        .bind(next)
        .bind(save.status.code())
        .bind(save.kind)
        .bind(save.reason)
        .bind(save.author_id)
        .bind(save.author_name)
        .bind(content)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "version"))?;
        let done = sqlx::query(
            "UPDATE minutes SET status = $1, current_version = $2, updated_at = $3 \
             WHERE meeting_id = $4 AND current_version = $5",
        )
        .bind(save.status.code())
        .bind(next)
        .bind(now)
        .bind(meeting)
        .bind(current)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(ErrorKey::VersionConflict.into());
        }
        Ok(next)
    }

    pub async fn minutes_versions(
        &self,
        meeting: &str,
    ) -> Result<Vec<MinutesVersion>, StorageError> {
        let rows = sqlx::query(
            "SELECT number, status, kind, reason, author_name, created_at, content \
             FROM minutes_versions WHERE meeting_id = $1 ORDER BY number DESC",
        )
        .bind(meeting)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let status: String = r.try_get("status")?;
                let content: String = r.try_get("content")?;
                Ok(MinutesVersion {
                    number: r.try_get("number")?,
                    status: MinutesStatus::parse(&status).unwrap_or(MinutesStatus::Draft),
                    kind: r.try_get("kind")?,
                    reason: r.try_get("reason")?,
                    author_name: r.try_get("author_name")?,
                    created_at: r.try_get("created_at")?,
                    items: serde_json::from_str(&content).unwrap_or_default(),
                })
            })
            .collect()
    }

    pub async fn insert_decision(
        &self,
        tx: &mut Transaction<'static, Any>,
        meeting: &str,
        d: &Decision,
        position: i64,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO decisions (id, meeting_id, position, agenda_position, text_fr, text_ko, \
             text_en, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&d.id)
        .bind(meeting)
        .bind(position)
        .bind(d.agenda_position)
        .bind(&d.text.fr)
        .bind(&d.text.ko)
        .bind(&d.text.en)
        .bind(now_ms())
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "id"))?;
        Ok(())
    }

    pub async fn decisions(&self, meeting: &str) -> Result<Vec<Decision>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, agenda_position, text_fr, text_ko, text_en FROM decisions \
             WHERE meeting_id = $1 ORDER BY position",
        )
        .bind(meeting)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Decision {
                    id: r.try_get("id")?,
                    agenda_position: r.try_get("agenda_position")?,
                    text: names(r, "text")?,
                })
            })
            .collect()
    }

    pub async fn insert_follow_up(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: &str,
        group: &str,
        meeting: Option<&str>,
        f: &FollowUp,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO follow_ups (id, group_id, meeting_id, agenda_position, text_fr, text_ko, \
             text_en, owner_organisation, owner_text, due, due_first_day, status, created_at, \
             updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
        )
        .bind(id)
        .bind(group)
        .bind(meeting)
        .bind(f.agenda_position.map(|p| p as i64))
        .bind(&f.text.fr)
        .bind(&f.text.ko)
        .bind(&f.text.en)
        .bind(&f.owner_organisation)
        .bind(&f.owner_text)
        .bind(f.due.map(|d| d.code()))
        .bind(f.due.map(|d| d.first_day().format("%Y-%m-%d").to_string()))
        .bind(f.status.code())
        .bind(now)
        .execute(&mut **tx)
        .await
        .map_err(|e| unique_to_duplicate(e, "owner_organisation"))?;
        sqlx::query(
            "INSERT INTO follow_up_events (follow_up_id, meeting_id, status, note, created_at) \
             VALUES ($1, $2, $3, NULL, $4)",
        )
        .bind(id)
        .bind(meeting)
        .bind(f.status.code())
        .bind(now)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Follow-ups of a group; with `carried_only`, those still open or in progress. Ordered by
    /// due period (undated last), then by creation.
    pub async fn follow_ups(
        &self,
        group: &str,
        carried_only: bool,
    ) -> Result<Vec<FollowUpRecord>, StorageError> {
        let filter = if carried_only {
            " AND f.status IN ('open', 'in_progress')"
        } else {
            ""
        };
        let rows = sqlx::query(&format!(
            "{FOLLOW_UP_SELECT} WHERE f.group_id = $1{filter} \
             ORDER BY COALESCE(f.due_first_day, '9999'), f.created_at, f.id"
        ))
        .bind(group)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(follow_up_from_row).collect()
    }

    pub async fn follow_ups_of_meeting(
        &self,
        meeting: &str,
    ) -> Result<Vec<FollowUpRecord>, StorageError> {
        let rows = sqlx::query(&format!(
            "{FOLLOW_UP_SELECT} WHERE f.meeting_id = $1 ORDER BY f.created_at, f.id"
        ))
        .bind(meeting)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(follow_up_from_row).collect()
    }

    pub async fn follow_up(&self, id: &str) -> Result<Option<FollowUpRecord>, StorageError> {
        let row = sqlx::query(&format!("{FOLLOW_UP_SELECT} WHERE f.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(follow_up_from_row).transpose()
    }

    /// Changes a follow-up's status, recording when, by whom and at which meeting.
    pub async fn set_follow_up_status(
        &self,
        id: &str,
        status: FollowUpStatus,
        meeting: Option<&str>,
        note: Option<&str>,
        author: Option<&str>,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        let mut tx = self.begin_sqlx().await?;
        let done = sqlx::query("UPDATE follow_ups SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(status.code())
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(ErrorKey::NotFound.into());
        }
        sqlx::query(
            "INSERT INTO follow_up_events (follow_up_id, meeting_id, status, note, author_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(meeting)
        .bind(status.code())
        .bind(note)
        .bind(author)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

const FOLLOW_UP_SELECT: &str = "SELECT f.id, f.group_id, f.meeting_id, f.agenda_position, \
    f.text_fr, f.text_ko, f.text_en, f.owner_organisation, f.owner_text, f.due, f.status, \
    f.updated_at, m.title_fr AS m_title_fr, m.title_ko AS m_title_ko, m.title_en AS m_title_en, \
    m.starts_at AS m_starts_at, m.time_zone AS m_time_zone \
    FROM follow_ups f LEFT JOIN meetings m ON m.id = f.meeting_id";

fn follow_up_from_row(r: &AnyRow) -> Result<FollowUpRecord, StorageError> {
    let due: Option<String> = r.try_get("due")?;
    let status: String = r.try_get("status")?;
    let position: Option<i64> = r.try_get("agenda_position")?;
    Ok(FollowUpRecord {
        id: r.try_get("id")?,
        group_id: r.try_get("group_id")?,
        meeting_id: r.try_get("meeting_id")?,
        follow_up: FollowUp {
            text: names(r, "text")?,
            owner_organisation: r.try_get("owner_organisation")?,
            owner_text: r.try_get("owner_text")?,
            due: due.and_then(|d| Period::parse(&d, "due").ok()),
            status: FollowUpStatus::parse(&status).unwrap_or(FollowUpStatus::Open),
            agenda_position: position.map(|p| p as usize),
        },
        updated_at: r.try_get("updated_at")?,
        origin: match r.try_get::<Option<i64>, _>("m_starts_at")? {
            Some(start) => {
                let tz: Option<String> = r.try_get("m_time_zone")?;
                Some((
                    names(r, "m_title")?,
                    utc(start),
                    tz.and_then(|z| z.parse().ok())
                        .unwrap_or(domain::time::PARIS),
                ))
            }
            None => None,
        },
    })
}

async fn write_agenda(
    tx: &mut Transaction<'static, Any>,
    meeting: &str,
    agenda: &[Names],
) -> Result<(), StorageError> {
    for (i, item) in agenda.iter().enumerate() {
        sqlx::query(
            "INSERT INTO agenda_items (meeting_id, position, title_fr, title_ko, title_en) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(meeting)
        .bind(i as i64)
        .bind(&item.fr)
        .bind(&item.ko)
        .bind(&item.en)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
