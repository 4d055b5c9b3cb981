//! Editing an organisation on a page: its editors and the secretariat. A refused form comes back
//! with what was typed and the error on its field; the change goes to the history.

use crate::input::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::accounts::Action;
use domain::directory::{Names, OrgKind, OrganisationInput, Seat};
use domain::ErrorKey;
use serde::Deserialize;

use super::meetings::Choice;
use super::render;
use crate::ctx::Ctx;
use crate::view::{country_choices, kind_label, level_choices, Page};
use crate::OrNotFound;
use crate::{AppError, AppState};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OrgForm {
    pub kind: String,
    pub country: String,
    pub level: String,
    pub parent_id: String,
    pub name_fr: String,
    pub name_ko: String,
    pub name_ko_latn: String,
    pub name_en: String,
    pub population: String,
    pub population_year: String,
    pub lat: String,
    pub lon: String,
    pub seat_name: String,
    pub website: String,
    pub notes: String,
    pub notes_lang: String,
    /// One name in another language (its BCP 47 tag and the name); further ones ride along in
    /// `other_more` (`tag: name | tag: name`) so that the form never drops them.
    pub other_lang: String,
    pub other_name: String,
    pub other_more: String,
    pub version: i64,
    /// The reader's language, for the notes' language list (not a form field).
    #[serde(skip)]
    pub reader: String,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl OrgForm {
    fn input(&self) -> Result<OrganisationInput, AppError> {
        let num = |v: &str, f: &str| -> Result<Option<i64>, AppError> {
            match opt(v) {
                None => Ok(None),
                Some(v) => v
                    .replace([' ', '\u{202F}', ','], "")
                    .parse()
                    .map(Some)
                    .map_err(|_| AppError::field(ErrorKey::InvalidNumber, f)),
            }
        };
        let coord = |v: &str, f: &str| -> Result<Option<f64>, AppError> {
            match opt(v) {
                None => Ok(None),
                Some(v) => v
                    .parse()
                    .map(Some)
                    .map_err(|_| AppError::field(ErrorKey::InvalidCoordinates, f)),
            }
        };
        let (lat, lon) = (coord(&self.lat, "lat")?, coord(&self.lon, "lon")?);
        Ok(OrganisationInput {
            id: None,
            kind: self.kind.clone(),
            country: self.country.clone(),
            level: opt(&self.level),
            parent_id: opt(&self.parent_id),
            names: Names {
                fr: opt(&self.name_fr),
                ko: opt(&self.name_ko),
                ko_latn: opt(&self.name_ko_latn),
                en: opt(&self.name_en),
            },
            population: num(&self.population, "population")?,
            population_year: num(&self.population_year, "population_year")?
                .and_then(|y| i32::try_from(y).ok()),
            seat: lat.zip(lon).map(|(lat, lon)| Seat { lat, lon }),
            seat_name: opt(&self.seat_name),
            website: opt(&self.website),
            notes: opt(&self.notes),
            notes_lang: opt(&self.notes_lang),
            other_names: self.other_names(),
        })
    }

    fn other_names(&self) -> std::collections::BTreeMap<String, String> {
        let mut out: std::collections::BTreeMap<String, String> = self
            .other_more
            .split('|')
            .filter_map(|p| p.split_once(':'))
            .map(|(t, n)| (t.trim().to_string(), n.trim().to_string()))
            .filter(|(t, n)| !t.is_empty() && !n.is_empty())
            .collect();
        // A name without its language is kept under an empty tag, which validation refuses on
        // the language field rather than dropping what was typed.
        out.extend(crate::view::one_other(&self.other_lang, &self.other_name));
        out
    }

    /// `rtl` when the other name's language is written right to left.
    pub fn other_dir(&self) -> &'static str {
        domain::directory::direction(self.other_lang.trim())
    }

    /// The languages the notes may be in: French, Korean, English, and the other name's.
    pub fn notes_lang_choices(&self) -> Vec<(String, String)> {
        let lang = i18n::Lang::parse(&self.reader).unwrap_or(i18n::Lang::Fr);
        crate::view::language_options(lang, &[&self.other_lang, &self.notes_lang])
    }

    fn from_record(r: &storage::OrganisationRecord) -> OrgForm {
        let o = &r.org;
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        OrgForm {
            kind: o.kind.code().into(),
            country: o.country.as_str().into(),
            level: o.level.map(|l| l.code().to_string()).unwrap_or_default(),
            parent_id: s(&o.parent_id),
            name_fr: s(&o.names.fr),
            name_ko: s(&o.names.ko),
            name_ko_latn: s(&o.names.ko_latn),
            name_en: s(&o.names.en),
            population: o.population.map(|p| p.to_string()).unwrap_or_default(),
            population_year: o.population_year.map(|p| p.to_string()).unwrap_or_default(),
            lat: o.seat.map(|p| p.lat.to_string()).unwrap_or_default(),
            lon: o.seat.map(|p| p.lon.to_string()).unwrap_or_default(),
            seat_name: s(&o.seat_name),
            website: s(&o.website),
            notes: s(&o.notes),
            notes_lang: s(&o.notes_lang),
            other_lang: o.other_names.keys().next().cloned().unwrap_or_default(),
            other_name: o.other_names.values().next().cloned().unwrap_or_default(),
            other_more: o
                .other_names
                .iter()
                .skip(1)
                .map(|(t, n)| format!("{t}: {n}"))
                .collect::<Vec<_>>()
                .join(" | "),
            version: r.version,
            reader: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "directory/organisations/form.html")]
struct FormTemplate {
    page: Page,
    id: String,
    form: OrgForm,
    kinds: Vec<Choice>,
    levels: Vec<Choice>,
    countries: Vec<Choice>,
    suggestion: Option<String>,
    error: Option<String>,
    error_field: String,
}

fn form_page(ctx: &Ctx, id: &str, mut form: OrgForm, error: Option<AppError>) -> Response {
    let lang = ctx.lang;
    form.reader = lang.code().into();
    if id.is_empty() && form.notes_lang.is_empty() {
        form.notes_lang = lang.code().into();
    }
    let status = error.as_ref().map(|e| e.status).unwrap_or(StatusCode::OK);
    // The levels of the organisation's country (a country changed without script: the page
    // that refuses the old level offers the new country's).
    let countries = match domain::directory::Country::parse(&form.country) {
        Some(c) => vec![c.as_str().to_string()],
        None => vec!["FR".to_string(), "KR".to_string()],
    };
    let title = ctx.t(if id.is_empty() {
        "org-new-title"
    } else {
        "org-edit-title"
    });
    let t = FormTemplate {
        page: Page::new(ctx, "organisations", title),
        id: id.to_string(),
        kinds: OrgKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.code().into(),
                label: kind_label(lang, *k),
                selected: form.kind == k.code(),
            })
            .collect(),
        levels: level_choices(lang, &countries, Some(&form.level)),
        countries: country_choices(lang, Some(&form.country)),
        suggestion: opt(&form.name_ko)
            .filter(|_| form.name_ko_latn.trim().is_empty())
            .map(|k| domain::directory::romanize_place(&k)),
        error_field: error
            .as_ref()
            .and_then(|e| e.field.clone())
            .unwrap_or_default(),
        error: error.map(|e| ctx.t(&e.message_key())),
        form,
    };
    (status, render(&t)).into_response()
}

pub async fn edit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let rec = state.db.organisation(&id).await?.or_404()?;
    ctx.require(&Action::EditOrganisation { organisation: &id })?;
    Ok(form_page(&ctx, &id, OrgForm::from_record(&rec), None))
}

pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<OrgForm>,
) -> Result<Response, AppError> {
    state.db.organisation(&id).await?.or_404()?;
    ctx.require(&Action::EditOrganisation { organisation: &id })?;
    let result = match form.input() {
        Ok(input) => {
            crate::ops::directory::update_organisation(&ctx, &state, &id, &input, form.version)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/organisations/{id}")).into_response()),
        Err(e) if matches!(e.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) => Err(e),
        Err(e) => Ok(form_page(&ctx, &id, form, Some(e))),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    country: String,
}

/// A new organisation (the secretariat): `?country=SN` offers that country's levels at once.
pub async fn new(
    ctx: Ctx,
    axum::extract::Query(q): axum::extract::Query<NewQuery>,
) -> Result<Response, AppError> {
    ctx.require(&Action::CreateOrganisation)?;
    let form = OrgForm {
        kind: OrgKind::LocalAuthority.code().into(),
        country: q.country.trim().to_ascii_uppercase(),
        ..OrgForm::default()
    };
    Ok(form_page(&ctx, "", form, None))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    Form(form): Form<OrgForm>,
) -> Result<Response, AppError> {
    ctx.require(&Action::CreateOrganisation)?;
    let result = match form.input() {
        Ok(input) => crate::ops::directory::create_organisation(&ctx, &state, input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/organisations/{id}")).into_response()),
        Err(e) if matches!(e.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) => Err(e),
        Err(e) => Ok(form_page(&ctx, "", form, Some(e))),
    }
}
