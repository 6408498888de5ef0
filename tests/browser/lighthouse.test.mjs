// Lighthouse (the phone profile: a mid-range phone on a slow 4G line, as
// simulated by Lighthouse) on every page type of a generated site of 1,000
// articles, served compressed as a static host serves it: performance at
// least 95 and accessibility 100. Of each type the largest page is taken,
// the one a reader waits longest for. The generated site gets an undated
// article, and a chronology page of 50 lines, so that it has every kind of
// chronology page: a whole year, a year split by month, a month, the
// undated articles.
//
// LIGHTHOUSE_SITE=DIR runs it on a site already built (for base path
// /caspian/) instead; LIGHTHOUSE_PAGES=name,name runs only those pages.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { generateSite, serveBuilt, startSite, CHROMIUM_ARGS } from "./helpers.mjs";

const ARTICLES = 1000;
const MIN_PERFORMANCE = 0.95;
const MIN_ACCESSIBILITY = 1;

let site;
let chrome;
let lighthouse;
let siteRoot;

/** The largest of the site's files under `dir` matching `re`, as a path under the base. */
function largest(dir, re) {
  let best = null;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name !== "index.html") continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const rel = path.relative(dir, file).split(path.sep).join("/");
    if (!re.test(rel)) continue;
    const size = fs.statSync(file).size;
    if (!best || size > best.size) best = { rel, size };
  }
  return best && best.rel.replace(/index\.html$/, "");
}

/** One page of each type, by name: the largest of its kind; each type in `wanted` must be there. */
function pageTypes(dir, wanted) {
  const yearPages = fs
    .readdirSync(path.join(dir, "chronology"))
    .filter((y) => /^\d{4}$/.test(y))
    .map((y) => `chronology/${y}/`);
  const split = yearPages.filter((p) => fs.readdirSync(path.join(dir, p)).some((m) => /^\d\d$/.test(m)));
  const whole = yearPages.filter((p) => !split.includes(p));
  const biggest = (list) =>
    list.map((p) => ({ p, size: fs.statSync(path.join(dir, p, "index.html")).size })).sort((a, b) => b.size - a.size)[0]?.p;
  const types = {
    home: "",
    article: largest(dir, /^articles\//),
    "topics index": "topics/",
    topic: largest(dir, /^topics\/[^/]+\//),
    "people index": "people/",
    person: largest(dir, /^people\/[^/]+\//),
    "places index": "places/",
    place: largest(dir, /^places\/[^/]+\//),
    "languages index": "languages/",
    language: largest(dir, /^languages\/[^/]+\//),
    chronology: "chronology/",
    "chronology year": biggest(whole),
    "chronology year split by month": biggest(split),
    "chronology month": largest(dir, /^chronology\/\d{4}\/\d\d\//),
    "chronology undated": largest(dir, /^chronology\/undated\//),
    search: "search/",
    "search with results": "search/?q=baku",
    "missing page (404)": "404.html",
  };
  for (const [name, p] of Object.entries(types)) {
    if (!wanted(name)) continue;
    assert.ok(p !== undefined && p !== null, `the generated site has no page of type “${name}”`);
  }
  return types;
}

const chromePath = () => process.env.CHROME_PATH || process.env.CHROMIUM_BIN || "/usr/bin/chromium";

before(async () => {
  if (process.env.LIGHTHOUSE_SITE) {
    siteRoot = null;
  } else {
    siteRoot = generateSite(ARTICLES);
    const toml = path.join(siteRoot, "site.toml");
    fs.writeFileSync(toml, fs.readFileSync(toml, "utf8").replace(/^chronology_paginate = \d+$/m, "chronology_paginate = 50"));
    fs.writeFileSync(
      path.join(siteRoot, "content", "a-note-without-a-date.md"),
      "---\ntitle: A note without a date\nlang: en\ntopics: [culture]\n---\n\nThe date of this note is not known yet.\n",
    );
  }
  site = process.env.LIGHTHOUSE_SITE ? await serveBuilt(process.env.LIGHTHOUSE_SITE) : await startSite({ root: siteRoot, gzip: true });
  lighthouse = (await import("lighthouse")).default;
  const launcher = await import("chrome-launcher");
  chrome = await launcher.launch({
    chromePath: chromePath(),
    chromeFlags: [...CHROMIUM_ARGS.filter((f) => f !== "--headless"), "--headless=new"],
  });
});

after(async () => {
  await chrome?.kill();
  await site?.close();
  if (siteRoot) fs.rmSync(path.dirname(siteRoot), { recursive: true, force: true });
});

/** What Lighthouse found wrong, for a failure message. */
function explain(lhr) {
  const lines = [];
  for (const key of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
    const a = lhr.audits[key];
    if (a) lines.push(`  ${a.title}: ${a.displayValue} (score ${a.score})`);
  }
  for (const ref of lhr.categories.accessibility.auditRefs) {
    const a = lhr.audits[ref.id];
    if (a.score !== null && a.score < 1) {
      const items = (a.details?.items || []).slice(0, 5).map((i) => `      ${i.node?.snippet || JSON.stringify(i).slice(0, 200)}`);
      lines.push(`  accessibility: ${a.title}\n${items.join("\n")}`);
    }
  }
  return lines.join("\n");
}

describe("lighthouse, phone profile", () => {
  const only = process.env.LIGHTHOUSE_PAGES ? new Set(process.env.LIGHTHOUSE_PAGES.split(",")) : null;
  // The page list needs the built site; the tests are named before it is
  // built, so they look the page up when they run.
  const NAMES = [
    "home", "article", "topics index", "topic", "people index", "person", "places index", "place", "languages index", "language",
    "chronology", "chronology year", "chronology year split by month", "chronology month",
    "chronology undated", "search", "search with results", "missing page (404)",
  ];
  let types;
  for (const name of NAMES) {
    if (only && !only.has(name)) continue;
    test(`${name}: performance ≥ ${MIN_PERFORMANCE * 100}, accessibility ${MIN_ACCESSIBILITY * 100}`, async () => {
      types ??= pageTypes(site.dir, (n) => !only || only.has(n));
      const url = site.url(types[name]);
      const { lhr } = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      });
      const performance = lhr.categories.performance.score;
      const accessibility = lhr.categories.accessibility.score;
      console.log(`# ${name} (${types[name] || "/"}): performance ${Math.round(performance * 100)}, accessibility ${Math.round(accessibility * 100)}`);
      const why = `${url}\n${explain(lhr)}`;
      assert.ok(performance >= MIN_PERFORMANCE, `performance ${performance}\n${why}`);
      assert.ok(accessibility >= MIN_ACCESSIBILITY, `accessibility ${accessibility}\n${why}`);
    });
  }
});
