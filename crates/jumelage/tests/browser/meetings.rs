//! Minutes: a coordinator finalises them, an editor can no longer change them.

use std::path::PathBuf;

use fantoccini::Locator;
use serde_json::json;

use crate::common::{db_args, run, temp_dir, Server};
use crate::kit::*;

#[test]
fn a_coordinator_finalises_minutes_and_an_editor_can_no_longer_change_them() {
    let axe = axe_source();
    let dir = temp_dir("browser-minutes");
    let server = Server::start(&dir, None, &[]);
    create_user(
        &dir,
        &[
            "--email",
            "coord@cuf.example",
            "--role",
            "coordinator",
            "--group",
            "kr",
            "--name",
            "Constance K.",
        ],
    );
    create_user(
        &dir,
        &[
            "--email",
            "officer@issy.example",
            "--role",
            "editor",
            "--organisation",
            "fr-issy",
            "--name",
            "Morgane Millon",
        ],
    );
    let mut args = vec!["token", "create", "--email", "coord@cuf.example"];
    let dbargs = db_args(&dir, None);
    args.extend(dbargs.iter().map(String::as_str));
    let token = String::from_utf8(run(&args, "").stdout)
        .unwrap()
        .trim()
        .to_string();
    let auth = format!("Bearer {token}");
    let meeting: serde_json::Value = ureq::post(&format!("{}/api/v1/meetings", server.url))
        .set("Authorization", &auth)
        .send_json(json!({
            "group_id": "kr", "title": {"fr": "Préparation du séminaire 1", "ko": "세미나 1 준비"},
            "date": "2021-05-20", "start_time": "10:00", "end_time": "11:00", "time_zone": "Europe/Paris",
            "format": "remote", "agenda": [{"fr": "Programme", "ko": "프로그램"}]
        }))
        .unwrap()
        .into_json()
        .unwrap();
    let id = meeting["id"].as_str().unwrap().to_string();
    ureq::post(&format!("{}/api/v1/meetings/{id}/participants", server.url))
        .set("Authorization", &auth)
        .send_json(json!({"name": "Morgane Millon", "organisation_id": "fr-issy"}))
        .unwrap();
    let shots = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/screenshots"
    ));
    std::fs::create_dir_all(&shots).unwrap();

    let (_driver, port) = start_driver();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let c = browser(port, &dir.join("profile")).await;
        let base = server.url.clone();
        let page = format!("{base}/meetings/{id}");

        // The editor of a taking-part organisation writes the draft.
        sign_in(&c, &base, "officer@issy.example").await;
        c.goto(&page).await.unwrap();
        let when = find(&c, Locator::Id("when")).await.text().await.unwrap();
        assert!(
            when.contains("10:00–11:00 (Paris)") && when.contains("17:00–18:00 (Séoul)"),
            "{when}"
        );
        find(&c, Locator::Id("edit-minutes"))
            .await
            .click()
            .await
            .unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (minutes form): {v:#?}");
        find(&c, Locator::Id("item-0-fr"))
            .await
            .send_keys("Programme arrêté : **deux** collectivités françaises et deux coréennes.")
            .await
            .unwrap();
        find(&c, Locator::Id("item-0-ko"))
            .await
            .send_keys("프로그램 확정")
            .await
            .unwrap();
        find(&c, Locator::Id("save-minutes"))
            .await
            .click()
            .await
            .unwrap();
        let minutes = find(&c, Locator::Css("#minutes .minutes"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            minutes.contains("deux collectivités françaises"),
            "{minutes}"
        );
        sign_out(&c).await;

        // The coordinator sends it for review, then approves it as final.
        sign_in(&c, &base, "coord@cuf.example").await;
        c.goto(&page).await.unwrap();
        find(&c, Locator::Id("minutes-to-in_review"))
            .await
            .click()
            .await
            .unwrap();
        wait_text(&c, Locator::Id("minutes-status"), "En relecture").await;
        find(&c, Locator::Id("minutes-to-final"))
            .await
            .click()
            .await
            .unwrap();
        wait_text(&c, Locator::Id("minutes-status"), "Final").await;
        shot(&c, &shots, "minutes-final-fr").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(
            v.is_empty(),
            "accessibility (meeting page, coordinator): {v:#?}"
        );
        sign_out(&c).await;

        // The editor can no longer change them: no edit button, and the form is refused.
        sign_in(&c, &base, "officer@issy.example").await;
        c.goto(&format!("{page}?lang=ko")).await.unwrap();
        wait_text(&c, Locator::Id("minutes-status"), "확정").await;
        assert!(
            c.find(Locator::Id("edit-minutes")).await.is_err(),
            "no edit button on final minutes"
        );
        c.goto(&format!("{base}/meetings/{id}/minutes/edit"))
            .await
            .unwrap();
        let h1 = find(&c, Locator::Css("h1")).await.text().await.unwrap();
        assert_eq!(h1, "오류가 발생했습니다");
        let msg = find(&c, Locator::Css(".error-message"))
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(msg, "이 작업을 할 권한이 없습니다.");
        c.close().await.unwrap();
    });
    assert!(server.stop().success());
    let _ = std::fs::remove_dir_all(dir);
}
