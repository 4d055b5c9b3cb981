//! Invitations to the platform: the secretariat invites a coordinator of a new group from the
//! API or the page; the e-mail (through a real SMTP server on loopback) carries a link to
//! choose a password; a coordinator invites an observer of their group but not a secretariat;
//! a person invited twice gets a second role, not a second account; bad input names its field
//! and stores nothing.

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, extract_csrf, TestApp};

both_engines!(people_are_invited_by_e_mail_in_a_role, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let coord = app
        .user("coord@kr.example", Role::Coordinator { group: "kr".into() })
        .await;
    let as_staff = bearer(&staff);
    let as_staff = [("authorization", as_staff.as_str())];
    let as_coord = bearer(&coord);
    let as_coord = [("authorization", as_coord.as_str())];

    // Bad input: each problem named, nothing stored.
    let bad = app
        .json(
            Method::POST,
            "/api/v1/users",
            json!({"email": "nobody", "name": "X", "role": "coordinator", "group": "kr"}),
            &as_staff,
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert_eq!(bad.json()["error"]["field"], "email");
    let unknown = app
        .json(
            Method::POST,
            "/api/v1/users",
            json!({"email": "a@b.example", "name": "A", "role": "coordinator", "group": "zz"}),
            &as_staff,
        )
        .await;
    assert_eq!(unknown.status, 422, "{}", unknown.body);
    assert_eq!(unknown.json()["error"]["code"], "unknown_group");
    let no_group = app
        .json(
            Method::POST,
            "/api/v1/users",
            json!({"email": "a@b.example", "name": "A", "role": "observer"}),
            &as_staff,
        )
        .await;
    assert_eq!(no_group.json()["error"]["field"], "group");
    assert!(app.db.user_by_email("a@b.example").await.unwrap().is_none());

    // A coordinator invites an observer of their group, not a secretariat, not elsewhere.
    let observer = app
        .json(
            Method::POST,
            "/api/v1/users",
            json!({"email": "Obs@Embassy.example", "name": "Min-ji Park", "language": "ko",
                    "role": "observer", "group": "kr"}),
            &as_coord,
        )
        .await;
    assert_eq!(observer.status, 201, "{}", observer.body);
    assert_eq!(observer.json()["new_account"], true);
    assert_eq!(observer.json()["email"], "obs@embassy.example");
    for body in [
        json!({"email": "s@x.example", "name": "S", "role": "secretariat"}),
        json!({"email": "s@x.example", "name": "S", "role": "observer", "group": "jp"}),
    ] {
        let r = app
            .json(Method::POST, "/api/v1/users", body.clone(), &as_coord)
            .await;
        assert!(r.status == 403 || r.status == 422, "{body}: {}", r.status);
    }

    // Invited twice, in two groups: one account, two roles.
    let group = json!({"id": "sn", "names": {"fr": "Groupe-pays Sénégal"}, "country": "SN",
            "time_zones": ["Africa/Dakar"]});
    let made = app
        .json(Method::POST, "/api/v1/groups", group, &as_staff)
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let again = app
        .json(
            Method::POST,
            "/api/v1/users",
            json!({"email": "obs@embassy.example", "name": "Min-ji Park",
                    "role": "coordinator", "group": "sn"}),
            &as_staff,
        )
        .await;
    assert_eq!(again.status, 201, "{}", again.body);
    assert_eq!(again.json()["new_account"], false);
    let user = app
        .db
        .user_by_email("obs@embassy.example")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.roles.len(), 2, "{:?}", user.roles);

    // From the page: the secretariat invites the Senegal group's coordinator.
    let (cookie, csrf) = app.sign_in("staff@cuf.example").await;
    let form = app
        .get_with("/users/new?group=sn&lang=fr", &[("cookie", &cookie)])
        .await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains("Groupe-pays Sénégal"),
        "the group by its name"
    );
    let refused = app
        .form(
            "/users/new?lang=fr",
            &[
                ("csrf_token", &csrf),
                ("email", "awa.ndiaye"),
                ("name", "Awa Ndiaye"),
                ("role", "coordinator"),
                ("group", "sn"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("value=\"Awa Ndiaye\""),
        "what was typed is kept"
    );
    assert!(refused.body.contains("aria-invalid"), "the field is marked");
    let sent = app
        .form(
            "/users/new?lang=fr",
            &[
                ("csrf_token", &csrf),
                ("email", "awa.ndiaye@dakar.example"),
                ("name", "Awa Ndiaye"),
                ("language", "fr"),
                ("role", "coordinator"),
                ("group", "sn"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(
        sent.body
            .contains("Invitation envoyée à awa.ndiaye@dakar.example"),
        "{}",
        sent.body
    );

    // The e-mails go out through a real SMTP server; the link works once.
    let smtp = crate::support::LoopbackSmtp::start().await;
    assert_eq!(smtp.drain(&app.db).await, 3);
    let got = smtp.received();
    let awa = got
        .iter()
        .find(|(to, _)| to == "awa.ndiaye@dakar.example")
        .expect("Awa's invitation");
    assert!(awa.1.contains("Bonjour Awa Ndiaye"), "{}", awa.1);
    assert!(
        awa.1.contains("Groupe-pays Sénégal"),
        "signed by the group: {}",
        awa.1
    );
    let link = awa
        .1
        .split_whitespace()
        .find(|w| w.contains("/invitations/"))
        .unwrap();
    let path = &link[link.find("/invitations/").unwrap()..];
    let korean = got
        .iter()
        .find(|(to, body)| to == "obs@embassy.example" && body.contains("초대"))
        .expect("the observer's invitation, in Korean");
    assert!(korean.1.contains("Min-ji Park"), "{}", korean.1);
    let page = app.get(path).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf_cookie = page.cookie("jumelage_csrf").unwrap();
    let token = extract_csrf(&page.body).unwrap();
    let accepted = app
        .form(
            path,
            &[
                ("csrf_token", &token),
                ("password", "a long enough password"),
                ("password_confirm", "a long enough password"),
            ],
            &[("cookie", &format!("jumelage_csrf={csrf_cookie}"))],
        )
        .await;
    assert!(
        accepted.status.is_redirection() || accepted.status == 200,
        "{}: {}",
        accepted.status,
        accepted.body
    );
    assert_eq!(app.get(path).await.status, 401, "used once");
});
