// Every page type loads cleanly (no console errors, no failed requests) and
// fits a 375 px phone screen without horizontal scrolling.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PAGES, launchBrowser, open, startSite, watch, newContext } from "./helpers.mjs";

let site;
let browser;

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

describe("every page type loads without errors", () => {
  for (const entry of PAGES) {
    test(entry.name, async () => {
      const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const expected = entry.status ?? 200;
      const url = site.url(entry.path);
      const seen = watch(page, { allow404: expected === 404 ? url : undefined });
      const before = site.requests.length;
      try {
        const res = await open(page, site, entry);
        assert.equal(res.status(), expected, `status of ${url}`);
        const info = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          h1: document.querySelector("h1")?.textContent.trim() ?? "",
          css: [...document.styleSheets].some((s) => s.href && s.href.endsWith("/style.css") && s.cssRules.length > 0),
        }));
        assert.equal(info.lang, entry.lang, "<html lang>");
        assert.ok(info.h1, "the page has a heading");
        assert.ok(info.css, "style.css is loaded");
        if (expected === 404) assert.match(info.h1, /not found/i, "the 404 page is the site's own");
        if (entry.results) {
          const n = await page.locator("#search-results .card-title a").count();
          assert.ok(n > 0, `${url} lists results`);
        }
        // The server's side of the story: anything it answered with 4xx/5xx
        // during this page load, other than the deliberate 404.
        const bad = site.requests
          .slice(before)
          .filter((r) => r.status >= 400 && !(expected === 404 && url.endsWith(r.url)));
        for (const r of bad) seen.problems.push(`server answered ${r.status} to ${r.method} ${r.url}`);
        assert.deepEqual(seen.problems, [], `problems on ${url}:\n${seen.problems.join("\n")}`);
      } finally {
        await context.close();
      }
    });
  }
});

describe("no horizontal scroll at 375 px", () => {
  for (const entry of PAGES) {
    test(entry.name, async () => {
      const context = await newContext(browser, { viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      try {
        await open(page, site, entry);
        const m = await page.evaluate(() => {
          const el = document.documentElement;
          // What sticks out, to make a failure easy to fix.
          const wide = [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > el.clientWidth + 0.5)
            .slice(0, 10)
            .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> right=${Math.round(e.getBoundingClientRect().right)}`);
          return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, wide };
        });
        assert.ok(
          m.scrollWidth <= m.clientWidth,
          `${entry.name}: scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth}; elements past the edge:\n${m.wide.join("\n")}`,
        );
      } finally {
        await context.close();
      }
    });
  }
});
