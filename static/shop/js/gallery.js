/* The product gallery and the sticky add-to-basket bar (templates/oscar/catalogue/partials/
 * gallery.html, detail.html). Without this file the pictures still swipe, thumbnails
 * jump to their picture, a picture opens its large copy, and the bar stays on phones. */
(function () {
    "use strict";

    function setUpGallery(gallery) {
        var slides = gallery.querySelector(".gallery__slides");
        var thumbs = Array.prototype.slice.call(gallery.querySelectorAll("[data-gallery-thumb]"));

        function markCurrent(index) {
            thumbs.forEach(function (thumb, i) {
                thumb.classList.toggle("is-current", i === index);
                if (i === index) { thumb.setAttribute("aria-current", "true"); } else { thumb.removeAttribute("aria-current"); }
            });
        }

        thumbs.forEach(function (thumb, index) {
            thumb.addEventListener("click", function (event) {
                event.preventDefault();  // scroll the row, not the page
                var slide = slides.children[index];
                slides.scrollTo({ left: slide.offsetLeft - slides.offsetLeft, behavior: "smooth" });
                markCurrent(index);
            });
        });
        slides.addEventListener("scroll", function () {
            var index = Math.round(slides.scrollLeft / Math.max(slides.clientWidth, 1));
            markCurrent(Math.min(index, thumbs.length - 1));
        }, { passive: true });

        gallery.querySelectorAll("[data-zoom]").forEach(function (link) {
            link.addEventListener("click", function (event) {
                if (typeof HTMLDialogElement !== "function") { return; }  // the link opens the picture
                event.preventDefault();
                openZoom(link);
            });
        });
    }

    function openZoom(link) {
        var picture = link.querySelector("img");
        var dialog = document.createElement("dialog");
        dialog.className = "zoom";
        dialog.setAttribute("aria-label", "Zoomed picture: " + picture.alt);
        var close = document.createElement("button");
        close.type = "button";
        close.className = "zoom__close btn btn-primary";
        close.textContent = "Close";
        var frame = document.createElement("div");
        frame.className = "zoom__frame";
        frame.tabIndex = 0;  // a keyboard can scroll a picture larger than the screen
        var large = document.createElement("img");
        large.src = link.href;
        large.alt = picture.alt;
        frame.appendChild(large);
        dialog.appendChild(close);
        dialog.appendChild(frame);
        document.body.appendChild(dialog);
        close.addEventListener("click", function () { dialog.close(); });
        dialog.addEventListener("close", function () { dialog.remove(); link.focus(); });
        dialog.showModal();
        close.focus();
    }

    function setUpBuyBar(bar) {
        // The bar steps aside while the form's own button is on screen.
        var button = document.querySelector("#add_to_basket_form button[type=submit]");
        if (!button || !("IntersectionObserver" in window)) { return; }
        new IntersectionObserver(function (entries) {
            bar.classList.toggle("buy-bar--away", entries[0].isIntersecting);
        }).observe(button);
    }

    document.querySelectorAll("[data-gallery]").forEach(setUpGallery);
    document.querySelectorAll("[data-buy-bar]").forEach(setUpBuyBar);
})();
