// Valid HTML: the Nu HTML checker (vnu.jar, run with Java) on every HTML
// file the build writes, and on the stylesheet.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { REPO, buildSite, listFiles, removeBuilt } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const VNU = require("vnu-jar"); // the path of vnu.jar
const JAVA = process.env.JAVA || "java";

let dir;
// The fixture site with a chronology page of one line, so that it has
// every kind of chronology page: years split by month, months, numbered
// pages, the undated articles.
let split;
let splitSite;

before(() => {
  dir = buildSite("http://127.0.0.1:8000/caspian/");
  splitSite = fs.mkdtempSync(path.join(os.tmpdir(), "caspian-vnu-site-"));
  fs.cpSync(path.join(REPO, "tests", "fixtures", "site"), splitSite, { recursive: true });
  const toml = path.join(splitSite, "site.toml");
  fs.writeFileSync(toml, fs.readFileSync(toml, "utf8").replace(/^paginate = (\d+)$/m, "paginate = $1\nchronology_paginate = 1"));
  split = buildSite("http://127.0.0.1:8000/fixture/", undefined, splitSite);
});

after(() => {
  for (const d of [dir, split]) if (d) removeBuilt(d);
  if (splitSite) fs.rmSync(splitSite, { recursive: true, force: true });
});

/** Runs vnu.jar on files; returns its messages (errors only). */
function vnu(args, files) {
  const r = spawnSync(JAVA, ["-jar", String(VNU), "--errors-only", "--format", "json", ...args, ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`could not run ${JAVA} (the Nu checker needs Java 11 or later): ${r.error.message}`);
  let report;
  try {
    report = JSON.parse(r.stderr || r.stdout);
  } catch {
    throw new Error(`vnu.jar exited ${r.status} without a JSON report:\n${r.stdout}\n${r.stderr}`);
  }
  return report.messages.filter((m) => m.type === "error" || m.subType === "fatal");
}

function format(messages) {
  return messages
    .map((m) => `  ${path.relative(dir, new URL(m.url).pathname)}:${m.lastLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}: ${m.message}\n    ${(m.extract || "").replace(/\n/g, "⏎")}`)
    .join("\n");
}

test("every built HTML page is valid HTML", () => {
  const files = listFiles(dir, ".html");
  assert.ok(files.length >= 14, `expected the built pages, found ${files.length}`);
  const errors = vnu([], files);
  assert.equal(errors.length, 0, `${errors.length} errors in ${files.length} files:\n${format(errors)}`);
});

test("every page of a chronology split by month is valid HTML", () => {
  const files = listFiles(path.join(split, "chronology"), ".html");
  assert.ok(files.some((f) => /\/\d{4}\/\d\d\/page\/2\/index\.html$/.test(f)), files.join("\n"));
  assert.ok(files.some((f) => f.includes("/undated/")), files.join("\n"));
  const errors = vnu([], files);
  assert.equal(errors.length, 0, `${errors.length} errors in ${files.length} files:\n${format(errors)}`);
});

test("the stylesheet is valid CSS", () => {
  const errors = vnu(["--css"], listFiles(dir, ".css"));
  assert.equal(errors.length, 0, `${errors.length} CSS errors:\n${format(errors)}`);
});
