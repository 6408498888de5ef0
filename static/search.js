// caspian search: runs in the reader's browser, no server needed.
// It loads search/docs.json once, then only the shards of the index that a
// query's words need. Words are folded exactly as caspian folds them when it
// builds the index (case, accents, dotted and dotless i, Kazakh letters), and
// names are matched through every alias: "tokayev" finds "Токаев".
(function () {
  "use strict";

  var script = document.currentScript;
  var indexUrl = script && script.getAttribute("data-index");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!indexUrl || !input || !status || !list) return;

  var LETTERS = {
    "ə": "e", "ı": "i", "ß": "s", "ø": "o", "æ": "a", "ł": "l", "đ": "d",
    "ё": "е", "й": "и", "қ": "к", "ғ": "г", "ң": "н", "ө": "о", "ұ": "у",
    "ү": "у", "һ": "х", "і": "и", "ї": "и", "ә": "а", "є": "е", "ґ": "г"
  };
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
  var MARK = /\p{M}/u;

  function foldChar(c) {
    if (c === "İ" || c === "I" || c === "ı") return "i";
    var lower = c.toLowerCase();
    var base = lower.normalize("NFD").charAt(0);
    if (!base || MARK.test(base)) base = lower.charAt(0);
    return LETTERS[base] || base;
  }

  function fold(text) {
    var out = "";
    for (var c of text) out += foldChar(c);
    return out;
  }

  function shardKey(token) {
    var two = Array.from(token).slice(0, 2).join("");
    var bytes = new TextEncoder().encode(two);
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  var docs = null;
  var shardCache = new Map();

  function load(path) {
    return fetch(indexUrl + path).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + path);
      return r.json();
    });
  }

  function loadShard(key) {
    if (!docs.shardSet.has(key)) return Promise.resolve({});
    if (!shardCache.has(key)) shardCache.set(key, load("shards/" + key + ".json"));
    return shardCache.get(key);
  }

  // The query's terms: alias phrases of up to four words first, then words.
  function terms(query) {
    var words = fold(query).match(WORD) || [];
    var out = [];
    for (var i = 0; i < words.length;) {
      var found = false;
      for (var n = Math.min(4, words.length - i); n >= 2; n--) {
        var phrase = words.slice(i, i + n).join(" ");
        if (docs.aliases[phrase]) {
          out.push({ word: null, entities: docs.aliases[phrase] });
          i += n;
          found = true;
          break;
        }
      }
      if (found) continue;
      var word = words[i++];
      var entities = (docs.aliases[word] || []).slice();
      if (word.length >= 4) {
        docs.aliasWords.forEach(function (alias) {
          if (alias !== word && alias.indexOf(word) === 0) {
            docs.aliases[alias].forEach(function (e) { if (entities.indexOf(e) < 0) entities.push(e); });
          }
        });
      }
      out.push({ word: word, entities: entities });
    }
    return out;
  }

  function matches(term) {
    var found = new Set();
    term.entities.forEach(function (key) {
      (docs.entities[key] ? docs.entities[key].d : []).forEach(function (d) { found.add(d); });
    });
    if (!term.word || Array.from(term.word).length < 2) return Promise.resolve(found);
    return loadShard(shardKey(term.word)).then(function (shard) {
      Object.keys(shard).forEach(function (token) {
        if (token.indexOf(term.word) === 0) shard[token].forEach(function (d) { found.add(d); });
      });
      return found;
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
      if (!WORD_CHAR.test(chars[i])) { plain += chars[i++]; continue; }
      var j = i;
      while (j < chars.length && WORD_CHAR.test(chars[j])) j++;
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

  function show(query, ids, ts) {
    list.textContent = "";
    var folded = ts.map(function (t) { return t.word; }).filter(Boolean);
    ids.sort(function (a, b) {
      var ta = fold(docs.docs[a].t), tb = fold(docs.docs[b].t);
      var sa = folded.filter(function (w) { return ta.indexOf(w) >= 0; }).length;
      var sb = folded.filter(function (w) { return tb.indexOf(w) >= 0; }).length;
      if (sa !== sb) return sb - sa;
      var da = docs.docs[a].i || "", db = docs.docs[b].i || "";
      if (da !== db) return da < db ? 1 : -1;
      return a - b;
    });
    var names = [];
    ts.forEach(function (t) {
      t.entities.forEach(function (key) {
        var e = docs.entities[key];
        if (e && names.indexOf(e) < 0) names.push(e);
      });
    });
    var keys = [];
    ts.forEach(function (t) { t.entities.forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
    var nameWords = new Set(docs.aliasWords.filter(function (a) {
      return docs.aliases[a].some(function (k) { return keys.indexOf(k) >= 0; });
    }));
    var markWords = folded.filter(function (w) { return Array.from(w).length >= 2; });
    names.forEach(function (e) {
      var li = element("li", { "class": "card entity-hit" });
      var p = element("p", { "class": "card-meta" }, "Every article that names ");
      p.appendChild(element("a", { href: e.u }, e.n));
      li.appendChild(p);
      list.appendChild(li);
    });
    ids.forEach(function (id) {
      var d = docs.docs[id];
      var li = element("li", { "class": "card" });
      var h = element("h2", { "class": "card-title" });
      h.appendChild(element("a", { href: d.u, lang: d.l }, d.t));
      li.appendChild(h);
      var meta = element("p", { "class": "card-meta" });
      if (d.i) meta.appendChild(element("time", { datetime: d.i }, d.d));
      else meta.appendChild(element("span", {}, "Undated"));
      meta.appendChild(document.createTextNode("\u00a0· " + (docs.languages[d.l] || d.l)));
      li.appendChild(meta);
      if (d.s) li.appendChild(appendMarked(element("p", { "class": "card-summary", lang: d.l }), d.s, markWords, nameWords));
      list.appendChild(li);
    });
    status.textContent = ids.length === 0
      ? "No articles match “" + query + "”."
      : ids.length + (ids.length === 1 ? " article matches" : " articles match") + " “" + query + "”.";
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
      status.textContent = "";
      return Promise.resolve();
    }
    var ts = terms(query).filter(function (t) { return t.entities.length || (t.word && Array.from(t.word).length >= 2); });
    if (ts.length === 0) {
      list.textContent = "";
      status.textContent = "Type at least two letters.";
      return Promise.resolve();
    }
    return Promise.all(ts.map(matches)).then(function (sets) {
      if (ticket !== latest) return;
      var ids = Array.from(sets[0]).filter(function (d) {
        return sets.every(function (s) { return s.has(d); });
      });
      show(query, ids, ts);
    });
  }

  status.textContent = "Loading the index…";
  load("docs.json").then(function (index) {
    docs = index;
    docs.shardSet = new Set(index.shards);
    docs.aliasWords = Object.keys(index.aliases).filter(function (a) { return a.indexOf(" ") < 0; });
    status.textContent = "";
    var initial = new URL(window.location.href).searchParams.get("q") || "";
    input.value = initial;
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 150);
    });
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      search(input.value);
    });
    return search(initial);
  }).catch(function (err) {
    if (window.console) console.error("caspian search:", err);
    status.textContent = "The search index could not be loaded. Browse by topic or date instead.";
  });
})();
