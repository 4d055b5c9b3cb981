//! Editing the register on pages and through the API: who may edit what, the history of every
//! field change, archiving and restoring (nothing is deleted).

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, extract_csrf, TestApp};

fn form_fields(html: &str) -> Vec<(String, String)> {
    // The values the edit form was filled with, read back from its inputs.
    let mut out = Vec::new();
    for name in [
        "kind",
        "country",
        "level",
        "parent_id",
        "name_fr",
        "name_ko",
        "name_ko_latn",
        "name_en",
        "population",
        "population_year",
        "lat",
        "lon",
        "seat_name",
        "website",
        "notes",
        "version",
    ] {
        let marker = format!("name=\"{name}\"");
        let Some(at) = html.find(&marker) else {
            continue;
        };
        let tag_start = html[..at].rfind('<').unwrap();
        let tag_end = at + html[at..].find('>').unwrap();
        let tag = &html[tag_start..tag_end];
        let value = if tag.starts_with("<select") {
            let rest = &html[tag_end..];
            let close = rest.find("</select>").unwrap();
            let options = &rest[..close];
            options
                .split("<option")
                .find(|o| o.contains("selected"))
                .and_then(|o| o.split("value=\"").nth(1))
                .map(|v| v.split('"').next().unwrap().to_string())
                .unwrap_or_default()
        } else if tag.starts_with("<textarea") {
            let rest = &html[tag_end + 1..];
            rest[..rest.find("</textarea>").unwrap()].to_string()
        } else {
            tag.split("value=\"")
                .nth(1)
                .map(|v| v.split('"').next().unwrap().to_string())
                .unwrap_or_default()
        };
        out.push((name.to_string(), value));
    }
    out
}

both_engines!(
    an_editor_edits_own_organisation_and_the_history_keeps_the_old_value,
    |db| {
        let app = TestApp::new(db).await;
        app.user(
            "officer@issy.example",
            Role::Editor {
                organisation: "fr-issy".into(),
            },
        )
        .await;
        let (session, csrf) = app.sign_in("officer@issy.example").await;
        let show = app
            .get_with("/organisations/fr-issy", &[("cookie", &session)])
            .await;
        assert!(show.body.contains("id=\"edit-organisation\""));
        let page = app
            .get_with("/organisations/fr-issy/edit", &[("cookie", &session)])
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert_eq!(extract_csrf(&page.body).unwrap(), csrf);
        let mut fields = form_fields(&page.body);
        let old_name = fields
            .iter()
            .find(|(k, _)| k == "name_fr")
            .unwrap()
            .1
            .clone();
        assert!(old_name.contains("Issy"), "{old_name}");
        for (k, v) in fields.iter_mut() {
            if k == "notes" {
                *v = "Point de contact : service des relations internationales".into();
            }
            if k == "population" {
                *v = "69 000".into();
            }
        }
        fields.push(("csrf_token".into(), csrf.clone()));
        let borrowed: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let saved = app
            .form(
                "/organisations/fr-issy/edit",
                &borrowed,
                &[("cookie", &session)],
            )
            .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let api = app.get("/api/v1/organisations/fr-issy").await.json();
        assert_eq!(api["population"], 69000);
        let history = app
            .get("/api/v1/organisations/fr-issy/history")
            .await
            .json();
        let changed: Vec<&str> = history
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["field"].as_str().unwrap())
            .collect();
        assert!(changed.contains(&"notes"), "{history}");
        assert!(changed.contains(&"population"), "{history}");
        let pop = history
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["field"] == "population")
            .unwrap();
        assert_eq!(pop["new_value"], "69000");
        assert_eq!(pop["changed_by_name"], "officer@issy.example");
        let show = app
            .get_with("/organisations/fr-issy", &[("cookie", &session)])
            .await;
        assert!(show.body.contains("history-heading"));
        assert!(show.body.contains("Point de contact"));

        // A stale form (an older version) is refused and keeps what was typed.
        let stale: Vec<(&str, &str)> = borrowed
            .iter()
            .map(|(k, v)| {
                if *k == "notes" {
                    (*k, "Texte tapé sur une version ancienne")
                } else {
                    (*k, *v)
                }
            })
            .collect();
        let refused = app
            .form(
                "/organisations/fr-issy/edit",
                &stale,
                &[("cookie", &session)],
            )
            .await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        assert!(refused.body.contains("Texte tapé sur une version ancienne"));

        // A bad number comes back on its field, nothing stored.
        let bad: Vec<(&str, &str)> = borrowed
            .iter()
            .map(|(k, v)| {
                if *k == "population" {
                    (*k, "beaucoup")
                } else {
                    (*k, *v)
                }
            })
            .collect();
        let refused = app
            .form("/organisations/fr-issy/edit", &bad, &[("cookie", &session)])
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("beaucoup"));
        assert_eq!(
            app.get("/api/v1/organisations/fr-issy").await.json()["population"],
            69000
        );
    }
);

both_engines!(an_editor_cannot_edit_another_organisation, |db| {
    let app = TestApp::new(db).await;
    let token = app
        .user(
            "officer@issy.example",
            Role::Editor {
                organisation: "fr-issy".into(),
            },
        )
        .await;
    let (session, csrf) = app.sign_in("officer@issy.example").await;
    let show = app
        .get_with("/organisations/kr-guro", &[("cookie", &session)])
        .await;
    assert!(!show.body.contains("id=\"edit-organisation\""));
    let page = app
        .get_with("/organisations/kr-guro/edit", &[("cookie", &session)])
        .await;
    assert_eq!(page.status, 403);
    let post = app
        .form(
            "/organisations/kr-guro/edit",
            &[
                ("kind", "local_authority"),
                ("country", "KR"),
                ("name_fr", "Piraté"),
                ("csrf_token", &csrf),
            ],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(post.status, 403);
    let api = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/kr-guro",
            json!({"notes": "Piraté"}),
            &[("authorization", &bearer(&token))],
        )
        .await;
    assert_eq!(api.status, 403);
    let guro = app.get("/api/v1/organisations/kr-guro").await.json();
    assert_ne!(guro["notes"], "Piraté");
    assert!(app
        .get("/api/v1/organisations/kr-guro/history")
        .await
        .json()
        .as_array()
        .unwrap()
        .is_empty());
    // Anonymous visitors are sent to sign in.
    let anon = app.get("/organisations/fr-issy/edit").await;
    assert!(anon.status == 303 || anon.status == 401, "{}", anon.status);
});

both_engines!(
    archiving_hides_and_restoring_shows_without_losing_anything,
    |db| {
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
        let auth = [("authorization", bearer(&staff))];
        let auth: Vec<(&str, &str)> = auth.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let before = app.get("/api/v1/partnerships?limit=1000").await.json();
        let count = |v: &serde_json::Value| v["items"].as_array().unwrap().len();
        let n = count(&before);
        let issy_guro = before["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"].as_str().unwrap().contains("guro"))
            .expect("the Issy–Guro partnership")["id"]
            .as_str()
            .unwrap()
            .to_string();
        // Only the secretariat archives.
        let refused = app
            .json(
                Method::POST,
                &format!("/api/v1/partnerships/{issy_guro}/archive"),
                json!({}),
                &[("authorization", &bearer(&editor))],
            )
            .await;
        assert_eq!(refused.status, 403);
        let r = app
            .json(
                Method::POST,
                &format!("/api/v1/partnerships/{issy_guro}/archive"),
                json!({}),
                &auth,
            )
            .await;
        assert_eq!(r.status, 204, "{}", r.body);
        assert_eq!(
            count(&app.get("/api/v1/partnerships?limit=1000").await.json()),
            n - 1
        );
        let list = app.get("/partnerships").await;
        assert!(!list.body.contains(&format!("/partnerships/{issy_guro}\"")));
        // Still reachable by its address, marked as archived.
        let one = app.get(&format!("/api/v1/partnerships/{issy_guro}")).await;
        assert_eq!(one.status, 200);
        let history = app
            .get(&format!("/api/v1/partnerships/{issy_guro}/history"))
            .await
            .json();
        assert!(history.to_string().contains("archived"), "{history}");
        let page = app.get(&format!("/partnerships/{issy_guro}")).await;
        assert!(page.body.contains("history-heading"), "{}", page.body);
        assert!(page.body.contains("role=\"status\""));
        let r = app
            .json(
                Method::POST,
                &format!("/api/v1/partnerships/{issy_guro}/restore"),
                json!({}),
                &auth,
            )
            .await;
        assert_eq!(r.status, 204);
        assert_eq!(
            count(&app.get("/api/v1/partnerships?limit=1000").await.json()),
            n
        );

        // Organisations too.
        let orgs = count(&app.get("/api/v1/organisations?limit=1000").await.json());
        let r = app
            .json(
                Method::POST,
                "/api/v1/organisations/kr-guro/archive",
                json!({}),
                &auth,
            )
            .await;
        assert_eq!(r.status, 204);
        assert_eq!(
            count(&app.get("/api/v1/organisations?limit=1000").await.json()),
            orgs - 1
        );
        let page = app.get("/organisations/kr-guro").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("role=\"status\""));
        let r = app
            .json(
                Method::POST,
                "/api/v1/organisations/kr-guro/restore",
                json!({}),
                &auth,
            )
            .await;
        assert_eq!(r.status, 204);
        assert_eq!(
            count(&app.get("/api/v1/organisations?limit=1000").await.json()),
            orgs
        );
    }
);
