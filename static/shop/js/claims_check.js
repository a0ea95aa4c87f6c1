/* The claims check as the writer types: posts the edited text to the live-check
   endpoint (debounced) and lists the flags. Flags are built with textContent, so
   nothing the writer typed becomes markup. Without JavaScript the panel shows the
   flags of the text as last saved. */
(function () {
  "use strict";
  var panel = document.querySelector("[data-claims-check]");
  if (!panel) { return; }
  var form = panel.closest("form") || document.querySelector("form");
  if (!form) { return; }
  var list = panel.querySelector(".claims-flags");
  var status = panel.querySelector(".claims-status");
  var timer = null;
  var last = "";

  function labelOf(input) {
    var label = input.id && form.querySelector('label[for="' + input.id + '"]');
    var name = label ? label.textContent.replace(/:$/, "").trim() : input.name;
    var row = input.name.match(/-(\d+)-/);
    return row ? name + " " + (Number(row[1]) + 1) : name;
  }

  function parts() {
    // TinyMCE (the dashboard's description editor) writes back to its textarea on demand.
    if (window.tinymce && window.tinymce.triggerSave) { window.tinymce.triggerSave(); }
    return Array.prototype.filter.call(
      form.querySelectorAll(panel.dataset.fields),
      function (input) { return input.name && !/__prefix__/.test(input.name) && input.value; }
    ).map(function (input) { return [labelOf(input), input.value]; });
  }

  function show(flags) {
    list.textContent = "";
    flags.forEach(function (flag) {
      var item = document.createElement("li");
      item.className = "claims-flag claims-" + flag.kind;
      var found = document.createElement("strong");
      found.textContent = "“" + flag.found + "”";
      item.appendChild(found);
      item.appendChild(document.createTextNode(" in " + flag.where));
      if (flag.needs_sign_off) {
        var mark = document.createElement("em");
        mark.textContent = " (needs sign-off)";
        item.appendChild(mark);
      }
      item.appendChild(document.createTextNode(": " + flag.message));
      item.appendChild(document.createElement("br"));
      var excerpt = document.createElement("small");
      excerpt.textContent = flag.excerpt;
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    status.textContent = flags.length ? flags.length + " to look at." : "Nothing flagged.";
  }

  function run() {
    var body = JSON.stringify({ parts: parts() });
    if (body === last) { return; }
    last = body;
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    fetch(panel.dataset.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.value : "" },
      body: body
    }).then(function (response) {
      return response.ok ? response.json() : Promise.reject(response.status);
    }).then(function (data) { show(data.flags); })
      .catch(function () { status.textContent = "The live check is unavailable; the flags are checked again on save."; });
  }

  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 700);
  }

  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  // Rich-text editors update their hidden field without an input event on the form.
  window.setInterval(run, 5000);
}());
