//! The full-text search of the register, one index per app node, kept in step with the database.
//!
//! Before answering, a node reads the database's search stamp (the last changes of the
//! searchable tables and the last entry of the change history). When it differs from the stamp
//! the index was brought to, the node reads the records changed since then (with a margin for
//! the clocks of other nodes) and updates its index in place; it rebuilds the whole index when
//! the theme taxonomy changed, when most records changed, or when the index does not hold as
//! many records as the database after the update (a long import committed late). So a change
//! made through any node, or by an import, is found by the next search on every node, on SQLite
//! and on PostgreSQL alike, and no index file needs sharing.

use std::collections::HashMap;
use std::sync::Arc;

use domain::directory::Names;
use domain::ErrorKey;
use search::{Document, SearchIndex};
use storage::Db;

use crate::AppError;

/// The index and the names it shows.
pub struct Built {
    pub index: SearchIndex,
    /// The name to show for each record, by (kind, id).
    pub display: std::sync::RwLock<HashMap<(String, String), Names>>,
}

/// How far back, before the latest change the index holds, an update reads again: other nodes'
/// clocks may run behind this one's (NTP keeps them well within this), and a change's time is
/// taken before it commits (milliseconds for an edit). Inserts of a long import that commits
/// later than this are caught by the count check after the update.
pub const CLOCK_MARGIN_MS: i64 = 10_000;

#[derive(Default)]
pub struct SearchState {
    current: tokio::sync::Mutex<Option<(storage::SearchStamp, Arc<Built>)>>,
    rebuilds: std::sync::atomic::AtomicUsize,
    updates: std::sync::atomic::AtomicUsize,
}

/// One result, ready to show.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: String,
    pub id: String,
    pub names: Names,
}

impl Found {
    /// The page of the record, where it has one.
    pub fn href(&self) -> Option<String> {
        match self.kind.as_str() {
            "organisation" => Some(format!("/organisations/{}", self.id)),
            "partnership" => Some(format!("/partnerships/{}", self.id)),
            "meeting" => Some(format!("/meetings/{}", self.id)),
            "seminar" => Some(format!("/seminars/{}", self.id)),
            "series" => Some(format!("/seminars?series={0}#series-{0}", self.id)),
            _ => None,
        }
    }
}

/// The longest list of results returned.
pub const MAX_RESULTS: usize = 100;

impl SearchState {
    /// The index, brought up to date first when the database has changed since.
    pub async fn current(&self, db: &Db) -> Result<Arc<Built>, AppError> {
        let stamp = db.search_stamp().await?;
        let mut guard = self.current.lock().await;
        if let Some((at, built)) = guard.as_ref() {
            if at.key == stamp.key {
                return Ok(built.clone());
            }
            if update(db, at, built).await? {
                self.updates
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let built = built.clone();
                *guard = Some((stamp, built.clone()));
                return Ok(built);
            }
        }
        let started = std::time::Instant::now();
        let built = Arc::new(rebuild(db).await?);
        tracing::info!(
            records = built.index.len(),
            ms = started.elapsed().as_millis() as u64,
            "search index built"
        );
        self.rebuilds
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        *guard = Some((stamp, built.clone()));
        Ok(built)
    }

    /// How many times this node built its index whole, and updated it in place.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.rebuilds.load(std::sync::atomic::Ordering::Relaxed),
            self.updates.load(std::sync::atomic::Ordering::Relaxed),
        )
    }

    /// The records matching `query`, best first. A query shorter than two characters is refused,
    /// unless it is one Hangul or Han syllable (a Korean surname finds its people).
    pub async fn find(&self, db: &Db, query: &str, limit: usize) -> Result<Vec<Found>, AppError> {
        let letters = query.trim().chars().filter(|c| c.is_alphanumeric()).count();
        if letters < search::MIN_QUERY_CHARS && !search::is_one_syllable(query) {
            return Err(AppError::field(ErrorKey::QueryTooShort, "q"));
        }
        let built = self.current(db).await?;
        let hits = built
            .index
            .search(query, limit.clamp(1, MAX_RESULTS))
            .map_err(index_error)?;
        Ok(hits
            .into_iter()
            .map(|h| Found {
                names: built
                    .display
                    .read()
                    .ok()
                    .and_then(|d| d.get(&(h.kind.clone(), h.id.clone())).cloned())
                    .unwrap_or_default(),
                kind: h.kind,
                id: h.id,
            })
            .collect())
    }
}

/// A failure inside the index is the server's: logged, shown as an internal error.
fn index_error(e: search::SearchError) -> AppError {
    tracing::error!(error = %e, "search index");
    AppError::new(ErrorKey::Internal)
}

fn document(r: storage::SearchRecord, display: &mut HashMap<(String, String), Names>) -> Document {
    display.insert((r.kind.to_string(), r.id.clone()), r.display);
    Document {
        kind: r.kind.to_string(),
        id: r.id,
        names: r.names,
        texts: r.texts,
    }
}

/// Reads every searchable record and indexes it, off the async threads.
pub async fn rebuild(db: &Db) -> Result<Built, AppError> {
    let started = std::time::Instant::now();
    let records = db.search_records().await?;
    tracing::debug!(
        records = records.len(),
        read_ms = started.elapsed().as_millis() as u64,
        "search records read"
    );
    tokio::task::spawn_blocking(move || {
        let mut display = HashMap::with_capacity(records.len());
        let docs: Vec<Document> = records
            .into_iter()
            .map(|r| document(r, &mut display))
            .collect();
        let index = SearchIndex::build(docs).map_err(index_error)?;
        Ok(Built {
            index,
            display: std::sync::RwLock::new(display),
        })
    })
    .await
    .map_err(|_| AppError::new(ErrorKey::Internal))?
}

/// Brings `built` (at stamp `at`) up to date in place; `false` when a rebuild is the way.
async fn update(db: &Db, at: &storage::SearchStamp, built: &Arc<Built>) -> Result<bool, AppError> {
    let started = std::time::Instant::now();
    // Past a fifth of the index, rebuilding costs less than replacing.
    let limit = (built.index.len() / 5).max(1_000);
    let Some(changes) = db
        .search_changes(at.updated_at - CLOCK_MARGIN_MS, at.last_change, limit)
        .await?
    else {
        return Ok(false);
    };
    if changes.upserts.len() + changes.removals.len() > limit {
        return Ok(false);
    }
    let read_ms = started.elapsed().as_millis();
    let changed = changes.upserts.len() + changes.removals.len();
    let built = built.clone();
    let applied = tokio::task::spawn_blocking(move || {
        let mut docs = Vec::with_capacity(changes.upserts.len());
        {
            let mut display = built
                .display
                .write()
                .map_err(|_| AppError::new(ErrorKey::Internal))?;
            for r in changes.upserts {
                docs.push(document(r, &mut display));
            }
            for (kind, id) in &changes.removals {
                display.remove(&(kind.to_string(), id.clone()));
            }
        }
        let removals = changes
            .removals
            .into_iter()
            .map(|(k, id)| (k.to_string(), id));
        built.index.apply(docs, removals).map_err(index_error)?;
        Ok::<usize, AppError>(built.index.len())
    })
    .await
    .map_err(|_| AppError::new(ErrorKey::Internal))??;
    let applied_ms = started.elapsed().as_millis();
    // Records inserted by a transaction that committed long after its clock was read (a big
    // import) may be older than the margin: then the count tells, and the index is rebuilt.
    let complete = applied as i64 == db.searchable_count().await?;
    tracing::info!(
        changed,
        read_ms,
        applied_ms,
        total_ms = started.elapsed().as_millis() as u64,
        complete,
        "search index updated in place"
    );
    Ok(complete)
}
