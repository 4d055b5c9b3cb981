//! The directory in the API: organisations, partnerships, the records under them (people,
//! actions, documents), the theme taxonomy, and import/export of whole collections.

pub(super) mod io;
pub(super) mod organisations;
pub(super) mod partnerships;
pub(super) mod records;

use super::{paging, patched, ApiJson, ErrorEnvelope, Page};
