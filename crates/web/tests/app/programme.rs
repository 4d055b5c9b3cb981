//! A coordinator runs a series from pages only: a new series, a seminar added then scheduled,
//! its programme built by searching organisations, reordered and trimmed; a refused form keeps
//! what was typed.

use domain::accounts::Role;
use storage::both_engines;

use crate::support::TestApp;

both_engines!(a_coordinator_runs_a_series_from_pages, |db| {
    let app = TestApp::new(db).await;
    app.user("coord@kr.example", Role::Coordinator { group: "kr".into() })
        .await;
    let (cookie, csrf) = app.sign_in("coord@kr.example").await;
    let h = [("cookie", cookie.as_str())];
    let list = app.get_with("/seminars?group=kr&lang=fr", &h).await;
    assert!(list.body.contains("href=\"/series/new?group=kr\""));

    let made = app
        .form(
            "/series/new?group=kr",
            &[
                ("csrf_token", &csrf),
                ("year", "2023"),
                ("title.fr", "Tour 2023"),
            ],
            &h,
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let next = made
        .headers
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(next, "/series/tour-kr-2023/seminars/new");
    let form = app.get_with(&format!("{next}?lang=fr"), &h).await;
    assert!(
        form.body
            .contains("<option value=\"2023-early\">début 2023</option>"),
        "periods are picked"
    );

    let refused = app
        .form(
            &next,
            &[
                ("csrf_token", &csrf),
                ("theme.fr", "Mobilités douces"),
                ("duration_minutes", "5"),
            ],
            &h,
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Mobilités douces"),
        "what was typed comes back"
    );
    let added = app
        .form(
            &next,
            &[
                ("csrf_token", &csrf),
                ("theme.fr", "Mobilités douces"),
                ("theme.ko", "친환경 이동"),
                ("planned_period", "2023-early"),
                ("duration_minutes", "90"),
                ("audience", "public"),
            ],
            &h,
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let programme = added
        .headers
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(programme, "/seminars/tour-kr-2023-1/programme");

    // Three presentations, their organisations found by name.
    let found = app
        .get_with(&format!("{programme}?q=Tours&lang=fr"), &h)
        .await;
    assert!(found.body.contains("value=\"fr-tours\""), "{}", found.body);
    for (org, title) in [
        ("fr-tours", "Vélo à Tours"),
        ("kr-guro", "구로 자전거"),
        ("fr-issy", "Issy en bus"),
    ] {
        let r = app
            .form(
                &programme,
                &[
                    ("csrf_token", &csrf),
                    ("organisation_id", org),
                    ("title.fr", title),
                    ("duration_minutes", "20"),
                ],
                &h,
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let page = app.get_with(&programme, &h).await;
    let at = |t: &str| page.body.find(t).unwrap();
    assert!(at("Vélo à Tours") < at("구로 자전거") && at("구로 자전거") < at("Issy en bus"));
    let items: Vec<String> = page
        .body
        .match_indices("id=\"item-")
        .map(|(i, _)| page.body[i + 9..].split('"').next().unwrap().to_string())
        .collect();
    assert_eq!(items.len(), 3);
    let up = app
        .form(
            &format!("{programme}/{}", items[2]),
            &[("csrf_token", &csrf), ("action", "up")],
            &h,
        )
        .await;
    assert_eq!(up.status, 303);
    let removed = app
        .form(
            &format!("{programme}/{}", items[0]),
            &[("csrf_token", &csrf), ("action", "remove")],
            &h,
        )
        .await;
    assert_eq!(removed.status, 303);
    let page = app.get_with(&programme, &h).await;
    assert!(
        !page.body.contains("Vélo à Tours"),
        "taken off the programme"
    );
    let at = |t: &str| page.body.find(t).unwrap();
    assert!(at("Issy en bus") < at("구로 자전거"), "moved up");
    let bad = app
        .form(
            &programme,
            &[
                ("csrf_token", &csrf),
                ("title.fr", "Sans durée"),
                ("duration_minutes", "0"),
            ],
            &h,
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Sans durée"));

    // Scheduled on its edit page (Paris time), then shown with the group's zones.
    let saved = app
        .form(
            "/seminars/tour-kr-2023-1/edit",
            &[
                ("csrf_token", &csrf),
                ("theme.fr", "Mobilités douces"),
                ("planned_period", "2023-early"),
                ("start", "2023-02-09"),
                ("start_time", "10:00"),
                ("duration_minutes", "90"),
                ("audience", "public"),
                ("status", "scheduled"),
                ("version", "1"),
            ],
            &h,
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let show = app.get_with("/seminars/tour-kr-2023-1?lang=fr", &h).await;
    assert!(show.body.contains("10:00–11:30 (Paris)"), "{}", show.body);
    assert!(show.body.contains("18:00–19:30 (Séoul)"));
    assert!(
        show.body.contains("Issy en bus"),
        "the programme on the seminar's page"
    );
    let cancel = app
        .form(
            "/seminars/tour-kr-2023-1/edit",
            &[
                ("csrf_token", &csrf),
                ("theme.fr", "Mobilités douces"),
                ("duration_minutes", "90"),
                ("audience", "public"),
                ("status", "cancelled"),
            ],
            &h,
        )
        .await;
    assert_eq!(cancel.status, 303, "{}", cancel.body);
    let api = app.get("/api/v1/seminars/tour-kr-2023-1").await.json();
    assert_eq!(api["status"], "cancelled");
});

both_engines!(menus_and_refusals_lead_somewhere, |db| {
    let app = TestApp::new(db).await;
    let home = app.get("/?lang=fr").await;
    assert!(home.body.contains("href=\"/roadmap\"") && home.body.contains("href=\"/follow-ups\""));
    let roadmap = app.get("/roadmap").await;
    assert_eq!(roadmap.status, 303);
    assert_eq!(
        roadmap.headers.get("location").unwrap(),
        "/groups/kr/roadmap"
    );
    let board = app.get("/follow-ups").await;
    assert_eq!(
        board.headers.get("location").unwrap(),
        "/groups/kr/follow-ups"
    );
    // A page that needs an account offers to sign in and come back.
    let refused = app.get("/groups/kr/members?q=Tours&lang=fr").await;
    assert_eq!(refused.status, 401);
    assert!(
        refused
            .body
            .contains("href=\"/login?next=%2Fgroups%2Fkr%2Fmembers%3Fq%3DTours\""),
        "{}",
        refused.body
    );
    // The 2021 meeting is over: no registration is offered on its page.
    app.user("coord@kr.example", Role::Coordinator { group: "kr".into() })
        .await;
    let (cookie, _) = app.sign_in("coord@kr.example").await;
    let past = app
        .get_with("/meetings/m-2021-01-28", &[("cookie", &cookie)])
        .await;
    assert!(!past
        .body
        .contains("action=\"/meetings/m-2021-01-28/register\""));
});

both_engines!(a_line_up_without_candidates_is_partial, |db| {
    let app = TestApp::new(db).await;
    app.user("coord@kr.example", Role::Coordinator { group: "kr".into() })
        .await;
    let (cookie, csrf) = app.sign_in("coord@kr.example").await;
    let h = [("cookie", cookie.as_str())];
    app.form(
        "/series/new?group=kr",
        &[
            ("csrf_token", &csrf),
            ("year", "2023"),
            ("title.fr", "Tour 2023"),
        ],
        &h,
    )
    .await;
    app.form(
        "/series/tour-kr-2023/seminars/new",
        &[
            ("csrf_token", &csrf),
            ("theme.fr", "Déchets"),
            ("duration_minutes", "90"),
            ("audience", "members"),
        ],
        &h,
    )
    .await;
    app.form(
        "/series/tour-kr-2023/consultation",
        &[("csrf_token", &csrf), ("action", "open")],
        &h,
    )
    .await;
    let page = app
        .get_with("/series/tour-kr-2023/lineup?lang=fr", &h)
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("Aucune composition complète"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Corée : 2 places restent vides"),
        "{}",
        page.body
    );
});

both_engines!(registration_closes_when_a_seminar_is_over, |db| {
    let app = TestApp::new(db).await;
    let coord = app
        .user("coord@kr.example", Role::Coordinator { group: "kr".into() })
        .await;
    let auth = [("authorization", format!("Bearer {coord}"))];
    let auth: Vec<(&str, &str)> = auth.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let past = app
        .json(
            axum::http::Method::PATCH,
            "/api/v1/seminars/tour-kr-2021-2",
            serde_json::json!({"start": "2021-10-05T07:00:00Z", "status": "scheduled"}),
            &auth,
        )
        .await;
    assert_eq!(past.status, 200, "{}", past.body);
    let late = app
        .json(
            axum::http::Method::POST,
            "/api/v1/seminars/tour-kr-2021-2/registrations",
            serde_json::json!({}),
            &auth,
        )
        .await;
    assert_eq!(late.status, 409, "{}", late.body);
    let page = app.get("/seminars/tour-kr-2021-2").await;
    assert!(!page.body.contains("id=\"register\""), "no button either");
});
