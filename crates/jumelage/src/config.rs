//! Typed configuration: defaults, then a TOML file, then `JUMELAGE_*` environment variables
//! (and `DATABASE_URL`), then command-line flags. `jumelage config` prints the documented
//! defaults.

use std::fmt;
use std::path::PathBuf;

use serde::Deserialize;

#[derive(Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub addr: String,
    pub data_dir: PathBuf,
    pub database_url: Option<String>,
    pub demo: bool,
    pub public_url: Option<String>,
    /// `None`: on when `public_url` is https.
    pub secure_cookies: Option<bool>,
    /// Proxies whose `X-Forwarded-For` is believed (addresses or CIDR ranges).
    pub trusted_proxies: Vec<String>,
    /// SQLite's durability: "normal" or "full".
    pub sqlite_synchronous: String,
    pub log_format: String,
    pub login_max_failures: i64,
    pub login_window_secs: u64,
    pub smtp_url: Option<String>,
    pub mail_from: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("./data"),
            database_url: None,
            demo: true,
            public_url: None,
            secure_cookies: None,
            trusted_proxies: Vec::new(),
            sqlite_synchronous: "normal".into(),
            log_format: "text".into(),
            login_max_failures: 5,
            login_window_secs: 900,
            smtp_url: None,
            mail_from: "Jumelage <no-reply@localhost>".into(),
        }
    }
}

/// Secrets stay out of logs: the database password is hidden.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("addr", &self.addr)
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_deref().map(storage::redact_url),
            )
            .field("demo", &self.demo)
            .field("public_url", &self.public_url)
            .field("secure_cookies", &self.secure_cookies())
            .field("trusted_proxies", &self.trusted_proxies)
            .field("sqlite_synchronous", &self.sqlite_synchronous)
            .field("log_format", &self.log_format)
            .field(
                "smtp_url",
                &self.smtp_url.as_deref().map(storage::redact_url),
            )
            .field("mail_from", &self.mail_from)
            .finish()
    }
}

pub const DOCUMENTED_DEFAULTS: &str = r#"# jumelage configuration. Every setting is optional; shown here with its default.
# Order of precedence: this file (--config FILE or JUMELAGE_CONFIG), then environment
# variables, then command-line flags.

# Address to listen on. Env: JUMELAGE_ADDR. Flag: --addr.
addr = "127.0.0.1:8080"

# Folder for the embedded SQLite database and other local files. Env: JUMELAGE_DATA_DIR.
# Flag: --data-dir.
data_dir = "./data"

# Database. Unset: SQLite in data_dir (jumelage.db). "postgres://user:pass@host/db" for
# PostgreSQL (several app nodes share it); "sqlite://path" for another SQLite file.
# Env: DATABASE_URL. Flag: --database-url.
# database_url = "postgres://jumelage@127.0.0.1/jumelage"

# Load the demo data set (the Korea country group) into an empty database at start-up.
# A database that holds data is never reloaded. Flag: --no-demo turns it off.
demo = true

# The address people reach the platform at, for links in invitations.
# Env: JUMELAGE_PUBLIC_URL. Default: http://<addr>.
# public_url = "https://jumelage.example.org"

# Mark cookies Secure and send Strict-Transport-Security. Unset: on when public_url starts
# with https://. Env: JUMELAGE_SECURE_COOKIES.
# secure_cookies = true

# Proxies (load balancers) whose X-Forwarded-For header is believed: addresses or CIDR
# ranges. Anyone else's X-Forwarded-For is ignored, and the direct peer is the client (its
# address counts sign-in failures). Env: JUMELAGE_TRUSTED_PROXIES (comma-separated).
trusted_proxies = []

# SQLite only: "normal" (default) loses nothing when the process is killed, and may lose the
# last commits — never the file — on a power cut or an operating-system crash; "full" makes
# each commit wait for the disk and survive those too, at the cost of slower writes.
# PostgreSQL keeps its own server settings. Env: JUMELAGE_SQLITE_SYNCHRONOUS.
sqlite_synchronous = "normal"

# Log lines as "text" or "json". Env: JUMELAGE_LOG_FORMAT. Level: RUST_LOG (default "info").
log_format = "text"

# Outgoing e-mail (invitations, confirmations, reminders). Messages are queued in the database
# and sent by a worker; unset, they wait in the queue. "smtp://127.0.0.1:25" for a local relay,
# "smtp://host:587?tls=required" for STARTTLS, "smtps://user:pass@host:465".
# Env: JUMELAGE_SMTP_URL, JUMELAGE_MAIL_FROM. Flags: --smtp-url, --mail-from.
# smtp_url = "smtp://127.0.0.1:25"
mail_from = "Jumelage <no-reply@localhost>"

# Failed sign-ins allowed per account and per client address within the window.
login_max_failures = 5
login_window_secs = 900
"#;

/// Command-line values that override the file and the environment.
#[derive(Default)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub addr: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub no_demo: bool,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
}

impl Config {
    pub fn load(o: Overrides) -> anyhow::Result<Config> {
        let file = o
            .config
            .clone()
            .or_else(|| std::env::var_os("JUMELAGE_CONFIG").map(PathBuf::from));
        let mut c = match file {
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    anyhow::anyhow!("--config {}: cannot read it: {e}", path.display())
                })?;
                toml::from_str(&text)
                    .map_err(|e| anyhow::anyhow!("--config {}: {e}", path.display()))?
            }
            None => Config::default(),
        };
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if let Some(v) = env("JUMELAGE_ADDR") {
            c.addr = v;
        }
        if let Some(v) = env("JUMELAGE_DATA_DIR") {
            c.data_dir = v.into();
        }
        if let Some(v) = env("DATABASE_URL") {
            c.database_url = Some(v);
        }
        if let Some(v) = env("JUMELAGE_PUBLIC_URL") {
            c.public_url = Some(v);
        }
        if let Some(v) = env("JUMELAGE_SECURE_COOKIES") {
            c.secure_cookies = Some(matches!(v.as_str(), "1" | "true" | "yes"));
        }
        if let Some(v) = env("JUMELAGE_TRUSTED_PROXIES") {
            c.trusted_proxies = v.split(',').map(|p| p.trim().to_string()).collect();
        }
        if let Some(v) = env("JUMELAGE_SQLITE_SYNCHRONOUS") {
            c.sqlite_synchronous = v;
        }
        if let Some(v) = env("JUMELAGE_LOG_FORMAT") {
            c.log_format = v;
        }
        if let Some(v) = env("JUMELAGE_SMTP_URL") {
            c.smtp_url = Some(v);
        }
        if let Some(v) = env("JUMELAGE_MAIL_FROM") {
            c.mail_from = v;
        }
        if let Some(v) = o.smtp_url {
            c.smtp_url = Some(v);
        }
        if let Some(v) = o.mail_from {
            c.mail_from = v;
        }
        if let Some(v) = o.addr {
            c.addr = v;
        }
        if let Some(v) = o.data_dir {
            c.data_dir = v;
        }
        if let Some(v) = o.database_url {
            c.database_url = Some(v);
        }
        if o.no_demo {
            c.demo = false;
        }
        Ok(c)
    }

    /// Secure cookies: as set, or on when the public URL is https.
    pub fn secure_cookies(&self) -> bool {
        self.secure_cookies.unwrap_or_else(|| {
            self.public_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://"))
        })
    }

    pub fn durability(&self) -> anyhow::Result<storage::Durability> {
        storage::Durability::parse(&self.sqlite_synchronous).ok_or_else(|| {
            anyhow::anyhow!(
                "sqlite_synchronous = '{}': expected \"normal\" or \"full\"",
                self.sqlite_synchronous
            )
        })
    }

    /// The database URL: the configured one, or SQLite in the data folder (which must be a
    /// folder this process can write in).
    pub fn database_url(&self) -> anyhow::Result<String> {
        if let Some(url) = &self.database_url {
            storage::Engine::of_url(url).map_err(|e| anyhow::anyhow!("--database-url: {e}"))?;
            return Ok(url.clone());
        }
        let dir = &self.data_dir;
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!(
                "--data-dir {}: cannot create the folder: {e}",
                dir.display()
            )
        })?;
        let probe = dir.join(".write-test");
        std::fs::write(&probe, b"ok").map_err(|e| {
            anyhow::anyhow!(
                "--data-dir {}: cannot write in the folder: {e}",
                dir.display()
            )
        })?;
        let _ = std::fs::remove_file(probe);
        Ok(format!("sqlite://{}", dir.join("jumelage.db").display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_defaults_are_the_defaults() {
        let parsed: Config = toml::from_str(DOCUMENTED_DEFAULTS).unwrap();
        let d = Config::default();
        assert_eq!(parsed.addr, d.addr);
        assert_eq!(parsed.data_dir, d.data_dir);
        assert_eq!(parsed.database_url, d.database_url);
        assert_eq!(parsed.demo, d.demo);
        assert_eq!(parsed.login_max_failures, d.login_max_failures);
    }

    #[test]
    fn debug_hides_the_database_password() {
        let c = Config {
            database_url: Some("postgres://u:hunter2@h/db".into()),
            ..Default::default()
        };
        assert!(!format!("{c:?}").contains("hunter2"));
    }
}
