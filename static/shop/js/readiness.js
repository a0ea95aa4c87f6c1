/* "Ready to publish?" as the writer types: posts the editor's fields (not its files) to
   the readiness endpoint, debounced, and lists the checks. Text is set with textContent,
   so nothing typed becomes markup. Without JavaScript the list is that of the last save. */
(function () {
  "use strict";

  function setUp() {
    var panel = document.querySelector("[data-readiness]");
    var form = panel && panel.closest("form");
    if (!form) { return; }
    var list = panel.querySelector(".readiness-checks");
    var summary = panel.querySelector(".readiness-summary");
    var timer = null;

    function show(data) {
      list.textContent = "";
      data.checks.forEach(function (item) {
        var row = document.createElement("li");
        row.className = item.ok ? "readiness-ok" : "readiness-todo";
        var mark = document.createElement("span");
        mark.setAttribute("aria-hidden", "true");
        mark.textContent = item.ok ? "✓ " : "✗ ";
        var label = document.createElement("strong");
        label.textContent = item.label;
        row.appendChild(mark);
        row.appendChild(label);
        row.appendChild(document.createTextNode((item.ok ? "" : ": needs attention") + ". " + item.detail));
        list.appendChild(row);
      });
      summary.textContent = data.ready ? "Everything checks out." : "Some things to look at before publishing.";
    }

    function run() {
      var data = new FormData(form);
      var hero = form.querySelector("input[type=file][name=hero_image]");
      Array.from(data.keys()).forEach(function (key) {
        if (data.get(key) instanceof File) { data.delete(key); }
      });
      if (hero && hero.files.length) { data.append("hero_chosen", "1"); }
      data.append("article", panel.dataset.article || "");
      fetch(panel.dataset.url, { method: "POST", credentials: "same-origin", body: data })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(); })
        .then(show)
        .catch(function () { summary.textContent = "The checks are run again when you save."; });
    }

    function soon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 800);
    }
    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
    window.setInterval(soon, 6000);  // rich-text boxes update their field without an event
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}());
