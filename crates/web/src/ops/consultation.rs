//! The consultation of a series' members on its themes, run by the coordinators: open it, make
//! personal links (for all who have not answered, or one organisation), remind the editors who
//! have not answered, close it. One function a step, for pages and API alike.

use std::collections::HashMap;

use domain::accounts::Action;
use domain::groups::GroupRole;
use domain::ErrorKey;
use storage::{Consultation, Email, Series};

use crate::ctx::Ctx;
use crate::OrNotFound;
use crate::{AppError, AppState};

/// Personal links stay valid this long.
pub const LINK_TTL_MS: i64 = 30 * 24 * 3600 * 1000;

/// What the coordinator asks.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Open,
    /// Links for every member and partner that has not answered.
    Links,
    /// A link for one organisation of the group.
    Link(String),
    Remind,
    /// A personal link e-mailed to the contacts of every member and partner that has not
    /// answered.
    SendLinks,
    Close,
}

impl Step {
    pub fn parse(action: &str, organisation: &str) -> Option<Step> {
        Some(match action {
            "open" => Step::Open,
            "links" => Step::Links,
            "link" => Step::Link(organisation.to_string()),
            "remind" => Step::Remind,
            "send_links" => Step::SendLinks,
            "close" => Step::Close,
            _ => return None,
        })
    }
}

/// What came of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Opened,
    /// Organisation id → its personal link (shown once: only its hash is stored).
    Links(HashMap<String, String>),
    /// How many reminders were queued.
    Reminded(i64),
    /// Links e-mailed: messages queued, organisations reached, and the names of those that
    /// have no contact with an e-mail address.
    Sent {
        messages: i64,
        organisations: i64,
        unreachable: Vec<String>,
    },
    Closed,
}

/// A series and its consultation, if any.
pub async fn series_and_consultation(
    state: &AppState,
    series: &str,
) -> Result<(Series, Option<Consultation>), AppError> {
    let s = state.db.series(series).await?.or_404()?;
    let c = state.db.consultation_of_series(series).await?;
    Ok((s, c))
}

/// One step of the consultation of `series` (its coordinators); a step that does not fit the
/// consultation's state (closing one that is not open) is an invalid transition.
pub async fn act(
    ctx: &Ctx,
    state: &AppState,
    series: &str,
    step: Step,
) -> Result<Outcome, AppError> {
    let (series, consultation) = series_and_consultation(state, series).await?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    match (step, consultation) {
        (Step::Open, None) => open(state, &series).await,
        (Step::Links, Some(c)) if c.open => links(state, &series, &c).await,
        (Step::Link(org), Some(c)) if c.open => link(state, &series, &c, &org).await,
        (Step::Remind, Some(c)) if c.open => remind(ctx, state, &series, &c).await,
        (Step::SendLinks, Some(c)) if c.open => send_links(state, &series, &c).await,
        (Step::Close, Some(c)) if c.open => {
            state.db.close_consultation(&c.id).await?;
            Ok(Outcome::Closed)
        }
        _ => Err(AppError::new(ErrorKey::InvalidTransition)),
    }
}

fn base(state: &AppState) -> String {
    state.config.public_url.trim_end_matches('/').to_string()
}

async fn open(state: &AppState, series: &Series) -> Result<Outcome, AppError> {
    let mut tx = state.db.begin().await?;
    state
        .db
        .insert_consultation(
            &mut tx,
            &Consultation {
                id: format!(
                    "{}-consultation-{}",
                    series.id,
                    &storage::random_token()[..6]
                ),
                series_id: series.id.clone(),
                open: true,
                demo: false,
                opened_at: storage::now_ms(),
                closes_at: None,
            },
        )
        .await?;
    tx.commit().await?;
    Ok(Outcome::Opened)
}

async fn answered(state: &AppState, c: &Consultation) -> Result<Vec<String>, AppError> {
    Ok(state
        .db
        .answers(&c.id)
        .await?
        .into_iter()
        .map(|a| a.organisation_id)
        .collect())
}

/// The organisations consulted: the group's members and partners.
async fn consulted(state: &AppState, series: &Series) -> Result<Vec<String>, AppError> {
    Ok(state
        .db
        .group_members(&series.group_id)
        .await?
        .into_iter()
        .filter(|m| matches!(m.role, GroupRole::Member | GroupRole::Partner))
        .map(|m| m.organisation.org.id)
        .collect())
}

async fn links(state: &AppState, series: &Series, c: &Consultation) -> Result<Outcome, AppError> {
    let answered = answered(state, c).await?;
    let mut links = HashMap::new();
    for id in consulted(state, series).await? {
        if !answered.contains(&id) {
            let secret = state
                .db
                .create_consultation_link(&c.id, &id, LINK_TTL_MS)
                .await?;
            links.insert(id, format!("{}/consult/{secret}", base(state)));
        }
    }
    Ok(Outcome::Links(links))
}

async fn link(
    state: &AppState,
    series: &Series,
    c: &Consultation,
    organisation: &str,
) -> Result<Outcome, AppError> {
    if !consulted(state, series)
        .await?
        .iter()
        .any(|o| o == organisation)
    {
        return Err(AppError::field(
            ErrorKey::UnknownOrganisation,
            "organisation",
        ));
    }
    let secret = state
        .db
        .create_consultation_link(&c.id, organisation, LINK_TTL_MS)
        .await?;
    Ok(Outcome::Links(HashMap::from([(
        organisation.to_string(),
        format!("{}/consult/{secret}", base(state)),
    )])))
}

/// A reminder to each editor of an organisation that has not answered, in their language.
async fn remind(
    ctx: &Ctx,
    state: &AppState,
    series: &Series,
    c: &Consultation,
) -> Result<Outcome, AppError> {
    let answered = answered(state, c).await?;
    let url = format!("{}/series/{}/consultation/answer", base(state), series.id);
    let sender = crate::ops::groups::sender(state, &series.group_id).await?;
    let mut sent = 0i64;
    let editors = state.db.editors_of_group(&series.group_id).await?;
    let mut tx = state.db.begin().await?;
    for user in editors {
        let Some(org) = user.roles.iter().find_map(|r| r.organisation()) else {
            continue;
        };
        if answered.iter().any(|a| a == org) {
            continue;
        }
        let lang = user
            .locale
            .as_deref()
            .and_then(i18n::Lang::parse)
            .unwrap_or(ctx.lang);
        let title = series.title.get(lang.code());
        let subject = i18n::t_args(lang, "email-reminder-subject", &[("series", title.into())]);
        let body = i18n::t_args(
            lang,
            "email-reminder-body",
            &[
                ("name", user.display_name.clone().into()),
                ("series", title.into()),
                ("url", url.clone().into()),
                ("signature", sender.signature(lang).into()),
            ],
        );
        let email = Email::new("consultation_reminder", &user.email, subject, body);
        state.db.enqueue_email(&mut tx, &email).await?;
        sent += 1;
    }
    tx.commit().await?;
    Ok(Outcome::Reminded(sent))
}

/// A personal link per organisation that has not answered, e-mailed to each of its contacts
/// with an address (all queued in one transaction); the page says how many and to whom.
async fn send_links(
    state: &AppState,
    series: &Series,
    c: &Consultation,
) -> Result<Outcome, AppError> {
    let answered = answered(state, c).await?;
    let sender = crate::ops::groups::sender(state, &series.group_id).await?;
    let members = state.db.group_members(&series.group_id).await?;
    // Reads and links first; the e-mails then go in one write transaction.
    let mut mails = Vec::new();
    let mut unreachable = Vec::new();
    let mut organisations = 0;
    for m in members
        .iter()
        .filter(|m| matches!(m.role, GroupRole::Member | GroupRole::Partner))
        .filter(|m| !answered.contains(&m.organisation.org.id))
    {
        let org = &m.organisation.org;
        let lang = crate::view::language_of_country(org.country.as_str());
        let contacts: Vec<_> = state
            .db
            .contacts_of(&org.id)
            .await?
            .into_iter()
            .filter(|p| p.email.is_some())
            .collect();
        if contacts.is_empty() {
            unreachable.push(org.names.get(lang.code()).to_string());
            continue;
        }
        let secret = state
            .db
            .create_consultation_link(&c.id, &org.id, LINK_TTL_MS)
            .await?;
        let url = format!("{}/consult/{secret}", base(state));
        organisations += 1;
        for p in contacts {
            let title = series.title.get(lang.code());
            let subject = i18n::t_args(
                lang,
                "email-consultation-subject",
                &[("series", title.into())],
            );
            let body = i18n::t_args(
                lang,
                "email-consultation-body",
                &[
                    ("name", p.name.clone().into()),
                    ("organisation", org.names.get(lang.code()).into()),
                    ("series", title.into()),
                    ("url", url.clone().into()),
                    ("signature", sender.signature(lang).into()),
                ],
            );
            let to = p.email.unwrap_or_default();
            mails.push(Email::new("consultation_link", &to, subject, body));
        }
    }
    let mut tx = state.db.begin().await?;
    for m in &mails {
        state.db.enqueue_email(&mut tx, m).await?;
    }
    tx.commit().await?;
    unreachable.sort();
    Ok(Outcome::Sent {
        messages: mails.len() as i64,
        organisations,
        unreachable,
    })
}
