//! Seminars: registration (with the confirmation e-mail queued in the same transaction) and
//! calendar events.

use chrono_tz::Tz;
use domain::accounts::Action;
use domain::seminars::registration::RegistrationStatus;
use domain::seminars::{Audience, SeminarStatus};
use domain::ErrorKey;
use exports::ics::{Event, EventStatus};
use i18n::Lang;
use storage::{Email, Registration, Seminar};

use crate::ctx::Ctx;
use crate::ops::groups::Sender;
use crate::view::when_label;
use crate::OrNotFound;
use crate::{AppError, AppState};

fn url(state: &AppState, s: &Seminar) -> String {
    format!(
        "{}/seminars/{}",
        state.config.public_url.trim_end_matches('/'),
        s.id
    )
}

/// A seminar and its series (whose group says who manages it), or 404.
pub async fn seminar_and_series(
    state: &AppState,
    id: &str,
) -> Result<(storage::Seminar, storage::Series), AppError> {
    let s = state.db.seminar(id).await?.or_404()?;
    let series = state.db.series(&s.series_id).await?.or_404()?;
    Ok((s, series))
}

/// The calendar event of a scheduled seminar, in `ctx`'s language.
pub fn event(ctx: &Ctx, state: &AppState, s: &Seminar, zones: &[Tz]) -> Option<Event> {
    event_in(ctx.lang, state, s, zones)
}

/// The calendar event of a scheduled seminar in `lang`, its times in the zone of record and
/// the group's `zones`.
pub fn event_in(lang: Lang, state: &AppState, s: &Seminar, zones: &[Tz]) -> Option<Event> {
    let span = s.span?;
    let mut description = when_label(lang, &span, s.time_zone, zones);
    if let Some(link) = &s.link {
        description.push_str(&format!("\n\n{link}"));
    }
    description.push_str(&format!("\n\n{}", url(state, s)));
    Some(Event {
        uid: format!("{}@jumelage", s.id),
        sequence: s.sequence,
        stamp: storage::utc(s.updated_at),
        start: span.start,
        end: span.end,
        tz: s.time_zone,
        summary: s.theme.get(lang.code()).to_string(),
        description: Some(description),
        location: s.link.clone(),
        url: Some(url(state, s)),
        status: if s.status == SeminarStatus::Cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        },
    })
}

/// Who a confirmation is for: their name, address, place (registered or waiting) and the
/// secret of their registration's own link.
pub struct Registrant<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub status: RegistrationStatus,
    pub link_secret: &'a str,
}

/// The confirmation (or waiting-list) e-mail, in the recipient's language, with both local
/// times in the body, the video link, the link that cancels, and the calendar file attached
/// once the seminar has a date.
pub fn confirmation(
    lang: Lang,
    state: &AppState,
    s: &Seminar,
    who: &Registrant<'_>,
    sender: &Sender,
) -> Email {
    let (name, email, status, link_secret) = (who.name, who.email, who.status, who.link_secret);
    let zones = sender.zones();
    let base = state.config.public_url.trim_end_matches('/');
    let manage = format!("{base}/registrations/{link_secret}");
    let access = match &s.link {
        Some(link) => i18n::t_args(lang, "email-access-link", &[("link", link.clone().into())]),
        None => i18n::t(lang, "email-access-later"),
    };
    let theme = s.theme.get(lang.code()).to_string();
    let when = match &s.span {
        // Paris first, then the partner's zones, whatever the zone of record.
        Some(span) => when_label(lang, span, domain::time::PARIS, zones),
        None => s
            .planned_period
            .as_ref()
            .map(|p| {
                i18n::t_args(
                    lang,
                    "email-date-later",
                    &[("period", crate::view::period_label(lang, p).into())],
                )
            })
            .unwrap_or_default(),
    };
    let (subject_key, body_key) = match status {
        RegistrationStatus::Waitlisted => ("email-waitlisted-subject", "email-waitlisted-body"),
        _ => ("email-registered-subject", "email-registered-body"),
    };
    let subject = i18n::t_args(lang, subject_key, &[("theme", theme.clone().into())]);
    let body = i18n::t_args(
        lang,
        body_key,
        &[
            ("name", name.into()),
            ("theme", theme.into()),
            ("when", when.into()),
            ("url", url(state, s).into()),
            ("access", access.into()),
            ("manage", manage.into()),
            ("signature", sender.signature(lang).into()),
        ],
    );
    let mut e = Email::new("seminar_registration", email, subject, body);
    if status == RegistrationStatus::Registered {
        if let Some(ev) = event_in(lang, state, s, zones) {
            let ics = exports::ics::calendar(&ev.summary.clone(), &[ev]);
            e.attachment = Some((
                format!("{}.ics", s.id),
                "text/calendar; charset=utf-8; method=PUBLISH".into(),
                ics,
            ));
        }
    }
    e
}

/// Registers the signed-in user (members and observers of the group), or a member of the public
/// when the seminar is open to the public; queues the e-mail with the registration.
pub async fn register(
    ctx: &Ctx,
    state: &AppState,
    seminar: &str,
    name: &str,
    email: &str,
) -> Result<RegistrationStatus, AppError> {
    let (s, series) = crate::ops::seminars::seminar_and_series(state, seminar).await?;
    // Registration closes when the seminar is cancelled or held, or once it has ended.
    let ended = s.span.is_some_and(|x| x.end <= chrono::Utc::now());
    if ended || matches!(s.status, SeminarStatus::Cancelled | SeminarStatus::Held) {
        return Err(AppError::new(ErrorKey::RegistrationClosed));
    }
    let members: Vec<String> = state
        .db
        .group_members(&series.group_id)
        .await?
        .into_iter()
        .map(|m| m.organisation.org.id)
        .collect();
    let member = ctx.actor().can(&Action::ReadGroupWorkspace {
        group: &series.group_id,
        member_of: &members,
    });
    let (user_id, organisation, name, email, lang) = match (&ctx.user, member) {
        (Some(u), true) => (
            Some(u.id.clone()),
            u.roles
                .iter()
                .find_map(|r| r.organisation().map(str::to_string)),
            u.display_name.clone(),
            u.email.clone(),
            u.locale
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or(ctx.lang),
        ),
        _ if s.audience == Audience::Public => {
            let name = domain::directory::clean_text(Some(name), "name", 200)?
                .ok_or_else(|| AppError::field(ErrorKey::Required, "name"))?;
            let email = domain::accounts::normalise_email(email, "email")?;
            (None, None, name, email, ctx.lang)
        }
        (None, _) => return Err(AppError::new(ErrorKey::Unauthenticated)),
        (Some(_), false) => return Err(AppError::forbidden()),
    };
    let registration = Registration {
        id: format!("r-{}", &storage::random_token()[..12]),
        seminar_id: s.id.clone(),
        user_id,
        organisation_id: organisation,
        name: name.clone(),
        email: email.clone(),
        locale: lang.code().into(),
        status: RegistrationStatus::Registered,
        attended: false,
        created_at: 0,
    };
    // Read before the write transaction: a transaction never waits for a second connection.
    let sender = crate::ops::groups::sender(state, &series.group_id).await?;
    let mut tx = state.db.begin().await?;
    let done = state
        .db
        .register_in(&mut tx, &registration, s.capacity)
        .await?;
    // The registration's own link, to cancel it (a public registrant has no account).
    let secret = storage::random_token();
    state
        .db
        .set_registration_link_in(&mut tx, &done.id, &secret)
        .await?;
    let who = Registrant {
        name: &name,
        email: &email,
        status: done.status,
        link_secret: &secret,
    };
    let mail = confirmation(lang, state, &s, &who, &sender);
    state.db.enqueue_email(&mut tx, &mail).await?;
    tx.commit().await?;
    Ok(done.status)
}

/// Invites the group's people (editors of its organisations, observers, coordinators) to a
/// scheduled seminar: one e-mail each, in their language, with both local times and the
/// calendar file; all queued in one transaction. Returns how many were queued.
pub async fn invite_members(ctx: &Ctx, state: &AppState, seminar: &str) -> Result<i64, AppError> {
    let (s, series) = crate::ops::seminars::seminar_and_series(state, seminar).await?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    if s.span.is_none() {
        return Err(AppError::field(ErrorKey::Required, "start"));
    }
    let sender = crate::ops::groups::sender(state, &series.group_id).await?;
    let zones = sender.zones();
    let mut people = state.db.editors_of_group(&series.group_id).await?;
    for u in state.db.users_of_group(&series.group_id).await? {
        if !people.iter().any(|p| p.id == u.id) {
            people.push(u);
        }
    }
    let mut tx = state.db.begin().await?;
    for u in &people {
        let lang = u
            .locale
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(ctx.lang);
        let theme = s.theme.get(lang.code()).to_string();
        let when = s
            .span
            .as_ref()
            .map(|span| when_label(lang, span, domain::time::PARIS, zones))
            .unwrap_or_default();
        let subject = i18n::t_args(
            lang,
            "email-invitation-subject",
            &[("theme", theme.clone().into())],
        );
        let body = i18n::t_args(
            lang,
            "email-invitation-body",
            &[
                ("name", u.display_name.clone().into()),
                ("theme", theme.into()),
                ("series", series.title.get(lang.code()).into()),
                ("when", when.into()),
                ("url", url(state, &s).into()),
                ("signature", sender.signature(lang).into()),
            ],
        );
        let mut e = Email::new("seminar_invitation", &u.email, subject, body);
        if let Some(ev) = event_in(lang, state, &s, zones) {
            let ics = exports::ics::calendar(&ev.summary.clone(), &[ev]);
            e.attachment = Some((
                format!("{}.ics", s.id),
                "text/calendar; charset=utf-8; method=PUBLISH".into(),
                ics,
            ));
        }
        state.db.enqueue_email(&mut tx, &e).await?;
    }
    tx.commit().await?;
    Ok(people.len() as i64)
}

/// Cancels a registration (its owner or the coordinators); the first on the waiting list
/// moves up and is told so by e-mail, in the same transaction.
pub async fn cancel_registration(
    ctx: &Ctx,
    state: &AppState,
    seminar: &str,
    id: &str,
) -> Result<(), AppError> {
    let (s, series) = crate::ops::seminars::seminar_and_series(state, seminar).await?;
    let regs = state.db.registrations(seminar).await?;
    let reg = regs.iter().find(|r| r.id == id).or_404()?;
    let own = ctx
        .user
        .as_ref()
        .is_some_and(|u| reg.user_id.as_deref() == Some(u.id.as_str()));
    if !own {
        ctx.require(&Action::ManageMeetings {
            group: &series.group_id,
        })?;
    }
    cancel_and_promote(ctx, state, &s, &series, &regs, id).await
}

/// Cancels registration `id` of `s`; whoever moves up from the waiting list gets their
/// confirmation (with a link of their own) in the same transaction.
async fn cancel_and_promote(
    ctx: &Ctx,
    state: &AppState,
    s: &Seminar,
    series: &storage::Series,
    regs: &[Registration],
    id: &str,
) -> Result<(), AppError> {
    let sender = crate::ops::groups::sender(state, &series.group_id).await?;
    let mut tx = state.db.begin().await?;
    if let Some(promoted) = state.db.cancel_registration_in(&mut tx, &s.id, id).await? {
        if let Some(p) = regs.iter().find(|r| r.id == promoted) {
            let lang = Lang::parse(&p.locale).unwrap_or(ctx.lang);
            let secret = storage::random_token();
            state
                .db
                .set_registration_link_in(&mut tx, &p.id, &secret)
                .await?;
            let who = Registrant {
                name: &p.name,
                email: &p.email,
                status: RegistrationStatus::Registered,
                link_secret: &secret,
            };
            let mail = confirmation(lang, state, s, &who, &sender);
            state.db.enqueue_email(&mut tx, &mail).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// What a link from a confirmation e-mail stands for: the registration, its seminar and
/// series, and the seminar's registrations (to promote from the waiting list).
pub struct ByLink {
    pub seminar: Seminar,
    pub series: storage::Series,
    pub registration: Registration,
    registrations: Vec<Registration>,
}

pub async fn registration_by_link(state: &AppState, secret: &str) -> Result<ByLink, AppError> {
    let (seminar, id) = state
        .db
        .registration_by_link(secret)
        .await?
        .ok_or_else(|| AppError::new(ErrorKey::InvalidToken))?;
    let (s, series) = seminar_and_series(state, &seminar).await?;
    let registrations = state.db.registrations(&seminar).await?;
    let registration = registrations
        .iter()
        .find(|r| r.id == id)
        .cloned()
        .or_404()?;
    Ok(ByLink {
        seminar: s,
        series,
        registration,
        registrations,
    })
}

/// Cancels the registration of a link (whoever holds the link: it was sent to the address
/// registered). Cancelling twice is harmless.
pub async fn cancel_by_link(ctx: &Ctx, state: &AppState, secret: &str) -> Result<ByLink, AppError> {
    let mut found = registration_by_link(state, secret).await?;
    if found.registration.status != RegistrationStatus::Cancelled {
        let id = found.registration.id.clone();
        cancel_and_promote(
            ctx,
            state,
            &found.seminar,
            &found.series,
            &found.registrations,
            &id,
        )
        .await?;
        found.registration.status = RegistrationStatus::Cancelled;
    }
    Ok(found)
}
