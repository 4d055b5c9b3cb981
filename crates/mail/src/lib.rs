//! The e-mail worker: claims due messages from the outbox one at a time, sends each over SMTP,
//! marks it sent, or schedules a retry with a growing delay. A claim is a lease with a fencing
//! token, and a send is cut off well before its lease runs out, so that several app nodes never
//! send one message twice however slow the relay; a node that dies mid-send loses its claim
//! and the message goes out later from another.

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
    lease: Duration,
}

/// How long a claim on a message lasts. A send that has not finished in half of it is given up
/// (and retried later), so that the claim is still held when the message is marked.
pub const LEASE: Duration = Duration::from_secs(120);

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
        Ok(Sender {
            transport,
            from,
            lease: LEASE,
        })
    }

    /// The same sender with another lease (tests of slow relays).
    pub fn with_lease(mut self, lease: Duration) -> Sender {
        self.lease = lease;
        self
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

    /// Sends what is due, one message at a time; returns how many were sent.
    pub async fn drain(&self, db: &Db) -> Result<usize, storage::StorageError> {
        let mut sent = 0;
        let lease_ms = self.lease.as_millis() as i64;
        while let Some(e) = db.claim_email(lease_ms).await? {
            let result = match self.message(&e) {
                Ok(m) => match tokio::time::timeout(self.lease / 2, self.transport.send(m)).await {
                    Ok(r) => r.map(|_| ()).map_err(|err| err.to_string()),
                    Err(_) => Err(format!(
                        "the relay took longer than {} s",
                        (self.lease / 2).as_secs_f32()
                    )),
                },
                Err(err) => Err(err),
            };
            match result {
                Ok(()) => {
                    if db.mark_email_sent(&e).await? {
                        sent += 1;
                    } else {
                        tracing::error!(email = %e.id, "e-mail sent after its claim was lost");
                    }
                }
                Err(err) => {
                    tracing::warn!(email = %e.id, attempts = e.attempts + 1, error = %err, "e-mail not sent; will retry");
                    db.mark_email_failed(&e, &err).await?;
                }
            }
        }
        Ok(sent)
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
