//! What every page template receives (`Page`), and the labels of domain values in the user's
//! language. Templates only lay out what these give them.

use domain::directory::{Level, OrgKind, PartnershipKind, PartnershipStatus, Signed};
use domain::groups::GroupRole;
use i18n::Lang;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::ctx::Ctx;

/// A link of the language switch.
pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// The part of every page that the layout needs.
pub struct Page {
    pub lang: Lang,
    pub title: String,
    pub section: &'static str,
    pub user_name: Option<String>,
    /// The secretariat: the audit log is in its menu.
    pub staff: bool,
    pub csrf: String,
    /// The groups the signed-in person works in: (id, name).
    pub my_groups: Vec<(String, String)>,
    path: String,
    query_without_lang: String,
}

impl Page {
    pub fn new(ctx: &Ctx, section: &'static str, title: String) -> Page {
        Page {
            lang: ctx.lang,
            title,
            section,
            user_name: ctx.user.as_ref().map(|u| u.display_name.clone()),
            staff: ctx.actor().can(&domain::accounts::Action::ReadAudit),
            csrf: ctx.csrf.clone(),
            my_groups: ctx.my_groups.clone(),
            path: ctx.path.clone(),
            query_without_lang: ctx.query_without_lang.clone(),
        }
    }

    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// Whether this page is at `path`.
    pub fn path_is(&self, path: &str) -> bool {
        self.path == path
    }

    pub fn is(&self, section: &str) -> bool {
        self.section == section
    }

    pub fn languages(&self) -> Vec<LangLink> {
        Lang::ALL
            .into_iter()
            .map(|l| {
                let q = if self.query_without_lang.is_empty() {
                    format!("lang={}", l.code())
                } else {
                    format!("{}&lang={}", self.query_without_lang, l.code())
                };
                LangLink {
                    code: l.code(),
                    name: l.native_name(),
                    href: format!("{}?{q}", self.path),
                    current: l == self.lang,
                }
            })
            .collect()
    }

    /// The `?v=` of a static file: a hash of its bytes.
    pub fn asset_version(&self, file: &str) -> &'static str {
        crate::assets::version(file)
    }
}

/// A country's name in the reader's language (the code itself only for a code that is no
/// country).
pub fn country_label(lang: Lang, code: &str) -> String {
    domain::directory::country_name(code, lang.code())
        .map(str::to_string)
        .unwrap_or_else(|| code.to_string())
}

/// Every country, by its name in the reader's language.
pub fn country_choices(lang: Lang, current: Option<&str>) -> Vec<Choice> {
    let mut out: Vec<Choice> = domain::directory::country_codes()
        .map(|c| Choice::of(c, country_label(lang, c), current))
        .collect();
    out.sort_by(|a, b| a.label.cmp(&b.label));
    out
}

/// The levels of `countries` (each country's own, or the generic set), each labelled with its
/// country ("Commune (France)").
pub fn level_choices(lang: Lang, countries: &[String], current: Option<&str>) -> Vec<Choice> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for c in countries {
        for l in Level::of_country(c) {
            if seen.insert(l.code()) {
                let whose = if l.is_generic() {
                    i18n::t(lang, "levels-generic")
                } else {
                    country_label(lang, l.country())
                };
                let label = format!("{} ({whose})", l.name(lang.code()));
                out.push(Choice::of(l.code(), label, current));
            }
        }
    }
    out
}

fn key(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

pub fn level_label(lang: Lang, level: Option<Level>, kind: OrgKind) -> String {
    match level {
        Some(l) => l.name(lang.code()).to_string(),
        None => i18n::t(lang, &key("kind", kind.code())),
    }
}

pub fn kind_label(lang: Lang, kind: OrgKind) -> String {
    i18n::t(lang, &key("kind", kind.code()))
}

pub fn partnership_kind_label(lang: Lang, kind: PartnershipKind) -> String {
    i18n::t(lang, &key("partnership-kind", kind.code()))
}

pub fn partnership_status_label(lang: Lang, status: PartnershipStatus) -> String {
    i18n::t(lang, &key("partnership-status", status.code()))
}

/// Periods to pick instead of typing a code, as (code, label): none, then for `year` and the
/// next: the year, its early / middle / late part, and each month ("début 2022", "juin 2021");
/// a `current` code not among them comes first, so that editing never loses it.
pub fn period_options(lang: Lang, year: i32, current: Option<&str>) -> Vec<(String, String)> {
    let mut codes = vec![String::new()];
    for y in [year, year + 1] {
        codes.push(y.to_string());
        for part in ["early", "mid", "late"] {
            codes.push(format!("{y}-{part}"));
        }
        codes.extend((1..=12).map(|m| format!("{y}-{m:02}")));
    }
    if let Some(c) = current.filter(|c| !c.is_empty() && !codes.iter().any(|x| x == c)) {
        codes.insert(1, c.to_string());
    }
    codes
        .into_iter()
        .map(|code| {
            let label = match domain::period::Period::parse(&code, "period") {
                Ok(p) => period_label(lang, &p),
                Err(_) => "—".to_string(),
            };
            (code, label)
        })
        .collect()
}

/// The same as select options, `current` selected.
pub fn period_choices(lang: Lang, year: i32, current: Option<&str>) -> Vec<Choice> {
    period_options(lang, year, current)
        .into_iter()
        .map(|(value, label)| Choice {
            selected: Some(value.as_str()) == current,
            value,
            label,
        })
        .collect()
}

/// The validator of a visitor's page (nobody signed in) whose bytes are fixed by `key` (what
/// its cached body depends on) with the request's path, query and CSRF token and the assets'
/// versions. A client that holds it gets `304 Not Modified` before anything is built. Signed-in
/// readers' pages carry their own names and links: `None`, they are built every time (and
/// validated by their bytes, see `middleware::conditional`).
pub struct Validator(axum::http::HeaderValue);

impl Validator {
    pub fn for_visitor(ctx: &Ctx, key: &str) -> Option<Validator> {
        if ctx.user.is_some() {
            return None;
        }
        let assets = ["style.css", "favicon.svg", "pick.js"].map(crate::assets::version);
        let seed = format!(
            "{key}|{}|{}|{}|{}|{}",
            ctx.path,
            ctx.query_without_lang,
            ctx.csrf,
            assets.join(","),
            env!("CARGO_PKG_VERSION")
        );
        let tag = format!("W/{}", crate::cache::etag_of(seed.as_bytes()));
        axum::http::HeaderValue::from_str(&tag).ok().map(Validator)
    }

    /// `304 Not Modified` when the client sent this validator back.
    pub fn not_modified(&self, ctx: &Ctx) -> Option<axum::response::Response> {
        use axum::response::IntoResponse;
        let tag = self.0.to_str().ok()?;
        crate::cache::holds(ctx.if_none_match.as_deref(), tag).then(|| {
            (
                axum::http::StatusCode::NOT_MODIFIED,
                [(axum::http::header::ETAG, self.0.clone())],
            )
                .into_response()
        })
    }

    /// The page built, carrying the validator.
    pub fn attach(self, mut resp: axum::response::Response) -> axum::response::Response {
        if resp.status() == axum::http::StatusCode::OK {
            resp.headers_mut().insert(axum::http::header::ETAG, self.0);
        }
        resp
    }
}

/// One text in one more language, as a form types it (a tag and a text): nothing when both
/// are empty; a text without its tag is kept under an empty tag, which validation refuses
/// (naming the field) rather than dropping what was typed.
pub fn one_other(tag: &str, text: &str) -> std::collections::BTreeMap<String, String> {
    let (tag, text) = (tag.trim(), text.trim());
    let mut out = std::collections::BTreeMap::new();
    if !text.is_empty() {
        out.insert(tag.to_string(), text.to_string());
    }
    out
}

/// The first text in another language, for a page: (text, tag, direction).
pub fn other_line(
    map: &std::collections::BTreeMap<String, String>,
) -> Option<(String, String, &'static str)> {
    map.iter()
        .next()
        .map(|(t, v)| (v.clone(), t.clone(), domain::directory::direction(t)))
}

/// A language's name in the reader's language ("anglais", "japonais"), else its tag.
pub fn language_name(lang: Lang, tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    let key = format!("lang-name-{primary}");
    if i18n::has_key(&key) {
        i18n::t(lang, &key)
    } else {
        tag.to_string()
    }
}

/// "(écrit en coréen)" for a text in language `tag` shown to a reader of `reader`, when they
/// differ.
pub fn written_in(reader: Lang, tag: &str) -> Option<String> {
    (tag != reader.code()).then(|| {
        i18n::t_args(
            reader,
            "written-in",
            &[("language", language_name(reader, tag).into())],
        )
    })
}

/// The interface's languages to pick one from (the language of a text, of someone's
/// messages), each named in `lang`; then `extra` tags not among them (a partner's language).
pub fn language_options(lang: Lang, extra: &[&str]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = ["fr", "ko", "en"]
        .iter()
        .map(|l| (l.to_string(), i18n::t(lang, &format!("language-{l}"))))
        .collect();
    for tag in extra.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if !out.iter().any(|(t, _)| t == tag) {
            out.push((tag.to_string(), language_name(lang, tag)));
        }
    }
    out
}

/// A text someone wrote in one language: tagged with it on the page, and, when it is not the
/// reader's, followed by a word that says so ("(écrit en anglais)").
pub struct Written {
    pub text: String,
    pub lang: Option<String>,
    pub dir: &'static str,
    pub marker: Option<String>,
}

impl Written {
    pub fn new(reader: Lang, text: String, lang: Option<&str>) -> Written {
        let marker = lang.and_then(|l| written_in(reader, l));
        Written {
            text,
            dir: lang.map(domain::directory::direction).unwrap_or("ltr"),
            lang: lang.map(str::to_string),
            marker,
        }
    }
}

/// The language to write to an organisation of `country` in: Korean in Korea, French where
/// French is an official or common language of administration, English elsewhere.
pub fn language_of_country(country: &str) -> Lang {
    const FRENCH: [&str; 24] = [
        "FR", "BE", "CH", "LU", "MC", "CA", "SN", "CI", "ML", "BF", "NE", "TG", "BJ", "GN", "CM",
        "GA", "CG", "CD", "MG", "MA", "TN", "DZ", "LB", "HT",
    ];
    match country {
        "KR" => Lang::Ko,
        c if FRENCH.contains(&c) => Lang::Fr,
        _ => Lang::En,
    }
}

/// An account's role in the reader's words, with what it is bound to: "Coordination (sn)".
pub fn role_label(lang: Lang, role: &domain::accounts::Role) -> String {
    let binding = role.group().or(role.organisation()).unwrap_or("");
    role_words(lang, role.code(), binding)
}

/// A stored role (`coordinator:kr`, `editor:fr-issy`, `secretariat`) in the reader's words.
pub fn stored_role_label(lang: Lang, stored: &str) -> String {
    let (code, binding) = stored.split_once(':').unwrap_or((stored, ""));
    role_words(lang, code, binding)
}

fn role_words(lang: Lang, code: &str, binding: &str) -> String {
    let key = format!("user-role-{code}");
    let name = if i18n::has_key(&key) {
        i18n::t(lang, &key)
    } else {
        code.to_string()
    };
    if binding.is_empty() {
        name
    } else {
        format!("{name} ({binding})")
    }
}

pub fn group_role_label(lang: Lang, role: GroupRole) -> String {
    i18n::t(lang, &key("group-role", role.code()))
}

pub fn signed_label(lang: Lang, signed: Option<Signed>) -> Option<String> {
    signed.map(|s| match s {
        Signed::Date(d) => i18n::format_date_medium(lang, d),
        Signed::Year(y) => y.to_string(),
    })
}

/// "68 260 (2018)" or the word for unknown.
pub fn population_label(lang: Lang, population: Option<i64>, year: Option<i32>) -> String {
    match (population, year) {
        (Some(p), Some(y)) => i18n::t_args(
            lang,
            "org-population-value",
            &[
                ("population", i18n::format_number(lang, p).into()),
                ("year", i64::from(y).into()),
            ],
        ),
        (Some(p), None) => i18n::format_number(lang, p),
        (None, _) => i18n::t(lang, "value-unknown"),
    }
}

/// A zone's name in the user's language ("Paris", "Séoul"), else its city as the tz database
/// writes it ("Dakar", "Los Angeles").
pub fn zone_label(lang: Lang, tz: chrono_tz::Tz) -> String {
    let key = format!(
        "zone-{}",
        tz.name().to_ascii_lowercase().replace(['/', '_'], "-")
    );
    if i18n::has_key(&key) {
        i18n::t(lang, &key)
    } else {
        let city = tz.name().rsplit('/').next().unwrap_or(tz.name());
        city.replace('_', " ")
    }
}

/// When something happens, in the viewer's zone, then in each of the group's reference zones
/// (Paris first): "jeudi 28 janvier 2021, 11:00–12:30 (Paris) · 19:00–20:30 (Séoul)". A zone
/// where the day is another one shows its date too.
pub fn when_label(
    lang: Lang,
    span: &domain::time::Span,
    viewer: chrono_tz::Tz,
    group: &[chrono_tz::Tz],
) -> String {
    let mut parts = Vec::new();
    let mut first_date = None;
    for zone in domain::time::display_zones(viewer, group) {
        let (start, end) = span.local(zone);
        let end_text = if end.date() == start.date() {
            end.format("%H:%M").to_string()
        } else {
            format!(
                "{} {}",
                i18n::format_date_medium(lang, end.date()),
                end.format("%H:%M")
            )
        };
        let args = |with_date: bool| {
            let mut a: Vec<(&str, i18n::Arg)> = vec![
                ("start", start.format("%H:%M").to_string().into()),
                ("end", end_text.clone().into()),
                ("zone", zone_label(lang, zone).into()),
            ];
            if with_date {
                a.push(("date", i18n::format_date(lang, start.date()).into()));
            }
            a
        };
        let same_day = first_date == Some(start.date());
        parts.push(if same_day {
            i18n::t_args(lang, "when-time", &args(false))
        } else {
            i18n::t_args(lang, "when-with-date", &args(true))
        });
        first_date.get_or_insert(start.date());
    }
    parts.join(" · ")
}

/// A period as planners say it: "juin 2021", "novembre–décembre 2021", "début 2022".
pub fn period_label(lang: Lang, p: &domain::period::Period) -> String {
    use domain::period::{Period, YearPart};
    let month = |m: u32| i18n::t(lang, &format!("month-{m}"));
    match *p {
        Period::Date(d) => i18n::format_date_medium(lang, d),
        Period::Month { year, month: m } => i18n::t_args(
            lang,
            "period-month",
            &[("month", month(m).into()), ("year", i64::from(year).into())],
        ),
        Period::Months { year, from, to } => i18n::t_args(
            lang,
            "period-months",
            &[
                ("from", month(from).into()),
                ("to", month(to).into()),
                ("year", i64::from(year).into()),
            ],
        ),
        Period::Part { year, part } => i18n::t_args(
            lang,
            match part {
                YearPart::Early => "period-early",
                YearPart::Mid => "period-mid",
                YearPart::Late => "period-late",
            },
            &[("year", i64::from(year).into())],
        ),
        Period::Year(y) => i18n::t_args(lang, "period-year", &[("year", i64::from(y).into())]),
    }
}

/// The label of a status or kind code under a catalog prefix ("minutes-status-final").
pub fn code_label(lang: Lang, prefix: &str, code: &str) -> String {
    i18n::t(lang, &format!("{prefix}-{}", code.replace('_', "-")))
}

/// An option of a select box (forms and list filters).
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    /// An option, selected when it is `current`.
    pub fn of(value: &str, label: String, current: Option<&str>) -> Choice {
        Choice {
            selected: current == Some(value),
            value: value.to_string(),
            label,
        }
    }
}

/// Renders a template; a template error is logged and becomes a 500.
pub fn render(t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template error");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A moment (Unix ms) in the reader's zone and language: "30 nov. 2026 05:12".
pub fn moment_label(ctx: &Ctx, ms: i64) -> String {
    let at = storage::utc(ms).with_timezone(&ctx.tz);
    format!(
        "{} {}",
        i18n::format_date_medium(ctx.lang, at.date_naive()),
        at.format("%H:%M")
    )
}

/// Organisations found by name (`q`, any language, any case; none for an empty query), as the
/// options of a select box: "Ville de Tours (France)". The search that works without script.
pub async fn organisation_choices(
    lang: Lang,
    db: &storage::Db,
    q: &str,
    selected: Option<&str>,
    leave_out: &[&str],
) -> Result<Vec<Choice>, crate::AppError> {
    if q.trim().is_empty() {
        return Ok(Vec::new());
    }
    let filter = storage::OrgFilter {
        name: Some(q.trim().to_string()),
        ..storage::OrgFilter::default()
    };
    let (hits, _) = db.organisations(&filter, 50, 0).await?;
    Ok(hits
        .iter()
        .filter(|o| !leave_out.contains(&o.org.id.as_str()))
        .map(|o| Choice {
            value: o.org.id.clone(),
            label: format!(
                "{} ({})",
                o.org.names.get(lang.code()),
                country_label(lang, o.org.country.as_str())
            ),
            selected: selected == Some(o.org.id.as_str()),
        })
        .collect())
}
