//! Signing in and out, and accepting an invitation. Sessions live in the database.

use crate::input::Form;
use crate::ops::audit::event;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use domain::signin::Throttle;
use domain::ErrorKey;
use serde::Deserialize;

use super::render;
use crate::ctx::{cookie, set_cookie, Ctx, SESSION_COOKIE};
use crate::view::Page;
use crate::{AppError, AppState};

const MIN_PASSWORD_CHARS: usize = 10;

#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginTemplate {
    page: Page,
    email: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct LoginQuery {
    next: Option<String>,
}

/// Only paths on this site are followed after login.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

pub async fn login_form(
    ctx: Ctx,
    axum::extract::Query(q): axum::extract::Query<LoginQuery>,
) -> Response {
    let t = LoginTemplate {
        page: Page::new(&ctx, "login", ctx.t("login-title")),
        email: String::new(),
        next: safe_next(q.next.as_deref()),
        error: None,
    };
    render(&t)
}

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
    next: Option<String>,
}

pub async fn login(
    ctx: Ctx,
    State(state): State<AppState>,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let email = form.email.trim().to_lowercase();
    let next = safe_next(form.next.as_deref());
    let again = |key: ErrorKey, status: StatusCode| {
        let t = LoginTemplate {
            page: Page::new(&ctx, "login", ctx.t("login-title")),
            email: email.clone(),
            next: next.clone(),
            error: Some(ctx.t(&key.message_id())),
        };
        (status, render(&t)).into_response()
    };
    // Written before the password is checked, so that parallel attempts count each other.
    let pair = format!("pair:{email}|{}", ctx.client);
    let address = format!("ip:{}", ctx.client);
    let throttle = Throttle::new(
        state.config.login_max_failures,
        state.config.login_window.as_millis() as i64,
    );
    let attempt = state
        .db
        .record_attempt(&[&pair, &address], throttle.window_ms)
        .await?;
    if let Some(wait) = throttle.wait_ms(attempt.at, attempt.keys[0], attempt.keys[1]) {
        let retry_after = (wait + 999) / 1000;
        tracing::warn!(email = %email, client = %ctx.client, retry_after, "sign-in throttled");
        state
            .db
            .audit(
                &event(&ctx, "sign_in_throttled")
                    .target(format!("account:{email}"))
                    .detail(format!("retry after {retry_after} s")),
            )
            .await?;
        let mut resp = again(ErrorKey::TooManyAttempts, StatusCode::TOO_MANY_REQUESTS);
        resp.headers_mut()
            .insert(header::RETRY_AFTER, retry_after.into());
        return Ok(resp);
    }
    let Some(user) = state.db.check_password(&email, &form.password).await? else {
        tracing::info!(email = %email, client = %ctx.client, "sign-in failed");
        state
            .db
            .audit(&event(&ctx, "sign_in_failed").target(format!("account:{email}")))
            .await?;
        return Ok(again(
            ErrorKey::InvalidCredentials,
            StatusCode::UNAUTHORIZED,
        ));
    };
    state.db.forget_attempt(&attempt, &pair).await?;
    state
        .db
        .audit(&event(&ctx, "sign_in").actor(Some(&user.id)))
        .await?;
    let secret = state.db.create_session(&user.id).await?;
    let max_age = storage::SESSION_TTL_SECS;
    Ok((
        [(
            header::SET_COOKIE,
            set_cookie(
                SESSION_COOKIE,
                &secret,
                max_age,
                state.config.secure_cookies,
            ),
        )],
        Redirect::to(&next),
    )
        .into_response())
}

pub async fn logout(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Response, AppError> {
    if let Some(secret) = cookie(&headers, SESSION_COOKIE) {
        state.db.delete_session(secret).await?;
    }
    Ok((
        [(
            header::SET_COOKIE,
            set_cookie(SESSION_COOKIE, "", 0, state.config.secure_cookies),
        )],
        Redirect::to("/"),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "auth/invitation.html")]
struct InvitationTemplate {
    page: Page,
    email: String,
    token: String,
    error: Option<String>,
}

pub async fn invitation_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let user = state
        .db
        .invitation(&token)
        .await?
        .ok_or(AppError::new(ErrorKey::InvalidToken))?;
    let t = InvitationTemplate {
        page: Page::new(&ctx, "login", ctx.t("invitation-title")),
        email: user.email,
        token,
        error: None,
    };
    Ok(render(&t))
}

#[derive(Deserialize)]
pub struct InvitationForm {
    password: String,
    password_confirm: String,
}

pub async fn accept_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(form): Form<InvitationForm>,
) -> Result<Response, AppError> {
    let user = state
        .db
        .invitation(&token)
        .await?
        .ok_or(AppError::new(ErrorKey::InvalidToken))?;
    let problem = if form.password.chars().count() < MIN_PASSWORD_CHARS {
        Some(ErrorKey::WeakPassword)
    } else if form.password != form.password_confirm {
        Some(ErrorKey::PasswordMismatch)
    } else {
        None
    };
    if let Some(key) = problem {
        let t = InvitationTemplate {
            page: Page::new(&ctx, "login", ctx.t("invitation-title")),
            email: user.email,
            token,
            error: Some(ctx.t(&key.message_id())),
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&t)).into_response());
    }
    let user = state.db.accept_invitation(&token, &form.password).await?;
    let secret = state.db.create_session(&user.id).await?;
    Ok((
        [(
            header::SET_COOKIE,
            set_cookie(
                SESSION_COOKIE,
                &secret,
                storage::SESSION_TTL_SECS,
                state.config.secure_cookies,
            ),
        )],
        Redirect::to("/"),
    )
        .into_response())
}
