//! HTML pages, one module per area; templates mirror them under `templates/`.

mod account;
mod audit;
mod auth;
mod directory;
mod groups;
mod home;
mod invite;
mod map;
pub(crate) mod meetings;
mod roadmap;
mod roadmap_edit;
mod search;
mod seminars;

use axum::routing::{get, post};
use axum::Router;
use directory::{forms, io, organisation_form, organisations, partnerships, themes};

use crate::ctx::Ctx;
use crate::{AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::network_home))
        .route("/groups/{id}", get(home::group_home))
        .route("/groups/new", get(groups::new).post(groups::create))
        .route("/groups/{id}/edit", get(groups::edit).post(groups::save))
        .route(
            "/groups/{id}/members",
            get(groups::members).post(groups::add_member),
        )
        .route(
            "/groups/{id}/members/{organisation}/remove",
            post(groups::remove_member),
        )
        .route("/organisations", get(organisations::list))
        .route(
            "/organisations/new",
            get(organisation_form::new).post(organisation_form::create),
        )
        .route("/organisations/{id}", get(organisations::show))
        .route(
            "/organisations/{id}/edit",
            get(organisation_form::edit).post(organisation_form::save),
        )
        .route("/partnerships", get(partnerships::list))
        .route("/partnerships/{id}", get(partnerships::show))
        .route(
            "/partnerships/{id}/edit",
            get(forms::edit_partnership).post(forms::save_partnership),
        )
        .route("/partnerships/{id}/actions/new", get(forms::new_action))
        .route("/partnerships/{id}/actions", post(forms::create_action))
        .route(
            "/actions/{id}/edit",
            get(forms::edit_action).post(forms::save_action),
        )
        .route(
            "/partnerships/{id}/documents",
            post(partnerships::upload_document).layer(axum::extract::DefaultBodyLimit::max(
                crate::uploads::MAX_BYTES + 1024 * 1024,
            )),
        )
        .route(
            "/partnerships/{id}/documents/{document}",
            get(partnerships::download_document),
        )
        .route("/organisations/{id}/people/new", get(forms::new_contact))
        .route("/organisations/{id}/people", post(forms::create_contact))
        .route(
            "/organisations/{id}/people/{person}/edit",
            get(forms::edit_contact).post(forms::save_contact),
        )
        .route(
            "/organisations/{id}/people/{person}/{verb}",
            post(forms::archive_contact),
        )
        .route("/actions/{id}/{verb}", post(forms::archive_action))
        .route(
            "/partnerships/{id}/documents/{document}/archive",
            post(forms::archive_document),
        )
        .route("/themes", get(themes::list).post(themes::create))
        .route("/themes/new", get(themes::new))
        .route("/themes/{id}/edit", get(themes::edit).post(themes::save))
        .route("/themes/{id}/archive", post(themes::archive))
        .route("/themes/{id}/restore", post(themes::restore))
        .route("/login", get(auth::login_form).post(auth::login))
        .route("/logout", post(auth::logout))
        .route(
            "/invitations/{token}",
            get(auth::invitation_form).post(auth::accept_invitation),
        )
        .route("/groups/{id}/follow-ups", get(meetings::board))
        .route("/follow-ups", get(home::my_follow_ups))
        .route("/roadmap", get(home::my_roadmap))
        .route("/groups/{id}/roadmap", get(roadmap::latest))
        .route("/groups/{id}/roadmap/{year}", get(roadmap::show))
        .route(
            "/groups/{id}/roadmap/{year}/edit",
            get(roadmap_edit::edit).post(roadmap_edit::save),
        )
        .route(
            "/groups/{id}/roadmap/{year}/actions/{action}",
            post(roadmap::set_action_status),
        )
        .route("/groups/{id}/calendar.ics", get(meetings::group_feed))
        .route("/map", get(map::show))
        .route("/search", get(search::show))
        .route("/audit", get(audit::show))
        .route("/account", get(account::show))
        .route("/account/tokens", post(account::create_token))
        .route("/account/tokens/{id}/revoke", post(account::revoke_token))
        .route(
            "/account/sessions/{id}/revoke",
            post(account::revoke_session),
        )
        .route("/users", get(account::users))
        .route("/users/new", get(invite::new).post(invite::create))
        .route("/users/{id}/disable", post(account::disable))
        .route("/users/{id}/enable", post(account::enable))
        .route(
            "/password-reset",
            get(account::reset_form).post(account::reset),
        )
        .route("/import", get(io::form).post(io::preview))
        .route("/import/{id}/confirm", post(io::confirm))
        .merge(meetings::routes())
        .merge(seminars::routes())
}

pub use crate::view::render;

pub async fn not_found() -> AppError {
    AppError::not_found()
}

/// Page numbers for lists: `limit`/`offset` from the query, clamped.
pub struct Paging {
    pub limit: i64,
    pub offset: i64,
}

impl Paging {
    pub fn from_query(q: &std::collections::HashMap<String, String>, default: i64) -> Paging {
        let limit = q
            .get("limit")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(default)
            .clamp(1, 1000);
        let offset = q
            .get("offset")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
            .max(0);
        Paging { limit, offset }
    }
}

/// Links to the previous and next pages of a list, keeping the other query parameters.
pub struct Pager {
    pub prev: Option<String>,
    pub next: Option<String>,
    pub summary: String,
}

impl Pager {
    pub fn new(
        ctx: &Ctx,
        base: &str,
        q: &std::collections::HashMap<String, String>,
        paging: &Paging,
        total: i64,
    ) -> Pager {
        let link = |offset: i64| {
            let mut pairs: Vec<(String, String)> = q
                .iter()
                .filter(|(k, _)| k.as_str() != "offset" && k.as_str() != "lang")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            pairs.sort();
            pairs.push(("offset".into(), offset.to_string()));
            format!(
                "{base}?{}",
                serde_urlencoded::to_string(&pairs).unwrap_or_default()
            )
        };
        let pages = ((total + paging.limit - 1) / paging.limit).max(1);
        let page = paging.offset / paging.limit + 1;
        Pager {
            prev: (paging.offset > 0).then(|| link((paging.offset - paging.limit).max(0))),
            next: (paging.offset + paging.limit < total)
                .then(|| link(paging.offset + paging.limit)),
            summary: i18n::t_args(
                ctx.lang,
                "pagination-page",
                &[("page", page.into()), ("pages", pages.into())],
            ),
        }
    }
}
