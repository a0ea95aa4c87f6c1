/* The FAQ page: filter as you type, and open the answer a link points at.
 *
 * Works on the page the server rendered for ?q=, toggling the same "hidden"
 * attributes, so the page behaves the same with JavaScript off (the form
 * submits and the server filters). Matching ignores case and accents, like
 * the server's: "kepos" finds "kēpos". */
(function () {
    "use strict";
    var page = document.querySelector("[data-faq]");
    if (!page) {
        return;
    }
    var form = page.querySelector("[data-faq-filter]");
    var input = form.querySelector("input[name=q]");
    var count = page.querySelector("[data-faq-count]");
    var none = page.querySelector("[data-faq-none]");
    var total = Number(count.getAttribute("data-total"));
    var timer = null;

    function normalise(text) {
        return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }

    function filter() {
        var words = normalise(input.value).split(/\s+/).filter(Boolean);
        var matching = 0;
        page.querySelectorAll("[data-faq-category]").forEach(function (category) {
            var any = false;
            category.querySelectorAll("[data-faq-entry]").forEach(function (entry) {
                var text = normalise(entry.textContent);
                var match = words.every(function (word) { return text.indexOf(word) !== -1; });
                entry.hidden = !match;
                if (match) { any = true; matching += 1; }
            });
            category.hidden = !any;
        });
        var query = input.value.trim();
        count.textContent = query
            ? matching + " of " + total + " question" + (total === 1 ? "" : "s") + " match \u201c" + query + "\u201d."
            : total + " question" + (total === 1 ? "" : "s") + ".";
        none.hidden = !(query && matching === 0);
        var url = new URL(window.location.href);
        if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
        window.history.replaceState(null, "", url);
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(filter, 150);  // announce once typing pauses
    });
    form.addEventListener("submit", function (event) {
        event.preventDefault();
        filter();
    });

    function openTarget() {
        var id = decodeURIComponent(window.location.hash.slice(1));
        var target = id && document.getElementById(id);
        var details = target && target.closest("details");
        if (!details) {
            return;
        }
        details.hidden = false;
        details.closest("[data-faq-category]").hidden = false;
        details.open = true;
        details.querySelector("summary").focus();
        details.scrollIntoView({ block: "start" });
    }
    window.addEventListener("hashchange", openTarget);
    // After load: the browser's own scroll to the fragment would otherwise undo the focus.
    if (document.readyState === "complete") {
        openTarget();
    } else {
        window.addEventListener("load", function () { window.setTimeout(openTarget, 0); });
    }
})();
