//! The context of one request, built once by `middleware::context`: the language, the zone,
//! the client's address, who is acting (browser session or API token), the CSRF token; and the
//! cookies that carry them.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use domain::accounts::Actor;
use domain::ErrorKey;
use i18n::Lang;
use storage::User;

use crate::AppError;

pub const SESSION_COOKIE: &str = "jumelage_session";
pub const CSRF_COOKIE: &str = "jumelage_csrf";
pub const LANG_COOKIE: &str = "lang";
pub const TZ_COOKIE: &str = "tz";
pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";
pub(crate) const FORM_LIMIT: usize = 1024 * 1024;

/// Who asks, in which language, from where.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub user: Option<User>,
    /// Set when the request authenticated with `Authorization: Bearer`.
    pub via_token: bool,
    /// The CSRF token forms must send back.
    pub csrf: String,
    pub path: String,
    /// The query string without `lang`, for the language switch links.
    pub query_without_lang: String,
    pub api: bool,
    /// The client address, for the login rate limit.
    pub client: String,
    /// The zone times are shown in first: `?tz=`, the `tz` cookie, or by language.
    pub tz: chrono_tz::Tz,
    /// The groups a signed-in person works in (by role, or through their organisation), as
    /// (id, name in the reader's language), for the menu of pages.
    pub my_groups: Vec<(String, String)>,
    /// The validators a client sent back (`If-None-Match`), for pages that can answer 304
    /// before building themselves.
    pub if_none_match: Option<String>,
}

impl Ctx {
    pub fn actor(&self) -> Actor {
        match &self.user {
            Some(u) => Actor::user(u.id.clone(), u.roles.clone()),
            None => Actor::anonymous(),
        }
    }

    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    /// Fails with 401 when nobody is signed in, 403 when the actor may not do `action`.
    pub fn require(&self, action: &domain::accounts::Action<'_>) -> Result<(), AppError> {
        if self.actor().can(action) {
            Ok(())
        } else if self.user.is_none() {
            Err(AppError::new(ErrorKey::Unauthenticated))
        } else {
            Err(AppError::forbidden())
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::new(ErrorKey::Internal))
    }
}

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub(crate) fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with the platform's flags.
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let v =
        format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}");
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static(""))
}
