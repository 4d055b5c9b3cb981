//! Import and export of the register on both engines: the round trip, all-or-nothing imports with
//! errors by row and column in the user's language, hostile files; the preview page.

use axum::http::Method;
use domain::accounts::Role;
use storage::both_engines;

use crate::support::{bearer, TestApp};

async fn raw(app: &TestApp, path: &str, body: Vec<u8>, token: &str) -> crate::support::Resp {
    let req = axum::http::Request::builder()
        .method(Method::POST)
        .uri(path)
        .header("authorization", bearer(token))
        .header("content-type", "application/octet-stream")
        .body(axum::body::Body::from(body))
        .unwrap();
    app.send(req).await
}

both_engines!(export_then_import_is_a_round_trip, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    for format in ["csv", "xlsx", "json"] {
        let orgs = app
            .get(&format!("/api/v1/export/organisations?format={format}"))
            .await
            .body_bytes();
        let parts = app
            .get(&format!("/api/v1/export/partnerships?format={format}"))
            .await
            .body_bytes();
        // A second, empty database on the same engine.
        let engine = app.db.engine();
        let other = storage::testing::TestDb::new(engine).await.unwrap();
        let app2 = TestApp::empty(other.db.clone()).await;
        let staff2 = app2.user("staff@cuf.example", Role::Secretariat).await;
        let r = raw(
            &app2,
            &format!("/api/v1/import/organisations?format={format}"),
            orgs.clone(),
            &staff2,
        )
        .await;
        assert_eq!(r.status, 200, "{format}: {}", r.body);
        assert_eq!(r.json()["created"], 65);
        let r = raw(
            &app2,
            &format!("/api/v1/import/partnerships?format={format}"),
            parts.clone(),
            &staff2,
        )
        .await;
        assert_eq!(r.status, 200, "{format}: {}", r.body);
        let again = app2
            .get(&format!("/api/v1/export/organisations?format={format}"))
            .await
            .body_bytes();
        let again_p = app2
            .get(&format!("/api/v1/export/partnerships?format={format}"))
            .await
            .body_bytes();
        if format == "xlsx" {
            // The zip holds timestamps: compare what a reader sees.
            let a = exports::read::read_xlsx(&orgs).unwrap();
            let b = exports::read::read_xlsx(&again).unwrap();
            assert_eq!(a, b);
            assert_eq!(
                exports::read::read_xlsx(&parts).unwrap(),
                exports::read::read_xlsx(&again_p).unwrap()
            );
        } else {
            assert_eq!(orgs, again, "{format}: the same file");
            assert_eq!(parts, again_p);
        }
        other.cleanup().await;
    }
    let _ = staff;
});

both_engines!(a_bad_row_stops_the_whole_import, |db| {
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
    let header = "id,kind,country,level,parent_id,name_fr,name_ko,name_ko_latn,name_en,population,population_year,lat,lon,seat_name,website,notes\n";
    let file = format!(
        "\u{feff}{header}fr-rennes,local_authority,FR,commune,,Ville de Rennes,렌,,City of Rennes,222485,2021,48.11,-1.68,Rennes,,\"=cmd|' /C calc'!A0\"\n\
         kr-busan,local_authority,KR,commune,,,부산광역시,,,3300000,2021,35.18,129.07,,,\n\
         kr-jeonju,local_authority,KR,city,kr-nowhere,,전주시,,,lots,2021,,,,,\n\
         fr-rennes,local_authority,FR,commune,,Rennes again,,,,,,,,,,\n"
    );
    assert_eq!(
        raw(
            &app,
            "/api/v1/import/organisations",
            file.clone().into_bytes(),
            &editor
        )
        .await
        .status,
        403
    );
    let before = app.get("/api/v1/organisations?limit=1").await.json()["total"].clone();
    let req = axum::http::Request::builder()
        .method(Method::POST)
        .uri("/api/v1/import/organisations")
        .header("authorization", bearer(&staff))
        .header("accept-language", "ko")
        .body(axum::body::Body::from(file.clone()))
        .unwrap();
    let r = app.send(req).await;
    assert_eq!(r.status, 422);
    let errors = r.json()["errors"].as_array().unwrap().clone();
    let at = |row: i64, column: &str| {
        errors
            .iter()
            .find(|e| e["row"] == row && e["column"] == column)
            .cloned()
    };
    assert_eq!(at(3, "level").unwrap()["code"], "level_country_mismatch");
    assert_eq!(at(4, "population").unwrap()["code"], "invalid_number");
    assert_eq!(at(4, "parent_id").unwrap()["code"], "unknown_organisation");
    assert_eq!(at(5, "id").unwrap()["code"], "duplicate_id");
    assert_eq!(
        at(3, "level").unwrap()["message"],
        "이 유형은 해당 국가의 지방행정 체계에 없습니다."
    );
    assert!(
        at(2, "notes").is_none(),
        "a formula-looking cell is text, not an error"
    );
    assert_eq!(
        app.get("/api/v1/organisations?limit=1").await.json()["total"],
        before,
        "nothing stored"
    );
    // The right rows alone go in, and the formula comes back as text, neutralised on export.
    let good = format!("{header}fr-rennes,local_authority,FR,commune,,Ville de Rennes,렌,,City of Rennes,222485,2021,48.11,-1.68,Rennes,,\"=cmd|' /C calc'!A0\"\n");
    let dry = raw(
        &app,
        "/api/v1/import/organisations?dry_run=true",
        good.clone().into_bytes(),
        &staff,
    )
    .await;
    assert_eq!(
        (dry.status.as_u16(), dry.json()["committed"].clone()),
        (200, serde_json::json!(false))
    );
    assert_eq!(
        app.get("/api/v1/organisations/fr-rennes").await.status,
        404,
        "a dry run stores nothing"
    );
    let r = raw(
        &app,
        "/api/v1/import/organisations",
        good.into_bytes(),
        &staff,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        app.get("/api/v1/organisations/fr-rennes").await.json()["notes"],
        "=cmd|' /C calc'!A0"
    );
    let csv = app.get("/api/v1/export/organisations").await;
    assert!(csv.body.contains("'=cmd|"));
    // Partnerships: unknown organisation, self partnership, Excel-ish themes.
    let p = "id,organisation_a,organisation_b,kind,status,signed_date,signed_year,themes,notes\n\
             p-x,fr-rennes,fr-rennes,twinning,active,,,,\n\
             p-y,fr-rennes,kr-nowhere,twinning,active,,,,\n\
             p-z,fr-rennes,kr-guro,friendship,planned,2024-03-01,2024,culture | jeunesse,\n\
             p-w,fr-rennes,kr-seoul,friendship,planned,,2024,Culture and the arts | astrologie,\n";
    let r = raw(
        &app,
        "/api/v1/import/partnerships",
        p.as_bytes().to_vec(),
        &staff,
    )
    .await;
    let errors = r.json()["errors"].as_array().unwrap().clone();
    assert!(errors
        .iter()
        .any(|e| e["row"] == 2 && e["code"] == "self_partnership"));
    assert!(errors.iter().any(|e| e["row"] == 3
        && e["column"] == "organisation_b"
        && e["code"] == "unknown_organisation"));
    assert!(
        errors
            .iter()
            .any(|e| e["row"] == 5 && e["column"] == "themes" && e["code"] == "unknown_theme"),
        "a theme outside the taxonomy: {errors:?}"
    );
    assert!(
        !errors.iter().any(|e| e["row"] == 4),
        "labels in any case and language name themes: {errors:?}"
    );
    assert_eq!(app.get("/api/v1/partnerships/p-z").await.status, 404);
});

both_engines!(hostile_files_are_refused_cleanly, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let latin1 = b"id,kind,country\nfr-x,local_authority,FR\xe9\n".to_vec();
    let r = raw(&app, "/api/v1/import/organisations", latin1, &staff).await;
    assert_eq!(r.json()["errors"][0]["code"], "file_unreadable");
    assert_eq!(r.json()["errors"][0]["row"], 2);
    let r = raw(
        &app,
        "/api/v1/import/organisations?format=xlsx",
        b"PK\x03\x04 not really".to_vec(),
        &staff,
    )
    .await;
    assert_eq!(r.json()["errors"][0]["code"], "file_unreadable");
    let r = raw(
        &app,
        "/api/v1/import/organisations",
        b"id,colour\nx,red\n".to_vec(),
        &staff,
    )
    .await;
    let errors = r.json()["errors"].as_array().unwrap().clone();
    assert!(errors
        .iter()
        .any(|e| e["column"] == "colour" && e["code"] == "unknown_column"));
    assert!(errors
        .iter()
        .any(|e| e["column"] == "kind" && e["code"] == "missing_column"));
    let big = vec![b'a'; exports::read::MAX_BYTES + 10];
    let r = raw(&app, "/api/v1/import/organisations", big, &staff).await;
    assert!(
        r.status == 413 || r.json()["errors"][0]["code"] == "file_too_large",
        "{}",
        r.status
    );
    assert_eq!(
        app.get("/api/v1/organisations?limit=1").await.json()["total"],
        65
    );
});

both_engines!(the_import_page_previews_then_imports, |db| {
    let app = TestApp::new(db).await;
    app.user("staff@cuf.example", Role::Secretariat).await;
    let (session, csrf) = app.sign_in("staff@cuf.example").await;
    let upload = |name: &str, content: &str| {
        let boundary = "B0undary";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"collection\"\r\n\r\norganisations\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n{content}\r\n--{boundary}--\r\n"
        );
        axum::http::Request::builder()
            .method(Method::POST)
            .uri(format!("/import?csrf_token={csrf}"))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header("cookie", session.clone())
            .body(axum::body::Body::from(body))
            .unwrap()
    };
    let header = "id,kind,country,level,parent_id,name_fr,name_ko,name_ko_latn,name_en,population,population_year,lat,lon,seat_name,website,notes";
    let bad = format!("{header}\nfr-a,local_authority,FR,commune,,A,,,,,,,,,,\nfr-b,local_authority,FR,province,,B,,,,,,,,,,");
    let r = app.send(upload("bad.csv", &bad)).await;
    assert!(r.body.contains("id=\"import-failed\""));
    assert!(
        r.body.contains("<td>3</td><td><code>level</code></td>"),
        "{}",
        r.body
    );
    assert_eq!(
        app.get("/api/v1/organisations/fr-a").await.status,
        404,
        "nothing changed"
    );
    let good = format!("{header}\nfr-a,local_authority,FR,commune,,A,,,,,,,,,,");
    let r = app.send(upload("good.csv", &good)).await;
    assert!(r.body.contains("id=\"import-ready\""));
    let at = r.body.find("action=\"/import/").unwrap() + "action=\"".len();
    let action = &r.body[at..at + r.body[at..].find('"').unwrap()];
    assert_eq!(
        app.get("/api/v1/organisations/fr-a").await.status,
        404,
        "the preview stores nothing"
    );
    let r = app
        .form(action, &[("csrf_token", &csrf)], &[("cookie", &session)])
        .await;
    assert!(r.body.contains("id=\"import-done\""), "{}", r.body);
    assert_eq!(app.get("/api/v1/organisations/fr-a").await.status, 200);
    let r = app
        .form(action, &[("csrf_token", &csrf)], &[("cookie", &session)])
        .await;
    assert_eq!(r.status, 404, "a confirmation is used once");
});
