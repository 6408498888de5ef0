// Full-page screenshots of every page type, at 375 px and 1280 px, light, and
// dark for the pages named in DARK. Run through scripts/screenshots.sh.
//
//   node scripts/screenshots.mjs [OUT_DIR]     (default: screenshots/)

import fs from "node:fs";
import path from "node:path";
import { ARTICLES, PAGES, REPO, articlePath, launchBrowser, open, startSite } from "../tests/browser/helpers.mjs";

const out = path.resolve(process.argv[2] || path.join(REPO, "screenshots"));
fs.mkdirSync(out, { recursive: true });

const ENTRIES = [
  ...PAGES,
  { name: "article (en, with dated events)", path: articlePath(ARTICLES.enJoint), lang: "en" },
];
const DARK = new Set(["home", "article (en)", "story", "article (en, with dated events)", "chronology", "topic", "places index", "place", "search with results"]);
const WIDTHS = [375, 1280];

const fileName = (i, entry, width, scheme) =>
  `${String(i).padStart(2, "0")}-${entry.name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase()}-${width}-${scheme}.png`;

const site = await startSite();
const browser = await launchBrowser();
let count = 0;
try {
  for (const [i, entry] of ENTRIES.entries()) {
    const schemes = DARK.has(entry.name) ? ["light", "dark"] : ["light"];
    for (const scheme of schemes) {
      for (const width of WIDTHS) {
        const context = await browser.newContext({
          viewport: { width, height: width < 600 ? 812 : 900 },
          deviceScaleFactor: 1,
          colorScheme: scheme,
        });
        const page = await context.newPage();
        await open(page, site, entry);
        const file = path.join(out, fileName(i + 1, entry, width, scheme));
        await page.screenshot({ path: file, fullPage: true });
        await context.close();
        count++;
        console.log(path.relative(process.cwd(), file));
      }
    }
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(`${count} screenshots in ${out}`);
