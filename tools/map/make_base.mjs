#!/usr/bin/env node
// Builds crates/web/static/map/base.json: simplified outlines of metropolitan
// France and South Korea in plain lon/lat, from Natural Earth admin-0
// countries as shipped (TopoJSON) by the world-atlas package (v2).
//
// Usage:
//   node tools/map/make_base.mjs [path/to/countries-10m.json] [path/to/base.json]
//
// Defaults: input countries-10m.json from WORLD_ATLAS_DIR (or
// /tmp/map/node_modules/world-atlas), output crates/web/static/map/base.json
// relative to the repository root. 1:10m is used because 1:50m loses most of
// Korea's south-western and western islands (and Ouessant); the output is
// still small. Passing countries-50m.json works too (the "source" follows).
// Needs nothing but Node.js itself: the TopoJSON is decoded here.

import { readFileSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "..", "..");
const ATLAS_DIR = process.env.WORLD_ATLAS_DIR || "/tmp/map/node_modules/world-atlas";
const INPUT = process.argv[2] || join(ATLAS_DIR, "countries-10m.json");
const OUTPUT = process.argv[3] || join(REPO, "crates", "web", "static", "map", "base.json");

const SCALE = (INPUT.match(/(10|50|110)m\.json$/) || [null, "10"])[1];
const SOURCE = `Natural Earth 1:${SCALE}m admin-0 countries via the world-atlas package (public domain)`;

// Minimum distance (degrees) between consecutive kept points.
const MIN_STEP = 0.02;
// Outer rings smaller than this (square degrees, planar lon/lat) are dropped,
// together with their holes. 0 keeps every island that survives simplification.
const MIN_AREA = 0;
const DECIMALS = 3;

// ISO 3166-1 numeric id -> output key, with an optional box that every point
// of a kept polygon must lie in ([minLon, minLat, maxLon, maxLat]).
const COUNTRIES = [
  { id: "250", key: "FR", within: [-6, 41, 10, 52] }, // metropolitan France + Corsica
  { id: "410", key: "KR", within: null },
];

// ---------------------------------------------------------------- TopoJSON

function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    if (!t) return arc.map((p) => [p[0], p[1]]);
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0];
      y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

// A ring is a list of arc indexes; a negative index ~i means arc i reversed.
// Consecutive arcs share their joining point, kept once.
function ringFromArcs(indexes, arcs) {
  const ring = [];
  for (const index of indexes) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    const start = ring.length ? 1 : 0;
    for (let i = start; i < arc.length; i++) ring.push(arc[i]);
  }
  return ring;
}

function geometryPolygons(geometry, arcs) {
  const polygons =
    geometry.type === "Polygon" ? [geometry.arcs]
    : geometry.type === "MultiPolygon" ? geometry.arcs
    : [];
  return polygons.map((rings) => rings.map((r) => ringFromArcs(r, arcs)));
}

// ---------------------------------------------------------------- geometry

const round = (v) => Number(v.toFixed(DECIMALS));

function ringArea(ring) {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

// Drops points closer than MIN_STEP to the previously kept one, rounds, and
// returns a closed ring (first == last) with at least 4 points, or null if the
// ring collapses.
function simplifyRing(ring) {
  const pts = ring.slice();
  // Work on the open ring; close it again at the end.
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (pts.length > 1 && first[0] === last[0] && first[1] === last[1]) pts.pop();

  const kept = [pts[0]];
  for (let i = 1; i < pts.length; i++) {
    const prev = kept[kept.length - 1];
    if (Math.hypot(pts[i][0] - prev[0], pts[i][1] - prev[1]) >= MIN_STEP) kept.push(pts[i]);
  }
  // The last kept point must not sit on top of the first one either.
  while (kept.length > 1) {
    const end = kept[kept.length - 1];
    if (Math.hypot(end[0] - kept[0][0], end[1] - kept[0][1]) >= MIN_STEP) break;
    kept.pop();
  }

  let out = dedupe(kept.map(([x, y]) => [round(x), round(y)]));
  if (out.length < 3) {
    // Too small for the step: fall back to the unsimplified (rounded) ring so
    // that small islands keep a shape; null if even that is degenerate.
    out = dedupe(pts.map(([x, y]) => [round(x), round(y)]));
    if (out.length < 3) return null;
  }
  out.push([out[0][0], out[0][1]]);
  return out;
}

// Removes consecutive duplicates (after rounding), including last == first.
function dedupe(points) {
  const out = [];
  for (const p of points) {
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  while (out.length > 1) {
    const a = out[0];
    const b = out[out.length - 1];
    if (a[0] !== b[0] || a[1] !== b[1]) break;
    out.pop();
  }
  return out;
}

function inside(polygon, box) {
  if (!box) return true;
  const [x0, y0, x1, y1] = box;
  return polygon.every((ring) => ring.every(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1));
}

function bboxOf(polygons) {
  let b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons)
    for (const [x, y] of polygon[0])
      b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
  return b.map(round);
}

// ---------------------------------------------------------------- main

const topology = JSON.parse(readFileSync(INPUT, "utf8"));
const arcs = decodeArcs(topology);
const geometries = topology.objects.countries.geometries;

const countries = {};
const stats = [];
for (const { id, key, within } of COUNTRIES) {
  const geometry = geometries.find((g) => String(g.id) === id);
  if (!geometry) throw new Error(`country ${id} not found in ${INPUT}`);
  const polygons = [];
  let dropped = 0;
  for (const polygon of geometryPolygons(geometry, arcs)) {
    if (!inside(polygon, within)) { dropped++; continue; }
    const outer = simplifyRing(polygon[0]);
    if (!outer || ringArea(outer) < MIN_AREA) { dropped++; continue; }
    const holes = polygon.slice(1).map(simplifyRing).filter((r) => r && ringArea(r) > 0);
    polygons.push([outer, ...holes]);
  }
  // Largest first: the mainland leads.
  polygons.sort((a, b) => ringArea(b[0]) - ringArea(a[0]));
  countries[key] = { bbox: bboxOf(polygons), polygons };
  const points = polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  stats.push({ key, name: geometry.properties?.name, polygons: polygons.length, points, dropped });
}

mkdirSync(dirname(OUTPUT), { recursive: true });
const json = JSON.stringify({ source: SOURCE, countries }) + "\n";
writeFileSync(OUTPUT, json);

for (const s of stats) {
  console.log(
    `${s.key} (${s.name}): ${s.polygons} polygons, ${s.points} points, ` +
      `bbox ${JSON.stringify(countries[s.key].bbox)}, ${s.dropped} polygons dropped`,
  );
}
const total = stats.reduce((n, s) => n + s.points, 0);
console.log(`total: ${stats.reduce((n, s) => n + s.polygons, 0)} polygons, ${total} points`);
console.log(`wrote ${OUTPUT}: ${statSync(OUTPUT).size} bytes`);
