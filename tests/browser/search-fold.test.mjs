// static/search.js folds a reader's query in the browser the way caspian
// folded the articles when it built the index (text::fold), and cuts it into
// words the same way (text::is_word_char): over every character, in
// Chromium, against the table tests/fold_table.rs keeps of the Rust side.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { REPO, launchBrowser } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function table() {
  const text = zlib.gunzipSync(fs.readFileSync(path.join(REPO, "tests", "fixtures", "fold-table.txt.gz"))).toString("utf8");
  const folds = [];
  const words = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const parts = line.split(" ");
    if (parts[0] === "w") words.push([parseInt(parts[1], 16), parseInt(parts[2], 16)]);
    else folds.push([parseInt(parts[0], 16), parseInt(parts[1], 16)]);
  }
  return { folds, words };
}

test("search.js folds and cuts words as caspian does, character for character", async () => {
  const { folds, words } = table();
  assert.ok(folds.length > 1000 && words.length > 100, "the table is whole");
  const source = fs.readFileSync(path.join(REPO, "static", "search.js"), "utf8");
  const page = await browser.newPage();
  const mismatches = await page.evaluate(
    ({ source, folds, words }) => {
      const exports = {};
      new Function("exports", "document", source)(exports, undefined);
      const folded = new Map(folds);
      const wordRanges = words;
      const unassigned = /^\p{Cn}$/u;
      let range = 0;
      const out = [];
      for (let u = 0; u <= 0x10ffff; u++) {
        if (u >= 0xd800 && u <= 0xdfff) continue;
        const c = String.fromCodePoint(u);
        // A character newer than the browser's Unicode: it knows no case,
        // decomposition or class of it, and no reader types it in it.
        if (unassigned.test(c)) continue;
        const want = String.fromCodePoint(folded.get(u) ?? u);
        const got = exports.fold(c);
        if (got !== want) out.push(`U+${u.toString(16)} ${c}: fold gives ${[...got].map((x) => "U+" + x.codePointAt(0).toString(16)).join(" ")}, caspian ${want} (U+${want.codePointAt(0).toString(16)})`);
        while (range < wordRanges.length && wordRanges[range][1] < u) range++;
        const isWord = range < wordRanges.length && wordRanges[range][0] <= u;
        if (exports.isWordChar(c) !== isWord) out.push(`U+${u.toString(16)} ${c}: a word character for ${isWord ? "caspian, not search.js" : "search.js, not caspian"}`);
        if (out.length > 40) break;
      }
      return out;
    },
    { source, folds, words },
  );
  await page.close();
  assert.deepEqual(mismatches, [], mismatches.join("\n"));
});
