//! The full-text search: French without accents, Hangul in part, romanised Korean; the index
//! follows the database on every node, on both engines.

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, TestApp};

async fn ids(app: &TestApp, q: &str) -> Vec<String> {
    let r = app
        .get(&format!("/api/v1/search?q={}&limit=100", urlencode(q)))
        .await;
    assert_eq!(r.status, 200, "{q}: {}", r.body);
    r.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{}:{}",
                i["kind"].as_str().unwrap(),
                i["id"].as_str().unwrap()
            )
        })
        .collect()
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).unwrap()[1..].to_string()
}

both_engines!(search_in_french_korean_and_romanised_korean, |db| {
    let app = TestApp::new(db).await;
    let region = ids(&app, "region").await;
    assert!(
        region.contains(&"organisation:fr-aura".to_string()),
        "{region:?}"
    );
    assert!(
        region.contains(&"organisation:fr-idf".to_string()),
        "{region:?}"
    );
    let guro = ids(&app, "구로").await;
    assert_eq!(
        guro.first().map(String::as_str),
        Some("organisation:kr-guro"),
        "{guro:?}"
    );
    assert!(
        guro.contains(&"partnership:p-issy-guro".to_string()),
        "{guro:?}"
    );
    let daegu = ids(&app, "대구").await;
    assert!(
        daegu.contains(&"organisation:kr-daegu".to_string()),
        "{daegu:?}"
    );
    assert!(
        daegu.contains(&"organisation:kr-dgfez".to_string()),
        "{daegu:?}"
    );
    let latin = ids(&app, "Guro").await;
    assert_eq!(
        latin.first().map(String::as_str),
        Some("organisation:kr-guro"),
        "{latin:?}"
    );
    // People and actions too.
    assert!(ids(&app, "Guichard")
        .await
        .iter()
        .any(|i| i.starts_with("person:")));
    // One Hangul syllable (a surname) finds the names that hold it.
    let gu = app.get("/api/v1/search?q=%EA%B5%AC").await;
    assert_eq!(gu.status, 200, "{}", gu.body);
    assert!(gu.body.contains("kr-guro"));
    // One Latin letter is too short: a clear error on the field, in the reader's language.
    let short = app
        .get_with("/api/v1/search?q=x", &[("accept-language", "ko")])
        .await;
    assert_eq!(short.status, 422);
    assert_eq!(short.json()["error"]["field"], "q");
    assert!(short.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("두 글자"));
    let page = app.get("/search?q=%EA%B5%AC%EB%A1%9C&lang=ko").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("href=\"/organisations/kr-guro\""));
    assert!(page.body.contains("구로구"));
    let page = app.get("/search?q=x").await;
    assert!(page.body.contains("Tapez au moins deux lettres"));
    // Markup typed in a query is shown as text.
    let page = app.get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E").await;
    assert!(!page.body.contains("<script>alert(1)"));
});

both_engines!(the_index_follows_the_database_on_every_node, |db| {
    let node_a = TestApp::new(db.clone()).await;
    // A second app node on the same database, with its own index.
    let node_b = TestApp::empty(db).await;
    let staff = node_a.user("staff@cuf.example", Role::Secretariat).await;
    assert!(ids(&node_b, "Ondrezon").await.is_empty());
    let r = node_a
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            json!({"notes": "Jumelage suivi par Mme Ondrezon"}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(ids(&node_b, "ondrézon").await, vec!["organisation:fr-issy"]);
    assert_eq!(ids(&node_a, "Ondrezon").await, vec!["organisation:fr-issy"]);
    // Archived records leave the results; restored ones come back.
    let r = node_b
        .json(
            Method::POST,
            "/api/v1/organisations/fr-issy/archive",
            json!({}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 204);
    assert!(ids(&node_a, "Ondrezon").await.is_empty());
    node_a
        .json(
            Method::POST,
            "/api/v1/organisations/fr-issy/restore",
            json!({}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(ids(&node_a, "Ondrezon").await, vec!["organisation:fr-issy"]);
    // A record added (here by an import through node A) is found by node B.
    assert!(ids(&node_b, "Rennes").await.is_empty());
    let file = "id,kind,country,level,parent_id,name_fr,name_ko,name_ko_latn,name_en,population,population_year,lat,lon,seat_name,website,notes\n\
                fr-rennes,local_authority,FR,commune,,Ville de Rennes,렌,,City of Rennes,222485,2021,48.11,-1.68,Rennes,,\n";
    let req = axum::http::Request::builder()
        .method(Method::POST)
        .uri("/api/v1/import/organisations")
        .header("authorization", bearer(&staff))
        .body(axum::body::Body::from(file))
        .unwrap();
    assert_eq!(node_a.send(req).await.status, 200);
    assert_eq!(ids(&node_b, "rennes").await, vec!["organisation:fr-rennes"]);

    // A party renamed: its partnerships are found by the new name, no longer by the old.
    let before = ids(&node_b, "구로구").await;
    assert!(
        before.contains(&"partnership:p-issy-guro".to_string()),
        "{before:?}"
    );
    let r = node_a
        .json(
            Method::PATCH,
            "/api/v1/organisations/kr-guro",
            json!({"names": {"ko": "구로자치구"}}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let after = ids(&node_b, "구로자치구").await;
    assert!(
        after.contains(&"organisation:kr-guro".to_string()),
        "{after:?}"
    );
    assert!(
        after.contains(&"partnership:p-issy-guro".to_string()),
        "{after:?}"
    );
    assert!(ids(&node_b, "구로구").await.is_empty());
    let (rebuilds, updates) = node_b.search.counts();
    assert_eq!(
        rebuilds, 1,
        "node B built its index once, then updated it in place"
    );
    assert!(updates >= 4, "{updates}");
    // A theme renamed: partnerships are found by its new label.
    let r = node_a
        .json(
            Method::PATCH,
            "/api/v1/themes/smart_city",
            json!({"label_fr": "Ville intelligente et sobre"}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(ids(&node_b, "sobre")
        .await
        .contains(&"partnership:p-issy-guro".to_string()));
    assert_eq!(node_b.search.counts().0, 2, "a theme renamed: rebuilt");
    // A contact added is found by name.
    let r = node_a
        .json(
            Method::POST,
            "/api/v1/organisations/fr-issy/people",
            json!({"name": "Quentin Zabalza"}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let person = format!("person:{}", r.json()["id"].as_str().unwrap());
    assert_eq!(ids(&node_b, "Zabalza").await, vec![person]);
    // A long import committed late: its first rows carry a time older than the margin, its
    // last one a recent time. None is missed.
    let now = storage::now_ms();
    for (id, name, at) in [
        ("fr-vannes", "Ville de Vannes", now - 3_600_000),
        ("fr-lorient", "Ville de Lorient", now),
    ] {
        node_a
            .db
            .execute_for_tests(&format!(
                "INSERT INTO organisations (id, kind, country, name_fr, sources, version, \
                 created_at, updated_at) VALUES ('{id}', 'local_authority', 'FR', '{name}', \
                 '{{}}', 1, {at}, {at})"
            ))
            .await
            .unwrap();
    }
    assert_eq!(ids(&node_b, "vannes").await, vec!["organisation:fr-vannes"]);
    assert_eq!(
        ids(&node_b, "lorient").await,
        vec!["organisation:fr-lorient"]
    );
    assert_eq!(
        node_b.search.counts().0,
        3,
        "a late commit: counted, then rebuilt"
    );
});

both_engines!(search_finds_meetings_seminars_and_series, |db| {
    let app = TestApp::new(db).await;
    let coord = app
        .user("coord@kr.example", Role::Coordinator { group: "kr".into() })
        .await;
    let auth = bearer(&coord);
    let auth = [("authorization", auth.as_str())];
    let found = ids(&app, "reunion groupe-pays").await;
    assert!(
        found.iter().any(|f| f.starts_with("meeting:")),
        "the demo meeting, public: {found:?}"
    );
    // Made after the index was first built: the index follows.
    let series = app
        .json(
            Method::POST,
            "/api/v1/series",
            json!({"group_id": "kr", "year": 2028, "title": {"fr": "Tour des déchets 2028", "ko": "2028 폐기물 순회"}}),
            &auth,
        )
        .await;
    assert_eq!(series.status, 201, "{}", series.body);
    let seminar = app
        .json(
            Method::POST,
            "/api/v1/series/tour-kr-2028/seminars",
            json!({"theme": {"fr": "Compostage collectif", "ko": "공동 퇴비화"}, "planned_period": "2028-03"}),
            &auth,
        )
        .await;
    assert_eq!(seminar.status, 201, "{}", seminar.body);
    let seminar_id = seminar.json()["id"].as_str().unwrap().to_string();
    let secret = app
        .json(
            Method::POST,
            "/api/v1/meetings",
            json!({"group_id": "kr", "title": {"fr": "Réunion confidentielle du bureau"},
                "date": "2028-02-01", "start_time": "10:00", "end_time": "11:00",
                "time_zone": "Europe/Paris", "format": "remote", "visibility": "group"}),
            &auth,
        )
        .await;
    assert_eq!(secret.status, 201, "{}", secret.body);
    assert_eq!(
        ids(&app, "compostage").await,
        [format!("seminar:{seminar_id}")]
    );
    assert_eq!(ids(&app, "퇴비").await, [format!("seminar:{seminar_id}")]);
    assert!(ids(&app, "dechets 2028")
        .await
        .contains(&"series:tour-kr-2028".to_string()));
    assert!(
        ids(&app, "confidentielle").await.is_empty(),
        "a meeting for the group only is not in the one index every reader searches"
    );
    let page = app.get("/search?q=compostage&lang=fr").await;
    assert!(page.body.contains("Séminaire"), "{}", page.body);
    assert!(page
        .body
        .contains(&format!("href=\"/seminars/{seminar_id}\"")));
});
