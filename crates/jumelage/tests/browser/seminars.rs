//! The seminar series: consultation by link, the line-up, an e-mailed invitation.

use std::process::Command;
use std::time::Duration;

use fantoccini::Locator;

use crate::common::{temp_dir, Server};
use crate::kit::*;

#[test]
fn consultation_by_link_line_up_with_a_lock_and_an_e_mailed_invitation() {
    let axe = axe_source();
    let dir = temp_dir("browser-seminars");
    let smtp = LoopbackSmtp::start(dir.join("maildir"));
    let smtp_url = format!("smtp://127.0.0.1:{}", smtp.port);
    let server = Server::start(
        &dir,
        None,
        &[
            "--smtp-url",
            &smtp_url,
            "--mail-from",
            "Jumelage <no-reply@example.org>",
        ],
    );
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
    let (_driver, port) = start_driver();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let c = browser(port, &dir.join("profile")).await;
        let base = server.url.clone();

        // The coordinator makes Seocho's personal link.
        sign_in(&c, &base, "coord@cuf.example").await;
        c.goto(&format!("{base}/series/tour-kr-2021/consultation"))
            .await
            .unwrap();
        let v = accessibility_violations(&c, &axe).await;
        assert!(
            v.is_empty(),
            "accessibility (consultation progress): {v:#?}"
        );
        find(&c, Locator::Id("link-kr-seocho"))
            .await
            .click()
            .await
            .unwrap();
        let link = find(
            &c,
            Locator::Css("input.link-copy[data-organisation='kr-seocho']"),
        )
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap();
        sign_out(&c).await;

        // Seocho answers through its link, in Korean, without an account.
        c.goto(&format!("{link}?lang=ko")).await.unwrap();
        assert_eq!(html_lang(&c).await, "ko");
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (answer form, ko): {v:#?}");
        let select = |id: &'static str, value: &'static str| {
            let c = c.clone();
            async move {
                find(&c, Locator::Css(&format!("#{id} option[value='{value}']")))
                    .await
                    .click()
                    .await
                    .unwrap();
            }
        };
        // The demo answer is there already; the member changes it.
        select("rank-tour-kr-2021-3", "1").await;
        select("rank-tour-kr-2021-2", "").await;
        select("rank-tour-kr-2021-1", "2").await;
        find(&c, Locator::Id("willing-yes"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Id("availability"))
            .await
            .send_keys("11월, 12월")
            .await
            .unwrap();
        find(&c, Locator::Id("comments"))
            .await
            .send_keys("서초구는 사회복지 세미나를 함께 진행하고 싶습니다.")
            .await
            .unwrap();
        find(&c, Locator::Id("send-answer"))
            .await
            .click()
            .await
            .unwrap();
        wait_text(
            &c,
            Locator::Id("saved"),
            "감사합니다. 응답이 저장되었습니다. 같은 링크로 수정할 수 있습니다.",
        )
        .await;

        // The coordinator builds the line-up, keeps Seocho in seminar 3, and solves again.
        sign_in(&c, &base, "coord@cuf.example").await;
        c.goto(&format!("{base}/series/tour-kr-2021/lineup?lang=fr"))
            .await
            .unwrap();
        find(&c, Locator::Id("lineup-status")).await;
        let v = accessibility_violations(&c, &axe).await;
        assert!(v.is_empty(), "accessibility (line-up): {v:#?}");
        let seminar3 = "#seminar-tour-kr-2021-3";
        let ids: Vec<String> = {
            let mut out = Vec::new();
            for e in c
                .find_all(Locator::Css(&format!("{seminar3} li.facilitator")))
                .await
                .unwrap()
            {
                out.push(e.attr("data-organisation").await.unwrap().unwrap());
            }
            out
        };
        assert_eq!(ids.len(), 4, "two French and two Korean facilitators");
        let korean = ids.iter().find(|i| i.starts_with("kr-")).unwrap().clone();
        find(&c, Locator::Id(&format!("lock-tour-kr-2021-3-{korean}")))
            .await
            .click()
            .await
            .unwrap();
        find(
            &c,
            Locator::Css(&format!(
                "{seminar3} li.facilitator[data-organisation='{korean}'] [data-locked]"
            )),
        )
        .await;
        shot(&c, &shots(), "lineup-locked").await;
        // Solving again (after removing a French facilitator) keeps the lock.
        let french = ids.iter().find(|i| i.starts_with("fr-")).unwrap().clone();
        find(
            &c,
            Locator::Css(&format!(
                "{seminar3} li.facilitator[data-organisation='{french}'] button[value=remove]"
            )),
        )
        .await
        .click()
        .await
        .unwrap();
        wait_text(
            &c,
            Locator::Css(".notice[role=status]"),
            "Composition recalculée.",
        )
        .await;
        let now: Vec<String> = {
            let mut out = Vec::new();
            for e in c
                .find_all(Locator::Css(&format!("{seminar3} li.facilitator")))
                .await
                .unwrap()
            {
                out.push(e.attr("data-organisation").await.unwrap().unwrap());
            }
            out
        };
        assert!(now.contains(&korean), "the lock holds: {now:?}");
        assert!(!now.contains(&french), "the removal holds: {now:?}");
        assert_eq!(now.len(), 4);

        // The coordinator schedules seminar 1 at the first slot that suits both countries, in
        // a June to come (registration closes once a seminar is over).
        c.goto(&format!(
            "{base}/seminars/tour-kr-2021-1/slots?from=2027-06-01&to=2027-06-30"
        ))
        .await
        .unwrap();
        find(&c, Locator::Css("ul.slots li form button"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Css("a[href$='.ics']")).await;
        sign_out(&c).await;

        // A member registers; the invitation goes out by e-mail.
        sign_in(&c, &base, "officer@issy.example").await;
        c.goto(&format!("{base}/seminars/tour-kr-2021-1"))
            .await
            .unwrap();
        find(&c, Locator::Id("register"))
            .await
            .click()
            .await
            .unwrap();
        find(&c, Locator::Id("notice")).await;
        c.close().await.unwrap();
    });

    // The worker sends within a few seconds; the message and its calendar file are read with
    // Python's email and icalendar.
    let check = r#"
import sys, mailbox, email.header, datetime, icalendar
box = mailbox.Maildir(sys.argv[1], create=False)
msgs = list(box)
if not msgs:
    print('none'); sys.exit(0)
m = msgs[0]
body = [p for p in m.walk() if p.get_content_type() == 'text/plain'][0].get_payload(decode=True).decode()
ics = [p for p in m.walk() if p.get_content_type() == 'text/calendar'][0].get_payload(decode=True).decode()
ev = icalendar.Calendar.from_ical(ics).walk('VEVENT')[0]
start = ev.decoded('DTSTART')
print(len(msgs), m['To'])
print('(Paris)' in body, '(Séoul)' in body)
print(start.astimezone(datetime.timezone(datetime.timedelta(hours=9))).strftime('%H:%M'), start.astimezone(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M'))
"#;
    let mut out = String::new();
    for _ in 0..60 {
        let o = Command::new(python())
            .args(["-c", check])
            .arg(&smtp.dir)
            .output()
            .unwrap();
        out = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
        if !out.starts_with("none") && o.status.success() {
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("1 officer@issy.example"),
        "{out}"
    );
    assert_eq!(
        lines[1], "True True",
        "both Paris and Seoul times in the body: {out}"
    );
    assert_eq!(
        lines[2], "16:00 2027-06-01 07:00",
        "09:00 Paris = 16:00 Seoul on 1 June 2027: {out}"
    );
    assert!(server.stop().success());
    drop(smtp);
    let _ = std::fs::remove_dir_all(dir);
}
