//! The map of places: the region the site's places span, its coastlines
//! and borders from `basemap.txt` (Natural Earth, public domain, made by
//! `scripts/basemap.mjs`), each place with a `lat` and `lon` as a circle
//! sized by its articles and linked to its page. Drawn here as inline SVG,
//! styled by the site's CSS; nothing is fetched from elsewhere.
//!
//! The projection is equirectangular, longitudes shrunk by the cosine of
//! the region's middle latitude: true enough for a region of a few
//! thousand kilometres, and a straight line of code.

use std::fmt::Write;
use std::sync::LazyLock;

use serde::Serialize;

use crate::config::{EntityKind, Position};
use crate::route;
use crate::site::Site;
use crate::text::escape_html;

/// Coastlines and borders: one ring a line, `lon,lat` in hundredths of a
/// degree.
const BASEMAP: &str = include_str!("basemap.txt");
/// The drawing's width in SVG units; its height follows the region.
const WIDTH: f64 = 400.0;
/// The region's height for its width, at least and at most.
const MIN_ASPECT: f64 = 0.5;
const MAX_ASPECT: f64 = 0.9;
/// Room around the places, as a share of the region, and at least.
const MARGIN: f64 = 0.08;
const MIN_MARGIN: f64 = 1.0;
/// The radius of a place's circle: from the least to the most articles.
const MIN_RADIUS: f64 = 2.5;
const MAX_RADIUS: f64 = 11.0;
/// Labels: their size, and a character's width as a share of it.
const FONT: f64 = 12.0;
const CHAR_WIDTH: f64 = 0.58;

static RINGS: LazyLock<Vec<Vec<Position>>> = LazyLock::new(|| {
    BASEMAP
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            l.split(' ')
                .filter_map(|pair| {
                    let (lon, lat) = pair.split_once(',')?;
                    Some(Position {
                        lon: lon.parse::<f64>().ok()? / 100.0,
                        lat: lat.parse::<f64>().ok()? / 100.0,
                    })
                })
                .collect()
        })
        .collect()
});

/// The region a map shows and how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    west: f64,
    north: f64,
    /// SVG units a degree of latitude.
    scale: f64,
    /// The cosine of the middle latitude.
    shrink: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// The region around `points` with a margin, widened or heightened to
    /// a shape between `MIN_ASPECT` and `MAX_ASPECT`.
    pub fn around(points: &[Position]) -> Option<Projection> {
        let first = points.first()?;
        let (mut west, mut east, mut south, mut north) =
            (first.lon, first.lon, first.lat, first.lat);
        for p in points {
            west = west.min(p.lon);
            east = east.max(p.lon);
            south = south.min(p.lat);
            north = north.max(p.lat);
        }
        let lat_margin = ((north - south) * MARGIN).max(MIN_MARGIN);
        let lon_margin = ((east - west) * MARGIN).max(MIN_MARGIN);
        let (mut west, mut east) = (west - lon_margin, east + lon_margin);
        let (mut south, mut north) = (
            (south - lat_margin).max(-89.0),
            (north + lat_margin).min(89.0),
        );
        let shrink = ((south + north) / 2.0).to_radians().cos();
        let (w, h) = ((east - west) * shrink, north - south);
        if h < w * MIN_ASPECT {
            let more = (w * MIN_ASPECT - h) / 2.0;
            south -= more;
            north += more;
        } else if h > w * MAX_ASPECT {
            let more = (h / MAX_ASPECT - w) / shrink / 2.0;
            west -= more;
            east += more;
        }
        let scale = WIDTH / ((east - west) * shrink);
        Some(Projection {
            west,
            north,
            scale,
            shrink,
            width: WIDTH,
            height: ((north - south) * scale).round(),
        })
    }

    /// Where a point is drawn, in SVG units from the top left.
    pub fn project(&self, p: Position) -> (f64, f64) {
        (
            (p.lon - self.west) * self.shrink * self.scale,
            (self.north - p.lat) * self.scale,
        )
    }
}

/// A place on the map, as the table lists it.
#[derive(Debug, Serialize)]
pub struct MapPlace {
    pub name: String,
    pub url: String,
    pub count: usize,
}

/// What a page's template gets: the drawing and the places it shows.
#[derive(Debug, Serialize)]
pub struct Map {
    pub svg: String,
    /// Most articles first.
    pub places: Vec<MapPlace>,
    /// What it shows, in the interface's language, with the places not
    /// drawn (those with articles but without a position) and its source.
    pub caption: String,
}

/// The map of every place with articles and a position; with `only`, the
/// same region with that place alone marked (for its page).
pub fn render(site: &Site, only: Option<usize>) -> Option<Map> {
    let kind = EntityKind::Place;
    let places = site.config.entities(kind);
    let lists = site.entity_articles(kind);
    let mut drawn: Vec<usize> = (0..places.len())
        .filter(|&i| !lists[i].is_empty() && places[i].position.is_some())
        .collect();
    let not_drawn = (0..places.len())
        .filter(|&i| !lists[i].is_empty() && places[i].position.is_none())
        .count();
    let positions: Vec<Position> = drawn.iter().filter_map(|&i| places[i].position).collect();
    let projection = Projection::around(&positions)?;
    if let Some(only) = only {
        if !drawn.contains(&only) {
            return None;
        }
        drawn = vec![only];
    }
    // Most articles first, ties by name: the order labels are placed in.
    drawn.sort_by(|&a, &b| {
        lists[b]
            .len()
            .cmp(&lists[a].len())
            .then(places[a].name.cmp(&places[b].name))
    });
    let strings = &site.config.strings;
    let most = drawn.iter().map(|&i| lists[i].len()).max().unwrap_or(1);
    let marks: Vec<Mark> = drawn
        .iter()
        .map(|&i| {
            let (x, y) = projection.project(places[i].position.expect("drawn"));
            let count = lists[i].len();
            Mark {
                x,
                y,
                radius: if only.is_some() {
                    MIN_RADIUS + 3.5
                } else {
                    radius(count, most)
                },
                name: places[i].name.clone(),
                url: site.url(&route::entity(kind, &places[i].slug, 1)),
                title: strings.plural("name_count", count as u64, &[("name", &places[i].name)]),
                count,
            }
        })
        .collect();
    let svg = render_svg(&projection, &marks);
    let mut caption = match only {
        Some(i) => strings.fill("map_caption_place", &[("name", &places[i].name)]),
        None => strings.get("map_caption").to_string(),
    };
    if only.is_none() && not_drawn > 0 {
        caption.push(' ');
        caption += &strings.plural("map_not_drawn", not_drawn as u64, &[]);
    }
    caption.push(' ');
    caption += strings.get("map_credit");
    Some(Map {
        svg,
        places: marks
            .into_iter()
            .map(|m| MapPlace {
                name: m.name,
                url: m.url,
                count: m.count,
            })
            .collect(),
        caption,
    })
}

struct Mark {
    x: f64,
    y: f64,
    radius: f64,
    name: String,
    url: String,
    /// "Baku: 3 articles".
    title: String,
    count: usize,
}

/// A circle's area grows with its articles.
pub fn radius(count: usize, most: usize) -> f64 {
    let share = (count as f64 / most.max(1) as f64).sqrt();
    MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share
}

/// A label's box: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Where each label goes (its text's start and anchor), or `None` when it
/// would cover another label or a circle, or leave the map, at each place
/// tried: right of the circle, left, above, below. Labels are placed in the
/// order given, so the places with most articles keep theirs.
pub fn place_labels(
    marks: &[(f64, f64, f64, usize)],
    width: f64,
    height: f64,
) -> Vec<Option<(f64, f64, &'static str)>> {
    let mut taken: Vec<Rect> = marks
        .iter()
        .map(|&(x, y, r, _)| (x - r, y - r, x + r, y + r))
        .collect();
    marks
        .iter()
        .map(|&(x, y, r, chars)| {
            let w = chars as f64 * FONT * CHAR_WIDTH;
            let h = FONT;
            let candidates = [
                (
                    x + r + 2.0,
                    y + FONT * 0.35,
                    "start",
                    (x + r + 2.0, y - h / 2.0),
                ),
                (
                    x - r - 2.0,
                    y + FONT * 0.35,
                    "end",
                    (x - r - 2.0 - w, y - h / 2.0),
                ),
                (
                    x,
                    y - r - 3.0,
                    "middle",
                    (x - w / 2.0, y - r - 3.0 - h * 0.8),
                ),
                (
                    x,
                    y + r + FONT,
                    "middle",
                    (x - w / 2.0, y + r + FONT - h * 0.8),
                ),
            ];
            for (tx, ty, anchor, (left, top)) in candidates {
                let rect = (left, top, left + w, top + h);
                let inside = rect.0 >= 0.0 && rect.1 >= 0.0 && rect.2 <= width && rect.3 <= height;
                if inside && !taken.iter().any(|t| overlaps(t, &rect)) {
                    taken.push(rect);
                    return Some((tx, ty, anchor));
                }
            }
            None
        })
        .collect()
}

fn render_svg(projection: &Projection, marks: &[Mark]) -> String {
    let (w, h) = (projection.width, projection.height);
    let mut s = String::with_capacity(16 * 1024);
    let _ = write!(
        s,
        r#"<svg class="map" viewBox="0 0 {w} {h}" width="{w}" height="{h}"><g aria-hidden="true"><rect class="water" width="{w}" height="{h}"/><path class="land" d=""#
    );
    for ring in RINGS.iter() {
        let points: Vec<(f64, f64)> = ring.iter().map(|&p| projection.project(p)).collect();
        write_ring(&mut s, &clip(&points, w, h));
    }
    s.push_str(r#""/></g>"#);
    let label_input: Vec<(f64, f64, f64, usize)> = marks
        .iter()
        .map(|m| (m.x, m.y, m.radius, m.name.chars().count()))
        .collect();
    let labels = place_labels(&label_input, w, h);
    for m in marks {
        let _ = write!(
            s,
            r#"<a href="{}"><title>{}</title><circle cx="{:.1}" cy="{:.1}" r="{:.1}"/></a>"#,
            escape_html(&m.url),
            escape_html(&m.title),
            m.x,
            m.y,
            m.radius
        );
    }
    // Each label twice: a halo in the land's colour under it, so that it
    // reads across borders and coasts.
    for class in ["halo", "labels"] {
        let _ = write!(s, r#"<g class="{class}" aria-hidden="true">"#);
        for (m, label) in marks.iter().zip(&labels) {
            if let Some((x, y, anchor)) = label {
                let _ = write!(
                    s,
                    r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}">{}</text>"#,
                    escape_html(&m.name)
                );
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

/// A ring as path commands in whole units, the first point absolute and
/// the rest relative; points that round to the last one are dropped.
fn write_ring(s: &mut String, points: &[(f64, f64)]) {
    let rounded: Vec<(i64, i64)> = points
        .iter()
        .map(|&(x, y)| (x.round() as i64, y.round() as i64))
        .collect();
    let mut kept: Vec<(i64, i64)> = Vec::with_capacity(rounded.len());
    for p in rounded {
        if kept.last() != Some(&p) {
            kept.push(p);
        }
    }
    if kept.len() > 1 && kept.first() == kept.last() {
        kept.pop();
    }
    if kept.len() < 3 {
        return;
    }
    let (x0, y0) = kept[0];
    let _ = write!(s, "M{x0} {y0}l");
    let mut last = kept[0];
    for (k, &(x, y)) in kept[1..].iter().enumerate() {
        let (dx, dy) = (x - last.0, y - last.1);
        if k > 0 && dx >= 0 {
            s.push(' ');
        }
        let _ = write!(s, "{dx}");
        if dy >= 0 {
            s.push(' ');
        }
        let _ = write!(s, "{dy}");
        last = (x, y);
    }
    s.push('z');
}

/// A ring clipped to the drawing with a unit's room (Sutherland-Hodgman):
/// the parts outside become its edges, so a filled country stays filled.
pub fn clip(points: &[(f64, f64)], width: f64, height: f64) -> Vec<(f64, f64)> {
    let (lo_x, lo_y, hi_x, hi_y) = (-1.0, -1.0, width + 1.0, height + 1.0);
    let mut out = points.to_vec();
    for edge in 0..4 {
        let inside = |p: &(f64, f64)| match edge {
            0 => p.0 >= lo_x,
            1 => p.0 <= hi_x,
            2 => p.1 >= lo_y,
            _ => p.1 <= hi_y,
        };
        let cross = |a: (f64, f64), b: (f64, f64)| {
            let (axis_a, axis_b, value) = match edge {
                0 => (a.0, b.0, lo_x),
                1 => (a.0, b.0, hi_x),
                2 => (a.1, b.1, lo_y),
                _ => (a.1, b.1, hi_y),
            };
            let t = (value - axis_a) / (axis_b - axis_a);
            (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
        };
        let input = std::mem::take(&mut out);
        for k in 0..input.len() {
            let current = input[k];
            let previous = input[(k + input.len() - 1) % input.len()];
            match (inside(&previous), inside(&current)) {
                (true, true) => out.push(current),
                (true, false) => out.push(cross(previous, current)),
                (false, true) => {
                    out.push(cross(previous, current));
                    out.push(current);
                }
                (false, false) => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> Position {
        Position { lat, lon }
    }

    #[test]
    fn the_projection_frames_every_place_with_a_margin() {
        let points = [at(40.41, 49.87), at(51.17, 71.45), at(43.65, 51.16)];
        let p = Projection::around(&points).unwrap();
        assert_eq!(p.width, WIDTH);
        let aspect = p.height / p.width;
        assert!(
            (MIN_ASPECT - 0.01..=MAX_ASPECT + 0.01).contains(&aspect),
            "{aspect}"
        );
        for point in points {
            let (x, y) = p.project(point);
            assert!(
                x > 5.0 && x < p.width - 5.0 && y > 5.0 && y < p.height - 5.0,
                "{x} {y}"
            );
        }
        // North is up and east is right.
        let (baku, astana) = (p.project(points[0]), p.project(points[1]));
        assert!(astana.0 > baku.0 && astana.1 < baku.1);
    }

    #[test]
    fn one_place_gets_a_region_around_it() {
        let p = Projection::around(&[at(40.0, 50.0)]).unwrap();
        let (x, y) = p.project(at(40.0, 50.0));
        assert!((x - p.width / 2.0).abs() < 0.5 && (y - p.height / 2.0).abs() < 0.5);
        assert_eq!(Projection::around(&[]), None);
    }

    #[test]
    fn a_circle_grows_with_the_square_root_of_its_articles() {
        assert_eq!(radius(100, 100), MAX_RADIUS);
        let quarter = radius(25, 100) - MIN_RADIUS;
        assert!((quarter - (MAX_RADIUS - MIN_RADIUS) / 2.0).abs() < 1e-9);
    }

    #[test]
    fn a_label_that_would_cover_another_moves_or_is_left_out() {
        // Three places on one spot: right, then left, then above.
        let marks = [
            (100.0, 50.0, 4.0, 6),
            (100.0, 50.0, 4.0, 6),
            (100.0, 50.0, 4.0, 6),
        ];
        let labels = place_labels(&marks, 400.0, 200.0);
        let anchors: Vec<&str> = labels.iter().map(|l| l.unwrap().2).collect();
        assert_eq!(anchors, ["start", "end", "middle"]);
        // A fifth on the same spot finds no room.
        let crowd = [(100.0, 50.0, 4.0, 6); 5];
        assert_eq!(place_labels(&crowd, 400.0, 200.0)[4], None);
        // Near the right edge, the label goes left.
        let edge = place_labels(&[(395.0, 50.0, 4.0, 6)], 400.0, 200.0);
        assert_eq!(edge[0].unwrap().2, "end");
    }

    #[test]
    fn a_ring_is_clipped_to_the_drawing() {
        let square = [(-50.0, -50.0), (50.0, -50.0), (50.0, 50.0), (-50.0, 50.0)];
        let clipped = clip(&square, 100.0, 100.0);
        assert!(clipped.iter().all(|&(x, y)| x >= -1.0 && y >= -1.0));
        assert!(clipped.contains(&(50.0, 50.0)));
        let outside = [(200.0, 200.0), (300.0, 200.0), (300.0, 300.0)];
        assert!(clip(&outside, 100.0, 100.0).is_empty());
    }

    #[test]
    fn the_basemap_covers_the_caspian_region() {
        assert!(RINGS.len() > 20);
        let baku = at(40.41, 49.87);
        let near = RINGS
            .iter()
            .flatten()
            .any(|p| (p.lat - baku.lat).abs() < 0.5 && (p.lon - baku.lon).abs() < 0.5);
        assert!(near, "the Absheron coast is drawn");
    }
}
