// How long an edit takes to reach the open page in `caspian serve`:
//   node scripts/reload-latency.mjs SITE_DIR content/FILE.md [rounds]
// Starts serve on SITE_DIR (it must be a copy you do not mind editing),
// opens the article in headless Chromium, changes its title, and times until
// the page with the new title is painted (the browser's first-contentful-paint
// of the reloaded page; a poll that sees the new title comes later, and is
// printed beside it). Prints each round and the median, in ms.
// Times the release build (`cargo build --release`), or CASPIAN_BIN.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { caspianBin, launchBrowser, newContext } from "../tests/browser/helpers.mjs";

const [siteDir, file, roundsArg] = process.argv.slice(2);
if (!siteDir || !file) {
  console.error("usage: node scripts/reload-latency.mjs SITE_DIR content/FILE.md [rounds]");
  process.exit(2);
}
const rounds = Number(roundsArg || 5);
const bin = process.env.CASPIAN_BIN || caspianBin().replace(/debug(?=[\\/]caspian$)/, "release");
if (!fs.existsSync(bin)) {
  console.error(`${bin} is missing: run cargo build --release first`);
  process.exit(2);
}
const server = spawn(bin, ["--root", siteDir, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve) => {
  readline.createInterface({ input: server.stdout }).on("line", (line) => {
    const m = line.match(/^serving (\S+)/);
    if (m) resolve(m[1]);
  });
});
const full = path.join(siteDir, file);
const original = fs.readFileSync(full, "utf8");
const slug = path.basename(file, ".md");
const browser = await launchBrowser();
const page = await (await newContext(browser)).newPage();
await page.goto(`${url}articles/${slug}/`);
await page.waitForTimeout(500);
const times = [];
try {
  for (let i = 1; i <= rounds; i++) {
    const title = `Edited live, round ${i}`;
    const started = Date.now();
    fs.writeFileSync(full, original.replace(/^title: .*$/m, `title: "${title}"`));
    await page.waitForFunction((t) => document.querySelector("h1")?.textContent === t, title, { timeout: 60_000 });
    const seen = Date.now() - started;
    const painted = await page.evaluate(() => {
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      return performance.timeOrigin + (paint ? paint.startTime : performance.now());
    });
    times.push(Math.round(painted - started));
    console.log(`round ${i}: painted after ${times.at(-1)} ms (the poll saw it after ${seen} ms)`);
    await page.waitForTimeout(300);
  }
} finally {
  fs.writeFileSync(full, original);
  await browser.close();
  server.kill();
}
times.sort((a, b) => a - b);
console.log(`median: ${times[Math.floor(times.length / 2)]} ms over ${rounds} edits`);
