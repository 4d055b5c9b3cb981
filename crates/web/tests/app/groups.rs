//! A network of groups: the secretariat creates a second group for another partner country,
//! its members are added by id from the register, and everything it says is checked.

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, TestApp};

fn senegal() -> serde_json::Value {
    json!({"id": "sn", "names": {"fr": "Groupe-pays Sénégal", "en": "Senegal country group",
        "wo": "Mbootaay Senegaal"}, "country": "SN", "time_zones": ["Africa/Dakar"],
        "languages": ["fr", "en", "wo"], "hashtags": ["#SenegalFrance"]})
}

both_engines!(
    the_secretariat_creates_a_group_and_its_coordinator_runs_it,
    |db| {
        let app = TestApp::new(db).await;
        let staff = app.user("staff@cuf.example", Role::Secretariat).await;
        let coord = app
            .user("coord@kr.example", Role::Coordinator { group: "kr".into() })
            .await;
        let as_staff = [("authorization", bearer(&staff))];
        let as_staff: Vec<(&str, &str)> = as_staff.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let as_coord = [("authorization", bearer(&coord))];
        let as_coord: Vec<(&str, &str)> = as_coord.iter().map(|(k, v)| (*k, v.as_str())).collect();

        let denied = app
            .json(Method::POST, "/api/v1/groups", senegal(), &as_coord)
            .await;
        assert_eq!(denied.status, 403, "only the secretariat creates groups");
        let made = app
            .json(Method::POST, "/api/v1/groups", senegal(), &as_staff)
            .await;
        assert_eq!(made.status, 201, "{}", made.body);
        let g = made.json();
        assert_eq!(g["time_zones"], json!(["Europe/Paris", "Africa/Dakar"]));
        assert_eq!(g["names"]["wo"], "Mbootaay Senegaal");
        assert_eq!(g["hashtags"], json!(["SenegalFrance"]));
        let again = app
            .json(Method::POST, "/api/v1/groups", senegal(), &as_staff)
            .await;
        assert_eq!(again.status, 409, "the id is taken");

        let bad = app
            .json(
                Method::POST,
                "/api/v1/groups",
                json!({"id": "xx", "names": {"fr": "X"}, "country": "XX",
                "time_zones": ["Africa/Nowhere"]}),
                &as_staff,
            )
            .await;
        assert_eq!(bad.status, 422);
        assert_eq!(bad.json()["error"]["field"], "country");
        assert_eq!(
            app.get("/api/v1/groups/xx").await.status,
            404,
            "nothing stored"
        );

        let list = app.get("/api/v1/groups").await.json();
        assert_eq!(list.as_array().unwrap().len(), 2);
        assert!(
            list[0]["members"].as_i64().unwrap() > 10,
            "the Korea group's members"
        );

        let member = app
            .json(
                Method::POST,
                "/api/v1/groups/sn/members",
                json!({"organisation_id": "fr-tours", "role": "member"}),
                &as_staff,
            )
            .await;
        assert_eq!(member.status, 201, "{}", member.body);
        assert_eq!(member.json()[0]["organisation_id"], "fr-tours");
        let unknown = app
            .json(
                Method::POST,
                "/api/v1/groups/sn/members",
                json!({"organisation_id": "nowhere", "role": "member"}),
                &as_staff,
            )
            .await;
        assert_eq!(unknown.status, 422);
        assert_eq!(unknown.json()["error"]["field"], "organisation_id");
        let role = app
            .json(
                Method::POST,
                "/api/v1/groups/sn/members",
                json!({"organisation_id": "fr-tours", "role": "president"}),
                &as_staff,
            )
            .await;
        assert_eq!(role.json()["error"]["field"], "role");
        let not_theirs = app
            .json(
                Method::PATCH,
                "/api/v1/groups/sn",
                json!({"hashtags": ["x"]}),
                &as_coord,
            )
            .await;
        assert_eq!(
            not_theirs.status, 403,
            "a Korea coordinator does not run Senegal"
        );
        let patched = app
            .json(
                Method::PATCH,
                "/api/v1/groups/sn",
                json!({"time_zones": ["Africa/Dakar", "Africa/Abidjan"], "version": 1}),
                &as_staff,
            )
            .await;
        assert_eq!(patched.status, 200, "{}", patched.body);
        assert_eq!(patched.json()["time_zones"][2], "Africa/Abidjan");
        assert_eq!(
            patched.json()["names"]["wo"],
            "Mbootaay Senegaal",
            "untouched"
        );
        let stale = app
            .json(
                Method::PATCH,
                "/api/v1/groups/sn",
                json!({"hashtags": ["y"], "version": 1}),
                &as_staff,
            )
            .await;
        assert_eq!(stale.status, 409);

        let removed = app
            .json(
                Method::DELETE,
                "/api/v1/groups/sn/members/fr-tours",
                json!({}),
                &as_staff,
            )
            .await;
        assert_eq!(removed.status, 204);
        let members = app.get("/api/v1/groups/sn/members").await.json();
        assert_eq!(members.as_array().unwrap().len(), 0);
        let back = app
            .json(
                Method::POST,
                "/api/v1/groups/sn/members",
                json!({"organisation_id": "fr-tours", "role": "observer"}),
                &as_staff,
            )
            .await;
        assert_eq!(
            back.json()[0]["role"],
            "observer",
            "joining again reopens the row"
        );
        let page = app.get("/groups/sn?lang=fr").await;
        assert!(page.body.contains("Groupe-pays Sénégal"));
        assert!(page.body.contains("#SenegalFrance"));
    }
);

both_engines!(a_group_is_set_up_from_pages_without_ids, |db| {
    let app = TestApp::new(db).await;
    app.user("staff@cuf.example", Role::Secretariat).await;
    let (cookie, csrf) = app.sign_in("staff@cuf.example").await;
    let h = [("cookie", cookie.as_str())];
    let new = app.get_with("/groups/new?lang=ko", &h).await;
    assert_eq!(new.status, 200);
    assert!(
        new.body.contains("<option value=\"SN\">세네갈</option>"),
        "countries by name"
    );
    let typed = [
        ("csrf_token", csrf.as_str()),
        ("id", "sn"),
        ("names.fr", "Groupe-pays Sénégal"),
        ("names.en", "Senegal country group"),
        ("partner_language", "wo"),
        ("partner_name", "Mbootaay Senegaal"),
        ("country", "SN"),
        ("time_zones", "Africa/Dakar, Africa/Nowhere"),
        ("languages", "fr, en, wo"),
        ("hashtags", "#SenegalFrance"),
    ];
    let refused = app.form("/groups/new?lang=fr", &typed, &h).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Mbootaay Senegaal"),
        "what was typed comes back"
    );
    assert!(refused.body.contains("Africa/Nowhere"));
    assert!(
        refused.body.contains("aria-invalid=\"true\""),
        "the field is marked"
    );
    assert_eq!(
        app.get("/api/v1/groups/sn").await.status,
        404,
        "nothing stored"
    );
    let mut fixed = typed;
    fixed[7] = ("time_zones", "Africa/Dakar");
    let made = app.form("/groups/new", &fixed, &h).await;
    assert_eq!(made.status, 303, "{}", made.body);
    let g = app.get("/api/v1/groups/sn").await.json();
    assert_eq!(g["names"]["wo"], "Mbootaay Senegaal");

    // Members are found by name, not typed as ids.
    let none = app.get_with("/groups/sn/members?q=Tours&lang=fr", &h).await;
    assert!(none.body.contains("value=\"fr-tours\""), "{}", none.body);
    let ko = app
        .get_with("/groups/sn/members?q=%EA%B5%AC&lang=ko", &h)
        .await;
    assert!(
        ko.body.contains("value=\"kr-guro\""),
        "one Hangul syllable finds 구로구"
    );
    let added = app
        .form(
            "/groups/sn/members",
            &[
                ("csrf_token", &csrf),
                ("organisation", "fr-tours"),
                ("role", "member"),
            ],
            &h,
        )
        .await;
    assert_eq!(added.status, 200);
    assert!(added.body.contains("id=\"member-fr-tours\""));
    let removed = app
        .form(
            "/groups/sn/members/fr-tours/remove",
            &[("csrf_token", &csrf)],
            &h,
        )
        .await;
    assert!(!removed.body.contains("id=\"member-fr-tours\""));
    let settings = app.get_with("/groups/sn/edit", &h).await;
    assert!(settings.body.contains("Africa/Dakar"));
    let home = app.get_with("/groups/sn", &h).await;
    assert!(home.body.contains("href=\"/groups/sn/members\""));
    let anonymous = app.get("/groups/sn/members").await;
    assert_eq!(anonymous.status, 401);
});

both_engines!(a_partner_group_meeting_shows_its_own_zones, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let made = app
        .json(
            Method::POST,
            "/api/v1/groups",
            senegal(),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let coord = app
        .user("coord@sn.example", Role::Coordinator { group: "sn".into() })
        .await;
    let meeting = app
        .json(
            Method::POST,
            "/api/v1/meetings",
            json!({"group_id": "sn", "title": {"fr": "Réunion du groupe Sénégal"},
                "date": "2027-01-14", "start_time": "10:00", "end_time": "11:30",
                "time_zone": "Africa/Dakar", "format": "remote"}),
            &[("authorization", &bearer(&coord))],
        )
        .await;
    assert_eq!(meeting.status, 201, "{}", meeting.body);
    let id = meeting.json()["id"].as_str().unwrap().to_string();
    let body = meeting.json();
    let zones: Vec<&str> = body["local_times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["zone"].as_str().unwrap())
        .collect();
    assert_eq!(
        zones,
        ["Africa/Dakar", "Europe/Paris"],
        "the API's local times: the group's zones"
    );
    let page = app
        .get_with(
            &format!("/meetings/{id}?lang=fr"),
            &[("authorization", &bearer(&coord))],
        )
        .await;
    assert!(
        page.body.contains("11:00–12:30 (Paris)"),
        "Paris first for a French reader"
    );
    assert!(
        page.body.contains("10:00–11:30 (Dakar)"),
        "then the partner's capital"
    );
    assert!(!page.body.contains("(Séoul)"), "nothing of Korea");
    let form = app
        .get_with(
            "/meetings/new?group=sn",
            &[("authorization", &bearer(&coord))],
        )
        .await;
    assert!(
        form.body.contains("value=\"Africa/Dakar\""),
        "the group's zones are offered"
    );
    assert!(!form.body.contains("value=\"Asia/Seoul\""));
});

both_engines!(consultation_links_go_to_contacts_by_e_mail, |db| {
    let app = TestApp::new(db).await;
    let coord = app
        .user("coord@kr.example", Role::Coordinator { group: "kr".into() })
        .await;
    // Two people of the City of Tours, one of them without an address.
    for (name, email) in [
        ("Claire Martin", Some("claire@tours.example")),
        ("Paul Roy", None),
    ] {
        let r = app
            .json(
                Method::POST,
                "/api/v1/organisations/fr-tours/people",
                json!({"name": name, "email": email}),
                &[("authorization", &bearer(&coord))],
            )
            .await;
        assert!(r.status == 201 || r.status == 403, "{}", r.body);
    }
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let r = app
        .json(
            Method::POST,
            "/api/v1/organisations/fr-tours/people",
            json!({"name": "Claire Martin", "email": "claire@tours.example"}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let (session, csrf) = app.sign_in("coord@kr.example").await;
    let series = app
        .json(
            Method::POST,
            "/api/v1/series",
            json!({"group_id": "kr", "year": 2023, "title": {"fr": "Tour 2023"}}),
            &[("authorization", &bearer(&coord))],
        )
        .await;
    assert_eq!(series.status, 201, "{}", series.body);
    let opened = app
        .form(
            "/series/tour-kr-2023/consultation",
            &[("csrf_token", &csrf), ("action", "open")],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(opened.status, 200, "{}", opened.body);
    let page = app
        .form(
            "/series/tour-kr-2023/consultation?lang=fr",
            &[("csrf_token", &csrf), ("action", "send_links")],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body
            .contains("Un courriel mis en file d’envoi pour 1 collectivité(s)"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("sans contact avec une adresse de courriel"),
        "the page says who is missing"
    );

    let smtp = crate::support::LoopbackSmtp::start().await;
    assert_eq!(smtp.drain(&app.db).await, 1);
    let got = smtp.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "claire@tours.example");
    assert!(got[0].1.contains("Bonjour Claire Martin"), "{}", got[0].1);
    assert!(got[0].1.contains("/consult/"), "the personal link");
    assert!(got[0].1.contains("— Cités Unies France, Groupe-pays Corée"));
});
