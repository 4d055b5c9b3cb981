//! Every message the pages and handlers ask for exists in the catalogs.

use std::path::Path;

fn scan(dir: &Path, keys: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scan(&path, keys);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("t(\"") {
            // `page.t("key")`, `ctx.t("key")`, `i18n::t(lang, ...)` is caught by the catalog
            // tests; `headers.get("...")` is not a message.
            if at == 0 || !text[..at].ends_with('.') {
                continue;
            }
            let part = &text[at + 3..];
            if let Some(end) = part.find('"') {
                let key = &part[..end];
                if key.chars().all(|c| c.is_ascii_lowercase() || c == '-') && key.contains('-') {
                    keys.push((path.display().to_string(), key.to_string()));
                }
            }
        }
    }
}

#[test]
fn every_message_used_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut keys = Vec::new();
    scan(&root.join("templates"), &mut keys);
    scan(&root.join("src"), &mut keys);
    assert!(
        keys.len() > 40,
        "the scan found too few messages: {}",
        keys.len()
    );
    let missing: Vec<_> = keys.iter().filter(|(_, k)| !i18n::has_key(k)).collect();
    assert!(
        missing.is_empty(),
        "messages missing from the catalogs: {missing:?}"
    );
}

#[test]
fn every_label_of_a_domain_value_exists() {
    use domain::directory::{OrgKind, PartnershipKind, PartnershipStatus};
    use domain::groups::GroupRole;
    let mut keys: Vec<String> = Vec::new();
    keys.extend(
        OrgKind::ALL
            .iter()
            .map(|v| format!("kind-{}", v.code().replace('_', "-"))),
    );
    keys.extend(
        PartnershipKind::ALL
            .iter()
            .map(|v| format!("partnership-kind-{}", v.code().replace('_', "-"))),
    );
    keys.extend(
        PartnershipStatus::ALL
            .iter()
            .map(|v| format!("partnership-status-{}", v.code().replace('_', "-"))),
    );
    keys.extend(
        GroupRole::ALL
            .iter()
            .map(|v| format!("group-role-{}", v.code())),
    );
    for k in keys {
        assert!(i18n::has_key(&k), "{k} missing");
    }
}
