//! The built binary on each engine: it starts, migrates, loads the demo data once, answers,
//! accepts accounts and tokens made on the command line, and stops cleanly.

mod common;

use common::{db_args, run, temp_dir, Server};
use storage::testing::TestDb;
use storage::Engine;

fn story(engine: Engine) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let test_db = rt.block_on(TestDb::empty(engine)).unwrap();
    let url = (engine == Engine::Postgres).then(|| test_db.url.clone());
    let dir = temp_dir("smoke");
    let server = Server::start(&dir, url.as_deref(), &[]);
    let (status, body) = server.get("/healthz");
    assert_eq!((status, body.as_str()), (200, "ok"));
    let (status, body) = server.get("/api/v1/organisations");
    assert_eq!(status, 200);
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(page["total"], 65);

    // An account and a token made from the command line work against the running server.
    let mut args = vec![
        "user",
        "create",
        "--email",
        "officer@issy.example",
        "--role",
        "editor",
        "--organisation",
        "fr-issy",
    ];
    let dbargs = db_args(&dir, url.as_deref());
    args.extend(dbargs.iter().map(String::as_str));
    let out = run(&args, "a long enough password\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut args = vec!["token", "create", "--email", "officer@issy.example"];
    args.extend(dbargs.iter().map(String::as_str));
    let out = run(&args, "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(token.starts_with("jmlg_"));
    let resp = ureq::patch(&format!("{}/api/v1/organisations/fr-issy", server.url))
        .set("Authorization", &format!("Bearer {token}"))
        .send_json(serde_json::json!({"notes": "Changed through the API"}))
        .unwrap();
    assert_eq!(resp.status(), 200);
    let log = server.log();
    let status = server.stop();
    assert!(status.success(), "exit status {status:?}; log:\n{log}");

    // A second start never reloads or overwrites what the database holds.
    let again = Server::start(&dir, url.as_deref(), &[]);
    let (_, body) = again.get("/api/v1/organisations/fr-issy");
    assert!(body.contains("Changed through the API"));
    let (_, body) = again.get("/api/v1/organisations?limit=1");
    assert!(body.contains("\"total\":65"));
    assert!(again.stop().success());
    rt.block_on(test_db.cleanup());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn binary_on_sqlite() {
    story(Engine::Sqlite);
}

#[test]
fn binary_on_postgres() {
    story(Engine::Postgres);
}

#[test]
fn bad_settings_stop_with_a_message_naming_the_flag() {
    let dir = temp_dir("bad");
    let out = run(
        &[
            "serve",
            "--database-url",
            "mysql://x",
            "--data-dir",
            dir.to_str().unwrap(),
        ],
        "",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--database-url"), "{err}");

    let file = dir.join("a-file");
    std::fs::write(&file, "x").unwrap();
    let inside_a_file = file.join("data");
    let out = run(
        &["serve", "--data-dir", inside_a_file.to_str().unwrap()],
        "",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--data-dir") && err.contains("a-file"),
        "{err}"
    );

    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = busy.local_addr().unwrap().to_string();
    let out = run(
        &[
            "serve",
            "--addr",
            &addr,
            "--data-dir",
            dir.to_str().unwrap(),
        ],
        "",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--addr") && err.contains(&addr), "{err}");

    let out = run(
        &[
            "user",
            "create",
            "--email",
            "x@y.example",
            "--role",
            "editor",
            "--data-dir",
            dir.to_str().unwrap(),
        ],
        "",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--organisation"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn config_prints_documented_defaults_and_migrate_runs() {
    let out = run(&["config"], "");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("addr = \"127.0.0.1:8080\""));
    assert!(text.contains("DATABASE_URL"));
    let dir = temp_dir("cfg");
    let file = dir.join("jumelage.toml");
    std::fs::write(&file, &text).unwrap();
    let out = run(
        &[
            "migrate",
            "--config",
            file.to_str().unwrap(),
            "--data-dir",
            dir.to_str().unwrap(),
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("jumelage.db").exists());
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "new@tours.example",
            "--role",
            "coordinator",
            "--group",
            "kr",
            "--data-dir",
            dir.to_str().unwrap(),
        ],
        "",
    );
    assert!(
        !out.status.success(),
        "the group does not exist in an empty database"
    );
    let data = dir.to_str().unwrap();
    let bad = run(
        &[
            "group",
            "create",
            "--id",
            "sn",
            "--country",
            "XX",
            "--name",
            "fr=Sénégal",
            "--time-zone",
            "Africa/Nowhere",
            "--data-dir",
            data,
        ],
        "",
    );
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("--country") && err.contains("--time-zone"),
        "{err}"
    );
    let made = run(
        &[
            "group",
            "create",
            "--id",
            "sn",
            "--country",
            "SN",
            "--name",
            "fr=Groupe-pays Sénégal",
            "--name",
            "en=Senegal country group",
            "--time-zone",
            "Africa/Dakar",
            "--hashtag",
            "#SenegalFrance",
            "--data-dir",
            data,
        ],
        "",
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert!(String::from_utf8_lossy(&made.stdout).contains("Europe/Paris, Africa/Dakar"));
    let coordinator = run(
        &[
            "user",
            "create",
            "--email",
            "coord@sn.example",
            "--role",
            "coordinator",
            "--group",
            "sn",
            "--data-dir",
            data,
        ],
        "",
    );
    assert!(
        coordinator.status.success(),
        "a coordinator of the new group: {}",
        String::from_utf8_lossy(&coordinator.stderr)
    );
    let list = run(&["group", "list", "--data-dir", data], "");
    assert!(String::from_utf8_lossy(&list.stdout).contains("sn\tSN\tGroupe-pays Sénégal"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn help_describes_every_subcommand() {
    let out = run(&["--help"], "");
    let text = String::from_utf8(out.stdout).unwrap();
    for sub in ["serve", "migrate", "config", "user", "group", "token"] {
        assert!(text.contains(sub), "{sub} missing from --help");
    }
    let out = run(&["serve", "--help"], "");
    let text = String::from_utf8(out.stdout).unwrap();
    for flag in ["--addr", "--data-dir", "--database-url", "--no-demo"] {
        assert!(text.contains(flag), "{flag} missing from serve --help");
    }
}

/// `jumelage export` then `jumelage import` into an empty database then `export` again gives the
/// same file; a failing import leaves the database and no output file behind.
fn register_round_trip(engine: Engine) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let source = rt.block_on(TestDb::empty(engine)).unwrap();
    let target = rt.block_on(TestDb::empty(engine)).unwrap();
    let dir = temp_dir("roundtrip");
    let (src_dir, dst_dir) = (dir.join("src"), dir.join("dst"));
    std::fs::create_dir_all(&src_dir).unwrap();
    std::fs::create_dir_all(&dst_dir).unwrap();
    let url = |t: &TestDb, d: &std::path::Path| match engine {
        Engine::Postgres => db_args(d, Some(&t.url)),
        Engine::Sqlite => db_args(d, None),
    };
    // The source gets the demo data through a first start.
    let server = Server::start(
        &src_dir,
        (engine == Engine::Postgres).then_some(source.url.as_str()),
        &[],
    );
    assert!(server.stop().success());
    let mut migrate = vec!["migrate".to_string()];
    migrate.extend(url(&target, &dst_dir));
    let out = run(&migrate.iter().map(String::as_str).collect::<Vec<_>>(), "");
    assert!(out.status.success());
    for (collection, format) in [("organisations", "xlsx"), ("partnerships", "csv")] {
        let file = dir.join(format!("{collection}.{format}"));
        let mut export = vec![
            "export",
            collection,
            "--format",
            format,
            "--output",
            file.to_str().unwrap(),
        ];
        let src_args = url(&source, &src_dir);
        export.extend(src_args.iter().map(String::as_str));
        assert!(run(&export, "").status.success());
        let dst_args = url(&target, &dst_dir);
        let mut import = vec!["import", collection, file.to_str().unwrap()];
        import.extend(dst_args.iter().map(String::as_str));
        let out = run(&import, "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for (name, args) in [("a", &src_args), ("b", &dst_args)] {
            let mut csv = vec!["export", collection, "--format", "csv", "--output"];
            let path = dir.join(format!("{collection}-{name}.csv"));
            csv.push(path.to_str().unwrap());
            csv.extend(args.iter().map(String::as_str));
            assert!(run(&csv, "").status.success());
        }
        let a = std::fs::read(dir.join(format!("{collection}-a.csv"))).unwrap();
        let b = std::fs::read(dir.join(format!("{collection}-b.csv"))).unwrap();
        assert_eq!(
            a, b,
            "{collection}: export → import → export is the same file"
        );
        // Importing the same file again fails on every row and changes nothing.
        let out = run(&import, "");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("row 2, column id") && err.contains("nothing was imported"),
            "{err}"
        );
    }
    let bad_output = dir.join("nowhere").join("x.csv");
    let mut export = vec![
        "export",
        "organisations",
        "--output",
        bad_output.to_str().unwrap(),
    ];
    let src_args = url(&source, &src_dir);
    export.extend(src_args.iter().map(String::as_str));
    assert!(!run(&export, "").status.success());
    assert!(!bad_output.exists());
    rt.block_on(source.cleanup());
    rt.block_on(target.cleanup());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn register_round_trip_on_sqlite() {
    register_round_trip(Engine::Sqlite);
}

#[test]
fn register_round_trip_on_postgres() {
    register_round_trip(Engine::Postgres);
}
