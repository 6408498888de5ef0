// The hostile fixture (tests/fixtures/hostile/: script, quotes, javascript:
// links and comments in every text field) in a real browser: no dialog
// opens, no element or handler it carries comes alive, on the article page
// and on the search page, whose results search.js builds from the index.
// tests/hostile.rs checks the files; this checks what the browser makes of
// them, search.js included.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { REPO, launchBrowser, newContext, startSite, waitForSearch, watch } from "./helpers.mjs";

const TITLE = "Attack <script>alert('title')</script> \"quoted\" 'single' </script><!-- -->";

let site;
let browser;
let context;

before(async () => {
  site = await startSite({ root: path.join(REPO, "tests", "fixtures", "hostile") });
  browser = await launchBrowser();
  context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** Opens a page, recording every dialog (alert, confirm, prompt) it tries. */
async function visit(rel) {
  const page = await context.newPage();
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const seen = watch(page);
  await page.goto(site.url(rel), { waitUntil: "load" });
  return { page, dialogs, seen };
}

/** What in the page could run: scripts, handlers, script addresses, injected elements. */
function live(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      scripts: [...document.scripts].map((s) => s.type || s.src || "inline"),
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName} ${a.name}`),
      ),
      addresses: all.flatMap((el) =>
        ["href", "src", "action"]
          .filter((a) => el.hasAttribute(a) && /^\s*(javascript|vbscript|data):/i.test(el[a] || el.getAttribute(a)))
          .map((a) => `${el.tagName} ${a}=${el.getAttribute(a)}`),
      ),
      injected: all.filter((el) => ["IMG", "SVG", "IFRAME", "OBJECT", "EMBED"].includes(el.tagName.toUpperCase())).length,
    };
  });
}

describe("hostile text", () => {
  test("the article page shows it and runs none of it", async () => {
    const { page, dialogs, seen } = await visit("articles/hostile/");
    // Hovering and focusing what an attacker would have made live.
    await page.hover("h1");
    await page.hover(".prose");
    await page.keyboard.press("Tab");
    await page.waitForTimeout(100);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(seen.problems, []);
    assert.equal(await page.textContent("h1"), TITLE);
    assert.equal(await page.title(), `${TITLE} · Hostile <script>alert('site')</script> " Chronicle`);
    assert.deepEqual(await live(page), {
      scripts: ["application/ld+json"],
      handlers: [],
      addresses: [],
      injected: 0,
    });
    const ld = JSON.parse(await page.textContent("script[type='application/ld+json']"));
    assert.equal(ld.headline, TITLE);
    await page.close();
  });

  test("search lists the hostile article as text", async () => {
    for (const query of ["attack", "script alert", "mallory"]) {
      const { page, dialogs, seen } = await visit("search/?q=" + encodeURIComponent(query));
      await waitForSearch(page);
      await page.hover("#search-results");
      await page.waitForTimeout(100);
      assert.deepEqual(dialogs, [], query);
      assert.deepEqual(seen.problems, [], query);
      const titles = await page.$$eval("#search-results .card-title a", (as) => as.map((a) => a.textContent));
      if (query !== "mallory") assert.ok(titles.includes(TITLE), `${query}: ${JSON.stringify(titles)}`);
      const tags = await page.$$eval("#search-results *", (els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))].sort());
      for (const tag of tags) {
        assert.ok(["a", "h2", "li", "mark", "p", "span", "time"].includes(tag), `${query}: <${tag}> in the results`);
      }
      const state = await live(page);
      assert.deepEqual(state.handlers, [], query);
      assert.deepEqual(state.addresses, [], query);
      assert.equal(state.injected, 0, query);
      assert.deepEqual(state.scripts, [site.url("assets/search.js")], query);
      await page.close();
    }
  });

  test("a hostile query is shown as text", async () => {
    const query = "<img src=x onerror=alert(1)> attack";
    const { page, dialogs } = await visit("search/?q=" + encodeURIComponent(query));
    await waitForSearch(page);
    assert.deepEqual(dialogs, []);
    assert.match(await page.textContent("#search-status"), /<img src=x onerror=alert\(1\)> attack/);
    assert.equal((await live(page)).injected, 0);
    await page.close();
  });
});
