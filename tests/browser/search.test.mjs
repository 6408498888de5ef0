// Client-side search (static/search.js) on the built search page: folding of
// accents and scripts, names found through their aliases in every language,
// the empty result, and a query given in the address.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ARTICLES, articlePath, launchBrowser, open, startSite, waitForSearch, watch, newContext } from "./helpers.mjs";

let site;
let browser;
let context;

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

const slugOf = (href) => href.replace(/\/$/, "").split("/").pop();

/** Opens the search page (with an optional ?q=) and waits for the index. */
async function openSearch(query) {
  const page = await context.newPage();
  const seen = watch(page);
  const q = query === undefined ? "" : "?q=" + encodeURIComponent(query);
  await page.goto(site.url("search/" + q), { waitUntil: "load" });
  await waitForSearch(page);
  return { page, seen };
}

/** The status line and the slugs of the articles listed. */
async function results(page) {
  return page.evaluate(() => ({
    status: document.getElementById("search-status").textContent,
    slugs: [...document.querySelectorAll("#search-results .card-title a")].map((a) =>
      a.getAttribute("href").replace(/\/$/, "").split("/").pop(),
    ),
    hrefs: [...document.querySelectorAll("#search-results a")].map((a) => a.getAttribute("href")),
    marks: [...document.querySelectorAll("#search-results .card-summary mark")].map((m) => m.textContent),
  }));
}

/** Types a query into #q the way a reader does and waits for the answer. */
async function search(query) {
  const { page, seen } = await openSearch();
  // An exception in search.js fails at once rather than at the timeout.
  const crashed = new Promise((_, reject) => {
    page.once("pageerror", (e) => reject(new Error(`uncaught exception in the page: ${e.message}`)));
  });
  crashed.catch(() => {});
  await page.locator("#q").pressSequentially(query, { delay: 20 });
  await Promise.race([
    crashed,
    page.waitForFunction(
      (q) => {
        const s = document.getElementById("search-status").textContent;
        return s.includes(`“${q}”`) || /could not be loaded/.test(s);
      },
      query,
      { timeout: 10_000 },
    ),
  ]);
  // Let the debounced search settle on the full query.
  await page.waitForTimeout(300);
  const r = await results(page);
  assert.doesNotMatch(r.status, /could not be loaded/, "search works");
  const url = new URL(page.url());
  const problems = [...seen.problems];
  await page.close();
  assert.deepEqual(problems, [], problems.join("\n"));
  for (const href of r.hrefs) assert.ok(href.startsWith("/caspian/"), `result link ${href} keeps the base path`);
  return { ...r, url };
}

function includesAll(got, want, what) {
  const missing = want.filter((s) => !got.includes(s));
  assert.deepEqual(missing, [], `${what}: missing ${missing.join(", ")}; got ${got.join(", ")}`);
}

function includesNone(got, unwanted, what) {
  const extra = unwanted.filter((s) => got.includes(s));
  assert.deepEqual(extra, [], `${what}: should not list ${extra.join(", ")}`);
}

// What search answered on the committed site before it loaded its index in
// fragments (recorded from the build that shipped search/docs.json whole):
// the same entity links and articles, in the same order, with the same words
// marked. A change in ranking or matching shows here first.
const RECORDED = {
  fuzuli: {
    status: "3 articles match “fuzuli”.",
    items: [
      ["places/fuzuli/", []],
      [articlePath(ARTICLES.az), []],
      [articlePath(ARTICLES.en), []],
      [articlePath(ARTICLES.de), []],
    ],
  },
  "Токаев": {
    status: "6 articles match “Токаев”.",
    items: [
      ["people/kassym-jomart-tokayev/", []],
      [articlePath(ARTICLES.kk), ["Тоқаев"]],
      [articlePath(ARTICLES.az), []],
      [articlePath(ARTICLES.enCouncil), ["Tokayev"]],
      [articlePath(ARTICLES.en), ["Tokayev"]],
      [articlePath(ARTICLES.enJoint), ["Tokayev"]],
      [articlePath(ARTICLES.de), []],
    ],
  },
  tokayev: {
    status: "6 articles match “tokayev”.",
    items: [
      ["people/kassym-jomart-tokayev/", []],
      [articlePath(ARTICLES.en), ["Tokayev"]],
      [articlePath(ARTICLES.az), []],
      [articlePath(ARTICLES.enCouncil), ["Tokayev"]],
      [articlePath(ARTICLES.kk), ["Тоқаев"]],
      [articlePath(ARTICLES.enJoint), ["Tokayev"]],
      [articlePath(ARTICLES.de), []],
    ],
  },
  enerji: {
    status: "1 article matches “enerji”.",
    items: [[articlePath(ARTICLES.az), []]],
  },
  "Bakı": {
    status: "5 articles match “Bakı”.",
    items: [
      ["places/baku/", []],
      [articlePath(ARTICLES.az), ["Bakıda"]],
      [articlePath(ARTICLES.enCouncil), []],
      [articlePath(ARTICLES.en), []],
      [articlePath(ARTICLES.kk), []],
      [articlePath(ARTICLES.enJoint), []],
    ],
  },
};

describe("search", () => {
  test("“fuzuli” finds the articles that write Füzuli or Fuzuli", async () => {
    const r = await search("fuzuli");
    // de: "in der befreiten Stadt Füzuli"; az: "Füzuli şəhərində";
    // en (Nov 2023): names Fuzuli.
    includesAll(r.slugs, [ARTICLES.de, ARTICLES.az, ARTICLES.en], "fuzuli");
    includesNone(r.slugs, [ARTICLES.enJoint, ARTICLES.enCouncil], "fuzuli");
    assert.match(r.status, /3 articles match/);
    assert.equal(r.url.searchParams.get("q"), "fuzuli", "the query is kept in the address");
  });

  test("“Токаев” (Cyrillic) finds Tokayev, Toqajew and Tokayevin through the aliases", async () => {
    const r = await search("Токаев");
    // en: "Tokayev"; de: "Qassym-Schomart Toqajew"; az: "Kasım-Jomart Tokayevin".
    includesAll(r.slugs, [ARTICLES.en, ARTICLES.enJoint, ARTICLES.enCouncil, ARTICLES.de, ARTICLES.az], "Токаев");
    // The summaries mark the name as the articles write it.
    assert.ok(r.marks.includes("Tokayev"), `marked: ${r.marks.join(", ")}`);
  });

  test("“tokayev” finds the Azerbaijani article (Tokayevin)", async () => {
    const r = await search("tokayev");
    includesAll(r.slugs, [ARTICLES.az, ARTICLES.de], "tokayev");
  });

  test("“bakı” finds the articles that mention Baku", async () => {
    const r = await search("bakı");
    // az: "Bakıda"; en: "Baku" in three English articles. The German one does not name Baku.
    includesAll(r.slugs, [ARTICLES.az, ARTICLES.en, ARTICLES.enCouncil, ARTICLES.enJoint], "bakı");
    includesNone(r.slugs, [ARTICLES.de], "bakı");
    assert.ok(r.marks.includes("Bakıda"), `marked: ${r.marks.join(", ")}`);
  });

  for (const [query, want] of Object.entries(RECORDED)) {
    test(`“${query}” answers as it did when the index was one file`, async () => {
      const { page, seen } = await openSearch(query);
      const got = await page.evaluate(() => ({
        status: document.getElementById("search-status").textContent,
        items: [...document.querySelectorAll("#search-results > li")].map((li) => [
          li.querySelector("a").getAttribute("href"),
          [...li.querySelectorAll("mark")].map((m) => m.textContent),
        ]),
      }));
      const problems = [...seen.problems];
      await page.close();
      assert.deepEqual(problems, [], problems.join("\n"));
      assert.equal(got.status, want.status);
      assert.deepEqual(got.items, want.items.map(([path, marks]) => [site.base.replace(site.origin, "") + path, marks]));
    });
  }

  test("a word no article contains says so", async () => {
    const r = await search("qwxzvbnj");
    assert.deepEqual(r.slugs, []);
    assert.match(r.status, /No articles match/);
  });

  test("?q= in the address runs the search on load", async () => {
    const { page, seen } = await openSearch("fuzuli");
    const r = await results(page);
    const value = await page.locator("#q").inputValue();
    const problems = [...seen.problems];
    await page.close();
    assert.equal(value, "fuzuli", "the box shows the query");
    includesAll(r.slugs, [ARTICLES.de, ARTICLES.az, ARTICLES.en], "?q=fuzuli");
    assert.deepEqual(problems, [], problems.join("\n"));
  });

  test("the search form on the home page leads to results", async () => {
    const page = await context.newPage();
    const seen = watch(page);
    await open(page, site, { path: "" });
    await page.locator("#home-q").fill("Füzuli");
    await Promise.all([page.waitForURL(/\/caspian\/search\/\?q=/), page.locator("#home-q").press("Enter")]);
    await waitForSearch(page);
    const r = await results(page);
    const problems = [...seen.problems];
    await page.close();
    includesAll(r.slugs, [ARTICLES.de, ARTICLES.az, ARTICLES.en], "home form Füzuli");
    assert.deepEqual(problems, [], problems.join("\n"));
  });
});
