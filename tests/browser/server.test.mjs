// The tests' own static server: it maps /caspian/<path> to the built site,
// answers a missing page with 404 and the site's 404.html, and never serves
// anything outside the site folder.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { startSite } from "./helpers.mjs";

let site;

before(async () => {
  site = await startSite();
  fs.symlinkSync("/etc", path.join(site.dir, "escape"));
});

after(async () => {
  await site?.close();
});

/** A raw GET, so that ".." reaches the server as written. */
function get(rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: site.port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("pages, directories and assets are served", async () => {
  const home = await get("/caspian/");
  assert.equal(home.status, 200);
  assert.match(home.headers["content-type"], /text\/html/);
  assert.match(home.body, /<!DOCTYPE html>/i);
  const css = await get("/caspian/assets/style.css");
  assert.equal(css.status, 200);
  assert.match(css.headers["content-type"], /text\/css/);
  const topics = await get("/caspian/topics");
  assert.equal(topics.status, 301);
  assert.equal(topics.headers.location, "/caspian/topics/");
  const docs = await get("/caspian/search/index.json");
  assert.equal(docs.status, 200);
  assert.match(docs.headers["content-type"], /application\/json/);
});

test("a missing page is a 404 with the site's 404.html", async () => {
  const r = await get("/caspian/no/such/page/");
  assert.equal(r.status, 404);
  assert.equal(r.body, fs.readFileSync(path.join(site.dir, "404.html"), "utf8"));
});

test("nothing outside the site folder is served", async () => {
  for (const p of [
    "/caspian/../package.json",
    "/caspian/%2e%2e/%2e%2e/etc/passwd",
    "/caspian/..%2f..%2f..%2fetc%2fpasswd",
    "/caspian/assets/..%5c..%5c404.html",
    "/caspian/escape/passwd",
    "/caspian/%00",
    "/etc/passwd",
    "/index.html",
    "/",
  ]) {
    const r = await get(p);
    assert.equal(r.status, 404, `${p} → ${r.status}`);
    assert.doesNotMatch(r.body, /root:/, p);
  }
});
