// Search on a generated site of 1,000 articles fetches what a query needs
// and no more: nothing of the index before the first keystroke; then the
// index's first file, one bucket per word, the files of the people and
// places the query names, and the records of the ten results shown, with
// ten more on request. A year as a query leads to the year's chronology.
//
// SEARCH_SITE=DIR runs the same tests on a site already built for
// /caspian/ in DIR (a larger generated archive), served compressed.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { generateSite, launchBrowser, newContext, serveBuilt, startSite, watch } from "./helpers.mjs";

/** The most a first one-word search may fetch, compressed (the target at 100,000 articles). */
const BUDGET = 300_000;

let siteRoot;
let site;
let browser;
let context;

before(async () => {
  if (process.env.SEARCH_SITE) {
    site = await serveBuilt(path.resolve(process.env.SEARCH_SITE));
  } else {
    siteRoot = generateSite(1000);
    site = await startSite({ root: siteRoot });
  }
  browser = await launchBrowser();
  context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
  if (siteRoot) fs.rmSync(path.dirname(siteRoot), { recursive: true, force: true });
});

/** Opens the search page; returns the page, the paths it fetched, and its problems. */
async function openSearch() {
  const page = await context.newPage();
  const seen = watch(page);
  const fetched = [];
  page.on("requestfinished", (r) => fetched.push(new URL(r.url()).pathname.replace(/^\/caspian\//, "")));
  await page.goto(site.url("search/"), { waitUntil: "load" });
  await page.waitForTimeout(300);
  return { page, seen, fetched };
}

async function typeQuery(page, query) {
  await page.locator("#q").pressSequentially(query, { delay: 20 });
  await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(`“${q}”`), query);
  await page.waitForTimeout(300);
}

const gzipped = (rel) => {
  const file = path.join(site.dir, rel.endsWith("/") || rel === "" ? rel + "index.html" : rel);
  return zlib.gzipSync(fs.readFileSync(file)).length;
};

describe(`search on ${process.env.SEARCH_SITE ? "a built site" : "1,000 articles"}`, () => {
  test("fetches nothing of the index before a key is pressed, then only a query's files", async (t) => {
    const { page, seen, fetched } = await openSearch();
    assert.deepEqual(
      fetched.filter((p) => p.startsWith("search/") && p !== "search/"),
      [],
      "the search page alone fetches no part of the index",
    );
    const opened = fetched.length;
    await typeQuery(page, "baku");
    const index = fetched.slice(opened).filter((p) => p.startsWith("search/"));
    const kinds = index.map((p) => p.replace(/\/[^/]*$/, "/"));
    assert.deepEqual([...new Set(kinds)].sort(), ["search/", "search/docs/", "search/places/", "search/words/"], index.join(" "));
    assert.ok(index.filter((p) => p.startsWith("search/docs/")).length <= 10, index.join(" "));
    assert.equal(new Set(index).size, index.length, "no file twice");
    const bytes = fetched.reduce((sum, p) => sum + gzipped(p), 0);
    t.diagnostic(`opening the search page and searching "baku": ${bytes} bytes compressed, ${index.length} index files`);
    assert.ok(bytes <= BUDGET, `${bytes} bytes`);
    const cards = await page.locator("#search-results > li.card:not(.entity-hit)").count();
    assert.equal(cards, 10, "ten results at a time");
    const problems = [...seen.problems];
    await page.close();
    assert.deepEqual(problems, [], problems.join("\n"));
  });

  test("shows ten results more on request, newest first after the title matches", async () => {
    const { page, seen } = await openSearch();
    await typeQuery(page, "baku");
    const status = await page.locator("#search-status").textContent();
    const total = Number(status.match(/^(\d+) articles match/)[1]);
    assert.ok(total > 20, status);
    const more = page.locator("button.search-more");
    assert.match(await more.textContent(), new RegExp(`Show 10 more \\(10 of ${total} shown\\)`));
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li.card:not(.entity-hit)").length === 20);
    const results = await page.evaluate(() =>
      [...document.querySelectorAll("#search-results > li.card:not(.entity-hit)")].map((li) => ({
        title: li.querySelector(".card-title").textContent,
        date: li.querySelector("time")?.getAttribute("datetime") || "",
      })),
    );
    // Titles that have the word first, then the rest; each part newest first.
    const inTitle = (r) => /bak[uıu]/i.test(r.title.normalize("NFD").replace(/\p{M}/gu, ""));
    const firstOther = results.findIndex((r) => !inTitle(r));
    const parts = firstOther < 0 ? [results] : [results.slice(0, firstOther), results.slice(firstOther)];
    for (const part of parts) {
      for (let i = 1; i < part.length; i++) {
        assert.ok(part[i - 1].date >= part[i].date, `${part[i - 1].date} before ${part[i].date}`);
      }
    }
    const problems = [...seen.problems];
    await page.close();
    assert.deepEqual(problems, [], problems.join("\n"));
  });

  test("a year leads to its chronology", async () => {
    const { page, seen } = await openSearch();
    await typeQuery(page, "2019");
    const hits = await page.evaluate(() =>
      [...document.querySelectorAll("#search-results > li.entity-hit a")].map((a) => a.getAttribute("href")),
    );
    assert.deepEqual(hits, ["/caspian/chronology/2019/"]);
    const problems = [...seen.problems];
    await page.close();
    assert.deepEqual(problems, [], problems.join("\n"));
  });
});
