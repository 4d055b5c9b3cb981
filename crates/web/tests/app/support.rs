//! `TestApp`: the real router on a real database, driven request by request.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use domain::accounts::Role;
use http_body_util::BodyExt;
use storage::{Db, NewUser};
use tower::ServiceExt;
use web::{AppState, WebConfig};

pub struct TestApp {
    pub db: Db,
    /// This node's search index, to tell updates in place from rebuilds.
    pub search: std::sync::Arc<web::search::SearchState>,
    router: axum::Router,
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    bytes: Vec<u8>,
}

impl Resp {
    pub fn body_bytes(&self) -> Vec<u8> {
        self.bytes.clone()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    /// The value of a cookie the response sets.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
    pub fn set_cookie_line(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(&format!("{name}=")))
            .map(str::to_string)
    }
}

impl TestApp {
    pub async fn new(db: Db) -> TestApp {
        storage::load_demo(&db).await.unwrap();
        TestApp::empty(db).await
    }

    /// On a database without the demo data.
    pub async fn empty(db: Db) -> TestApp {
        TestApp::with_config(db, WebConfig::default()).await
    }

    /// On a database without the demo data, with settings of its own.
    pub async fn with_config(db: Db, config: WebConfig) -> TestApp {
        let state = AppState::new(db.clone(), config);
        TestApp {
            search: state.search.clone(),
            router: web::router(state),
            db,
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Resp {
        let resp = self.router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        Resp {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, path: &str) -> Resp {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Resp {
        let mut req = Request::builder().uri(path);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    pub async fn json(
        &self,
        method: Method,
        path: &str,
        body: serde_json::Value,
        headers: &[(&str, &str)],
    ) -> Resp {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json");
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req.body(Body::from(body.to_string())).unwrap())
            .await
    }

    pub async fn form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Resp {
        let mut req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let body = serde_urlencoded::to_string(fields).unwrap();
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    /// Signs in through the login form as a client at `peer` (the direct peer's address, as
    /// the server sees it), with more headers.
    pub async fn login_from(
        &self,
        peer: &str,
        email: &str,
        password: &str,
        headers: &[(&str, &str)],
    ) -> Resp {
        let page = self.get("/login").await;
        let csrf = page.cookie("jumelage_csrf").unwrap();
        let body = serde_urlencoded::to_string([
            ("email", email),
            ("password", password),
            ("csrf_token", &csrf),
        ])
        .unwrap();
        let mut req = Request::builder()
            .method(Method::POST)
            .uri("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("cookie", format!("jumelage_csrf={csrf}"));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let mut req = req.body(Body::from(body)).unwrap();
        let addr: std::net::SocketAddr = format!("{peer}:40000").parse().unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(addr));
        self.send(req).await
    }

    /// A user with one role and a password; returns the user's API token.
    pub async fn user(&self, email: &str, role: Role) -> String {
        let user = self
            .db
            .create_user(&NewUser {
                email: email.into(),
                display_name: email.into(),
                password: Some(PASSWORD.into()),
                locale: None,
                roles: vec![role],
            })
            .await
            .unwrap();
        self.db.create_token(&user.id, "test").await.unwrap()
    }

    /// Signs in through the login form; returns (session cookie, CSRF token of the session).
    pub async fn sign_in(&self, email: &str) -> (String, String) {
        let page = self.get("/login").await;
        let csrf = page.cookie("jumelage_csrf").unwrap();
        let cookie = format!("jumelage_csrf={csrf}");
        let resp = self
            .form(
                "/login",
                &[
                    ("email", email),
                    ("password", PASSWORD),
                    ("csrf_token", &csrf),
                    ("next", "/"),
                ],
                &[("cookie", &cookie)],
            )
            .await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
        let session = resp.cookie("jumelage_session").unwrap();
        let session_cookie = format!("jumelage_session={session}");
        let home = self.get_with("/", &[("cookie", &session_cookie)]).await;
        let token = extract_csrf(&home.body).expect("a signed-in page carries the CSRF token");
        (session_cookie, token)
    }
}

pub const PASSWORD: &str = "a long enough password";

/// The CSRF token of the first form of a page.
pub fn extract_csrf(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf_token\" value=\"")? + "name=\"csrf_token\" value=\"".len();
    Some(html[at..at + 64].to_string())
}

pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// Runs a Python script with `stdin`, in the interpreter that has the independent readers
/// (icalendar, openpyxl): `JUMELAGE_PYTHON`, or the one `scripts/test` installs.
pub fn python(script: &str, stdin: &str) -> String {
    use std::io::Write;
    let python = std::env::var("JUMELAGE_PYTHON").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/py-tools/bin/python"
        )
        .to_string()
    });
    let mut child = std::process::Command::new(&python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("{python}: {e}; run the tests with scripts/test, which installs it")
        });
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A real SMTP server on loopback (Python's aiosmtpd) writing to a Maildir, for the e-mails
/// the platform sends; stopped and removed when dropped.
pub struct LoopbackSmtp {
    child: std::process::Child,
    pub port: u16,
    pub dir: std::path::PathBuf,
}

impl LoopbackSmtp {
    pub async fn start() -> LoopbackSmtp {
        let dir = std::env::temp_dir().join(format!("mbox-{}", storage::random_token()));
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let py = std::env::var("JUMELAGE_PYTHON").unwrap_or_else(|_| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../target/py-tools/bin/python"
            )
            .into()
        });
        let child = std::process::Command::new(py)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&dir)
            .spawn()
            .unwrap();
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        LoopbackSmtp { child, port, dir }
    }

    /// Sends every queued e-mail through this server; returns how many went.
    pub async fn drain(&self, db: &storage::Db) -> usize {
        let sender = mail::Sender::new(&mail::SmtpConfig {
            url: format!("smtp://127.0.0.1:{}", self.port),
            from: "Jumelage <no-reply@example.org>".into(),
        })
        .unwrap();
        let n = sender.drain(db).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        n
    }

    /// The messages received, as `To` then the decoded text body, one JSON line each, read by
    /// Python's own mailbox and email parsers.
    pub fn received(&self) -> Vec<(String, String)> {
        let out = python(
            r#"
import sys, json, mailbox
for m in mailbox.Maildir(sys.stdin.read().strip(), create=False):
    body = [p for p in m.walk() if p.get_content_type() == 'text/plain'][0]
    print(json.dumps([m['To'], body.get_payload(decode=True).decode()]))
"#,
            self.dir.to_str().unwrap(),
        );
        out.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

impl Drop for LoopbackSmtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
