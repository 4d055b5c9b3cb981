use axum::http::Method;
use domain::accounts::Role;
use storage::both_engines;

use crate::support::TestApp;

both_engines!(home_in_three_languages, |db| {
    let app = TestApp::new(db).await;
    let fr = app.get("/").await;
    assert_eq!(fr.status, 200);
    assert!(fr.body.contains("<html lang=\"fr\">"));
    assert!(fr.body.contains("Groupe-pays Corée"));
    assert!(fr.body.contains("Ville d&#39;Issy-les-Moulineaux"));
    assert!(fr.body.contains("href=\"#main\""), "skip link");
    let ko = app.get("/?lang=ko").await;
    assert!(ko.body.contains("<html lang=\"ko\">"));
    for hangul in [
        "구로구",
        "수원시",
        "대구광역시",
        "한국 국가별 그룹",
        "자매결연",
    ] {
        assert!(
            ko.body.contains(hangul),
            "{hangul} missing from the Korean home page"
        );
    }
    let en = app.get("/?lang=en").await;
    assert!(en.body.contains("<html lang=\"en\">"));
    assert!(en.body.contains("Korea country group"));
    assert!(en.body.contains("Guro District, Seoul"));
});

both_engines!(language_choice_order_and_cookie, |db| {
    let app = TestApp::new(db).await;
    let r = app.get("/?lang=ko").await;
    assert!(r.set_cookie_line("lang").unwrap().starts_with("lang=ko;"));
    let by_cookie = app.get_with("/", &[("cookie", "lang=en")]).await;
    assert!(by_cookie.body.contains("<html lang=\"en\">"));
    let query_wins = app
        .get_with(
            "/?lang=fr",
            &[("cookie", "lang=en"), ("accept-language", "ko")],
        )
        .await;
    assert!(query_wins.body.contains("<html lang=\"fr\">"));
    let header = app
        .get_with("/", &[("accept-language", "de-DE, ko;q=0.9, en;q=0.8")])
        .await;
    assert!(header.body.contains("<html lang=\"ko\">"));
    let unknown = app.get("/?lang=xx").await;
    assert!(
        unknown.body.contains("<html lang=\"fr\">"),
        "an unknown language falls back to French"
    );
    assert!(unknown.set_cookie_line("lang").is_none());
    // The switch keeps the other query parameters.
    let list = app.get("/organisations?country=KR&lang=en").await;
    assert!(list
        .body
        .contains("href=\"/organisations?country=KR&#38;lang=ko\""));
});

both_engines!(organisation_list_filters_and_pages, |db| {
    let app = TestApp::new(db).await;
    let all = app.get("/organisations").await;
    assert_eq!(all.status, 200);
    assert!(all.body.contains("65 organisations"));
    let kr = app.get("/organisations?country=KR&lang=ko").await;
    assert!(kr.body.contains("구로구"));
    assert!(!kr.body.contains("Ville de Tours"));
    let paged = app.get("/organisations?limit=10&offset=10").await;
    assert!(paged.body.contains("Page 2 sur 7"));
    assert!(paged.body.contains("rel=\"prev\""));
    assert!(paged.body.contains("rel=\"next\""));
    let search = app.get("/organisations?q=guro").await;
    assert!(search.body.contains("kr-guro"));
    assert!(search.body.contains("1 organisation"));
});

both_engines!(organisation_page, |db| {
    let app = TestApp::new(db).await;
    let guro = app.get("/organisations/kr-guro?lang=ko").await;
    assert_eq!(guro.status, 200);
    assert!(guro.body.contains("구로구"));
    assert!(guro.body.contains("자치구"));
    assert!(
        guro.body.contains("href=\"/organisations/kr-seoul\""),
        "parent link"
    );
    assert!(
        guro.body.contains("href=\"/organisations/fr-issy\""),
        "partner link"
    );
    assert!(guro.body.contains("399,950"));
    let issy = app.get("/organisations/fr-issy").await;
    assert!(issy.body.contains("68\u{202F}260 habitants (2018)"));
    assert!(issy.body.contains("Claire Guichard"));
    assert!(issy.body.contains("Youth Exchange Program"));
    assert!(
        issy.body
            .contains("https://pt.frwiki.wiki/wiki/Issy-les-Moulineaux"),
        "sources shown"
    );
    let p = app.get("/partnerships/p-issy-guro?lang=en").await;
    assert_eq!(p.status, 200);
    assert!(p.body.contains("Twinning"));
    assert!(p.body.contains("2005"));
});

both_engines!(unknown_ids_give_a_translated_404_page, |db| {
    let app = TestApp::new(db).await;
    let ko = app.get("/organisations/nowhere?lang=ko").await;
    assert_eq!(ko.status, 404);
    assert!(ko.body.contains("페이지를 찾을 수 없습니다"));
    assert!(ko.body.contains("<html lang=\"ko\">"));
    let en = app
        .get_with("/no/such/page", &[("accept-language", "en")])
        .await;
    assert_eq!(en.status, 404);
    assert!(en.body.contains("Page not found"));
    assert_eq!(app.get("/partnerships/nothing").await.status, 404);
});

both_engines!(assets_health_and_headers, |db| {
    let app = TestApp::new(db).await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status, 200);
    assert!(health.headers.get("x-request-id").is_some());
    let css = app.get("/static/style.css").await;
    assert_eq!(css.status, 200);
    assert!(css.headers["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    assert!(css.body.contains(":focus-visible"));
    let gz = app
        .get_with("/organisations", &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(gz.headers["content-encoding"], "gzip");
    let page = app.get("/").await;
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    assert_eq!(page.headers["cache-control"], "private, no-cache");
    assert!(page.headers["vary"]
        .to_str()
        .unwrap()
        .contains("Accept-Language"));
    assert!(page.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("default-src 'self'"));
    assert_eq!(app.get("/static/nothing.css").await.status, 404);
});

both_engines!(several_country_groups_on_one_instance, |db| {
    let app = TestApp::new(db).await;
    let mut tx = app.db.begin().await.unwrap();
    let japan = storage::Group {
        id: "jp".into(),
        network_id: "cuf".into(),
        country: "JP".into(),
        name: domain::directory::Names {
            fr: Some("Groupe-pays Japon".into()),
            ko: Some("일본 국가별 그룹".into()),
            ko_latn: None,
            en: Some("Japan country group".into()),
        },
        about: Default::default(),
        other_names: [("ja".to_string(), "日本グループ".to_string())].into(),
        time_zones: vec![domain::time::PARIS, chrono_tz::Asia::Tokyo],
        languages: vec!["fr".into(), "ja".into()],
        hashtags: vec![],
        version: 1,
    };
    app.db.insert_group(&mut tx, &japan).await.unwrap();
    app.db
        .add_group_member(&mut tx, "jp", "fr-tours", domain::groups::GroupRole::Member)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let home = app.get("/").await;
    assert!(home.body.contains("href=\"/groups/jp\""));
    let jp = app.get("/groups/jp").await;
    assert!(jp.body.contains("Groupe-pays Japon"));
    assert!(jp.body.contains("Ville de Tours"));
    assert!(!jp.body.contains("Ville de Nice"));
    let tours = app.get("/organisations/fr-tours").await;
    assert!(tours.body.contains("Groupe-pays Japon") && tours.body.contains("Groupe-pays Corée"));
    let members = app.get("/api/v1/organisations?group=jp").await.json();
    assert_eq!(members["total"], 1);
});

both_engines!(the_map_draws_both_countries_and_the_issy_guro_line, |db| {
    let app = TestApp::new(db).await;
    let map = app.get("/map").await;
    assert_eq!(map.status, 200);
    assert!(map.body.contains("data-country=\"FR\"") && map.body.contains("data-country=\"KR\""));
    assert!(
        map.body.contains("data-partnership=\"p-issy-guro\""),
        "the Issy–Guro line"
    );
    assert!(map.body.contains("data-organisation=\"kr-guro\""));
    assert!(map.body.contains("role=\"group\""));
    let ko = app.get("/map?lang=ko&country=KR").await;
    assert!(ko.body.contains("교류 협력 지도"));
    assert!(
        !ko.body.contains("data-partnership="),
        "filters apply: no French seats, no lines"
    );
    assert!(ko.body.contains("data-organisation=\"kr-guro\""));
});

both_engines!(pages_and_api_reads_answer_revalidations, |db| {
    let app = TestApp::new(db).await;
    // (The pages cached under a stamp are validated by their key: see the next test.)
    for path in ["/organisations?lang=fr", "/api/v1/organisations/fr-issy"] {
        let first = app.get(path).await;
        assert_eq!(first.status, 200, "{path}");
        let tag = first
            .headers
            .get("etag")
            .unwrap_or_else(|| panic!("{path}: no ETag"))
            .to_str()
            .unwrap()
            .to_string();
        assert!(tag.starts_with("W/\""), "{tag}");
        let again = app.get_with(path, &[("if-none-match", &tag)]).await;
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        assert_eq!(again.headers.get("etag").unwrap().to_str().unwrap(), tag);
        assert!(again.headers.get("vary").is_some(), "Vary kept on a 304");
        let other = app
            .get_with(path, &[("if-none-match", "W/\"other\"")])
            .await;
        assert_eq!(other.status, 200, "{path}");
    }
    // A change changes the validator.
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let before = app.get("/api/v1/organisations/fr-issy").await;
    let tag = before
        .headers
        .get("etag")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let r = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            serde_json::json!({"website": "https://www.issy.com/coree"}),
            &[("authorization", &crate::support::bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let after = app
        .get_with("/api/v1/organisations/fr-issy", &[("if-none-match", &tag)])
        .await;
    assert_eq!(after.status, 200);
    assert_ne!(after.headers.get("etag").unwrap().to_str().unwrap(), tag);
});

both_engines!(a_visitor_revalidates_cached_pages_without_a_render, |db| {
    let app = TestApp::new(db).await;
    let cookie = format!("jumelage_csrf={}", "a".repeat(64));
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    for path in [
        "/groups/kr?lang=fr",
        "/meetings/m-2021-01-28?lang=ko",
        "/seminars/tour-kr-2021-1?lang=fr",
    ] {
        let first = app.get_with(path, &[("cookie", &cookie)]).await;
        assert_eq!(first.status, 200, "{path}");
        let tag = first
            .headers
            .get("etag")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let again = app
            .get_with(path, &[("cookie", &cookie), ("if-none-match", &tag)])
            .await;
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        // The same page for the same visitor has the same validator however it was built.
        let third = app.get_with(path, &[("cookie", &cookie)]).await;
        assert_eq!(third.headers.get("etag").unwrap().to_str().unwrap(), tag);
        assert_eq!(third.body, first.body);
    }
    // A change moves the validator of the pages that show it.
    let tag =
        |r: &crate::support::Resp| r.headers.get("etag").unwrap().to_str().unwrap().to_string();
    let before = tag(&app
        .get_with("/groups/kr?lang=fr", &[("cookie", &cookie)])
        .await);
    let r = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-tours",
            serde_json::json!({"names": {"fr": "Tours (Indre-et-Loire)"}}),
            &[("authorization", &crate::support::bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let after = app
        .get_with(
            "/groups/kr?lang=fr",
            &[("cookie", &cookie), ("if-none-match", &before)],
        )
        .await;
    assert_eq!(after.status, 200);
    assert!(after.body.contains("Tours (Indre-et-Loire)"));
    assert_ne!(tag(&after), before);
});
