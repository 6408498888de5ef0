// Accessibility: axe-core on every page type, on a desk and on a phone, and
// colour contrast again in dark mode. Violations of impact "serious" or
// "critical" fail; the report lists every violation axe found.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ARTICLES, PAGES, articlePath, formatViolations, launchBrowser, open, runAxe, startSite, newContext } from "./helpers.mjs";

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

const SERIOUS = new Set(["serious", "critical"]);

async function axeOn(entry, contextOptions, axeOptions) {
  const context = await newContext(browser, contextOptions);
  const page = await context.newPage();
  try {
    await open(page, site, entry);
    const violations = await runAxe(page, axeOptions);
    const bad = violations.filter((v) => SERIOUS.has(v.impact));
    const scheme = await page.evaluate(() => ({
      dark: matchMedia("(prefers-color-scheme: dark)").matches,
      bg: getComputedStyle(document.body).backgroundColor,
    }));
    return { violations, bad, scheme };
  } finally {
    await context.close();
  }
}

const VIEWPORTS = [
  { label: "1280 px", viewport: { width: 1280, height: 900 } },
  { label: "375 px", viewport: { width: 375, height: 812 } },
];

for (const vp of VIEWPORTS) {
  describe(`axe at ${vp.label}: no serious or critical violations`, () => {
    for (const entry of PAGES) {
      test(entry.name, async () => {
        const { violations, bad } = await axeOn(entry, { viewport: vp.viewport });
        assert.equal(
          bad.length,
          0,
          `${entry.name} at ${vp.label}: ${bad.length} serious/critical; all violations:\n${formatViolations(violations)}`,
        );
      });
    }
  });
}

// Relative luminance of a computed CSS colour "rgb(r, g, b)".
function luminance(css) {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("dark mode: colour contrast", () => {
  const DARK_PAGES = [
    PAGES.find((p) => p.name === "home"),
    { name: "article (az)", path: articlePath(ARTICLES.az) },
    { name: "article (en, with dated events)", path: articlePath(ARTICLES.enJoint) },
    PAGES.find((p) => p.name === "chronology"),
    PAGES.find((p) => p.name === "search with results"),
  ];
  for (const entry of DARK_PAGES) {
    for (const vp of VIEWPORTS) {
      test(`${entry.name} at ${vp.label}`, async () => {
        const { violations, scheme } = await axeOn(
          entry,
          { viewport: vp.viewport, colorScheme: "dark" },
          { runOnly: { type: "rule", values: ["color-contrast"] } },
        );
        assert.ok(scheme.dark, "the browser reports prefers-color-scheme: dark");
        assert.ok(luminance(scheme.bg) < 0.05, `the page turns dark (body background ${scheme.bg})`);
        assert.equal(violations.length, 0, `dark ${entry.name} at ${vp.label}:\n${formatViolations(violations)}`);
      });
    }
  }

  test("light mode stays light", async () => {
    const { scheme } = await axeOn(PAGES[0], { colorScheme: "light" }, { runOnly: { type: "rule", values: ["color-contrast"] } });
    assert.ok(luminance(scheme.bg) > 0.8, `light body background ${scheme.bg}`);
  });
});
