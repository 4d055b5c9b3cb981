//! The directory and partnership register: organisations of both countries, people and their
//! roles, partnerships between two organisations and the actions carried out under them.

mod contact;
mod countries;
mod levels;
mod organisation;
mod partnership;
mod romanize;

pub use contact::{ActionFields, ActionInput, Contact, ContactInput, Theme, ThemeInput};
pub use countries::{country_codes, country_name, is_country};
pub use levels::{has_own_levels, Country, Level, OrgKind, SizeClass};
pub use organisation::{direction, Names, Organisation, OrganisationInput, Seat};
pub use partnership::{Partnership, PartnershipInput, PartnershipKind, PartnershipStatus, Signed};
pub use romanize::{romanize, romanize_place};

use crate::{DomainError, ErrorKey};

/// Trims a free-text value; empty becomes `None`. Longer than `max` characters is refused, and
/// so are control characters (`text::clean`); the text is kept in NFC.
pub fn clean_text(
    value: Option<&str>,
    field: &str,
    max: usize,
) -> Result<Option<String>, DomainError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let v = crate::text::clean(v, field)?;
    if v.chars().count() > max {
        return Err(DomainError::field(ErrorKey::TooLong, field));
    }
    Ok(Some(v.into_owned()))
}
