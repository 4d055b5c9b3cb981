//! Names in several languages as the API and the operations exchange them (the domain's
//! `Names`, with the API's schema): one type for both, below the API.

use domain::directory::Names;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Names side by side; absent ones are omitted.
#[derive(Serialize, Deserialize, ToSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct NamesDto {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ko: Option<String>,
    /// Revised Romanization of the Korean name.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ko_latn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub en: Option<String>,
}

impl From<&Names> for NamesDto {
    fn from(n: &Names) -> Self {
        NamesDto {
            fr: n.fr.clone(),
            ko: n.ko.clone(),
            ko_latn: n.ko_latn.clone(),
            en: n.en.clone(),
        }
    }
}

impl From<NamesDto> for Names {
    fn from(n: NamesDto) -> Self {
        Names {
            fr: n.fr,
            ko: n.ko,
            ko_latn: n.ko_latn,
            en: n.en,
        }
    }
}
