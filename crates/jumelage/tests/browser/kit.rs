//! What the browser tests share: the driver, the browser, finding and waiting, the accessibility
//! audit, screenshots, signing in and out, accounts made with the CLI.

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{db_args, run};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub fn env_path(var: &str, default: &str) -> PathBuf {
    let path = std::env::var(var)
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(default));
    assert!(
        path.exists(),
        "{var}: {} is missing; run the suite with scripts/test, which installs it",
        path.display()
    );
    path
}

pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn start_driver() -> (Driver, u16) {
    let chromedriver = env_path("JUMELAGE_CHROMEDRIVER", "/usr/bin/chromedriver");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver did not answer"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (Driver(child), port)
}

pub async fn browser(port: u16, profile: &std::path::Path) -> Client {
    let chromium = env_path("JUMELAGE_CHROMIUM", "/usr/bin/chromium");
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--lang=fr-FR", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {"intl.accept_languages": "fr-FR,fr"},
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a Chromium session")
}

/// Finds an element, waiting up to 10 s for it (pages load after clicks and form posts).
pub async fn find(c: &Client, locator: Locator<'_>) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(locator)
        .await
        .unwrap_or_else(|e| panic!("{locator:?}: {e}"))
}

/// Waits up to 10 s for an element's text to be `expected` (the page after a click may still
/// be loading, or the element may be replaced while read).
pub async fn wait_text(c: &Client, locator: Locator<'_>, expected: &str) {
    let start = std::time::Instant::now();
    let mut last = String::new();
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(e) = c.find(locator).await {
            if let Ok(t) = e.text().await {
                if t == expected {
                    return;
                }
                last = t;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{locator:?}: expected {expected:?}, found {last:?}");
}

/// Waits up to 10 s for an element's text to contain `part`.
pub async fn wait_contains(c: &Client, locator: Locator<'_>, part: &str) {
    let start = std::time::Instant::now();
    let mut last = String::new();
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(e) = c.find(locator).await {
            if let Ok(t) = e.text().await {
                if t.contains(part) {
                    return;
                }
                last = t;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{locator:?}: expected to contain {part:?}, found {last:?}");
}

pub async fn html_lang(c: &Client) -> String {
    find(c, Locator::Css("html"))
        .await
        .attr("lang")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Runs axe-core on the page; returns the violations of WCAG 2.1 A/AA rules.
pub async fn accessibility_violations(c: &Client, axe: &str) -> Vec<String> {
    c.execute(axe, vec![]).await.expect("axe-core loads");
    let result = c
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));"#,
            vec![],
        )
        .await
        .expect("axe-core runs");
    serde_json::from_value(result).unwrap_or_default()
}

pub async fn shot(c: &Client, dir: &std::path::Path, name: &str) {
    if let Ok(png) = c.screenshot().await {
        let _ = std::fs::write(dir.join(format!("{name}.png")), png);
    }
}

pub async fn sign_in(c: &Client, base: &str, email: &str) {
    c.goto(&format!("{base}/login")).await.unwrap();
    find(c, Locator::Id("email"))
        .await
        .send_keys(email)
        .await
        .unwrap();
    find(c, Locator::Id("password"))
        .await
        .send_keys("a long enough password")
        .await
        .unwrap();
    find(c, Locator::Css("form.stacked button[type=submit]"))
        .await
        .click()
        .await
        .unwrap();
    find(c, Locator::Css(".account .who")).await;
}

pub async fn sign_out(c: &Client) {
    find(c, Locator::Css(".account form button"))
        .await
        .click()
        .await
        .unwrap();
    find(c, Locator::Css(".account a[href='/login']")).await;
}

pub fn create_user(dir: &std::path::Path, args: &[&str]) {
    create_user_on(dir, None, args)
}

/// The same on a database of the server's (PostgreSQL when `database_url` is given).
pub fn create_user_on(dir: &std::path::Path, database_url: Option<&str>, args: &[&str]) {
    let mut all = vec!["user", "create"];
    all.extend_from_slice(args);
    let dbargs = db_args(dir, database_url);
    all.extend(dbargs.iter().map(String::as_str));
    let out = run(&all, "a long enough password\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn python() -> String {
    std::env::var("JUMELAGE_PYTHON").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/py-tools/bin/python"
        )
        .to_string()
    })
}

pub fn shots() -> PathBuf {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/screenshots"
    ));
    let _ = std::fs::create_dir_all(&p);
    p
}

/// axe-core's script, injected into pages for the accessibility audit.
pub fn axe_source() -> String {
    std::fs::read_to_string(env_path(
        "JUMELAGE_AXE",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/e2e-tools/node_modules/axe-core/axe.min.js"
        ),
    ))
    .expect("axe-core (scripts/test installs it)")
}

/// A real SMTP server on loopback (Python's aiosmtpd) writing to a maildir.
pub struct LoopbackSmtp {
    child: std::process::Child,
    pub port: u16,
    pub dir: PathBuf,
}

impl LoopbackSmtp {
    pub fn start(dir: PathBuf) -> LoopbackSmtp {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(python())
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "aiosmtpd did not answer"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        LoopbackSmtp { child, port, dir }
    }

    /// The messages received so far: (`To`, decoded text body), read by Python's mailbox.
    pub fn messages(&self) -> Vec<(String, String)> {
        let script = r#"
import sys, json, mailbox
for m in mailbox.Maildir(sys.argv[1], create=False):
    body = [p for p in m.walk() if p.get_content_type() == 'text/plain'][0]
    print(json.dumps([m['To'], body.get_payload(decode=True).decode()]))
"#;
        let out = Command::new(python())
            .args(["-c", script])
            .arg(&self.dir)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }
}

impl Drop for LoopbackSmtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
