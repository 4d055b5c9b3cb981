//! The API fuzzed by schemathesis (Python, from the package registry) against the running
//! binary with a secretariat token, on both engines: no 5xx, no response outside its schema,
//! no undocumented status, no valid request refused, no invalid one accepted (`--checks all`).

mod common;

use common::{db_args, run, temp_dir, Server};
use storage::testing::TestDb;
use storage::Engine;

fn schemathesis() -> String {
    let python = std::env::var("JUMELAGE_PYTHON").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/py-tools/bin/python"
        )
        .to_string()
    });
    std::path::Path::new(&python)
        .with_file_name("schemathesis")
        .display()
        .to_string()
}

fn fuzz(engine: Engine) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let t = rt.block_on(TestDb::empty(engine)).unwrap();
    let dir = temp_dir("fuzz");
    let pg = (engine == Engine::Postgres).then_some(t.url.as_str());
    let server = Server::start(&dir, pg, &[]);
    let db = db_args(&dir, pg);
    let mut create = vec![
        "user",
        "create",
        "--email",
        "fuzz@cuf.example",
        "--role",
        "secretariat",
    ];
    create.extend(db.iter().map(String::as_str));
    assert!(run(&create, "a long enough password\n").status.success());
    let mut token = vec!["token", "create", "--email", "fuzz@cuf.example"];
    token.extend(db.iter().map(String::as_str));
    let out = run(&token, "");
    let token = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let examples = std::env::var("JUMELAGE_FUZZ_EXAMPLES").unwrap_or_else(|_| "15".into());
    // A request the schema allows may still break a rule the schema cannot say (a level of
    // another country, an organisation that does not exist): that is a 422 naming the field,
    // and counts as an answer. Any 400 (the server could not read what the schema allows),
    // 413 or 415 to a schema-valid request still fails the run.
    std::fs::write(
        dir.join("schemathesis.toml"),
        "[checks.positive_data_acceptance]\n\
         expected-statuses = [\"2xx\", \"3xx\", \"401\", \"403\", \"404\", \"409\", \"422\", \"429\"]\n",
    )
    .unwrap();
    let out = std::process::Command::new(schemathesis())
        .args(["run", &format!("{}/api/v1/openapi.json", server.url)])
        .args(["--checks", "all"])
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .args(["--max-examples", &examples, "--seed", "20261130"])
        .args(["--phases", "examples,coverage,fuzzing"])
        .args(["--workers", "2", "--request-timeout", "30", "--no-color"])
        .args([
            "--suppress-health-check",
            "all",
            "--output-truncate",
            "false",
        ])
        .env("SCHEMATHESIS_HOOKS", "")
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}; run the tests with scripts/test", schemathesis()));
    let report = String::from_utf8_lossy(&out.stdout);
    let tail: String = report
        .lines()
        .rev()
        .take(400)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join("\n");
    println!("{engine:?}: {tail}");
    assert!(
        out.status.success(),
        "schemathesis found problems on {engine:?}:\n{tail}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(server.stop().success());
    rt.block_on(t.cleanup());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn schemathesis_on_sqlite() {
    fuzz(Engine::Sqlite);
}

#[test]
fn schemathesis_on_postgres() {
    fuzz(Engine::Postgres);
}
