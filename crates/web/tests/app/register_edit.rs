//! The rest of the register: the theme taxonomy (the secretariat edits it; partnerships carry
//! its ids, typed as ids or labels), contacts and actions with their permissions and history,
//! agreement documents, the partnership edit page and its status timeline, list filters.

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, TestApp};

async fn issy_editor(app: &TestApp) -> String {
    app.user(
        "officer@issy.example",
        Role::Editor {
            organisation: "fr-issy".into(),
        },
    )
    .await
}

both_engines!(the_secretariat_edits_the_theme_taxonomy, |db| {
    let app = TestApp::new(db).await;
    let staff = bearer(&app.user("staff@cuf.example", Role::Secretariat).await);
    let editor = bearer(&issy_editor(&app).await);
    let themes = app.get("/api/v1/themes").await.json();
    let culture = themes
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "culture")
        .unwrap();
    assert_eq!(culture["label_ko"], "문화·예술");
    assert!(
        culture["uses"].as_i64().unwrap() >= 10,
        "demo partnerships are classified: {culture}"
    );

    let new = json!({"label_fr": "Coopération portuaire", "label_ko": "항만 협력", "label_en": "Port cooperation"});
    let refused = app
        .json(
            Method::POST,
            "/api/v1/themes",
            new.clone(),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(refused.status, 403, "only the secretariat edits themes");
    let made = app
        .json(
            Method::POST,
            "/api/v1/themes",
            new.clone(),
            &[("authorization", &staff)],
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(made.json()["id"], "cooperation_portuaire");
    let again = app
        .json(
            Method::POST,
            "/api/v1/themes",
            json!({"id": "ports", "label_fr": "Autre", "label_ko": "항만 협력"}),
            &[("authorization", &staff)],
        )
        .await;
    assert_eq!(again.status, 409, "a label names one theme only");
    assert_eq!(again.json()["error"]["field"], "label_ko");

    // Renamed in one place; the history keeps the old label.
    let renamed = app
        .json(
            Method::PATCH,
            "/api/v1/themes/cooperation_portuaire",
            json!({"label_fr": "Ports et logistique"}),
            &[("authorization", &staff)],
        )
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.body);
    assert_eq!(renamed.json()["label_ko"], "항만 협력");
    let history = app
        .db
        .history("theme", "cooperation_portuaire")
        .await
        .unwrap();
    assert!(history
        .iter()
        .any(|c| c.field == "label_fr" && c.old_value.as_deref() == Some("Coopération portuaire")));

    // A partnership takes themes by id or by label in any language; unknown ones are refused
    // on their position, and nothing changes.
    let set = app
        .json(
            Method::PATCH,
            "/api/v1/partnerships/p-issy-guro",
            json!({"themes": ["항만 협력", "youth", "Culture and the arts"]}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(
        set.json()["themes"],
        json!(["cooperation_portuaire", "youth", "culture"])
    );
    let bad = app
        .json(
            Method::PATCH,
            "/api/v1/partnerships/p-issy-guro",
            json!({"themes": ["youth", "astrologie"]}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["error"]["code"], "unknown_theme");
    assert_eq!(bad.json()["error"]["field"], "themes[1]");
    let page = app.get("/partnerships/p-issy-guro?lang=ko").await;
    assert!(
        page.body.contains("항만 협력"),
        "labels in the reader's language"
    );

    // Archived themes leave the filter choices, stay on the partnerships that carry them.
    let archived = app
        .json(
            Method::POST,
            "/api/v1/themes/cooperation_portuaire/archive",
            json!({}),
            &[("authorization", &staff)],
        )
        .await;
    assert_eq!(archived.status, 204);
    let list = app.get("/partnerships").await;
    assert!(!list.body.contains("value=\"cooperation_portuaire\""));
    let page = app.get("/partnerships/p-issy-guro").await;
    assert!(page.body.contains("Ports et logistique"));
    let themes_page = app.get("/themes").await;
    assert_eq!(themes_page.status, 200);
    assert!(themes_page.body.contains("문화·예술"));
});

both_engines!(partnership_lists_filter_by_theme_and_years_and_sort, |db| {
    let app = TestApp::new(db).await;
    let all = app.get("/api/v1/partnerships?limit=1000").await.json();
    let total = all["total"].as_i64().unwrap();
    let r = app
        .get("/api/v1/partnerships?theme=culture&year_from=2000&year_to=2015&sort=-year&limit=1000")
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let items = r.json()["items"].as_array().unwrap().clone();
    assert!(!items.is_empty() && (items.len() as i64) < total);
    let mut last = i64::MAX;
    for p in &items {
        assert!(
            p["themes"].as_array().unwrap().contains(&json!("culture")),
            "{p}"
        );
        let y = p["signed_year"].as_i64().unwrap();
        assert!((2000..=2015).contains(&y), "{p}");
        assert!(y <= last, "newest first");
        last = y;
    }
    let bad = app.get("/api/v1/partnerships?year_from=vingt").await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["error"]["field"], "year_from");
    let bad = app.get("/api/v1/organisations?sort=colour").await;
    assert_eq!(bad.status, 400);
    let big = app
        .get("/api/v1/organisations?country=FR&sort=-population&limit=3")
        .await
        .json();
    let pops: Vec<i64> = big["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["population"].as_i64().unwrap_or(0))
        .collect();
    assert!(pops.windows(2).all(|w| w[0] >= w[1]), "{pops:?}");
    let page = app
        .get("/partnerships?theme=culture&year_from=2000&year_to=2015&sort=-year")
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("value=\"2015\""));
    assert!(page
        .body
        .contains("href=\"/map?theme=culture&#38;year_from=2000&#38;year_to=2015\""));
    // The map takes the same filters.
    let map = app.get("/map?theme=smart_city").await;
    assert_eq!(map.status, 200);
    assert!(map.body.contains("data-partnership=\"p-issy-guro\""));
    let map = app.get("/map?theme=history").await;
    assert!(!map.body.contains("data-partnership=\"p-issy-guro\""));
    assert!(map.body.contains("value=\"history\" selected"));
});

both_engines!(contacts_are_edited_by_their_organisation, |db| {
    let app = TestApp::new(db).await;
    let editor = bearer(&issy_editor(&app).await);
    let new = json!({"name": "Camille Martin", "email": "C.Martin@Issy.example",
        "title_fr": "Chargée de mission Corée", "title_ko": "한국 담당관"});
    let refused = app
        .json(
            Method::POST,
            "/api/v1/organisations/kr-guro/people",
            new.clone(),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(refused.status, 403, "another organisation's contacts");
    let made = app
        .json(
            Method::POST,
            "/api/v1/organisations/fr-issy/people",
            new,
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let person = made.json()["id"].as_str().unwrap().to_string();
    assert_eq!(made.json()["email"], "c.martin@issy.example");
    let bad = app
        .json(
            Method::PATCH,
            &format!("/api/v1/organisations/fr-issy/people/{person}"),
            json!({"email": "pas une adresse"}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["error"]["field"], "email");
    let ok = app
        .json(
            Method::PATCH,
            &format!("/api/v1/organisations/fr-issy/people/{person}"),
            json!({"title_en": "Korea desk officer", "version": 1}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let stale = app
        .json(
            Method::PATCH,
            &format!("/api/v1/organisations/fr-issy/people/{person}"),
            json!({"title_en": "Typed on an old copy", "version": 1}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(stale.status, 409);
    let history = app.db.history("person", &person).await.unwrap();
    assert!(history.iter().any(|c| c.field == "title_en"));
    // The public reads the contact, not the address.
    let public = app.get("/api/v1/organisations/fr-issy/people").await.json();
    let me = public
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == person.as_str())
        .unwrap();
    assert!(me["email"].is_null());
    assert_eq!(me["title_en"], "Korea desk officer");
    assert!(app
        .get("/organisations/fr-issy")
        .await
        .body
        .contains("Camille Martin"));
    // The contact's history is for signed-in readers (it holds addresses).
    let h = app.get(&format!("/api/v1/history/person/{person}")).await;
    assert_eq!(h.status, 401);
    let h = app
        .get_with(
            &format!("/api/v1/history/person/{person}"),
            &[("authorization", &editor)],
        )
        .await;
    assert!(h
        .json()
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["field"] == "title_en"));
    // A contact who left is archived, not deleted, and can come back.
    let gone = app
        .json(
            Method::POST,
            &format!("/api/v1/organisations/fr-issy/people/{person}/archive"),
            json!({}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(gone.status, 204);
    assert!(!app
        .get("/organisations/fr-issy")
        .await
        .body
        .contains("Camille Martin"));
    let back = app
        .json(
            Method::POST,
            &format!("/api/v1/organisations/fr-issy/people/{person}/restore"),
            json!({}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(back.status, 204);
    assert!(app
        .get("/organisations/fr-issy")
        .await
        .body
        .contains("Camille Martin"));
});

both_engines!(actions_under_a_partnership, |db| {
    let app = TestApp::new(db).await;
    let editor = bearer(&issy_editor(&app).await);
    let outsider = bearer(
        &app.user(
            "officer@tours.example",
            Role::Editor {
                organisation: "fr-tours".into(),
            },
        )
        .await,
    );
    let new = json!({"title_fr": "Échange de jeunes musiciens", "title_ko": "청소년 음악인 교류",
        "start_date": "2026-07-01", "end_date": "2026-07-14"});
    let refused = app
        .json(
            Method::POST,
            "/api/v1/partnerships/p-issy-guro/actions",
            new.clone(),
            &[("authorization", &outsider)],
        )
        .await;
    assert_eq!(refused.status, 403);
    let made = app
        .json(
            Method::POST,
            "/api/v1/partnerships/p-issy-guro/actions",
            new,
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let id = made.json()["id"].as_str().unwrap().to_string();
    assert_eq!(made.json()["start_year"], 2026);
    assert_eq!(made.json()["parties"], json!(["fr-issy", "kr-guro"]));
    let backwards = app
        .json(
            Method::PATCH,
            &format!("/api/v1/actions/{id}"),
            json!({"end_date": "2026-06-01"}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(backwards.status, 422);
    assert_eq!(backwards.json()["error"]["field"], "end_date");
    let moved = app
        .json(
            Method::PATCH,
            &format!("/api/v1/actions/{id}"),
            json!({"end_date": "2026-07-20", "status_note": "confirmé"}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    let list = app
        .get("/api/v1/partnerships/p-issy-guro/actions")
        .await
        .json();
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["id"] == id.as_str() && a["end_date"] == "2026-07-20"));
    let history = app.db.history("action", &id).await.unwrap();
    assert!(history
        .iter()
        .any(|c| c.field == "end_date" && c.old_value.as_deref() == Some("2026-07-14")));
    let page = app.get("/partnerships/p-issy-guro?lang=ko").await;
    assert!(page.body.contains("청소년 음악인 교류"));
    assert!(
        page.body.contains("2026년 7월 1일"),
        "dates in the reader's language"
    );
    let h = app
        .get(&format!("/api/v1/history/action/{id}"))
        .await
        .json();
    assert!(h
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["field"] == "status_note"));
    assert_eq!(app.get("/api/v1/history/planet/earth").await.status, 404);
    let refused = app
        .json(
            Method::POST,
            &format!("/api/v1/actions/{id}/archive"),
            json!({}),
            &[("authorization", &outsider)],
        )
        .await;
    assert_eq!(refused.status, 403);
    let gone = app
        .json(
            Method::POST,
            &format!("/api/v1/actions/{id}/archive"),
            json!({}),
            &[("authorization", &editor)],
        )
        .await;
    assert_eq!(gone.status, 204);
    assert!(!app
        .get("/partnerships/p-issy-guro?lang=ko")
        .await
        .body
        .contains("청소년 음악인 교류"));
    // On its page: the history under the form, and the button that brings it back.
    let (session, csrf) = app.sign_in("officer@issy.example").await;
    let form = app
        .get_with(&format!("/actions/{id}/edit"), &[("cookie", &session)])
        .await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains("history-heading"));
    assert!(form
        .body
        .contains(&format!("action=\"/actions/{id}/restore\"")));
    let back = app
        .form(
            &format!("/actions/{id}/restore"),
            &[("csrf_token", &csrf)],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(back.status, 303, "{}", back.body);
    assert!(app
        .get("/partnerships/p-issy-guro?lang=ko")
        .await
        .body
        .contains("청소년 음악인 교류"));
});

/// A multipart upload of a partnership document, as a browser or a script sends it.
fn document_upload(token: &str, name: &str, bytes: &[u8]) -> axum::http::Request<axum::body::Body> {
    let boundary = "XyZ";
    let mut body = Vec::new();
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nAccord de jumelage 2005\r\n").as_bytes());
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    axum::http::Request::builder()
        .method("POST")
        .uri("/api/v1/partnerships/p-issy-guro/documents")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("authorization", bearer(token))
        .body(axum::body::Body::from(body))
        .unwrap()
}

both_engines!(large_documents_are_stored_and_sent_in_pieces, |db| {
    let app = TestApp::new(db).await;
    let token = issy_editor(&app).await;
    let upload = |name: &str, bytes: &[u8]| document_upload(&token, name, bytes);
    // A file of several stored pieces (256 KiB each) comes back byte for byte.
    let mut large = b"%PDF-1.7\n".to_vec();
    large.extend((0..1_500_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let r = app.send(upload("scan.pdf", &large)).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json()["sha256"], storage::token_hash_bytes(&large));
    let back = app
        .get_with(
            r.json()["href"].as_str().unwrap(),
            &[("authorization", &bearer(&token))],
        )
        .await;
    assert_eq!(
        back.headers["content-length"],
        large.len().to_string().as_str()
    );
    assert!(back.body_bytes() == large, "the same bytes");
    // Text must be UTF-8, whichever pieces it arrives in.
    let mut text = "é".repeat(300_000).into_bytes();
    assert_eq!(app.send(upload("notes.txt", &text)).await.status, 201);
    text.push(0xC3);
    assert_eq!(app.send(upload("cut.txt", &text)).await.status, 422);
});

both_engines!(agreement_documents_are_checked_and_kept_for_members, |db| {
    let app = TestApp::new(db).await;
    let token = issy_editor(&app).await;
    let upload = |name: &str, bytes: &[u8]| document_upload(&token, name, bytes);
    let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    let r = app
        .send(upload("fake.pdf", b"<script>alert(1)</script>"))
        .await;
    assert_eq!(r.status, 422, "a file whose bytes do not match its type");
    let r = app.send(upload("run.exe", b"MZ\x90\x00")).await;
    assert_eq!(r.status, 422);
    let big = vec![b'%'; 21 * 1024 * 1024];
    let r = app.send(upload("big.pdf", &big)).await;
    assert_eq!(r.status, 413, "over 20 MiB");
    let r = app.send(upload("../accord 2005.pdf", pdf)).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let doc = r.json();
    assert_eq!(
        doc["file_name"], "..accord 2005.pdf",
        "no path in a stored name"
    );
    assert_eq!(doc["sha256"], storage::token_hash_bytes(pdf));
    let href = doc["href"].as_str().unwrap().to_string();
    assert_eq!(
        app.get(&href).await.status,
        401,
        "signed agreements: members only"
    );
    assert_eq!(
        app.get("/api/v1/partnerships/p-issy-guro/documents")
            .await
            .status,
        401
    );
    let file = app
        .get_with(&href, &[("authorization", &bearer(&token))])
        .await;
    assert_eq!(file.body_bytes(), pdf.to_vec());
    assert!(file.headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
    assert_eq!(file.headers["x-content-type-options"], "nosniff");
    // Taken off the partnership (kept in the database), by its editors only.
    let id = doc["id"].as_str().unwrap();
    let path = format!("/api/v1/partnerships/p-issy-guro/documents/{id}/archive");
    let off = app
        .json(
            Method::POST,
            &path,
            json!({}),
            &[("authorization", &bearer(&token))],
        )
        .await;
    assert_eq!(off.status, 204);
    let list = app
        .get_with(
            "/api/v1/partnerships/p-issy-guro/documents",
            &[("authorization", &bearer(&token))],
        )
        .await
        .json();
    assert!(list.as_array().unwrap().is_empty());
});

both_engines!(
    the_partnership_page_edits_and_shows_the_status_timeline,
    |db| {
        let app = TestApp::new(db).await;
        issy_editor(&app).await;
        let (session, csrf) = app.sign_in("officer@issy.example").await;
        let form = app
            .get_with("/partnerships/p-issy-guro/edit", &[("cookie", &session)])
            .await;
        assert_eq!(form.status, 200, "{}", form.body);
        assert!(
            form.body.contains("value=\"culture\" checked"),
            "current themes ticked"
        );
        let version = app
            .db
            .partnership("p-issy-guro")
            .await
            .unwrap()
            .unwrap()
            .version;
        let v = version.to_string();
        let fields = [
            ("csrf_token", csrf.as_str()),
            ("version", v.as_str()),
            ("kind", "twinning"),
            ("status", "dormant"),
            ("signed_year", "2005"),
            ("themes", "culture"),
            ("themes", "sport"),
            (
                "notes",
                "<script>alert('x')</script> En sommeil depuis la pandémie.",
            ),
        ];
        let saved = app
            .form(
                "/partnerships/p-issy-guro/edit",
                &fields,
                &[("cookie", &session)],
            )
            .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let p = app.get("/api/v1/partnerships/p-issy-guro").await.json();
        assert_eq!(p["status"], "dormant");
        assert_eq!(p["themes"], json!(["culture", "sport"]));
        let page = app
            .get_with("/partnerships/p-issy-guro", &[("cookie", &session)])
            .await;
        assert!(page.body.contains("timeline-heading"));
        assert!(
            page.body.contains("Statut : Actif → En sommeil"),
            "{}",
            page.body
        );
        assert!(!page.body.contains("<script>alert"), "markup shown as text");
        // A bad year comes back on its field with what was typed; nothing stored.
        let mut bad = fields;
        bad[1] = ("version", "999");
        bad[3] = ("status", "ended");
        let refused = app
            .form(
                "/partnerships/p-issy-guro/edit",
                &bad,
                &[("cookie", &session)],
            )
            .await;
        assert_eq!(refused.status, 409);
        assert!(refused.body.contains("value=\"ended\" selected"));
        assert_eq!(
            app.get("/api/v1/partnerships/p-issy-guro").await.json()["status"],
            "dormant"
        );
        // Another authority's partnership is refused.
        let other = app
            .get_with("/partnerships/p-tours-suwon/edit", &[("cookie", &session)])
            .await;
        assert_eq!(other.status, 403);
    }
);
