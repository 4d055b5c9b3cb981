//! `jumelage`: the platform of a network's country groups, in one binary.

mod accounts_cli;
mod backup;
mod commands;
mod config;
mod directory_cli;
mod generate;
mod group_cli;
mod lineup_cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "jumelage",
    version,
    about = "The platform of a network's country groups: \
    partnership register, meetings, seminars, in French, Korean and English."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the database is: shared by every subcommand that opens it.
#[derive(clap::Args, Clone)]
struct DbArgs {
    /// A TOML configuration file (see `jumelage config`).
    #[arg(long, env = "JUMELAGE_CONFIG")]
    config: Option<PathBuf>,
    /// Folder for the embedded SQLite database [default: ./data].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// postgres://... for PostgreSQL, sqlite://PATH for another SQLite file [env: DATABASE_URL].
    #[arg(long, value_name = "URL")]
    database_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (pages and /api/v1).
    Serve {
        #[command(flatten)]
        db: DbArgs,
        /// Address to listen on [default: 127.0.0.1:8080; env: JUMELAGE_ADDR].
        #[arg(long, value_name = "HOST:PORT")]
        addr: Option<String>,
        /// Do not load the demo data set into an empty database.
        #[arg(long)]
        no_demo: bool,
        /// SMTP server for outgoing e-mail, e.g. smtp://127.0.0.1:25 [env: JUMELAGE_SMTP_URL].
        #[arg(long, value_name = "URL")]
        smtp_url: Option<String>,
        /// Sender of outgoing e-mail [env: JUMELAGE_MAIL_FROM].
        #[arg(long, value_name = "ADDRESS")]
        mail_from: Option<String>,
    },
    /// Import organisations or partnerships from a CSV, XLSX or JSON file, all or nothing.
    Import {
        #[command(flatten)]
        db: DbArgs,
        #[arg(value_parser = ["organisations", "partnerships"])]
        collection: String,
        /// The file (its extension tells the format: .csv, .xlsx, .json).
        file: PathBuf,
        /// Check everything and store nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export organisations or partnerships (same columns as the import).
    Export {
        #[command(flatten)]
        db: DbArgs,
        #[arg(value_parser = ["organisations", "partnerships"])]
        collection: String,
        #[arg(long, value_parser = ["csv", "xlsx", "json"], default_value = "csv")]
        format: String,
        /// Where to write [default: standard output].
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Solve a facilitator line-up problem (JSON, see the contracts) to a proven optimum.
    Lineup {
        /// The problem, as JSON.
        #[arg(long, value_name = "FILE")]
        input: PathBuf,
        /// Where to write the solution [default: standard output].
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Create or update the database schema, then stop.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Print a documented default configuration file.
    Config,
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Manage the network's country groups.
    Group {
        #[command(subcommand)]
        action: GroupCommand,
    },
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        action: TokenCommand,
    },
    /// Write a consistent copy of the database while the server runs (SQLite: a database
    /// file; PostgreSQL: a pg_dump archive, pg_dump must be installed).
    Backup {
        #[command(flatten)]
        db: DbArgs,
        /// The backup file to write (must not exist).
        #[arg(long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Restore a backup into an empty database (stop the servers that use it first).
    Restore {
        #[command(flatten)]
        db: DbArgs,
        /// A file written by `jumelage backup`.
        file: PathBuf,
    },
    /// The e-mail outbox.
    Mail {
        #[command(subcommand)]
        action: MailCommand,
    },
    /// Demo and benchmark data.
    Demo {
        #[command(subcommand)]
        action: DemoCommand,
    },
}

#[derive(Subcommand)]
enum MailCommand {
    /// Count the outbox's messages by status.
    Status {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Send every queued message now, retries included, then stop.
    Flush {
        #[command(flatten)]
        db: DbArgs,
        /// SMTP server, e.g. smtp://127.0.0.1:25 [env: JUMELAGE_SMTP_URL].
        #[arg(long, value_name = "URL")]
        smtp_url: Option<String>,
        /// Sender [env: JUMELAGE_MAIL_FROM].
        #[arg(long, value_name = "ADDRESS")]
        mail_from: Option<String>,
    },
}

#[derive(Subcommand)]
enum DemoCommand {
    /// Write a large register (organisations.csv, partnerships.csv, the import layout) for
    /// benchmarks; load it with `jumelage import`.
    Generate {
        /// Folder for the two files.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, default_value_t = 100_000)]
        organisations: usize,
        #[arg(long, default_value_t = 200_000)]
        partnerships: usize,
        /// The same seed gives the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. The password is read from standard input; with nothing there, an
    /// invitation link is printed instead.
    Create {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["secretariat", "president", "coordinator", "editor", "observer"])]
        role: String,
        /// Country group of a president, coordinator or observer (e.g. kr).
        #[arg(long)]
        group: Option<String>,
        /// Organisation of an editor (e.g. fr-issy).
        #[arg(long)]
        organisation: Option<String>,
        /// Name shown on pages [default: the e-mail address].
        #[arg(long)]
        name: Option<String>,
        /// Preferred language: fr, ko or en.
        #[arg(long, value_parser = ["fr", "ko", "en"])]
        lang: Option<String>,
    },
    /// List every account with its roles and state.
    List {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Disable an account: its sessions end and its tokens are revoked at once.
    Disable {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
    },
    /// Enable a disabled account again (its old tokens stay revoked).
    Enable {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
enum GroupCommand {
    /// Create a country group (its members are then added on its page or through the API).
    Create {
        #[command(flatten)]
        db: DbArgs,
        /// Lower-case id, e.g. sn.
        #[arg(long)]
        id: String,
        /// The partner country, ISO 3166-1 alpha-2 (e.g. SN).
        #[arg(long)]
        country: String,
        /// A name as LANG=TEXT (French required), e.g. --name 'fr=Groupe-pays Sénégal'.
        #[arg(long = "name", required = true)]
        names: Vec<String>,
        /// A reference time zone of the partner country (IANA, e.g. Africa/Dakar); Paris is
        /// always the first.
        #[arg(long = "time-zone", required = true)]
        time_zones: Vec<String>,
        /// A content language (BCP 47 tag, e.g. wo); French is always one.
        #[arg(long = "language")]
        languages: Vec<String>,
        #[arg(long = "hashtag")]
        hashtags: Vec<String>,
    },
    /// List the groups with their members' count and zones.
    List {
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a personal API token for scripts and print it (shown once).
    Create {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        /// A label to recognise the token by.
        #[arg(long, default_value = "cli")]
        name: String,
    },
    /// List the tokens of an account (never their secrets).
    List {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
    },
    /// Revoke a token by its id (as `token list` shows it).
    Revoke {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        id: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
