//! The page that sends a meeting's invitation by e-mail, with its calendar file: to the
//! contacts of an organisation picked by name, to the participants who have an address, or to
//! addresses typed; it says how many messages were queued and to whom.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::ctx::Ctx;
use crate::input::Form;
use crate::ops::meeting_mail::{send_invitations, Recipients};
use crate::pages::directory::record_form::{back_to_form, Field, FormPage, Submitted};
use crate::OrNotFound;
use crate::{AppError, AppState};

async fn form(ctx: &Ctx, state: &AppState, id: &str, v: &Submitted) -> Result<FormPage, AppError> {
    let rec = state.db.meeting(id).await?.or_404()?;
    let lang = ctx.lang;
    let mut orgs = super::records::member_options(ctx, state, &rec.meeting.group_id).await?;
    orgs[0].1 = ctx.t("meeting-send-no-organisation");
    let checked: Vec<String> = v.all("participants");
    Ok(FormPage {
        section: "meetings",
        title: ctx.t("meeting-send-title"),
        back: (
            format!("/meetings/{id}"),
            rec.meeting.title.get(lang.code()).to_string(),
        ),
        action: format!("/meetings/{id}/send"),
        version: None,
        fields: vec![
            Field::text(
                ctx,
                "organisation",
                "meeting-send-organisation",
                v.get("organisation").as_deref(),
            )
            .select(orgs)
            .hint(ctx.t("meeting-send-organisation-hint")),
            Field::text(ctx, "participants", "meeting-send-participants", None).checkboxes(
                vec![("yes".into(), ctx.t("meeting-send-participants-option"))],
                &checked,
            ),
            Field::text(
                ctx,
                "addresses",
                "meeting-send-addresses",
                v.get("addresses").as_deref(),
            )
            .kind("textarea")
            .hint(ctx.t("meeting-send-addresses-hint")),
        ],
        archive: None,
        history: Vec::new(),
    })
}

pub async fn new(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    crate::ops::meetings::managed_meeting(&ctx, &state.db, &id).await?;
    let v = Submitted(vec![("participants".into(), "yes".into())]);
    Ok(form(&ctx, &state, &id, &v).await?.render(&ctx, None))
}

pub async fn send(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let v = Submitted(pairs);
    let to = Recipients {
        organisation: v.get("organisation"),
        participants: !v.all("participants").is_empty(),
        addresses: v.get("addresses").unwrap_or_default(),
    };
    match send_invitations(&ctx, &state, &id, &to).await {
        Ok(sent) => {
            let notice = i18n::t_args(
                ctx.lang,
                "meeting-send-done",
                &[
                    ("count", (sent.len() as i64).into()),
                    ("addresses", sent.join(", ").into()),
                ],
            );
            let fresh = Submitted(Vec::new());
            Ok(form(&ctx, &state, &id, &fresh)
                .await?
                .render_notice(&ctx, notice))
        }
        Err(e) if back_to_form(&e) => Ok(form(&ctx, &state, &id, &v).await?.render(&ctx, Some(e))),
        Err(e) => Err(e),
    }
}
