//! A meeting's invitation by e-mail, with its calendar file: to the contacts of an organisation
//! of the register, to the participants who have an address, or to addresses typed by the
//! coordinator; each in the language of its reader, all queued in one transaction.

use domain::accounts::Action;
use domain::meetings::MeetingStatus;
use domain::ErrorKey;
use exports::ics::{Event, EventStatus};
use i18n::Lang;
use storage::{Email, MeetingRecord};

use crate::ctx::Ctx;
use crate::ops::audit::event as audit_event;
use crate::view::when_label;
use crate::OrNotFound;
use crate::{AppError, AppState};

/// The most addresses one sending may reach.
pub const MAX_RECIPIENTS: usize = 300;

/// The calendar event of a meeting in `lang`, with its times in the group's zones in its text.
pub fn event(lang: Lang, state: &AppState, rec: &MeetingRecord, zones: &[chrono_tz::Tz]) -> Event {
    let m = &rec.meeting;
    let url = format!(
        "{}/meetings/{}",
        state.config.public_url.trim_end_matches('/'),
        m.id
    );
    let mut description = when_label(lang, &m.span, m.time_zone, zones);
    if !m.agenda.is_empty() {
        description.push_str("\n\n");
        description.push_str(&i18n::t(lang, "meeting-agenda"));
        for (i, item) in m.agenda.iter().enumerate() {
            description.push_str(&format!("\n{}. {}", i + 1, item.get(lang.code())));
        }
    }
    if let Some(link) = &m.link {
        description.push_str(&format!("\n\n{link}"));
    }
    description.push_str(&format!("\n\n{url}"));
    Event {
        uid: format!("{}@jumelage", m.id),
        sequence: m.sequence,
        stamp: storage::utc(rec.updated_at),
        start: m.span.start,
        end: m.span.end,
        tz: m.time_zone,
        summary: m.title.get(lang.code()).to_string(),
        description: Some(description),
        location: m.place.clone().or_else(|| m.link.clone()),
        url: Some(url),
        status: match m.status {
            MeetingStatus::Scheduled => EventStatus::Confirmed,
            MeetingStatus::Cancelled => EventStatus::Cancelled,
        },
    }
}

/// Who receives the invitation.
#[derive(Debug, Clone, Default)]
pub struct Recipients {
    /// Every contact with an address of this organisation.
    pub organisation: Option<String>,
    /// The participants linked to a contact with an address.
    pub participants: bool,
    /// Addresses typed, separated by commas, semicolons, spaces or lines.
    pub addresses: String,
}

/// The addresses typed, each checked: a wrong one is named by its place (`addresses[2]`).
fn typed(addresses: &str) -> Result<Vec<String>, AppError> {
    addresses
        .split([',', ';', ' ', '\n', '\r', '\t'])
        .filter(|a| !a.trim().is_empty())
        .enumerate()
        .map(|(i, a)| {
            domain::accounts::normalise_email(a, &format!("addresses[{i}]")).map_err(Into::into)
        })
        .collect()
}

/// Sends the invitation; returns the addresses it was queued for, in order.
pub async fn send_invitations(
    ctx: &Ctx,
    state: &AppState,
    meeting: &str,
    to: &Recipients,
) -> Result<Vec<String>, AppError> {
    let rec = state.db.meeting(meeting).await?.or_404()?;
    let group = rec.meeting.group_id.clone();
    ctx.require(&Action::ManageMeetings { group: &group })?;
    if rec.meeting.status == MeetingStatus::Cancelled {
        return Err(AppError::field(ErrorKey::InvalidTransition, "meeting"));
    }
    // (address, language), the first language found for an address kept.
    let mut list: Vec<(String, Lang)> = Vec::new();
    let mut add = |email: String, lang: Lang| {
        if !list.iter().any(|(e, _)| *e == email) {
            list.push((email, lang));
        }
    };
    if let Some(org_id) = to.organisation.as_deref().filter(|o| !o.is_empty()) {
        let org = state
            .db
            .organisation(org_id)
            .await?
            .ok_or_else(|| AppError::field(ErrorKey::UnknownOrganisation, "organisation"))?;
        let lang = crate::view::language_of_country(org.org.country.as_str());
        for c in state.db.contacts_of(org_id).await? {
            if let (Some(e), None) = (c.email, c.archived_at) {
                add(e, lang);
            }
        }
    }
    if to.participants {
        // The participants linked to a contact, by organisation: each read once.
        let mut people: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for p in state.db.participants(meeting).await? {
            if let (Some(person), Some(org)) = (p.person_id, p.organisation_id) {
                people.entry(org).or_default().push(person);
            }
        }
        let ids: Vec<&str> = people.keys().map(String::as_str).collect();
        let orgs = state.db.organisations_by_ids(&ids).await?;
        for (org_id, persons) in &people {
            let Some(org) = orgs.get(org_id) else {
                continue;
            };
            let lang = crate::view::language_of_country(org.org.country.as_str());
            for c in state.db.contacts_of(org_id).await? {
                if let (true, Some(e)) = (persons.contains(&c.person_id), c.email) {
                    add(e, lang);
                }
            }
        }
    }
    for e in typed(&to.addresses)? {
        add(e, ctx.lang);
    }
    if list.is_empty() {
        return Err(AppError::field(ErrorKey::Required, "addresses"));
    }
    if list.len() > MAX_RECIPIENTS {
        return Err(AppError::field(ErrorKey::InvalidNumber, "addresses"));
    }
    let sender = crate::ops::groups::sender(state, &group).await?;
    let zones = sender.zones().to_vec();
    let mut tx = state.db.begin().await?;
    for (email, lang) in &list {
        let lang = *lang;
        let title = rec.meeting.title.get(lang.code()).to_string();
        let place = rec
            .meeting
            .place
            .clone()
            .or_else(|| rec.meeting.link.clone())
            .unwrap_or_default();
        let body = i18n::t_args(
            lang,
            "email-meeting-invitation-body",
            &[
                ("title", title.clone().into()),
                ("group", sender.group.name_in(lang.code()).into()),
                (
                    "when",
                    when_label(lang, &rec.meeting.span, rec.meeting.time_zone, &zones).into(),
                ),
                ("place", place.into()),
                (
                    "url",
                    format!(
                        "{}/meetings/{}",
                        state.config.public_url.trim_end_matches('/'),
                        meeting
                    )
                    .into(),
                ),
                ("signature", sender.signature(lang).into()),
            ],
        );
        let subject = i18n::t_args(
            lang,
            "email-meeting-invitation-subject",
            &[("title", title.into())],
        );
        let mut mail = Email::new("meeting_invitation", email, subject, body);
        let ev = event(lang, state, &rec, &zones);
        mail.attachment = Some((
            format!("{meeting}.ics"),
            "text/calendar; charset=utf-8; method=PUBLISH".into(),
            exports::ics::calendar(&ev.summary.clone(), &[ev]),
        ));
        state.db.enqueue_email(&mut tx, &mail).await?;
    }
    state
        .db
        .audit_in(
            &mut tx,
            &audit_event(ctx, "meeting_invitations_sent")
                .target(format!("meeting:{meeting}"))
                .detail(format!("{} addresses", list.len())),
        )
        .await?;
    tx.commit().await?;
    Ok(list.into_iter().map(|(e, _)| e).collect())
}
