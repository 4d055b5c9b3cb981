//! Inviting people to the platform from a page: the secretariat for any role, a group's
//! coordinators for their group (from the group's members page) and for the editors of its
//! organisations (from an organisation's page). The e-mail carries a link to choose a password.

use axum::extract::{Query, State};
use axum::response::Response;
use domain::accounts::{Action, InvitationInput, ROLE_CODES};
use serde::Deserialize;

use super::directory::record_form::{back_to_form, Field, FormPage, Submitted};
use crate::ctx::Ctx;
use crate::input::Form;
use crate::ops::accounts;
use crate::{AppError, AppState};

/// What the link that opens the form already knows: the group or the organisation.
#[derive(Deserialize, Default)]
pub struct For {
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
}

fn input(v: &Submitted) -> InvitationInput {
    InvitationInput {
        email: v.get("email").unwrap_or_default(),
        name: v.get("name").unwrap_or_default(),
        language: v.get("language"),
        role: v.get("role").unwrap_or_default(),
        group: v.get("group"),
        organisation: v.get("organisation"),
    }
}

/// The form: for an organisation, the editor role only; otherwise the group roles (and the
/// secretariat's, for the secretariat), with the group picked by its name.
async fn form(ctx: &Ctx, state: &AppState, v: &Submitted) -> Result<FormPage, AppError> {
    let lang = ctx.lang;
    let value = |k: &str| v.get(k);
    let organisation = value("organisation");
    let languages = crate::view::language_options(lang, &[]);
    let mut fields = vec![
        Field::text(ctx, "email", "login-email", value("email").as_deref())
            .kind("email")
            .required(),
        Field::text(ctx, "name", "users-name", value("name").as_deref()).required(),
        Field::text(
            ctx,
            "language",
            "invite-language",
            Some(&value("language").unwrap_or_else(|| lang.code().to_string())),
        )
        .select(languages),
    ];
    let back;
    if let Some(org) = &organisation {
        let o = state.db.organisation(org).await?;
        let label = o
            .map(|o| o.org.names.get(lang.code()).to_string())
            .unwrap_or_else(|| org.clone());
        fields.push(
            Field::text(ctx, "role", "users-roles", Some("editor")).select(vec![(
                "editor".into(),
                crate::view::stored_role_label(lang, "editor"),
            )]),
        );
        fields.push(
            Field::text(ctx, "organisation", "invite-organisation", Some(org))
                .select(vec![(org.clone(), label.clone())]),
        );
        back = (format!("/organisations/{org}"), label);
    } else {
        let roles = ROLE_CODES
            .iter()
            .filter(|c| **c != "editor")
            .filter(|c| **c != "secretariat" || ctx.actor().can(&Action::ManageUsers))
            .map(|c| (c.to_string(), crate::view::stored_role_label(lang, c)))
            .collect();
        fields.push(
            Field::text(
                ctx,
                "role",
                "users-roles",
                Some(&value("role").unwrap_or_else(|| "coordinator".into())),
            )
            .select(roles)
            .required(),
        );
        let groups = state
            .db
            .groups()
            .await?
            .into_iter()
            .filter(|g| ctx.actor().can(&Action::ManageGroup { group: &g.id }))
            .map(|g| (g.id.clone(), g.name_in(lang.code()).to_string()))
            .collect();
        fields.push(
            Field::text(ctx, "group", "invite-group", value("group").as_deref())
                .select(groups)
                .hint(ctx.t("invite-group-hint")),
        );
        back = match value("group") {
            Some(g) => (
                format!("/groups/{g}/members"),
                ctx.t("group-manage-members"),
            ),
            None => ("/users".into(), ctx.t("users-title")),
        };
    }
    Ok(FormPage {
        section: "users",
        title: ctx.t("invite-title"),
        back,
        action: "/users/new".into(),
        version: None,
        fields,
        archive: None,
        history: Vec::new(),
    })
}

pub async fn new(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<For>,
) -> Result<Response, AppError> {
    match (&q.group, &q.organisation) {
        (Some(g), _) => ctx.require(&Action::ManageGroup { group: g })?,
        (None, Some(_)) if ctx.user.is_some() => {}
        _ => ctx.require(&Action::ManageUsers)?,
    }
    let v = Submitted::from_fields(&[("group", q.group), ("organisation", q.organisation)]);
    Ok(form(&ctx, &state, &v).await?.render(&ctx, None))
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let v = Submitted(pairs);
    match accounts::invite(&ctx, &state, &input(&v)).await {
        Ok(done) => {
            let key = if done.new_account {
                "invite-sent"
            } else {
                "invite-role-added"
            };
            let notice = i18n::t_args(ctx.lang, key, &[("email", done.user.email.into())]);
            // A fresh form for the next person, in the same group or organisation.
            let next = Submitted::from_fields(&[
                ("group", v.get("group")),
                ("organisation", v.get("organisation")),
                ("role", v.get("role")),
            ]);
            Ok(form(&ctx, &state, &next).await?.render_notice(&ctx, notice))
        }
        Err(e) if back_to_form(&e) => Ok(form(&ctx, &state, &v).await?.render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}
