//! Hostile files through the command line, on both engines: refused with row and column named,
//! nothing stored (the export after is the export before).

mod common;

use common::{db_args, run, temp_dir, Server};
use storage::testing::TestDb;
use storage::Engine;

const HEADER: &str = "id,kind,country,level,parent_id,name_fr,name_ko,name_ko_latn,name_en,population,population_year,lat,lon,seat_name,website,notes\n";

fn hostile(engine: Engine) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let t = rt.block_on(TestDb::empty(engine)).unwrap();
    let dir = temp_dir("hostile");
    let pg = (engine == Engine::Postgres).then_some(t.url.as_str());
    assert!(
        Server::start(&dir, pg, &[]).stop().success(),
        "demo data loaded"
    );
    let db = db_args(&dir, pg);
    let cli = |args: &[&str]| {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(db.iter().map(String::as_str));
        run(&all, "")
    };
    let before = cli(&["export", "organisations", "--format", "csv"]).stdout;
    let cases = [
        (
            "short.csv",
            format!("{HEADER}fr-short,local_authority,FR,commune\n").into_bytes(),
            "row 2: This row has 4 columns where the header has 16",
        ),
        (
            "nul.csv",
            format!("{HEADER}fr-nul,local_authority,FR,commune,,Nul\u{0}le,,,,1,2021,,,,,\n")
                .into_bytes(),
            "row 2, column name_fr: This text holds invisible control characters",
        ),
        (
            "bidi.csv",
            format!("{HEADER}fr-bidi,local_authority,FR,commune,,Ville,,,,1,2021,,,,,a\u{202E}b\n")
                .into_bytes(),
            "row 2, column notes: This text holds invisible control characters",
        ),
        (
            "latin1.csv",
            [
                HEADER.as_bytes(),
                b"fr-x,local_authority,FR,commune,,Cr\xe9teil,,,,1,2021,,,,,\n",
            ]
            .concat(),
            "row 2: ",
        ),
    ];
    for (name, bytes, said) in cases {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = cli(&["import", "organisations", file.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name} refused");
        assert!(err.contains(said), "{name}: {err}");
        assert!(err.contains("nothing was imported"), "{name}: {err}");
    }
    let after = cli(&["export", "organisations", "--format", "csv"]).stdout;
    assert_eq!(before, after, "nothing stored");
    rt.block_on(t.cleanup());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn hostile_files_on_sqlite() {
    hostile(Engine::Sqlite);
}

#[test]
fn hostile_files_on_postgres() {
    hostile(Engine::Postgres);
}
