//! Files that people attach (a meeting's slides, a partnership's agreement): read from a
//! multipart form, checked for size and type (the extension must match the first bytes), named
//! safely, and sent back as downloads that the browser never renders in the page.

use std::path::{Path, PathBuf};

use axum::extract::Multipart;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::ErrorKey;
use sha2::{Digest, Sha256};
use storage::Attachment;
use tokio::io::AsyncWriteExt;

use crate::AppError;
use crate::OrNotFound;

/// Up to this size, of the types below.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
const ALLOWED: &[(&str, &str, &[u8])] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        b"PK\x03\x04",
    ),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        b"PK\x03\x04",
    ),
    (
        "odt",
        "application/vnd.oasis.opendocument.text",
        b"PK\x03\x04",
    ),
    (
        "odp",
        "application/vnd.oasis.opendocument.presentation",
        b"PK\x03\x04",
    ),
    ("png", "image/png", b"\x89PNG"),
    ("jpg", "image/jpeg", b"\xFF\xD8\xFF"),
    ("jpeg", "image/jpeg", b"\xFF\xD8\xFF"),
    ("txt", "text/plain; charset=utf-8", b""),
];

/// The type of an uploaded file, from its extension checked against its first bytes.
pub fn file_type(name: &str, bytes: &[u8]) -> Result<&'static str, AppError> {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let (_, mime, magic) = ALLOWED
        .iter()
        .find(|(e, _, _)| *e == ext)
        .ok_or_else(|| AppError::field(ErrorKey::FileType, "file"))?;
    if bytes.starts_with(magic) {
        Ok(mime)
    } else {
        Err(AppError::field(ErrorKey::FileType, "file"))
    }
}

/// An upload that passed the checks, its bytes in a temporary file (removed when dropped).
pub struct Upload {
    pub attachment: Attachment,
    pub path: TempFile,
}

/// A temporary file that is removed when dropped.
pub struct TempFile(PathBuf);

impl TempFile {
    fn new() -> TempFile {
        TempFile(std::env::temp_dir().join(format!(
            "jumelage-upload-{}",
            &storage::random_token()[..20]
        )))
    }
}

impl std::ops::Deref for TempFile {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// What is learnt of a file while it streams by: size, checksum, first bytes, and whether it
/// is UTF-8 so far (a character cut between two pieces waits for the next one).
struct Received {
    size: usize,
    sha: Sha256,
    head: Vec<u8>,
    utf8: bool,
    pending: Vec<u8>,
}

impl Received {
    fn take(&mut self, chunk: &[u8]) {
        self.size += chunk.len();
        self.sha.update(chunk);
        if self.head.len() < 16 {
            let more = (16 - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..more]);
        }
        if self.utf8 {
            self.pending.extend_from_slice(chunk);
            match std::str::from_utf8(&self.pending) {
                Ok(_) => self.pending.clear(),
                Err(e) if e.error_len().is_none() => {
                    let tail = self.pending.split_off(e.valid_up_to());
                    self.pending = tail;
                }
                Err(_) => self.utf8 = false,
            }
        }
    }
}

/// Reads the `title` and `file` fields of a multipart form, streaming the file to a temporary
/// file (memory holds one piece at a time) and checking it on the way: size, type by
/// extension and first bytes, UTF-8 for text.
pub async fn read(multipart: &mut Multipart) -> Result<Upload, AppError> {
    let mut title = String::new();
    let mut file: Option<(String, TempFile, Received)> = None;
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            AppError::field(ErrorKey::FileTooLarge, "file")
        } else {
            AppError::field(ErrorKey::BadRequest, "file")
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("title") => title = field.text().await.unwrap_or_default(),
            Some("file") => {
                let name = field.file_name().unwrap_or("file").to_string();
                let path = TempFile::new();
                let mut out = tokio::fs::File::create(&*path).await.map_err(|e| {
                    tracing::error!(error = %e, "cannot create a temporary file");
                    AppError::new(ErrorKey::Internal)
                })?;
                let mut got = Received {
                    size: 0,
                    sha: Sha256::new(),
                    head: Vec::new(),
                    utf8: true,
                    pending: Vec::new(),
                };
                while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
                    got.take(&chunk);
                    if got.size > MAX_BYTES {
                        return Err(AppError::field(ErrorKey::FileTooLarge, "file"));
                    }
                    out.write_all(&chunk).await.map_err(|e| {
                        tracing::error!(error = %e, "cannot write a temporary file");
                        AppError::new(ErrorKey::Internal)
                    })?;
                }
                out.flush()
                    .await
                    .map_err(|_| AppError::new(ErrorKey::Internal))?;
                file = Some((name, path, got));
            }
            // A part the form does not have is a mistake of the sender's, said on its name.
            other => {
                return Err(AppError::field(
                    ErrorKey::BadRequest,
                    other.unwrap_or("").chars().take(100).collect::<String>(),
                ))
            }
        }
    }
    let (name, path, got) = file.ok_or_else(|| AppError::field(ErrorKey::Required, "file"))?;
    if got.size == 0 {
        return Err(AppError::field(ErrorKey::Required, "file"));
    }
    let mime = file_type(&name, &got.head)?;
    if mime.starts_with("text/") && !(got.utf8 && got.pending.is_empty()) {
        return Err(AppError::field(ErrorKey::FileType, "file"));
    }
    let safe_name: String = name
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
        .take(200)
        .collect();
    let safe_name = domain::text::nfc(&safe_name).into_owned();
    let title = domain::directory::clean_text(Some(&title), "title", 300)?
        .unwrap_or_else(|| safe_name.clone());
    Ok(Upload {
        attachment: Attachment {
            id: format!("a-{}", &storage::random_token()[..12]),
            title,
            file_name: safe_name,
            content_type: mime.to_string(),
            size: got.size as i64,
            sha256: hex::encode(got.sha.finalize()),
            created_at: storage::now_ms(),
        },
        path,
    })
}

/// A stored file as a download, read from the database one piece at a time while it is sent.
pub async fn stream_download(
    db: &storage::Db,
    to: storage::AttachedTo,
    owner: &str,
    id: &str,
) -> Result<Response, AppError> {
    let (a, whole, chunks) = db.attachment_meta(to, owner, id).await?.or_404()?;
    if chunks == 0 {
        return Ok(download(a, axum::body::Body::from(whole)));
    }
    let db = db.clone();
    let file_id = a.id.clone();
    let stream = futures_util::stream::unfold(0i64, move |seq| {
        let (db, file_id) = (db.clone(), file_id.clone());
        async move {
            if seq >= chunks {
                return None;
            }
            let piece = db
                .file_chunk(&file_id, seq)
                .await
                .map(axum::body::Bytes::from)
                .map_err(std::io::Error::other);
            Some((piece, seq + 1))
        }
    });
    let size = a.size;
    let mut resp = download(a, axum::body::Body::from_stream(stream));
    resp.headers_mut()
        .insert(header::CONTENT_LENGTH, size.into());
    Ok(resp)
}

/// A stored file as a download (never shown inline: `nosniff` is set for every response).
fn download(a: Attachment, body: axum::body::Body) -> Response {
    (
        [
            (header::CONTENT_TYPE, a.content_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", a.file_name.replace('"', "")),
            ),
            (header::CACHE_CONTROL, "private, max-age=3600".to_string()),
        ],
        body,
    )
        .into_response()
}
