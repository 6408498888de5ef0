// Valid HTML: the Nu HTML checker (vnu.jar, run with Java) on every HTML
// file the build writes, and on the stylesheet.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { buildSite, listFiles, removeBuilt } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const VNU = require("vnu-jar"); // the path of vnu.jar
const JAVA = process.env.JAVA || "java";

let dir;

before(() => {
  dir = buildSite("http://127.0.0.1:8000/caspian/");
});

after(() => {
  if (dir) removeBuilt(dir);
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

test("the stylesheet is valid CSS", () => {
  const errors = vnu(["--css"], listFiles(dir, ".css"));
  assert.equal(errors.length, 0, `${errors.length} CSS errors:\n${format(errors)}`);
});
