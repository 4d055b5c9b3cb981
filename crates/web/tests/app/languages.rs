//! Names in the partner's own language (Japanese, Arabic …) beside French, Korean and English:
//! stored, validated, found by search, tagged with their language (right to left for Arabic);
//! the reader's language first, then the original, never an English name before it for a
//! Korean reader; notes say which language they are written in.

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, TestApp};

both_engines!(names_in_the_partners_languages, |db| {
    let app = TestApp::new(db).await;
    let staff = app.user("staff@cuf.example", Role::Secretariat).await;
    let auth = bearer(&staff);
    let auth = [("authorization", auth.as_str())];
    let tokyo = app
        .json(
            Method::POST,
            "/api/v1/organisations",
            json!({"id": "jp-tokyo", "kind": "local_authority", "country": "JP", "level": "jp_prefecture",
                "names": {"en": "Tokyo Metropolitan Government"}, "other_names": {"ja": "東京都"},
                "notes": "Sister city of Paris since 1982.", "notes_lang": "en"}),
            &auth,
        )
        .await;
    assert_eq!(tokyo.status, 201, "{}", tokyo.body);
    assert_eq!(tokyo.json()["other_names"]["ja"], "東京都");
    let beirut = app
        .json(
            Method::POST,
            "/api/v1/organisations",
            json!({"id": "lb-beyrouth", "kind": "local_authority", "country": "LB", "level": "lb_municipality",
                "names": {"fr": "Municipalité de Beyrouth"}, "other_names": {"ar": "بلدية بيروت"}}),
            &auth,
        )
        .await;
    assert_eq!(beirut.status, 201, "{}", beirut.body);
    let bad = app
        .json(
            Method::POST,
            "/api/v1/organisations",
            json!({"kind": "local_authority", "country": "JP", "level": "jp_prefecture",
                "names": {"en": "Osaka"}, "other_names": {"japanese!": "大阪府"}}),
            &auth,
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert_eq!(bad.json()["error"]["field"], "other_names.japanese!");

    // A Korean reader sees the original name, tagged, before any English one.
    let ko = app.get("/organisations/jp-tokyo?lang=ko").await;
    assert!(
        ko.body
            .contains("<h1><span lang=\"ja\" dir=\"ltr\">東京都</span>"),
        "{}",
        ko.body
    );
    // Arabic is right to left inside a French page; the notes say their language.
    let fr = app.get("/organisations/lb-beyrouth?lang=fr").await;
    assert!(
        fr.body.contains("lang=\"ar\" dir=\"rtl\">بلدية بيروت"),
        "{}",
        fr.body
    );
    let notes = app.get("/organisations/jp-tokyo?lang=fr").await;
    assert!(notes.body.contains("(écrit en anglais)"), "{}", notes.body);
    assert!(notes.body.contains("lang=\"en\" dir=\"ltr\">Sister city"));
    let in_english = app.get("/organisations/jp-tokyo?lang=en").await;
    assert!(!in_english.body.contains("(written in English)"));
    // A partnership's notes carry their language too.
    let patched = app
        .json(
            Method::PATCH,
            "/api/v1/partnerships/p-issy-guro",
            json!({"notes": "Exchanges on smart cities since 2015.", "notes_lang": "en"}),
            &auth,
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.body);
    assert_eq!(patched.json()["notes_lang"], "en");
    let p = app.get("/partnerships/p-issy-guro?lang=fr").await;
    assert!(p.body.contains("(écrit en anglais)"), "{}", p.body);
    let bad = app
        .json(
            Method::PATCH,
            "/api/v1/partnerships/p-issy-guro",
            json!({"notes_lang": "not a tag"}),
            &auth,
        )
        .await;
    assert_eq!(bad.json()["error"]["field"], "notes_lang", "{}", bad.body);

    // Found by its own name.
    let found = app.get("/api/v1/search?q=%E6%9D%B1%E4%BA%AC").await.json();
    assert_eq!(found["items"][0]["id"], "jp-tokyo", "{found}");

    // Korean names sort among themselves for a Korean reader (가나다), with their French and
    // romanised names beside them for a French reader.
    let list = app.get("/organisations?country=KR&lang=ko").await;
    let hangul: Vec<String> = list
        .body
        .split("<a href=\"/organisations/kr-")
        .skip(1)
        .filter_map(|part| {
            let name = part.split('>').nth(1)?.split('<').next()?.to_string();
            name.chars()
                .next()
                .filter(|c| ('가'..='힣').contains(c))
                .map(|_| name)
        })
        .collect();
    assert!(hangul.len() > 5, "{}", list.body);
    let mut sorted = hangul.clone();
    sorted.sort();
    assert_eq!(hangul, sorted);
    let fr_list = app.get("/organisations?country=KR&lang=fr").await;
    assert!(
        fr_list.body.contains("구로구 · Guro-gu"),
        "{}",
        fr_list.body
    );

    // The page's form keeps the names in other languages.
    let (cookie, csrf) = app.sign_in("staff@cuf.example").await;
    let form = app
        .get_with(
            "/organisations/jp-tokyo/edit?lang=fr",
            &[("cookie", &cookie)],
        )
        .await;
    assert!(form.body.contains("value=\"東京都\""), "{}", form.body);
    let saved = app
        .form(
            "/organisations/jp-tokyo/edit",
            &[
                ("csrf_token", &csrf),
                ("kind", "local_authority"),
                ("country", "JP"),
                ("level", "jp_prefecture"),
                ("name_en", "Tokyo Metropolitan Government"),
                ("name_ko", "도쿄도"),
                ("other_lang", "ja"),
                ("other_name", "東京都"),
                ("other_more", "ja-Latn: Tōkyō-to"),
                ("notes", "Sister city of Paris since 1982."),
                ("notes_lang", "en"),
                ("version", "1"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let r = app.get("/api/v1/organisations/jp-tokyo").await.json();
    assert_eq!(
        r["other_names"],
        json!({"ja": "東京都", "ja-Latn": "Tōkyō-to"})
    );
    assert_eq!(r["names"]["ko"], "도쿄도");
});

both_engines!(titles_in_the_partners_languages, |db| {
    let app = TestApp::new(db).await;
    let coord = app
        .user("coord@kr.example", Role::Coordinator { group: "kr".into() })
        .await;
    let auth = bearer(&coord);
    let auth = [("authorization", auth.as_str())];
    let m = app
        .json(
            Method::POST,
            "/api/v1/meetings",
            json!({"group_id": "kr", "title": {"fr": "Réunion avec Beyrouth"},
                "title_other": {"ar": "اجتماع مع بيروت"},
                "date": "2027-04-06", "start_time": "10:00", "end_time": "11:00",
                "time_zone": "Europe/Paris", "format": "remote", "visibility": "public"}),
            &auth,
        )
        .await;
    assert_eq!(m.status, 201, "{}", m.body);
    assert_eq!(m.json()["title_other"]["ar"], "اجتماع مع بيروت");
    let id = m.json()["id"].as_str().unwrap().to_string();
    let page = app.get(&format!("/meetings/{id}?lang=fr")).await;
    assert!(
        page.body
            .contains("lang=\"ar\" dir=\"rtl\" id=\"title-other\">اجتماع مع بيروت"),
        "{}",
        page.body
    );
    let bad = app
        .json(
            Method::POST,
            "/api/v1/meetings",
            json!({"group_id": "kr", "title": {"fr": "X"}, "title_other": {"fr": "Y"},
                "date": "2027-04-06", "start_time": "10:00", "end_time": "11:00",
                "time_zone": "Europe/Paris", "format": "remote"}),
            &auth,
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert_eq!(bad.json()["error"]["field"], "title_other.fr");
    let series = app
        .json(
            Method::POST,
            "/api/v1/series",
            json!({"group_id": "kr", "year": 2029, "title": {"fr": "Tour 2029"},
                "title_other": {"ja": "2029年ツアー"}}),
            &auth,
        )
        .await;
    assert_eq!(series.status, 201, "{}", series.body);
    let seminar = app
        .json(
            Method::POST,
            "/api/v1/series/tour-kr-2029/seminars",
            json!({"theme": {"fr": "Les déchets"}, "theme_other": {"ja": "廃棄物"}}),
            &auth,
        )
        .await;
    assert_eq!(seminar.status, 201, "{}", seminar.body);
    let sid = seminar.json()["id"].as_str().unwrap().to_string();
    let page = app.get(&format!("/seminars/{sid}?lang=ko")).await;
    assert!(
        page.body.contains("lang=\"ja\" dir=\"ltr\">廃棄物"),
        "{}",
        page.body
    );
    let list = app.get("/seminars?series=tour-kr-2029&lang=fr").await;
    assert!(list.body.contains("2029年ツアー"), "{}", list.body);
    // Minutes written in French say so to a Korean reader.
    let demo = app.get("/meetings/m-2021-01-28?lang=ko").await;
    assert!(demo.body.contains("(프랑스어로 작성됨)"), "{}", demo.body);
    let found = app.get("/api/v1/search?q=%E5%BB%83%E6%A3%84").await.json();
    assert_eq!(found["items"][0]["id"], sid.as_str(), "{found}");
});
