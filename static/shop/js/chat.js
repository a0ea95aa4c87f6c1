/* Live chat in the browser: the widget panel, focus, and keeping the message list tidy.
 *
 * Everything here is an enhancement: without it the launcher is a link to the
 * chat page and every form posts normally. htmx does the requests; this file
 * opens and closes the panel (restoring focus), remembers that it was open
 * across pages, resets the box after a message is sent, wakes the poll when
 * the tab comes back, and drops a message the list already shows. */
(function () {
    "use strict";
    var OPEN_KEY = "kepos-chat-open";

    function focusFirstField(container) {
        var field = container.querySelector("[aria-invalid=true]") ||
            container.querySelector("#chat-message-input") ||
            container.querySelector("input:not([type=hidden]), textarea");
        if (field) { field.focus(); }
    }

    function scrollToLatest() {
        var list = document.getElementById("chat-messages");
        if (list) { list.scrollTop = list.scrollHeight; }
    }

    function dedupe() {
        var seen = {};
        document.querySelectorAll("#chat-messages > li[id]").forEach(function (item) {
            if (seen[item.id]) { item.remove(); } else { seen[item.id] = true; }
        });
    }

    function loadHtmx(src) {
        // Most visitors never open the chat, so htmx is fetched on the first open.
        if (window.htmx) { return Promise.resolve(window.htmx); }
        return new Promise(function (resolve, reject) {
            var script = document.createElement("script");
            script.src = src;
            script.onload = function () { resolve(window.htmx); };
            script.onerror = reject;
            document.head.appendChild(script);
        });
    }

    function setUpWidget() {
        var widget = document.querySelector("[data-chat-widget]");
        var launcher = document.querySelector("[data-chat-open]");
        var panel = document.getElementById("chat-panel");
        if (!widget || !launcher || !panel || !("Promise" in window)) { return; }
        var body = document.getElementById("chat-panel-body");
        var loaded = false;

        launcher.setAttribute("role", "button");

        function open(focus) {
            panel.hidden = false;
            launcher.hidden = true;  // the panel's own Close button takes over
            launcher.setAttribute("aria-expanded", "true");
            window.sessionStorage.setItem(OPEN_KEY, "1");
            if (loaded) {
                if (focus) { focusFirstField(body); }
                return;
            }
            loaded = true;
            loadHtmx(widget.getAttribute("data-htmx-src"))
                .then(function (htmx) {
                    return htmx.ajax("GET", body.getAttribute("data-src"), { target: body, swap: "innerHTML" });
                })
                .then(function () {
                    scrollToLatest();
                    if (focus) { focusFirstField(body); }
                }, function () {
                    loaded = false;  // a failed load may be tried again; the link still works
                    window.location.href = launcher.href;
                });
        }

        function close() {
            panel.hidden = true;
            launcher.hidden = false;
            launcher.setAttribute("aria-expanded", "false");
            window.sessionStorage.removeItem(OPEN_KEY);
            launcher.focus();
        }

        launcher.addEventListener("click", function (event) {
            event.preventDefault();
            if (panel.hidden) { open(true); } else { close(); }
        });
        panel.querySelector("[data-chat-close]").addEventListener("click", close);
        panel.addEventListener("keydown", function (event) {
            if (event.key === "Escape") { close(); }
        });
        if (window.sessionStorage.getItem(OPEN_KEY) === "1") {
            open(false);  // carry an open chat across pages without stealing focus
        }
    }

    document.addEventListener("htmx:afterSwap", function (event) {
        if (event.detail.target && event.detail.target.id === "chat-panel-body") {
            focusFirstField(event.detail.target);
            scrollToLatest();
        }
    });
    document.addEventListener("htmx:oobAfterSwap", function () {
        dedupe();
        scrollToLatest();
    });
    document.body.addEventListener("chat:sent", function () {
        var form = document.getElementById("chat-send");
        if (!form) { return; }
        form.reset();
        document.getElementById("chat-send-error").textContent = "";
        document.getElementById("chat-suggestions").textContent = "";
        document.getElementById("chat-message-input").focus();
    });
    document.addEventListener("keydown", function (event) {
        // Enter sends, Shift+Enter starts a new line.
        var box = event.target;
        if (box.id === "chat-message-input" && event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            if (box.value.trim()) { box.form.requestSubmit(); }
        }
    });
    document.addEventListener("change", function (event) {
        // Staff: a canned reply fills the reply box, to edit before sending.
        var select = event.target;
        if (select.matches("[data-canned-replies]") && select.value) {
            var option = select.options[select.selectedIndex];
            var box = document.getElementById(select.getAttribute("data-canned-replies"));
            box.value = option.getAttribute("data-body");
            box.focus();
        }
    });
    // The poll asks only while the tab is visible; the tab coming back wakes it.
    document.addEventListener("htmx:confirm", function (event) {
        if (event.target.id === "chat-poll" && document.visibilityState !== "visible") {
            event.preventDefault();
        }
    });

    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible" && document.getElementById("chat-poll")) {
            document.body.dispatchEvent(new CustomEvent("chat:wake"));
        }
    });
    setUpWidget();
})();
