#!/usr/bin/env node
// Makes src/render/basemap.txt, the coastlines and country borders that the
// places' map is drawn on, from Natural Earth's 1:50m countries (public
// domain), as the npm package world-atlas@2.0.2 ships them (TopoJSON).
// Run by hand when the region or the detail should change, not by CI:
//
//   npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//   node scripts/basemap.mjs package/countries-50m.json > src/render/basemap.txt
//
// Each country's rings are clipped to REGION, simplified (Douglas-Peucker,
// TOLERANCE degrees) and written one ring a line as `lon,lat` pairs in
// hundredths of a degree. The Caspian Sea is no country's, so it stays water.

import { readFileSync } from "node:fs";

const REGION = { west: 18, east: 128, south: 22, north: 66 };
const TOLERANCE = 0.1;
const MIN_AREA = 0.05; // square degrees; smaller islands are left out

const topo = JSON.parse(readFileSync(process.argv[2], "utf8"));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});

function ring(indices) {
  const points = [];
  for (const i of indices) {
    const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

// Sutherland-Hodgman against each edge of the region.
function clip(points) {
  const edges = [
    [(p) => p[0] >= REGION.west, (a, b) => cut(a, b, 0, REGION.west)],
    [(p) => p[0] <= REGION.east, (a, b) => cut(a, b, 0, REGION.east)],
    [(p) => p[1] >= REGION.south, (a, b) => cut(a, b, 1, REGION.south)],
    [(p) => p[1] <= REGION.north, (a, b) => cut(a, b, 1, REGION.north)],
  ];
  let out = points;
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let k = 0; k < input.length; k++) {
      const cur = input[k];
      const prev = input[(k + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cross(prev, cur));
      }
    }
  }
  return out;
}

function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = value;
  return p;
}

function simplify(points) {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let best = -1;
    let far = TOLERANCE;
    for (let k = a + 1; k < b; k++) {
      const d = distance(points[k], points[a], points[b]);
      if (d > far) {
        far = d;
        best = k;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return points.filter((_, k) => keep[k]);
}

function distance(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * (p[0] - a[0]) - dx * (p[1] - a[1])) / length;
}

function area(points) {
  let sum = 0;
  for (let k = 0; k < points.length; k++) {
    const [x1, y1] = points[k];
    const [x2, y2] = points[(k + 1) % points.length];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum / 2);
}

const lines = [
  "# Natural Earth 1:50m countries (public domain, naturalearthdata.com), from world-atlas 2.0.2;",
  `# clipped to lon ${REGION.west}..${REGION.east}, lat ${REGION.south}..${REGION.north}, simplified; made by scripts/basemap.mjs.`,
  "# One ring a line: lon,lat pairs in hundredths of a degree.",
];
const countries = topo.objects.countries.geometries
  .slice()
  .sort((a, b) => String(a.id).localeCompare(String(b.id)));
for (const country of countries) {
  const polygons =
    country.type === "Polygon" ? [country.arcs] : country.type === "MultiPolygon" ? country.arcs : [];
  for (const polygon of polygons) {
    // The outer ring only: no country of the region has a hole worth drawing.
    let points = clip(ring(polygon[0]));
    if (points.length < 3 || area(points) < MIN_AREA) continue;
    points = simplify([...points, points[0]]).slice(0, -1);
    const rounded = [];
    for (const [x, y] of points) {
      const pair = `${Math.round(x * 100)},${Math.round(y * 100)}`;
      if (rounded[rounded.length - 1] !== pair) rounded.push(pair);
    }
    if (rounded.length >= 3) lines.push(rounded.join(" "));
  }
}
process.stdout.write(lines.join("\n") + "\n");
