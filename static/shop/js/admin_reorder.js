/* Drag (or Move up / Move down) to reorder an article's takeaways, sections,
   references, FAQ questions and related products in the admin; every row's hidden position box is
   renumbered in the order the rows stand, so the server saves that order
   (blog/ordering.py). Without JavaScript rows keep the order they were added in. */
(function () {
  "use strict";
  var GROUPS = [
    "#takeaways-group", "#sections-group", "#references-group", "#faq_links-group",
    "#product_links-group", "#blocks-group"
  ];

  function rowsOf(group) {
    return Array.prototype.filter.call(
      group.querySelectorAll(".inline-related, tr.form-row"),
      function (row) {
        return !row.classList.contains("empty-form") && row.querySelector("[data-position]");
      }
    );
  }

  function renumber(group) {
    rowsOf(group).forEach(function (row, index) {
      row.querySelector("[data-position]").value = index + 1;
    });
  }

  function move(group, row, step) {
    var rows = rowsOf(group);
    var index = rows.indexOf(row);
    var target = rows[index + step];
    if (!target) { return; }
    if (step < 0) { target.parentNode.insertBefore(row, target); }
    else { target.parentNode.insertBefore(row, target.nextSibling); }
    renumber(group);
    row.querySelector(".reorder-controls button[data-step='" + step + "']").focus();
  }

  function button(label, step) {
    var control = document.createElement("button");
    control.type = "button";
    control.className = "button reorder-move";
    control.dataset.step = String(step);
    control.textContent = label;
    return control;
  }

  function decorate(group, row) {
    if (row.querySelector(".reorder-controls")) { return; }
    var controls = document.createElement("span");
    controls.className = "reorder-controls";
    var handle = document.createElement("span");
    handle.className = "reorder-handle";
    handle.textContent = "⠿";
    handle.title = "Drag to reorder";
    handle.setAttribute("aria-hidden", "true");
    controls.appendChild(handle);
    controls.appendChild(button("Move up", -1));
    controls.appendChild(button("Move down", 1));
    controls.addEventListener("click", function (event) {
      var step = event.target.dataset && event.target.dataset.step;
      if (step) { move(group, row, Number(step)); }
    });
    var place = row.querySelector("h3") || row.querySelector("td.original") || row.firstElementChild;
    place.appendChild(controls);
    row.draggable = true;
    row.addEventListener("dragstart", function (event) {
      group.dataset.dragging = "";
      row.classList.add("reorder-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", "");
    });
    row.addEventListener("dragend", function () {
      row.classList.remove("reorder-dragging");
      delete group.dataset.dragging;
      renumber(group);
    });
    row.addEventListener("dragover", function (event) {
      var dragging = group.querySelector(".reorder-dragging");
      if (!dragging || dragging === row) { return; }
      event.preventDefault();
      var box = row.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      row.parentNode.insertBefore(dragging, after ? row.nextSibling : row);
    });
  }

  function setUp() {
    GROUPS.forEach(function (selector) {
      var group = document.querySelector(selector);
      if (!group) { return; }
      rowsOf(group).forEach(function (row) { decorate(group, row); });
      renumber(group);
      var form = group.closest("form");
      if (form) { form.addEventListener("submit", function () { renumber(group); }); }
    });
  }

  document.addEventListener("formset:added", function (event) {
    var group = event.target.closest(GROUPS.join(","));
    if (group) { decorate(group, event.target); renumber(group); }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}());
