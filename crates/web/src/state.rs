//! What every request shares: the database, the settings, this node's caches and search index.

use std::sync::Arc;
use std::time::Duration;

use storage::Db;

use crate::{cache, search, TrustedProxies};

/// Settings of the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (behind HTTPS).
    pub secure_cookies: bool,
    /// Failed logins allowed per account and per client address within `login_window`.
    pub login_max_failures: i64,
    pub login_window: Duration,
    /// The address people reach the platform at, for links in invitations.
    pub public_url: String,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: TrustedProxies,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            login_max_failures: 5,
            login_window: Duration::from_secs(15 * 60),
            public_url: "http://127.0.0.1:8080".into(),
            trusted_proxies: TrustedProxies::default(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<WebConfig>,
    pub cache: Arc<cache::RenderCache>,
    /// Seminar pages' shared part, by what it depends on (see `pages::seminars`).
    pub(crate) seminar_pages: Arc<cache::RenderCache<cache::SeminarCached>>,
    /// The network's and the groups' home pages' shared part (see `pages::home`).
    pub(crate) home_pages: Arc<cache::RenderCache<cache::PageCached>>,
    /// By groups stamp: the one group of an instance that has one (its home is `/`).
    pub(crate) network_shape: Arc<cache::RenderCache<Option<String>>>,
    /// This node's full-text index (see `search`).
    pub search: Arc<search::SearchState>,
}

impl AppState {
    pub fn new(db: Db, config: WebConfig) -> AppState {
        AppState {
            db,
            config: Arc::new(config),
            cache: Arc::default(),
            seminar_pages: Arc::default(),
            home_pages: Arc::default(),
            network_shape: Arc::default(),
            search: Arc::default(),
        }
    }
}
