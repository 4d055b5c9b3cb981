//! The full-text search of the register, one index per app node, kept in step with the database.
//!
//! Before answering, a node reads the database's search stamp (counts and last changes of the
//! searchable tables, and the last entry of the change history): when it differs from the stamp
//! the index was built at, the node rebuilds its index from the database. So a change made
//! through any node, or by an import, is found by the next search on every node, on SQLite and
//! on PostgreSQL alike, and no index file needs sharing.

use std::collections::HashMap;
use std::sync::Arc;

use domain::directory::Names;
use domain::ErrorKey;
use search::{Document, SearchIndex};
use storage::Db;

use crate::AppError;

/// The index and what it was built from.
pub struct Built {
    pub stamp: String,
    pub index: SearchIndex,
    /// The name to show for each record, by (kind, id).
    pub display: HashMap<(String, String), Names>,
}

#[derive(Default)]
pub struct SearchState {
    current: tokio::sync::Mutex<Option<Arc<Built>>>,
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
            _ => None,
        }
    }
}

/// The longest list of results returned.
pub const MAX_RESULTS: usize = 100;

impl SearchState {
    /// The index, rebuilt first when the database has changed since it was built.
    pub async fn current(&self, db: &Db) -> Result<Arc<Built>, AppError> {
        let stamp = db.search_stamp().await?;
        let mut guard = self.current.lock().await;
        if let Some(built) = guard.as_ref().filter(|b| b.stamp == stamp) {
            return Ok(built.clone());
        }
        let built = Arc::new(rebuild(db, stamp).await?);
        *guard = Some(built.clone());
        Ok(built)
    }

    /// The records matching `query`, best first. A query shorter than two characters is refused.
    pub async fn find(&self, db: &Db, query: &str, limit: usize) -> Result<Vec<Found>, AppError> {
        if query.trim().chars().filter(|c| c.is_alphanumeric()).count() < search::MIN_QUERY_CHARS {
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
                    .get(&(h.kind.clone(), h.id.clone()))
                    .cloned()
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

/// Reads every searchable record and indexes it, off the async threads.
pub async fn rebuild(db: &Db, stamp: String) -> Result<Built, AppError> {
    let records = db.search_records().await?;
    tokio::task::spawn_blocking(move || {
        let mut display = HashMap::with_capacity(records.len());
        let docs: Vec<Document> = records
            .into_iter()
            .map(|r| {
                display.insert((r.kind.to_string(), r.id.clone()), r.display);
                Document {
                    kind: r.kind.to_string(),
                    id: r.id,
                    names: r.names,
                    texts: r.texts,
                }
            })
            .collect();
        let index = SearchIndex::build(docs).map_err(index_error)?;
        Ok(Built {
            stamp,
            index,
            display,
        })
    })
    .await
    .map_err(|_| AppError::new(ErrorKey::Internal))?
}
