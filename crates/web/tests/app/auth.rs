use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{extract_csrf, TestApp, PASSWORD};

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
        for _ in 0..3 {
            attempt("officer@issy.example", "still wrong").await;
        }
        let limited = attempt("officer@issy.example", PASSWORD).await;
        assert_eq!(
            limited.status, 429,
            "five failures in the window block even the right password"
        );
        assert!(limited.body.contains("시도 횟수가 너무 많습니다"));
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
