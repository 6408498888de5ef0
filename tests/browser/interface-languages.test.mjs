// The interface in each of its six languages: the committed site built with
// `language` set to en, de, az, ru, kk and tr, every page type loads, has
// the interface's `lang` on <html> (an article page: the article's, with
// the interface's on its chrome), fits 375 px, has no serious or critical
// axe fault, and leaves no English string of the interface in its chrome.
// INTERFACE_LANGUAGES=ru,kk tests only those; SCREENSHOT_DIR=DIR saves each
// language's home and German article at 375 px.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PAGES, REPO, SITE_ROOT, formatViolations, launchBrowser, newContext, open, runAxe, startSite, watch } from "./helpers.mjs";

const LANGUAGES = (process.env.INTERFACE_LANGUAGES || "en,de,az,ru,kk,tr").split(",");
const SERIOUS = new Set(["serious", "critical"]);

/** The strings of i18n/<lang>.toml by key, each a list of its forms. */
function strings(lang) {
  const out = new Map();
  let table = "";
  for (const line of fs.readFileSync(path.join(REPO, "i18n", `${lang}.toml`), "utf8").split("\n")) {
    const header = line.match(/^\[(\w+)\]$/);
    if (header) table = header[1];
    const m = line.match(/^(\w+) = (.*)$/);
    if (!m || (table && table !== "plural")) continue;
    const values = [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((v) => v[1]);
    if (m[2].startsWith("[")) continue; // the month names
    out.set(`${table}.${m[1]}`, values);
  }
  return out;
}

/** Pieces of English strings that `lang` says otherwise, 5 characters or more. */
function englishPieces(lang) {
  const en = strings("en");
  const other = strings(lang);
  const pieces = new Set();
  for (const [key, values] of en) {
    if (key.startsWith(".date_") || JSON.stringify(other.get(key)) === JSON.stringify(values)) continue;
    for (const value of values) {
      value.split(/\{\w+\}/).forEach((piece) => {
        piece = piece.replace(/^[\s,.:;()]+|[\s,.:;()]+$/g, "");
        if ([...piece].length >= 5) pieces.add(piece);
      });
    }
  }
  return [...pieces];
}

/** A copy of the site folder whose site.toml says `language = "<lang>"`. */
function siteIn(lang) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `caspian-${lang}-`));
  for (const name of ["content", "entities.toml"]) {
    fs.cpSync(path.join(SITE_ROOT, name), path.join(dir, name), { recursive: true });
  }
  const toml = fs.readFileSync(path.join(SITE_ROOT, "site.toml"), "utf8");
  assert.match(toml, /^language = "en"$/m);
  fs.writeFileSync(path.join(dir, "site.toml"), toml.replace(/^language = "en"$/m, `language = "${lang}"`));
  return dir;
}

const isArticle = (entry) => entry.path.startsWith("articles/");

for (const lang of LANGUAGES) {
  describe(`interface in ${lang}`, () => {
    let site;
    let browser;
    let folder;
    const pieces = lang === "en" ? [] : englishPieces(lang);

    before(async () => {
      folder = siteIn(lang);
      site = await startSite({ root: folder });
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await site?.close();
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
    });

    for (const entry of PAGES) {
      test(entry.name, async () => {
        const context = await newContext(browser, { viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        const expected = entry.status ?? 200;
        const seen = watch(page, { allow404: expected === 404 ? site.url(entry.path) : undefined });
        try {
          const res = await open(page, site, entry);
          assert.equal(res.status(), expected);
          const info = await page.evaluate((lang) => {
            const el = document.documentElement;
            const chrome = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const parent = n.parentElement;
              if (!parent || parent.closest("script, style")) continue;
              if (parent.closest("[lang]")?.getAttribute("lang") === lang) chrome.push(n.textContent);
            }
            for (const e of document.querySelectorAll("[aria-label], [placeholder]")) {
              if (e.closest("[lang]")?.getAttribute("lang") !== lang) continue;
              chrome.push(e.getAttribute("aria-label") || "", e.getAttribute("placeholder") || "");
            }
            const h1 = document.querySelector("h1");
            return {
              lang: el.lang,
              header: document.querySelector(".site-header")?.closest("[lang]")?.getAttribute("lang"),
              footer: document.querySelector(".site-footer")?.closest("[lang]")?.getAttribute("lang"),
              h1Lang: h1?.closest("[lang]")?.getAttribute("lang"),
              chrome: chrome.join("\n"),
              scrollWidth: el.scrollWidth,
              clientWidth: el.clientWidth,
            };
          }, lang);
          if (isArticle(entry)) {
            assert.equal(info.lang, entry.lang, "an article page has the article's lang");
            assert.equal(info.h1Lang, entry.lang, "the article's title is in its language");
          } else {
            assert.equal(info.lang, lang, "<html lang> is the interface's");
          }
          assert.equal(info.header, lang, "the header has the interface's lang");
          assert.equal(info.footer, lang, "the footer has the interface's lang");
          assert.ok(info.scrollWidth <= info.clientWidth, `scrollWidth ${info.scrollWidth} > ${info.clientWidth} at 375 px`);
          const left = pieces.filter((p) => info.chrome.includes(p));
          assert.deepEqual(left, [], `English left in the ${lang} chrome of ${entry.path}`);
          const violations = await runAxe(page);
          const bad = violations.filter((v) => SERIOUS.has(v.impact));
          assert.equal(bad.length, 0, formatViolations(violations));
          assert.deepEqual(seen.problems, []);
          const shots = process.env.SCREENSHOT_DIR;
          if (shots && (entry.name === "home" || entry.name === "article (de)")) {
            fs.mkdirSync(shots, { recursive: true });
            await page.screenshot({ path: path.join(shots, `${lang}-${entry.name.replace(/\W+/g, "-")}.png`), fullPage: true });
          }
        } finally {
          await context.close();
        }
      });
    }
  });
}
