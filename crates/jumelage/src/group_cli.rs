//! `jumelage group create|list`: country groups from the command line, with the rules the
//! pages and the API apply (`domain::groups::GroupInput`).

use std::collections::BTreeMap;

use anyhow::anyhow;
use domain::groups::GroupInput;
use storage::Db;

/// What `group create` was given.
pub struct NewGroup {
    pub id: String,
    pub country: String,
    /// `LANG=TEXT`, one a language.
    pub names: Vec<String>,
    pub time_zones: Vec<String>,
    pub languages: Vec<String>,
    pub hashtags: Vec<String>,
}

pub async fn create(db: &Db, g: NewGroup) -> anyhow::Result<()> {
    let mut names = BTreeMap::new();
    for n in &g.names {
        let (lang, text) = n.split_once('=').ok_or_else(|| {
            anyhow!("--name: write LANG=TEXT, e.g. --name 'fr=Groupe-pays Sénégal'")
        })?;
        names.insert(lang.trim().to_string(), text.to_string());
    }
    let input = GroupInput {
        id: g.id,
        names,
        country: g.country,
        time_zones: g.time_zones,
        languages: g.languages,
        hashtags: g.hashtags,
        ..GroupInput::default()
    };
    let mut tx = db.begin().await?;
    let network = db.network_id(&mut tx).await?;
    let group = input.validate(&network).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| {
                let field = e.field.as_deref().unwrap_or("");
                let flag = field.split(['.', '[']).next().unwrap_or("");
                let flag = match flag {
                    "names" => "name",
                    "time_zones" => "time-zone",
                    "languages" => "language",
                    "hashtags" => "hashtag",
                    other => other,
                };
                format!(
                    "--{flag} ({field}): {}",
                    i18n::t(i18n::Lang::En, &e.key.message_id())
                )
            })
            .collect();
        anyhow!(lines.join("\n"))
    })?;
    db.insert_group(&mut tx, &group)
        .await
        .map_err(|e| match e.key() {
            Some(k) => anyhow!("--id: {}", i18n::t(i18n::Lang::En, &k.key.message_id())),
            None => anyhow!(e),
        })?;
    tx.commit().await?;
    db.audit(&storage::AuditEvent::new("group_created").target(format!("group:{}", group.id)))
        .await?;
    println!(
        "group {} created: {} ({}), zones {}",
        group.id,
        group.name_in("fr"),
        group.country,
        group
            .time_zones
            .iter()
            .map(|z| z.name())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}

pub async fn list(db: &Db) -> anyhow::Result<()> {
    let counts = db.group_member_counts().await?;
    for g in db.groups().await? {
        println!(
            "{}\t{}\t{}\t{} organisations\t{}",
            g.id,
            g.country,
            g.name_in("fr"),
            counts.get(&g.id).copied().unwrap_or(0),
            g.time_zones
                .iter()
                .map(|z| z.name())
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    Ok(())
}
