//! The doors text comes in by, with one discipline (`domain::text`): every string of a form or
//! a JSON body is put in NFC, and a control character is refused with the field it is in,
//! before any handler sees the value. Imports apply the same rule cell by cell
//! (`ops::directory_io`).

use axum::extract::{FromRequest, Request};
use domain::{DomainError, ErrorKey};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::AppError;

/// `axum::Form`, with every value cleaned. Passwords are checked for control characters but
/// kept byte for byte (they are compared, not read).
pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Form(pairs) = axum::Form::<Vec<(String, String)>>::from_request(req, state)
            .await
            .map_err(|r| AppError::new(rejection_key(r.status())))?;
        let mut cleaned = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            let key = domain::text::clean(&key, "form")?.into_owned();
            let value = if key.contains("password") {
                if value.chars().any(domain::text::is_forbidden) {
                    return Err(DomainError::field(ErrorKey::ControlCharacters, key).into());
                }
                value
            } else {
                domain::text::clean(&value, &key)?.into_owned()
            };
            cleaned.push((key, value));
        }
        let encoded = serde_urlencoded::to_string(&cleaned)
            .map_err(|_| AppError::new(ErrorKey::BadRequest))?;
        serde_urlencoded::from_str(&encoded).map(Form).map_err(|e| {
            let msg = e.to_string();
            let field = msg.split('`').nth(1).unwrap_or("form").to_string();
            AppError::field(ErrorKey::BadRequest, field)
        })
    }
}

/// Refuses control characters in the address itself (path segments, query parameters), before
/// any handler reads it: the databases refuse NUL in text, and no id or filter has one. An
/// address holds visible ASCII only, so only its `%XX` escapes can hide one.
pub fn check_uri(uri: &axum::http::Uri) -> Result<(), AppError> {
    let hidden = |text: &str| {
        text.contains('%')
            && percent_encoding::percent_decode_str(text)
                .decode_utf8_lossy()
                .chars()
                .any(domain::text::is_forbidden)
    };
    if hidden(uri.path()) {
        return Err(AppError::field(ErrorKey::ControlCharacters, "path"));
    }
    if let Some(query) = uri.query().filter(|q| hidden(q)) {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        let field = pairs
            .iter()
            .find(|(k, v)| k.chars().chain(v.chars()).any(domain::text::is_forbidden))
            .map(|(k, _)| {
                k.chars()
                    .filter(|c| !domain::text::is_forbidden(*c))
                    .take(100)
                    .collect::<String>()
            })
            .unwrap_or_else(|| "query".into());
        return Err(AppError::field(ErrorKey::ControlCharacters, field));
    }
    Ok(())
}

/// A boolean of the query string: `true`/`1`, `false`/`0`, absent is `false`; anything else
/// is refused on the parameter.
pub fn query_bool(
    q: &std::collections::HashMap<String, String>,
    name: &str,
) -> Result<bool, AppError> {
    match q.get(name).map(String::as_str) {
        None | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(_) => Err(AppError::field(ErrorKey::BadRequest, name)),
    }
}

/// The error of an extractor's rejection, by its status.
pub fn rejection_key(status: axum::http::StatusCode) -> ErrorKey {
    match status {
        axum::http::StatusCode::PAYLOAD_TOO_LARGE => ErrorKey::BodyTooLarge,
        axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorKey::UnsupportedMediaType,
        _ => ErrorKey::BadRequest,
    }
}

/// Cleans every string of a JSON value in place; the error names the field as a
/// path: `names.fr`, `themes[1]`.
pub fn clean_json(value: &mut Value) -> Result<(), AppError> {
    let mut path = String::new();
    walk(value, &mut path).map_err(AppError::from)
}

fn walk(value: &mut Value, path: &mut String) -> Result<(), DomainError> {
    match value {
        // JSON Schema counts 3.0 as an integer: it is read as one.
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64() {
                if f.fract() == 0.0 && f.abs() < 9.0e15 {
                    *value = Value::from(f as i64);
                }
            }
        }
        Value::String(s) => {
            let field = if path.is_empty() { "body" } else { path };
            if let std::borrow::Cow::Owned(clean) = domain::text::clean(s, field)? {
                *s = clean;
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(item, path)?;
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key);
                // Keys are not stored: an unknown one is refused by the type it is read into.
                if let Some(item) = map.get_mut(&key) {
                    walk(item, path)?;
                }
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn addresses_with_control_characters_are_refused() {
        let ok: axum::http::Uri = "/api/v1/organisations?country=FR&q=%C3%A9".parse().unwrap();
        assert!(check_uri(&ok).is_ok());
        let nul: axum::http::Uri = "/api/v1/seminars?series=t%00x".parse().unwrap();
        assert_eq!(
            check_uri(&nul).unwrap_err().field.as_deref(),
            Some("series")
        );
        let path: axum::http::Uri = "/api/v1/organisations/a%00b".parse().unwrap();
        assert_eq!(check_uri(&path).unwrap_err().field.as_deref(), Some("path"));
    }

    #[test]
    fn json_is_cleaned_with_the_field_named() {
        let mut v = json!({"names": {"ko": "\u{1100}\u{116e}\u{1105}\u{1169}"}, "themes": ["a"]});
        clean_json(&mut v).unwrap();
        assert_eq!(v["names"]["ko"], "구로");
        let mut bad = json!({"themes": ["ok", "x\u{1b}"]});
        let e = clean_json(&mut bad).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("themes[1]"));
        let mut bad = json!({"names": {"fr": "a\u{0}"}});
        assert_eq!(
            clean_json(&mut bad).unwrap_err().field.as_deref(),
            Some("names.fr")
        );
    }
}

/// The search box of a page that picks an organisation by name (`?q=`).
#[derive(serde::Deserialize, Default)]
pub struct SearchBox {
    #[serde(default)]
    pub q: String,
}
