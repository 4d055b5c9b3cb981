//! `jumelage demo generate`: a large, realistic register for benchmarks, written as the import
//! files (the documented column layout), so that generating, importing and exporting are measured
//! through the same paths as a secretariat's files.
//!
//! French organisations: communes, départements and régions with French names (and English
//! ones); Korean organisations: the 17 upper-level governments, then cities, counties and
//! districts under them, in Hangul with their Revised Romanization. Partnerships join a French
//! and a Korean organisation, never twice the same pair. The same seed gives the same files.

use std::collections::HashSet;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const KR_UPPER: &[(&str, &str, &str, f64, f64)] = &[
    ("서울특별시", "Seoul", "special_city", 37.5665, 126.9780),
    (
        "부산광역시",
        "Busan",
        "metropolitan_city",
        35.1796,
        129.0756,
    ),
    (
        "대구광역시",
        "Daegu",
        "metropolitan_city",
        35.8714,
        128.6014,
    ),
    (
        "인천광역시",
        "Incheon",
        "metropolitan_city",
        37.4563,
        126.7052,
    ),
    (
        "광주광역시",
        "Gwangju",
        "metropolitan_city",
        35.1595,
        126.8526,
    ),
    (
        "대전광역시",
        "Daejeon",
        "metropolitan_city",
        36.3504,
        127.3845,
    ),
    (
        "울산광역시",
        "Ulsan",
        "metropolitan_city",
        35.5384,
        129.3114,
    ),
    (
        "세종특별자치시",
        "Sejong",
        "special_self_governing_city",
        36.4800,
        127.2890,
    ),
    ("경기도", "Gyeonggi-do", "province", 37.2752, 127.0095),
    (
        "강원특별자치도",
        "Gangwon",
        "special_self_governing_province",
        37.8853,
        127.7298,
    ),
    (
        "충청북도",
        "Chungcheongbuk-do",
        "province",
        36.6357,
        127.4917,
    ),
    (
        "충청남도",
        "Chungcheongnam-do",
        "province",
        36.6588,
        126.6728,
    ),
    (
        "전북특별자치도",
        "Jeonbuk",
        "special_self_governing_province",
        35.8202,
        127.1089,
    ),
    ("전라남도", "Jeollanam-do", "province", 34.8161, 126.4629),
    (
        "경상북도",
        "Gyeongsangbuk-do",
        "province",
        36.5760,
        128.5056,
    ),
    (
        "경상남도",
        "Gyeongsangnam-do",
        "province",
        35.2383,
        128.6925,
    ),
    (
        "제주특별자치도",
        "Jeju",
        "special_self_governing_province",
        33.4890,
        126.4983,
    ),
];

const SYLLABLES: &[&str] = &[
    "가", "강", "경", "고", "광", "구", "군", "금", "김", "남", "논", "단", "당", "대", "동", "마",
    "명", "목", "문", "보", "부", "사", "산", "서", "성", "송", "수", "순", "안", "양", "여", "영",
    "예", "오", "용", "울", "원", "의", "이", "인", "장", "전", "정", "제", "주", "진", "창", "천",
    "청", "춘", "충", "태", "통", "평", "포", "하", "함", "해", "홍", "화",
];

const FR_FIRST: &[&str] = &[
    "Saint-Martin",
    "Villeneuve",
    "Montigny",
    "Beaumont",
    "Fontaine",
    "Châteauneuf",
    "Bourg",
    "Roche",
    "Champagne",
    "Neuville",
    "Sainte-Marie",
    "Saint-Étienne",
    "Val",
    "Mont",
    "Belleville",
    "Clermont",
    "Fleury",
    "Ambérieu",
    "Boulogne",
    "Pont-Sainte",
    "Saint-Denis",
    "Rivière",
];

const FR_SECOND: &[&str] = &[
    "sur-Loire",
    "en-Provence",
    "lès-Bains",
    "sur-Mer",
    "du-Lac",
    "la-Forêt",
    "d'Orléans",
    "en-Bresse",
    "sur-Seine",
    "le-Château",
    "aux-Bois",
    "de-Bretagne",
    "sous-Bois",
    "en-Vexin",
    "la-Garenne",
    "d'Allier",
    "sur-Marne",
    "les-Ponts",
    "",
    "",
    "",
];

/// Ids of the starting theme taxonomy (migration 0007), which every database has.
const THEMES: &[&str] = &[
    "culture",
    "education",
    "youth",
    "economy",
    "tourism",
    "environment",
    "urban",
    "health",
    "sport",
    "digital",
    "mobility",
    "agriculture",
    "energy",
    "innovation",
];

const KINDS: &[&str] = &[
    "twinning",
    "friendship",
    "mou",
    "letter_of_intent",
    "cooperation_agreement",
    "informal",
];
const STATUSES: &[&str] = &["active", "active", "active", "planned", "dormant", "ended"];

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(out: &mut impl Write, cells: &[String]) -> std::io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
    writeln!(out, "{}", line.join(","))
}

/// Writes `organisations.csv` and `partnerships.csv` into `dir`.
pub fn generate(
    dir: &Path,
    organisations: usize,
    partnerships: usize,
    seed: u64,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let mut rng = StdRng::seed_from_u64(seed);
    let orgs_path = dir.join("organisations.csv");
    let mut o = BufWriter::new(std::fs::File::create(&orgs_path)?);
    writeln!(o, "id,kind,country,level,parent_id,name_fr,name_ko,name_ko_latn,name_en,population,population_year,lat,lon,seat_name,website,notes")?;
    let (mut fr_ids, mut kr_ids) = (Vec::new(), Vec::new());
    let s = |v: &str| v.to_string();
    for (i, (ko, latn, level, lat, lon)) in KR_UPPER.iter().enumerate() {
        let id = format!("g-kr-{i}");
        row(
            &mut o,
            &[
                id.clone(),
                s("local_authority"),
                s("KR"),
                s(level),
                s(""),
                s(""),
                s(ko),
                s(latn),
                s(latn),
                rng.random_range(300_000..10_000_000i64).to_string(),
                s("2023"),
                lat.to_string(),
                lon.to_string(),
                s(""),
                s(""),
                s(""),
            ],
        )?;
        kr_ids.push(id);
    }
    let uppers = kr_ids.len();
    let rest = organisations.saturating_sub(uppers);
    for n in 0..rest {
        if n % 2 == 0 {
            let id = format!("g-fr-{n}");
            let second = FR_SECOND[rng.random_range(0..FR_SECOND.len())];
            let mut name = FR_FIRST[rng.random_range(0..FR_FIRST.len())].to_string();
            if !second.is_empty() {
                name = format!("{name}-{second}");
            }
            let (level, pop) = match rng.random_range(0..100) {
                0 => ("region", rng.random_range(1_000_000..12_000_000i64)),
                1..=3 => ("department", rng.random_range(80_000..2_600_000i64)),
                _ => ("commune", rng.random_range(50..300_000i64)),
            };
            let name_fr = match level {
                "region" => format!("Région {name}"),
                "department" => format!("Département de {name}"),
                _ => name.clone(),
            };
            let lat = rng.random_range(42.5..51.0f64);
            let lon = rng.random_range(-4.5..7.8f64);
            row(
                &mut o,
                &[
                    id.clone(),
                    s("local_authority"),
                    s("FR"),
                    s(level),
                    s(""),
                    name_fr,
                    s(""),
                    s(""),
                    format!("{name} ({level})"),
                    pop.to_string(),
                    s("2021"),
                    format!("{lat:.4}"),
                    format!("{lon:.4}"),
                    name,
                    s(""),
                    s(""),
                ],
            )?;
            fr_ids.push(id);
        } else {
            let id = format!("g-kr-{}", uppers + n);
            let parent = rng.random_range(0..uppers);
            let stem: String = (0..2)
                .map(|_| SYLLABLES[rng.random_range(0..SYLLABLES.len())])
                .collect();
            let (level, suffix) = match (KR_UPPER[parent].2, rng.random_range(0..3)) {
                ("special_city" | "metropolitan_city", _) => ("autonomous_district", "구"),
                (_, 0) => ("county", "군"),
                _ => ("city", "시"),
            };
            let ko = format!("{stem}{suffix}");
            let latn = domain::directory::romanize_place(&ko);
            let lat = (KR_UPPER[parent].3 + rng.random_range(-0.4..0.4f64)).clamp(33.2, 38.6);
            let lon = (KR_UPPER[parent].4 + rng.random_range(-0.4..0.4f64)).clamp(124.6, 131.0);
            row(
                &mut o,
                &[
                    id.clone(),
                    s("local_authority"),
                    s("KR"),
                    s(level),
                    format!("g-kr-{parent}"),
                    s(""),
                    ko,
                    latn.clone(),
                    latn,
                    rng.random_range(10_000..1_200_000i64).to_string(),
                    s("2023"),
                    format!("{lat:.4}"),
                    format!("{lon:.4}"),
                    s(""),
                    s(""),
                    s(""),
                ],
            )?;
            kr_ids.push(id);
        }
    }
    o.flush()?;
    let mut p = BufWriter::new(std::fs::File::create(dir.join("partnerships.csv"))?);
    writeln!(
        p,
        "id,organisation_a,organisation_b,kind,status,signed_date,signed_year,themes,notes"
    )?;
    let possible = fr_ids.len().saturating_mul(kr_ids.len());
    let wanted = partnerships.min(possible);
    let mut pairs = HashSet::with_capacity(wanted);
    let mut n = 0;
    while n < wanted {
        let a = rng.random_range(0..fr_ids.len());
        let b = rng.random_range(0..kr_ids.len());
        if !pairs.insert((a, b)) {
            continue;
        }
        let year = rng.random_range(1965..2026);
        let themes: Vec<&str> = (0..rng.random_range(0..4))
            .map(|_| THEMES[rng.random_range(0..THEMES.len())])
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let date = if rng.random_bool(0.5) {
            format!(
                "{year}-{:02}-{:02}",
                rng.random_range(1..13),
                rng.random_range(1..29)
            )
        } else {
            String::new()
        };
        row(
            &mut p,
            &[
                format!("g-p-{n}"),
                fr_ids[a].clone(),
                kr_ids[b].clone(),
                s(KINDS[rng.random_range(0..KINDS.len())]),
                s(STATUSES[rng.random_range(0..STATUSES.len())]),
                date,
                year.to_string(),
                themes.join(" | "),
                s(""),
            ],
        )?;
        n += 1;
    }
    p.flush()?;
    eprintln!(
        "{} organisations and {n} partnerships written to {}",
        uppers + rest,
        dir.display()
    );
    Ok(())
}
