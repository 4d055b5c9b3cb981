//! The one seam to the database. SQLite (the default) and PostgreSQL are reached through
//! sqlx's `Any` driver, chosen from the URL at start-up; each query is written once with `$n`
//! placeholders. What differs between the engines lives in `engine.rs` and in the two
//! migration folders.

mod accounts;
mod actions;
mod attachments;
mod audit;
mod backup;
mod contacts;
mod credentials;
mod demo;
mod demo_atlas;
mod demo_meeting;
mod demo_seminars;
mod demo_themes;
mod directory;
mod engine;
mod error;
mod groups;
mod history;
mod meetings;
mod outbox;
mod params;
mod roadmap;
mod search_docs;
mod seminars;
mod signin;
mod themes;

pub use accounts::{NewUser, Session, User, SESSION_TTL_SECS};
pub use actions::ActionRecord;
pub use attachments::{AttachedTo, Attachment};
pub use audit::AuditEvent;
pub use contacts::Contact;
pub use credentials::{SessionInfo, TokenInfo, UserSummary, RESET_TTL_MS};
pub use demo::load_demo;
pub use demo_seminars::SERIES_2021;
pub use directory::{
    OrgFilter, OrgSort, OrganisationRecord, PartnershipFilter, PartnershipRecord, PartnershipSort,
    PersonRole,
};
pub use engine::{redact as redact_url, Db, Durability, Engine, Tx, BULK_ROWS};
pub use error::StorageError;
pub use groups::{Group, GroupMember};
pub use history::Change;
pub use meetings::{
    utc, Decision, FollowUpRecord, MeetingRecord, MinutesSave, MinutesState, MinutesVersion,
    Participant,
};
pub use outbox::{Email, PendingImport, MAX_ATTEMPTS};
pub use roadmap::{Axis, Milestone, Roadmap, RoadmapAction};
pub use search_docs::{SearchChanges, SearchRecord, SearchStamp};
pub use seminars::{Consultation, ConsultationAnswer, Presentation, Registration, Seminar, Series};
pub use signin::Attempt;
pub use themes::{Taxonomy, Theme};

/// Milliseconds since the Unix epoch, the form every timestamp is stored in.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// A fresh random token: 32 bytes, hex-encoded.
/// A JSON object of texts by language tag, as a column stores it.
pub(crate) fn json_text(map: &std::collections::BTreeMap<String, String>) -> String {
    serde_json::to_string(map).unwrap_or_else(|_| "{}".into())
}

/// The same read back from column `col` (an unreadable value reads as empty).
pub(crate) fn json_map(
    row: &sqlx::any::AnyRow,
    col: &str,
) -> Result<std::collections::BTreeMap<String, String>, sqlx::Error> {
    use sqlx::Row;
    let text: String = row.try_get(col)?;
    Ok(serde_json::from_str(&text).unwrap_or_default())
}

pub fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// SHA-256 of bytes, hex-encoded (file checksums).
pub fn token_hash_bytes(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// SHA-256 of a secret token, as stored (tokens themselves are never stored).
pub fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}

pub mod testing;
