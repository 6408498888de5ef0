// caspian search: runs in the reader's browser, no server needed, and
// fetches only what a query needs (the files are described in caspian's
// src/render/search.rs): search/index.json at the first keystroke; for each
// word of a query, the one bucket of the index its prefix falls in; for each
// person or place the query names, their file; for the results shown, ten at
// a time, the files of their records. Words are folded exactly as caspian
// folds them when it builds the index (text::fold: case, accents, dotted and
// dotless i, Kazakh letters), and names are matched through every alias:
// "tokayev" finds "Токаев".
(function (exports) {
  "use strict";

  // Folding, the same as text::fold, character for character (the browser
  // tests compare the two over every character).
  var LETTERS = {
    "ə": "e", "ı": "i", "ß": "s", "ø": "o", "æ": "a", "ł": "l", "đ": "d",
    "ё": "е", "й": "и", "қ": "к", "ғ": "г", "ң": "н", "ө": "о", "ұ": "у",
    "ү": "у", "һ": "х", "і": "и", "ї": "и", "ә": "а", "є": "е", "ґ": "г"
  };
  var WORD = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
  var WORD_CHAR = /^[\p{Alphabetic}\p{N}\p{M}]$/u;
  var MARK = /^\p{M}$/u;

  function firstCodePoint(s) {
    return String.fromCodePoint(s.codePointAt(0));
  }

  // One character (a code point) folded: lower case, then the first part of
  // its canonical decomposition that is not a mark, then the letters that
  // differ between spellings of one name mapped together.
  function foldChar(c) {
    if (c === "İ" || c === "I" || c === "ı") return "i";
    if (c.charCodeAt(0) < 0x80) return c.toLowerCase();
    var lower = firstCodePoint(c.toLowerCase());
    var base = lower;
    for (var d of lower.normalize("NFD")) {
      if (!MARK.test(d)) {
        base = d;
        break;
      }
    }
    return Object.prototype.hasOwnProperty.call(LETTERS, base) ? LETTERS[base] : base;
  }

  function fold(text) {
    var out = "";
    for (var c of text) out += foldChar(c);
    return out;
  }

  function isWordChar(c) {
    return WORD_CHAR.test(c);
  }

  exports.fold = fold;
  exports.isWordChar = isWordChar;

  var script = typeof document !== "undefined" ? document.currentScript : null;
  var indexUrl = script && script.getAttribute("data-index");
  // What the page says, in the interface's language (data-strings, from
  // the site's i18n file); counted strings come as forms by plural category.
  var STRINGS = {};
  try { STRINGS = JSON.parse((script && script.getAttribute("data-strings")) || "{}"); } catch (e) { STRINGS = {}; }
  function say(key, fallback) { return typeof STRINGS[key] === "string" ? STRINGS[key] : fallback; }
  function sayCount(key, n, args, fallback) {
    var forms = STRINGS[key], text = fallback;
    if (forms && typeof forms === "object") {
      var category = "other";
      try { category = new Intl.PluralRules(document.documentElement.lang || "en").select(n); } catch (e) { category = n === 1 ? "one" : "other"; }
      text = forms[category] || forms.other || forms.many || forms.one || fallback;
    }
    args = args || {};
    args.n = n;
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in args ? String(args[name]) : all; });
  }
  var input = indexUrl && document.getElementById("q");
  var status = indexUrl && document.getElementById("search-status");
  var list = indexUrl && document.getElementById("search-results");
  if (!indexUrl || !input || !status || !list) return;

  var PAGE = 10;

  // The index's files, each fetched once.
  var files = new Map();
  function load(path) {
    if (!files.has(path)) {
      files.set(path, fetch(indexUrl + path).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + path);
        return r.json();
      }));
    }
    return files.get(path);
  }

  var manifest = null;
  function ready() {
    return load("index.json").then(function (m) {
      if (!manifest) {
        manifest = m;
        manifest.bucketSet = new Set(m.buckets);
        manifest.shortMap = new Map(Object.entries(m.short));
        manifest.yearMap = new Map(Object.entries(m.years));
      }
      return manifest;
    });
  }

  function hex(text) {
    return Array.from(new TextEncoder().encode(text), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  // The bucket a word's prefix falls in: the longest prefix that has one.
  function bucketPrefix(word) {
    var chars = Array.from(word);
    for (var n = chars.length; n >= 2; n--) {
      var prefix = chars.slice(0, n).join("");
      if (manifest.bucketSet.has(prefix)) return prefix;
    }
    return null;
  }

  // A word's bucket (or null), its aliases as a Map.
  function loadBucket(word) {
    var prefix = bucketPrefix(word);
    if (prefix === null) {
      var aliases = Array.from(word).length < 2 ? manifest.shortMap : new Map();
      return Promise.resolve({ prefix: null, aliases: aliases });
    }
    return load("words/" + hex(prefix) + ".json").then(function (b) {
      if (!b.aliases) b.aliases = new Map(Object.entries(b.a));
      b.prefix = prefix;
      return b;
    });
  }

  // Ascending numbers from the gaps between them.
  function ungap(gaps, into) {
    var n = 0;
    for (var i = 0; i < gaps.length; i++) {
      n += gaps[i];
      into[n] = 1;
    }
    return into;
  }

  // The query's terms: alias phrases of up to four words first, then words.
  function terms(words, buckets) {
    var out = [];
    for (var i = 0; i < words.length;) {
      var aliases = buckets[i].aliases;
      var found = false;
      for (var n = Math.min(4, words.length - i); n >= 2; n--) {
        var phrase = words.slice(i, i + n).join(" ");
        if (aliases.has(phrase)) {
          out.push({ word: null, bucket: null, entities: aliases.get(phrase).slice() });
          i += n;
          found = true;
          break;
        }
      }
      if (found) continue;
      var word = words[i];
      var entities = (aliases.get(word) || []).slice();
      if (word.length >= 4) {
        aliases.forEach(function (named, alias) {
          if (alias !== word && alias.indexOf(" ") < 0 && alias.indexOf(word) === 0) {
            named.forEach(function (e) { if (entities.indexOf(e) < 0) entities.push(e); });
          }
        });
      }
      out.push({ word: word, bucket: buckets[i], entities: entities });
      i++;
    }
    return out;
  }

  // The articles a term matches and those whose title has its word, as
  // arrays of 0 and 1 by article number.
  function matches(term, names) {
    var docs = new Uint8Array(manifest.docs);
    var titles = new Uint8Array(manifest.docs);
    term.entities.forEach(function (e) { ungap(names.get(e).d, docs); });
    var word = term.word;
    var b = term.bucket;
    if (word && Array.from(word).length >= 2 && b && b.prefix !== null) {
      if (b.w) {
        Object.keys(b.w).forEach(function (token) {
          if (token.indexOf(word) === 0) {
            ungap(b.w[token], docs);
            if (b.t[token]) ungap(b.t[token], titles);
          }
        });
      } else if (b.prefix === word) {
        ungap(b.d, docs);
        ungap(b.t, titles);
      }
    }
    return { docs: docs, titles: titles };
  }

  // The articles every term matches: most query words in the title first,
  // then newest first (the order of their numbers).
  function rank(ts, names) {
    var sets = ts.map(function (t) { return matches(t, names); });
    var scored = [];
    var best = 0;
    for (var d = 0; d < manifest.docs; d++) {
      var all = true;
      var score = 0;
      for (var k = 0; k < sets.length; k++) {
        if (!sets[k].docs[d]) { all = false; break; }
        if (ts[k].word) score += sets[k].titles[d];
      }
      if (!all) continue;
      scored.push([score, d]);
      if (score > best) best = score;
    }
    var ids = [];
    for (var s = best; s >= 0; s--) {
      scored.forEach(function (p) { if (p[0] === s) ids.push(p[1]); });
    }
    return ids;
  }

  function record(id) {
    var per = manifest.per;
    return load("docs/" + Math.floor(id / per) + ".json").then(function (chunk) {
      return chunk[id % per];
    });
  }

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] != null) el.setAttribute(k, attrs[k]); });
    if (text != null) el.textContent = text;
    return el;
  }

  // Appends text to el with <mark> around each word that a query word starts
  // (as folded) or that is one of the names of the people and places found.
  function appendMarked(el, text, words, names) {
    var chars = Array.from(text);
    var plain = "";
    for (var i = 0; i < chars.length;) {
      if (!isWordChar(chars[i])) { plain += chars[i++]; continue; }
      var j = i;
      while (j < chars.length && isWordChar(chars[j])) j++;
      var word = chars.slice(i, j).join("");
      var f = fold(word);
      if (names.has(f) || words.some(function (w) { return f.indexOf(w) === 0; })) {
        if (plain) el.appendChild(document.createTextNode(plain));
        plain = "";
        el.appendChild(element("mark", {}, word));
      } else {
        plain += word;
      }
      i = j;
    }
    if (plain) el.appendChild(document.createTextNode(plain));
    return el;
  }

  function hit(text, href, name) {
    var li = element("li", { "class": "card entity-hit" });
    var p = element("p", { "class": "card-meta" }, text);
    p.appendChild(element("a", { href: href }, name));
    li.appendChild(p);
    return li;
  }

  function resultItem(d, markWords, nameWords) {
    var li = element("li", { "class": "card" });
    var h = element("h2", { "class": "card-title" });
    h.appendChild(element("a", { href: d.u, lang: d.l }, d.t));
    li.appendChild(h);
    var meta = element("p", { "class": "card-meta" });
    if (d.i) meta.appendChild(element("time", { datetime: d.i }, d.d));
    else meta.appendChild(element("span", {}, say("undated", "Undated")));
    meta.appendChild(document.createTextNode("\u00a0· " + (manifest.languages[d.l] || d.l)));
    li.appendChild(meta);
    if (d.s) li.appendChild(appendMarked(element("p", { "class": "card-summary", lang: d.l }), d.s, markWords, nameWords));
    return li;
  }

  var more = element("button", { type: "button", "class": "search-more", hidden: "" });
  list.insertAdjacentElement("afterend", more);

  // What is shown: the ranked articles and how many are on the page.
  var shown = null;

  // Shows the next page of results, fetching their records.
  function showMore(ticket) {
    var from = shown.count;
    var ids = shown.ids.slice(from, from + PAGE);
    return Promise.all(ids.map(record)).then(function (records) {
      if (ticket !== latest) return;
      records.forEach(function (d) { list.appendChild(resultItem(d, shown.markWords, shown.nameWords)); });
      shown.count = from + ids.length;
      var left = shown.ids.length - shown.count;
      more.hidden = left <= 0;
      more.textContent = sayCount("search_more", Math.min(PAGE, left), { shown: shown.count, total: shown.ids.length }, "Show {n} more ({shown} of {total} shown)");
    });
  }

  more.addEventListener("click", function () {
    if (shown) showMore(latest).catch(failed);
  });

  function show(query, ts, names, ids, ticket) {
    list.textContent = "";
    var markWords = ts.map(function (t) { return t.word; })
      .filter(function (w) { return w && Array.from(w).length >= 2; });
    var nameWords = new Set();
    var seen = [];
    ts.forEach(function (t) {
      t.entities.forEach(function (key) {
        if (seen.indexOf(key) >= 0) return;
        seen.push(key);
        var e = names.get(key);
        e.w.forEach(function (w) { nameWords.add(w); });
        list.appendChild(hit(say("search_names", "Every article that names "), e.u, e.n));
      });
    });
    ts.forEach(function (t) {
      if (t.word && manifest.yearMap.has(t.word)) {
        list.appendChild(hit(say("search_year", "Every article and event of the year in the chronology: "), manifest.yearMap.get(t.word), t.word));
      }
    });
    shown = { ids: ids, count: 0, markWords: markWords, nameWords: nameWords };
    more.hidden = true;
    return showMore(ticket).then(function () {
      if (ticket !== latest) return;
      status.textContent = ids.length === 0
        ? sayCount("search_no_match", 0, { query: query }, "No articles match “{query}”.")
        : sayCount("search_matches", ids.length, { query: query }, ids.length === 1 ? "{n} article matches “{query}”." : "{n} articles match “{query}”.");
    });
  }

  function failed(err) {
    if (window.console) console.error("caspian search:", err);
    status.textContent = say("search_failed", "The search index could not be loaded. Browse by topic or date instead.");
  }

  var latest = 0;
  function search(query) {
    var ticket = ++latest;
    query = query.trim();
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    if (!query) {
      list.textContent = "";
      more.hidden = true;
      status.textContent = "";
      return Promise.resolve();
    }
    if (!manifest) status.textContent = say("search_loading", "Loading the index…");
    var words = fold(query).match(WORD) || [];
    var ts;
    return ready().then(function () {
      return Promise.all(words.map(loadBucket));
    }).then(function (buckets) {
      ts = terms(words, buckets).filter(function (t) {
        return t.entities.length || (t.word && Array.from(t.word).length >= 2);
      });
      var keys = [];
      ts.forEach(function (t) { t.entities.forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
      return Promise.all(keys.map(function (k) { return load(k); })).then(function (files) {
        return new Map(keys.map(function (k, i) { return [k, files[i]]; }));
      });
    }).then(function (names) {
      if (ticket !== latest) return;
      if (ts.length === 0) {
        list.textContent = "";
        more.hidden = true;
        status.textContent = say("search_too_short", "Type at least two letters.");
        return;
      }
      return show(query, ts, names, rank(ts, names), ticket);
    });
  }

  var timer = null;
  input.addEventListener("focus", function () { ready().catch(failed); }, { once: true });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value).catch(failed); }, 150);
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value).catch(failed);
  });
  var initial = new URL(window.location.href).searchParams.get("q") || "";
  if (initial) {
    input.value = initial;
    search(initial).catch(failed);
  }
})(typeof exports === "object" ? exports : {});
