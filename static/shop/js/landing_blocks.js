/* The landing page editor shows each block's fields for its kind only: a hero asks for
   an image and a button, a product grid for products, a comparison for its rows. The
   fields per kind come from Block.FIELDS_BY_KIND (shop/landing/models.py), printed as
   JSON in the page. Without JavaScript every field shows, and the server still checks. */
(function () {
  "use strict";
  var TOGGLED = [
    "heading", "body", "items", "image", "image_alt", "button_label", "button_link",
    "products", "articles", "faq_entries"
  ];

  function fieldsByKind() {
    var data = document.getElementById("landing-block-fields");
    return data ? JSON.parse(data.textContent) : null;
  }

  function apply(row, byKind) {
    var kind = row.querySelector("select[name$='-kind']");
    if (!kind) { return; }
    var shown = byKind[kind.value] || TOGGLED;  // no kind chosen yet: show everything
    TOGGLED.forEach(function (name) {
      var field = row.querySelector(".form-row.field-" + name);
      if (field) { field.hidden = shown.indexOf(name) === -1; }
    });
  }

  function init() {
    var byKind = fieldsByKind();
    var group = document.getElementById("blocks-group");
    if (!byKind || !group) { return; }
    group.querySelectorAll(".inline-related:not(.empty-form)").forEach(function (row) {
      apply(row, byKind);
    });
    group.addEventListener("change", function (event) {
      if (event.target.matches("select[name$='-kind']")) {
        apply(event.target.closest(".inline-related"), byKind);
      }
    });
    document.addEventListener("formset:added", function (event) {
      if (event.target.closest && event.target.closest("#blocks-group")) {
        apply(event.target, byKind);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
