//! Countries as data: every ISO country answers with its names and levels; authorities of any
//! country are saved with their own levels and shown with their country's name.

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, TestApp};

both_engines!(every_country_answers_with_its_levels, |db| {
    let app = TestApp::new(db).await;
    let sn = app.get("/api/v1/countries/sn").await.json();
    assert_eq!(sn["code"], "SN");
    assert_eq!(sn["names"]["ko"], "세네갈");
    assert_eq!(sn["own_levels"], true);
    let ids: Vec<&str> = sn["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["sn_region", "sn_department", "sn_city", "sn_commune"]);
    let kr = app.get("/api/v1/countries/KR").await.json();
    assert_eq!(kr["levels"][0]["names"]["ko"], "특별시");
    let br = app.get("/api/v1/countries/BR").await.json();
    assert_eq!(br["own_levels"], false);
    assert_eq!(br["levels"][2]["id"], "generic_municipality");
    let none = app.get("/api/v1/countries/XX").await;
    assert_eq!(none.status, 404);
    assert_eq!(none.json()["error"]["code"], "not_found");
    let all = app.get("/api/v1/countries").await.json();
    assert!(all.as_array().unwrap().len() >= 249);
});

both_engines!(
    a_senegalese_commune_has_its_own_level_and_country_name,
    |db| {
        let app = TestApp::new(db).await;
        let staff = app.user("staff@cuf.example", Role::Secretariat).await;
        let auth = [("authorization", bearer(&staff))];
        let auth: Vec<(&str, &str)> = auth.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let post = |body| app.json(Method::POST, "/api/v1/organisations", body, &auth);
        let wrong = post(
            json!({"kind": "local_authority", "country": "SN", "level": "commune",
        "names": {"fr": "Commune de Ziguinchor"}}),
        )
        .await;
        assert_eq!(wrong.status, 422, "a French level for a Senegalese commune");
        assert_eq!(wrong.json()["error"]["field"], "level");
        let nowhere = post(
            json!({"kind": "local_authority", "country": "XX", "level": "sn_commune",
        "names": {"fr": "Nulle part"}}),
        )
        .await;
        assert_eq!(nowhere.status, 422);
        assert_eq!(nowhere.json()["error"]["field"], "country");
        let made = post(
            json!({"kind": "local_authority", "country": "SN", "level": "sn_commune",
        "names": {"fr": "Commune de Ziguinchor"}}),
        )
        .await;
        assert_eq!(made.status, 201, "{}", made.body);
        let id = made.json()["id"].as_str().unwrap().to_string();
        let generic = post(json!({"kind": "local_authority", "country": "BR",
        "level": "generic_municipality", "names": {"fr": "Curitiba"}}))
        .await;
        assert_eq!(generic.status, 201, "{}", generic.body);
        let page = app.get(&format!("/organisations/{id}?lang=ko")).await;
        assert!(page.body.contains("세네갈"), "the country by its name");
        assert!(page.body.contains("코뮌"), "the level by its Korean name");
        let list = app.get("/organisations?lang=fr").await;
        assert!(
            list.body.contains(">Sénégal</option>"),
            "the filter offers every country present"
        );
        assert!(list.body.contains(">Brésil</option>"));
        assert!(list.body.contains("Municipalité (autres pays)"));
    }
);

both_engines!(
    the_secretariat_adds_a_partner_country_authority_on_a_page,
    |db| {
        let app = TestApp::new(db).await;
        app.user("staff@cuf.example", Role::Secretariat).await;
        let (cookie, csrf) = app.sign_in("staff@cuf.example").await;
        let h = [("cookie", cookie.as_str())];
        let form = app
            .get_with("/organisations/new?country=SN&lang=fr", &h)
            .await;
        assert_eq!(form.status, 200);
        assert!(
            form.body
                .contains("<option value=\"sn_commune\">Commune (Sénégal)</option>"),
            "{}",
            form.body
        );
        let typed = [
            ("csrf_token", csrf.as_str()),
            ("kind", "local_authority"),
            ("country", "SN"),
            ("level", "commune"),
            ("name_fr", "Commune de Ziguinchor"),
            ("population", "205294"),
        ];
        let refused = app.form("/organisations/new?lang=fr", &typed, &h).await;
        assert_eq!(refused.status, 422);
        assert!(
            refused.body.contains("Commune de Ziguinchor"),
            "what was typed comes back"
        );
        assert!(
            refused.body.contains("value=\"sn_commune\""),
            "with the Senegalese levels"
        );
        let mut fixed = typed;
        fixed[3] = ("level", "sn_commune");
        let made = app.form("/organisations/new", &fixed, &h).await;
        assert_eq!(made.status, 303, "{}", made.body);
        let at = made
            .headers
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let page = app.get(&format!("{at}?lang=ko")).await;
        assert!(page.body.contains("세네갈") && page.body.contains("Commune de Ziguinchor"));
        let anonymous = app.get("/organisations/new").await;
        assert_eq!(anonymous.status, 401);
    }
);
