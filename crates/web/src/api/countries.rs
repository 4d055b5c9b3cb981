//! `GET /api/v1/countries` and `/api/v1/countries/{code}`: every ISO 3166-1 country with its
//! names, and a country's own levels of local government (a generic set where the platform has
//! none for it), from the data shipped in `domain`.

use axum::extract::Path;
use axum::Json;
use domain::directory::{country_codes, country_name, has_own_levels, Country, Level};
use domain::ErrorKey;
use serde::Serialize;
use utoipa::ToSchema;

use super::NamesDto;
use crate::AppError;

#[derive(Serialize, ToSchema)]
pub struct LevelDto {
    /// The level's id, as organisations carry it (`commune`, `metropolitan_city`, `sn_department` …).
    pub id: String,
    pub names: NamesDto,
    /// 1 regional, 2 intermediate, 3 local.
    pub tier: u8,
    /// The law or reference that defines it.
    pub source: String,
}

#[derive(Serialize, ToSchema)]
pub struct CountryDto {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub names: NamesDto,
    /// Whether `levels` are the country's own (else the generic set).
    pub own_levels: bool,
    /// From the widest to the narrowest.
    pub levels: Vec<LevelDto>,
}

fn names(code: &str) -> NamesDto {
    let n = |l| country_name(code, l).map(str::to_string);
    NamesDto {
        fr: n("fr"),
        ko: n("ko"),
        ko_latn: None,
        en: n("en"),
    }
}

fn country(code: &str) -> CountryDto {
    CountryDto {
        code: code.to_string(),
        names: names(code),
        own_levels: has_own_levels(code),
        levels: Level::of_country(code)
            .into_iter()
            .map(|l| LevelDto {
                id: l.code().to_string(),
                names: NamesDto {
                    fr: Some(l.name("fr").into()),
                    ko: Some(l.name("ko").into()),
                    ko_latn: None,
                    en: Some(l.name("en").into()),
                },
                tier: l.tier(),
                source: l.source().to_string(),
            })
            .collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/countries", tag = "directory",
    responses((status = 200, body = Vec<CountryDto>)))]
pub async fn list() -> Json<Vec<CountryDto>> {
    Json(country_codes().map(country).collect())
}

#[utoipa::path(get, path = "/api/v1/countries/{code}", tag = "directory",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-2, any case")),
    responses((status = 200, body = CountryDto), (status = 404, body = super::ErrorEnvelope)))]
pub async fn show(Path(code): Path<String>) -> Result<Json<CountryDto>, AppError> {
    let c = Country::parse(&code).ok_or_else(|| AppError::field(ErrorKey::NotFound, "code"))?;
    Ok(Json(country(c.as_str())))
}
