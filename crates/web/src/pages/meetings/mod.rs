//! Group meetings: the list, each meeting's page (times in the viewer's zone, Paris and Seoul;
//! agenda with the minutes; participants; decisions; follow-ups, including those carried from
//! earlier meetings; attachments), the forms to create and change them, calendar files and
//! attendance exports.

mod calendar;
mod forms;
mod minutes;
mod participants;
mod records;
mod send;

use std::sync::Arc;

use askama::Template;

use crate::cache::PageCached;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::accounts::Action;
use domain::meetings::follow_ups::FollowUpStatus;
use domain::meetings::MeetingStatus;
use std::collections::HashMap;
use storage::{Db, FollowUpRecord, MeetingRecord};

use super::{render, Pager, Paging};
use crate::ctx::Ctx;
use crate::view::{code_label, period_label, when_label, zone_label, Page};
use crate::{AppError, AppState};

pub use calendar::group_feed;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/meetings", get(list).post(forms::create))
        .route("/meetings/new", get(forms::new_form))
        .route("/meetings/{id}", get(show))
        .route(
            "/meetings/{id}/edit",
            get(forms::edit_form).post(forms::update),
        )
        .route("/meetings/{id}/cancel", post(forms::cancel))
        .route("/meetings/{id}/send", get(send::new).post(send::send))
        .route("/meetings/{id}/register", post(participants::register))
        .route(
            "/meetings/{id}/participants",
            get(records::participant_page).post(records::add_participant),
        )
        .route(
            "/meetings/{id}/participants/{pid}",
            post(participants::set_presence),
        )
        .route("/meetings/{id}/attendance", get(participants::attendance))
        .route(
            "/meetings/{id}/attachments",
            post(participants::upload).layer(axum::extract::DefaultBodyLimit::max(
                crate::uploads::MAX_BYTES + 1024 * 1024,
            )),
        )
        .route(
            "/meetings/{id}/attachments/{aid}",
            get(participants::download),
        )
        .route("/meetings/{id}/decisions", post(participants::add_decision))
        .route(
            "/meetings/{id}/follow-ups",
            get(records::follow_up_page).post(records::add_follow_up),
        )
        .route("/meetings/{id}/minutes", post(minutes::save))
        .route("/meetings/{id}/minutes/edit", get(minutes::edit_form))
        .route("/meetings/{id}/minutes/status", post(minutes::set_status))
        .route("/meetings/{id}/minutes/versions", get(minutes::versions))
        .route("/meetings/{id}/minutes/diff", get(minutes::diff))
        .route("/meetings/{id}/minutes/print", get(minutes::print))
        .route(
            "/follow-ups/{id}/status",
            post(participants::follow_up_status),
        )
}

pub use crate::ops::meetings::{can_read_group, visible_meeting};
pub use records::member_options;

pub fn meeting_title(ctx: &Ctx, rec: &MeetingRecord) -> String {
    rec.meeting.title.get(ctx.lang.code()).to_string()
}

pub struct MeetingItem {
    pub id: String,
    pub title: String,
    pub when: String,
    pub cancelled: bool,
    pub format: String,
}

impl MeetingItem {
    /// `zones`: the group's reference zones, shown after the reader's own.
    pub fn new(ctx: &Ctx, rec: &MeetingRecord, zones: &[chrono_tz::Tz]) -> MeetingItem {
        MeetingItem {
            id: rec.meeting.id.clone(),
            title: meeting_title(ctx, rec),
            when: when_label(ctx.lang, &rec.meeting.span, ctx.tz, zones),
            cancelled: rec.meeting.status == MeetingStatus::Cancelled,
            format: code_label(ctx.lang, "meeting-format", rec.meeting.format.code()),
        }
    }
}

#[derive(Template)]
#[template(path = "meetings/list.html")]
struct ListTemplate {
    page: Page,
    items: Vec<MeetingItem>,
    pager: Pager,
    can_create: bool,
    group: String,
}

pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let db = &state.db;
    let group = match q.get("group").filter(|g| !g.is_empty()) {
        Some(g) => g.clone(),
        None => db
            .groups()
            .await?
            .first()
            .map(|g| g.id.clone())
            .unwrap_or_default(),
    };
    let paging = Paging::from_query(&q, 50);
    let public_only = !can_read_group(&ctx, db, &group).await?;
    let (records, total) = db
        .meetings(Some(&group), public_only, paging.limit, paging.offset)
        .await?;
    let zones = crate::ops::groups::zones(&state, &group).await?;
    let t = ListTemplate {
        page: Page::new(&ctx, "meetings", ctx.t("meeting-list-title")),
        items: records
            .iter()
            .map(|r| MeetingItem::new(&ctx, r, &zones))
            .collect(),
        pager: Pager::new(&ctx, "/meetings", &q, &paging, total),
        can_create: ctx.actor().can(&Action::ManageMeetings { group: &group }),
        group,
    };
    Ok(render(&t))
}

pub struct FollowUpView {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub owner_id: Option<String>,
    pub due: Option<String>,
    pub status: String,
    pub status_code: &'static str,
    pub origin: Option<(String, String)>,
    pub can_update: bool,
}

/// Follow-ups as shown on meeting pages and the board.
/// Still-open follow-ups of the group's earlier meetings, which come to this one: one read,
/// the origin meeting's start comes with each follow-up.
async fn carried_follow_ups(
    db: &Db,
    m: &domain::meetings::Meeting,
) -> Result<Vec<FollowUpRecord>, AppError> {
    Ok(db
        .follow_ups(&m.group_id, true)
        .await?
        .into_iter()
        .filter(|f| match (&f.meeting_id, &f.origin) {
            (Some(mid), _) if *mid == m.id => false,
            (Some(_), Some((_, start, _))) => *start < m.span.start,
            (Some(_), None) => false,
            (None, _) => true,
        })
        .collect())
}

pub async fn follow_up_views(
    ctx: &Ctx,
    db: &Db,
    records: &[FollowUpRecord],
) -> Result<Vec<FollowUpView>, AppError> {
    let lang = ctx.lang;
    let org_ids: Vec<&str> = records
        .iter()
        .filter_map(|r| r.follow_up.owner_organisation.as_deref())
        .collect();
    let orgs = db.organisations_by_ids(&org_ids).await?;
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        let f = &r.follow_up;
        let owner_org = f.owner_organisation.as_ref().and_then(|id| orgs.get(id));
        let owner = match (owner_org, &f.owner_text) {
            (Some(o), _) => o.org.names.get(lang.code()).to_string(),
            (None, Some(t)) => t.clone(),
            (None, None) => String::new(),
        };
        let origin = match (&r.meeting_id, &r.origin) {
            (Some(mid), Some((title, start, tz))) => Some((
                mid.clone(),
                format!(
                    "{} ({})",
                    title.get(lang.code()),
                    i18n::format_date_medium(lang, start.with_timezone(tz).date_naive())
                ),
            )),
            _ => None,
        };
        out.push(FollowUpView {
            id: r.id.clone(),
            text: f.text.get(lang.code()).to_string(),
            owner,
            owner_id: owner_org.map(|o| o.org.id.clone()),
            due: f.due.as_ref().map(|p| period_label(lang, p)),
            status: code_label(lang, "follow-up-status", f.status.code()),
            status_code: f.status.code(),
            origin,
            can_update: ctx.actor().can(&Action::UpdateFollowUp {
                group: &r.group_id,
                owner: f.owner_organisation.as_deref(),
            }),
        });
    }
    Ok(out)
}

pub struct AgendaView {
    pub number: usize,
    pub title: String,
    pub minutes_html: Option<String>,
    pub minutes_lang: &'static str,
    /// "(écrit en coréen)" when the minutes are not in the reader's language.
    pub minutes_marker: Option<String>,
    pub decisions: Vec<String>,
}

pub struct ParticipantView {
    pub id: String,
    pub name: String,
    pub organisation: Option<(String, String)>,
    pub role: Option<String>,
    pub presence: String,
    pub presence_code: &'static str,
}

pub struct AttachmentView {
    pub id: String,
    pub title: String,
    pub file_name: String,
    pub size: String,
}

pub use crate::view::Choice;
use crate::OrNotFound;

/// A meeting's page: the layout around its body.
#[derive(Template)]
#[template(path = "meetings/show.html")]
struct ShowPage {
    page: Page,
    body: Arc<PageCached>,
}

/// A meeting's body, as the reader may see and do.
#[derive(Template)]
#[template(path = "meetings/_show_body.html")]
struct ShowTemplate {
    page: Page,
    m: MeetingItem,
    /// The title in the partner's own language: (text, tag, direction).
    title_other: Option<(String, String, &'static str)>,
    place: Option<String>,
    link: Option<String>,
    agenda: Vec<AgendaView>,
    participants: Vec<ParticipantView>,
    presence_count: String,
    minutes_status: String,
    minutes_status_code: &'static str,
    minutes_version: i64,
    follow_ups: Vec<FollowUpView>,
    carried: Vec<FollowUpView>,
    attachments: Vec<AttachmentView>,
    can_manage: bool,
    can_edit_minutes: bool,
    can_register: bool,
    zones: Vec<Choice>,
    presences: Vec<Choice>,
    next_statuses: Vec<Choice>,
    statuses: Vec<Choice>,
    back: String,
    /// The group's organisations, to pick a participant's or a follow-up's.
    organisations: Vec<Choice>,
    /// Periods to pick a follow-up's due date from.
    due_choices: Vec<Choice>,
}

fn follow_up_statuses(lang: i18n::Lang) -> Vec<Choice> {
    FollowUpStatus::ALL
        .into_iter()
        .map(|s| Choice {
            value: s.code().into(),
            label: code_label(lang, "follow-up-status", s.code()),
            selected: false,
        })
        .collect()
}

/// The text of one item in the user's language, or the first language it was written in.
pub fn pick_text<'a>(
    lang: &str,
    body: &'a domain::directory::Names,
) -> Option<(&'a str, &'static str)> {
    let order: [(&Option<String>, &'static str); 3] = match lang {
        "ko" => [(&body.ko, "ko"), (&body.fr, "fr"), (&body.en, "en")],
        "en" => [(&body.en, "en"), (&body.fr, "fr"), (&body.ko, "ko")],
        _ => [(&body.fr, "fr"), (&body.en, "en"), (&body.ko, "ko")],
    };
    order
        .into_iter()
        .find_map(|(t, l)| t.as_deref().map(|t| (t, l)))
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    if let Some(id) = id.strip_suffix(".ics") {
        return calendar::meeting_file(&ctx, &state, id).await;
    }
    // A visitor without an account may do nothing on the page: what they see is the same for
    // every visitor of one language and zone, built once per stamp of what it shows, and a
    // visitor who holds it already is answered before anything is built.
    if ctx.user.is_none() {
        let (visibility, stamp) = state.db.meeting_stamp(&id).await?.or_404()?;
        if visibility != domain::meetings::Visibility::Public.code() {
            return Err(AppError::new(domain::ErrorKey::Unauthenticated));
        }
        let key = format!("meeting:{id}:{}:{}:{stamp}", ctx.lang.code(), ctx.tz.name());
        let validator = crate::view::Validator::for_visitor(&ctx, &key);
        if let Some(done) = validator.as_ref().and_then(|v| v.not_modified(&ctx)) {
            return Ok(done);
        }
        let body = match state.home_pages.get(&key) {
            Some(hit) => hit,
            None => {
                let rec = visible_meeting(&ctx, &state.db, &id).await?;
                let built = show_body(&ctx, &state, &rec).await?;
                state.home_pages.put(key, built)
            }
        };
        let page = render(&ShowPage {
            page: Page::new(&ctx, "meetings", body.title.clone()),
            body,
        });
        return Ok(match validator {
            Some(v) => v.attach(page),
            None => page,
        });
    }
    let rec = visible_meeting(&ctx, &state.db, &id).await?;
    let body = Arc::new(show_body(&ctx, &state, &rec).await?);
    let t = ShowPage {
        page: Page::new(&ctx, "meetings", body.title.clone()),
        body,
    };
    Ok(render(&t))
}

/// The body of a meeting's page for this reader.
async fn show_body(
    ctx: &Ctx,
    state: &AppState,
    rec: &MeetingRecord,
) -> Result<PageCached, AppError> {
    let db = &state.db;
    let id = rec.meeting.id.clone();
    let m = &rec.meeting;
    let lang = ctx.lang;
    let minutes = db.minutes(&id).await?;
    let decisions = db.decisions(&id).await?;
    let agenda = agenda_views(state, lang, m, minutes.as_ref(), &decisions);
    let participants = db.participants(&id).await?;
    let org_ids: Vec<&str> = participants
        .iter()
        .filter_map(|p| p.organisation_id.as_deref())
        .collect();
    let orgs = db.organisations_by_ids(&org_ids).await?;
    let present = participants
        .iter()
        .filter(|p| p.presence == domain::meetings::Presence::Present)
        .count() as i64;
    let participant_orgs: Vec<String> = participants
        .iter()
        .filter_map(|p| p.organisation_id.clone())
        .collect();
    let can_manage = ctx
        .actor()
        .can(&Action::ManageMeetings { group: &m.group_id });
    let can_edit_minutes = ctx.actor().can(&Action::EditMinutes {
        group: &m.group_id,
        participants: &participant_orgs,
    });
    let own = db.follow_ups_of_meeting(&id).await?;
    let carried_from_earlier = carried_follow_ups(db, m).await?;
    let status = minutes
        .as_ref()
        .map(|mi| mi.status)
        .unwrap_or(domain::meetings::minutes::MinutesStatus::Draft);
    let next_statuses = domain::meetings::minutes::MinutesStatus::ALL
        .into_iter()
        .filter(|s| status.can_move_to(*s))
        .map(|s| Choice {
            value: s.code().into(),
            label: code_label(lang, "minutes-action", s.code()),
            selected: false,
        })
        .collect();
    let group_zones = crate::ops::groups::zones(state, &m.group_id).await?;
    let zones = zone_choices(ctx, &group_zones);
    let title = meeting_title(ctx, rec);
    let t = ShowTemplate {
        page: Page::new(ctx, "meetings", title.clone()),
        m: MeetingItem::new(ctx, rec, &group_zones),
        title_other: crate::view::other_line(&m.title_other),
        place: m.place.clone(),
        link: m.link.clone(),
        agenda,
        presence_count: i18n::t_args(
            lang,
            "meeting-presence-count",
            &[
                ("present", present.into()),
                ("count", (participants.len() as i64).into()),
            ],
        ),
        participants: participant_views(lang, &participants, &orgs),
        minutes_status: code_label(lang, "minutes-status", status.code()),
        minutes_status_code: status.code(),
        minutes_version: minutes.as_ref().map(|m| m.current_version).unwrap_or(0),
        follow_ups: follow_up_views(ctx, db, &own).await?,
        carried: follow_up_views(ctx, db, &carried_from_earlier).await?,
        attachments: attachment_views(lang, db, &id).await?,
        can_manage,
        can_edit_minutes,
        // Past meetings no longer offer to register.
        can_register: ctx.user.is_some()
            && m.status == MeetingStatus::Scheduled
            && m.span.end > chrono::Utc::now(),
        zones,
        presences: presence_choices(lang),
        next_statuses,
        statuses: follow_up_statuses(lang),
        back: format!("/meetings/{id}#follow-ups"),
        organisations: if can_manage || can_edit_minutes {
            records::member_options(ctx, state, &m.group_id)
                .await?
                .into_iter()
                .map(|(value, label)| Choice {
                    value,
                    label,
                    selected: false,
                })
                .collect()
        } else {
            Vec::new()
        },
        due_choices: crate::view::period_choices(lang, chrono::Datelike::year(&m.span.start), None),
    };
    Ok(PageCached {
        title,
        body: t.render().map_err(|e| {
            tracing::error!(error = %e, "template error");
            AppError::new(domain::ErrorKey::Internal)
        })?,
    })
}

/// The agenda with each item's minutes (in the reader's language when written in it) and the
/// decisions recorded under it.
fn agenda_views(
    state: &AppState,
    lang: i18n::Lang,
    m: &domain::meetings::Meeting,
    minutes: Option<&storage::MinutesState>,
    decisions: &[storage::Decision],
) -> Vec<AgendaView> {
    let id = &m.id;
    let version = minutes.map(|m| m.current_version).unwrap_or(0);
    m.agenda
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let text = minutes
                .and_then(|mi| mi.items.iter().find(|it| it.agenda_position == i))
                .and_then(|it| pick_text(lang.code(), &it.body));
            AgendaView {
                number: i + 1,
                title: title.get(lang.code()).to_string(),
                minutes_html: text.map(|(t, l)| {
                    // Rendered once per version, item and language.
                    let key = format!("minutes:{id}:{version}:{i}:{l}");
                    crate::markdown::render_cached(&state.cache, key, t)
                }),
                minutes_lang: text.map(|(_, l)| l).unwrap_or("fr"),
                minutes_marker: text.and_then(|(_, l)| crate::view::written_in(lang, l)),
                decisions: decisions
                    .iter()
                    .filter(|d| d.agenda_position == Some(i as i64))
                    .map(|d| d.text.get(lang.code()).to_string())
                    .collect(),
            }
        })
        .collect()
}

fn participant_views(
    lang: i18n::Lang,
    participants: &[storage::Participant],
    orgs: &std::collections::HashMap<String, storage::OrganisationRecord>,
) -> Vec<ParticipantView> {
    participants
        .iter()
        .map(|p| ParticipantView {
            id: p.id.clone(),
            name: p.name.clone(),
            organisation: p
                .organisation_id
                .as_ref()
                .and_then(|o| orgs.get(o))
                .map(|o| (o.org.id.clone(), o.org.names.get(lang.code()).to_string())),
            role: p.role_title.clone(),
            presence: code_label(lang, "presence", p.presence.code()),
            presence_code: p.presence.code(),
        })
        .collect()
}

/// The zones a reader may show the meeting in: the group's, UTC and their own.
fn zone_choices(ctx: &Ctx, group: &[chrono_tz::Tz]) -> Vec<Choice> {
    let mut zones: Vec<chrono_tz::Tz> = group.to_vec();
    for z in [chrono_tz::UTC, ctx.tz] {
        if !zones.contains(&z) {
            zones.push(z);
        }
    }
    zones
        .into_iter()
        .map(|z| Choice {
            value: z.name().into(),
            label: zone_label(ctx.lang, z),
            selected: z == ctx.tz,
        })
        .collect()
}

async fn attachment_views(
    lang: i18n::Lang,
    db: &Db,
    meeting: &str,
) -> Result<Vec<AttachmentView>, AppError> {
    Ok(db
        .attachments(storage::AttachedTo::Meeting, meeting)
        .await?
        .into_iter()
        .map(|a| AttachmentView {
            size: format!("{} KiB", i18n::format_number(lang, (a.size + 1023) / 1024)),
            id: a.id,
            title: a.title,
            file_name: a.file_name,
        })
        .collect())
}

fn presence_choices(lang: i18n::Lang) -> Vec<Choice> {
    domain::meetings::Presence::ALL
        .into_iter()
        .map(|p| Choice {
            value: p.code().into(),
            label: code_label(lang, "presence", p.code()),
            selected: false,
        })
        .collect()
}

/// The group's follow-up board: everything still to do, then what was done or dropped.
#[derive(Template)]
#[template(path = "meetings/board.html")]
struct BoardTemplate {
    page: Page,
    group: String,
    open: Vec<FollowUpView>,
    closed: Vec<FollowUpView>,
    statuses: Vec<Choice>,
    back: String,
    meeting_ref: String,
}

pub async fn board(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(group): Path<String>,
) -> Result<Response, AppError> {
    let db = &state.db;
    db.group(&group).await?.or_404()?;
    if !can_read_group(&ctx, db, &group).await? {
        return Err(if ctx.user.is_none() {
            AppError::new(domain::ErrorKey::Unauthenticated)
        } else {
            AppError::forbidden()
        });
    }
    let all = db.follow_ups(&group, false).await?;
    let (open, closed): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|f| f.follow_up.status.is_carried());
    let t = BoardTemplate {
        page: Page::new(&ctx, "follow-ups", ctx.t("board-title")),
        open: follow_up_views(&ctx, db, &open).await?,
        closed: follow_up_views(&ctx, db, &closed).await?,
        statuses: follow_up_statuses(ctx.lang),
        back: format!("/groups/{group}/follow-ups"),
        meeting_ref: String::new(),
        group,
    };
    Ok(render(&t))
}
