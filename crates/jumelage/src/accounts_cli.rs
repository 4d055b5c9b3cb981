//! `jumelage user list|disable|enable` and `jumelage token list|revoke`, for operators: the same
//! storage calls as the pages, and the same audit log (the client is "command line").

use anyhow::anyhow;
use storage::{AuditEvent, Db};

const CLI: &str = "command line";

fn when(ms: i64) -> String {
    storage::utc(ms).format("%Y-%m-%d %H:%M UTC").to_string()
}

pub async fn list_users(db: &Db) -> anyhow::Result<()> {
    let users = db.users_summary().await;
    db.close().await;
    for u in users? {
        let state = match u.disabled_at {
            Some(at) => format!("disabled {}", when(at)),
            None => "active".into(),
        };
        println!(
            "{}\t{}\t{}\t{}\t{state}",
            u.id,
            u.email,
            u.display_name,
            u.roles.join(",")
        );
    }
    Ok(())
}

async fn user_id(db: &Db, email: &str) -> anyhow::Result<String> {
    db.account_id(email)
        .await?
        .ok_or_else(|| anyhow!("--email {email}: no such account"))
}

pub async fn set_disabled(db: &Db, email: &str, disabled: bool) -> anyhow::Result<()> {
    let result = async {
        let id = user_id(db, email).await?;
        db.set_user_disabled(&id, disabled).await?;
        let event = if disabled {
            "user_disabled"
        } else {
            "user_enabled"
        };
        db.audit(
            &AuditEvent::new(event)
                .target(format!("user:{id}"))
                .client(CLI),
        )
        .await?;
        eprintln!(
            "{email}: {}",
            if disabled {
                "disabled (sessions closed, tokens revoked)"
            } else {
                "enabled"
            }
        );
        anyhow::Ok(())
    }
    .await;
    db.close().await;
    result
}

pub async fn list_tokens(db: &Db, email: &str) -> anyhow::Result<()> {
    let result = async {
        let id = user_id(db, email).await?;
        for t in db.tokens_of(&id).await? {
            let state = match t.revoked_at {
                Some(at) => format!("revoked {}", when(at)),
                None => "active".into(),
            };
            let used = t
                .last_used_at
                .map(when)
                .unwrap_or_else(|| "never used".into());
            println!(
                "{}\t{}\tcreated {}\t{used}\t{state}",
                t.id,
                t.name,
                when(t.created_at)
            );
        }
        anyhow::Ok(())
    }
    .await;
    db.close().await;
    result
}

pub async fn revoke_token(db: &Db, id: &str) -> anyhow::Result<()> {
    let result = async {
        let owner = db
            .revoke_token(None, id)
            .await?
            .ok_or_else(|| anyhow!("--id {id}: no such active token"))?;
        db.audit(
            &AuditEvent::new("token_revoked")
                .target(format!("token:{id}"))
                .detail(format!("of user:{owner}"))
                .client(CLI),
        )
        .await?;
        eprintln!("token {id} revoked");
        anyhow::Ok(())
    }
    .await;
    db.close().await;
    result
}
