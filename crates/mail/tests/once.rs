//! A slow relay and two workers (two app nodes) draining one outbox: every message arrives
//! exactly once. The relay is a real SMTP server on loopback that takes its time to accept
//! each message; with the former batch claims, the lease of messages still waiting in a batch
//! ran out and the other node sent them again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use storage::{both_engines, Email};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Accepts every message after `delay`; counts them by Message-ID.
async fn slow_relay(delay: Duration) -> (u16, Arc<Mutex<HashMap<String, usize>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let counts = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let seen = seen.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 slow.relay ESMTP\r\n").await;
                let mut in_data = false;
                let mut message_id = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            tokio::time::sleep(delay).await;
                            *seen.lock().unwrap().entry(message_id.clone()).or_default() += 1;
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else if let Some(id) = line.strip_prefix("Message-ID: ") {
                            message_id = id.trim().to_string();
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 slow.relay\r\n",
                        "DATA" => {
                            in_data = true;
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"250 ok\r\n",
                    };
                    if write.write_all(reply).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, counts)
}

both_engines!(
    two_workers_and_a_slow_relay_send_each_message_once,
    multi_thread,
    |db| {
        const MESSAGES: usize = 6;
        let mut tx = db.begin().await.unwrap();
        for i in 0..MESSAGES {
            let e = Email::new(
                "test",
                &format!("person{i}@example.org"),
                format!("Message {i}"),
                "Bonjour".into(),
            );
            db.enqueue_email(&mut tx, &e).await.unwrap();
        }
        tx.commit().await.unwrap();
        db.outbox_due_now().await.unwrap();
        // Each message takes 400 ms to be accepted; a lease of 1.5 s would have run out for the
        // fourth message of a batch of six.
        let (port, seen) = slow_relay(Duration::from_millis(400)).await;
        let worker = || {
            mail::Sender::new(&mail::SmtpConfig {
                url: format!("smtp://127.0.0.1:{port}"),
                from: "Jumelage <no-reply@example.org>".into(),
            })
            .unwrap()
            .with_lease(Duration::from_millis(1500))
        };
        let (a, b) = (worker(), worker());
        let (db_a, db_b) = (db.clone(), db.clone());
        let node_a = tokio::spawn(async move { a.drain(&db_a).await.unwrap() });
        let node_b = tokio::spawn(async move {
            // The second node starts while the first is busy, then comes back after the lease.
            tokio::time::sleep(Duration::from_millis(200)).await;
            let mut sent = b.drain(&db_b).await.unwrap();
            tokio::time::sleep(Duration::from_millis(1600)).await;
            sent += b.drain(&db_b).await.unwrap();
            sent
        });
        let sent = node_a.await.unwrap() + node_b.await.unwrap();
        assert_eq!(sent, MESSAGES);
        let seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), MESSAGES, "{seen:?}");
        assert!(
            seen.values().all(|n| *n == 1),
            "a message sent twice: {seen:?}"
        );
        let counts = db.outbox_counts().await.unwrap();
        assert_eq!(counts, vec![("sent".to_string(), MESSAGES as i64)]);
    }
);
