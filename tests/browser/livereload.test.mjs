// `caspian serve` in a real browser: after an edit the open page reloads by
// itself and shows it; a broken edit shows its error over the page, which
// keeps the last good version; fixing the file clears it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { REPO, caspianBin, launchBrowser, newContext } from "./helpers.mjs";

const SLUG = "presidents-of-kazakhstan-and-azerbaijan-made-a-joint-statement";
let dir, server, url, browser;

before(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "caspian-serve-"));
  for (const name of ["site.toml", "entities.toml", "content", "templates", "static"]) {
    await fsp.cp(path.join(REPO, name), path.join(dir, name), { recursive: true });
  }
  server = spawn(caspianBin(), ["--root", dir, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  server.stderr.resume();
  const lines = readline.createInterface({ input: server.stdout });
  url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("serve did not start")), 20_000);
    lines.on("line", (line) => {
      const m = line.match(/^serving (\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
});

test("an edit reloads the open page, a broken edit shows its error, a fix clears it", async (t) => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}articles/${SLUG}/`);
  await assert.doesNotReject(page.waitForSelector("h1"));
  assert.equal(await page.textContent("h1"), "Presidents of Kazakhstan and Azerbaijan made a joint statement");
  // The live-reload connection is open before the edit.
  await page.waitForTimeout(300);

  const file = path.join(dir, "content", `${SLUG}.md`);
  const original = fs.readFileSync(file, "utf8");
  const started = Date.now();
  fs.writeFileSync(file, original.replace("title: Presidents of Kazakhstan and Azerbaijan made a joint statement", "title: The joint statement, edited live"));
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "The joint statement, edited live", null, { timeout: 10_000 });
  const reached = Date.now() - started;
  assert.ok(reached < 5_000, `the edit took ${reached} ms to reach the page`);
  t.diagnostic(`an edit reached the open page in ${reached} ms`);

  fs.writeFileSync(file, original.replace("date: 2023-04-10", "date: 2023-04-31"));
  await page.waitForSelector("#caspian-error", { timeout: 10_000 });
  const overlay = await page.textContent("#caspian-error");
  assert.match(overlay, /content\/presidents-of-kazakhstan-and-azerbaijan-made-a-joint-statement\.md:3:7: malformed date "2023-04-31": April has no day 31/);
  assert.equal(await page.textContent("h1"), "The joint statement, edited live", "the last good version stays on screen");

  fs.writeFileSync(file, original);
  await page.waitForFunction(() => !document.getElementById("caspian-error") && document.querySelector("h1")?.textContent.startsWith("Presidents of Kazakhstan"), null, { timeout: 10_000 });
  assert.deepEqual(errors, []);
  await context.close();
});
