//! A registration's own page, reached from the link in its confirmation e-mail (no account
//! needed): the seminar, when it is in the reader's zone and the group's, the video link while
//! the place is held, and a button that cancels (a link opened by a mail scanner changes
//! nothing: cancelling is a POST).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::seminars::registration::RegistrationStatus;

use crate::ctx::Ctx;
use crate::ops::seminars::{cancel_by_link, registration_by_link, ByLink};
use crate::pages::render;
use crate::view::{code_label, when_label, Page};
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "seminars/registration.html")]
struct OwnTemplate {
    page: Page,
    secret: String,
    seminar_id: String,
    theme: String,
    when: String,
    name: String,
    status: String,
    link: Option<String>,
    cancellable: bool,
    notice: Option<String>,
}

async fn page(
    ctx: &Ctx,
    state: &AppState,
    secret: String,
    found: ByLink,
    notice: Option<String>,
) -> Result<Response, AppError> {
    let (s, reg) = (found.seminar, found.registration);
    let lang = ctx.lang;
    let zones = crate::ops::groups::zones(state, &found.series.group_id).await?;
    let held = reg.status == RegistrationStatus::Registered;
    let t = OwnTemplate {
        page: Page::new(ctx, "seminars", ctx.t("own-registration-title")),
        theme: s.theme.get(lang.code()).to_string(),
        when: s
            .span
            .as_ref()
            .map(|span| when_label(lang, span, ctx.tz, &zones))
            .unwrap_or_default(),
        name: reg.name.clone(),
        status: code_label(lang, "own-registration-state", reg.status.code()),
        link: s.link.clone().filter(|_| held),
        cancellable: reg.status != RegistrationStatus::Cancelled,
        seminar_id: s.id.clone(),
        secret,
        notice,
    };
    Ok(render(&t))
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> Result<Response, AppError> {
    let found = registration_by_link(&state, &secret).await?;
    page(&ctx, &state, secret, found, None).await
}

pub async fn cancel(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> Result<Response, AppError> {
    let found = cancel_by_link(&ctx, &state, &secret).await?;
    let notice = ctx.t("own-registration-cancelled");
    page(&ctx, &state, secret, found, Some(notice)).await
}
