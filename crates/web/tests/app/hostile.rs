//! A corpus of hostile files and bodies, through the API and the pages, on both engines. Each
//! is refused with its row and field named, or stored inert; nothing partial is ever stored,
//! and every error, from whatever layer, comes in the API's JSON envelope.

use axum::body::Body;
use axum::http::{Method, Request};
use domain::accounts::Role;
use serde_json::{json, Value};
use storage::both_engines;

use crate::support::{bearer, Resp, TestApp};

const HEADER: &str = "id,kind,country,level,parent_id,name_fr,name_ko,name_ko_latn,name_en,population,population_year,lat,lon,seat_name,website,notes\n";

/// (row, column, error code) of a refused file.
type Expected = (i64, &'static str, &'static str);
/// (status, error code, field) of the JSON envelope.
type Envelope = (u16, &'static str, Option<&'static str>);

async fn import(app: &TestApp, token: &str, body: Vec<u8>) -> Resp {
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/import/organisations")
        .header("authorization", bearer(token))
        .header("content-type", "text/csv")
        .body(Body::from(body))
        .unwrap();
    app.send(req).await
}

/// The register as an export sees it: what must not change when something is refused.
async fn register(app: &TestApp) -> Vec<u8> {
    app.get("/api/v1/export/organisations?format=csv")
        .await
        .body_bytes()
}

fn row(name_fr: &str, notes: &str) -> String {
    format!("fr-hostile,local_authority,FR,commune,,{name_fr},,,,1000,2021,,,,,{notes}\n")
}

fn first_error(r: &Resp) -> (i64, String, String) {
    let e = &r.json()["errors"][0];
    (
        e["row"].as_i64().unwrap_or(-1),
        e["column"].as_str().unwrap_or("").to_string(),
        e["code"].as_str().unwrap_or("").to_string(),
    )
}

fn envelope(r: &Resp) -> (u16, String, Option<String>) {
    let v: Value = serde_json::from_str(&r.body)
        .unwrap_or_else(|e| panic!("not the JSON envelope ({e}): {} {}", r.status, r.body));
    (
        r.status.as_u16(),
        v["error"]["code"].as_str().unwrap_or("").to_string(),
        v["error"]["field"].as_str().map(str::to_string),
    )
}

both_engines!(hostile_files_are_refused_with_row_and_field, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let before = register(&app).await;
    let refused: Vec<(&str, Vec<u8>, Expected)> = vec![
        (
            "a short row",
            format!("{HEADER}fr-short,local_authority,FR,commune,,Courte\n").into_bytes(),
            (2, "", "wrong_field_count"),
        ),
        (
            "an extra field",
            format!("{HEADER}{}", row("Longue", "notes,en trop")).into_bytes(),
            (2, "", "wrong_field_count"),
        ),
        (
            "NUL",
            format!("{HEADER}{}", row("Nul\u{0}le", "")).into_bytes(),
            (2, "name_fr", "control_characters"),
        ),
        (
            "ESC",
            format!("{HEADER}{}", row("\u{1b}[31mRouge", "")).into_bytes(),
            (2, "name_fr", "control_characters"),
        ),
        (
            "a bidi override",
            format!("{HEADER}{}", row("Ville", "fichier\u{202E}fdp.exe")).into_bytes(),
            (2, "notes", "control_characters"),
        ),
        (
            "a 100k-character field",
            format!("{HEADER}{}", row(&"a".repeat(100_000), "")).into_bytes(),
            (2, "name_fr", "too_long"),
        ),
        (
            "invalid UTF-8",
            [
                HEADER.as_bytes(),
                b"fr-x,local_authority,FR,commune,,\xff\xfe,,,,1,2021,,,,,\n",
            ]
            .concat(),
            (2, "", "file_unreadable"),
        ),
    ];
    for (what, file, (row_no, column, code)) in refused {
        let r = import(&app, &staff, file).await;
        assert_eq!(r.status, 422, "{what}: {}", r.body);
        assert_eq!(
            first_error(&r),
            (row_no, column.to_string(), code.to_string()),
            "{what}"
        );
        assert!(!r.json()["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .is_empty());
        assert_eq!(register(&app).await, before, "{what}: nothing stored");
    }
    // The short row is said with its counts.
    let r = import(
        &app,
        &staff,
        format!("{HEADER}fr-short,local_authority,FR,commune\n").into_bytes(),
    )
    .await;
    let message = r.json()["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains('4') && message.contains("16"), "{message}");
    // Stored inert: markup, SQL, formula prefixes, decomposed Hangul (kept composed).
    let nfd = "\u{110b}\u{1163}\u{11bc}\u{1111}\u{1167}\u{11bc}\u{1100}\u{116e}\u{11ab}"; // 양평군
    let file = format!(
        "{HEADER}fr-inert,local_authority,FR,commune,,<script>alert(1)</script>,{nfd},,,1000,2021,,,,,\"'; DROP TABLE organisations; --\"\n\
         fr-formula,local_authority,FR,commune,,=HYPERLINK(\"http://x\"),,,,1000,2021,,,,,@SUM(A1)\n"
    );
    let r = import(&app, &staff, file.into_bytes()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let rec = app.get("/api/v1/organisations/fr-inert").await.json();
    assert_eq!(rec["names"]["ko"], "양평군", "stored in NFC");
    assert_eq!(rec["notes"], "'; DROP TABLE organisations; --");
    let page = app.get("/organisations/fr-inert").await;
    assert!(page.body.contains("&#60;script&#62;") && !page.body.contains("<script>alert"));
    let found = app.get("/api/v1/search?q=%EC%96%91%ED%8F%89").await.json();
    assert!(found.to_string().contains("fr-inert"), "{found}");
    let csv = app
        .get("/api/v1/export/organisations?format=csv")
        .await
        .body;
    assert!(csv.contains("'=HYPERLINK") && csv.contains("'@SUM(A1)"));
});

both_engines!(hostile_bodies_get_the_envelope, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let auth = bearer(&staff);
    let before = register(&app).await;
    let send = |method: &str, path: &str, ctype: &str, body: Vec<u8>| {
        let req = Request::builder()
            .method(method)
            .uri(path)
            .header("authorization", auth.as_str())
            .header("content-type", ctype)
            .body(Body::from(body))
            .unwrap();
        app.send(req)
    };
    let org = |names: Value| {
        serde_json::to_vec(&json!({"kind": "local_authority", "country": "FR",
            "level": "commune", "names": names}))
        .unwrap()
    };
    let json_type = "application/json";
    let cases: Vec<(&str, Resp, Envelope)> = vec![
        (
            "NUL in a name",
            send(
                "POST",
                "/api/v1/organisations",
                json_type,
                org(json!({"fr": "a\u{0}b"})),
            )
            .await,
            (422, "control_characters", Some("names.fr")),
        ),
        (
            "a bidi override in a name",
            send(
                "POST",
                "/api/v1/organisations",
                json_type,
                org(json!({"fr": "a\u{202E}b"})),
            )
            .await,
            (422, "control_characters", Some("names.fr")),
        ),
        (
            "deep JSON",
            send(
                "POST",
                "/api/v1/organisations",
                json_type,
                format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            )
            .await,
            (400, "bad_request", None),
        ),
        (
            "a 10 MB body",
            send(
                "POST",
                "/api/v1/organisations",
                json_type,
                org(json!({"fr": "x".repeat(10 * 1024 * 1024)})),
            )
            .await,
            (413, "body_too_large", None),
        ),
        (
            "not JSON at all",
            send(
                "POST",
                "/api/v1/organisations",
                "text/plain",
                b"hello".to_vec(),
            )
            .await,
            (415, "unsupported_media_type", None),
        ),
        (
            "an unknown method",
            send("BREW", "/api/v1/organisations", json_type, Vec::new()).await,
            (405, "method_not_allowed", None),
        ),
        (
            "a method the route does not take",
            send("PUT", "/api/v1/organisations", json_type, b"{}".to_vec()).await,
            (405, "method_not_allowed", None),
        ),
        (
            "an unknown route",
            send("POST", "/api/v1/nothing-here", json_type, b"{}".to_vec()).await,
            (404, "not_found", None),
        ),
        (
            "invalid UTF-8 in an id",
            send(
                "GET",
                "/api/v1/partnerships/%FF%FE/actions",
                json_type,
                Vec::new(),
            )
            .await,
            (400, "bad_request", None),
        ),
        (
            "a multipart body without boundary",
            send(
                "POST",
                "/api/v1/partnerships/p-issy-guro/documents",
                "multipart/form-data",
                b"--x\r\n".to_vec(),
            )
            .await,
            (400, "bad_request", None),
        ),
    ];
    for (what, r, (status, code, field)) in cases {
        assert_eq!(
            envelope(&r),
            (status, code.to_string(), field.map(str::to_string)),
            "{what}"
        );
    }
    assert_eq!(register(&app).await, before, "nothing stored");
});

both_engines!(hostile_forms_are_refused_with_the_field_named, |db| {
    let app = TestApp::new(db).await;
    app.user("staff@cuf.example", Role::Secretariat).await;
    let (session, csrf) = app.sign_in("staff@cuf.example").await;
    let themes = app.get("/api/v1/themes").await.body;
    let r = app
        .form(
            "/themes",
            &[
                ("csrf_token", &csrf),
                ("label_fr", "Jeunesse\u{1b}[2J"),
                ("label_ko", "청소년"),
                ("label_en", "Youth"),
            ],
            &[("cookie", &session), ("accept-language", "en")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("invisible control characters") && r.body.contains("label_fr"));
    assert_eq!(
        app.get("/api/v1/themes").await.body,
        themes,
        "nothing stored"
    );
});
