//! The browser suite: the built binary, driven in Debian's headless Chromium through
//! chromedriver. Home page in French, Korean and English with the language switch, sign-in,
//! a member's page, and an axe-core accessibility audit (WCAG 2.1 A and AA rules) of each page.
//!
//! Needs `JUMELAGE_CHROMIUM`, `JUMELAGE_CHROMEDRIVER` and `JUMELAGE_AXE` (axe.min.js), which
//! `scripts/test` installs and sets; defaults are Debian's paths and `target/e2e-tools`.

mod common;

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{db_args, run, temp_dir, Server};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

fn env_path(var: &str, default: &str) -> PathBuf {
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

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_driver() -> (Driver, u16) {
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

async fn browser(port: u16, profile: &std::path::Path) -> Client {
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
async fn find(c: &Client, locator: Locator<'_>) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(locator)
        .await
        .unwrap_or_else(|e| panic!("{locator:?}: {e}"))
}

/// Waits up to 10 s for an element's text to be `expected` (the page after a click may still
/// be loading, or the element may be replaced while read).
async fn wait_text(c: &Client, locator: Locator<'_>, expected: &str) {
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

async fn html_lang(c: &Client) -> String {
    find(c, Locator::Css("html"))
        .await
        .attr("lang")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Runs axe-core on the page; returns the violations of WCAG 2.1 A/AA rules.
async fn accessibility_violations(c: &Client, axe: &str) -> Vec<String> {
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

async fn shot(c: &Client, dir: &std::path::Path, name: &str) {
    if let Ok(png) = c.screenshot().await {
        let _ = std::fs::write(dir.join(format!("{name}.png")), png);
    }
}

#[test]
fn home_languages_sign_in_and_a_member_page() {
    let axe = std::fs::read_to_string(env_path(
        "JUMELAGE_AXE",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/e2e-tools/node_modules/axe-core/axe.min.js"
        ),
    ))
    .unwrap();
    let dir = temp_dir("browser");
    let server = Server::start(&dir, None, &[]);
    let mut args = vec![
        "user",
        "create",
        "--email",
        "officer@issy.example",
        "--role",
        "editor",
        "--organisation",
        "fr-issy",
        "--name",
        "Morgane Millon",
    ];
    let dbargs = db_args(&dir, None);
    args.extend(dbargs.iter().map(String::as_str));
    let out = run(&args, "a long enough password\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shots = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/screenshots"
    ));
    std::fs::create_dir_all(&shots).unwrap();

    let (_driver, port) = start_driver();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let c = browser(port, &dir.join("profile")).await;
        let base = server.url.clone();

        // French, from the browser's language.
        c.goto(&format!("{base}/")).await.unwrap();
        assert_eq!(html_lang(&c).await, "fr");
        let h1 = find(&c, Locator::Css("h1")).await.text().await.unwrap();
        assert_eq!(h1, "Groupe-pays Corée");
        shot(&c, &shots, "home-fr").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (home, fr): {v:#?}");

        // Korean, through the switch.
        find(&c, Locator::Css("nav.lang-switch a[lang=ko]"))
            .await
            .click()
            .await
            .unwrap();
        assert_eq!(html_lang(&c).await, "ko");
        let body = find(&c, Locator::Css("main")).await.text().await.unwrap();
        for hangul in ["한국 국가별 그룹", "구로구", "수원시", "대구광역시"] {
            assert!(
                body.contains(hangul),
                "{hangul} missing from the Korean home page"
            );
        }
        shot(&c, &shots, "home-ko").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (home, ko): {v:#?}");

        // English, then the choice is remembered without ?lang.
        find(&c, Locator::Css("nav.lang-switch a[lang=en]"))
            .await
            .click()
            .await
            .unwrap();
        assert_eq!(html_lang(&c).await, "en");
        c.goto(&format!("{base}/organisations")).await.unwrap();
        assert_eq!(html_lang(&c).await, "en");
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (organisations, en): {v:#?}");

        // Sign in with the keyboard-reachable form.
        find(&c, Locator::Css(".account a[href='/login']"))
            .await
            .click()
            .await
            .unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (login, en): {v:#?}");
        find(&c, Locator::Id("email"))
            .await
            .send_keys("officer@issy.example")
            .await
            .unwrap();
        find(&c, Locator::Id("password"))
            .await
            .send_keys("a long enough password")
            .await
            .unwrap();
        find(&c, Locator::Css("form.stacked button[type=submit]"))
            .await
            .click()
            .await
            .unwrap();
        let who = find(&c, Locator::Css(".account .who"))
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(who, "Morgane Millon");

        // A member's page, from the home page.
        c.goto(&format!("{base}/?lang=ko")).await.unwrap();
        find(&c, Locator::Css("a[href='/organisations/fr-issy']"))
            .await
            .click()
            .await
            .unwrap();
        assert!(c
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/organisations/fr-issy"));
        let h1 = find(&c, Locator::Css("h1")).await.text().await.unwrap();
        assert!(h1.contains("이시레물리노"), "{h1}");
        let main = find(&c, Locator::Css("main")).await.text().await.unwrap();
        assert!(
            main.contains("구로구") && main.contains("자매결연"),
            "the twinning with Guro is listed"
        );
        shot(&c, &shots, "member-ko").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (member page, ko): {v:#?}");

        // A missing page answers in the user's language.
        c.goto(&format!("{base}/organisations/nowhere"))
            .await
            .unwrap();
        let h1 = find(&c, Locator::Css("h1")).await.text().await.unwrap();
        assert_eq!(h1, "페이지를 찾을 수 없습니다");

        c.close().await.unwrap();
    });
    assert!(server.stop().success());
    let _ = std::fs::remove_dir_all(dir);
}

async fn sign_in(c: &Client, base: &str, email: &str) {
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

async fn sign_out(c: &Client) {
    find(c, Locator::Css(".account form button"))
        .await
        .click()
        .await
        .unwrap();
    find(c, Locator::Css(".account a[href='/login']")).await;
}

fn create_user(dir: &std::path::Path, args: &[&str]) {
    let mut all = vec!["user", "create"];
    all.extend_from_slice(args);
    let dbargs = db_args(dir, None);
    all.extend(dbargs.iter().map(String::as_str));
    let out = run(&all, "a long enough password\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_coordinator_finalises_minutes_and_an_editor_can_no_longer_change_them() {
    let axe = std::fs::read_to_string(env_path(
        "JUMELAGE_AXE",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/e2e-tools/node_modules/axe-core/axe.min.js"
        ),
    ))
    .unwrap();
    let dir = temp_dir("browser-minutes");
    let server = Server::start(&dir, None, &[]);
    create_user(
        &dir,
        &[
            "--email",
            "coord@cuf.example",
            "--role",
            "coordinator",
            "--group",
            "kr",
            "--name",
            "Constance K.",
        ],
    );
    create_user(
        &dir,
        &[
            "--email",
            "officer@issy.example",
            "--role",
            "editor",
            "--organisation",
            "fr-issy",
            "--name",
            "Morgane Millon",
        ],
    );
    let mut args = vec!["token", "create", "--email", "coord@cuf.example"];
    let dbargs = db_args(&dir, None);
    args.extend(dbargs.iter().map(String::as_str));
    let token = String::from_utf8(run(&args, "").stdout)
        .unwrap()
        .trim()
        .to_string();
    let auth = format!("Bearer {token}");
    let meeting: serde_json::Value = ureq::post(&format!("{}/api/v1/meetings", server.url))
        .set("Authorization", &auth)
        .send_json(json!({
            "group_id": "kr", "title": {"fr": "Préparation du séminaire 1", "ko": "세미나 1 준비"},
            "date": "2021-05-20", "start_time": "10:00", "end_time": "11:00", "time_zone": "Europe/Paris",
            "format": "remote", "agenda": [{"fr": "Programme", "ko": "프로그램"}]
        }))
        .unwrap()
        .into_json()
        .unwrap();
    let id = meeting["id"].as_str().unwrap().to_string();
    ureq::post(&format!("{}/api/v1/meetings/{id}/participants", server.url))
        .set("Authorization", &auth)
        .send_json(json!({"name": "Morgane Millon", "organisation_id": "fr-issy"}))
        .unwrap();
    let shots = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/screenshots"
    ));
    std::fs::create_dir_all(&shots).unwrap();

    let (_driver, port) = start_driver();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let c = browser(port, &dir.join("profile")).await;
        let base = server.url.clone();
        let page = format!("{base}/meetings/{id}");

        // The editor of a taking-part organisation writes the draft.
        sign_in(&c, &base, "officer@issy.example").await;
        c.goto(&page).await.unwrap();
        let when = find(&c, Locator::Id("when")).await.text().await.unwrap();
        assert!(
            when.contains("10:00–11:00 (Paris)") && when.contains("17:00–18:00 (Séoul)"),
            "{when}"
        );
        find(&c, Locator::Id("edit-minutes"))
            .await
            .click()
            .await
            .unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (minutes form): {v:#?}");
        find(&c, Locator::Id("item-0-fr"))
            .await
            .send_keys("Programme arrêté : **deux** collectivités françaises et deux coréennes.")
            .await
            .unwrap();
        find(&c, Locator::Id("item-0-ko"))
            .await
            .send_keys("프로그램 확정")
            .await
            .unwrap();
        find(&c, Locator::Id("save-minutes"))
            .await
            .click()
            .await
            .unwrap();
        let minutes = find(&c, Locator::Css("#minutes .minutes"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            minutes.contains("deux collectivités françaises"),
            "{minutes}"
        );
        sign_out(&c).await;

        // The coordinator sends it for review, then approves it as final.
        sign_in(&c, &base, "coord@cuf.example").await;
        c.goto(&page).await.unwrap();
        find(&c, Locator::Id("minutes-to-in_review"))
            .await
            .click()
            .await
            .unwrap();
        wait_text(&c, Locator::Id("minutes-status"), "En relecture").await;
        find(&c, Locator::Id("minutes-to-final"))
            .await
            .click()
            .await
            .unwrap();
        wait_text(&c, Locator::Id("minutes-status"), "Final").await;
        shot(&c, &shots, "minutes-final-fr").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(
            v.is_empty(),
            "accessibility (meeting page, coordinator): {v:#?}"
        );
        sign_out(&c).await;

        // The editor can no longer change them: no edit button, and the form is refused.
        sign_in(&c, &base, "officer@issy.example").await;
        c.goto(&format!("{page}?lang=ko")).await.unwrap();
        wait_text(&c, Locator::Id("minutes-status"), "확정").await;
        assert!(
            c.find(Locator::Id("edit-minutes")).await.is_err(),
            "no edit button on final minutes"
        );
        c.goto(&format!("{base}/meetings/{id}/minutes/edit"))
            .await
            .unwrap();
        let h1 = find(&c, Locator::Css("h1")).await.text().await.unwrap();
        assert_eq!(h1, "오류가 발생했습니다");
        let msg = find(&c, Locator::Css(".error-message"))
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(msg, "이 작업을 할 권한이 없습니다.");
        c.close().await.unwrap();
    });
    assert!(server.stop().success());
    let _ = std::fs::remove_dir_all(dir);
}

/// A real SMTP server on loopback (Python's aiosmtpd) writing to a maildir.
struct Smtp {
    child: std::process::Child,
    port: u16,
    dir: PathBuf,
}

impl Smtp {
    fn start(dir: PathBuf) -> Smtp {
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
        Smtp { child, port, dir }
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn python() -> String {
    std::env::var("JUMELAGE_PYTHON").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/py-tools/bin/python"
        )
        .to_string()
    })
}

#[test]
fn consultation_by_link_line_up_with_a_lock_and_an_e_mailed_invitation() {
    let axe = std::fs::read_to_string(env_path(
        "JUMELAGE_AXE",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/e2e-tools/node_modules/axe-core/axe.min.js"
        ),
    ))
    .unwrap();
    let dir = temp_dir("browser-seminars");
    let smtp = Smtp::start(dir.join("maildir"));
    let smtp_url = format!("smtp://127.0.0.1:{}", smtp.port);
    let server = Server::start(
        &dir,
        None,
        &[
            "--smtp-url",
            &smtp_url,
            "--mail-from",
            "Jumelage <no-reply@example.org>",
        ],
    );
    create_user(
        &dir,
        &[
            "--email",
            "coord@cuf.example",
            "--role",
            "coordinator",
            "--group",
            "kr",
            "--name",
            "Constance K.",
        ],
    );
    create_user(
        &dir,
        &[
            "--email",
            "officer@issy.example",
            "--role",
            "editor",
            "--organisation",
            "fr-issy",
            "--name",
            "Morgane Millon",
        ],
    );
    let (_driver, port) = start_driver();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let c = browser(port, &dir.join("profile")).await;
        let base = server.url.clone();

        // The coordinator makes Seocho's personal link.
        sign_in(&c, &base, "coord@cuf.example").await;
        c.goto(&format!("{base}/series/tour-kr-2021/consultation"))
            .await
            .unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(
            v.is_empty(),
            "accessibility (consultation progress): {v:#?}"
        );
        find(&c, Locator::Id("link-kr-seocho"))
            .await
            .click()
            .await
            .unwrap();
        let link = find(
            &c,
            Locator::Css("input.link-copy[data-organisation='kr-seocho']"),
        )
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap();
        sign_out(&c).await;

        // Seocho answers through its link, in Korean, without an account.
        c.goto(&format!("{link}?lang=ko")).await.unwrap();
        assert_eq!(html_lang(&c).await, "ko");
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (answer form, ko): {v:#?}");
        let select = |id: &'static str, value: &'static str| {
            let c = c.clone();
            async move {
                find(&c, Locator::Css(&format!("#{id} option[value='{value}']")))
                    .await
                    .click()
                    .await
                    .unwrap();
            }
        };
        // The demo answer is there already; the member changes it.
        select("rank-tour-kr-2021-3", "1").await;
        select("rank-tour-kr-2021-2", "").await;
        select("rank-tour-kr-2021-1", "2").await;
        find(&c, Locator::Id("willing-yes"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Id("availability"))
            .await
            .send_keys("11월, 12월")
            .await
            .unwrap();
        find(&c, Locator::Id("comments"))
            .await
            .send_keys("서초구는 사회복지 세미나를 함께 진행하고 싶습니다.")
            .await
            .unwrap();
        find(&c, Locator::Id("send-answer"))
            .await
            .click()
            .await
            .unwrap();
        wait_text(
            &c,
            Locator::Id("saved"),
            "감사합니다. 응답이 저장되었습니다. 같은 링크로 수정할 수 있습니다.",
        )
        .await;

        // The coordinator builds the line-up, keeps Seocho in seminar 3, and solves again.
        sign_in(&c, &base, "coord@cuf.example").await;
        c.goto(&format!("{base}/series/tour-kr-2021/lineup?lang=fr"))
            .await
            .unwrap();
        find(&c, Locator::Id("lineup-status")).await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (line-up): {v:#?}");
        let seminar3 = "#seminar-tour-kr-2021-3";
        let ids: Vec<String> = {
            let mut out = Vec::new();
            for e in c
                .find_all(Locator::Css(&format!("{seminar3} li.facilitator")))
                .await
                .unwrap()
            {
                out.push(e.attr("data-organisation").await.unwrap().unwrap());
            }
            out
        };
        assert_eq!(ids.len(), 4, "two French and two Korean facilitators");
        let korean = ids.iter().find(|i| i.starts_with("kr-")).unwrap().clone();
        find(&c, Locator::Id(&format!("lock-tour-kr-2021-3-{korean}")))
            .await
            .click()
            .await
            .unwrap();
        find(
            &c,
            Locator::Css(&format!(
                "{seminar3} li.facilitator[data-organisation='{korean}'] [data-locked]"
            )),
        )
        .await;
        shot(&c, &shots(), "lineup-locked").await;
        // Solving again (after removing a French facilitator) keeps the lock.
        let french = ids.iter().find(|i| i.starts_with("fr-")).unwrap().clone();
        find(
            &c,
            Locator::Css(&format!(
                "{seminar3} li.facilitator[data-organisation='{french}'] button[value=remove]"
            )),
        )
        .await
        .click()
        .await
        .unwrap();
        wait_text(
            &c,
            Locator::Css(".notice[role=status]"),
            "Composition recalculée.",
        )
        .await;
        let now: Vec<String> = {
            let mut out = Vec::new();
            for e in c
                .find_all(Locator::Css(&format!("{seminar3} li.facilitator")))
                .await
                .unwrap()
            {
                out.push(e.attr("data-organisation").await.unwrap().unwrap());
            }
            out
        };
        assert!(now.contains(&korean), "the lock holds: {now:?}");
        assert!(!now.contains(&french), "the removal holds: {now:?}");
        assert_eq!(now.len(), 4);

        // The coordinator schedules seminar 1 at the first slot that suits both countries.
        c.goto(&format!("{base}/seminars/tour-kr-2021-1/slots"))
            .await
            .unwrap();
        find(&c, Locator::Css("ul.slots li form button"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Css("a[href$='.ics']")).await;
        sign_out(&c).await;

        // A member registers; the invitation goes out by e-mail.
        sign_in(&c, &base, "officer@issy.example").await;
        c.goto(&format!("{base}/seminars/tour-kr-2021-1"))
            .await
            .unwrap();
        find(&c, Locator::Id("register"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Id("notice")).await;
        c.close().await.unwrap();
    });

    // The worker sends within a few seconds; the message and its calendar file are read with
    // Python's email and icalendar.
    let check = r#"
import sys, mailbox, email.header, datetime, icalendar
box = mailbox.Maildir(sys.argv[1], create=False)
msgs = list(box)
if not msgs:
    print('none'); sys.exit(0)
m = msgs[0]
body = [p for p in m.walk() if p.get_content_type() == 'text/plain'][0].get_payload(decode=True).decode()
ics = [p for p in m.walk() if p.get_content_type() == 'text/calendar'][0].get_payload(decode=True).decode()
ev = icalendar.Calendar.from_ical(ics).walk('VEVENT')[0]
start = ev.decoded('DTSTART')
print(len(msgs), m['To'])
print('(Paris)' in body, '(Séoul)' in body)
print(start.astimezone(datetime.timezone(datetime.timedelta(hours=9))).strftime('%H:%M'), start.astimezone(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M'))
"#;
    let mut out = String::new();
    for _ in 0..60 {
        let o = Command::new(python())
            .args(["-c", check])
            .arg(&smtp.dir)
            .output()
            .unwrap();
        out = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
        if !out.starts_with("none") && o.status.success() {
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("1 officer@issy.example"),
        "{out}"
    );
    assert_eq!(
        lines[1], "True True",
        "both Paris and Seoul times in the body: {out}"
    );
    assert_eq!(
        lines[2], "16:00 2021-06-01 07:00",
        "09:00 Paris = 16:00 Seoul on 1 June 2021: {out}"
    );
    assert!(server.stop().success());
    drop(smtp);
    let _ = std::fs::remove_dir_all(dir);
}

fn shots() -> PathBuf {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/screenshots"
    ));
    let _ = std::fs::create_dir_all(&p);
    p
}
