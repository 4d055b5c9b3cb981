//! The register: a member editor edits its own organisation and is refused another's; the
//! secretariat imports a file with one bad row and nothing changes; "구로" in the Korean interface
//! finds Guro; the map draws the Issy–Guro line.

use fantoccini::Locator;

use crate::common::{temp_dir, Server};
use crate::kit::*;

#[test]
fn editing_importing_finding_and_the_map() {
    let axe = axe_source();
    let dir = temp_dir("browser-register");
    let server = Server::start(&dir, None, &[]);
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
    create_user(
        &dir,
        &[
            "--email",
            "staff@cuf.example",
            "--role",
            "secretariat",
            "--name",
            "Claire S.",
        ],
    );
    // One good row and one bad one (a population that is not a number, on row 3).
    let csv = dir.join("members.csv");
    std::fs::write(
        &csv,
        "id,kind,country,level,parent_id,name_fr,name_ko,name_ko_latn,name_en,population,population_year,lat,lon,seat_name,website,notes\n\
         fr-rennes,local_authority,FR,commune,,Ville de Rennes,렌,,City of Rennes,222485,2021,48.11,-1.68,Rennes,,\n\
         kr-jeonju,local_authority,KR,city,,,전주시,,,beaucoup,2021,,,,,\n",
    )
    .unwrap();
    let shots = shots();
    let (_driver, port) = start_driver();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let c = browser(port, &dir.join("profile")).await;
        let base = server.url.clone();

        // The editor edits Issy's record; the history keeps the old value.
        sign_in(&c, &base, "officer@issy.example").await;
        c.goto(&format!("{base}/organisations/fr-issy"))
            .await
            .unwrap();
        find(&c, Locator::Id("edit-organisation"))
            .await
            .click()
            .await
            .unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (edit form): {v:#?}");
        let notes = find(&c, Locator::Id("notes")).await;
        notes.clear().await.unwrap();
        notes
            .send_keys("<script>alert(1)</script> Contact : relations internationales")
            .await
            .unwrap();
        find(&c, Locator::Id("save-organisation"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Id("history-heading")).await;
        let body = find(&c, Locator::Css("main")).await.text().await.unwrap();
        assert!(
            body.contains("<script>alert(1)</script> Contact"),
            "shown as text: {body}"
        );
        shot(&c, &shots, "organisation-history").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(
            v.is_empty(),
            "accessibility (organisation with history): {v:#?}"
        );

        // A contact of Issy, added on a page.
        find(&c, Locator::Id("add-person"))
            .await
            .click()
            .await
            .unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (contact form): {v:#?}");
        find(&c, Locator::Id("name"))
            .await
            .send_keys("Camille Martin")
            .await
            .unwrap();
        find(&c, Locator::Id("title_ko"))
            .await
            .send_keys("한국 담당관")
            .await
            .unwrap();
        find(&c, Locator::Id("save-record"))
            .await
            .click()
            .await
            .unwrap();
        wait_contains(&c, Locator::Css("main"), "한국 담당관").await;

        // The Issy–Guro partnership: status and themes changed on its form, an agreement
        // attached; the status timeline shows the change.
        c.goto(&format!("{base}/partnerships/p-issy-guro"))
            .await
            .unwrap();
        find(&c, Locator::Id("edit-partnership"))
            .await
            .click()
            .await
            .unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (partnership form): {v:#?}");
        find(&c, Locator::Css("select#status option[value='dormant']"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Css("input[name='themes'][value='sport']"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Id("save-record"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Id("timeline-heading")).await;
        let body = find(&c, Locator::Css("main")).await.text().await.unwrap();
        assert!(body.contains("Actif → En sommeil"), "{body}");
        assert!(body.contains("Sport"), "{body}");
        let agreement = dir.join("accord-issy-guro.pdf");
        std::fs::write(
            &agreement,
            b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
        )
        .unwrap();
        find(&c, Locator::Id("doc-title"))
            .await
            .send_keys("Accord de jumelage")
            .await
            .unwrap();
        find(&c, Locator::Id("doc-file"))
            .await
            .send_keys(agreement.to_str().unwrap())
            .await
            .unwrap();
        find(&c, Locator::Id("upload-document"))
            .await
            .click()
            .await
            .unwrap();
        wait_contains(&c, Locator::Css("main"), "accord-issy-guro.pdf").await;
        shot(&c, &shots, "partnership-timeline").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (partnership page): {v:#?}");

        // Another member's record: no edit button, and the form is refused.
        c.goto(&format!("{base}/organisations/kr-guro"))
            .await
            .unwrap();
        assert!(c.find(Locator::Id("edit-organisation")).await.is_err());
        c.goto(&format!("{base}/organisations/kr-guro/edit"))
            .await
            .unwrap();
        let alert = find(&c, Locator::Css("p[role=alert]"))
            .await
            .text()
            .await
            .unwrap();
        assert!(alert.contains("pas le droit"), "{alert}");
        let status = find(&c, Locator::Css("main p.muted"))
            .await
            .text()
            .await
            .unwrap();
        assert!(status.contains("403"), "{status}");
        sign_out(&c).await;

        // The secretariat imports a file with one bad row: the row is named, nothing stored.
        sign_in(&c, &base, "staff@cuf.example").await;
        c.goto(&format!("{base}/import")).await.unwrap();
        find(&c, Locator::Id("file"))
            .await
            .send_keys(csv.to_str().unwrap())
            .await
            .unwrap();
        find(&c, Locator::Id("import-check"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Id("import-failed")).await;
        let errors = find(&c, Locator::Id("import-errors"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            errors.contains('3') && errors.contains("population"),
            "{errors}"
        );
        assert!(c.find(Locator::Id("import-confirm")).await.is_err());
        shot(&c, &shots, "import-bad-row").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (import errors): {v:#?}");
        c.goto(&format!("{base}/organisations/fr-rennes"))
            .await
            .unwrap();
        let h1 = find(&c, Locator::Css("h1")).await.text().await.unwrap();
        assert!(!h1.contains("Rennes"), "nothing was stored: {h1}");
        sign_out(&c).await;

        // The theme list, in Korean, as the secretariat sees it (with its editing links).
        sign_in(&c, &base, "staff@cuf.example").await;
        c.goto(&format!("{base}/themes?lang=ko")).await.unwrap();
        wait_contains(&c, Locator::Css("main"), "문화·예술").await;
        find(&c, Locator::Id("new-theme")).await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (themes): {v:#?}");
        c.goto(&format!("{base}/themes/new?lang=ko")).await.unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (theme form): {v:#?}");
        sign_out(&c).await;

        // "구로" typed in the search box of the Korean interface finds Guro.
        c.goto(&format!("{base}/search?lang=ko")).await.unwrap();
        assert_eq!(html_lang(&c).await, "ko");
        find(&c, Locator::Id("q"))
            .await
            .send_keys("구로")
            .await
            .unwrap();
        find(&c, Locator::Id("search-submit"))
            .await
            .click()
            .await
            .unwrap();
        let results = find(&c, Locator::Id("search-results")).await;
        let first = results.find(Locator::Css("li a")).await.unwrap();
        assert_eq!(
            first.attr("href").await.unwrap().as_deref(),
            Some("/organisations/kr-guro")
        );
        assert_eq!(first.text().await.unwrap(), "구로구");
        shot(&c, &shots, "search-ko").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (search): {v:#?}");

        // The map (still in Korean) draws the Issy–Guro line between the two seats.
        c.goto(&format!("{base}/map")).await.unwrap();
        find(&c, Locator::Css("circle[data-organisation='fr-issy']")).await;
        find(&c, Locator::Css("circle[data-organisation='kr-guro']")).await;
        let line = find(
            &c,
            Locator::Css("path.link[data-partnership='p-issy-guro']"),
        )
        .await;
        let d = line.attr("d").await.unwrap().unwrap_or_default();
        assert!(d.starts_with('M') && d.len() > 10, "a drawn line: {d}");
        let title = line.html(true).await.unwrap();
        assert!(
            title.contains("이시레물리노") && title.contains("구로구"),
            "{title}"
        );
        shot(&c, &shots, "map").await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (map): {v:#?}");
        c.close().await.unwrap();
    });
    assert!(server.stop().success());
    let _ = std::fs::remove_dir_all(dir);
}
