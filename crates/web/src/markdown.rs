//! Markdown typed by people, rendered safely: raw HTML is shown as text, and links and images
//! only point to web, mail or same-site addresses (images become links).

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with('/') && !lower.starts_with("//")
        || lower.starts_with('#')
}

/// HTML for a Markdown text; safe to insert in a page.
pub fn render(text: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let events = Parser::new_ext(text, options).map(|event| match event {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: if safe_url(&dest_url) {
                dest_url
            } else {
                CowStr::Borrowed("#")
            },
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: if safe_url(&dest_url) {
                dest_url
            } else {
                CowStr::Borrowed("#")
            },
            title,
            id,
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// The same, kept in the render cache under `key` (which must name the text's version).
pub fn render_cached(cache: &crate::cache::RenderCache, key: String, text: &str) -> String {
    cache
        .get_or_insert_with(key, || render(text))
        .as_str()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_is_rendered() {
        assert_eq!(
            render("**Tours** et *Suwon*"),
            "<p><strong>Tours</strong> et <em>Suwon</em></p>\n"
        );
        assert!(render("- un\n- deux").contains("<li>deux</li>"));
    }

    #[test]
    fn html_and_scripts_are_text() {
        let out = render("<script>alert(1)</script>\n\nok <img src=x onerror=alert(1)>");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;script&gt;"));
    }

    #[test]
    fn dangerous_links_are_neutralised() {
        let out = render("[x](javascript:alert(1)) [y](https://cites-unies-france.org) ![i](data:image/png;base64,AA)");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("data:"), "{out}");
        assert!(out.contains("href=\"https://cites-unies-france.org\""));
        assert!(!out.contains("<img"));
    }
}
