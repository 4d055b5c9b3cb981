//! The storage story, run on SQLite and on PostgreSQL, each test on its own database.

use domain::accounts::Role;
use domain::directory::{
    Level, Names, OrganisationInput, PartnershipInput, PartnershipKind, Signed,
};
use domain::ErrorKey;
use serde_json::json;
use storage::{both_engines, load_demo, Db, NewUser, OrgFilter, PartnershipFilter};

fn org(id: &str, country: &str, level: &str, fr: &str) -> domain::directory::Organisation {
    OrganisationInput {
        kind: "local_authority".into(),
        country: country.into(),
        level: Some(level.into()),
        names: Names {
            fr: Some(fr.into()),
            ..Default::default()
        },
        ..Default::default()
    }
    .validate(id.into())
    .unwrap()
}

async fn insert(db: &Db, o: &domain::directory::Organisation) {
    let mut tx = db.begin().await.unwrap();
    db.insert_organisation(&mut tx, o, &json!({}))
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

both_engines!(demo_data_loads_whole, |db| {
    assert!(db.is_empty().await.unwrap());
    assert!(load_demo(&db).await.unwrap());
    assert!(!db.is_empty().await.unwrap());
    assert!(!load_demo(&db).await.unwrap(), "never loaded twice");
    let (orgs, total) = db
        .organisations(&OrgFilter::default(), 1000, 0)
        .await
        .unwrap();
    // 31 from the group's report, 34 more parties from the wider list of partnerships.
    assert_eq!(total, 65);
    assert_eq!(orgs.len(), 65);
    let guro = db.organisation("kr-guro").await.unwrap().unwrap();
    assert_eq!(guro.org.names.ko.as_deref(), Some("구로구"));
    assert_eq!(guro.org.names.ko_latn.as_deref(), Some("Guro-gu"));
    assert_eq!(guro.org.level, Level::parse("autonomous_district"));
    assert_eq!(guro.org.parent_id.as_deref(), Some("kr-seoul"));
    assert_eq!(guro.org.population, Some(399_950));
    assert!(guro.sources["population"]["source"].is_string());
    let suwon = db.organisation("kr-suwon").await.unwrap().unwrap();
    assert_eq!(suwon.org.names.ko.as_deref(), Some("수원시"));
    let issy = db.organisation("fr-issy").await.unwrap().unwrap();
    assert_eq!(issy.org.seat.unwrap().lat, 48.8239);
    let (partnerships, n) = db
        .partnerships(&PartnershipFilter::default(), 100, 0)
        .await
        .unwrap();
    assert_eq!(
        n, 28,
        "10 from the report (three without a named partner are kept as notes), 18 more from the \
         wider list (8 of its records describe the report's partnerships, one has no French party)"
    );
    let paris_seoul = partnerships
        .iter()
        .find(|p| p.partnership.id == "p-paris-seoul")
        .unwrap();
    assert_eq!(
        paris_seoul.partnership.signed,
        Some(Signed::Date(
            chrono::NaiveDate::from_ymd_opt(1991, 11, 12).unwrap()
        ))
    );
    assert!(paris_seoul.sources["record"][0]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let yeoju = db.organisation("kr-yeoju").await.unwrap().unwrap();
    assert!(
        yeoju.org.notes.unwrap().contains("여주"),
        "a record without a French party is kept"
    );
    let lrsy = db.organisation("fr-lrsy").await.unwrap().unwrap();
    assert!(lrsy
        .org
        .notes
        .unwrap()
        .contains("interested in a Korean partnership"));
    let issy_guro = partnerships
        .iter()
        .find(|p| p.partnership.id == "p-issy-guro")
        .unwrap();
    assert_eq!(
        issy_guro.sources["atlas"]["atlas_id"], "issy-guro",
        "the wider list's sources join the report's"
    );
    assert_eq!(issy_guro.partnership.kind, PartnershipKind::Twinning);
    assert_eq!(issy_guro.partnership.signed, Some(Signed::Year(2005)));
    assert_eq!(issy_guro.partnership.themes.len(), 4);
    let tours = db.partnership("p-tours-suwon").await.unwrap().unwrap();
    assert_eq!(tours.partnership.signed.unwrap().year(), 2019);
    let people = db.people_of("fr-issy").await.unwrap();
    assert!(people.iter().any(|p| p.name == "Claire Guichard"));
    let actions = db.actions_of("fr-issy").await.unwrap();
    let yep = actions.iter().find(|a| a.id == "a-yep").unwrap();
    assert_eq!(yep.partnership_id.as_deref(), Some("p-issy-guro"));
    assert_eq!(yep.start_year, Some(2008));
    let members = db.group_members("kr").await.unwrap();
    assert!(members.len() >= 19);
    let children = db.children("kr-seoul").await.unwrap();
    let ids: Vec<&str> = children.iter().map(|c| c.org.id.as_str()).collect();
    assert_eq!(ids.len(), 4, "Guro, Seocho, Yangcheon, Gangbuk: {ids:?}");
    assert!(ids.contains(&"kr-guro") && ids.contains(&"kr-gangbuk"));
});

both_engines!(filters_and_pagination, |db| {
    load_demo(&db).await.unwrap();
    let kr = OrgFilter {
        country: Some("kr".into()),
        ..Default::default()
    };
    let (page, total) = db.organisations(&kr, 3, 0).await.unwrap();
    assert_eq!(page.len(), 3);
    assert!(total > 3);
    assert!(page.iter().all(|o| o.org.country.as_str() == "KR"));
    let (rest, _) = db.organisations(&kr, 1000, 3).await.unwrap();
    assert_eq!(rest.len() as i64, total - 3);
    let by_name = OrgFilter {
        name: Some("구로".into()),
        ..Default::default()
    };
    let (found, _) = db.organisations(&by_name, 10, 0).await.unwrap();
    assert_eq!(found[0].org.id, "kr-guro");
    let like_chars = OrgFilter {
        name: Some("%".into()),
        ..Default::default()
    };
    assert_eq!(db.organisations(&like_chars, 10, 0).await.unwrap().1, 0);
    let regions = OrgFilter {
        level: Some("region".into()),
        ..Default::default()
    };
    assert_eq!(db.organisations(&regions, 10, 0).await.unwrap().1, 4);
    let issy = PartnershipFilter {
        organisation: Some("fr-issy".into()),
        ..Default::default()
    };
    assert_eq!(db.partnerships(&issy, 10, 0).await.unwrap().1, 2);
});

both_engines!(updates_check_versions_and_keep_data_on_error, |db| {
    insert(&db, &org("fr-a", "FR", "commune", "A")).await;
    let rec = db.organisation("fr-a").await.unwrap().unwrap();
    let mut changed = rec.org.clone();
    changed.names.ko = Some("에이".into());
    db.update_organisation(&changed, rec.version).await.unwrap();
    let again = db
        .update_organisation(&changed, rec.version)
        .await
        .unwrap_err();
    assert_eq!(again.key().unwrap().key, ErrorKey::VersionConflict);
    let after = db.organisation("fr-a").await.unwrap().unwrap();
    assert_eq!(after.version, 2);
    assert_eq!(after.org.names.ko.as_deref(), Some("에이"));
    let dup = {
        let mut tx = db.begin().await.unwrap();
        db.insert_organisation(&mut tx, &org("fr-a", "FR", "commune", "B"), &json!({}))
            .await
            .unwrap_err()
    };
    assert_eq!(dup.key().unwrap().key, ErrorKey::DuplicateId);
    assert_eq!(
        db.organisation("fr-a")
            .await
            .unwrap()
            .unwrap()
            .org
            .names
            .fr
            .as_deref(),
        Some("A")
    );
});

both_engines!(partnership_rules_hold_in_the_database, |db| {
    insert(&db, &org("fr-a", "FR", "commune", "A")).await;
    insert(&db, &org("kr-b", "KR", "city", "B")).await;
    let p = PartnershipInput {
        organisation_a: "fr-a".into(),
        organisation_b: "kr-zzz".into(),
        kind: "twinning".into(),
        themes: vec!["culture".into()],
        ..Default::default()
    }
    .validate("p-1".into())
    .unwrap();
    let mut tx = db.begin().await.unwrap();
    let err = db
        .insert_partnership(&mut tx, &p, &json!({}))
        .await
        .unwrap_err();
    drop(tx);
    assert_eq!(err.key().unwrap().key, ErrorKey::UnknownOrganisation);
    assert_eq!(
        db.partnerships(&Default::default(), 10, 0).await.unwrap().1,
        0
    );
    let mut ok = p.clone();
    ok.organisation_b = "kr-b".into();
    let mut tx = db.begin().await.unwrap();
    db.insert_partnership(&mut tx, &ok, &json!({}))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut edited = ok.clone();
    edited.themes = vec!["jeunesse".into(), "culture".into()];
    db.update_partnership(&edited, 1).await.unwrap();
    let back = db.partnership("p-1").await.unwrap().unwrap();
    assert_eq!(back.partnership.themes, vec!["jeunesse", "culture"]);
    assert_eq!(back.version, 2);
});

both_engines!(accounts_sessions_tokens, |db| {
    load_demo(&db).await.unwrap();
    let user = db
        .create_user(&NewUser {
            email: "Officer@Issy.example".into(),
            display_name: "Officer".into(),
            password: Some("correct horse battery".into()),
            locale: Some("fr".into()),
            roles: vec![Role::Editor {
                organisation: "fr-issy".into(),
            }],
        })
        .await
        .unwrap();
    assert_eq!(user.email, "officer@issy.example");
    let dup = db
        .create_user(&NewUser {
            email: "officer@issy.example".into(),
            display_name: "x".into(),
            password: None,
            locale: None,
            roles: vec![],
        })
        .await
        .unwrap_err();
    assert_eq!(dup.key().unwrap().key, ErrorKey::DuplicateId);
    let bad_org = db
        .create_user(&NewUser {
            email: "x@y.example".into(),
            display_name: "x".into(),
            password: None,
            locale: None,
            roles: vec![Role::Editor {
                organisation: "nowhere".into(),
            }],
        })
        .await
        .unwrap_err();
    assert_eq!(bad_org.key().unwrap().key, ErrorKey::UnknownOrganisation);
    assert!(
        db.user_by_email("x@y.example").await.unwrap().is_none(),
        "nothing half-created"
    );
    assert!(db
        .check_password("officer@issy.example", "wrong")
        .await
        .unwrap()
        .is_none());
    assert!(db
        .check_password("nobody@issy.example", "x")
        .await
        .unwrap()
        .is_none());
    let me = db
        .check_password("OFFICER@issy.example", "correct horse battery")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(me.roles, user.roles);
    let secret = db.create_session(&me.id).await.unwrap();
    let session = db.session(&secret).await.unwrap().unwrap();
    assert_eq!(session.user.id, me.id);
    assert_eq!(session.csrf_token.len(), 64);
    db.delete_session(&secret).await.unwrap();
    assert!(db.session(&secret).await.unwrap().is_none());
    let token = db.create_token(&me.id, "script").await.unwrap();
    assert_eq!(db.user_by_token(&token).await.unwrap().unwrap().id, me.id);
    assert!(db.user_by_token("jmlg_nope").await.unwrap().is_none());
    let first = db.record_attempt(&["a", "b"], 60_000).await.unwrap();
    assert_eq!(first.keys[0].count, 1);
    assert_eq!(first.keys[0].previous_at, None);
    let second = db.record_attempt(&["a"], 60_000).await.unwrap();
    assert_eq!(second.keys[0].count, 2);
    assert_eq!(second.keys[0].previous_at, Some(first.at));
    let third = db.record_attempt(&["a", "b"], 60_000).await.unwrap();
    assert_eq!((third.keys[0].count, third.keys[1].count), (3, 2));
    db.forget_attempt(&third, "a").await.unwrap();
    let after = db.record_attempt(&["a", "b"], 60_000).await.unwrap();
    assert_eq!(
        (after.keys[0].count, after.keys[1].count),
        (1, 2),
        "a success clears its key and takes back only its own row of the others"
    );
    let invited = db
        .create_user(&NewUser {
            email: "new@tours.example".into(),
            display_name: "New".into(),
            password: None,
            locale: None,
            roles: vec![],
        })
        .await
        .unwrap();
    let inv = db.create_invitation(&invited.id).await.unwrap();
    assert!(db
        .check_password("new@tours.example", "")
        .await
        .unwrap()
        .is_none());
    db.accept_invitation(&inv, "a new long password")
        .await
        .unwrap();
    assert!(
        db.accept_invitation(&inv, "again").await.is_err(),
        "single use"
    );
    assert!(db
        .check_password("new@tours.example", "a new long password")
        .await
        .unwrap()
        .is_some());
});

both_engines!(names_round_trip_in_both_scripts, |db| {
    let mut o = org("kr-x", "KR", "county", "Comté");
    o.names.ko = Some("양평군 — «quotes» 'and' \"more\"".into());
    insert(&db, &o).await;
    let back = db.organisation("kr-x").await.unwrap().unwrap();
    assert_eq!(back.org, o);
});

both_engines!(seminars_consultations_and_registrations, |db| {
    use domain::seminars::consultation::{Answer, Willing};
    use domain::seminars::registration::RegistrationStatus;
    load_demo(&db).await.unwrap();
    let series = db.series_of_group("kr").await.unwrap();
    assert_eq!(series[0].year, 2021);
    let seminars = db.seminars(&series[0].id).await.unwrap();
    assert_eq!(seminars.len(), 3);
    assert_eq!(
        seminars[2].planned_period.unwrap().code(),
        "2021-11..2021-12"
    );
    let c = db
        .consultation_of_series(&series[0].id)
        .await
        .unwrap()
        .unwrap();
    assert!(c.demo && c.open);
    let answers = db.answers(&c.id).await.unwrap();
    assert_eq!(answers.len(), 18);
    let tours = answers
        .iter()
        .find(|a| a.organisation_id == "fr-tours")
        .unwrap();
    assert_eq!(tours.answer.ranks[0], (seminars[0].id.clone(), 1));

    // Personal links: valid, then replaced (the old one revoked), unknown, expired.
    let link = db
        .create_consultation_link(&c.id, "kr-guro", 60_000)
        .await
        .unwrap();
    assert_eq!(
        db.consultation_link(&link).await.unwrap(),
        Some((c.id.clone(), "kr-guro".to_string()))
    );
    let newer = db
        .create_consultation_link(&c.id, "kr-guro", 60_000)
        .await
        .unwrap();
    assert!(db.consultation_link(&link).await.unwrap().is_none());
    assert!(db.consultation_link(&newer).await.unwrap().is_some());
    assert!(db.consultation_link("0000").await.unwrap().is_none());
    let expired = db
        .create_consultation_link(&c.id, "kr-suwon", -1)
        .await
        .unwrap();
    assert!(db.consultation_link(&expired).await.unwrap().is_none());
    db.revoke_consultation_links(&c.id, "kr-guro")
        .await
        .unwrap();
    assert!(db.consultation_link(&newer).await.unwrap().is_none());

    let answer = Answer {
        ranks: vec![(seminars[2].id.clone(), 1)],
        willing: Willing::Yes,
        availability: Some("11월".into()),
        comments: Some("구로구는 사회복지 세미나를 진행할 수 있습니다.".into()),
    };
    db.save_answer(&c.id, "kr-guro", &answer, Some("link"))
        .await
        .unwrap();
    let guro = db
        .answers(&c.id)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.organisation_id == "kr-guro")
        .unwrap();
    assert_eq!(guro.answer, answer);

    // Capacity 2: the third waits; a cancellation moves them up.
    let s = &seminars[0];
    let mut t = s.clone();
    t.capacity = Some(2);
    db.update_seminar(&t, s.version).await.unwrap();
    let reg = |n: u32| storage::Registration {
        id: format!("r{n}"),
        seminar_id: s.id.clone(),
        user_id: None,
        organisation_id: None,
        name: format!("P{n}"),
        email: format!("p{n}@example.org"),
        locale: "fr".into(),
        status: RegistrationStatus::Registered,
        attended: false,
        created_at: 0,
    };
    for n in 1..=3 {
        db.register(&reg(n), Some(2)).await.unwrap();
    }
    let statuses: Vec<_> = db
        .registrations(&s.id)
        .await
        .unwrap()
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(
        statuses,
        [
            RegistrationStatus::Registered,
            RegistrationStatus::Registered,
            RegistrationStatus::Waitlisted
        ]
    );
    let dup = db.register(&reg(1), Some(2)).await.unwrap_err();
    assert_eq!(dup.key().unwrap().key, ErrorKey::DuplicateId);
    assert_eq!(
        db.cancel_registration(&s.id, "r1")
            .await
            .unwrap()
            .as_deref(),
        Some("r3")
    );
    let statuses: Vec<_> = db
        .registrations(&s.id)
        .await
        .unwrap()
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(
        statuses,
        [
            RegistrationStatus::Cancelled,
            RegistrationStatus::Registered,
            RegistrationStatus::Registered
        ]
    );
});

both_engines!(the_audit_log_is_append_only, |db| {
    db.audit(
        &storage::AuditEvent::new("sign_in")
            .target("account:x@example.org")
            .client("203.0.113.1"),
    )
    .await
    .unwrap();
    assert!(db
        .execute_for_tests("UPDATE audit_log SET event = 'nothing'")
        .await
        .is_err());
    assert!(db.execute_for_tests("DELETE FROM audit_log").await.is_err());
    let events = db.audit_events(None, None, 10).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event, "sign_in");
});
