//! Meetings, minutes, follow-ups and calendars, on both engines. Calendar files and spreadsheets
//! are opened by independent readers (Python's icalendar and openpyxl).

use axum::http::Method;
use domain::accounts::Role;
use serde_json::{json, Value};
use storage::both_engines;

use crate::support::{bearer, python, TestApp};

fn meeting(date: &str, start: &str, end: &str) -> Value {
    json!({
        "group_id": "kr",
        "title": {"fr": "Réunion de suivi", "ko": "후속 회의", "en": "Follow-up meeting"},
        "date": date, "start_time": start, "end_time": end, "time_zone": "Europe/Paris",
        "format": "remote", "link": "https://visio.example.org/kr", "visibility": "group",
        "agenda": [{"fr": "Séminaires", "ko": "세미나"}, {"fr": "Questions diverses"}]
    })
}

async fn staff(app: &TestApp) -> (String, String) {
    let coordinator = app
        .user(
            "coord@cuf.example",
            Role::Coordinator { group: "kr".into() },
        )
        .await;
    let editor = app
        .user(
            "officer@issy.example",
            Role::Editor {
                organisation: "fr-issy".into(),
            },
        )
        .await;
    (coordinator, editor)
}

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let r = app
        .json(
            Method::POST,
            "/api/v1/meetings",
            body,
            &[("authorization", &bearer(token))],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()
}

both_engines!(the_seed_meeting_in_paris_and_seoul, |db| {
    let app = TestApp::new(db).await;
    let fr = app.get("/meetings/m-2021-01-28").await;
    assert_eq!(fr.status, 200);
    assert!(
        fr.body
            .contains("jeudi 28 janvier 2021, 11:00–12:30 (Paris) · 19:00–20:30 (Séoul)"),
        "{}",
        fr.body
    );
    let ko = app.get("/meetings/m-2021-01-28?lang=ko").await;
    assert!(ko
        .body
        .contains("2021년 1월 28일 (목) 19:00–20:30 (서울) · 11:00–12:30 (파리)"));
    assert!(ko.body.contains("한국 국가별 그룹 회의"));
    assert!(fr.body.contains("id=\"minutes-status\">Final<"));
    assert!(
        fr.body
            .contains("Tour franco-coréen des initiatives locales"),
        "the report is the minutes"
    );
    assert!(fr.body.contains("24 présents sur 24 participants"));
    assert!(fr
        .body
        .contains("Chaque collectivité dit quel thème de séminaire l&#39;intéresse"));
    let api = app.get("/api/v1/meetings/m-2021-01-28").await.json();
    assert_eq!(api["start"], "2021-01-28T10:00:00Z");
    assert_eq!(api["local_times"][1]["zone"], "Asia/Seoul");
    assert_eq!(api["local_times"][1]["start"], "2021-01-28T19:00");
    assert_eq!(
        app.get("/api/v1/meetings/m-2021-01-28/participants")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        24
    );
    let roadmap = app.get("/groups/kr/roadmap/2021").await;
    assert!(roadmap.body.contains("début 2022"));
    assert!(roadmap.body.contains("novembre–décembre 2021"));
    let roadmap_ko = app.get("/groups/kr/roadmap/2021?lang=ko").await;
    assert!(roadmap_ko.body.contains("2022년 초"));
    let api = app.get("/api/v1/groups/kr/roadmaps/2021").await.json();
    assert_eq!(api["axes"].as_array().unwrap().len(), 2);
});

both_engines!(times_across_the_clock_changes, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, _) = staff(&app).await;
    let cases = [
        ("2021-07-08", "10:00 (Paris) · 17:00"),
        ("2021-03-27", "10:00 (Paris) · 18:00"),
        ("2021-03-28", "10:00 (Paris) · 17:00"),
        ("2021-10-30", "10:00 (Paris) · 17:00"),
        ("2021-10-31", "10:00 (Paris) · 18:00"),
    ];
    for (date, expected) in cases {
        let m = create(&app, &coordinator, meeting(date, "10:00", "11:00")).await;
        let page = app
            .get_with(
                &format!("/meetings/{}", m["id"].as_str().unwrap()),
                &[("authorization", &bearer(&coordinator))],
            )
            .await;
        let shown = page.body.replace("–11:00", "");
        assert!(
            shown.contains(expected),
            "{date}: {expected} not in the page"
        );
    }
    // In Seoul's own zone first, for a Korean viewer.
    let m = create(&app, &coordinator, meeting("2021-07-08", "10:00", "11:00")).await;
    let ko = app
        .get_with(
            &format!("/meetings/{}?lang=ko", m["id"].as_str().unwrap()),
            &[("authorization", &bearer(&coordinator))],
        )
        .await;
    assert!(ko
        .body
        .contains("2021년 7월 8일 (목) 17:00–18:00 (서울) · 10:00–11:00 (파리)"));
});

both_engines!(impossible_times_are_refused_and_nothing_is_stored, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, editor) = staff(&app).await;
    let auth = bearer(&coordinator);
    let cases = [
        (
            meeting("2021-03-28", "02:30", "03:30"),
            "nonexistent_local_time",
            "start",
        ),
        (
            meeting("2021-10-31", "01:00", "02:30"),
            "ambiguous_local_time",
            "end",
        ),
        (
            meeting("2021-06-01", "12:00", "11:00"),
            "end_before_start",
            "end",
        ),
        (
            meeting("2021-06-31", "10:00", "11:00"),
            "invalid_date",
            "date",
        ),
        (
            {
                let mut m = meeting("2021-06-01", "10:00", "11:00");
                m["time_zone"] = json!("Europe/Lutece");
                m
            },
            "unknown_time_zone",
            "time_zone",
        ),
    ];
    let before = app
        .get_with("/api/v1/meetings?group=kr", &[("authorization", &auth)])
        .await
        .json()["total"]
        .clone();
    for (body, code, field) in cases {
        let r = app
            .json(
                Method::POST,
                "/api/v1/meetings",
                body,
                &[("authorization", &auth), ("accept-language", "ko")],
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(r.json()["error"]["code"], code);
        assert_eq!(r.json()["error"]["field"], field);
    }
    let after = app
        .get_with("/api/v1/meetings?group=kr", &[("authorization", &auth)])
        .await
        .json()["total"]
        .clone();
    assert_eq!(before, after);
    let denied = app
        .json(
            Method::POST,
            "/api/v1/meetings",
            meeting("2021-06-01", "10:00", "11:00"),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert_eq!(denied.status, 403);
});

both_engines!(a_refused_form_keeps_what_was_typed, |db| {
    let app = TestApp::new(db).await;
    app.user(
        "coord@cuf.example",
        Role::Coordinator { group: "kr".into() },
    )
    .await;
    let (session, csrf) = app.sign_in("coord@cuf.example").await;
    let r = app
        .form(
            "/meetings",
            &[
                ("csrf_token", &csrf),
                ("group_id", "kr"),
                ("title_fr", "Réunion de printemps"),
                ("title_ko", "봄 회의"),
                ("date", "2021-03-28"),
                ("start_time", "02:15"),
                ("end_time", "04:00"),
                ("time_zone", "Europe/Paris"),
                ("format", "remote"),
                ("visibility", "group"),
                ("agenda_fr", "Point un\nPoint deux"),
            ],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Cette heure n&#39;existe pas ce jour-là"));
    assert!(r.body.contains("value=\"Réunion de printemps\""));
    assert!(r.body.contains("value=\"봄 회의\""));
    assert!(r.body.contains("Point un\nPoint deux"));
    assert!(r.body.contains("aria-invalid=\"true\""));
});

both_engines!(minutes_from_draft_to_final_then_locked, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, editor) = staff(&app).await;
    let outsider = app
        .user(
            "officer@tours.example",
            Role::Editor {
                organisation: "fr-tours".into(),
            },
        )
        .await;
    let m = create(&app, &coordinator, meeting("2021-06-10", "10:00", "11:30")).await;
    let id = m["id"].as_str().unwrap().to_string();
    let r = app
        .json(Method::POST, &format!("/api/v1/meetings/{id}/participants"),
            json!({"name": "Morgane Millon", "organisation_id": "fr-issy", "role_title": "Directrice adjointe"}),
            &[("authorization", &bearer(&coordinator))])
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let minutes = |text: &str, version: i64| {
        json!({
            "version": version,
            "items": [{"agenda_position": 0, "body": {"fr": text, "ko": "세미나 일정 논의"}}]
        })
    };
    let put = |token: String, body: Value| {
        let app = &app;
        let id = id.clone();
        async move {
            app.json(
                Method::PUT,
                &format!("/api/v1/meetings/{id}/minutes"),
                body,
                &[("authorization", &bearer(&token))],
            )
            .await
        }
    };
    let r = put(outsider.clone(), minutes("x", 0)).await;
    assert_eq!(
        r.status, 403,
        "an editor whose organisation did not take part"
    );
    let r = put(
        editor.clone(),
        minutes("**Séminaire 1** en juin.\n\n<script>alert(1)</script>", 0),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["version"], 1);
    let stale = put(editor.clone(), minutes("conflict", 0)).await;
    assert_eq!(stale.status, 409, "a save on an old version is a conflict");
    let r = put(
        editor.clone(),
        minutes("**Séminaire 1** en juin, à Tours.", 1),
    )
    .await;
    assert_eq!(r.json()["version"], 2);
    let page = app
        .get_with(
            &format!("/meetings/{id}"),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert!(page
        .body
        .contains("<strong>Séminaire 1</strong> en juin, à Tours."));
    let status = |to: &str, token: String| {
        let app = &app;
        let id = id.clone();
        let to = to.to_string();
        async move {
            app.json(
                Method::POST,
                &format!("/api/v1/meetings/{id}/minutes/status"),
                json!({"status": to}),
                &[("authorization", &bearer(&token))],
            )
            .await
        }
    };
    assert_eq!(
        status("final", editor.clone()).await.status,
        403,
        "editors do not finalise"
    );
    assert_eq!(
        status("in_review", coordinator.clone()).await.json()["status"],
        "in_review"
    );
    assert_eq!(
        status("final", coordinator.clone()).await.json()["status"],
        "final"
    );
    let locked = put(editor.clone(), minutes("too late", 4)).await;
    assert_eq!(locked.status, 403, "editors cannot change final minutes");
    let no_reason = put(coordinator.clone(), minutes("Correction", 4)).await;
    assert_eq!(no_reason.status, 422);
    assert_eq!(no_reason.json()["error"]["field"], "reason");
    let mut corrected = minutes("**Séminaire 1** en juin, à Tours et Suwon.", 4);
    corrected["reason"] = json!("Suwon co-organise");
    let r = put(coordinator.clone(), corrected).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["status"], "final");
    assert_eq!(
        status("draft", coordinator.clone()).await.json()["error"]["code"],
        "minutes_locked"
    );
    let versions = app
        .get_with(
            &format!("/api/v1/meetings/{id}/minutes/versions"),
            &[("authorization", &bearer(&editor))],
        )
        .await
        .json();
    let kinds: Vec<&str> = versions
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["correction", "status", "status", "edit", "edit"],
        "every version is kept"
    );
    assert_eq!(versions[0]["reason"], "Suwon co-organise");
    assert!(
        versions[4]["items"][0]["body"]["fr"]
            .as_str()
            .unwrap()
            .contains("<script>"),
        "text kept as typed"
    );
    let diff = app
        .get_with(
            &format!("/meetings/{id}/minutes/diff?from=4&to=5"),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert!(diff
        .body
        .contains("<del class=\"diff-removed\">- **Séminaire 1** en juin, à Tours.</del>"));
    assert!(diff
        .body
        .contains("<ins class=\"diff-added\">+ **Séminaire 1** en juin, à Tours et Suwon.</ins>"));
    let print = app
        .get_with(
            &format!("/meetings/{id}/minutes/print"),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert!(print.body.contains("à Tours et Suwon"));
});

both_engines!(script_in_minutes_is_shown_as_text, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, _) = staff(&app).await;
    let m = create(&app, &coordinator, meeting("2021-06-10", "10:00", "11:30")).await;
    let id = m["id"].as_str().unwrap();
    let r = app
        .json(Method::PUT, &format!("/api/v1/meetings/{id}/minutes"),
            json!({"items": [{"agenda_position": 0, "body": {"fr": "<script>alert(1)</script> [x](javascript:alert(2))"}}]}),
            &[("authorization", &bearer(&coordinator))])
        .await;
    assert_eq!(r.status, 200);
    let page = app
        .get_with(
            &format!("/meetings/{id}"),
            &[("authorization", &bearer(&coordinator))],
        )
        .await;
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.body.contains("href=\"javascript:"));
});

both_engines!(follow_ups_reach_the_board_and_the_next_meeting, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, editor) = staff(&app).await;
    let first = create(&app, &coordinator, meeting("2021-06-10", "10:00", "11:00")).await;
    let next = create(&app, &coordinator, meeting("2021-09-16", "10:00", "11:00")).await;
    let (a, b) = (first["id"].as_str().unwrap(), next["id"].as_str().unwrap());
    let r = app
        .json(Method::POST, &format!("/api/v1/meetings/{a}/follow-ups"),
            json!({"text": {"fr": "Envoyer le questionnaire", "ko": "설문지 발송"}, "owner_organisation": "fr-issy", "due": "2021-07"}),
            &[("authorization", &bearer(&coordinator))])
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let fid = r.json()["id"].as_str().unwrap().to_string();
    let bad = app
        .json(
            Method::POST,
            &format!("/api/v1/meetings/{a}/follow-ups"),
            json!({"text": {"fr": "x"}, "due": "bientôt"}),
            &[("authorization", &bearer(&coordinator))],
        )
        .await;
    assert_eq!(bad.json()["error"]["field"], "due");
    let board = app
        .get_with(
            "/groups/kr/follow-ups",
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert!(board.body.contains("Envoyer le questionnaire") && board.body.contains("juillet 2021"));
    let at_next = app
        .get_with(
            &format!("/meetings/{b}"),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert!(
        at_next.body.contains("Envoyer le questionnaire"),
        "carried to the next meeting"
    );
    let at_first = app
        .get_with(
            &format!("/meetings/{a}"),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert!(at_first.body.contains("Envoyer le questionnaire"));
    let done = app
        .json(
            Method::PATCH,
            &format!("/api/v1/follow-ups/{fid}"),
            json!({"status": "done", "meeting_id": b}),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert_eq!(
        done.status, 200,
        "the owner's editor updates it: {}",
        done.body
    );
    let at_next = app
        .get_with(
            &format!("/meetings/{b}"),
            &[("authorization", &bearer(&editor))],
        )
        .await;
    assert!(
        !at_next.body.contains("Envoyer le questionnaire"),
        "done follow-ups are no longer carried"
    );
    let open = app
        .get_with(
            "/api/v1/groups/kr/follow-ups?open=true",
            &[("authorization", &bearer(&editor))],
        )
        .await
        .json();
    assert!(open
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["id"] != fid.as_str()));
    let tours = app
        .user(
            "officer@tours.example",
            Role::Editor {
                organisation: "fr-tours".into(),
            },
        )
        .await;
    let r = app
        .json(
            Method::PATCH,
            &format!("/api/v1/follow-ups/{fid}"),
            json!({"status": "open"}),
            &[("authorization", &bearer(&tours))],
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(
        app.get("/groups/kr/follow-ups").await.status,
        401,
        "the board is the group's"
    );
});

both_engines!(calendar_files_open_in_an_independent_parser, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, _) = staff(&app).await;
    let july = create(&app, &coordinator, meeting("2021-07-08", "10:00", "11:00")).await;
    let id = july["id"].as_str().unwrap().to_string();
    let auth = [("authorization", bearer(&coordinator))];
    let auth: Vec<(&str, &str)> = auth.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let seed = app.get("/meetings/m-2021-01-28.ics").await;
    assert_eq!(seed.headers["content-type"], "text/calendar; charset=utf-8");
    let check = r#"
import sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
tzs = {tz['TZID']: tz.to_tz() for tz in cal.walk('VTIMEZONE')}
seoul = datetime.timezone(datetime.timedelta(hours=9))
for ev in cal.walk('VEVENT'):
    start = ev.decoded('DTSTART')
    # Localise with the file's own VTIMEZONE, not the system's zone database.
    tzid = ev['DTSTART'].params['TZID']
    naive = start.replace(tzinfo=None)
    local = tzs[tzid].localize(naive) if hasattr(tzs[tzid], 'localize') else naive.replace(tzinfo=tzs[tzid])
    print(str(ev['UID']), int(ev['SEQUENCE']), str(ev['STATUS']), local.astimezone(seoul).strftime('%H:%M'), len(tzs))
"#;
    let out = python(check, &seed.body);
    assert_eq!(out.trim(), "m-2021-01-28@jumelage 0 CONFIRMED 19:00 1");
    let file = app.get_with(&format!("/meetings/{id}.ics"), &auth).await;
    assert_eq!(
        python(check, &file.body).trim(),
        format!("{id}@jumelage 0 CONFIRMED 17:00 1")
    );
    // An update raises SEQUENCE; a cancellation stays in the feed, as cancelled, with the same UID.
    let r = app
        .json(
            Method::PATCH,
            &format!("/api/v1/meetings/{id}"),
            json!({"start_time": "09:00"}),
            &[("authorization", &bearer(&coordinator))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = app
        .json(
            Method::PATCH,
            &format!("/api/v1/meetings/{id}"),
            json!({"status": "cancelled"}),
            &[("authorization", &bearer(&coordinator))],
        )
        .await;
    assert_eq!(r.json()["sequence"], 2);
    let feed = app.get_with("/groups/kr/calendar.ics?lang=ko", &auth).await;
    let out = python(check, &feed.body);
    assert!(
        out.contains(&format!("{id}@jumelage 2 CANCELLED 16:00")),
        "{out}"
    );
    assert!(out.contains("m-2021-01-28@jumelage 0 CONFIRMED 19:00"));
    assert!(feed.body.contains("SUMMARY:후속 회의"));
    let public = app.get("/groups/kr/calendar.ics").await;
    assert!(
        !public.body.contains(&id),
        "group meetings stay out of the public feed"
    );
});

both_engines!(attendance_exports_open_in_a_spreadsheet_reader, |db| {
    let app = TestApp::new(db).await;
    let csv = app
        .get("/meetings/m-2021-01-28/attendance?format=csv")
        .await;
    assert_eq!(csv.status, 200);
    let out = python(
        "import sys, csv, io\nrows = list(csv.reader(io.StringIO(sys.stdin.read().lstrip('\\ufeff'))))\nprint(len(rows), rows[0][0], rows[1][0], rows[1][4])",
        &csv.body,
    );
    assert_eq!(out.trim(), "25 Nom Camille Vialay Présent·e");
    let xlsx = app
        .get("/meetings/m-2021-01-28/attendance?format=xlsx&lang=ko")
        .await;
    assert!(xlsx.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("attendance-2021-01-28.xlsx"));
    let path = std::env::temp_dir().join(format!("attendance-{}.xlsx", storage::random_token()));
    std::fs::write(&path, xlsx.body_bytes()).unwrap();
    let out = python(
        "import sys, openpyxl\nws = openpyxl.load_workbook(sys.stdin.read().strip()).active\nrows = list(ws.iter_rows(values_only=True))\nprint(len(rows), rows[0][0], rows[0][4], [r[4] for r in rows[1:]].count('출석'))",
        path.to_str().unwrap(),
    );
    let _ = std::fs::remove_file(path);
    assert_eq!(out.trim(), "25 이름 출석 여부 24");
});

both_engines!(attachments_are_checked, |db| {
    let app = TestApp::new(db).await;
    app.user(
        "coord@cuf.example",
        Role::Coordinator { group: "kr".into() },
    )
    .await;
    let (session, csrf) = app.sign_in("coord@cuf.example").await;
    let upload = |name: &str, bytes: &[u8], token: &str| {
        let boundary = "XyZ";
        let mut body = Vec::new();
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nFeuille de route\r\n").as_bytes());
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
        body.extend(bytes);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        axum::http::Request::builder()
            .method("POST")
            .uri(format!(
                "/meetings/m-2021-01-28/attachments?csrf_token={token}"
            ))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header("cookie", session.clone())
            .body(axum::body::Body::from(body))
            .unwrap()
    };
    let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    assert_eq!(
        app.send(upload("feuille.pdf", pdf, "0")).await.status,
        403,
        "the token is checked"
    );
    let r = app.send(upload("feuille.pdf", pdf, &csrf)).await;
    assert_eq!(r.status, 303);
    let r = app.send(upload("virus.exe", b"MZ\x90\x00", &csrf)).await;
    assert_eq!(r.status, 422);
    let r = app.send(upload("fake.pdf", b"MZ\x90\x00", &csrf)).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Type de fichier refusé"));
    let list = app.get("/meetings/m-2021-01-28").await;
    let at = list
        .body
        .find("/meetings/m-2021-01-28/attachments/a-")
        .unwrap();
    let href = &list.body[at..at + "/meetings/m-2021-01-28/attachments/a-".len() + 12];
    let file = app.get(href).await;
    assert_eq!(file.body_bytes(), pdf.to_vec());
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert!(file.headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
});

both_engines!(group_meetings_are_for_the_group, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, editor) = staff(&app).await;
    let observer = app
        .user("embassy@example.org", Role::Observer { group: "kr".into() })
        .await;
    let m = create(&app, &coordinator, meeting("2021-06-10", "10:00", "11:00")).await;
    let path = format!("/meetings/{}", m["id"].as_str().unwrap());
    assert_eq!(app.get(&path).await.status, 401);
    assert_eq!(
        app.get_with(&path, &[("authorization", &bearer(&observer))])
            .await
            .status,
        200
    );
    assert_eq!(
        app.get_with(&path, &[("authorization", &bearer(&editor))])
            .await
            .status,
        200
    );
    let list = app.get("/meetings").await;
    assert!(list.body.contains("m-2021-01-28") && !list.body.contains(m["id"].as_str().unwrap()));
    let doc = app.get("/api/v1/openapi.json").await.json();
    assert!(doc["paths"].get("/api/v1/meetings/{id}/minutes").is_some());
});

both_engines!(coordinators_write_the_roadmap, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, editor) = staff(&app).await;
    let roadmap = json!({
        "summary": {"fr": "Feuille de route 2022", "ko": "2022년 로드맵"},
        "axes": [{
            "title": {"fr": "Séminaires", "ko": "세미나"},
            "actions": [{
                "title": {"fr": "Séminaire sur l'eau", "ko": "물 세미나"},
                "owner_organisation": "fr-mel", "period": "2022-03..2022-04", "status": "planned",
                "milestones": [{"title": {"fr": "Programme envoyé"}, "period": "2022-02"}],
                "links": [{"type": "meeting", "id": "m-2021-01-28"}]
            }]
        }]
    });
    let put = |body: Value, token: String| {
        let app = &app;
        async move {
            app.json(
                Method::PUT,
                "/api/v1/groups/kr/roadmaps/2022",
                body,
                &[("authorization", &bearer(&token))],
            )
            .await
        }
    };
    assert_eq!(put(roadmap.clone(), editor.clone()).await.status, 403);
    let mut bad = roadmap.clone();
    bad["axes"][0]["actions"][0]["period"] = json!("printemps");
    let r = put(bad, coordinator.clone()).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["field"], "axes[0].actions[0].period");
    assert_eq!(
        app.get("/api/v1/groups/kr/roadmaps/2022").await.status,
        404,
        "nothing stored"
    );
    let r = put(roadmap.clone(), coordinator.clone()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.json()["axes"][0]["actions"][0]["period"],
        "2022-03..2022-04"
    );
    let page = app.get("/groups/kr/roadmap/2022?lang=ko").await;
    assert!(page.body.contains("2022년 3월–4월") && page.body.contains("물 세미나"));
    assert!(page.body.contains("href=\"/meetings/m-2021-01-28\""));
    // Replacing keeps one roadmap per year.
    assert_eq!(put(roadmap, coordinator.clone()).await.status, 200);
    assert_eq!(
        app.get("/groups/kr/roadmap").await.headers["location"],
        "/groups/kr/roadmap/2022"
    );
    let (session, csrf) = {
        app.user(
            "coord2@cuf.example",
            Role::Coordinator { group: "kr".into() },
        )
        .await;
        app.sign_in("coord2@cuf.example").await
    };
    let action = app.get("/api/v1/groups/kr/roadmaps/2022").await.json()["axes"][0]["actions"][0]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app
        .form(
            &format!("/groups/kr/roadmap/2022/actions/{action}"),
            &[("csrf_token", &csrf), ("status", "done")],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        app.get("/api/v1/groups/kr/roadmaps/2022").await.json()["axes"][0]["actions"][0]["status"],
        "done"
    );
});

both_engines!(a_meeting_invitation_reaches_people_by_e_mail, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, _) = staff(&app).await;
    let mut body = meeting("2027-03-02", "10:00", "11:30");
    body["title"] = json!({"fr": "Réunion de printemps", "ko": "봄 회의"});
    let m = create(&app, &coordinator, body).await;
    let id = m["id"].as_str().unwrap().to_string();
    // Guro-gu's officer has an address (the secretariat keeps the register); Guro is a member
    // of the Korea group.
    let secretariat = app.user("staff@cuf.example", Role::Secretariat).await;
    let made = app
        .json(
            Method::POST,
            "/api/v1/organisations/kr-guro/people",
            json!({"name": "김민수", "email": "minsu.kim@guro.example"}),
            &[("authorization", &bearer(&secretariat))],
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let (cookie, csrf) = app.sign_in("coord@cuf.example").await;
    let form = app
        .get_with(
            &format!("/meetings/{id}/send?lang=fr"),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains("value=\"kr-guro\""),
        "members picked by name"
    );
    // A wrong address is named by its place, and nothing is queued.
    let refused = app
        .form(
            &format!("/meetings/{id}/send?lang=fr"),
            &[
                ("csrf_token", &csrf),
                ("organisation", "kr-guro"),
                ("addresses", "ok@example.org, not-an-address"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("addresses[1]"), "{}", refused.body);
    assert!(
        refused.body.contains("not-an-address"),
        "what was typed is kept"
    );
    let sent = app
        .form(
            &format!("/meetings/{id}/send?lang=fr"),
            &[
                ("csrf_token", &csrf),
                ("organisation", "kr-guro"),
                ("addresses", "mairie@tours.example\nMairie@Tours.example"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(
        sent.body.contains(
            "2 courriels mis en file d’envoi, avec le fichier d’agenda : minsu.kim@guro.example, mairie@tours.example"
        ),
        "{}",
        sent.body
    );
    let smtp = crate::support::LoopbackSmtp::start().await;
    assert_eq!(smtp.drain(&app.db).await, 2);
    let got = smtp.received();
    let korean = got
        .iter()
        .find(|(to, _)| to == "minsu.kim@guro.example")
        .unwrap();
    assert!(korean.1.contains("「봄 회의」"), "in Korean: {}", korean.1);
    assert!(korean.1.contains("(서울)"), "with Seoul time: {}", korean.1);
    let french = got
        .iter()
        .find(|(to, _)| to == "mairie@tours.example")
        .unwrap();
    assert!(
        french.1.contains("« Réunion de printemps »"),
        "{}",
        french.1
    );
    // The calendar file, read by an independent parser.
    let ics = crate::support::python(
        r#"
import sys, mailbox, icalendar
for m in mailbox.Maildir(sys.stdin.read().strip(), create=False):
    for p in m.walk():
        if p.get_content_type() == 'text/calendar':
            cal = icalendar.Calendar.from_ical(p.get_payload(decode=True))
            for e in cal.walk('VEVENT'):
                print(m['To'], e['SUMMARY'], e.decoded('DTSTART').isoformat())
"#,
        smtp.dir.to_str().unwrap(),
    );
    assert!(
        ics.contains("minsu.kim@guro.example 봄 회의 2027-03-02T10:00:00+01:00"),
        "{ics}"
    );
    assert!(
        ics.contains("mairie@tours.example Réunion de printemps 2027-03-02T10:00:00+01:00"),
        "{ics}"
    );
});

both_engines!(refused_meeting_forms_keep_what_was_typed, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, _) = staff(&app).await;
    let fresh = create(&app, &coordinator, meeting("2027-05-04", "10:00", "11:00")).await;
    let fresh = fresh["id"].as_str().unwrap().to_string();
    let (cookie, csrf) = app.sign_in("coord@cuf.example").await;
    let page = app
        .get_with("/meetings/m-2021-01-28?lang=fr", &[("cookie", &cookie)])
        .await;
    assert!(
        page.body.contains("<nav class=\"toc\""),
        "the sections listed"
    );
    assert!(
        page.body.contains("<option value=\"fr-tours\">"),
        "organisations picked by name, not typed"
    );
    let page = app
        .get_with(
            &format!("/meetings/{fresh}?lang=fr"),
            &[("cookie", &cookie)],
        )
        .await;
    assert!(
        page.body.contains("<option value=\"2027-early\">"),
        "due dates picked"
    );
    let refused = app
        .form(
            "/meetings/m-2021-01-28/participants?lang=fr",
            &[
                ("csrf_token", &csrf),
                ("name", "Jeanne Dupont"),
                ("organisation_id", "fr-nowhere"),
                ("role_title", "Adjointe aux relations internationales"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("value=\"Jeanne Dupont\""),
        "{}",
        refused.body
    );
    assert!(refused
        .body
        .contains("value=\"Adjointe aux relations internationales\""));
    assert!(refused.body.contains("Organisation inconnue"));
    let refused = app
        .form(
            &format!("/meetings/{fresh}/follow-ups?lang=fr"),
            &[
                ("csrf_token", &csrf),
                ("text_fr", "Relancer la GAOK"),
                ("due", "2021-13"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("Relancer la GAOK"),
        "{}",
        refused.body
    );
    let done = app
        .form(
            &format!("/meetings/{fresh}/follow-ups"),
            &[
                ("csrf_token", &csrf),
                ("text_fr", "Relancer la GAOK"),
                ("owner_organisation", "fr-tours"),
                ("due", "2027-early"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
});

both_engines!(a_visitors_meeting_page_follows_every_change, |db| {
    let app = TestApp::new(db).await;
    let (coordinator, _) = staff(&app).await;
    let auth = bearer(&coordinator);
    let mut body = meeting("2027-05-11", "10:00", "11:00");
    body["visibility"] = json!("public");
    let m = create(&app, &coordinator, body).await;
    let id = m["id"].as_str().unwrap().to_string();
    let path = format!("/meetings/{id}?lang=fr");
    let first = app.get(&path).await;
    assert_eq!(first.status, 200);
    assert!(!first.body.contains("Morgane Millon"));
    assert_eq!(app.get(&path).await.body, first.body, "the same page twice");
    // A participant added, then renamed organisation, then a follow-up: each shows at once.
    let r = app
        .json(
            Method::POST,
            &format!("/api/v1/meetings/{id}/participants"),
            json!({"name": "Morgane Millon", "organisation_id": "fr-issy"}),
            &[("authorization", &auth)],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(app.get(&path).await.body.contains("Morgane Millon"));
    let staff_token = app.user("staff@cuf.example", Role::Secretariat).await;
    let r = app
        .json(
            Method::PATCH,
            "/api/v1/organisations/fr-issy",
            json!({"names": {"fr": "Issy (nouveau nom)"}}),
            &[("authorization", &bearer(&staff_token))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(app.get(&path).await.body.contains("Issy (nouveau nom)"));
    // Group-only meetings stay closed to visitors.
    let closed = create(&app, &coordinator, meeting("2027-05-12", "10:00", "11:00")).await;
    let closed = closed["id"].as_str().unwrap();
    assert_eq!(app.get(&format!("/meetings/{closed}")).await.status, 401);
    assert_eq!(app.get("/meetings/no-such-meeting").await.status, 404);
});
