//! One's sessions and tokens, the secretariat's accounts list, disabling an account, and the
//! password reset by e-mail, on both engines.

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, extract_csrf, TestApp, PASSWORD};

both_engines!(sessions_and_tokens_are_listed_and_closed, |db| {
    let app = TestApp::new(db).await;
    let token = app
        .user(
            "officer@issy.example",
            Role::Editor {
                organisation: "fr-issy".into(),
            },
        )
        .await;
    let (phone, _) = app.sign_in("officer@issy.example").await;
    let (laptop, csrf) = app.sign_in("officer@issy.example").await;
    let page = app
        .get_with("/account?lang=en", &[("cookie", &laptop)])
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("this session"));
    let sessions = app
        .get_with("/api/v1/me/sessions", &[("authorization", &bearer(&token))])
        .await
        .json();
    assert_eq!(sessions.as_array().unwrap().len(), 2);
    // The laptop closes the phone's session: the phone is signed out at once.
    let phone_id = storage::Db::session_id(phone.trim_start_matches("jumelage_session="));
    let r = app
        .form(
            &format!("/account/sessions/{phone_id}/revoke"),
            &[("csrf_token", &csrf)],
            &[("cookie", &laptop)],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let me = app.get_with("/api/v1/me", &[("cookie", &phone)]).await;
    assert_eq!(me.status, 401);
    // A token made on the page is shown once and works; revoked, it stops.
    let made = app
        .form(
            "/account/tokens",
            &[("csrf_token", &csrf), ("name", "script de synchro")],
            &[("cookie", &laptop)],
        )
        .await;
    assert_eq!(made.status, 200);
    let at = made.body.find("jmlg_").expect("the new token is shown");
    let secret = made.body[at..at + 69].to_string();
    let me = app
        .get_with("/api/v1/me", &[("authorization", &bearer(&secret))])
        .await;
    assert_eq!(me.status, 200);
    let tokens = app
        .get_with("/api/v1/me/tokens", &[("authorization", &bearer(&token))])
        .await
        .json();
    let id = tokens
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "script de synchro")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let gone = app
        .json(
            Method::DELETE,
            &format!("/api/v1/me/tokens/{id}"),
            json!(null),
            &[("authorization", &bearer(&token))],
        )
        .await;
    assert_eq!(gone.status, 204);
    let me = app
        .get_with("/api/v1/me", &[("authorization", &bearer(&secret))])
        .await;
    assert_eq!(me.status, 401);
    // Someone else's token cannot be revoked by id.
    let other = app.user("other@tours.example", Role::Secretariat).await;
    let theirs = app
        .get_with("/api/v1/me/tokens", &[("authorization", &bearer(&other))])
        .await
        .json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app
        .json(
            Method::DELETE,
            &format!("/api/v1/me/tokens/{theirs}"),
            json!(null),
            &[("authorization", &bearer(&token))],
        )
        .await;
    assert_eq!(r.status, 404);
});

both_engines!(a_disabled_account_stops_at_once, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let token = app
        .user(
            "officer@issy.example",
            Role::Editor {
                organisation: "fr-issy".into(),
            },
        )
        .await;
    let (session, _) = app.sign_in("officer@issy.example").await;
    let users = app
        .get_with("/api/v1/users", &[("authorization", &bearer(&staff))])
        .await
        .json();
    let officer = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == "officer@issy.example")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let denied = app
        .get_with("/api/v1/users", &[("authorization", &bearer(&token))])
        .await;
    assert_eq!(denied.status, 403);
    let r = app
        .json(
            Method::POST,
            &format!("/api/v1/users/{officer}/disable"),
            json!({}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    assert_eq!(
        app.get_with("/api/v1/me", &[("authorization", &bearer(&token))])
            .await
            .status,
        401
    );
    assert_eq!(
        app.get_with("/api/v1/me", &[("cookie", &session)])
            .await
            .status,
        401
    );
    let login = app
        .login_from("203.0.113.5", "officer@issy.example", PASSWORD, &[])
        .await;
    assert_eq!(login.status, 401);
    let (staff_session, csrf) = app.sign_in("staff@cuf.example").await;
    let page = app
        .get_with("/users?lang=en", &[("cookie", &staff_session)])
        .await;
    assert!(page.body.contains("officer@issy.example") && page.body.contains("Disabled"));
    assert!(
        page.body.contains("Editor (fr-issy)"),
        "roles in words: {}",
        page.body
    );
    let r = app
        .form(
            &format!("/users/{officer}/enable"),
            &[("csrf_token", &csrf)],
            &[("cookie", &staff_session)],
        )
        .await;
    assert_eq!(r.status, 303);
    let login = app
        .login_from("203.0.113.5", "officer@issy.example", PASSWORD, &[])
        .await;
    assert_eq!(login.status, 303);
    let events = app.db.audit_events(None, None, 50).await.unwrap();
    assert!(events.iter().any(|e| e.event == "user_disabled"));
    assert!(events.iter().any(|e| e.event == "user_enabled"));
});

both_engines!(a_forgotten_password_is_reset_by_an_e_mail_link_once, |db| {
    let app = TestApp::new(db).await;
    app.user("officer@issy.example", Role::Secretariat).await;
    let page = app.get("/password-reset").await;
    let csrf = page.cookie("jumelage_csrf").unwrap();
    let cookie = format!("jumelage_csrf={csrf}");
    let ask = |email: &'static str| {
        let (app, csrf, cookie) = (&app, csrf.clone(), cookie.clone());
        async move {
            app.form(
                "/password-reset",
                &[("csrf_token", &csrf), ("email", email)],
                &[("cookie", &cookie), ("accept-language", "en")],
            )
            .await
        }
    };
    let known = ask("Officer@Issy.example").await;
    let unknown = ask("nobody@issy.example").await;
    assert_eq!((known.status.as_u16(), unknown.status.as_u16()), (200, 200));
    let said = |b: &str| b.contains("If an account uses this address");
    assert!(said(&known.body) && said(&unknown.body), "the same answer");
    app.db.outbox_due_now().await.unwrap();
    let mail = app
        .db
        .claim_email(60_000)
        .await
        .unwrap()
        .expect("one e-mail queued");
    assert_eq!(mail.recipient, "officer@issy.example");
    assert!(
        app.db.claim_email(60_000).await.unwrap().is_none(),
        "only one"
    );
    let at = mail.body_text.find("/invitations/").unwrap();
    let path = mail.body_text[at..at + "/invitations/".len() + 64].to_string();
    let form = app.get(&path).await;
    assert_eq!(form.status, 200);
    let csrf = extract_csrf(&form.body).unwrap();
    let cookie = format!(
        "jumelage_csrf={}",
        form.cookie("jumelage_csrf").unwrap_or(csrf.clone())
    );
    let new_password = "a brand new long password";
    let set = app
        .form(
            &path,
            &[
                ("csrf_token", &csrf),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(set.status, 303, "{}", set.body);
    let old = app
        .login_from("203.0.113.9", "officer@issy.example", PASSWORD, &[])
        .await;
    assert_eq!(old.status, 401);
    let new = app
        .login_from("203.0.113.9", "officer@issy.example", new_password, &[])
        .await;
    assert_eq!(new.status, 303);
    assert_ne!(app.get(&path).await.status, 200, "the link works once");
    // Nobody floods an inbox: past three links an hour for one address, the same answer and
    // no more mail.
    for _ in 0..5 {
        let again = ask("officer@issy.example").await;
        assert!(said(&again.body));
    }
    app.db.outbox_due_now().await.unwrap();
    let mut sent = 0;
    while app.db.claim_email(60_000).await.unwrap().is_some() {
        sent += 1;
    }
    assert_eq!(sent, 2, "the first request and two more within the hour");
});
