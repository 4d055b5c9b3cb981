//! A crowd at once, on both engines: people registering for one seminar while the secretariat
//! creates records, each from 8 clients for a few seconds. No request may fail for the
//! engine's sake (zero 5xx), the counts are exact and the capacity is never passed.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::Method;
use domain::accounts::Role;
use serde_json::json;
use storage::both_engines;

use crate::support::{bearer, TestApp};

const CLIENTS: usize = 8;
const RUN_FOR: Duration = Duration::from_secs(3);
const CAPACITY: i64 = 25;
const SEMINAR: &str = "tour-kr-2021-2";

#[derive(Default)]
struct Tally {
    ok: AtomicUsize,
}

both_engines!(
    a_crowd_registers_while_records_are_created,
    multi_thread,
    |db| {
        let app = Arc::new(TestApp::new(db.clone()).await);
        db.execute_for_tests(&format!(
            "UPDATE seminars SET audience = 'public', capacity = {CAPACITY} WHERE id = '{SEMINAR}'"
        ))
        .await
        .unwrap();
        let secretariat = app.user("sec@cuf.example", Role::Secretariat).await;
        let registrations = Arc::new(Tally::default());
        let creations = Arc::new(Tally::default());
        let start = Instant::now();
        let mut tasks = Vec::new();
        for client in 0..CLIENTS {
            let (a, tally) = (app.clone(), registrations.clone());
            tasks.push(tokio::spawn(async move {
                // A visitor without an account: the CSRF cookie of a first page, then the API.
                let csrf = a
                    .get(&format!("/seminars/{SEMINAR}"))
                    .await
                    .cookie("jumelage_csrf")
                    .expect("a CSRF cookie");
                let cookie = format!("jumelage_csrf={csrf}");
                let mut n = 0;
                while start.elapsed() < RUN_FOR {
                    n += 1;
                    let r = a
                        .json(
                            Method::POST,
                            &format!("/api/v1/seminars/{SEMINAR}/registrations"),
                            json!({"name": format!("Visiteur {client}-{n}"),
                               "email": format!("v{client}-{n}@crowd.example")}),
                            &[("cookie", &cookie), ("x-csrf-token", &csrf)],
                        )
                        .await;
                    assert!(
                        r.status.as_u16() == 201,
                        "registration {client}-{n}: {} {}",
                        r.status,
                        r.body
                    );
                    tally.ok.fetch_add(1, Ordering::Relaxed);
                }
            }));
            let (a, tally, token) = (app.clone(), creations.clone(), secretariat.clone());
            tasks.push(tokio::spawn(async move {
                let mut n = 0;
                while start.elapsed() < RUN_FOR {
                    n += 1;
                    let r = a
                        .json(
                            Method::POST,
                            "/api/v1/organisations",
                            json!({"kind": "local_authority", "country": "FR", "level": "commune",
                               "names": {"fr": format!("Commune foule {client} {n}")}}),
                            &[("authorization", &bearer(&token))],
                        )
                        .await;
                    assert!(
                        r.status.as_u16() == 201,
                        "creation {client}-{n}: {} {}",
                        r.status,
                        r.body
                    );
                    tally.ok.fetch_add(1, Ordering::Relaxed);
                }
            }));
        }
        for t in tasks {
            t.await.expect("no client failed");
        }
        let registered = registrations.ok.load(Ordering::Relaxed) as i64;
        let created = creations.ok.load(Ordering::Relaxed) as i64;
        assert!(
            registered > CAPACITY && created > CLIENTS as i64,
            "the crowd did run"
        );
        let (held, waiting) = db.registration_counts(SEMINAR).await.unwrap();
        assert_eq!(held, CAPACITY, "the capacity is filled, never passed");
        assert_eq!(
            held + waiting,
            registered,
            "every registration counted once"
        );
        let crowd = app
            .get("/api/v1/organisations?q=Commune%20foule&country=FR")
            .await
            .json();
        assert_eq!(crowd["total"].as_i64(), Some(created), "{crowd}");
        println!(
        "{:?}: {registered} registrations and {created} records in {:?} from {} clients, no error",
        db.engine(),
        start.elapsed(),
        2 * CLIENTS
    );
    }
);

both_engines!(
    a_crowd_of_coordinators_invites_and_edits_at_once,
    multi_thread,
    |db| {
        let app = Arc::new(TestApp::new(db.clone()).await);
        let secretariat = app.user("sec@cuf.example", Role::Secretariat).await;
        let auth = bearer(&secretariat);
        let mut tasks = Vec::new();
        for client in 0..CLIENTS {
            let (a, auth) = (app.clone(), auth.clone());
            tasks.push(tokio::spawn(async move {
                let h = [("authorization", auth.as_str())];
                // The same person invited by everyone at once, and a roadmap saved by all.
                let invited = a
                    .json(
                        Method::POST,
                        "/api/v1/users",
                        json!({"email": "same@crowd.example", "name": "Même personne",
                            "role": "coordinator", "group": "kr"}),
                        &h,
                    )
                    .await;
                let saved = a
                    .json(
                        Method::PUT,
                        "/api/v1/groups/kr/roadmaps/2031",
                        json!({"axes": [{"title": {"fr": format!("Axe {client}")}}]}),
                        &h,
                    )
                    .await;
                (invited.status.as_u16(), saved.status.as_u16())
            }));
        }
        for t in tasks {
            let (invited, saved) = t.await.unwrap();
            assert_eq!(invited, 201, "every invitation answers");
            assert!(saved < 300, "every save answers: {saved}");
        }
        let user = app
            .db
            .user_by_email("same@crowd.example")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.roles.len(), 1, "one account, one role");
        let r = app.get("/api/v1/groups/kr/roadmaps/2031").await.json();
        assert_eq!(
            r["axes"].as_array().unwrap().len(),
            1,
            "one whole roadmap, the last saved"
        );
    }
);
