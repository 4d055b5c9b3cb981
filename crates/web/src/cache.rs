//! A small in-process cache of rendered text (calendar feeds, Markdown), keyed by everything the
//! text depends on, so that an entry can never be stale: a change in the database changes the
//! key. Each app node keeps its own; nothing needs invalidating across nodes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub struct RenderCache<V = String> {
    entries: Mutex<HashMap<String, Arc<V>>>,
}

impl<V> Default for RenderCache<V> {
    fn default() -> Self {
        RenderCache {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

/// Entries kept at most; past that the cache starts afresh (simple, bounded, good enough for
/// a few feeds and the minutes being read).
const CAPACITY: usize = 512;

impl<V> RenderCache<V> {
    pub fn get(&self, key: &str) -> Option<Arc<V>> {
        self.entries.lock().ok().and_then(|m| m.get(key).cloned())
    }

    pub fn put(&self, key: String, value: V) -> Arc<V> {
        let value = Arc::new(value);
        if let Ok(mut m) = self.entries.lock() {
            if m.len() >= CAPACITY {
                m.clear();
            }
            m.insert(key, value.clone());
        }
        value
    }

    pub fn get_or_insert_with(&self, key: String, make: impl FnOnce() -> V) -> Arc<V> {
        match self.get(&key) {
            Some(hit) => hit,
            None => self.put(key, make()),
        }
    }
}

/// Whether an `If-None-Match` value holds `tag` (weak comparison, RFC 9110: `W/` set aside;
/// `*` holds any).
pub fn holds(if_none_match: Option<&str>, tag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_string();
    if_none_match.is_some_and(|v| {
        v.split(',')
            .any(|t| t.trim() == "*" || opaque(t) == opaque(tag))
    })
}

/// A validator for some bytes (quoted, as an ETag carries it).
pub fn etag_of(bytes: &[u8]) -> String {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    format!("\"{:016x}{:08x}\"", h.finish(), bytes.len())
}

/// A strong ETag for a cache key.
pub fn etag(key: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut h);
    format!("\"{:016x}\"", h.finish())
}

/// The shared part of a seminar's page (see `pages::seminars`): the same for every reader of
/// one language, cached under the stamps it depends on.
pub struct SeminarCached {
    pub title: String,
    pub body: String,
    pub public: bool,
    pub series_id: String,
    /// Registration closes when the seminar is cancelled or held, or once it has ended.
    pub closes_at: Option<chrono::DateTime<chrono::Utc>>,
    pub closed: bool,
}

impl SeminarCached {
    /// Whether people may still register at `now`.
    pub fn open_at(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        !self.closed && self.closes_at.is_none_or(|end| end > now)
    }
}

/// The part of a page that is the same for every reader of one language (its title and its
/// rendered body), cached under the stamps it depends on.
pub struct PageCached {
    pub title: String,
    pub body: String,
}
