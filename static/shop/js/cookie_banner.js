/* The cookie banner without a page reload: the same form the no-JavaScript visitor
 * submits, sent in the background, then a confirmation with a Hide button
 * (the pattern GOV.UK uses). Without JavaScript the form posts and redirects back. */
(function () {
    "use strict";
    var banner = document.querySelector("[data-cookie-banner]");
    if (!banner || !window.fetch) { return; }
    var form = banner.querySelector("form");
    form.addEventListener("submit", function (event) {
        var button = event.submitter;
        if (!button) { return; }
        event.preventDefault();
        var data = new FormData(form);
        data.append("choice", button.value);
        fetch(form.action, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "Accept": "application/json" }
        }).then(function (response) {
            if (!response.ok) { throw new Error(response.status); }
            return response.json();
        }).then(function (answer) {
            var container = banner.querySelector(".container");
            Array.prototype.forEach.call(container.querySelectorAll("p, form"), function (node) {
                node.remove();
            });
            var message = document.createElement("p");
            message.className = "small mb-2";
            message.setAttribute("role", "status");
            message.textContent = answer.message;
            var hide = document.createElement("button");
            hide.type = "button";
            hide.className = "btn btn-outline-primary btn-sm";
            hide.textContent = "Hide this message";
            hide.addEventListener("click", function () { banner.remove(); });
            container.appendChild(message);
            container.appendChild(hide);
            hide.focus();
        }).catch(function () { form.submit(); });
    });
})();
