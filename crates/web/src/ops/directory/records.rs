//! Changing the rest of the register, for the pages and the API alike: partnerships (their
//! themes checked against the taxonomy), contacts of an organisation, actions under a
//! partnership, and the theme taxonomy itself (the secretariat). Every change is kept in the
//! history with who made it.

use domain::accounts::Action;
use domain::directory::{
    ActionInput, ContactInput, Names, Partnership, PartnershipInput, ThemeInput,
};
use domain::ErrorKey;
use serde::{Deserialize, Serialize};
use storage::{ActionRecord, Contact, Theme};
use utoipa::ToSchema;

use crate::ctx::Ctx;
use crate::OrNotFound;
use crate::{AppError, AppState};

fn by(ctx: &Ctx) -> Option<&str> {
    ctx.user.as_ref().map(|u| u.id.as_str())
}

/// Checks a partnership's input, turns its themes (ids or labels in any language) into theme
/// ids, and checks that both parties exist.
pub async fn checked_partnership(
    state: &AppState,
    id: &str,
    input: &PartnershipInput,
) -> Result<Partnership, AppError> {
    let mut p = input.validate(id.to_string())?;
    p.themes = state.db.taxonomy().await?.resolve_all(&p.themes)?;
    for (org, field) in [
        (&p.organisation_a, "organisation_a"),
        (&p.organisation_b, "organisation_b"),
    ] {
        if state.db.organisation(org).await?.is_none() {
            return Err(AppError::field(ErrorKey::UnknownOrganisation, field));
        }
    }
    Ok(p)
}

/// Changes a partnership: the editors of either party (of the old and of the new parties)
/// and the secretariat.
pub async fn update_partnership(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    input: &PartnershipInput,
    version: i64,
) -> Result<(), AppError> {
    let rec = state.db.partnership(id).await?.or_404()?;
    let old = &rec.partnership;
    ctx.require(&Action::EditPartnership {
        parties: [&old.organisation_a, &old.organisation_b],
    })?;
    let p = checked_partnership(state, id, input).await?;
    ctx.require(&Action::EditPartnership {
        parties: [&p.organisation_a, &p.organisation_b],
    })?;
    state.db.update_partnership_by(&p, version, by(ctx)).await?;
    Ok(())
}

/// A contact as typed (page form or API body).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ContactWrite {
    pub name: String,
    pub name_ko: Option<String>,
    pub email: Option<String>,
    pub title_fr: Option<String>,
    pub title_ko: Option<String>,
    pub title_en: Option<String>,
    pub notes: Option<String>,
    /// The version read before editing (a stale one is a 409).
    pub version: Option<i64>,
}

impl ContactWrite {
    fn contact(&self, organisation: &str, person: &str) -> Result<Contact, AppError> {
        let input = ContactInput {
            name: self.name.clone(),
            name_ko: self.name_ko.clone(),
            email: self.email.clone(),
            title: Names {
                fr: self.title_fr.clone(),
                ko: self.title_ko.clone(),
                ko_latn: None,
                en: self.title_en.clone(),
            },
            notes: self.notes.clone(),
        };
        let mut contact = input.validate(organisation, person)?;
        contact.version = self.version.unwrap_or(1);
        Ok(contact)
    }

    pub fn from_contact(c: &Contact) -> ContactWrite {
        ContactWrite {
            name: c.name.clone(),
            name_ko: c.name_ko.clone(),
            email: c.email.clone(),
            title_fr: c.title.fr.clone(),
            title_ko: c.title.ko.clone(),
            title_en: c.title.en.clone(),
            notes: c.notes.clone(),
            version: Some(c.version),
        }
    }
}

/// Adds a contact to an organisation (its editors, the secretariat); returns the person's id.
pub async fn create_contact(
    ctx: &Ctx,
    state: &AppState,
    organisation: &str,
    input: &ContactWrite,
) -> Result<String, AppError> {
    state.db.organisation(organisation).await?.or_404()?;
    ctx.require(&Action::EditOrganisation { organisation })?;
    let base = format!("person-{}", domain::ids::slugify(&input.name));
    let id = format!(
        "{}-{}",
        base.trim_end_matches('-'),
        &storage::random_token()[..6]
    );
    let contact = input.contact(organisation, &id)?;
    state.db.create_contact(&contact, by(ctx)).await?;
    Ok(id)
}

pub async fn update_contact(
    ctx: &Ctx,
    state: &AppState,
    organisation: &str,
    person: &str,
    input: &ContactWrite,
) -> Result<(), AppError> {
    let old = state.db.contact(organisation, person).await?.or_404()?;
    ctx.require(&Action::EditOrganisation { organisation })?;
    let contact = input.contact(organisation, person)?;
    state
        .db
        .update_contact(&contact, input.version.unwrap_or(old.version), by(ctx))
        .await?;
    Ok(())
}

/// An action as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = PartnershipActionWrite)]
pub struct ActionWrite {
    pub title_fr: Option<String>,
    pub title_ko: Option<String>,
    pub title_en: Option<String>,
    /// First day, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// Last day, `YYYY-MM-DD`, not before the first.
    pub end_date: Option<String>,
    /// When, in words, if no exact dates ("since 2008", "every spring").
    pub date_text: Option<String>,
    pub status_note: Option<String>,
    pub notes: Option<String>,
    pub version: Option<i64>,
}

impl ActionWrite {
    fn action(&self, id: &str, partnership: &Partnership) -> Result<ActionRecord, AppError> {
        let input = ActionInput {
            title: Names {
                fr: self.title_fr.clone(),
                ko: self.title_ko.clone(),
                ko_latn: None,
                en: self.title_en.clone(),
            },
            start_date: self.start_date.clone(),
            end_date: self.end_date.clone(),
            date_text: self.date_text.clone(),
            status_note: self.status_note.clone(),
            notes: self.notes.clone(),
        };
        let f = input.validate()?;
        Ok(ActionRecord {
            id: id.to_string(),
            partnership_id: Some(partnership.id.clone()),
            title: f.title,
            date_text: f.date_text,
            start_year: f.start_year,
            start_date: f.start_date,
            end_date: f.end_date,
            status_note: f.status_note,
            notes: f.notes,
            parties: vec![
                partnership.organisation_a.clone(),
                partnership.organisation_b.clone(),
            ],
            sources: serde_json::json!({}),
            version: self.version.unwrap_or(1),
            archived_at: None,
        })
    }

    pub fn from_action(a: &ActionRecord) -> ActionWrite {
        ActionWrite {
            title_fr: a.title.fr.clone(),
            title_ko: a.title.ko.clone(),
            title_en: a.title.en.clone(),
            start_date: a.start_date.clone(),
            end_date: a.end_date.clone(),
            date_text: a.date_text.clone(),
            status_note: a.status_note.clone(),
            notes: a.notes.clone(),
            version: Some(a.version),
        }
    }
}

/// A partnership, once the caller may edit it (its actions, documents and fields).
pub async fn editable_partnership(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
) -> Result<Partnership, AppError> {
    let rec = state.db.partnership(id).await?.or_404()?;
    let p = rec.partnership;
    ctx.require(&Action::EditPartnership {
        parties: [&p.organisation_a, &p.organisation_b],
    })?;
    Ok(p)
}

/// Adds an action under a partnership (editors of either party, the secretariat).
pub async fn create_action(
    ctx: &Ctx,
    state: &AppState,
    partnership: &str,
    input: &ActionWrite,
) -> Result<String, AppError> {
    let p = editable_partnership(ctx, state, partnership).await?;
    let id = format!("a-{}", &storage::random_token()[..12]);
    let action = input.action(&id, &p)?;
    state.db.create_action(&action).await?;
    Ok(id)
}

pub async fn update_action(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    input: &ActionWrite,
) -> Result<(), AppError> {
    let old = state.db.action(id).await?.or_404()?;
    let pid = old.partnership_id.clone().ok_or_else(AppError::forbidden)?;
    let p = editable_partnership(ctx, state, &pid).await?;
    let mut action = input.action(id, &p)?;
    // The parties stay those recorded (the demo's actions name their own).
    action.parties = old.parties.clone();
    action.sources = old.sources.clone();
    state
        .db
        .update_action(&action, input.version.unwrap_or(old.version), by(ctx))
        .await?;
    Ok(())
}

/// A theme as typed by the secretariat.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeWrite {
    /// A new theme's id (lower-case slug); made from the French label when absent.
    pub id: Option<String>,
    pub label_fr: String,
    pub label_ko: String,
    pub label_en: Option<String>,
    /// Place in lists (smaller first).
    pub position: Option<i64>,
    pub version: Option<i64>,
}

impl ThemeWrite {
    fn theme(&self, id: &str) -> Result<Theme, AppError> {
        let input = ThemeInput {
            labels: Names {
                fr: Some(self.label_fr.clone()),
                ko: Some(self.label_ko.clone()),
                ko_latn: None,
                en: self.label_en.clone(),
            },
            position: self.position,
        };
        let mut theme = input.validate(id)?;
        theme.version = self.version.unwrap_or(1);
        Ok(theme)
    }

    pub fn from_theme(t: &Theme) -> ThemeWrite {
        ThemeWrite {
            id: Some(t.id.clone()),
            label_fr: t.labels.fr.clone().unwrap_or_default(),
            label_ko: t.labels.ko.clone().unwrap_or_default(),
            label_en: t.labels.en.clone(),
            position: Some(t.position),
            version: Some(t.version),
        }
    }
}

/// Adds a theme (the secretariat); a label already used by another theme is refused, so that
/// what people type keeps naming one theme.
pub async fn create_theme(
    ctx: &Ctx,
    state: &AppState,
    input: &ThemeWrite,
) -> Result<String, AppError> {
    ctx.require(&Action::ManageNetwork)?;
    let id = match input.id.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
        Some(id) => id.to_string(),
        None => {
            let slug = domain::ids::slugify(&input.label_fr).replace('-', "_");
            if slug.is_empty() {
                format!("theme_{}", &storage::random_token()[..6])
            } else {
                slug
            }
        }
    };
    let theme = input.theme(&id)?;
    check_labels_free(state, &theme).await?;
    state.db.insert_theme(&theme, by(ctx)).await?;
    Ok(id)
}

pub async fn update_theme(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    input: &ThemeWrite,
) -> Result<(), AppError> {
    ctx.require(&Action::ManageNetwork)?;
    let old = state.db.theme(id).await?.or_404()?;
    let theme = input.theme(id)?;
    check_labels_free(state, &theme).await?;
    state
        .db
        .update_theme(&theme, input.version.unwrap_or(old.version), by(ctx))
        .await?;
    Ok(())
}

async fn check_labels_free(state: &AppState, theme: &Theme) -> Result<(), AppError> {
    let taxonomy = state.db.taxonomy().await?;
    for (label, field) in [
        (&theme.labels.fr, "label_fr"),
        (&theme.labels.ko, "label_ko"),
        (&theme.labels.en, "label_en"),
    ] {
        if let Some(l) = label {
            if taxonomy.resolve(l).is_some_and(|other| other != theme.id) {
                return Err(AppError::field(ErrorKey::DuplicateId, field));
            }
        }
    }
    Ok(())
}

/// The agreement documents of a partnership: signed-in users read them (they are signed
/// agreements, not public pages).
pub async fn documents(
    ctx: &Ctx,
    state: &AppState,
    partnership: &str,
) -> Result<Vec<storage::Attachment>, AppError> {
    if ctx.user.is_none() {
        return Err(AppError::new(ErrorKey::Unauthenticated));
    }
    state.db.partnership(partnership).await?.or_404()?;
    Ok(state
        .db
        .attachments(storage::AttachedTo::Partnership, partnership)
        .await?)
}

/// Attaches a document (multipart `title` and `file`) once its size and type are checked:
/// the editors of either party and the secretariat.
pub async fn attach_document(
    ctx: &Ctx,
    state: &AppState,
    partnership: &str,
    multipart: &mut axum::extract::Multipart,
) -> Result<storage::Attachment, AppError> {
    editable_partnership(ctx, state, partnership).await?;
    let upload = crate::uploads::read(multipart).await?;
    state
        .db
        .insert_attachment(
            storage::AttachedTo::Partnership,
            partnership,
            &upload.attachment,
            &upload.path,
            by(ctx),
        )
        .await?;
    Ok(upload.attachment)
}

pub async fn document_download(
    ctx: &Ctx,
    state: &AppState,
    partnership: &str,
    document: &str,
) -> Result<axum::response::Response, AppError> {
    if ctx.user.is_none() {
        return Err(AppError::new(ErrorKey::Unauthenticated));
    }
    crate::uploads::stream_download(
        &state.db,
        storage::AttachedTo::Partnership,
        partnership,
        document,
    )
    .await
}

/// Archives or restores a contact (the organisation's editors, the secretariat): it leaves the
/// organisation's page and the search, its history stays.
pub async fn archive_contact(
    ctx: &Ctx,
    state: &AppState,
    organisation: &str,
    person: &str,
    archived: bool,
) -> Result<(), AppError> {
    state.db.contact(organisation, person).await?.or_404()?;
    ctx.require(&Action::EditOrganisation { organisation })?;
    state
        .db
        .set_archived("person", person, archived, by(ctx))
        .await?;
    Ok(())
}

/// Archives or restores an action (the editors of its partnership's parties).
pub async fn archive_action(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    archived: bool,
) -> Result<String, AppError> {
    let a = state.db.action(id).await?.or_404()?;
    let pid = a.partnership_id.ok_or_else(AppError::forbidden)?;
    editable_partnership(ctx, state, &pid).await?;
    state
        .db
        .set_archived("action", id, archived, by(ctx))
        .await?;
    Ok(pid)
}

/// Takes a document off a partnership (its bytes are kept).
pub async fn archive_document(
    ctx: &Ctx,
    state: &AppState,
    partnership: &str,
    document: &str,
) -> Result<(), AppError> {
    editable_partnership(ctx, state, partnership).await?;
    if !state
        .db
        .archive_attachment(storage::AttachedTo::Partnership, partnership, document)
        .await?
    {
        return Err(AppError::not_found());
    }
    Ok(())
}

/// The history of a record of the register, latest first. A contact's (which holds e-mail
/// addresses) is for signed-in users only.
pub async fn history_of(
    ctx: &Ctx,
    state: &AppState,
    kind: &str,
    id: &str,
) -> Result<Vec<storage::Change>, AppError> {
    let db = &state.db;
    let exists = match kind {
        "organisation" => db.organisation(id).await?.is_some(),
        "partnership" => db.partnership(id).await?.is_some(),
        "action" => db.action(id).await?.is_some(),
        "theme" => db.theme(id).await?.is_some(),
        "person" => {
            if ctx.user.is_none() {
                return Err(AppError::new(ErrorKey::Unauthenticated));
            }
            true
        }
        _ => false,
    };
    if !exists {
        return Err(AppError::not_found());
    }
    Ok(db.history(kind, id).await?)
}
