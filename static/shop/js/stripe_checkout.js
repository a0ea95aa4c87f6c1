/* Pay with Stripe's Payment Element on the review page (templates/oscar/checkout/preview.html).
 *
 * "Place order" posts the review form to our server first, asking for JSON: the
 * server checks what was reviewed, writes the order as Pending payment and sets
 * the payment intent's amount itself. Only then is the payment confirmed with
 * Stripe, which sends the shopper (after 3-D Secure if the bank asks) to our
 * return page; that page, not this script, decides whether the order is paid.
 * A payment that fails at once goes to the return page too, which says why and
 * gives the basket back.
 */
(function () {
    "use strict";
    var form = document.getElementById("place_order_form");
    if (!form || !form.dataset.stripeKey) {
        return;
    }
    var button = document.getElementById("place-order");
    var message = document.getElementById("payment-message");
    var label = button.innerHTML;

    function showError(text) {
        message.textContent = text;
        message.classList.remove("d-none");
        // Undo Oscar's "loading" state (static/oscar/js/oscar/ui.js) so they can try again.
        button.innerHTML = label;
        button.classList.remove("disabled");
        button.disabled = false;
    }

    if (typeof window.Stripe !== "function") {
        showError("Card payments could not load. Please check your connection and reload the page.");
        button.disabled = true;
        return;
    }
    var stripe = window.Stripe(form.dataset.stripeKey);
    var elements = stripe.elements({
        mode: "payment",
        amount: parseInt(form.dataset.amount, 10),
        currency: form.dataset.currency,
        paymentMethodTypes: ["card"]
    });
    elements.create("payment", {layout: "tabs"}).mount("#payment-element");

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        button.disabled = true;
        message.classList.add("d-none");
        elements.submit().then(function (checked) {
            if (checked.error) {
                showError(checked.error.message);
                return null;
            }
            return fetch(form.action, {
                method: "POST",
                body: new FormData(form),
                headers: {"Accept": "application/json"},
                credentials: "same-origin"
            }).then(function (response) {
                return response.json();
            });
        }).then(function (answer) {
            if (!answer) {
                return;
            }
            if (answer.redirect) {
                window.location.assign(answer.redirect);
                return;
            }
            return stripe.confirmPayment({
                elements: elements,
                clientSecret: answer.client_secret,
                confirmParams: {return_url: answer.return_url}
            }).then(function () {
                // Reached only when the payment failed at once: the return page says why.
                window.location.assign(answer.return_url);
            });
        }).catch(function () {
            showError("We couldn't reach the shop, so nothing was charged. Please try again.");
        });
    });
}());
