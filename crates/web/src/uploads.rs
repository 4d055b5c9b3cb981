//! Files that people attach (a meeting's slides, a partnership's agreement): read from a
//! multipart form, checked for size and type (the extension must match the first bytes), named
//! safely, and sent back as downloads that the browser never renders in the page.

use axum::extract::Multipart;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::ErrorKey;
use storage::Attachment;

use crate::AppError;

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
    let text_ok = ext != "txt" || std::str::from_utf8(bytes).is_ok();
    if bytes.starts_with(magic) && text_ok {
        Ok(mime)
    } else {
        Err(AppError::field(ErrorKey::FileType, "file"))
    }
}

/// An upload that passed the checks.
pub struct Upload {
    pub attachment: Attachment,
    pub bytes: Vec<u8>,
}

/// Reads the `title` and `file` fields of a multipart form and checks the file.
pub async fn read(multipart: &mut Multipart) -> Result<Upload, AppError> {
    let mut title = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::field(ErrorKey::FileTooLarge, "file"))?
    {
        match field.name() {
            Some("title") => title = field.text().await.unwrap_or_default(),
            Some("file") => {
                let name = field.file_name().unwrap_or("file").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::field(ErrorKey::FileTooLarge, "file"))?;
                file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    let (name, bytes) = file.ok_or_else(|| AppError::field(ErrorKey::Required, "file"))?;
    if bytes.is_empty() {
        return Err(AppError::field(ErrorKey::Required, "file"));
    }
    if bytes.len() > MAX_BYTES {
        return Err(AppError::field(ErrorKey::FileTooLarge, "file"));
    }
    let mime = file_type(&name, &bytes)?;
    let safe_name: String = name
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
        .take(200)
        .collect();
    let title = domain::directory::clean_text(Some(&title), "title", 300)?
        .unwrap_or_else(|| safe_name.clone());
    Ok(Upload {
        attachment: Attachment {
            id: format!("a-{}", &storage::random_token()[..12]),
            title,
            file_name: safe_name,
            content_type: mime.to_string(),
            size: bytes.len() as i64,
            sha256: storage::token_hash_bytes(&bytes),
            created_at: storage::now_ms(),
        },
        bytes,
    })
}

/// A stored file as a download (never shown inline: `nosniff` is set for every response).
pub fn download(a: Attachment, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, a.content_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", a.file_name.replace('"', "")),
            ),
            (header::CACHE_CONTROL, "private, max-age=3600".to_string()),
        ],
        bytes,
    )
        .into_response()
}
