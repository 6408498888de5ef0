// Shared helpers for the browser tests (and scripts/screenshots.mjs):
// build the site into a fresh temp dir, serve it under /caspian/ with a tiny
// static server, and start headless Chromium.
//
// The caspian binary comes from $CASPIAN_BIN, or debug/caspian under
// $CARGO_TARGET_DIR or the repository's target/ (scripts/test runs
// `cargo build` first).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, "..", "..");
export const BASE_PATH = "/caspian/";
// The site folder to build: the repository itself, or $CASPIAN_SITE.
export const SITE_ROOT = process.env.CASPIAN_SITE ? path.resolve(process.env.CASPIAN_SITE) : REPO;

const targetDir = () =>
  process.env.CARGO_TARGET_DIR ? path.resolve(REPO, process.env.CARGO_TARGET_DIR) : path.join(REPO, "target");

export function caspianBin() {
  if (process.env.CASPIAN_BIN) return process.env.CASPIAN_BIN;
  return path.join(targetDir(), "debug", "caspian");
}

/**
 * Writes a generated site of `articles` articles (examples/bench_site, seed
 * 1) into a fresh temp dir and returns the folder of its caspian site.
 * The generator is $CASPIAN_BENCH_SITE_BIN, or debug/examples/bench_site
 * (`cargo build --example bench_site`; scripts/test builds it).
 */
export function generateSite(articles) {
  const bin = process.env.CASPIAN_BENCH_SITE_BIN || path.join(targetDir(), "debug", "examples", "bench_site");
  if (!fs.existsSync(bin)) {
    throw new Error(`the site generator is not at ${bin}: run \`cargo build --example bench_site\``);
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "caspian-generated-"));
  const r = spawnSync(bin, ["--articles", String(articles), "--seed", "1", "--out", out], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench_site failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  fs.rmSync(path.join(out, "hugo"), { recursive: true, force: true });
  return path.join(out, "caspian");
}

// ---------------------------------------------------------------------------
// The pages every test visits: one of each page type.

export const ARTICLES = {
  de: "asadov-und-smailov-vertiefen-partnerschaft",
  az: "eli-esedov-oljas-bektenovla-gorusub",
  en: "president-of-azerbaijan-ilham-aliyev-met-with-president-of-kazakhstan-kassym",
  enJoint: "presidents-of-kazakhstan-and-azerbaijan-made-a-joint-statement",
  enCouncil: "kazakh-and-azerbaijani-presidents-strengthen-bilateral-relations-in-inaugural",
  kk: "qasym-zhomart-toqaev-pen-ilkham-aliev-kelissoz-zhurgizdi",
};

// The one story of the committed site: the English and the Kazakh report of
// the presidents' talks in Baku on 24 November 2023.
export const STORY = ARTICLES.en;

export const articlePath = (slug) => `articles/${slug}/`;

// name: shown in test titles; path: relative to the base; status: expected
// HTTP status; lang: expected <html lang>.
export const PAGES = [
  { name: "home", path: "", lang: "en" },
  { name: "article (de)", path: articlePath(ARTICLES.de), lang: "de" },
  { name: "article (az)", path: articlePath(ARTICLES.az), lang: "az" },
  { name: "article (en)", path: articlePath(ARTICLES.en), lang: "en" },
  { name: "article (kk)", path: articlePath(ARTICLES.kk), lang: "kk" },
  { name: "story", path: `stories/${STORY}/`, lang: "en" },
  { name: "topics index", path: "topics/", lang: "en" },
  { name: "topic", path: "topics/diplomacy/", lang: "en" },
  { name: "chronology", path: "chronology/", lang: "en" },
  { name: "chronology year", path: "chronology/2023/", lang: "en" },
  { name: "people index", path: "people/", lang: "en" },
  { name: "person", path: "people/kassym-jomart-tokayev/", lang: "en" },
  { name: "places index", path: "places/", lang: "en" },
  { name: "place", path: "places/baku/", lang: "en" },
  { name: "languages index", path: "languages/", lang: "en" },
  { name: "language", path: "languages/de/", lang: "en" },
  { name: "search", path: "search/", lang: "en", search: true },
  { name: "search with results", path: "search/?q=tokayev", lang: "en", search: true, results: true },
  { name: "missing page (404)", path: "no-such-page/", lang: "en", status: 404 },
];

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// ---------------------------------------------------------------------------
// Building

/**
 * Builds the site (the repository, $CASPIAN_SITE, or siteRoot) into outDir,
 * or into public/ of a fresh temp dir: a build keeps its work folder
 * (.caspian/) beside the output, so the output must not be the temp dir
 * itself, or the work folder would be left in the system's temp folder.
 * Remove the fresh temp dir with removeBuilt(out).
 */
export function buildSite(baseUrl, outDir, siteRoot = SITE_ROOT) {
  const bin = caspianBin();
  if (!fs.existsSync(bin)) {
    throw new Error(`caspian binary not found at ${bin}: run \`cargo build\` or set CASPIAN_BIN`);
  }
  const out = outDir || path.join(fs.mkdtempSync(path.join(os.tmpdir(), "caspian-site-")), "public");
  const r = spawnSync(bin, ["--root", siteRoot, "build", "--out", out, "--base-url", baseUrl], {
    encoding: "utf8",
  });
  if (r.status !== 0) {
    if (!outDir) removeBuilt(out);
    throw new Error(`caspian build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return out;
}

/** Removes a site buildSite built into a fresh temp dir, and the temp dir. */
export function removeBuilt(out) {
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}

/** Every file under dir whose name ends with ext, sorted. */
export function listFiles(dir, ext) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) {
      out.push(path.join(entry.parentPath ?? entry.path, entry.name));
    }
  }
  return out.sort();
}

// ---------------------------------------------------------------------------
// Serving

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

function inside(root, p) {
  const rel = path.relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Resolves a request path to a file in root, or null. Never returns anything
 * outside root (no "..", no symlinks that lead out). A directory maps to its
 * index.html; { redirect } when a directory is asked for without the slash.
 */
export async function resolveRequest(root, urlPath) {
  if (!urlPath.startsWith(BASE_PATH)) return null;
  let rel;
  try {
    rel = decodeURIComponent(urlPath.slice(BASE_PATH.length));
  } catch {
    return null;
  }
  if (rel.includes("\0") || rel.includes("\\")) return null;
  const parts = rel.split("/");
  if (parts.some((p) => p === ".." || p === ".")) return null;
  let file = path.resolve(root, ...parts.filter(Boolean));
  if (!inside(root, file)) return null;
  let stat;
  try {
    stat = await fsp.stat(file);
  } catch {
    return null;
  }
  if (stat.isDirectory()) {
    if (rel !== "" && !rel.endsWith("/")) return { redirect: urlPath + "/" };
    file = path.join(file, "index.html");
    try {
      stat = await fsp.stat(file);
    } catch {
      return null;
    }
  }
  if (!stat.isFile()) return null;
  const real = await fsp.realpath(file);
  if (!inside(await fsp.realpath(root), real)) return null;
  return { file: real };
}

/** Whether a static host would compress a file of this type. */
const COMPRESSED = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * Starts the server on a free port, builds the site (or the one in `root`)
 * for that port, and returns { dir, port, origin, base, url(path), requests,
 * close() }. `requests` logs every request as { method, url, status }.
 * With `gzip`, text is sent compressed to a browser that asks for it, as
 * a static host (GitHub Pages) sends it.
 */
export async function startSite({ root: siteRoot, gzip = false } = {}) {
  const requests = [];
  let root = null;
  const server = http.createServer(async (req, res) => {
    const send = (status, headers, body) => {
      requests.push({ method: req.method, url: req.url, status });
      if (gzip && body && COMPRESSED.test(headers["Content-Type"] || "") && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        body = zlib.gzipSync(body);
        headers = { ...headers, "Content-Encoding": "gzip", Vary: "Accept-Encoding" };
      }
      res.writeHead(status, { "Cache-Control": "no-store", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        return send(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }, "method not allowed\n");
      }
      const urlPath = new URL(req.url, "http://localhost").pathname;
      const found = await resolveRequest(root, urlPath);
      if (found && found.redirect) {
        return send(301, { Location: found.redirect }, "");
      }
      if (found) {
        const body = await fsp.readFile(found.file);
        const type = TYPES[path.extname(found.file).toLowerCase()] || "application/octet-stream";
        return send(200, { "Content-Type": type }, body);
      }
      let body = "not found\n";
      let type = "text/plain; charset=utf-8";
      try {
        body = await fsp.readFile(path.join(root, "404.html"));
        type = TYPES[".html"];
      } catch {}
      return send(404, { "Content-Type": type }, body);
    } catch (err) {
      return send(500, { "Content-Type": "text/plain" }, String(err) + "\n");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const port = server.address().port;
  const origin = `http://127.0.0.1:${port}`;
  const base = origin + BASE_PATH;
  try {
    root = buildSite(base, undefined, siteRoot);
  } catch (err) {
    server.close();
    throw err;
  }
  return {
    dir: root,
    port,
    origin,
    base,
    requests,
    url: (p = "") => base + p,
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      removeBuilt(root);
    },
  };
}

// ---------------------------------------------------------------------------
// Browser

export async function launchBrowser() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** A fresh browser context whose waits give up after 15 s, not 30. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/**
 * Watches a page for console errors, uncaught exceptions, failed requests and
 * HTTP errors. `allow404` is the one URL whose 404 is expected (the missing
 * page itself). Returns { problems } to inspect after the page settles.
 */
export function watch(page, { allow404 } = {}) {
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const where = msg.location()?.url || "";
    if (allow404 && where === allow404 && /\b404\b/.test(msg.text())) return;
    problems.push(`console error: ${msg.text()} (${where})`);
  });
  page.on("pageerror", (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on("requestfailed", (req) => {
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on("response", (res) => {
    if (res.status() < 400) return;
    if (allow404 && res.url() === allow404 && res.status() === 404) return;
    problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { problems };
}

export const SEARCH_FAILED = /could not be loaded/;

/**
 * Waits until the search page has loaded its index (and, with a query in the
 * address, shown its answer). Fails if search says it could not load.
 */
export async function waitForSearch(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status");
    if (!s || /Loading/.test(s.textContent)) return false;
    const q = new URL(location.href).searchParams.get("q");
    return !q || s.textContent !== "";
  }, null, { timeout: 10_000 });
  const status = await page.locator("#search-status").textContent();
  if (SEARCH_FAILED.test(status)) throw new Error(`search failed: ${status}`);
}

/**
 * Opens a page at the given path and waits until it and its requests have
 * settled. Returns the navigation response.
 */
export async function open(page, site, entry) {
  const inflight = new Set();
  const add = (r) => inflight.add(r);
  const done = (r) => inflight.delete(r);
  page.on("request", add);
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  try {
    const res = await page.goto(site.url(entry.path), { waitUntil: "load" });
    if (entry.search) await waitForSearch(page);
    // Quiet for 100 ms: every request the page made has been answered.
    const deadline = Date.now() + 10_000;
    let quietSince = inflight.size === 0 ? Date.now() : 0;
    while (Date.now() < deadline) {
      if (inflight.size > 0) quietSince = 0;
      else if (!quietSince) quietSince = Date.now();
      else if (Date.now() - quietSince >= 100) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return res;
  } finally {
    page.off("request", add);
    page.off("requestfinished", done);
    page.off("requestfailed", done);
  }
}

export const AXE_SOURCE = () => fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core in the page; returns its violations. */
export async function runAxe(page, options = {}) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!hasAxe) await page.addScriptTag({ content: AXE_SOURCE() });
  return page.evaluate(
    (opts) => window.axe.run(document, { resultTypes: ["violations"], ...opts }).then((r) => r.violations),
    options,
  );
}

/** A readable report of axe violations, every node included. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(" ")}\n      ${n.html}\n      ${(n.failureSummary || "").replace(/\n/g, "\n      ")}`)
        .join("\n");
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join("\n");
}

/** A site already built for /caspian/, served compressed. */
export async function serveBuilt(dir) {
  const { createServer } = await import("node:http");
  const zlib = await import("node:zlib");
  const server = createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!rel.startsWith("/caspian/")) return res.writeHead(404).end();
    let file = path.join(dir, rel.slice("/caspian/".length));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    const type = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml" }[path.extname(file)];
    res.writeHead(200, { "Content-Type": type || "application/octet-stream", "Content-Encoding": "gzip" });
    res.end(zlib.gzipSync(fs.readFileSync(file)));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}/caspian/`;
  return { dir, url: (p = "") => base + p, close: () => new Promise((r) => server.close(r)) };
}
