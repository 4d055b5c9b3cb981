//! What each subcommand does.

use std::io::{IsTerminal, Read};
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{anyhow, Context};
use domain::accounts::Role;
use storage::{Db, NewUser};

use crate::config::{Config, Overrides, DOCUMENTED_DEFAULTS};
use crate::{
    Cli, Command, DbArgs, DemoCommand, GroupCommand, MailCommand, TokenCommand, UserCommand,
};

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Config => {
            print!("{DOCUMENTED_DEFAULTS}");
            Ok(())
        }
        Command::Serve {
            db,
            addr,
            no_demo,
            smtp_url,
            mail_from,
        } => {
            let mut o = overrides(&db, addr, no_demo);
            o.smtp_url = smtp_url;
            o.mail_from = mail_from;
            serve(Config::load(o)?).await
        }
        Command::Demo {
            action:
                DemoCommand::Generate {
                    out,
                    organisations,
                    partnerships,
                    seed,
                },
        } => crate::generate::generate(&out, organisations, partnerships, seed),
        Command::Lineup { input, output } => crate::lineup_cli::run(&input, output.as_deref()),
        Command::Import {
            db,
            collection,
            file,
            dry_run,
        } => {
            let config = load(&db, None, true)?;
            let db = open(&config).await?;
            let result = crate::directory_cli::import(&db, &collection, &file, dry_run).await;
            db.close().await;
            result
        }
        Command::Export {
            db,
            collection,
            format,
            output,
        } => {
            let config = load(&db, None, true)?;
            let db = open(&config).await?;
            let result =
                crate::directory_cli::export(&db, &collection, &format, output.as_deref()).await;
            db.close().await;
            result
        }
        Command::Backup { db, output } => {
            crate::backup::backup(&load(&db, None, true)?, &output).await
        }
        Command::Restore { db, file } => {
            crate::backup::restore(&load(&db, None, true)?, &file).await
        }
        Command::Mail {
            action: MailCommand::Status { db },
        } => {
            let config = load(&db, None, true)?;
            let db = open(&config).await?;
            let counts = db.outbox_counts().await;
            db.close().await;
            for (status, n) in counts? {
                println!("{status}\t{n}");
            }
            Ok(())
        }
        Command::Mail {
            action:
                MailCommand::Flush {
                    db,
                    smtp_url,
                    mail_from,
                },
        } => {
            let mut o = overrides(&db, None, true);
            o.smtp_url = smtp_url;
            o.mail_from = mail_from;
            let config = Config::load(o)?;
            let url = config.smtp_url.clone().ok_or_else(|| {
                anyhow!("--smtp-url: no SMTP server configured (or JUMELAGE_SMTP_URL)")
            })?;
            let sender = mail::Sender::new(&mail::SmtpConfig {
                url,
                from: config.mail_from.clone(),
            })
            .map_err(|e| anyhow!(e))?;
            let db = open(&config).await?;
            let result = async {
                db.outbox_due_now().await?;
                let sent = sender.drain(&db).await?;
                eprintln!("{sent} message(s) sent");
                anyhow::Ok(())
            }
            .await;
            db.close().await;
            result
        }
        Command::Migrate { db } => {
            let config = load(&db, None, true)?;
            let db = open(&config).await?;
            db.close().await;
            eprintln!("database is up to date");
            Ok(())
        }
        Command::User {
            action:
                UserCommand::Create {
                    db,
                    email,
                    role,
                    group,
                    organisation,
                    name,
                    lang,
                },
        } => {
            let config = load(&db, None, true)?;
            let role = Role::from_parts(&role, group.as_deref(), organisation.as_deref())
                .ok_or_else(|| match role.as_str() {
                    "editor" => {
                        anyhow!("--organisation: an editor needs the organisation they edit")
                    }
                    _ => anyhow!("--group: a {role} needs the country group (e.g. --group kr)"),
                })?;
            let password = read_password()?;
            let db = open(&config).await?;
            let result = create_user(&db, &config, email, role, name, lang, password).await;
            db.close().await;
            result
        }
        Command::User {
            action: UserCommand::List { db },
        } => crate::accounts_cli::list_users(&open(&load(&db, None, true)?).await?).await,
        Command::User {
            action: UserCommand::Disable { db, email },
        } => {
            let db = open(&load(&db, None, true)?).await?;
            crate::accounts_cli::set_disabled(&db, &email, true).await
        }
        Command::User {
            action: UserCommand::Enable { db, email },
        } => {
            let db = open(&load(&db, None, true)?).await?;
            crate::accounts_cli::set_disabled(&db, &email, false).await
        }
        Command::Group {
            action:
                GroupCommand::Create {
                    db,
                    id,
                    country,
                    names,
                    time_zones,
                    languages,
                    hashtags,
                },
        } => {
            let db = open(&load(&db, None, true)?).await?;
            let g = crate::group_cli::NewGroup {
                id,
                country,
                names,
                time_zones,
                languages,
                hashtags,
            };
            let result = crate::group_cli::create(&db, g).await;
            db.close().await;
            result
        }
        Command::Group {
            action: GroupCommand::List { db },
        } => crate::group_cli::list(&open(&load(&db, None, true)?).await?).await,
        Command::Token {
            action: TokenCommand::List { db, email },
        } => {
            let db = open(&load(&db, None, true)?).await?;
            crate::accounts_cli::list_tokens(&db, &email).await
        }
        Command::Token {
            action: TokenCommand::Revoke { db, id },
        } => {
            let db = open(&load(&db, None, true)?).await?;
            crate::accounts_cli::revoke_token(&db, &id).await
        }
        Command::Token {
            action: TokenCommand::Create { db, email, name },
        } => {
            let config = load(&db, None, true)?;
            let db = open(&config).await?;
            let result = async {
                let user = db
                    .user_by_email(&email)
                    .await?
                    .ok_or_else(|| anyhow!("--email {email}: no such account"))?;
                let token = db.create_token(&user.id, &name).await?;
                db.audit(
                    &storage::AuditEvent::new("token_created")
                        .actor(Some(&user.id))
                        .target(format!("token:{name}"))
                        .client("command line"),
                )
                .await?;
                println!("{token}");
                Ok(())
            }
            .await;
            db.close().await;
            result
        }
    }
}

fn overrides(db: &DbArgs, addr: Option<String>, no_demo: bool) -> Overrides {
    Overrides {
        config: db.config.clone(),
        addr,
        data_dir: db.data_dir.clone(),
        database_url: db.database_url.clone(),
        no_demo,
        smtp_url: None,
        mail_from: None,
    }
}

fn load(db: &DbArgs, addr: Option<String>, no_demo: bool) -> anyhow::Result<Config> {
    Config::load(overrides(db, addr, no_demo))
}

/// Opens the database and brings its schema up to date.
async fn open(config: &Config) -> anyhow::Result<Db> {
    let url = config.database_url()?;
    let flag = if config.database_url.is_some() {
        "--database-url"
    } else {
        "--data-dir"
    };
    let db = Db::connect_with(&url, config.durability()?)
        .await
        .map_err(|e| {
            anyhow!(
                "{flag} {}: cannot open the database: {e}",
                storage::redact_url(&url)
            )
        })?;
    db.migrate().await.context("cannot migrate the database")?;
    Ok(db)
}

fn init_logs(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if config.log_format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

async fn serve(config: Config) -> anyhow::Result<()> {
    init_logs(&config);
    tracing::info!(?config, "starting");
    let addr: SocketAddr = config
        .addr
        .parse()
        .map_err(|e| anyhow!("--addr {}: not a HOST:PORT address: {e}", config.addr))?;
    let db = open(&config).await?;
    if config.demo
        && storage::load_demo(&db)
            .await
            .context("cannot load the demo data")?
    {
        tracing::info!("loaded the demo data set into the empty database");
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow!("--addr {addr}: cannot listen there: {e}"))?;
    let local = listener.local_addr()?;
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{local}"));
    let state = web::AppState::new(
        db.clone(),
        web::WebConfig {
            secure_cookies: config
                .secure_cookies
                .unwrap_or(public_url.starts_with("https://")),
            login_max_failures: config.login_max_failures,
            login_window: Duration::from_secs(config.login_window_secs),
            public_url,
            trusted_proxies: web::TrustedProxies::parse(&config.trusted_proxies)
                .map_err(|e| anyhow!("trusted_proxies: {e}"))?,
        },
    );
    let (stop_mail, stop_rx) = tokio::sync::watch::channel(false);
    let worker = match &config.smtp_url {
        Some(url) => {
            let sender = mail::Sender::new(&mail::SmtpConfig {
                url: url.clone(),
                from: config.mail_from.clone(),
            })
            .map_err(|e| anyhow!(e))?;
            Some(tokio::spawn(mail::run(
                db.clone(),
                sender,
                Duration::from_secs(2),
                stop_rx,
            )))
        }
        None => {
            tracing::warn!("no --smtp-url: e-mails are queued in the database and not sent");
            None
        }
    };
    let app = web::router(state).into_make_service_with_connect_info::<SocketAddr>();
    // The signal handlers are installed before anyone can know the server is up: a SIGTERM
    // sent right after the "listening" line must be a clean stop, not the default kill.
    let shutdown = shutdown_signal()?;
    println!("jumelage listening on http://{local}");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .context("server error")?;
    let _ = stop_mail.send(true);
    if let Some(w) = worker {
        let _ = w.await;
    }
    db.close().await;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// A future that completes on Ctrl-C or SIGTERM; the handlers are registered when this is called.
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .context("cannot listen for SIGTERM")?;
    #[cfg(unix)]
    let mut interrupt = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
        .context("cannot listen for SIGINT")?;
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = term.recv() => {},
            _ = interrupt.recv() => {},
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing requests in flight");
    })
}

/// The password from standard input when something is piped there; `None` otherwise.
fn read_password() -> anyhow::Result<Option<String>> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Ok(None);
    }
    let mut text = String::new();
    stdin
        .lock()
        .read_to_string(&mut text)
        .context("cannot read the password from standard input")?;
    let password = text.trim_end_matches(['\n', '\r']).to_string();
    if password.is_empty() {
        return Ok(None);
    }
    if password.chars().count() < 10 {
        return Err(anyhow!("the password must have at least 10 characters"));
    }
    Ok(Some(password))
}

async fn create_user(
    db: &Db,
    config: &Config,
    email: String,
    role: Role,
    name: Option<String>,
    lang: Option<String>,
    password: Option<String>,
) -> anyhow::Result<()> {
    let has_password = password.is_some();
    let user = db
        .create_user(&NewUser {
            display_name: name.unwrap_or_else(|| email.clone()),
            email,
            password,
            locale: lang,
            roles: vec![role],
        })
        .await
        .map_err(|e| match e.key() {
            Some(k) => anyhow!(
                "{}: {}",
                k.field
                    .as_deref()
                    .map(|f| format!("--{f}"))
                    .unwrap_or_default(),
                i18n::t(i18n::Lang::En, &k.key.message_id())
            ),
            None => anyhow!(e),
        })?;
    db.audit(
        &storage::AuditEvent::new("user_created")
            .target(format!("user:{}", user.id))
            .detail(format!("{:?}", user.roles))
            .client("command line"),
    )
    .await?;
    if has_password {
        eprintln!("created {} ({})", user.email, user.id);
    } else {
        let token = db.create_invitation(&user.id).await?;
        let base = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", config.addr));
        eprintln!(
            "created {} ({}); send them this invitation link:",
            user.email, user.id
        );
        println!("{base}/invitations/{token}");
    }
    Ok(())
}
