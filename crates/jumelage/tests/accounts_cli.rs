//! The operator's account commands: `user create|list|disable|enable`, `token create|list|revoke`,
//! through the built binary; a revoked token and a disabled account stop at once on a running
//! server.

mod common;

use common::{db_args, run, temp_dir, Server};

fn cli(args: &[&str], db: &[String], stdin: &str) -> (bool, String, String) {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(db.iter().map(String::as_str));
    let out = run(&all, stdin);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn me(server: &Server, token: &str) -> u16 {
    match ureq::get(&format!("{}/api/v1/me", server.url))
        .set("authorization", &format!("Bearer {token}"))
        .call()
    {
        Ok(r) => r.status(),
        Err(ureq::Error::Status(code, _)) => code,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn tokens_and_accounts_from_the_command_line() {
    let dir = temp_dir("accounts");
    let db = db_args(&dir, None);
    let server = Server::start(&dir, None, &[]);
    let (ok, _, err) = cli(
        &[
            "user",
            "create",
            "--email",
            "ops@cuf.example",
            "--role",
            "secretariat",
        ],
        &db,
        "a long enough password\n",
    );
    assert!(ok, "{err}");
    let (ok, first, _) = cli(
        &[
            "token",
            "create",
            "--email",
            "ops@cuf.example",
            "--name",
            "sync",
        ],
        &db,
        "",
    );
    assert!(ok);
    let (ok, second, _) = cli(
        &[
            "token",
            "create",
            "--email",
            "ops@cuf.example",
            "--name",
            "backup",
        ],
        &db,
        "",
    );
    assert!(ok);
    let (first, second) = (first.trim().to_string(), second.trim().to_string());
    assert_eq!((me(&server, &first), me(&server, &second)), (200, 200));
    let (ok, list, _) = cli(&["token", "list", "--email", "ops@cuf.example"], &db, "");
    assert!(
        ok && list.contains("\tsync\t") && list.contains("\tbackup\t"),
        "{list}"
    );
    assert!(!list.contains("jmlg_"), "secrets are never listed");
    let sync_id = list
        .lines()
        .find(|l| l.contains("\tsync\t"))
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    let (ok, _, err) = cli(&["token", "revoke", "--id", &sync_id], &db, "");
    assert!(ok, "{err}");
    assert_eq!((me(&server, &first), me(&server, &second)), (401, 200));
    let (ok, _, err) = cli(&["token", "revoke", "--id", &sync_id], &db, "");
    assert!(!ok && err.contains("no such active token"), "{err}");
    let (ok, users, _) = cli(&["user", "list"], &db, "");
    assert!(
        ok && users.contains("ops@cuf.example\t") && users.contains("active"),
        "{users}"
    );
    let (ok, _, err) = cli(&["user", "disable", "--email", "ops@cuf.example"], &db, "");
    assert!(ok, "{err}");
    assert_eq!(
        me(&server, &second),
        401,
        "a disabled account's tokens stop at once"
    );
    let (_, users, _) = cli(&["user", "list"], &db, "");
    assert!(users.contains("disabled"), "{users}");
    let (ok, _, _) = cli(
        &["user", "disable", "--email", "nobody@cuf.example"],
        &db,
        "",
    );
    assert!(!ok);
    assert!(server.stop().success());
    let _ = std::fs::remove_dir_all(dir);
}
