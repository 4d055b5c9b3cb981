//! The layers every request goes through, around the handlers: the request context (language,
//! zone, client address, who is calling) built and checked, the CSRF check of the routes that
//! change something, and every error — a handler's or a lower layer's — rendered for a person.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::ErrorKey;
use i18n::Lang;

use crate::ctx::{
    cookie, query_param, set_cookie, Ctx, CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, FORM_LIMIT,
    LANG_COOKIE, SESSION_COOKIE, TZ_COOKIE,
};
use crate::errors::render_error;
use crate::{AppError, AppState};

/// What the request asked for through its address and cookies, besides who it is.
struct Preferences {
    /// A language chosen with `?lang=` (remembered in a cookie).
    chosen_lang: Option<Lang>,
    /// A zone chosen with `?tz=` (remembered in a cookie).
    chosen_tz: Option<chrono_tz::Tz>,
}

/// Builds the request's context, runs the handler, renders any error, and sets the headers and
/// cookies of the answer: negotiate → authenticate → handle → finish.
pub async fn context(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut ctx, prefs) = negotiate(&state, &req);
    if let Err(e) = crate::input::check_uri(req.uri()) {
        return render_error(&ctx, &e);
    }
    let new_csrf_cookie = match authenticate(&state, req.headers(), &mut ctx).await {
        Ok(fresh) => fresh,
        Err(e) => return render_error(&ctx, &e),
    };
    let method = req.method().clone();
    let mut req = req;
    req.extensions_mut().insert(ctx.clone());
    let mut resp = next.run(req).await;
    if let Some(err) = resp
        .extensions()
        .get::<AppError>()
        .cloned()
        .or_else(|| bare_error(&resp))
    {
        if err.status == StatusCode::FORBIDDEN {
            audit_refusal(&state, &ctx, &method, &err).await;
        }
        let headers = resp.headers().clone();
        resp = render_error(&ctx, &err);
        for (name, value) in headers.iter() {
            if name == header::SET_COOKIE {
                resp.headers_mut().append(name, value.clone());
            }
        }
    }
    let resp = finish(&state, &ctx, prefs, new_csrf_cookie, resp);
    conditional(&method, ctx.if_none_match.as_deref(), resp).await
}

/// The largest answer given a validator (pages and API reads are far smaller; files and
/// exports stream and are left alone).
const VALIDATED_BYTES: usize = 4 * 1024 * 1024;

/// A page or API read gets a validator, a weak ETag of its bytes (weak: the compression layer
/// outside may change the bytes, not the meaning); a client that sends it back in
/// `If-None-Match` gets `304 Not Modified` with the same headers and no body.
async fn conditional(method: &Method, if_none_match: Option<&str>, resp: Response) -> Response {
    if !(method == Method::GET || method == Method::HEAD)
        || resp.status() != StatusCode::OK
        || resp.headers().contains_key(header::ETAG)
    {
        return resp;
    }
    let textual = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    let small = axum::body::HttpBody::size_hint(resp.body())
        .exact()
        .is_some_and(|n| n as usize <= VALIDATED_BYTES);
    if !textual || !small {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, VALIDATED_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = format!("W/{}", crate::cache::etag_of(&bytes));
    let matches = crate::cache::holds(if_none_match, &tag);
    if let Ok(v) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, v);
    }
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Language (`?lang=`, its cookie, `Accept-Language`, French), zone (`?tz=`, its cookie, by
/// language), the client's address (trusted proxies only), the path.
fn negotiate(state: &AppState, req: &Request) -> (Ctx, Preferences) {
    let headers = req.headers();
    let uri = req.uri();
    let query = uri.query().unwrap_or("");
    let chosen_lang = query_param(query, "lang").and_then(Lang::parse);
    let lang = i18n::negotiate(
        query_param(query, "lang"),
        cookie(headers, LANG_COOKIE),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let path = uri.path().to_string();
    let query_without_lang = query
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("lang=") && !kv.starts_with("tz="))
        .collect::<Vec<_>>()
        .join("&");
    let client = state.config.trusted_proxies.client(
        req.extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip()),
        headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()),
    );
    let chosen_tz = query_param(query, "tz")
        .map(|z| z.replace("%2F", "/").replace("%2f", "/"))
        .and_then(|z| z.parse::<chrono_tz::Tz>().ok());
    let tz = chosen_tz
        .or_else(|| cookie(headers, TZ_COOKIE).and_then(|z| z.replace("%2F", "/").parse().ok()))
        .unwrap_or(match lang {
            Lang::Ko => domain::time::SEOUL,
            _ => domain::time::PARIS,
        });
    let ctx = Ctx {
        tz,
        lang,
        user: None,
        via_token: false,
        csrf: String::new(),
        api: path.starts_with("/api/"),
        path,
        query_without_lang,
        client,
        my_groups: Vec::new(),
        if_none_match: headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
    };
    (
        ctx,
        Preferences {
            chosen_lang,
            chosen_tz,
        },
    )
}

/// Who is calling: a bearer token (refused when unknown), a session, or nobody; and the CSRF
/// token forms must send back. Returns a fresh CSRF token to set as a cookie, when one was made.
async fn authenticate(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    ctx: &mut Ctx,
) -> Result<Option<String>, AppError> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    if let Some(token) = bearer {
        let user = state
            .db
            .user_by_token(token)
            .await?
            .ok_or_else(|| AppError::new(ErrorKey::InvalidToken))?;
        ctx.user = Some(user);
        ctx.via_token = true;
        return Ok(None);
    }
    let session = match cookie(headers, SESSION_COOKIE) {
        Some(secret) => state.db.session(secret).await?,
        None => None,
    };
    if let Some(s) = session {
        if !ctx.api {
            ctx.my_groups = groups_of_person(state, &s.user, ctx.lang).await?;
        }
        ctx.user = Some(s.user);
        ctx.csrf = s.csrf_token;
        return Ok(None);
    }
    match cookie(headers, CSRF_COOKIE).filter(|c| c.len() == 64) {
        Some(c) => {
            ctx.csrf = c.to_string();
            Ok(None)
        }
        None => {
            let fresh = storage::random_token();
            ctx.csrf = fresh.clone();
            Ok(Some(fresh))
        }
    }
}

/// The groups a person works in, for the menu: those of their roles, and those their
/// organisation belongs to; named in `lang`. One query, for pages only.
async fn groups_of_person(
    state: &AppState,
    user: &storage::User,
    lang: i18n::Lang,
) -> Result<Vec<(String, String)>, AppError> {
    let groups: Vec<&str> = user.roles.iter().filter_map(|r| r.group()).collect();
    let orgs: Vec<&str> = user.roles.iter().filter_map(|r| r.organisation()).collect();
    Ok(state
        .db
        .groups_of_person(&groups, &orgs)
        .await?
        .into_iter()
        .map(|g| (g.id.clone(), g.name_in(lang.code()).to_string()))
        .collect())
}

/// The answer's caching, language and cookies (none on shared static files).
fn finish(
    state: &AppState,
    ctx: &Ctx,
    prefs: Preferences,
    new_csrf_cookie: Option<String>,
    mut resp: Response,
) -> Response {
    // Pages and API answers depend on the language and on who asks: caches must revalidate
    // and keep one copy per cookie and language. Static assets set their own, long, policy.
    if !resp.headers().contains_key(header::CACHE_CONTROL) {
        resp.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
        resp.headers_mut().insert(
            header::VARY,
            HeaderValue::from_static("Cookie, Accept-Language, Authorization"),
        );
    }
    let html = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html && !resp.headers().contains_key(header::CONTENT_LANGUAGE) {
        resp.headers_mut().insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(ctx.lang.code()),
        );
    }
    if ctx.path.starts_with("/static/") {
        // Shared, cached files: no cookie of anyone's rides along.
        return resp;
    }
    let secure = state.config.secure_cookies;
    let year = 365 * 24 * 3600;
    let mut cookies = Vec::new();
    if let Some(l) = prefs.chosen_lang {
        cookies.push(set_cookie(LANG_COOKIE, l.code(), year, secure));
    }
    if let Some(z) = prefs.chosen_tz {
        cookies.push(set_cookie(
            TZ_COOKIE,
            &z.name().replace('/', "%2F"),
            year,
            secure,
        ));
    }
    if let Some(c) = new_csrf_cookie {
        cookies.push(set_cookie(CSRF_COOKIE, &c, 24 * 3600, secure));
    }
    for c in cookies {
        resp.headers_mut().append(header::SET_COOKIE, c);
    }
    resp
}

/// Checks the CSRF token of a state-changing request to a route that exists (a route layer:
/// an unknown route is a 404 and an unknown method a 405, before any token is asked for).
pub async fn csrf(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let Some(ctx) = req.extensions().get::<Ctx>().cloned() else {
        return AppError::new(ErrorKey::Internal).into_response();
    };
    if safe || ctx.via_token {
        return next.run(req).await;
    }
    match check_csrf(req, &ctx.csrf).await {
        Ok(req) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

/// A permission refusal goes to the audit log (who, what, from where). A failure to write it
/// is logged, and does not change the answer.
async fn audit_refusal(state: &AppState, ctx: &Ctx, method: &Method, err: &AppError) {
    let event = crate::ops::audit::event(ctx, "refused")
        .target(format!("{method} {}", ctx.path))
        .detail(err.key.code());
    if let Err(e) = state.db.audit(&event).await {
        tracing::error!(error = %e, "cannot write the audit log");
    }
}

/// An error answered by a layer below the handlers (routing, a body limit, an extractor's
/// rejection) as a bare status or plain text: it gets the same envelope or page as the
/// handlers' errors.
fn bare_error(resp: &Response) -> Option<AppError> {
    let status = resp.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return None;
    }
    let typed = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| !v.starts_with("text/plain"));
    if typed {
        return None;
    }
    let key = match status {
        StatusCode::NOT_FOUND => ErrorKey::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorKey::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorKey::BodyTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorKey::UnsupportedMediaType,
        StatusCode::REQUEST_TIMEOUT => ErrorKey::Timeout,
        s if s.is_server_error() => ErrorKey::Internal,
        _ => ErrorKey::BadRequest,
    };
    Some(AppError {
        status,
        ..AppError::new(key)
    })
}

/// Checks the token of a state-changing request: the `X-CSRF-Token` header, or the
/// `csrf_token` field of a form. The form body is read and put back for the handler.
async fn check_csrf(req: Request, expected: &str) -> Result<Request, AppError> {
    let mismatch = || AppError::new(ErrorKey::CsrfMismatch);
    if let Some(h) = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        return if !expected.is_empty() && constant_eq(h, expected) {
            Ok(req)
        } else {
            Err(mismatch())
        };
    }
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if is_multipart {
        // File uploads carry the token in the form's action address (the body is streamed).
        let query = req.uri().query().unwrap_or("");
        return match query_param(query, CSRF_FIELD) {
            Some(t) if !expected.is_empty() && constant_eq(t, expected) => Ok(req),
            _ => Err(mismatch()),
        };
    }
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(mismatch());
    }
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|_| AppError::new(ErrorKey::BadRequest))?;
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let ok = fields
        .iter()
        .any(|(k, v)| k == CSRF_FIELD && !expected.is_empty() && constant_eq(v, expected));
    if !ok {
        return Err(mismatch());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

fn constant_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
