//! The roadmap edited on its page: axes, actions and milestones added, ordered and removed in
//! one form without script; a refused save keeps everything typed with the error on its field;
//! what a save replaces stays in the change history.

use domain::accounts::Role;
use storage::both_engines;

use crate::support::TestApp;

both_engines!(a_coordinator_edits_the_roadmap_on_its_page, |db| {
    let app = TestApp::new(db).await;
    app.user("coord@kr.example", Role::Coordinator { group: "kr".into() })
        .await;
    let (cookie, csrf) = app.sign_in("coord@kr.example").await;
    let h = [("cookie", cookie.as_str())];
    // The demo roadmap, in the form.
    let form = app
        .get_with("/groups/kr/roadmap/2021/edit?lang=fr", &h)
        .await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(
        form.body.contains("name=\"axes[0].title.fr\""),
        "{}",
        form.body
    );
    assert!(form.body.contains("Nouvel axe"), "a blank axis to add one");
    assert!(
        form.body.contains("<option value=\"2021-early\""),
        "periods picked"
    );
    let show = app.get_with("/groups/kr/roadmap/2021?lang=fr", &h).await;
    assert!(show.body.contains("href=\"/groups/kr/roadmap/2022/edit\""));

    // Next year's, from nothing.
    let mut fields = vec![
        ("csrf_token", csrf.as_str()),
        ("summary.fr", "Feuille de route de l'année"),
        ("axes[0].title.fr", "Culture"),
        ("axes[0].order", "2"),
        ("axes[0].actions[0].title.fr", "Festival coréen"),
        ("axes[0].actions[0].owner_organisation", "fr-tours"),
        ("axes[0].actions[0].period", "2022-06"),
        ("axes[0].actions[0].status", "planned"),
        (
            "axes[0].actions[0].milestones[0].title.fr",
            "Programme arrêté",
        ),
        ("axes[0].actions[0].milestones[0].period", "2022-early"),
        ("axes[0].actions[1].title.fr", ""),
        ("axes[1].title.fr", "Économie"),
        ("axes[1].order", "1"),
        ("axes[1].actions[0].title.fr", "Mission d'affaires"),
        ("axes[1].actions[0].period", "2022-13"),
        ("axes[2].title.fr", ""),
    ];
    let refused = app
        .form("/groups/kr/roadmap/2022/edit?lang=fr", &fields, &h)
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("id=\"axes[1].actions[0].period\" name=\"axes[1].actions[0].period\" aria-invalid=\"true\""),
        "the error on the field as typed, not as reordered: {}",
        refused.body
    );
    assert!(refused.body.contains("value=\"Festival coréen\""));
    assert!(refused.body.contains("value=\"2022-13\" selected"), "kept");
    assert_eq!(
        app.get("/api/v1/groups/kr/roadmaps/2022").await.status,
        404,
        "nothing stored"
    );
    fields.retain(|(k, _)| *k != "axes[1].actions[0].period");
    let saved = app.form("/groups/kr/roadmap/2022/edit", &fields, &h).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let r = app.get("/api/v1/groups/kr/roadmaps/2022").await.json();
    assert_eq!(r["axes"][0]["title"]["fr"], "Économie", "ordered: {r}");
    assert_eq!(r["axes"][1]["actions"][0]["title"]["fr"], "Festival coréen");
    assert_eq!(r["axes"][1]["actions"].as_array().unwrap().len(), 1);
    assert_eq!(
        r["axes"][1]["actions"][0]["milestones"][0]["period"],
        "2022-early"
    );

    // Removing an action: the replaced version stays in the history.
    let removed = app
        .form(
            "/groups/kr/roadmap/2022/edit",
            &[
                ("csrf_token", csrf.as_str()),
                ("axes[0].title.fr", "Économie"),
                ("axes[0].actions[0].title.fr", "Mission d'affaires"),
                ("axes[0].actions[0].remove", "on"),
                ("axes[1].title.fr", "Culture"),
                ("axes[1].actions[0].title.fr", "Festival coréen"),
            ],
            &h,
        )
        .await;
    assert_eq!(removed.status, 303, "{}", removed.body);
    let r = app.get("/api/v1/groups/kr/roadmaps/2022").await.json();
    assert!(r["axes"][0]["actions"].as_array().unwrap().is_empty());
    let history = app.db.history("roadmap", "rm-kr-2022").await.unwrap();
    assert_eq!(history.len(), 2);
    assert!(history[0]
        .old_value
        .as_deref()
        .unwrap()
        .contains("Mission d'affaires"));
});
