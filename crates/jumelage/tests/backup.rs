//! `jumelage backup` while the server runs, then `jumelage restore` into an empty database:
//! every table holds the same rows, the exports are the same files and the stored files
//! have the same bytes. On both engines, through the built binary.

mod common;

use common::{db_args, run, temp_dir, Server};
use storage::testing::TestDb;
use storage::{AttachedTo, Attachment, Db, Engine};

fn args(engine: Engine, t: &TestDb, dir: &std::path::Path) -> Vec<String> {
    match engine {
        Engine::Postgres => db_args(dir, Some(&t.url)),
        Engine::Sqlite => db_args(dir, None),
    }
}

fn cli(command: &[&str], db: &[String]) -> std::process::Output {
    let mut all: Vec<&str> = command.to_vec();
    all.extend(db.iter().map(String::as_str));
    run(&all, "")
}

/// Rows per table, and (table, id, SHA-256) of every stored file.
type Snapshot = (Vec<(String, i64)>, Vec<(String, String, String)>);

fn snapshot(rt: &tokio::runtime::Runtime, url: &str) -> Snapshot {
    rt.block_on(async {
        let db = Db::connect(url).await.unwrap();
        let counts = db.table_counts().await.unwrap();
        let files = db.file_checksums().await.unwrap();
        db.close().await;
        (counts, files)
    })
}

fn round_trip(engine: Engine) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let source = rt.block_on(TestDb::empty(engine)).unwrap();
    let target = rt.block_on(TestDb::empty(engine)).unwrap();
    let dir = temp_dir("backup");
    let (src_dir, dst_dir) = (dir.join("src"), dir.join("dst"));
    std::fs::create_dir_all(&src_dir).unwrap();
    std::fs::create_dir_all(&dst_dir).unwrap();
    let src = args(engine, &source, &src_dir);
    let dst = args(engine, &target, &dst_dir);
    let url_of = |t: &TestDb, d: &std::path::Path| match engine {
        Engine::Postgres => t.url.clone(),
        Engine::Sqlite => format!("sqlite://{}", d.join("jumelage.db").display()),
    };
    let server = Server::start(
        &src_dir,
        (engine == Engine::Postgres).then_some(source.url.as_str()),
        &[],
    );
    // A stored file, bytes that are not text.
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    rt.block_on(async {
        let db = Db::connect(&url_of(&source, &src_dir)).await.unwrap();
        let a = Attachment {
            id: "att-backup".into(),
            title: "Accord signé".into(),
            file_name: "accord.pdf".into(),
            content_type: "application/pdf".into(),
            size: bytes.len() as i64,
            sha256: storage::token_hash_bytes(&bytes),
            created_at: 0,
        };
        let path = dir.join("accord.pdf");
        std::fs::write(&path, &bytes).unwrap();
        db.insert_attachment(AttachedTo::Partnership, "p-issy-guro", &a, &path, None)
            .await
            .unwrap();
        db.close().await;
    });
    let file = dir.join(match engine {
        Engine::Sqlite => "jumelage-backup.db",
        Engine::Postgres => "jumelage-backup.dump",
    });
    let file_arg = file.to_str().unwrap();
    // Taken while the server runs.
    let out = cli(&["backup", "--output", file_arg], &src);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = cli(&["backup", "--output", file_arg], &src);
    assert!(
        !again.status.success(),
        "an existing file is never overwritten"
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    assert!(server.stop().success());

    let out = cli(&["restore", file_arg], &dst);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = snapshot(&rt, &url_of(&source, &src_dir));
    let after = snapshot(&rt, &url_of(&target, &dst_dir));
    assert!(before
        .0
        .iter()
        .any(|(t, n)| t == "organisations" && *n > 30));
    assert_eq!(before.0, after.0, "every table, every row");
    assert_eq!(before.1, after.1, "every stored file, byte for byte");
    assert!(after
        .1
        .iter()
        .any(|(_, id, sum)| id == "att-backup" && *sum == storage::token_hash_bytes(&bytes)));
    for collection in ["organisations", "partnerships"] {
        let a = cli(&["export", collection, "--format", "json"], &src);
        let b = cli(&["export", collection, "--format", "json"], &dst);
        assert!(a.status.success() && b.status.success());
        assert_eq!(a.stdout, b.stdout, "{collection}: the same export");
    }
    // A second restore into the database that now holds data is refused, and changes nothing.
    let out = cli(&["restore", file_arg], &dst);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("holds data already"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(snapshot(&rt, &url_of(&target, &dst_dir)), after);
    // A file that is no backup says so.
    let junk = dir.join("junk.bin");
    std::fs::write(&junk, b"not a backup at all").unwrap();
    let out = cli(&["restore", junk.to_str().unwrap()], &dst);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a jumelage backup"));
    rt.block_on(source.cleanup());
    rt.block_on(target.cleanup());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn backup_and_restore_on_sqlite() {
    round_trip(Engine::Sqlite);
}

#[test]
fn backup_and_restore_on_postgres() {
    round_trip(Engine::Postgres);
}
