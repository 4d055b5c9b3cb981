use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, extract_csrf, TestApp, PASSWORD};

both_engines!(login_needs_the_csrf_token, |db| {
    let app = TestApp::new(db).await;
    app.user(
        "officer@issy.example",
        Role::Editor {
            organisation: "fr-issy".into(),
        },
    )
    .await;
    let no_token = app
        .form(
            "/login",
            &[("email", "officer@issy.example"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(no_token.status, 403);
    assert!(no_token.body.contains("Le formulaire a expiré"));
    let page = app.get("/login").await;
    let csrf = page.cookie("jumelage_csrf").unwrap();
    assert!(page
        .set_cookie_line("jumelage_csrf")
        .unwrap()
        .contains("HttpOnly; SameSite=Lax"));
    assert_eq!(extract_csrf(&page.body).unwrap(), csrf);
    let forged = app
        .form(
            "/login",
            &[
                ("email", "officer@issy.example"),
                ("password", PASSWORD),
                ("csrf_token", &"0".repeat(64)),
            ],
            &[("cookie", &format!("jumelage_csrf={csrf}"))],
        )
        .await;
    assert_eq!(forged.status, 403);
});

both_engines!(sign_in_and_out, |db| {
    let app = TestApp::new(db).await;
    app.user(
        "officer@issy.example",
        Role::Editor {
            organisation: "fr-issy".into(),
        },
    )
    .await;
    let (session, csrf) = app.sign_in("Officer@Issy.example").await;
    let home = app.get_with("/", &[("cookie", &session)]).await;
    assert!(home.body.contains("officer@issy.example"));
    assert!(home.body.contains("Se déconnecter"));
    // The API accepts the browser session, with its CSRF header.
    let patch = json!({"notes": "Mise à jour"});
    let without = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            patch.clone(),
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(without.status, 403);
    let with = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            patch,
            &[("cookie", &session), ("x-csrf-token", &csrf)],
        )
        .await;
    assert_eq!(with.status, 200, "{}", with.body);
    let out = app
        .form("/logout", &[("csrf_token", &csrf)], &[("cookie", &session)])
        .await;
    assert_eq!(out.status, 303);
    assert!(out
        .set_cookie_line("jumelage_session")
        .unwrap()
        .contains("Max-Age=0"));
    let after = app.get_with("/", &[("cookie", &session)]).await;
    assert!(
        !after.body.contains("officer@issy.example"),
        "the session is gone from the database"
    );
});

both_engines!(
    wrong_passwords_say_nothing_about_accounts_and_are_limited,
    |db| {
        let app = TestApp::new(db).await;
        app.user(
            "officer@issy.example",
            Role::Editor {
                organisation: "fr-issy".into(),
            },
        )
        .await;
        let page = app.get("/login?lang=ko").await;
        let csrf = page.cookie("jumelage_csrf").unwrap();
        let cookie = format!("jumelage_csrf={csrf}; lang=ko");
        let attempt = |email: &'static str, password: &'static str| {
            let app = &app;
            let csrf = csrf.clone();
            let cookie = cookie.clone();
            async move {
                app.form(
                    "/login",
                    &[
                        ("email", email),
                        ("password", password),
                        ("csrf_token", &csrf),
                    ],
                    &[("cookie", &cookie), ("x-forwarded-for", "203.0.113.7")],
                )
                .await
            }
        };
        let wrong = attempt("officer@issy.example", "wrong password").await;
        let unknown = attempt("nobody@issy.example", "wrong password").await;
        assert_eq!(wrong.status, 401);
        assert_eq!(unknown.status, 401);
        let msg = "이메일 주소 또는 비밀번호가 올바르지 않습니다.";
        assert!(wrong.body.contains(msg) && unknown.body.contains(msg));
        for _ in 0..4 {
            attempt("officer@issy.example", "still wrong").await;
        }
        let limited = attempt("officer@issy.example", PASSWORD).await;
        assert_eq!(
            limited.status, 429,
            "five failures of an account from one address make the next attempt wait, \
             even with the right password"
        );
        assert!(limited.body.contains("시도 횟수가 너무 많습니다"));
        let retry: i64 = limited.headers["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=30).contains(&retry), "Retry-After: {retry}");
    }
);

both_engines!(invitations_set_a_password_once, |db| {
    let app = TestApp::new(db).await;
    let user = app
        .db
        .create_user(&storage::NewUser {
            email: "new@tours.example".into(),
            display_name: "New".into(),
            password: None,
            locale: None,
            roles: vec![Role::Editor {
                organisation: "fr-tours".into(),
            }],
        })
        .await
        .unwrap();
    let token = app.db.create_invitation(&user.id).await.unwrap();
    let path = format!("/invitations/{token}");
    let page = app.get(&path).await;
    assert_eq!(page.status, 200);
    let csrf = page.cookie("jumelage_csrf").unwrap();
    let cookie = format!("jumelage_csrf={csrf}");
    let short = app
        .form(
            &path,
            &[
                ("password", "short"),
                ("password_confirm", "short"),
                ("csrf_token", &csrf),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(short.status, 422);
    let ok = app
        .form(
            &path,
            &[
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("csrf_token", &csrf),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(ok.status, 303);
    assert!(ok.cookie("jumelage_session").is_some());
    assert_eq!(app.get(&path).await.status, 401, "used up");
});

both_engines!(a_stranger_cannot_lock_the_owner_out, |db| {
    let app = TestApp::new(db).await;
    app.user(
        "officer@issy.example",
        Role::Editor {
            organisation: "fr-issy".into(),
        },
    )
    .await;
    let stranger = "198.51.100.66";
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let r = app
            .login_from(stranger, "officer@issy.example", "guess", &[])
            .await;
        statuses.push(r.status.as_u16());
    }
    assert_eq!(&statuses[..5], &[401; 5]);
    assert!(statuses[5..].iter().all(|s| *s == 429), "{statuses:?}");
    // The owner, from the office's address, is not held back.
    let owner = app
        .login_from("203.0.113.10", "officer@issy.example", PASSWORD, &[])
        .await;
    assert_eq!(owner.status, 303, "{}", owner.body);
    // The stranger's address stays slowed down for that account, right password or not.
    let again = app
        .login_from(stranger, "officer@issy.example", PASSWORD, &[])
        .await;
    assert_eq!(again.status, 429);
    let events = app.db.audit_events(None, None, 100).await.unwrap();
    let count = |e: &str| events.iter().filter(|x| x.event == e).count();
    assert_eq!(count("sign_in_failed"), 5);
    assert!(count("sign_in_throttled") >= 7);
    assert_eq!(count("sign_in"), 1);
    assert!(events
        .iter()
        .any(|x| x.event == "sign_in_throttled" && x.client.as_deref() == Some(stranger)));
});

/// Seven wrong passwords from one peer, each saying it forwards for another address.
async fn forwarded_guesses(app: &TestApp, peer: &str) -> Vec<u16> {
    let mut statuses = Vec::new();
    for i in 0..7 {
        let xff = format!("192.0.2.{i}");
        let r = app
            .login_from(
                peer,
                "officer@issy.example",
                "guess",
                &[("x-forwarded-for", &xff)],
            )
            .await;
        statuses.push(r.status.as_u16());
    }
    statuses
}

both_engines!(forwarded_for_is_believed_from_trusted_proxies_only, |db| {
    let app = TestApp::new(db.clone()).await;
    app.user("officer@issy.example", Role::Secretariat).await;
    // Rotating X-Forwarded-For from an untrusted peer changes nothing: one address.
    let statuses = forwarded_guesses(&app, "198.51.100.7").await;
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429, 429]);
    // Behind a trusted load balancer, each forwarded address is a client of its own.
    let behind = TestApp::with_config(
        db,
        web::WebConfig {
            trusted_proxies: web::TrustedProxies::parse(&["10.0.0.0/8"]).unwrap(),
            ..web::WebConfig::default()
        },
    )
    .await;
    let statuses = forwarded_guesses(&behind, "10.0.0.2").await;
    assert_eq!(statuses, [401; 7]);
});

both_engines!(
    wrong_passwords_in_parallel_are_counted,
    multi_thread,
    |db| {
        let app = std::sync::Arc::new(TestApp::new(db).await);
        app.user("officer@issy.example", Role::Secretariat).await;
        let mut tasks = Vec::new();
        for _ in 0..40 {
            let app = app.clone();
            tasks.push(tokio::spawn(async move {
                app.login_from("198.51.100.8", "officer@issy.example", "guess", &[])
                    .await
                    .status
                    .as_u16()
            }));
        }
        let mut statuses = Vec::new();
        for t in tasks {
            statuses.push(t.await.unwrap());
        }
        let refused = statuses.iter().filter(|s| **s == 401).count();
        let throttled = statuses.iter().filter(|s| **s == 429).count();
        assert_eq!(refused + throttled, 40, "{statuses:?}");
        assert!(refused <= 5, "at most five passwords checked: {statuses:?}");
    }
);

both_engines!(the_audit_log_is_the_secretariats_to_read, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let editor = app
        .user(
            "officer@issy.example",
            Role::Editor {
                organisation: "fr-issy".into(),
            },
        )
        .await;
    app.login_from("198.51.100.1", "officer@issy.example", "wrong", &[])
        .await;
    // An editor may not read it; the refusal itself is written down.
    let denied = app
        .get_with("/api/v1/audit", &[("authorization", &bearer(&editor))])
        .await;
    assert_eq!(denied.status, 403);
    // Nor archive an organisation that is not theirs.
    let refused = app
        .json(
            Method::POST,
            "/api/v1/organisations/fr-tours/archive",
            json!({}),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert_eq!(refused.status, 403);
    let archived = app
        .json(
            Method::POST,
            "/api/v1/organisations/fr-tours/archive",
            json!({}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(archived.status, 204, "{}", archived.body);
    let log = app
        .get_with("/api/v1/audit", &[("authorization", &bearer(&staff))])
        .await
        .json();
    let events: Vec<(String, String)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["event"].as_str().unwrap().to_string(),
                e["target"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(events.contains(&("archived".into(), "organisation:fr-tours".into())));
    assert!(events.contains(&("refused".into(), "GET /api/v1/audit".into())));
    assert!(events.contains(&(
        "refused".into(),
        "POST /api/v1/organisations/fr-tours/archive".into()
    )));
    assert!(events.contains(&(
        "sign_in_failed".into(),
        "account:officer@issy.example".into()
    )));
    let only = app
        .get_with(
            "/api/v1/audit?event=archived&limit=1",
            &[("authorization", &bearer(&staff))],
        )
        .await
        .json();
    assert_eq!(only["items"].as_array().unwrap().len(), 1);
    assert_eq!(only["items"][0]["actor_email"], "staff@cuf.example");
    let bad = app
        .get_with(
            "/api/v1/audit?event=nonsense",
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(bad.status, 400);
    let (session, _) = app.sign_in("staff@cuf.example").await;
    let page = app
        .get_with("/audit?lang=en", &[("cookie", &session)])
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Audit log") && page.body.contains("organisation:fr-tours"));
    assert!(page.body.contains("Archived") && page.body.contains("Access refused"));
});
