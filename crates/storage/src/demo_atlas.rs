//! The wider picture in the demo data: Franco-Korean partnerships found in public pages beyond the
//! group's own members (`demo/franco-korean-partnerships.json`, embedded in the binary).
//!
//! The file names the parties in words ("서울특별시 (Seoul)", "Mairie du 15e arrondissement").
//! The table below says, for each record, which organisation each party is: one already in the
//! register, or a new one described here (name, level, parent, seat). A record about a pair the
//! group data already holds adds its sources to that partnership; a record without a French party
//! goes into the Korean organisation's notes. Every record's sources and original wording are kept.

use domain::directory::{Names, OrganisationInput, PartnershipInput, Seat};
use serde_json::{json, Value};

use crate::{Db, StorageError};

const ATLAS: &str = include_str!("../demo/franco-korean-partnerships.json");

/// A party that is not yet in the register.
struct NewOrg {
    id: &'static str,
    kind: &'static str,
    country: &'static str,
    level: Option<&'static str>,
    parent: Option<&'static str>,
    /// French name for French parties, Hangul for Korean ones.
    name: &'static str,
    /// Revised Romanization, for Korean parties.
    latn: Option<&'static str>,
    seat: (f64, f64),
}

const fn fr(
    id: &'static str,
    level: Option<&'static str>,
    name: &'static str,
    seat: (f64, f64),
) -> NewOrg {
    NewOrg {
        id,
        kind: "local_authority",
        country: "FR",
        level,
        parent: None,
        name,
        latn: None,
        seat,
    }
}

const fn kr(
    id: &'static str,
    level: &'static str,
    parent: Option<&'static str>,
    name: &'static str,
    latn: &'static str,
    seat: (f64, f64),
) -> NewOrg {
    NewOrg {
        id,
        kind: "local_authority",
        country: "KR",
        level: Some(level),
        parent,
        name,
        latn: Some(latn),
        seat,
    }
}

/// Parties new to the register, parents before children. Seats are the town halls' approximate
/// coordinates.
const NEW_ORGS: &[NewOrg] = &[
    fr(
        "fr-paris",
        Some("commune"),
        "Ville de Paris",
        (48.8566, 2.3522),
    ),
    fr(
        "fr-alsace",
        Some("region"),
        "Région Alsace (fusionnée dans le Grand Est en 2016)",
        (48.5734, 7.7521),
    ),
    fr("fr-limoges", Some("commune"), "Limoges", (45.8336, 1.2611)),
    fr("fr-reims", Some("commune"), "Reims", (49.2583, 4.0317)),
    fr("fr-nantes", Some("commune"), "Nantes", (47.2184, -1.5536)),
    fr(
        "fr-saint-mande",
        Some("commune"),
        "Saint-Mandé",
        (48.8422, 2.4186),
    ),
    // An arrondissement's town hall: part of the commune of Paris, not a local authority.
    NewOrg {
        id: "fr-paris-15",
        kind: "other",
        country: "FR",
        level: None,
        parent: Some("fr-paris"),
        name: "Mairie du 15e arrondissement de Paris",
        latn: None,
        seat: (48.8412, 2.3003),
    },
    // An arrondissement's town hall: part of the commune of Paris, not a local authority.
    NewOrg {
        id: "fr-paris-17",
        kind: "other",
        country: "FR",
        level: None,
        parent: Some("fr-paris"),
        name: "Mairie du 17e arrondissement de Paris",
        latn: None,
        seat: (48.8873, 2.3067),
    },
    fr(
        "fr-bordeaux",
        Some("commune"),
        "Bordeaux",
        (44.8378, -0.5792),
    ),
    fr(
        "fr-tourrettes",
        Some("commune"),
        "Tourrettes (Var)",
        (43.6011, 6.7017),
    ),
    fr(
        "fr-clermont",
        Some("commune"),
        "Clermont-Ferrand",
        (45.7772, 3.0870),
    ),
    fr(
        "fr-suippes",
        Some("commune"),
        "Suippes (Marne)",
        (49.1300, 4.5336),
    ),
    fr(
        "fr-marseille",
        Some("commune"),
        "Marseille",
        (43.2965, 5.3698),
    ),
    fr(
        "fr-lyon",
        Some("commune"),
        "Ville de Lyon",
        (45.7640, 4.8357),
    ),
    fr(
        "fr-montpellier",
        Some("commune"),
        "Montpellier",
        (43.6108, 3.8767),
    ),
    NewOrg {
        id: "fr-grenoble-digital",
        kind: "agency",
        country: "FR",
        level: None,
        parent: None,
        name: "Grenoble Digital",
        latn: None,
        seat: (45.1885, 5.7245),
    },
    kr(
        "kr-gyeongbuk",
        "province",
        None,
        "경상북도",
        "Gyeongsangbuk-do",
        (36.5760, 128.5056),
    ),
    kr(
        "kr-gyeongnam",
        "province",
        None,
        "경상남도",
        "Gyeongsangnam-do",
        (35.2383, 128.6925),
    ),
    kr(
        "kr-jeonnam",
        "province",
        None,
        "전라남도",
        "Jeollanam-do",
        (34.8161, 126.4629),
    ),
    kr(
        "kr-gangwon",
        "special_self_governing_province",
        None,
        "강원특별자치도",
        "Gangwon-teukbyeoljachido",
        (37.8853, 127.7298),
    ),
    kr(
        "kr-busan",
        "metropolitan_city",
        None,
        "부산광역시",
        "Busan-gwangyeoksi",
        (35.1796, 129.0756),
    ),
    kr(
        "kr-gangjin",
        "county",
        Some("kr-jeonnam"),
        "강진군",
        "Gangjin-gun",
        (34.6420, 126.7672),
    ),
    kr(
        "kr-paju",
        "city",
        Some("kr-gyeonggi"),
        "파주시",
        "Paju-si",
        (37.7599, 126.7800),
    ),
    kr(
        "kr-suncheon",
        "city",
        Some("kr-jeonnam"),
        "순천시",
        "Suncheon-si",
        (34.9507, 127.4872),
    ),
    kr(
        "kr-yanggu",
        "county",
        Some("kr-gangwon"),
        "양구군",
        "Yanggu-gun",
        (38.1100, 127.9897),
    ),
    kr(
        "kr-icheon",
        "city",
        Some("kr-gyeonggi"),
        "이천시",
        "Icheon-si",
        (37.2720, 127.4350),
    ),
    kr(
        "kr-yangcheon",
        "autonomous_district",
        Some("kr-seoul"),
        "양천구",
        "Yangcheon-gu",
        (37.5170, 126.8665),
    ),
    kr(
        "kr-gangbuk",
        "autonomous_district",
        Some("kr-seoul"),
        "강북구",
        "Gangbuk-gu",
        (37.6396, 127.0257),
    ),
    kr(
        "kr-jinju",
        "city",
        Some("kr-gyeongnam"),
        "진주시",
        "Jinju-si",
        (35.1800, 128.1076),
    ),
    kr(
        "kr-naju",
        "city",
        Some("kr-jeonnam"),
        "나주시",
        "Naju-si",
        (35.0160, 126.7108),
    ),
    kr(
        "kr-yangpyeong",
        "county",
        Some("kr-gyeonggi"),
        "양평군",
        "Yangpyeong-gun",
        (37.4917, 127.4876),
    ),
    kr(
        "kr-yongin",
        "city",
        Some("kr-gyeonggi"),
        "용인특례시",
        "Yongin-teugnyesi",
        (37.2411, 127.1776),
    ),
    kr(
        "kr-yeoju",
        "city",
        Some("kr-gyeonggi"),
        "여주시",
        "Yeoju-si",
        (37.2983, 127.6375),
    ),
    NewOrg {
        id: "kr-daegu-ccei",
        kind: "agency",
        country: "KR",
        level: None,
        parent: Some("kr-daegu"),
        name: "대구창조경제혁신센터",
        latn: Some("Daegu Changjo Gyeongje Hyeoksin Senteo"),
        seat: (35.8859, 128.6108),
    },
];

/// Each record: its id in the file, the French and Korean parties, the kind and status on the
/// model, and the group's partnership it describes when there is one.
type Mapping = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

const RECORDS: &[Mapping] = &[
    (
        "paris-seoul",
        Some("fr-paris"),
        "kr-seoul",
        "friendship",
        "active",
        None,
    ),
    (
        "alsace-gyeongbuk",
        Some("fr-alsace"),
        "kr-gyeongbuk",
        "twinning",
        "dormant",
        None,
    ),
    (
        "issy-guro",
        Some("fr-issy"),
        "kr-guro",
        "twinning",
        "active",
        Some("p-issy-guro"),
    ),
    (
        "nice-daejeon",
        Some("fr-nice"),
        "kr-daejeon",
        "mou",
        "active",
        Some("p-nice-daejeon"),
    ),
    (
        "limoges-gangjin",
        Some("fr-limoges"),
        "kr-gangjin",
        "informal",
        "dormant",
        None,
    ),
    (
        "reims-paju",
        Some("fr-reims"),
        "kr-paju",
        "letter_of_intent",
        "active",
        None,
    ),
    (
        "nantes-suncheon",
        Some("fr-nantes"),
        "kr-suncheon",
        "friendship",
        "active",
        None,
    ),
    (
        "saintmande-yanggu",
        Some("fr-saint-mande"),
        "kr-yanggu",
        "twinning",
        "active",
        None,
    ),
    (
        "limoges-icheon",
        Some("fr-limoges"),
        "kr-icheon",
        "twinning",
        "active",
        None,
    ),
    (
        "paris15-seocho",
        Some("fr-paris-15"),
        "kr-seocho",
        "mou",
        "active",
        None,
    ),
    (
        "grenobledigital-daegu",
        Some("fr-grenoble-digital"),
        "kr-daegu-ccei",
        "mou",
        "active",
        None,
    ),
    (
        "idf-gyeonggi",
        Some("fr-idf"),
        "kr-gyeonggi",
        "cooperation_agreement",
        "active",
        Some("p-idf-gyeonggi"),
    ),
    (
        "aura-dgfez",
        Some("fr-aura"),
        "kr-dgfez",
        "letter_of_intent",
        "active",
        Some("p-aura-dgfez"),
    ),
    (
        "tours-suwon",
        Some("fr-tours"),
        "kr-suwon",
        "letter_of_intent",
        "active",
        Some("p-tours-suwon"),
    ),
    (
        "mel-daegu",
        Some("fr-mel"),
        "kr-daegu",
        "cooperation_agreement",
        "active",
        Some("p-mel-daegu"),
    ),
    (
        "paris17-yangcheon",
        Some("fr-paris-17"),
        "kr-yangcheon",
        "twinning",
        "active",
        None,
    ),
    (
        "bordeaux-gangbuk",
        Some("fr-bordeaux"),
        "kr-gangbuk",
        "letter_of_intent",
        "active",
        None,
    ),
    (
        "tourrettes-jinju",
        Some("fr-tourrettes"),
        "kr-jinju",
        "letter_of_intent",
        "active",
        None,
    ),
    (
        "clermont-naju",
        Some("fr-clermont"),
        "kr-naju",
        "friendship",
        "active",
        None,
    ),
    (
        "suippes-yangpyeong",
        Some("fr-suippes"),
        "kr-yangpyeong",
        "friendship",
        "active",
        None,
    ),
    (
        "marseille-busan",
        Some("fr-marseille"),
        "kr-busan",
        "informal",
        "planned",
        None,
    ),
    (
        "yeoju-chipyongni",
        None,
        "kr-yeoju",
        "informal",
        "planned",
        None,
    ),
    (
        "lyon-seoul-robotics",
        Some("fr-lyon"),
        "kr-seoul",
        "informal",
        "dormant",
        None,
    ),
    (
        "daegu-lyon-plan",
        Some("fr-lyon"),
        "kr-daegu",
        "twinning",
        "planned",
        None,
    ),
    (
        "yongin-montpellier",
        Some("fr-montpellier"),
        "kr-yongin",
        "informal",
        "planned",
        None,
    ),
    (
        "nice-seoul",
        Some("fr-nice"),
        "kr-seoul",
        "informal",
        "active",
        Some("p-nice-seoul"),
    ),
    (
        "yvelines-seoul",
        Some("fr-yvelines"),
        "kr-seoul",
        "informal",
        "active",
        Some("p-yvelines-seoul"),
    ),
];

/// What the file says about a record, word for word, with its sources.
fn as_given(p: &Value) -> Value {
    json!({
        "record": p["sources"],
        "atlas_id": p["id"],
        "french_party_as_given": p["french_party"],
        "korean_party_as_given": p["korean_party"],
        "korean_level_as_given": p["korean_level"],
        "type_as_given": p["type"],
        "date_as_given": p["date"],
        "year_as_given": p["year"],
        "themes_as_given": p["themes"],
    })
}

pub(crate) async fn load(
    db: &Db,
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
) -> Result<(), StorageError> {
    let data: Value = serde_json::from_str(ATLAS).map_err(|e| StorageError::Demo(e.to_string()))?;
    let records = data["partnerships"].as_array().cloned().unwrap_or_default();
    let find = |id: &str| records.iter().find(|r| r["id"] == id);
    // A record without a French party describes the Korean side's wish: kept in its notes.
    let wish = |org: &str| -> Option<String> {
        RECORDS
            .iter()
            .filter(|m| m.1.is_none() && m.2 == org)
            .find_map(|m| {
                let r = find(m.0)?;
                Some(format!(
                    "{} ({}, {}) — {}",
                    r["korean_party"].as_str().unwrap_or_default(),
                    r["type"].as_str().unwrap_or_default(),
                    r["date"].as_str().unwrap_or("?"),
                    r["notes"].as_str().unwrap_or_default()
                ))
            })
    };
    for o in NEW_ORGS {
        let korean = o.country == "KR";
        let input = OrganisationInput {
            id: None,
            kind: o.kind.into(),
            country: o.country.into(),
            level: o.level.map(str::to_string),
            parent_id: o.parent.map(str::to_string),
            names: Names {
                fr: (!korean).then(|| o.name.to_string()),
                ko: korean.then(|| o.name.to_string()),
                ko_latn: o.latn.map(str::to_string),
                en: None,
            },
            population: None,
            population_year: None,
            seat: Some(Seat {
                lat: o.seat.0,
                lon: o.seat.1,
            }),
            seat_name: None,
            website: None,
            notes: wish(o.id),
            other_names: Default::default(),
            notes_lang: Some("fr".into()),
        };
        let org = input
            .validate(o.id.to_string())
            .map_err(|e| StorageError::Demo(format!("organisation {}: {e:?}", o.id)))?;
        let used_by: Vec<&str> = RECORDS
            .iter()
            .filter(|m| m.1 == Some(o.id) || m.2 == o.id)
            .map(|m| m.0)
            .collect();
        let sources = json!({
            "record": used_by.iter().filter_map(|id| find(id)).flat_map(|r| r["sources"].as_array().cloned().unwrap_or_default()).collect::<Vec<_>>(),
            "seat": {"source": "approximate coordinates of the town hall"},
        });
        db.insert_organisation(tx, &org, &sources).await?;
    }
    for (atlas_id, a, b, kind, status, existing) in RECORDS {
        let r = find(atlas_id)
            .ok_or_else(|| StorageError::Demo(format!("atlas record {atlas_id} missing")))?;
        let Some(a) = a else { continue };
        if let Some(pid) = existing {
            // The group's record of the same partnership: add what the file says to its sources.
            let stored: Option<String> =
                sqlx::query_scalar("SELECT sources FROM partnerships WHERE id = $1")
                    .bind(*pid)
                    .fetch_optional(&mut **tx)
                    .await?;
            let mut sources: Value = stored
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_else(|| json!({}));
            sources["atlas"] = as_given(r);
            sqlx::query("UPDATE partnerships SET sources = $1 WHERE id = $2")
                .bind(sources.to_string())
                .bind(*pid)
                .execute(&mut **tx)
                .await?;
            continue;
        }
        let date = r["date"]
            .as_str()
            .and_then(|d| d.get(..10))
            .filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok());
        let input = PartnershipInput {
            organisation_a: a.to_string(),
            organisation_b: b.to_string(),
            kind: kind.to_string(),
            status: Some(status.to_string()),
            signed_date: date.map(str::to_string),
            signed_year: r["year"].as_i64().and_then(|y| i32::try_from(y).ok()),
            themes: crate::demo_themes::classify(
                &r["themes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|t| t.as_str().map(str::to_string))
                    .collect::<Vec<_>>(),
            ),
            notes: r["notes"].as_str().map(str::to_string),
            notes_lang: Some("fr".into()),
        };
        let id = format!("p-{atlas_id}");
        let valid = input
            .validate(id.clone())
            .map_err(|e| StorageError::Demo(format!("partnership {id}: {e:?}")))?;
        db.insert_partnership(tx, &valid, &as_given(r)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_of_the_file_is_mapped_once() {
        let data: Value = serde_json::from_str(ATLAS).unwrap();
        let ids: Vec<&str> = data["partnerships"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), 27);
        for id in &ids {
            assert_eq!(RECORDS.iter().filter(|m| m.0 == *id).count(), 1, "{id}");
        }
        assert_eq!(RECORDS.len(), ids.len());
    }
}
