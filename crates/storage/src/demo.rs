//! The demo data set: the Korea country group of Cités Unies France as the meeting report of
//! 28 January 2021 describes it (`demo/korea-group-2021.json`, embedded in the binary).
//!
//! The source file is written for people: levels, kinds and statuses are free text and every
//! fact carries its source. This module maps it onto the model, keeps every source and every
//! original wording (in `sources` and `notes`), and loads it in one transaction.

use std::collections::HashSet;

use domain::directory::{Names, OrganisationInput, PartnershipInput, Seat};
use domain::groups::GroupRole;
use serde_json::{json, Value};

use crate::actions::ActionRecord;
use crate::directory::PersonRole;
use crate::groups::Group;
use crate::{Db, StorageError};

const KOREA_GROUP: &str = include_str!("../demo/korea-group-2021.json");

/// Romanised names (Revised Romanization) of the Korean organisations of the demo data.
const ROMANISED: &[(&str, &str)] = &[
    ("kr-guro", "Guro-gu"),
    ("kr-suwon", "Suwon-si"),
    ("kr-seoul", "Seoul-teukbyeolsi"),
    ("kr-daejeon", "Daejeon-gwangyeoksi"),
    ("kr-daegu", "Daegu-gwangyeoksi"),
    ("kr-dgfez", "Daegu-Gyeongbuk Gyeongje Jayu Guyeok"),
    ("kr-gyeonggi", "Gyeonggi-do"),
    ("kr-seocho", "Seocho-gu"),
    ("inst-gaok", "Daehanminguk Sidojisa Hyeobuihoe"),
];

/// Parents that the source states in words ("autonomous district of Seoul", "capital of Gyeonggi").
const PARENTS: &[(&str, &str)] = &[
    ("kr-guro", "kr-seoul"),
    ("kr-seocho", "kr-seoul"),
    ("kr-suwon", "kr-gyeonggi"),
];

/// Loads the demo data set when the database holds no data, all or nothing. Returns whether it
/// loaded. Several app nodes starting at once on one PostgreSQL database load it once.
pub async fn load_demo(db: &Db) -> Result<bool, StorageError> {
    let data: Value =
        serde_json::from_str(KOREA_GROUP).map_err(|e| StorageError::Demo(e.to_string()))?;
    let mut tx = db.begin_sqlx().await?;
    if let Some(lock) = db.setup_lock_sql() {
        sqlx::query(lock).execute(&mut *tx).await?;
    }
    let existing: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM networks) + (SELECT COUNT(*) FROM organisations) \
         + (SELECT COUNT(*) FROM users)",
    )
    .fetch_one(&mut *tx)
    .await?;
    if existing > 0 {
        return Ok(false);
    }

    db.insert_network(
        &mut tx,
        "cuf",
        &Names {
            fr: Some("Cités Unies France".into()),
            ko: Some("프랑스 지방정부 연합".into()),
            ko_latn: None,
            en: Some("United Cities France".into()),
        },
    )
    .await?;
    db.insert_group(&mut tx, &korea_group()).await?;

    // Partnership records without a named Korean partner are wishes or relations with the
    // country as a whole: they go into the organisation's notes, word for word.
    let mut wishes: std::collections::HashMap<String, Vec<String>> = Default::default();
    for p in data["partnerships"].as_array().into_iter().flatten() {
        if let (Some(fr), None) = (text(p, "fr"), text(p, "kr")) {
            let themes: Vec<&str> = p["themes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let mut line = format!(
                "Relations avec la Corée ({}) : {}",
                text(p, "type").unwrap_or_default(),
                text(p, "status").unwrap_or_default()
            );
            if !themes.is_empty() {
                line.push_str(&format!(" — {}", themes.join(", ")));
            }
            wishes.entry(fr).or_default().push(line);
        }
    }

    let orgs = data["organisations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // Parents first: insert in an order where every parent precedes its children.
    let mut ordered: Vec<&Value> = orgs.iter().collect();
    ordered.sort_by_key(|o| PARENTS.iter().any(|(c, _)| Some(*c) == o["id"].as_str()));
    let mut known = HashSet::new();
    for o in ordered {
        let id =
            text(o, "id").ok_or_else(|| StorageError::Demo("organisation without id".into()))?;
        let (input, sources) = organisation(o, &id, wishes.remove(&id).unwrap_or_default());
        let org = input
            .validate(id.clone())
            .map_err(|e| StorageError::Demo(format!("organisation {id}: {e:?}")))?;
        db.insert_organisation(&mut tx, &org, &sources).await?;
        if let Some(role) = group_role(o) {
            db.add_group_member(&mut tx, "kr", &id, role).await?;
        }
        known.insert(id);
    }

    for p in data["people"].as_array().into_iter().flatten() {
        let (Some(id), Some(name)) = (text(p, "id"), text(p, "name")) else {
            continue;
        };
        let sources = json!({"record": p["source"], "note": p["note"]});
        db.insert_person(&mut tx, &id, &name, &sources).await?;
        if let Some(org) = text(p, "organisation").filter(|o| known.contains(o)) {
            let role = PersonRole {
                person_id: id,
                name,
                organisation_id: org,
                title: Names {
                    fr: text(p, "role"),
                    ..Default::default()
                },
            };
            db.insert_person_role(&mut tx, &role).await?;
        }
    }

    let mut pairs = Vec::new();
    for p in data["partnerships"].as_array().into_iter().flatten() {
        let id = text(p, "id").unwrap_or_default();
        let (Some(a), Some(b)) = (text(p, "fr"), text(p, "kr")) else {
            // A wish without a named partner (e.g. "a Korean region similar to AURA"): kept
            // with the organisation's notes rather than as a partnership.
            continue;
        };
        let (input, sources) = partnership(p, a.clone(), b.clone());
        let valid = input
            .validate(id.clone())
            .map_err(|e| StorageError::Demo(format!("partnership {id}: {e:?}")))?;
        db.insert_partnership(&mut tx, &valid, &sources).await?;
        pairs.push((id, a, b));
    }

    for a in data["actions"].as_array().into_iter().flatten() {
        let Some(id) = text(a, "id") else { continue };
        let parties: Vec<String> = a["parties"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .filter(|p| known.contains(p))
            .collect();
        let partnership_id = pairs
            .iter()
            .find(|(_, x, y)| parties.contains(x) && parties.contains(y))
            .map(|(id, _, _)| id.clone());
        let date_text = text(a, "date").or_else(|| a["start"].as_i64().map(|y| y.to_string()));
        let start_year = date_text.as_deref().and_then(first_year).map(i64::from);
        let record = ActionRecord {
            id,
            partnership_id,
            title: Names {
                fr: text(a, "title"),
                ..Default::default()
            },
            date_text,
            start_year,
            status_note: text(a, "status"),
            parties,
            sources: json!({
                "record": a["source"],
                "extra": a["extra_sources"],
                "recurrence": a["recurrence"],
                "notes": a["notes"],
                "parties_as_given": a["parties"],
            }),
            ..Default::default()
        };
        db.insert_action(&mut tx, &record).await?;
    }

    crate::demo_atlas::load(db, &mut tx).await?;
    crate::demo_meeting::load(db, &mut tx, &data).await?;

    tx.commit().await?;
    Ok(true)
}

fn korea_group() -> Group {
    Group {
        id: "kr".into(),
        network_id: "cuf".into(),
        country: "KR".into(),
        name: Names {
            fr: Some("Groupe-pays Corée".into()),
            ko: Some("한국 국가별 그룹".into()),
            ko_latn: None,
            en: Some("Korea country group".into()),
        },
        about: Names {
            fr: Some(
                "Le groupe-pays Corée de Cités Unies France réunit les collectivités françaises \
                 engagées avec des collectivités coréennes, leurs partenaires coréens et les \
                 partenaires institutionnels des deux pays. Il offre un espace pour la \
                 coopération décentralisée franco-coréenne : échanges administratifs, \
                 institutionnels, sociaux, économiques et culturels, et partage de bonnes \
                 pratiques entre pairs."
                    .into(),
            ),
            ko: Some(
                "프랑스 지방정부 연합(CUF)의 한국 국가별 그룹은 한국 지방정부와 교류하는 프랑스 \
                 지방정부, 그 한국 파트너, 그리고 양국의 참관 기관이 함께하는 모임입니다. \
                 행정·제도·사회·경제·문화 교류와 동료 간 우수 사례 공유를 통해 한불 지방정부 간 \
                 국제협력을 지원합니다."
                    .into(),
            ),
            ko_latn: None,
            en: Some(
                "The Korea country group of United Cities France brings together French local \
                 authorities working with Korean local governments, their Korean partners and \
                 the institutional partners of both countries. It is a space for Franco-Korean \
                 decentralized cooperation: administrative, institutional, social, economic and \
                 cultural exchanges, and peer sharing of good practices."
                    .into(),
            ),
        },
        other_names: Default::default(),
        time_zones: vec![domain::time::PARIS, domain::time::SEOUL],
        languages: vec!["fr".into(), "ko".into(), "en".into()],
        hashtags: vec!["KoreaFranceLocalCooperation".into()],
        version: 1,
    }
}

fn text(v: &Value, key: &str) -> Option<String> {
    v[key]
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The first plausible year (1900–2199) written in a text.
fn first_year(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = &s.get(i..i + 4)?;
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let after_ok = b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let y: i32 = w.parse().ok()?;
        (before_ok
            && after_ok
            && (1900..2200).contains(&y)
            && w.bytes().all(|c| c.is_ascii_digit()))
        .then_some(y)
    })
}

/// The Korean name without the editor's remarks ("수원시 (수원특례시 since 2022)" → "수원시").
fn clean_korean_name(s: &str) -> String {
    let cut = [" (", " / "]
        .iter()
        .filter_map(|sep| s.find(sep))
        .min()
        .unwrap_or(s.len());
    s[..cut].trim().to_string()
}

fn level_and_kind(o: &Value) -> (&'static str, Option<&'static str>) {
    let level = o["admin_level"].as_str().unwrap_or("").to_lowercase();
    let category = o["category"].as_str().unwrap_or("");
    let local = category.starts_with("collectivite");
    let by_level = [
        ("commune", "commune"),
        ("intercommunalit", "intercommunality"),
        ("département", "department"),
        ("région", "region"),
        ("자치구", "autonomous_district"),
        ("special city", "special_city"),
        ("metropolitan city", "metropolitan_city"),
        ("province", "province"),
        ("city (시)", "city"),
    ];
    if local {
        if let Some((_, code)) = by_level.iter().find(|(k, _)| level.contains(k)) {
            return ("local_authority", Some(code));
        }
    }
    let kind = if level.contains("economic zone") {
        "economic_zone"
    } else if level.contains("embassy") {
        "embassy"
    } else if level.contains("ministry") || level.contains("parliament") {
        "state_body"
    } else if level.contains("agency") || level.contains("incubator") || level.contains("programme")
    {
        "agency"
    } else if category == "reseau" || level.contains("network") {
        "network"
    } else if category == "association"
        || level.contains("association")
        || level.contains("federation")
    {
        "association"
    } else {
        "other"
    };
    (kind, None)
}

fn group_role(o: &Value) -> Option<GroupRole> {
    let id = o["id"].as_str().unwrap_or("");
    match (o["category"].as_str().unwrap_or(""), id) {
        (_, "inst-cuf") => Some(GroupRole::Secretariat),
        ("collectivite_francaise", _) => Some(GroupRole::Member),
        ("collectivite_coreenne", _) => Some(GroupRole::Partner),
        (_, "inst-gaok" | "inst-emb-kr-fr" | "inst-emb-fr-kr" | "inst-meae-daect") => {
            Some(GroupRole::Observer)
        }
        _ => None,
    }
}

fn organisation(o: &Value, id: &str, wishes: Vec<String>) -> (OrganisationInput, Value) {
    let (kind, level) = level_and_kind(o);
    let country = o["country"]
        .as_str()
        .unwrap_or("FR")
        .chars()
        .take(2)
        .collect();
    let seat = &o["seat"];
    let population = &o["population"];
    let name_ko = text(o, "name_ko");
    let mut notes = Vec::new();
    for key in ["notes", "role_in_meeting", "area_note"] {
        if let Some(n) = text(o, key) {
            notes.push(n);
        }
    }
    notes.extend(wishes);
    if let Some(parent) = text(o, "parent") {
        notes.push(format!("Rattachement : {parent}"));
    }
    if name_ko
        .as_deref()
        .is_some_and(|n| clean_korean_name(n) != n)
    {
        notes.push(format!(
            "Nom coréen tel que relevé : {}",
            name_ko.clone().unwrap_or_default()
        ));
    }
    let input = OrganisationInput {
        id: Some(id.to_string()),
        kind: kind.into(),
        country,
        level: level.map(str::to_string),
        parent_id: PARENTS
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, p)| p.to_string()),
        names: Names {
            fr: text(o, "name_fr"),
            ko: name_ko.as_deref().map(clean_korean_name),
            ko_latn: ROMANISED
                .iter()
                .find(|(k, _)| *k == id)
                .map(|(_, r)| r.to_string()),
            en: text(o, "name_en"),
        },
        population: population["value"].as_i64(),
        population_year: population["year"].as_i64().map(|y| y as i32),
        seat: match (seat["lat"].as_f64(), seat["lon"].as_f64()) {
            (Some(lat), Some(lon)) => Some(Seat { lat, lon }),
            _ => None,
        },
        seat_name: text(seat, "name"),
        website: None,
        notes: (!notes.is_empty()).then(|| notes.join("\n\n")),
        other_names: Default::default(),
        notes_lang: Some("fr".into()),
    };
    let sources = json!({
        "record": o["source"],
        "extra": o["extra_sources"],
        "name_ko": o["name_ko_source"],
        "population": population,
        "seat": seat,
        "admin_level": o["admin_level"],
        "category": o["category"],
        "area": o["area_sources"],
    });
    (input, strip_nulls(sources))
}

fn partnership(p: &Value, a: String, b: String) -> (PartnershipInput, Value) {
    let kind_text = p["type"].as_str().unwrap_or("").to_lowercase();
    let kind = match kind_text.as_str() {
        "twinning" => "twinning",
        "mou" => "mou",
        "letter of intent" => "letter_of_intent",
        "partnership agreement" => "cooperation_agreement",
        "friendship" => "friendship",
        _ => "informal",
    };
    let status_text = p["status"].as_str().unwrap_or("").to_lowercase();
    let status = if kind_text == "none yet" {
        "planned"
    } else if status_text.contains("ended") {
        "ended"
    } else {
        "active"
    };
    let signed_year = match &p["year_signed"] {
        Value::Number(n) => n.as_i64().map(|y| y as i32),
        Value::String(s) => first_year(s),
        _ => None,
    };
    let signed_date = text(p, "date_signed")
        .and_then(|d| d.get(..10).map(str::to_string))
        .filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok());
    let wording: Vec<String> = p["themes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t.as_str().map(str::to_string))
        .collect();
    let themes = crate::demo_themes::classify(&wording);
    let mut notes = Vec::new();
    for key in ["status", "notes"] {
        if let Some(n) = text(p, key) {
            notes.push(n);
        }
    }
    let input = PartnershipInput {
        organisation_a: a,
        organisation_b: b,
        kind: kind.into(),
        status: Some(status.into()),
        signed_year: signed_date.as_deref().and_then(first_year).or(signed_year),
        signed_date,
        themes,
        notes: (!notes.is_empty()).then(|| notes.join("\n\n")),
        notes_lang: Some("fr".into()),
    };
    let sources = json!({
        "record": p["source"],
        "extra": p["extra_sources"],
        "type_as_given": p["type"],
        "year_signed_as_given": p["year_signed"],
        "date_signed_as_given": p["date_signed"],
        "themes_context": p["themes_from_report_for_Nice_generally"],
        "themes_as_given": p["themes"],
    });
    (input, strip_nulls(sources))
}

fn strip_nulls(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).collect())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_names() {
        assert_eq!(first_year("2005-2006 (seed); October 2005"), Some(2005));
        assert_eq!(first_year("after 2018"), Some(2018));
        assert_eq!(first_year("12345"), None);
        assert_eq!(
            clean_korean_name("수원시 (수원특례시 since 2022)"),
            "수원시"
        );
        assert_eq!(clean_korean_name("뚜르시 / 투르시"), "뚜르시");
        assert_eq!(clean_korean_name("구로구"), "구로구");
    }
}
