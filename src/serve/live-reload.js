/* caspian serve: live reload. Put into every HTML page `serve` sends (never
   into `build` output): reloads the page after a rebuild, and shows what is
   wrong over the page while the site does not build. */
(function () {
  var box = null;

  function show(text) {
    if (!box) {
      box = document.createElement("div");
      box.id = "caspian-error";
      box.setAttribute("role", "alert");
      box.style.cssText =
        "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
        "z-index:2147483647;background:#7f1d1d;color:#fff;" +
        "font:14px/1.45 ui-monospace,monospace;padding:1rem 1.25rem;" +
        "white-space:pre-wrap;box-shadow:0 -4px 16px rgba(0,0,0,.4)";
      document.body.appendChild(box);
    }
    box.textContent =
      "caspian: the site does not build; the last good version is shown.\n\n" + text;
  }

  function hide() {
    if (box) {
      box.remove();
      box = null;
    }
  }

  // A page opened while the site is broken says so at once.
  fetch("/__caspian/status")
    .then(function (r) { return r.json(); })
    .then(function (s) { if (s.error) show(s.error); })
    .catch(function () {});

  var events = new EventSource("/__caspian/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("error", function (e) { if (e.data) show(e.data); });
  events.addEventListener("fixed", function () { hide(); location.reload(); });
})();
