//! The seminar series on both engines: consultation by personal link, the line-up builder,
//! the slot finder, registration with capacity, and the confirmation e-mail through a real SMTP
//! server on loopback (Python's aiosmtpd), its calendar file read by icalendar.

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, python, TestApp};

const SERIES: &str = "tour-kr-2021";

fn link_of(html: &str, org: &str) -> String {
    let marker = format!("data-organisation=\"{org}\"");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no link for {org}"));
    let before = &html[..at];
    let start = before.rfind("value=\"").unwrap() + "value=\"".len();
    let end = start + before[start..].find('"').unwrap();
    before[start..end].to_string()
}

both_engines!(the_series_and_its_periods, |db| {
    let app = TestApp::new(db).await;
    let list = app.get("/seminars").await;
    assert!(list.body.contains("juin 2021") && list.body.contains("novembre–décembre 2021"));
    let ko = app.get("/seminars?lang=ko").await;
    assert!(ko.body.contains("지속가능한 발전") && ko.body.contains("2021년 11월–12월"));
    let api = app.get("/api/v1/seminars").await.json();
    assert_eq!(api["total"], 3);
    assert_eq!(api["items"][0]["planned_period"], "2021-06");
});

both_engines!(a_korean_member_answers_through_its_link, |db| {
    let app = TestApp::new(db).await;
    app.user(
        "coord@cuf.example",
        Role::Coordinator { group: "kr".into() },
    )
    .await;
    let (session, csrf) = app.sign_in("coord@cuf.example").await;
    let page = app
        .form(
            &format!("/series/{SERIES}/consultation"),
            &[
                ("csrf_token", &csrf),
                ("action", "link"),
                ("organisation", "kr-seocho"),
            ],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let link = link_of(&page.body, "kr-seocho").replace("http://127.0.0.1:8080", "");
    assert!(link.starts_with("/consult/"));
    let form = app.get(&format!("{link}?lang=ko")).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("관심 있는 주제의 순위를 매겨 주십시오"));
    let cookie = format!("jumelage_csrf={}", form.cookie("jumelage_csrf").unwrap());
    let token = form.cookie("jumelage_csrf").unwrap();
    let ids = ["tour-kr-2021-1", "tour-kr-2021-2", "tour-kr-2021-3"];
    let dup = app
        .form(
            &link,
            &[
                ("csrf_token", &token),
                (&format!("rank-{}", ids[0]), "1"),
                (&format!("rank-{}", ids[1]), "1"),
                ("willing", "yes"),
                ("comments", "두 주제 모두 관심"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(dup.status, 422);
    assert!(
        dup.body.contains("두 주제 모두 관심"),
        "what was typed comes back"
    );
    let ok = app
        .form(
            &link,
            &[
                ("csrf_token", &token),
                (&format!("rank-{}", ids[2]), "1"),
                (&format!("rank-{}", ids[0]), "2"),
                ("willing", "yes"),
                ("availability", "11월"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(ok.status, 200);
    assert!(ok.body.contains("id=\"saved\""));
    let progress = app
        .get_with(
            &format!("/series/{SERIES}/consultation"),
            &[("cookie", &session)],
        )
        .await;
    assert!(progress.body.contains("1. #3 · 2. #1"));
    let answers = app
        .db
        .answers(&format!("{SERIES}-consultation"))
        .await
        .unwrap();
    let seocho = answers
        .iter()
        .find(|a| a.organisation_id == "kr-seocho")
        .unwrap();
    assert_eq!(seocho.answered_by.as_deref(), Some("link"));
    assert_eq!(seocho.answer.availability.as_deref(), Some("11월"));
    // Tampered, revoked (replaced by a new link) and unknown links all get one answer.
    let tampered = app.get(&format!("{link}x?lang=ko")).await;
    assert_eq!(tampered.status, 401);
    assert!(tampered.body.contains("유효하지 않거나 만료된 링크"));
    app.form(
        &format!("/series/{SERIES}/consultation"),
        &[
            ("csrf_token", &csrf),
            ("action", "link"),
            ("organisation", "kr-seocho"),
        ],
        &[("cookie", &session)],
    )
    .await;
    assert_eq!(
        app.get(&link).await.status,
        401,
        "a new link revokes the old one"
    );
    assert_eq!(app.get("/consult/0123").await.status, 401);
    assert_eq!(
        app.get(&format!("/series/{SERIES}/consultation"))
            .await
            .status,
        401
    );
});

both_engines!(the_lineup_builder_respects_locks_and_removals, |db| {
    let app = TestApp::new(db).await;
    app.user(
        "coord@cuf.example",
        Role::Coordinator { group: "kr".into() },
    )
    .await;
    let (session, csrf) = app.sign_in("coord@cuf.example").await;
    let page = app
        .get_with(&format!("/series/{SERIES}/lineup"), &[("cookie", &session)])
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Composition optimale (prouvée)"));
    let token = app
        .db
        .create_token(
            &app.db
                .user_by_email("coord@cuf.example")
                .await
                .unwrap()
                .unwrap()
                .id,
            "t",
        )
        .await
        .unwrap();
    let sol = app
        .get_with(
            &format!("/api/v1/series/{SERIES}/lineup"),
            &[("authorization", &bearer(&token))],
        )
        .await
        .json();
    assert_eq!(sol["status"], "optimal");
    for l in sol["lineup"].as_array().unwrap() {
        assert_eq!(l["facilitators"].as_array().unwrap().len(), 4);
    }
    // Tours said it wants sustainable development: lock Tours there and remove another.
    let act = |action: &str, seminar: &str, org: &str| {
        let app = &app;
        let session = session.clone();
        let csrf = csrf.clone();
        let (action, seminar, org) = (action.to_string(), seminar.to_string(), org.to_string());
        async move {
            app.form(
                &format!("/series/{SERIES}/lineup"),
                &[
                    ("csrf_token", &csrf),
                    ("action", &action),
                    ("seminar", &seminar),
                    ("organisation", &org),
                ],
                &[("cookie", &session)],
            )
            .await
        }
    };
    let r = act("lock", "tour-kr-2021-1", "fr-tours").await;
    assert_eq!(r.status, 200);
    let sol = app
        .get_with(
            &format!("/api/v1/series/{SERIES}/lineup"),
            &[("authorization", &bearer(&token))],
        )
        .await
        .json();
    let first = &sol["lineup"][0]["facilitators"];
    assert!(
        first.as_array().unwrap().iter().any(|f| f == "fr-tours"),
        "the lock holds: {first}"
    );
    let removed = first
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f.as_str().unwrap().starts_with("kr-"))
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    act("remove", "tour-kr-2021-1", &removed).await;
    let sol = app
        .get_with(
            &format!("/api/v1/series/{SERIES}/lineup"),
            &[("authorization", &bearer(&token))],
        )
        .await
        .json();
    let first = sol["lineup"][0]["facilitators"].as_array().unwrap().clone();
    assert!(!first.iter().any(|f| f == removed.as_str()) && first.iter().any(|f| f == "fr-tours"));
    let saved = act("save", "", "").await;
    assert!(saved.body.contains("Composition enregistrée"));
    let seminar = app.get("/api/v1/seminars/tour-kr-2021-1").await.json();
    assert!(seminar["facilitators"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "fr-tours"));
    // Removing every Korean candidate of a seminar leaves no full line-up: the page gives the
    // fullest one and says, at the top and in words, which places stay empty and why.
    for org in ["kr-guro", "kr-suwon", "kr-seoul", "kr-daegu", "kr-gyeonggi"] {
        act("remove", "tour-kr-2021-1", org).await;
    }
    let page = app
        .get_with(
            &format!("/series/{SERIES}/lineup?lang=en"),
            &[("cookie", &session)],
        )
        .await;
    assert!(
        page.body.contains("No full line-up exists"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("2 places for Korea stay empty — 0 candidate(s) of that country ranked it"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("needs 2 authorities from Korea, but only"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("value=\"save\""),
        "a partial line-up can be kept"
    );
    let api = app
        .get_with(
            &format!("/api/v1/series/{SERIES}/lineup?allow_partial=true"),
            &[("cookie", &session)],
        )
        .await
        .json();
    assert_eq!(api["status"], "partial");
    assert_eq!(api["unfilled"][0]["seminar"], "tour-kr-2021-1");
    assert_eq!(api["unfilled"][0]["country"], "KR");
    assert_eq!(api["unfilled"][0]["missing"], 2);
    let strict = app
        .get_with(
            &format!("/api/v1/series/{SERIES}/lineup"),
            &[("cookie", &session)],
        )
        .await
        .json();
    assert_eq!(
        strict["status"], "infeasible",
        "without the flag, as the contract says"
    );
});

both_engines!(slots_then_registration_and_the_e_mail, |db| {
    let app = TestApp::new(db).await;
    app.user(
        "coord@cuf.example",
        Role::Coordinator { group: "kr".into() },
    )
    .await;
    app.user(
        "officer@issy.example",
        Role::Editor {
            organisation: "fr-issy".into(),
        },
    )
    .await;
    let (session, csrf) = app.sign_in("coord@cuf.example").await;
    let slots = app
        .get_with(
            "/seminars/tour-kr-2021-1/slots?from=2027-06-01&to=2027-06-30",
            &[("cookie", &session)],
        )
        .await;
    assert!(
        slots
            .body
            .contains("mardi 1er juin 2027, 09:00–10:30 (Paris) · 16:00–17:30 (Séoul)"),
        "{}",
        slots.body
    );
    let r = app
        .form(
            "/seminars/tour-kr-2021-1/schedule",
            &[
                ("csrf_token", &csrf),
                ("start_utc", "2027-06-01T07:00:00+00:00"),
                ("duration", "90"),
                ("link", "https://visio.example.org/s1"),
            ],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(r.status, 303);
    let token = app
        .db
        .create_token(
            &app.db
                .user_by_email("coord@cuf.example")
                .await
                .unwrap()
                .unwrap()
                .id,
            "t",
        )
        .await
        .unwrap();
    let r = app
        .json(
            Method::PATCH,
            "/api/v1/seminars/tour-kr-2021-1",
            json!({"capacity": 1, "audience": "public"}),
            &[("authorization", &bearer(&token))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let (officer, ocsrf) = app.sign_in("officer@issy.example").await;
    let page = app
        .form(
            "/seminars/tour-kr-2021-1/register",
            &[("csrf_token", &ocsrf)],
            &[("cookie", &officer)],
        )
        .await;
    assert!(page.body.contains("Votre inscription est enregistrée"));
    let again = app
        .form(
            "/seminars/tour-kr-2021-1/register",
            &[("csrf_token", &ocsrf)],
            &[("cookie", &officer)],
        )
        .await;
    assert!(again.body.contains("déjà inscrit"));
    let public = app
        .json(
            Method::POST,
            "/api/v1/seminars/tour-kr-2021-1/registrations",
            json!({"name": "김민지", "email": "minji@example.kr"}),
            &[("accept-language", "ko"), ("x-csrf-token", "none")],
        )
        .await;
    assert_eq!(
        public.status, 403,
        "the API with a cookie-less call needs a token or the CSRF header of a session"
    );

    // The e-mail goes out through a real SMTP server on loopback.
    let smtp = crate::support::LoopbackSmtp::start().await;
    assert_eq!(smtp.drain(&app.db).await, 1);
    assert_eq!(smtp.drain(&app.db).await, 0, "never sent twice");
    let dir = smtp.dir.clone();
    let out = python(
        r#"
import sys, mailbox, icalendar, datetime
box = mailbox.Maildir(sys.stdin.read().strip(), create=False)
msgs = list(box)
m = msgs[0]
body = [p for p in m.walk() if p.get_content_type() == 'text/plain'][0].get_payload(decode=True).decode()
ics = [p for p in m.walk() if p.get_content_type() == 'text/calendar'][0].get_payload(decode=True).decode()
cal = icalendar.Calendar.from_ical(ics)
ev = cal.walk('VEVENT')[0]
start = ev.decoded('DTSTART')
import email.header
print(len(msgs), m['To'], '|', str(email.header.make_header(email.header.decode_header(m['Subject']))))
print('Paris' in body and 'Séoul' in body, '09:00–10:30 (Paris)' in body, '16:00–17:30 (Séoul)' in body)
print(start.astimezone(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M'), str(ev['UID']))
"#,
        dir.to_str().unwrap(),
    );
    let officer_mail = smtp.received().remove(0).1;
    drop(smtp);
    assert!(
        officer_mail.contains("Lien de connexion : https://visio.example.org/s1"),
        "the video link: {officer_mail}"
    );
    let link = officer_mail
        .split_whitespace()
        .find(|w| w.contains("/registrations/"))
        .expect("the registration's own link");
    let own = link[link.find("/registrations/").unwrap()..].to_string();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "1 officer@issy.example | Inscription confirmée : Le développement durable : les solutions des collectivités contre le réchauffement climatique", "{out}");
    assert_eq!(lines[1], "True True True", "{out}");
    assert_eq!(lines[2], "2027-06-01 07:00 tour-kr-2021-1@jumelage");
    // Capacity 1: the next one waits.
    let tours = app
        .user(
            "officer@tours.example",
            Role::Editor {
                organisation: "fr-tours".into(),
            },
        )
        .await;
    let r = app
        .json(
            Method::POST,
            "/api/v1/seminars/tour-kr-2021-1/registrations",
            json!({}),
            &[("authorization", &bearer(&tours))],
        )
        .await;
    assert_eq!(r.json()["status"], "waitlisted");
    // The link of the confirmation: a page without an account; opening it changes nothing,
    // its button cancels, and Tours moves up with a confirmation of its own.
    let page = app.get(&format!("{own}?lang=fr")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Confirmée"), "{}", page.body);
    assert!(page.body.contains("https://visio.example.org/s1"));
    let csrf_cookie = page.cookie("jumelage_csrf").unwrap();
    let token = crate::support::extract_csrf(&page.body).unwrap();
    let cancelled = app
        .form(
            &format!("{own}?lang=fr"),
            &[("csrf_token", &token)],
            &[("cookie", &format!("jumelage_csrf={csrf_cookie}"))],
        )
        .await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert!(cancelled.body.contains("Annulée"), "{}", cancelled.body);
    assert!(
        !cancelled.body.contains("visio.example.org"),
        "no place, no link"
    );
    let regs = app.db.registrations("tour-kr-2021-1").await.unwrap();
    let status = |email: &str| {
        regs.iter()
            .find(|r| r.email == email)
            .map(|r| r.status.code())
            .unwrap()
    };
    assert_eq!(status("officer@issy.example"), "cancelled");
    assert_eq!(status("officer@tours.example"), "registered");
    assert_eq!(app.get("/registrations/not-a-link").await.status, 401);
    let ics = app.get("/seminars/tour-kr-2021-1.ics").await;
    assert!(ics
        .body
        .contains("DTSTART;TZID=Europe/Paris:20270601T090000"));
});

both_engines!(an_smtp_server_that_is_down_keeps_the_mail, |db| {
    let app = TestApp::new(db).await;
    let tours = app
        .user(
            "officer@tours.example",
            Role::Editor {
                organisation: "fr-tours".into(),
            },
        )
        .await;
    let r = app
        .json(
            Method::POST,
            "/api/v1/seminars/tour-kr-2021-2/registrations",
            json!({}),
            &[("authorization", &bearer(&tours))],
        )
        .await;
    assert_eq!(
        r.status, 201,
        "the page answers although no mail server is there"
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let sender = mail::Sender::new(&mail::SmtpConfig {
        url: format!("smtp://127.0.0.1:{port}"),
        from: "x@example.org".into(),
    })
    .unwrap();
    assert_eq!(sender.drain(&app.db).await.unwrap(), 0);
    let counts = app.db.outbox_counts().await.unwrap();
    assert_eq!(
        counts,
        vec![("queued".to_string(), 1)],
        "waiting for a retry, not lost"
    );
    app.db.outbox_due_now().await.unwrap();
    let mail = app.db.claim_email(60_000).await.unwrap().unwrap();
    assert!(
        mail.body_text
            .contains("— Cités Unies France, Groupe-pays Corée"),
        "signed by the network and the group, as data: {}",
        mail.body_text
    );
});

both_engines!(invitations_cancellations_and_attendance, |db| {
    let app = TestApp::new(db).await;
    let coordinator = app
        .user(
            "coord@cuf.example",
            Role::Coordinator { group: "kr".into() },
        )
        .await;
    let issy = app
        .user(
            "officer@issy.example",
            Role::Editor {
                organisation: "fr-issy".into(),
            },
        )
        .await;
    let tours = app
        .user(
            "officer@tours.example",
            Role::Editor {
                organisation: "fr-tours".into(),
            },
        )
        .await;
    let auth = |t: &str| bearer(t);
    // Not scheduled yet: no invitation.
    let r = app
        .json(
            Method::POST,
            "/api/v1/seminars/tour-kr-2021-2/invitations",
            json!({}),
            &[("authorization", &auth(&coordinator))],
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["field"], "start");
    let r = app
        .json(
            Method::PATCH,
            "/api/v1/seminars/tour-kr-2021-2",
            json!({"start": "2027-10-05T07:00:00Z", "status": "scheduled", "capacity": 1}),
            &[("authorization", &auth(&coordinator))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = app
        .json(
            Method::POST,
            "/api/v1/seminars/tour-kr-2021-2/invitations",
            json!({}),
            &[("authorization", &auth(&coordinator))],
        )
        .await;
    assert_eq!(r.status, 202);
    assert_eq!(r.json()["queued"], 3, "the two editors and the coordinator");
    assert_eq!(
        app.json(
            Method::POST,
            "/api/v1/seminars/tour-kr-2021-2/invitations",
            json!({}),
            &[("authorization", &auth(&issy))]
        )
        .await
        .status,
        403
    );
    // The feed of the group now holds the seminar; the public one without its video link.
    let feed = app.get("/groups/kr/calendar.ics").await;
    assert!(feed.body.contains("UID:tour-kr-2021-2@jumelage"));
    // Capacity 1: Issy registered, Tours waits; Issy cancels, Tours moves up and is told.
    for t in [&issy, &tours] {
        app.json(
            Method::POST,
            "/api/v1/seminars/tour-kr-2021-2/registrations",
            json!({}),
            &[("authorization", &auth(t))],
        )
        .await;
    }
    let regs = app
        .get_with(
            "/api/v1/seminars/tour-kr-2021-2/registrations",
            &[("authorization", &auth(&coordinator))],
        )
        .await
        .json();
    let issy_reg = regs
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["email"] == "officer@issy.example")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let tours_reg = regs
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["email"] == "officer@tours.example")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let other = app
        .json(
            Method::PATCH,
            &format!("/api/v1/seminars/tour-kr-2021-2/registrations/{issy_reg}"),
            json!({"status": "cancelled"}),
            &[("authorization", &auth(&tours))],
        )
        .await;
    assert_eq!(
        other.status, 403,
        "only its owner or the coordinators cancel a registration"
    );
    let r = app
        .json(
            Method::PATCH,
            &format!("/api/v1/seminars/tour-kr-2021-2/registrations/{issy_reg}"),
            json!({"status": "cancelled"}),
            &[("authorization", &auth(&issy))],
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let regs = app
        .get_with(
            "/api/v1/seminars/tour-kr-2021-2/registrations",
            &[("authorization", &auth(&coordinator))],
        )
        .await
        .json();
    assert_eq!(
        regs.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == tours_reg.as_str())
            .unwrap()["status"],
        "registered"
    );
    let r = app
        .json(
            Method::PATCH,
            &format!("/api/v1/seminars/tour-kr-2021-2/registrations/{tours_reg}"),
            json!({"attended": true}),
            &[("authorization", &auth(&coordinator))],
        )
        .await;
    assert_eq!(r.status, 204);
    let regs = app
        .get_with(
            "/api/v1/seminars/tour-kr-2021-2/registrations",
            &[("authorization", &auth(&coordinator))],
        )
        .await
        .json();
    assert_eq!(
        regs.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == tours_reg.as_str())
            .unwrap()["attended"],
        true
    );
    // 3 invitations + 2 registration e-mails (registered, waiting) + 1 to the one who moved up.
    let counts = app.db.outbox_counts().await.unwrap();
    assert_eq!(counts, vec![("queued".to_string(), 6)]);
});

both_engines!(coordinators_start_a_new_series, |db| {
    let app = TestApp::new(db).await;
    let coordinator = app
        .user(
            "coord@cuf.example",
            Role::Coordinator { group: "kr".into() },
        )
        .await;
    let auth = [("authorization", bearer(&coordinator))];
    let auth: Vec<(&str, &str)> = auth.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = app
        .json(Method::POST, "/api/v1/series", json!({"group_id": "kr", "year": 2022, "title": {"fr": "Tour 2022", "ko": "2022 순회 세미나"}}), &auth)
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let dup = app
        .json(
            Method::POST,
            "/api/v1/series",
            json!({"group_id": "kr", "year": 2022, "title": {"fr": "x"}}),
            &auth,
        )
        .await;
    assert_eq!(dup.status, 409);
    let bad = app
        .json(
            Method::POST,
            "/api/v1/series/tour-kr-2022/seminars",
            json!({"theme": {"fr": "L'eau"}, "planned_period": "printemps"}),
            &auth,
        )
        .await;
    assert_eq!(bad.json()["error"]["field"], "planned_period");
    let s = app
        .json(
            Method::POST,
            "/api/v1/series/tour-kr-2022/seminars",
            json!({"theme": {"fr": "L'eau", "ko": "물"}, "planned_period": "2022-03"}),
            &auth,
        )
        .await;
    assert_eq!(s.status, 201, "{}", s.body);
    assert_eq!(s.json()["id"], "tour-kr-2022-1");
    let list = app.get("/seminars?lang=ko").await;
    assert!(list.body.contains("2022 순회 세미나") && list.body.contains("2022년 3월"));
});
