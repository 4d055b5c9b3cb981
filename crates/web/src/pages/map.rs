//! The map: France and Korea drawn offline from Natural Earth (embedded in the binary), the
//! seats of organisations as points and partnerships as lines between them, filtered like the
//! list. Server-rendered SVG: no tile server, no JavaScript; the list below is its text
//! alternative.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;
use storage::PartnershipFilter;

use domain::directory::{PartnershipKind, PartnershipStatus};

use super::directory::organisations::OrgItem;
use super::directory::partnerships::{partnership_items, PartnershipItem};
use super::meetings::Choice;
use super::render;
use crate::ctx::Ctx;
use crate::view::{country_label, partnership_kind_label, partnership_status_label, Page};
use crate::{AppError, AppState};

const BASE: &str = include_str!("../../static/map/base.json");

#[derive(Deserialize)]
struct Country {
    polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

#[derive(Deserialize)]
struct Base {
    countries: HashMap<String, Country>,
}

/// One inset: a country's box in degrees and where it goes in the picture.
struct Inset {
    country: &'static str,
    min_lon: f64,
    max_lon: f64,
    min_lat: f64,
    max_lat: f64,
    x0: f64,
    scale: f64,
    cos: f64,
}

pub const WIDTH: f64 = 960.0;
pub const HEIGHT: f64 = 520.0;
const MARGIN: f64 = 20.0;

fn insets() -> [Inset; 2] {
    let make =
        |country, min_lon: f64, max_lon: f64, min_lat: f64, max_lat: f64, x0: f64, width: f64| {
            let cos = ((min_lat + max_lat) / 2.0).to_radians().cos();
            let scale = ((width - 2.0 * MARGIN) / ((max_lon - min_lon) * cos))
                .min((HEIGHT - 2.0 * MARGIN) / (max_lat - min_lat));
            Inset {
                country,
                min_lon,
                max_lon,
                min_lat,
                max_lat,
                x0,
                scale,
                cos,
            }
        };
    [
        make("FR", -5.3, 9.7, 41.2, 51.2, 0.0, WIDTH * 0.55),
        make("KR", 124.5, 131.0, 33.0, 38.75, WIDTH * 0.58, WIDTH * 0.42),
    ]
}

impl Inset {
    fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min_lon..=self.max_lon).contains(&lon) && (self.min_lat..=self.max_lat).contains(&lat)
    }
    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.x0 + MARGIN + (lon - self.min_lon) * self.cos * self.scale,
            MARGIN + (self.max_lat - lat) * self.scale,
        )
    }
}

/// The countries' outlines as SVG path data, made once.
fn outlines() -> &'static Vec<(String, String)> {
    static PATHS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    PATHS.get_or_init(|| {
        let base: Base = serde_json::from_str(BASE).unwrap_or(Base {
            countries: HashMap::new(),
        });
        let mut out = Vec::new();
        for inset in insets() {
            let Some(c) = base.countries.get(inset.country) else {
                continue;
            };
            let mut d = String::new();
            for polygon in &c.polygons {
                for ring in polygon {
                    // Islands outside the inset (e.g. far offshore) are left out.
                    if !ring.iter().any(|[lon, lat]| inset.contains(*lon, *lat)) {
                        continue;
                    }
                    for (i, [lon, lat]) in ring.iter().enumerate() {
                        let (x, y) = inset.project(*lon, *lat);
                        let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
                    }
                    d.push('Z');
                }
            }
            out.push((inset.country.to_string(), d));
        }
        out
    })
}

fn locate(country: &str, lat: f64, lon: f64) -> Option<(f64, f64)> {
    insets()
        .into_iter()
        .find(|i| i.country == country && i.contains(lon, lat))
        .map(|i| i.project(lon, lat))
}

pub struct Point {
    pub id: String,
    pub name: String,
    pub x: f64,
    pub y: f64,
}

pub struct Line {
    pub id: String,
    pub label: String,
    pub d: String,
}

#[derive(Template)]
#[template(path = "map.html")]
struct MapTemplate {
    page: Page,
    outlines: Vec<(String, String)>,
    points: Vec<Point>,
    lines: Vec<Line>,
    partnerships: Vec<PartnershipItem>,
    unplaced: Vec<OrgItem>,
    width: f64,
    height: f64,
    query: String,
    countries: Vec<Choice>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    themes: Vec<Choice>,
    year_from: String,
    year_to: String,
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let filter = crate::filters::organisations(&q)?;
    let (records, _) = state.db.organisations(&filter, 5000, 0).await?;
    let lang = ctx.lang.code();
    let mut seats = HashMap::new();
    let mut points = Vec::new();
    let mut unplaced = Vec::new();
    for r in &records {
        match r
            .org
            .seat
            .and_then(|s| locate(r.org.country.as_str(), s.lat, s.lon))
        {
            Some((x, y)) => {
                seats.insert(r.org.id.clone(), (x, y));
                points.push(Point {
                    id: r.org.id.clone(),
                    name: r.org.names.get(lang).to_string(),
                    x,
                    y,
                });
            }
            None => unplaced.push(OrgItem::new(&ctx, r)),
        }
    }
    let partnership_filter = PartnershipFilter {
        // `kind` is the organisations' kind on this page.
        kind: q
            .get("partnership_kind")
            .filter(|k| !k.trim().is_empty())
            .cloned(),
        country: None,
        ..crate::filters::partnerships(&q)?
    };
    let (all, _) = state.db.partnerships(&partnership_filter, 5000, 0).await?;
    let shown: Vec<_> = all
        .into_iter()
        .filter(|p| {
            seats.contains_key(&p.partnership.organisation_a)
                && seats.contains_key(&p.partnership.organisation_b)
        })
        .collect();
    let taxonomy = state.db.taxonomy().await?;
    let partnerships = partnership_items(&ctx, &state.db, &shown, &taxonomy).await?;
    let lines = partnerships
        .iter()
        .filter_map(|p| {
            let (a, b) = (seats.get(&p.a.id)?, seats.get(&p.b.id)?);
            // An arc over the two countries, higher for longer lines.
            let (mx, my) = (
                (a.0 + b.0) / 2.0,
                (a.1 + b.1) / 2.0 - ((b.0 - a.0).abs() / 4.0).min(HEIGHT / 3.0),
            );
            Some(Line {
                id: p.id.clone(),
                label: format!("{} — {} ({})", p.a.name, p.b.name, p.kind),
                d: format!(
                    "M{:.1} {:.1}Q{mx:.1} {:.1} {:.1} {:.1}",
                    a.0,
                    a.1,
                    my.max(4.0),
                    b.0,
                    b.1
                ),
            })
        })
        .collect();
    let t = MapTemplate {
        page: Page::new(&ctx, "map", ctx.t("map-title")),
        outlines: outlines().clone(),
        points,
        lines,
        partnerships,
        unplaced,
        width: WIDTH,
        height: HEIGHT,
        query: ctx.query_without_lang.clone(),
        countries: ["FR", "KR"]
            .iter()
            .map(|c| Choice::of(c, country_label(ctx.lang, c), filter.country.as_deref()))
            .collect(),
        kinds: PartnershipKind::ALL
            .iter()
            .map(|k| {
                Choice::of(
                    k.code(),
                    partnership_kind_label(ctx.lang, *k),
                    partnership_filter.kind.as_deref(),
                )
            })
            .collect(),
        statuses: PartnershipStatus::ALL
            .iter()
            .map(|s| {
                Choice::of(
                    s.code(),
                    partnership_status_label(ctx.lang, *s),
                    partnership_filter.status.as_deref(),
                )
            })
            .collect(),
        themes: taxonomy
            .themes
            .iter()
            .filter(|t| t.archived_at.is_none())
            .map(|t| Choice::of(&t.id, t.label(lang), partnership_filter.theme.as_deref()))
            .collect(),
        year_from: partnership_filter
            .year_from
            .map(|y| y.to_string())
            .unwrap_or_default(),
        year_to: partnership_filter
            .year_to
            .map(|y| y.to_string())
            .unwrap_or_default(),
    };
    Ok(render(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_countries_are_drawn_and_seats_land_inside() {
        let o = outlines();
        assert_eq!(o.len(), 2);
        assert!(o.iter().all(|(_, d)| d.len() > 1000));
        let paris = locate("FR", 48.85, 2.35).unwrap();
        let seoul = locate("KR", 37.57, 126.98).unwrap();
        assert!(paris.0 < WIDTH * 0.55 && seoul.0 > WIDTH * 0.58);
        assert!((0.0..HEIGHT).contains(&paris.1) && (0.0..HEIGHT).contains(&seoul.1));
        assert!(locate("FR", 37.57, 126.98).is_none());
    }
}
