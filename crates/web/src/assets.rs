//! Static files, embedded in the binary and served with long-lived caching: their URLs carry
//! `?v=` and a hash of their bytes, which changes when and only when the file does.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The first 16 hex digits of the SHA-256 of a file's bytes (empty for an unknown file).
pub fn version(file: &str) -> &'static str {
    use sha2::{Digest, Sha256};
    use std::sync::OnceLock;
    static HASHES: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        FILES
            .iter()
            .map(|(name, _, bytes)| (*name, hex::encode(Sha256::digest(bytes))[..16].to_string()))
            .collect()
    });
    hashes
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, h)| h.as_str())
        .unwrap_or("")
}

const FILES: &[(&str, &str, &[u8])] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/style.css"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../static/favicon.svg"),
    ),
    (
        "pick.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/pick.js"),
    ),
];

pub async fn serve(Path(file): Path<String>) -> Response {
    match FILES.iter().find(|(name, _, _)| *name == file) {
        Some((_, mime, bytes)) => (
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            *bytes,
        )
            .into_response(),
        None => crate::AppError::not_found().into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_follow_the_bytes() {
        let css = version("style.css");
        assert_eq!(css.len(), 16);
        assert_ne!(css, version("favicon.svg"));
        use sha2::{Digest, Sha256};
        let bytes = include_bytes!("../static/style.css");
        assert!(hex::encode(Sha256::digest(bytes)).starts_with(css));
        assert_eq!(version("nothing.css"), "");
    }
}
