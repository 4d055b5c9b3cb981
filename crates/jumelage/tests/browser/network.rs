//! A second country group, set up and run from its pages only (the secretariat's account is the
//! one thing made on the command line): the group for Senegal with Dakar's zone, a Senegalese
//! city added to the register, members found by search, its coordinator invited by e-mail from
//! the members page (the link received through a real SMTP server on loopback), who then
//! creates a meeting at 10:00 in Dakar shown with Paris time, a series and a seminar with three presentations, consultation links e-mailed
//! (received by a real SMTP server on loopback), a line-up that comes out partial and says why.
//! Every page passes axe-core, and at phone width (390 px) none is wider than the screen.

use std::time::Duration;

use fantoccini::{Client, Locator};

use storage::testing::TestDb;
use storage::Engine;

use crate::common::{temp_dir, Server};
use crate::kit::*;

/// Sets a form field's value as a person would leave it (dates and times included).
async fn set(c: &Client, id: &str, value: &str) {
    find(c, Locator::Css(&format!("[id='{id}']"))).await;
    c.execute(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];",
        vec![id.into(), value.into()],
    )
    .await
    .unwrap();
}

async fn click(c: &Client, css: &str) {
    find(c, Locator::Css(css)).await.click().await.unwrap();
}

async fn page_text(c: &Client) -> String {
    find(c, Locator::Css("main")).await.text().await.unwrap()
}

async fn clean(c: &Client, axe: &str, visited: &mut Vec<String>) {
    let url = c.current_url().await.unwrap().to_string();
    let v = accessibility_violations(c, axe).await;
    assert!(v.is_empty(), "{url}: {v:?}");
    visited.push(url);
}

/// Opens `url` and checks that nothing on it is wider than the window.
async fn fits_the_screen(c: &Client, url: &str) {
    c.goto(url).await.unwrap();
    find(c, Locator::Css("main")).await;
    let widths = c
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    let w: Vec<i64> = serde_json::from_value(widths).unwrap();
    let wide = c
        .execute(
            "return [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
               .slice(0, 5)
               .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 40) + ' ' +
                         Math.round(e.getBoundingClientRect().right));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        w[0] <= w[1],
        "{url} is {} px wide on a {} px screen: {wide}",
        w[0],
        w[1]
    );
}

/// The text of the first message to `to` that the SMTP server received.
fn wait_for_mail(smtp: &LoopbackSmtp, to: &str) -> String {
    for _ in 0..120 {
        if let Some((_, body)) = smtp.messages().into_iter().find(|(t, _)| t == to) {
            return body;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!("no message to {to}: {:?}", smtp.messages());
}

#[test]
fn a_second_group_is_set_up_and_run_from_its_pages_on_sqlite() {
    story(Engine::Sqlite);
}

#[test]
fn a_second_group_is_set_up_and_run_from_its_pages_on_postgres() {
    story(Engine::Postgres);
}

fn story(engine: Engine) {
    let axe = axe_source();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = rt.block_on(TestDb::empty(engine)).unwrap();
    let url = (engine == Engine::Postgres).then_some(db.url.clone());
    let dir = temp_dir("browser-network");
    let maildir = dir.join("maildir");
    let smtp = LoopbackSmtp::start(maildir.clone());
    let smtp_url = format!("smtp://127.0.0.1:{}", smtp.port);
    let server = Server::start(
        &dir,
        url.as_deref(),
        &[
            "--smtp-url",
            &smtp_url,
            "--mail-from",
            "Jumelage <no-reply@example.org>",
        ],
    );
    create_user_on(
        &dir,
        url.as_deref(),
        &[
            "--email",
            "staff@cuf.example",
            "--role",
            "secretariat",
            "--name",
            "Secrétariat",
        ],
    );
    let (_driver, port) = start_driver();
    rt.block_on(async {
        let c = browser(port, &dir.join("profile")).await;
        let base = server.url.clone();
        let mut visited = Vec::new();
        sign_in(&c, &base, "staff@cuf.example").await;

        // A Senegalese city enters the register with Senegal's own level.
        c.goto(&format!("{base}/organisations/new?country=SN&lang=fr"))
            .await
            .unwrap();
        clean(&c, &axe, &mut visited).await;
        set(&c, "name_fr", "Ville de Dakar").await;
        set(&c, "level", "sn_city").await;
        set(&c, "population", "1438725").await;
        click(&c, "form.stacked button[type=submit]").await;
        wait_contains(&c, Locator::Css("h1"), "Ville de Dakar").await;
        let dakar_page = c.current_url().await.unwrap().to_string();
        assert!(
            page_text(&c).await.contains("Sénégal"),
            "the country by its name"
        );
        clean(&c, &axe, &mut visited).await;
        let dakar = dakar_page.rsplit('/').next().unwrap().to_string();

        // Its international-relations officer, with an address.
        c.goto(&format!("{base}/organisations/{dakar}/people/new"))
            .await
            .unwrap();
        set(&c, "name", "Awa Ndiaye").await;
        set(&c, "email", "awa.ndiaye@dakar.example").await;
        click(&c, "#save-record").await;
        wait_contains(&c, Locator::Css("main"), "Awa Ndiaye").await;

        // The group, with Dakar's zone.
        c.goto(&format!("{base}/groups/new?lang=fr")).await.unwrap();
        clean(&c, &axe, &mut visited).await;
        set(&c, "id", "sn").await;
        set(&c, "names.fr", "Groupe-pays Sénégal").await;
        set(&c, "names.en", "Senegal country group").await;
        set(&c, "country", "SN").await;
        set(&c, "time_zones", "Africa/Dakar").await;
        set(&c, "languages", "fr, en, wo").await;
        set(&c, "hashtags", "#SenegalFrance").await;
        click(&c, "#save-record").await;
        wait_contains(&c, Locator::Css("h1"), "Groupe-pays Sénégal").await;
        clean(&c, &axe, &mut visited).await;

        // With script, the matches come as one types (no button pressed).
        find(&c, Locator::Id("q"))
            .await
            .send_keys("Issy")
            .await
            .unwrap();
        find(
            &c,
            Locator::Css("#pick-results #organisation option[value='fr-issy']"),
        )
        .await;

        // Members found by name, French and Senegalese.
        for (q, org) in [("Dakar", dakar.as_str()), ("Tours", "fr-tours")] {
            set(&c, "q", q).await;
            click(&c, "form[role=search] button").await;
            find(
                &c,
                Locator::Css(&format!("#organisation option[value='{org}']")),
            )
            .await;
            set(&c, "organisation", org).await;
            click(&c, "#add-member").await;
            find(&c, Locator::Css(&format!("#member-{org}"))).await;
        }
        clean(&c, &axe, &mut visited).await;

        // The group's coordinator, invited from the members page by e-mail.
        click(&c, "#invite-to-group").await;
        find(&c, Locator::Css("#group option[value='sn'][selected]")).await;
        clean(&c, &axe, &mut visited).await;
        set(&c, "email", "moussa.diop@dakar.example").await;
        set(&c, "name", "Moussa Diop").await;
        click(&c, "#save-record").await;
        wait_contains(&c, Locator::Id("form-notice"), "moussa.diop@dakar.example").await;
        let link = wait_for_mail(&smtp, "moussa.diop@dakar.example")
            .split_whitespace()
            .find(|w| w.contains("/invitations/"))
            .expect("the invitation link")
            .to_string();
        assert!(
            link.starts_with(&base),
            "{link} is the address the server is reached at"
        );
        sign_out(&c).await;
        c.goto(&link).await.unwrap();
        clean(&c, &axe, &mut visited).await;
        set(&c, "password", "a long enough password").await;
        set(&c, "password_confirm", "a long enough password").await;
        click(&c, "form.stacked button[type=submit]").await;
        wait_contains(&c, Locator::Css(".account .who"), "Moussa Diop").await;
        let menu = find(&c, Locator::Css("a.my-group"))
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(menu, "Groupe-pays Sénégal", "the menu leads to the group");

        // A meeting at 10:00 in Dakar, shown with Paris time.
        c.goto(&format!("{base}/meetings/new?group=sn&lang=fr"))
            .await
            .unwrap();
        clean(&c, &axe, &mut visited).await;
        set(&c, "title_fr", "Réunion de lancement").await;
        set(&c, "date", "2027-01-14").await;
        set(&c, "start_time", "10:00").await;
        set(&c, "end_time", "11:30").await;
        set(&c, "time_zone", "Africa/Dakar").await;
        click(&c, "form.stacked button[type=submit]").await;
        wait_contains(&c, Locator::Id("when"), "(Dakar)").await;
        let when = find(&c, Locator::Id("when")).await.text().await.unwrap();
        assert!(
            when.contains("11:00–12:30 (Paris)") && when.contains("10:00–11:30 (Dakar)"),
            "{when}"
        );
        clean(&c, &axe, &mut visited).await;

        // The group's first roadmap, written on its page.
        c.goto(&format!("{base}/groups/sn/roadmap?lang=fr"))
            .await
            .unwrap();
        find(&c, Locator::Css("[id='axes[0].title.fr']")).await;
        clean(&c, &axe, &mut visited).await;
        set(&c, "summary.fr", "Première année du groupe").await;
        set(&c, "axes[0].title.fr", "Gestion des déchets").await;
        set(&c, "axes[0].actions[0].title.fr", "Tour franco-sénégalais").await;
        set(&c, "axes[0].actions[0].owner_organisation", &dakar).await;
        click(&c, "#save-roadmap").await;
        wait_contains(&c, Locator::Css("main"), "Tour franco-sénégalais").await;
        assert!(
            page_text(&c).await.contains("Ville de Dakar"),
            "the owner by name"
        );
        clean(&c, &axe, &mut visited).await;

        // A series, a seminar, three presentations found by organisation.
        c.goto(&format!("{base}/seminars?group=sn&lang=fr"))
            .await
            .unwrap();
        clean(&c, &axe, &mut visited).await;
        click(&c, "#new-series").await;
        set(&c, "year", "2027").await;
        set(&c, "title.fr", "Tour franco-sénégalais 2027").await;
        click(&c, "#save-record").await;
        find(&c, Locator::Css("[id='theme.fr']")).await;
        clean(&c, &axe, &mut visited).await;
        set(&c, "theme.fr", "Gestion des déchets").await;
        set(&c, "planned_period", "2027-03").await;
        click(&c, "#save-record").await;
        find(&c, Locator::Id("add-presentation")).await;
        for (q, org, title) in [
            ("Dakar", dakar.as_str(), "Le tri à Dakar"),
            ("Tours", "fr-tours", "Compostage à Tours"),
            ("Issy", "fr-issy", "Collecte connectée"),
        ] {
            set(&c, "q", q).await;
            click(&c, "#find-organisation").await;
            find(
                &c,
                Locator::Css(&format!("#organisation_id option[value='{org}']")),
            )
            .await;
            set(&c, "organisation_id", org).await;
            set(&c, "title.fr", title).await;
            click(&c, "#add-presentation").await;
            wait_contains(&c, Locator::Id("programme"), title).await;
        }
        clean(&c, &axe, &mut visited).await;

        // The slot finder works in Paris and Dakar, with Senegal's public holidays.
        let programme = c.current_url().await.unwrap().to_string();
        let seminar = programme
            .split("/seminars/")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap()
            .to_string();
        c.goto(&format!("{base}/seminars/{seminar}/slots?lang=fr"))
            .await
            .unwrap();
        wait_contains(&c, Locator::Css("label[for=start_1]"), "Dakar").await;
        let first = find(&c, Locator::Css("ul.slots li"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            first.contains("(Paris)") && first.contains("(Dakar)"),
            "{first}"
        );
        clean(&c, &axe, &mut visited).await;

        // The consultation: links e-mailed to the contacts of those who have not answered.
        c.goto(&format!("{base}/series/tour-sn-2027/consultation?lang=fr"))
            .await
            .unwrap();
        click(&c, "button[value=open]").await;
        click(&c, "#send-links").await;
        wait_contains(&c, Locator::Css(".notice[role=status]"), "Un courriel").await;
        clean(&c, &axe, &mut visited).await;

        // No candidate yet: the line-up is partial and says which places stay empty.
        c.goto(&format!("{base}/series/tour-sn-2027/lineup?lang=fr"))
            .await
            .unwrap();
        wait_contains(
            &c,
            Locator::Id("lineup-status"),
            "Aucune composition complète",
        )
        .await;
        let unfilled = find(&c, Locator::Id("lineup-unfilled"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            unfilled.contains("Sénégal : 2 places restent vides"),
            "{unfilled}"
        );
        assert!(
            unfilled.contains("France : 2 places restent vides"),
            "{unfilled}"
        );
        clean(&c, &axe, &mut visited).await;

        // At phone width, no page is wider than the screen, in French, then for a Korean
        // official on a phone in Korean, and in English (every page again, axe-core included).
        c.set_window_size(390, 844).await.unwrap();
        for url in &visited {
            fits_the_screen(&c, url).await;
        }
        for lang in ["ko", "en"] {
            for url in &visited {
                let other = if url.contains("lang=fr") {
                    url.replace("lang=fr", &format!("lang={lang}"))
                } else if url.contains('?') {
                    format!("{url}&lang={lang}")
                } else {
                    format!("{url}?lang={lang}")
                };
                fits_the_screen(&c, &other).await;
                assert_eq!(
                    c.execute("return document.documentElement.lang;", vec![])
                        .await
                        .unwrap(),
                    lang,
                    "{other}"
                );
                let v = accessibility_violations(&c, &axe).await;
                assert!(v.is_empty(), "{other}: {v:?}");
            }
        }
        c.close().await.unwrap();
    });

    // The link reached Awa Ndiaye through the SMTP server.
    let got = wait_for_mail(&smtp, "awa.ndiaye@dakar.example");
    assert!(got.contains("/consult/"), "{got}");
    assert!(
        got.contains("Groupe-pays Sénégal"),
        "signed by the group: {got}"
    );
    assert!(server.stop().success());
    drop(smtp);
    rt.block_on(db.cleanup());
    let _ = std::fs::remove_dir_all(dir);
}
