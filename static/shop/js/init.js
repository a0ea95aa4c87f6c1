/* Page set-up for the storefront, in a static file so no inline script is needed.
 * Runs Oscar's initialisers for the widgets each page actually has. */
(function ($) {
    "use strict";
    document.documentElement.classList.replace("no-js", "js");
    $(function () {
        oscar.init();
        if (document.getElementById("id_sort_by")) {
            oscar.search.initSortWidget();
            $(".sort-form__submit").addClass("sr-only");
        }
        if (document.getElementById("basket_formset")) {
            oscar.basket.init({ basketURL: window.location.pathname });
        }
        if (document.querySelector("form input[name=options]")) {
            oscar.checkout.gateway.init();
        }
        if (document.querySelector(".clipboard-item")) {
            oscar.customer.wishlists.init();
        }
        if (document.querySelector('a[data-behaviours~="archive"]')) {
            oscar.notifications.init();
        }
    });
})(jQuery);
