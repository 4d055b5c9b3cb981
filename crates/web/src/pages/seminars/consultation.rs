//! The consultation of members on the series' themes: the coordinator's progress view (who
//! answered, personal links, reminders, closing), and the answer form — for a signed-in editor,
//! or through a personal link that needs no account.

use std::collections::HashMap;

use crate::input::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::accounts::Action;
use domain::groups::GroupRole;
use domain::seminars::consultation::{AnswerInput, Willing};
use domain::ErrorKey;
use storage::{Consultation, Series};

use crate::ctx::Ctx;
use crate::ops::consultation::{self, series_and_consultation, Outcome, Step};
use crate::pages::render;
use crate::view::{code_label, Page};
use crate::OrNotFound;
use crate::{AppError, AppState};

pub struct Row {
    pub organisation_id: String,
    pub name: String,
    pub country: String,
    pub answered: Option<String>,
    pub willing: Option<String>,
    pub ranks: String,
    pub link: Option<String>,
}

#[derive(Template)]
#[template(path = "seminars/consultation.html")]
struct ProgressTemplate {
    page: Page,
    series_id: String,
    series_title: String,
    open: Option<bool>,
    demo: bool,
    answered: usize,
    rows: Vec<Row>,
    message: Option<String>,
}

async fn progress_page(
    ctx: &Ctx,
    state: &AppState,
    series_id: &str,
    links: HashMap<String, String>,
    message: Option<String>,
) -> Result<Response, AppError> {
    let (series, consultation) = series_and_consultation(state, series_id).await?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let lang = ctx.lang;
    let seminars = state.db.seminars(series_id).await?;
    let answers = match &consultation {
        Some(c) => state.db.answers(&c.id).await?,
        None => Vec::new(),
    };
    let mut rows = Vec::new();
    for m in state.db.group_members(&series.group_id).await? {
        if !matches!(m.role, GroupRole::Member | GroupRole::Partner) {
            continue;
        }
        let id = m.organisation.org.id.clone();
        let a = answers.iter().find(|a| a.organisation_id == id);
        rows.push(Row {
            name: m.organisation.org.names.get(lang.code()).to_string(),
            country: m.organisation.org.country.as_str().to_string(),
            answered: a
                .map(|a| i18n::format_date_medium(lang, storage::utc(a.answered_at).date_naive())),
            willing: a.map(|a| code_label(lang, "willing", a.answer.willing.code())),
            ranks: a
                .map(|a| {
                    a.answer
                        .ranks
                        .iter()
                        .filter_map(|(s, r)| {
                            seminars
                                .iter()
                                .find(|x| &x.id == s)
                                .map(|x| format!("{r}. #{}", x.position + 1))
                        })
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .unwrap_or_default(),
            link: links.get(&id).cloned(),
            organisation_id: id,
        });
    }
    rows.sort_by(|a, b| (a.country != "FR", &a.name).cmp(&(b.country != "FR", &b.name)));
    let t = ProgressTemplate {
        page: Page::new(ctx, "seminars", ctx.t("consultation-title")),
        series_title: series.title.get(lang.code()).to_string(),
        series_id: series_id.to_string(),
        open: consultation.as_ref().map(|c| c.open),
        demo: consultation.as_ref().is_some_and(|c| c.demo),
        answered: rows.iter().filter(|r| r.answered.is_some()).count(),
        rows,
        message,
    };
    Ok(render(&t))
}

pub async fn progress(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(series): Path<String>,
) -> Result<Response, AppError> {
    progress_page(&ctx, &state, &series, HashMap::new(), None).await
}

#[derive(serde::Deserialize)]
pub struct ActForm {
    action: String,
    #[serde(default)]
    organisation: String,
}

/// The coordinator opens the consultation, makes personal links (shown once), sends reminders
/// to the editors of organisations that have not answered, or closes it.
pub async fn act(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(series_id): Path<String>,
    Form(form): Form<ActForm>,
) -> Result<Response, AppError> {
    let step = Step::parse(&form.action, &form.organisation)
        .ok_or_else(|| AppError::new(ErrorKey::InvalidTransition))?;
    let (links, message) = match consultation::act(&ctx, &state, &series_id, step).await? {
        Outcome::Opened => (HashMap::new(), ctx.t("consultation-opened")),
        Outcome::Links(links) => (links, ctx.t("consultation-links-made")),
        Outcome::Reminded(sent) => (
            HashMap::new(),
            i18n::t_args(ctx.lang, "consultation-reminded", &[("count", sent.into())]),
        ),
        Outcome::Sent {
            messages,
            organisations,
            unreachable,
        } => {
            let mut text = i18n::t_args(
                ctx.lang,
                "consultation-links-sent",
                &[
                    ("messages", messages.into()),
                    ("organisations", organisations.into()),
                ],
            );
            if !unreachable.is_empty() {
                text.push(' ');
                text.push_str(&i18n::t_args(
                    ctx.lang,
                    "consultation-unreachable",
                    &[
                        ("count", (unreachable.len() as i64).into()),
                        ("names", unreachable.join(", ").into()),
                    ],
                ));
            }
            (HashMap::new(), text)
        }
        Outcome::Closed => (HashMap::new(), ctx.t("consultation-closed")),
    };
    progress_page(&ctx, &state, &series_id, links, Some(message)).await
}

pub struct ThemeChoice {
    pub seminar_id: String,
    pub number: i64,
    pub theme: String,
    /// (rank, selected)
    pub options: Vec<(String, bool)>,
}

#[derive(Template)]
#[template(path = "seminars/answer.html")]
struct AnswerTemplate {
    page: Page,
    action: String,
    organisation: String,
    series_title: String,
    themes: Vec<ThemeChoice>,
    willing_choices: Vec<(String, String, bool)>,
    availability: String,
    comments: String,
    error: Option<String>,
    saved: bool,
    closed: bool,
}

struct Target {
    consultation: Consultation,
    series: Series,
    organisation: String,
}

async fn answer_page(
    ctx: &Ctx,
    state: &AppState,
    t: &Target,
    action: String,
    typed: Option<&HashMap<String, String>>,
    error: Option<AppError>,
    saved: bool,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let seminars = state.db.seminars(&t.series.id).await?;
    let current = state
        .db
        .answers(&t.consultation.id)
        .await?
        .into_iter()
        .find(|a| a.organisation_id == t.organisation);
    let org = state.db.organisation(&t.organisation).await?.or_404()?;
    let value = |k: &str, stored: Option<String>| match typed {
        Some(f) => f.get(k).cloned().unwrap_or_default(),
        None => stored.unwrap_or_default(),
    };
    let status = error.as_ref().map(|e| e.status).unwrap_or(StatusCode::OK);
    let page = AnswerTemplate {
        page: Page::new(ctx, "seminars", ctx.t("consultation-answer-title")),
        action,
        organisation: org.org.names.get(lang.code()).to_string(),
        series_title: t.series.title.get(lang.code()).to_string(),
        themes: seminars
            .iter()
            .map(|s| ThemeChoice {
                options: {
                    let rank = value(
                        &format!("rank-{}", s.id),
                        current.as_ref().and_then(|a| {
                            a.answer
                                .ranks
                                .iter()
                                .find(|(x, _)| x == &s.id)
                                .map(|(_, r)| r.to_string())
                        }),
                    );
                    (1..=seminars.len())
                        .map(|r| (r.to_string(), r.to_string() == rank))
                        .collect()
                },
                seminar_id: s.id.clone(),
                number: s.position + 1,
                theme: s.theme.get(lang.code()).to_string(),
            })
            .collect(),
        willing_choices: {
            let willing = value(
                "willing",
                current
                    .as_ref()
                    .map(|a| a.answer.willing.code().to_string()),
            );
            Willing::ALL
                .iter()
                .map(|w| {
                    (
                        w.code().to_string(),
                        code_label(lang, "willing", w.code()),
                        w.code() == willing,
                    )
                })
                .collect()
        },
        availability: value(
            "availability",
            current.as_ref().and_then(|a| a.answer.availability.clone()),
        ),
        comments: value(
            "comments",
            current.as_ref().and_then(|a| a.answer.comments.clone()),
        ),
        error: error.map(|e| ctx.t(&e.message_key())),
        saved,
        closed: !t.consultation.open,
    };
    Ok((status, render(&page)).into_response())
}

async fn save(
    ctx: &Ctx,
    state: &AppState,
    t: &Target,
    action: String,
    fields: HashMap<String, String>,
    answered_by: &str,
) -> Result<Response, AppError> {
    if !t.consultation.open {
        return Err(AppError::new(ErrorKey::InvalidTransition));
    }
    let seminars: Vec<String> = state
        .db
        .seminars(&t.series.id)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let input = AnswerInput {
        rankings: seminars
            .iter()
            .map(|s| (s.clone(), fields.get(&format!("rank-{s}")).cloned()))
            .collect(),
        willing: fields.get("willing").cloned().unwrap_or_default(),
        availability: fields.get("availability").cloned(),
        comments: fields.get("comments").cloned(),
    };
    match input.validate(&seminars) {
        Ok(answer) => {
            state
                .db
                .save_answer(
                    &t.consultation.id,
                    &t.organisation,
                    &answer,
                    Some(answered_by),
                )
                .await?;
            answer_page(ctx, state, t, action, None, None, true).await
        }
        // What was typed comes back with the error.
        Err(e) => answer_page(ctx, state, t, action, Some(&fields), Some(e.into()), false).await,
    }
}

async fn by_link(state: &AppState, token: &str) -> Result<Target, AppError> {
    let (cid, org) = state
        .db
        .consultation_link(token)
        .await?
        .ok_or(AppError::new(ErrorKey::InvalidToken))?;
    let consultation = state
        .db
        .consultation(&cid)
        .await?
        .ok_or(AppError::new(ErrorKey::InvalidToken))?;
    let series = state.db.series(&consultation.series_id).await?.or_404()?;
    Ok(Target {
        consultation,
        series,
        organisation: org,
    })
}

pub async fn link_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let t = by_link(&state, &token).await?;
    answer_page(
        &ctx,
        &state,
        &t,
        format!("/consult/{token}"),
        None,
        None,
        false,
    )
    .await
}

pub async fn link_save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let t = by_link(&state, &token).await?;
    save(
        &ctx,
        &state,
        &t,
        format!("/consult/{token}"),
        fields,
        "link",
    )
    .await
}

/// The signed-in editor answers for their own organisation, when it takes part in the group.
async fn own_target(ctx: &Ctx, state: &AppState, series_id: &str) -> Result<Target, AppError> {
    let (series, consultation) = series_and_consultation(state, series_id).await?;
    let consultation = consultation.or_404()?;
    let user = ctx
        .user
        .as_ref()
        .ok_or(AppError::new(ErrorKey::Unauthenticated))?;
    let members: Vec<String> = state
        .db
        .group_members(&series.group_id)
        .await?
        .into_iter()
        .map(|m| m.organisation.org.id)
        .collect();
    let organisation = user
        .roles
        .iter()
        .filter_map(|r| r.organisation())
        .find(|o| members.iter().any(|m| m == o))
        .ok_or_else(AppError::forbidden)?
        .to_string();
    Ok(Target {
        consultation,
        series,
        organisation,
    })
}

pub async fn own_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(series): Path<String>,
) -> Result<Response, AppError> {
    let t = own_target(&ctx, &state, &series).await?;
    answer_page(
        &ctx,
        &state,
        &t,
        format!("/series/{series}/consultation/answer"),
        None,
        None,
        false,
    )
    .await
}

pub async fn own_save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(series): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let t = own_target(&ctx, &state, &series).await?;
    let by = ctx.user.as_ref().map(|u| u.id.clone()).unwrap_or_default();
    save(
        &ctx,
        &state,
        &t,
        format!("/series/{series}/consultation/answer"),
        fields,
        &by,
    )
    .await
}
