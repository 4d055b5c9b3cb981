//! The demo data's themes are free wording ("culture/musique", "robotique (Innorobo / Robo
//! World)"); the register classifies partnerships by the theme taxonomy (migration 0007). This
//! table says which themes each wording belongs to; the wording itself is kept in the
//! partnership's sources.

/// (a piece of wording, in lower case, the theme it denotes). A wording may hit several.
const RULES: &[(&str, &str)] = &[
    ("cultur", "culture"),
    ("musique", "culture"),
    ("arts", "culture"),
    ("festival", "culture"),
    ("céramique", "culture"),
    ("industrie créative", "culture"),
    ("jardins", "culture"),
    ("jeunesse", "youth"),
    ("étudiants", "youth"),
    ("éducation", "education"),
    ("universit", "education"),
    ("scolaire", "education"),
    ("enseignement", "education"),
    ("économi", "economy"),
    ("pme", "economy"),
    ("entrepreneurs", "economy"),
    ("start-up", "economy"),
    ("investissement", "economy"),
    ("industrie", "economy"),
    ("recherche", "innovation"),
    ("innovation", "innovation"),
    ("science", "innovation"),
    ("nouvelles technologies", "innovation"),
    ("robotique", "innovation"),
    ("e-administration", "digital"),
    ("numérisation", "digital"),
    ("transactions en ligne", "digital"),
    ("iot", "digital"),
    ("smart cit", "smart_city"),
    ("urbain", "urban"),
    ("urbanisme", "urban"),
    ("logement", "urban"),
    ("environnement", "environment"),
    ("biodiversité", "environment"),
    ("eau", "environment"),
    ("durable", "environment"),
    ("énergie", "energy"),
    ("mobilités", "mobility"),
    ("transports", "mobility"),
    ("touris", "tourism"),
    ("destinations", "tourism"),
    ("gastronomie", "tourism"),
    ("sport", "sport"),
    ("santé", "health"),
    ("sanitaire", "health"),
    ("agricult", "agriculture"),
    ("sociale et solidaire", "social_economy"),
    ("fonctionnaires", "public_administration"),
    ("coopération décentralisée", "public_administration"),
    ("groupe-pays", "public_administration"),
    ("histoire", "history"),
];

/// The theme ids that a free wording belongs to, in the order of the rules, without repeats.
pub(crate) fn themes_of(wording: &str) -> Vec<&'static str> {
    let w = wording.to_lowercase();
    let mut out: Vec<&'static str> = Vec::new();
    for (piece, theme) in RULES {
        let hit = if piece.len() <= 4 {
            // Short pieces ("eau", "iot", "pme", "arts") only as whole words.
            w.split(|c: char| !c.is_alphanumeric())
                .any(|word| word == *piece)
        } else {
            w.contains(piece)
        };
        if hit && !out.contains(theme) {
            out.push(theme);
        }
    }
    out
}

/// The theme ids of a list of wordings.
pub(crate) fn classify(wordings: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in wordings {
        for t in themes_of(w) {
            if !out.iter().any(|o| o == t) {
                out.push(t.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_wording_has_a_theme() {
        for file in [
            include_str!("../demo/korea-group-2021.json"),
            include_str!("../demo/franco-korean-partnerships.json"),
        ] {
            let v: serde_json::Value = serde_json::from_str(file).unwrap();
            for p in v["partnerships"].as_array().unwrap() {
                for t in p["themes"].as_array().into_iter().flatten() {
                    let t = t.as_str().unwrap();
                    assert!(!themes_of(t).is_empty(), "no theme for {t:?}");
                }
            }
        }
    }

    #[test]
    fn wordings_are_classified() {
        assert_eq!(themes_of("culture/musique"), vec!["culture"]);
        assert_eq!(themes_of("eau"), vec!["environment"]);
        assert_eq!(themes_of("beau temps"), Vec::<&str>::new());
        assert_eq!(
            themes_of("mobilité d'entrepreneurs et de start-ups (French Tech, incubateur Tarmac)"),
            vec!["economy"]
        );
        assert_eq!(themes_of("sport/e-sport"), vec!["sport"]);
    }
}
