//! Home page in three languages with the language switch, sign-in and a member page.

use std::path::PathBuf;

use fantoccini::Locator;

use crate::common::{db_args, run, temp_dir, Server};
use crate::kit::*;

#[test]
fn home_languages_sign_in_and_a_member_page() {
    let axe = axe_source();
    let dir = temp_dir("browser");
    let server = Server::start(&dir, None, &[]);
    let mut args = vec![
        "user",
        "create",
        "--email",
        "officer@issy.example",
        "--role",
        "editor",
        "--organisation",
        "fr-issy",
        "--name",
        "Morgane Millon",
    ];
    let dbargs = db_args(&dir, None);
    args.extend(dbargs.iter().map(String::as_str));
    let out = run(&args, "a long enough password\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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

        // French, from the browser's language.
        c.goto(&format!("{base}/")).await.unwrap();
        assert_eq!(html_lang(&c).await, "fr");
        let h1 = find(&c, Locator::Css("h1")).await.text().await.unwrap();
        assert_eq!(h1, "Groupe-pays Corée");
        shot(&c, &shots, "home-fr").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (home, fr): {v:#?}");

        // Korean, through the switch.
        find(&c, Locator::Css("nav.lang-switch a[lang=ko]"))
            .await
            .click()
            .await
            .unwrap();
        assert_eq!(html_lang(&c).await, "ko");
        let body = find(&c, Locator::Css("main")).await.text().await.unwrap();
        for hangul in ["한국 국가별 그룹", "구로구", "수원시", "대구광역시"] {
            assert!(
                body.contains(hangul),
                "{hangul} missing from the Korean home page"
            );
        }
        shot(&c, &shots, "home-ko").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (home, ko): {v:#?}");

        // English, then the choice is remembered without ?lang.
        find(&c, Locator::Css("nav.lang-switch a[lang=en]"))
            .await
            .click()
            .await
            .unwrap();
        assert_eq!(html_lang(&c).await, "en");
        c.goto(&format!("{base}/organisations")).await.unwrap();
        assert_eq!(html_lang(&c).await, "en");
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (organisations, en): {v:#?}");

        // Sign in with the keyboard-reachable form.
        find(&c, Locator::Css(".account a[href='/login']"))
            .await
            .click()
            .await
            .unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (login, en): {v:#?}");
        find(&c, Locator::Id("email"))
            .await
            .send_keys("officer@issy.example")
            .await
            .unwrap();
        find(&c, Locator::Id("password"))
            .await
            .send_keys("a long enough password")
            .await
            .unwrap();
        find(&c, Locator::Css("form.stacked button[type=submit]"))
            .await
            .click()
            .await
            .unwrap();
        let who = find(&c, Locator::Css(".account .who"))
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(who, "Morgane Millon");

        // A member's page, from the home page.
        c.goto(&format!("{base}/?lang=ko")).await.unwrap();
        find(&c, Locator::Css("a[href='/organisations/fr-issy']"))
            .await
            .click()
            .await
            .unwrap();
        assert!(c
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/organisations/fr-issy"));
        let h1 = find(&c, Locator::Css("h1")).await.text().await.unwrap();
        assert!(h1.contains("이시레물리노"), "{h1}");
        let main = find(&c, Locator::Css("main")).await.text().await.unwrap();
        assert!(
            main.contains("구로구") && main.contains("자매결연"),
            "the twinning with Guro is listed"
        );
        shot(&c, &shots, "member-ko").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (member page, ko): {v:#?}");

        // A missing page answers in the user's language.
        c.goto(&format!("{base}/organisations/nowhere"))
            .await
            .unwrap();
        let h1 = find(&c, Locator::Css("h1")).await.text().await.unwrap();
        assert_eq!(h1, "페이지를 찾을 수 없습니다");

        c.close().await.unwrap();
    });
    assert!(server.stop().success());
    let _ = std::fs::remove_dir_all(dir);
}
