//! The account page (one's sessions and API tokens), the secretariat's accounts list, and the
//! password-reset request.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::render;
use crate::ctx::{cookie, Ctx, SESSION_COOKIE};
use crate::input::Form;
use crate::ops::accounts;
use crate::view::Page;
use crate::{AppError, AppState};

use crate::view::moment_label as moment;

pub struct SessionRow {
    pub id: String,
    pub opened: String,
    pub expires: String,
    pub current: bool,
}

pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub revoked: Option<String>,
}

#[derive(Template)]
#[template(path = "account/index.html")]
struct AccountTemplate {
    page: Page,
    email: String,
    sessions: Vec<SessionRow>,
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
}

async fn account_page(
    ctx: &Ctx,
    state: &AppState,
    headers: &axum::http::HeaderMap,
    new_token: Option<String>,
) -> Result<Response, AppError> {
    let sessions = accounts::sessions(ctx, state).await?;
    let current = cookie(headers, SESSION_COOKIE).map(storage::Db::session_id);
    let tokens = accounts::tokens(ctx, state).await?;
    let t = AccountTemplate {
        page: Page::new(ctx, "account", ctx.t("account-title")),
        email: ctx
            .user
            .as_ref()
            .map(|u| u.email.clone())
            .unwrap_or_default(),
        sessions: sessions
            .into_iter()
            .map(|s| SessionRow {
                current: current.as_deref() == Some(s.id.as_str()),
                opened: moment(ctx, s.created_at),
                expires: moment(ctx, s.expires_at),
                id: s.id,
            })
            .collect(),
        tokens: tokens
            .into_iter()
            .map(|t| TokenRow {
                created: moment(ctx, t.created_at),
                last_used: t.last_used_at.map(|m| moment(ctx, m)).unwrap_or_default(),
                revoked: t.revoked_at.map(|m| moment(ctx, m)),
                id: t.id,
                name: t.name,
            })
            .collect(),
        new_token,
    };
    Ok(render(&t))
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Response, AppError> {
    account_page(&ctx, &state, &headers, None).await
}

pub async fn revoke_session(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    accounts::revoke_session(&ctx, &state, &id).await?;
    Ok(Redirect::to("/account").into_response())
}

#[derive(Deserialize)]
pub struct TokenForm {
    name: String,
}

pub async fn create_token(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    Form(form): Form<TokenForm>,
) -> Result<Response, AppError> {
    let secret = accounts::create_token(&ctx, &state, &form.name).await?;
    account_page(&ctx, &state, &headers, Some(secret)).await
}

pub async fn revoke_token(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    accounts::revoke_token(&ctx, &state, &id).await?;
    Ok(Redirect::to("/account").into_response())
}

pub struct UserRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub roles: String,
    pub state: String,
    pub disabled: bool,
}

#[derive(Template)]
#[template(path = "account/users.html")]
struct UsersTemplate {
    page: Page,
    users: Vec<UserRow>,
}

pub async fn users(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    let users = accounts::users(&ctx, &state).await?;
    let t = UsersTemplate {
        page: Page::new(&ctx, "users", ctx.t("users-title")),
        users: users
            .into_iter()
            .map(|u| UserRow {
                state: match u.disabled_at {
                    Some(at) => format!("{} {}", ctx.t("users-disabled"), moment(&ctx, at)),
                    None => ctx.t("users-active"),
                },
                disabled: u.disabled_at.is_some(),
                roles: u
                    .roles
                    .iter()
                    .map(|r| crate::view::stored_role_label(ctx.lang, r))
                    .collect::<Vec<_>>()
                    .join(", "),
                id: u.id,
                email: u.email,
                name: u.display_name,
            })
            .collect(),
    };
    Ok(render(&t))
}

pub async fn disable(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    accounts::set_disabled(&ctx, &state, &id, true).await?;
    Ok(Redirect::to("/users").into_response())
}

pub async fn enable(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    accounts::set_disabled(&ctx, &state, &id, false).await?;
    Ok(Redirect::to("/users").into_response())
}

#[derive(Template)]
#[template(path = "account/reset.html")]
struct ResetTemplate {
    page: Page,
    sent: bool,
}

pub async fn reset_form(ctx: Ctx) -> Response {
    render(&ResetTemplate {
        page: Page::new(&ctx, "login", ctx.t("reset-title")),
        sent: false,
    })
}

#[derive(Deserialize)]
pub struct ResetForm {
    email: String,
}

pub async fn reset(
    ctx: Ctx,
    State(state): State<AppState>,
    Form(form): Form<ResetForm>,
) -> Result<Response, AppError> {
    accounts::request_password_reset(&ctx, &state, &form.email).await?;
    Ok(render(&ResetTemplate {
        page: Page::new(&ctx, "login", ctx.t("reset-title")),
        sent: true,
    }))
}
