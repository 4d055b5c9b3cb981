//! Which language to answer in: `?lang=`, then the cookie set by the language switch, then the
//! browser's `Accept-Language`, then French.

use crate::Lang;

pub fn negotiate(query: Option<&str>, cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
    query
        .and_then(Lang::parse)
        .or_else(|| cookie.and_then(Lang::parse))
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or_default()
}

/// The supported language with the highest quality in an `Accept-Language` header.
fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, usize, Lang)> = None;
    for (i, part) in header.split(',').enumerate() {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        if let Some(lang) = Lang::parse(tag) {
            let better = match best {
                None => true,
                Some((bq, bi, _)) => q > bq || (q == bq && i < bi),
            };
            if better {
                best = Some((q, i, lang));
            }
        }
    }
    best.map(|(_, _, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_choice() {
        assert_eq!(negotiate(Some("ko"), Some("en"), Some("fr")), Lang::Ko);
        assert_eq!(negotiate(Some("xx"), Some("en"), Some("ko")), Lang::En);
        assert_eq!(
            negotiate(None, None, Some("de-DE,ko-KR;q=0.8,en;q=0.5")),
            Lang::Ko
        );
        assert_eq!(negotiate(None, None, Some("en;q=0.4, ko;q=0.9")), Lang::Ko);
        assert_eq!(negotiate(None, None, Some("ko;q=0, en")), Lang::En);
        assert_eq!(negotiate(None, None, Some("de, ja")), Lang::Fr);
        assert_eq!(negotiate(Some("zz"), None, None), Lang::Fr);
    }
}
