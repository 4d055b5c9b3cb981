//! Coordinators run a series from pages: start a series, add a seminar, edit one (theme, period
//! picked from a list, date and time in Paris, length, link, capacity, audience, status —
//! cancelling included), and edit its programme (add, edit, reorder, remove presentations, the
//! organisation picked by name through a search on the server). The rules are the inputs'
//! `validate` (`domain::seminars::programme`), the writes `ops::programme`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::accounts::Action;
use domain::directory::Names;
use domain::seminars::programme::{PresentationInput, SeminarInput, SeriesInput};
use domain::seminars::{Audience, SeminarStatus};
use domain::time::PARIS;
use storage::Seminar;

use crate::ctx::Ctx;
use crate::input::Form;
use crate::ops::programme as ops;
use crate::pages::directory::record_form::{back_to_form, Field, FormPage, Submitted};
use crate::pages::render;
use crate::view::{code_label, country_label, organisation_choices, Choice, Page};
use crate::OrNotFound;
use crate::{AppError, AppState};

fn names(v: &Submitted, field: &str) -> Names {
    Names {
        fr: v.get(&format!("{field}.fr")),
        ko: v.get(&format!("{field}.ko")),
        ko_latn: None,
        en: v.get(&format!("{field}.en")),
    }
}

fn names_fields(ctx: &Ctx, v: &Submitted, field: &'static [&'static str; 3]) -> Vec<Field> {
    let labels = ["name-fr", "name-ko", "name-en"];
    let langs = ["fr", "ko", "en"];
    (0..3)
        .map(|i| Field::text(ctx, field[i], labels[i], v.get(field[i]).as_deref()).lang(langs[i]))
        .collect()
}

/// The text in one more language (the partner's): its tag and the text, `{prefix}_other.lang`
/// and `{prefix}_other.text`.
fn other_fields(ctx: &Ctx, v: &Submitted, prefix: &str) -> Vec<Field> {
    let (lang, text): (&'static str, &'static str) = match prefix {
        "theme" => ("theme_other.lang", "theme_other.text"),
        _ => ("title_other.lang", "title_other.text"),
    };
    vec![
        Field::text(ctx, lang, "other-lang", v.get(lang).as_deref())
            .hint(ctx.t("org-other-lang-hint")),
        Field::text(ctx, text, "in-other-lang", v.get(text).as_deref()),
    ]
}

/// What the two fields of `other_fields` hold.
fn other_of(v: &Submitted, prefix: &str) -> std::collections::BTreeMap<String, String> {
    crate::view::one_other(
        &v.get(&format!("{prefix}_other.lang")).unwrap_or_default(),
        &v.get(&format!("{prefix}_other.text")).unwrap_or_default(),
    )
}

// ---------------------------------------------------------------------------------------------
// A new series

#[derive(serde::Deserialize, Default)]
pub struct GroupQuery {
    #[serde(default)]
    group: String,
}

async fn group_or_first(state: &AppState, group: &str) -> Result<String, AppError> {
    if !group.is_empty() {
        return Ok(group.to_string());
    }
    Ok(state
        .db
        .groups()
        .await?
        .first()
        .map(|g| g.id.clone())
        .unwrap_or_default())
}

fn series_form(ctx: &Ctx, group: &str, v: &Submitted) -> FormPage {
    let mut fields = vec![
        Field::text(ctx, "year", "series-year", v.get("year").as_deref())
            .kind("number")
            .required(),
    ];
    fields.extend(names_fields(ctx, v, &["title.fr", "title.ko", "title.en"]));
    fields.extend(other_fields(ctx, v, "title"));
    FormPage {
        section: "seminars",
        title: ctx.t("series-new-title"),
        back: ("/seminars".into(), ctx.t("seminar-list-title")),
        action: format!("/series/new?group={group}"),
        version: None,
        fields,
        archive: None,
        history: Vec::new(),
    }
}

pub async fn new_series(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<GroupQuery>,
) -> Result<Response, AppError> {
    let group = group_or_first(&state, &q.group).await?;
    ctx.require(&Action::ManageMeetings { group: &group })?;
    let next = chrono::Utc::now().format("%Y").to_string();
    let v = Submitted::from_fields(&[("year", Some(next))]);
    Ok(series_form(&ctx, &group, &v).render(&ctx, None))
}

pub async fn create_series(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<GroupQuery>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let group = group_or_first(&state, &q.group).await?;
    let v = Submitted(form);
    let input = SeriesInput {
        year: v.get("year").and_then(|y| y.parse().ok()).unwrap_or(0),
        title: names(&v, "title"),
        title_other: other_of(&v, "title"),
    };
    match ops::create_series(&ctx, &state, &group, &input).await {
        Ok(s) => Ok(Redirect::to(&format!("/series/{}/seminars/new", s.id)).into_response()),
        Err(e) if back_to_form(&e) => Ok(series_form(&ctx, &group, &v).render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------------
// A seminar, new or edited

/// The periods a planner picks from: the series' year and the next, whole, by part and by month.
fn period_options(ctx: &Ctx, year: i64, current: Option<&str>) -> Vec<(String, String)> {
    crate::view::period_options(ctx.lang, year as i32, current)
}

fn seminar_form(
    ctx: &Ctx,
    year: i64,
    action: String,
    back: String,
    edit: bool,
    v: &Submitted,
) -> FormPage {
    let mut fields = names_fields(ctx, v, &["theme.fr", "theme.ko", "theme.en"]);
    fields.extend(other_fields(ctx, v, "theme"));
    let lang = ctx.lang;
    let period = v.get("planned_period");
    fields.push(
        Field::text(ctx, "planned_period", "seminar-period", period.as_deref())
            .select(period_options(ctx, year, period.as_deref())),
    );
    if edit {
        fields.push(
            Field::text(
                ctx,
                "start",
                "seminar-start-date",
                v.get("start").as_deref(),
            )
            .kind("date")
            .hint(ctx.t("seminar-start-hint")),
        );
        fields.push(
            Field::text(
                ctx,
                "start_time",
                "seminar-start-time",
                v.get("start_time").as_deref(),
            )
            .kind("time"),
        );
        fields.push(Field::text(ctx, "link", "meeting-link", v.get("link").as_deref()).kind("url"));
    }
    fields.push(
        Field::text(
            ctx,
            "duration_minutes",
            "seminar-duration-minutes",
            v.get("duration_minutes").as_deref(),
        )
        .kind("number")
        .required(),
    );
    fields.push(
        Field::text(
            ctx,
            "capacity",
            "seminar-capacity",
            v.get("capacity").as_deref(),
        )
        .kind("number"),
    );
    let audiences = [Audience::Members, Audience::Public]
        .map(|a| {
            (
                a.code().to_string(),
                code_label(lang, "seminar-audience", a.code()),
            )
        })
        .to_vec();
    fields.push(
        Field::text(
            ctx,
            "audience",
            "seminar-audience",
            v.get("audience").as_deref(),
        )
        .select(audiences),
    );
    if edit {
        let statuses = SeminarStatus::ALL
            .map(|s| {
                (
                    s.code().to_string(),
                    code_label(lang, "seminar-status", s.code()),
                )
            })
            .to_vec();
        fields.push(
            Field::text(ctx, "status", "seminar-status", v.get("status").as_deref())
                .select(statuses),
        );
    }
    FormPage {
        section: "seminars",
        title: ctx.t(if edit {
            "seminar-edit-title"
        } else {
            "seminar-new-title"
        }),
        back: (back, ctx.t("seminar-list-title")),
        action,
        version: v.get("version").and_then(|x| x.parse().ok()),
        fields,
        archive: None,
        history: Vec::new(),
    }
}

/// What the seminar form holds, as the domain's input; the date and time are Paris time.
fn seminar_input(v: &Submitted) -> Result<SeminarInput, AppError> {
    let start = match (v.get("start"), v.get("start_time")) {
        (Some(d), t) => {
            let date = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|_| AppError::field(domain::ErrorKey::InvalidDate, "start"))?;
            let time = chrono::NaiveTime::parse_from_str(t.as_deref().unwrap_or("10:00"), "%H:%M")
                .map_err(|_| AppError::field(domain::ErrorKey::InvalidTime, "start_time"))?;
            Some(domain::time::local_to_utc(
                date.and_time(time),
                PARIS,
                "start",
            )?)
        }
        (None, _) => None,
    };
    let number = |k: &str| -> Result<Option<i64>, AppError> {
        v.get(k)
            .map(|x| {
                x.parse()
                    .map_err(|_| AppError::field(domain::ErrorKey::InvalidNumber, k))
            })
            .transpose()
    };
    Ok(SeminarInput {
        theme: names(v, "theme"),
        theme_other: other_of(v, "theme"),
        planned_period: v.get("planned_period"),
        start,
        duration_minutes: number("duration_minutes")?.unwrap_or(0),
        link: v.get("link"),
        capacity: number("capacity")?,
        audience: v.get("audience"),
        status: v.get("status"),
    })
}

pub async fn new_seminar(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(series): Path<String>,
) -> Result<Response, AppError> {
    let s = state.db.series(&series).await?.or_404()?;
    ctx.require(&Action::ManageMeetings { group: &s.group_id })?;
    let v = Submitted::from_fields(&[
        ("duration_minutes", Some("90".into())),
        ("audience", Some("members".into())),
    ]);
    let action = format!("/series/{series}/seminars/new");
    Ok(seminar_form(&ctx, s.year, action, "/seminars".into(), false, &v).render(&ctx, None))
}

pub async fn create_seminar(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(series): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let s = state.db.series(&series).await?.or_404()?;
    let v = Submitted(form);
    let result = match seminar_input(&v) {
        Ok(input) => ops::create_seminar(&ctx, &state, &series, &input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/seminars/{id}/programme")).into_response()),
        Err(e) if back_to_form(&e) => {
            let action = format!("/series/{series}/seminars/new");
            let page = seminar_form(&ctx, s.year, action, "/seminars".into(), false, &v);
            Ok(page.render(&ctx, Some(e)))
        }
        Err(e) => Err(e),
    }
}

fn filled(s: &Seminar) -> Submitted {
    let local = s.span.map(|x| x.start.with_timezone(&PARIS));
    Submitted::from_fields(&[
        ("theme.fr", s.theme.fr.clone()),
        ("theme.ko", s.theme.ko.clone()),
        ("theme.en", s.theme.en.clone()),
        ("theme_other.lang", s.theme_other.keys().next().cloned()),
        ("theme_other.text", s.theme_other.values().next().cloned()),
        ("planned_period", s.planned_period.map(|p| p.code())),
        ("start", local.map(|t| t.format("%Y-%m-%d").to_string())),
        ("start_time", local.map(|t| t.format("%H:%M").to_string())),
        ("link", s.link.clone()),
        ("duration_minutes", Some(s.duration_minutes.to_string())),
        ("capacity", s.capacity.map(|c| c.to_string())),
        ("audience", Some(s.audience.code().into())),
        ("status", Some(s.status.code().into())),
        ("version", Some(s.version.to_string())),
    ])
}

pub async fn edit_seminar(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (s, series) = crate::ops::seminars::seminar_and_series(&state, &id).await?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let page = seminar_form(
        &ctx,
        series.year,
        format!("/seminars/{id}/edit"),
        format!("/seminars/{id}"),
        true,
        &filled(&s),
    );
    Ok(page.render(&ctx, None))
}

pub async fn save_seminar(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (_, series) = crate::ops::seminars::seminar_and_series(&state, &id).await?;
    let v = Submitted(form);
    let version = v.get("version").and_then(|x| x.parse().ok());
    let result = match seminar_input(&v) {
        Ok(input) => ops::update_seminar(&ctx, &state, &id, &input, version)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/seminars/{id}")).into_response()),
        Err(e) if back_to_form(&e) => {
            let page = seminar_form(
                &ctx,
                series.year,
                format!("/seminars/{id}/edit"),
                format!("/seminars/{id}"),
                true,
                &v,
            );
            Ok(page.render(&ctx, Some(e)))
        }
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------------
// The programme

pub struct ItemView {
    pub id: String,
    pub title: String,
    pub organisation: String,
    pub speaker: String,
    pub minutes: i64,
    pub first: bool,
    pub last: bool,
}

#[derive(Template)]
#[template(path = "seminars/programme.html")]
struct ProgrammeTemplate {
    page: Page,
    seminar: String,
    items: Vec<ItemView>,
    q: String,
    searched: bool,
    found: Vec<Choice>,
    typed: Submitted,
    error: Option<String>,
    error_field: String,
    total: i64,
    duration: i64,
}

pub async fn programme(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<crate::input::SearchBox>,
) -> Result<Response, AppError> {
    programme_page(&ctx, &state, &id, q.q.trim(), Submitted(Vec::new()), None).await
}

async fn programme_page(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    q: &str,
    typed: Submitted,
    error: Option<AppError>,
) -> Result<Response, AppError> {
    let (s, series) = crate::ops::seminars::seminar_and_series(state, id).await?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let lang = ctx.lang;
    let list = state.db.presentations(id).await?;
    let ids: Vec<&str> = list
        .iter()
        .filter_map(|p| p.organisation_id.as_deref())
        .collect();
    let orgs = state.db.organisations_by_ids(&ids).await?;
    let n = list.len();
    let items = list
        .iter()
        .enumerate()
        .map(|(i, p)| ItemView {
            id: p.id.clone(),
            title: p.title.get(lang.code()).to_string(),
            organisation: p
                .organisation_id
                .as_ref()
                .and_then(|o| orgs.get(o))
                .map(|o| o.org.names.get(lang.code()).to_string())
                .unwrap_or_default(),
            speaker: p.speaker.clone().unwrap_or_default(),
            minutes: p.duration_minutes,
            first: i == 0,
            last: i + 1 == n,
        })
        .collect();
    let chosen = typed.get("organisation_id");
    let found = organisation_choices(lang, &state.db, q, chosen.as_deref(), &[]).await?;
    let status = error
        .as_ref()
        .map(|e| e.status)
        .unwrap_or(axum::http::StatusCode::OK);
    let t = ProgrammeTemplate {
        page: Page::new(
            ctx,
            "seminars",
            i18n::t_args(
                lang,
                "programme-title",
                &[(
                    "seminar",
                    format!("#{} {}", s.position + 1, s.theme.get(lang.code())).into(),
                )],
            ),
        ),
        seminar: id.to_string(),
        total: list.iter().map(|p| p.duration_minutes).sum(),
        duration: s.duration_minutes,
        items,
        q: q.to_string(),
        searched: !q.is_empty(),
        found,
        typed,
        error_field: error
            .as_ref()
            .and_then(|e| e.field.clone())
            .unwrap_or_default(),
        error: error.map(|e| ctx.t(&e.message_key())),
    };
    Ok((status, render(&t)).into_response())
}

fn presentation_input(v: &Submitted) -> Result<PresentationInput, AppError> {
    Ok(PresentationInput {
        title: names(v, "title"),
        organisation_id: v.get("organisation_id"),
        speaker: v.get("speaker"),
        duration_minutes: match v.get("duration_minutes") {
            None => 0,
            Some(x) => x.parse().map_err(|_| {
                AppError::field(domain::ErrorKey::InvalidNumber, "duration_minutes")
            })?,
        },
    })
}

pub async fn add_presentation(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    let result = match presentation_input(&v) {
        Ok(input) => ops::add_presentation(&ctx, &state, &id, &input)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/seminars/{id}/programme")).into_response()),
        Err(e) if back_to_form(&e) => {
            let q = v.get("q").unwrap_or_default();
            programme_page(&ctx, &state, &id, &q, v, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

#[derive(serde::Deserialize)]
pub struct MoveForm {
    action: String,
}

/// Up, down or off the programme.
pub async fn presentation_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    match form.action.as_str() {
        "up" | "down" => {
            ops::move_presentation(&ctx, &state, &id, &item, form.action == "up").await?
        }
        "remove" => ops::remove_presentation(&ctx, &state, &id, &item).await?,
        _ => return Err(AppError::field(domain::ErrorKey::BadRequest, "action")),
    }
    Ok(Redirect::to(&format!("/seminars/{id}/programme")).into_response())
}

/// The organisations a presentation may be given to: the group's, by name (and the one it has).
async fn organisation_options(
    ctx: &Ctx,
    state: &AppState,
    seminar: &str,
) -> Result<Vec<(String, String)>, AppError> {
    let (_, series) = crate::ops::seminars::seminar_and_series(state, seminar).await?;
    let mut out: Vec<(String, String)> = state
        .db
        .group_members(&series.group_id)
        .await?
        .iter()
        .map(|m| {
            let o = &m.organisation.org;
            let label = format!(
                "{} ({})",
                o.names.get(ctx.lang.code()),
                country_label(ctx.lang, o.country.as_str())
            );
            (o.id.clone(), label)
        })
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out.insert(0, (String::new(), "—".into()));
    Ok(out)
}

fn presentation_form(
    ctx: &Ctx,
    seminar: &str,
    item: &str,
    v: &Submitted,
    organisations: Vec<(String, String)>,
) -> FormPage {
    let mut fields = names_fields(ctx, v, &["title.fr", "title.ko", "title.en"]);
    fields.push(
        Field::text(
            ctx,
            "organisation_id",
            "programme-organisation",
            v.get("organisation_id").as_deref(),
        )
        .select(organisations),
    );
    fields.push(Field::text(
        ctx,
        "speaker",
        "programme-speaker",
        v.get("speaker").as_deref(),
    ));
    fields.push(
        Field::text(
            ctx,
            "duration_minutes",
            "seminar-duration-minutes",
            v.get("duration_minutes").as_deref(),
        )
        .kind("number")
        .required(),
    );
    FormPage {
        section: "seminars",
        title: ctx.t("programme-edit-title"),
        back: (
            format!("/seminars/{seminar}/programme"),
            ctx.t("seminar-programme"),
        ),
        action: format!("/seminars/{seminar}/programme/{item}/edit"),
        version: None,
        fields,
        archive: None,
        history: Vec::new(),
    }
}

pub async fn edit_presentation(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (_, series) = crate::ops::seminars::seminar_and_series(&state, &id).await?;
    ctx.require(&Action::ManageMeetings {
        group: &series.group_id,
    })?;
    let list = state.db.presentations(&id).await?;
    let p = list.iter().find(|p| p.id == item).or_404()?;
    let v = Submitted::from_fields(&[
        ("title.fr", p.title.fr.clone()),
        ("title.ko", p.title.ko.clone()),
        ("title.en", p.title.en.clone()),
        ("organisation_id", p.organisation_id.clone()),
        ("speaker", p.speaker.clone()),
        ("duration_minutes", Some(p.duration_minutes.to_string())),
    ]);
    let orgs = organisation_options(&ctx, &state, &id).await?;
    Ok(presentation_form(&ctx, &id, &item, &v, orgs).render(&ctx, None))
}

pub async fn save_presentation(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let v = Submitted(form);
    let result = match presentation_input(&v) {
        Ok(input) => ops::update_presentation(&ctx, &state, &id, &item, &input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/seminars/{id}/programme")).into_response()),
        Err(e) if back_to_form(&e) => {
            let orgs = organisation_options(&ctx, &state, &id).await?;
            Ok(presentation_form(&ctx, &id, &item, &v, orgs).render(&ctx, Some(e)))
        }
        Err(e) => Err(e),
    }
}
