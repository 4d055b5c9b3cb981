//! The e-mail worker: claims due messages from the outbox, sends them over SMTP, marks them
//! sent, or schedules a retry with a growing delay. Messages are claimed with a lease, so that
//! several app nodes never send one twice; a node that dies mid-send loses its claim and the
//! message goes out later from another.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use storage::{Db, Email};

/// Where and as whom to send.
#[derive(Clone)]
pub struct SmtpConfig {
    /// `smtp://host:port` (plain, for a relay on loopback), `smtp://host:587?tls=required`
    /// (STARTTLS), `smtps://user:pass@host:465`.
    pub url: String,
    pub from: String,
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("url", &storage::redact_url(&self.url))
            .field("from", &self.from)
            .finish()
    }
}

pub struct Sender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Sender {
    pub fn new(config: &SmtpConfig) -> Result<Sender, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.url)
            .map_err(|e| format!("--smtp-url: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = config
            .from
            .parse()
            .map_err(|e| format!("--mail-from: {e}"))?;
        Ok(Sender { transport, from })
    }

    fn message(&self, e: &Email) -> Result<Message, String> {
        let to: Mailbox = e
            .recipient
            .parse()
            .map_err(|err| format!("recipient: {err}"))?;
        let text = SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .body(e.body_text.clone());
        let mut body = match &e.body_html {
            Some(html) => MultiPart::alternative().singlepart(text).singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_HTML)
                    .body(html.clone()),
            ),
            None => MultiPart::mixed().singlepart(text),
        };
        if let Some((name, kind, content)) = &e.attachment {
            let kind = ContentType::parse(kind).map_err(|err| err.to_string())?;
            let part = Attachment::new(name.clone()).body(content.clone(), kind);
            body = MultiPart::mixed().multipart(body).singlepart(part);
        }
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(e.subject.clone())
            .message_id(Some(format!("<{}@jumelage>", e.id)))
            .multipart(body)
            .map_err(|err| err.to_string())
    }

    /// Sends what is due; returns how many were sent.
    pub async fn drain(&self, db: &Db) -> Result<usize, storage::StorageError> {
        let mut sent = 0;
        loop {
            let batch = db.claim_emails(20, 120_000).await?;
            if batch.is_empty() {
                return Ok(sent);
            }
            for e in batch {
                let result = match self.message(&e) {
                    Ok(m) => self
                        .transport
                        .send(m)
                        .await
                        .map(|_| ())
                        .map_err(|err| err.to_string()),
                    Err(err) => Err(err),
                };
                match result {
                    Ok(()) => {
                        db.mark_email_sent(&e.id).await?;
                        sent += 1;
                    }
                    Err(err) => {
                        tracing::warn!(email = %e.id, attempts = e.attempts + 1, error = %err, "e-mail not sent; will retry");
                        db.mark_email_failed(&e, &err).await?;
                    }
                }
            }
        }
    }
}

/// Runs the worker until `stop` resolves: drains the outbox every `every`.
pub async fn run(
    db: Db,
    sender: Sender,
    every: Duration,
    stop: tokio::sync::watch::Receiver<bool>,
) {
    let mut stop = stop;
    loop {
        if let Err(e) = sender.drain(&db).await {
            tracing::error!(error = %e, "e-mail worker");
        }
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stop.changed() => return,
        }
    }
}
