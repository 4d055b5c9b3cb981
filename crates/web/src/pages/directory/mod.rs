//! The directory on pages: organisations and partnerships (lists and records), their editing
//! forms (one form page for the smaller records), the theme taxonomy, and import/export.
//! Templates under `templates/directory/`.

pub(super) mod forms;
pub(super) mod io;
pub(super) mod organisation_form;
pub(super) mod organisations;
pub(super) mod partnerships;
pub(super) mod record_form;
pub(super) mod themes;

use super::{meetings, render, Pager, Paging};
