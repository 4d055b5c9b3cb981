use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, TestApp};

both_engines!(collections_are_paginated_and_filtered, |db| {
    let app = TestApp::new(db).await;
    let all = app.get("/api/v1/organisations").await.json();
    assert_eq!(all["total"], 65);
    assert_eq!(all["limit"], 50);
    let kr = app
        .get("/api/v1/organisations?country=KR&limit=3")
        .await
        .json();
    assert_eq!(kr["items"].as_array().unwrap().len(), 3);
    assert!(kr["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["country"] == "KR"));
    let guro = app.get("/api/v1/organisations/kr-guro").await.json();
    assert_eq!(guro["names"]["ko"], "구로구");
    assert_eq!(guro["level"], "autonomous_district");
    assert_eq!(guro["population"], 399950);
    assert!(guro["seat"]["lat"].is_f64());
    assert!(guro["names"].get("en").is_some());
    let gam = app.get("/api/v1/organisations/fr-gam").await.json();
    assert!(gam["names"].get("ko").is_none(), "absent names are omitted");
    let ps = app
        .get("/api/v1/partnerships?organisation=fr-issy")
        .await
        .json();
    assert_eq!(ps["total"], 2);
    let p = app.get("/api/v1/partnerships/p-tours-suwon").await.json();
    assert_eq!(p["kind"], "letter_of_intent");
    assert_eq!(p["signed_year"], 2019);
    assert_eq!(p["signed_date"], "2019-07-01");
});

both_engines!(errors_use_the_envelope_in_the_callers_language, |db| {
    let app = TestApp::new(db).await;
    let r = app
        .get_with(
            "/api/v1/organisations/nowhere",
            &[("accept-language", "ko")],
        )
        .await;
    assert_eq!(r.status, 404);
    let e = r.json();
    assert_eq!(e["error"]["code"], "not_found");
    assert_eq!(
        e["error"]["message"],
        "찾으시는 내용이 없거나 삭제되었습니다."
    );
    let r = app.get("/api/v1/organisations?limit=5000&lang=en").await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["field"], "limit");
    assert_eq!(r.json()["error"]["code"], "invalid_number");
    assert_eq!(
        app.get("/api/v1/nothing").await.json()["error"]["code"],
        "not_found"
    );
});

both_engines!(writes_need_an_account_and_the_right_role, |db| {
    let app = TestApp::new(db).await;
    let editor = app
        .user(
            "officer@issy.example",
            Role::Editor {
                organisation: "fr-issy".into(),
            },
        )
        .await;
    let secretariat = app.user("staff@cuf.example", Role::Secretariat).await;
    let observer = app
        .user("embassy@example.org", Role::Observer { group: "kr".into() })
        .await;
    let patch = json!({"website": "https://www.issy.com"});

    let anon = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            patch.clone(),
            &[],
        )
        .await;
    assert_eq!(
        anon.status, 403,
        "no cookie and no token: refused before anything else (CSRF)"
    );
    let bad_token = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            patch.clone(),
            &[("authorization", "Bearer jmlg_nope")],
        )
        .await;
    assert_eq!(bad_token.status, 401);
    assert_eq!(bad_token.json()["error"]["code"], "invalid_token");

    let ok = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            patch.clone(),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.json()["website"], "https://www.issy.com");
    assert_eq!(ok.json()["version"], 2);
    assert_eq!(
        ok.json()["names"]["ko"],
        "이시레물리노",
        "untouched fields stay"
    );

    let other = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-tours",
            patch.clone(),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert_eq!(other.status, 403);
    assert_eq!(other.json()["error"]["code"], "forbidden");
    let obs = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            patch.clone(),
            &[("authorization", &bearer(&observer))],
        )
        .await;
    assert_eq!(obs.status, 403);

    let stale = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            json!({"notes": "x", "version": 1}),
            &[("authorization", &bearer(&secretariat))],
        )
        .await;
    assert_eq!(stale.status, 409);

    let new_org = json!({
        "kind": "local_authority", "country": "KR", "level": "county",
        "names": {"fr": "Comté de Yangpyeong", "ko": "양평군", "ko_latn": "Yangpyeong-gun"},
        "population": 120000
    });
    let denied = app
        .json(
            Method::POST,
            "/api/v1/organisations",
            new_org.clone(),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert_eq!(denied.status, 403);
    let created = app
        .json(
            Method::POST,
            "/api/v1/organisations",
            new_org.clone(),
            &[("authorization", &bearer(&secretariat))],
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.json()["id"], "kr-comte-de-yangpyeong");
    assert!(
        created.json().get("suggested_ko_latn").is_none(),
        "it has its romanisation"
    );
    let bare = app
        .json(
            Method::POST,
            "/api/v1/organisations",
            json!({"kind": "local_authority", "country": "KR", "level": "city", "names": {"ko": "전주시"}}),
            &[("authorization", &bearer(&secretariat))],
        )
        .await;
    assert_eq!(bare.json()["suggested_ko_latn"], "Jeonju-si");
    let page = app
        .get(&format!(
            "/organisations/{}?lang=en",
            bare.json()["id"].as_str().unwrap()
        ))
        .await;
    assert!(page.body.contains("Suggested romanisation") && page.body.contains("Jeonju-si"));

    let mismatch = app
        .json(
            Method::POST,
            "/api/v1/organisations",
            json!({"kind": "local_authority", "country": "KR", "level": "commune", "names": {"fr": "X"}}),
            &[("authorization", &bearer(&secretariat)), ("accept-language", "fr")],
        )
        .await;
    assert_eq!(mismatch.status, 422);
    assert_eq!(mismatch.json()["error"]["field"], "level");
    assert_eq!(
        mismatch.json()["error"]["message"],
        "Ce niveau n'existe pas dans le système de ce pays."
    );
    let unknown_field = app
        .json(
            Method::POST,
            "/api/v1/organisations",
            json!({"kind": "local_authority", "country": "KR", "names": {}, "colour": "red"}),
            &[("authorization", &bearer(&secretariat))],
        )
        .await;
    assert_eq!(unknown_field.status, 400);
    assert_eq!(unknown_field.json()["error"]["field"], "colour");

    let before = app.get("/api/v1/partnerships").await.json()["total"].clone();
    let selfp = app
        .json(
            Method::POST,
            "/api/v1/partnerships",
            json!({"organisation_a": "fr-issy", "organisation_b": "fr-issy", "kind": "twinning"}),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert_eq!(selfp.status, 422);
    assert_eq!(selfp.json()["error"]["code"], "self_partnership");
    let p = app
        .json(
            Method::POST,
            "/api/v1/partnerships",
            json!({"organisation_a": "fr-issy", "organisation_b": "kr-seocho", "kind": "friendship",
                   "status": "planned", "themes": ["jeunesse"]}),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert_eq!(p.status, 201, "{}", p.body);
    assert_eq!(p.json()["id"], "p-fr-issy-kr-seocho");
    let not_mine = app
        .json(
            Method::POST,
            "/api/v1/partnerships",
            json!({"organisation_a": "fr-tours", "organisation_b": "kr-seocho", "kind": "mou"}),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert_eq!(not_mine.status, 403);
    let after = app.get("/api/v1/partnerships").await.json()["total"].clone();
    assert_eq!(after.as_i64().unwrap(), before.as_i64().unwrap() + 1);
});

both_engines!(html_and_script_are_shown_as_text, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let r = app
        .json(
            Method::POST,
            "/api/v1/organisations",
            json!({"id": "fr-xss", "kind": "other", "country": "FR",
                   "names": {"fr": "<script>alert(1)</script>"}, "notes": "<img src=x onerror=alert(1)>"}),
            &[("authorization", &bearer(&staff))],
        )
        .await;
    assert_eq!(r.status, 201);
    let page = app.get("/organisations/fr-xss").await;
    assert!(!page.body.contains("<script>alert(1)</script>"));
    assert!(page
        .body
        .contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(!page.body.contains("<img src=x"));
});

both_engines!(openapi_document, |db| {
    let app = TestApp::new(db).await;
    let doc = app.get("/api/v1/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/partnerships",
        "/api/v1/partnerships/{id}",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    assert!(doc["components"]["schemas"]
        .get("OrganisationDto")
        .is_some());
    assert!(doc["components"]["securitySchemes"].get("bearer").is_some());
});

/// The served document passes an independent validator (Python's openapi-spec-validator) with
/// no error; operation ids are unique; the closed sets are enums.
#[tokio::test]
async fn the_openapi_document_is_valid() {
    let t = storage::testing::TestDb::new(storage::Engine::Sqlite)
        .await
        .unwrap();
    let app = TestApp::new(t.db.clone()).await;
    let doc = app.get("/api/v1/openapi.json").await;
    let out = crate::support::python(
        r#"
import json, sys
from openapi_spec_validator import OpenAPIV31SpecValidator
doc = json.load(sys.stdin)
errors = list(OpenAPIV31SpecValidator(doc).iter_errors())
for e in errors:
    print("ERROR", "/".join(str(p) for p in e.absolute_path), e.message[:300])
print(len(errors), "errors")
"#,
        &doc.body,
    );
    assert!(
        out.trim_end().ends_with("\n0 errors") || out.trim() == "0 errors",
        "{out}"
    );
    let v = doc.json();
    let mut ids = std::collections::HashSet::new();
    for (path, item) in v["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap().to_string();
            assert!(
                ids.insert(id.clone()),
                "{method} {path}: duplicate operationId {id}"
            );
            for status in ["400", "422", "500"] {
                assert!(
                    op["responses"].get(status).is_some(),
                    "{method} {path}: {status} undocumented"
                );
            }
        }
    }
    let schemas = &v["components"]["schemas"];
    for (schema, property) in [
        ("OrganisationWrite", "kind"),
        ("OrganisationWrite", "level"),
        ("PartnershipWrite", "status"),
        ("PartnershipDto", "kind"),
        ("MeetingWrite", "format"),
        ("SeminarWrite", "audience"),
        ("SeminarDto", "status"),
        ("ErrorBody", "code"),
    ] {
        assert!(
            schemas[schema]["properties"][property]["enum"].is_array(),
            "{schema}.{property} is not an enum: {}",
            schemas[schema]["properties"][property]
        );
    }
    t.cleanup().await;
}

/// Security and language headers; static files cached by content and without cookies.
#[tokio::test]
async fn headers_of_pages_api_and_static_files() {
    let t = storage::testing::TestDb::new(storage::Engine::Sqlite)
        .await
        .unwrap();
    let app = TestApp::new(t.db.clone()).await;
    let page = app.get("/organisations?lang=ko").await;
    assert_eq!(page.headers["content-language"], "ko");
    assert!(page.headers["permissions-policy"]
        .to_str()
        .unwrap()
        .contains("camera=()"));
    assert!(page.headers.get("strict-transport-security").is_none());
    let api = app.get("/api/v1/organisations").await;
    assert!(api.headers.get("content-language").is_none());
    let at = page.body.find("/static/style.css?v=").unwrap() + "/static/style.css?v=".len();
    let version = &page.body[at..at + 16];
    assert!(version.chars().all(|c| c.is_ascii_hexdigit()), "{version}");
    let css = app.get(&format!("/static/style.css?v={version}")).await;
    assert_eq!(css.status, 200);
    assert!(
        css.headers.get("set-cookie").is_none(),
        "no cookie on shared files"
    );
    assert!(css.headers["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let secure = TestApp::with_config(
        t.db.clone(),
        web::WebConfig {
            secure_cookies: true,
            ..web::WebConfig::default()
        },
    )
    .await;
    let page = secure.get("/").await;
    assert!(page.headers["strict-transport-security"]
        .to_str()
        .unwrap()
        .starts_with("max-age="));
    assert!(page
        .set_cookie_line("jumelage_csrf")
        .unwrap()
        .contains("; Secure"));
    t.cleanup().await;
}
