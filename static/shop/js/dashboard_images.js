/* Product image previews in the dashboard (replaces the inline onload/onerror
 * of Oscar's image_input_widget.html, which the Content-Security-Policy blocks):
 * once a chosen image shows, its upload button hides; an unreadable file says so. */
(function () {
    "use strict";
    document.addEventListener("load", function (event) {
        var img = event.target;
        if (img.tagName !== "IMG" || !img.hasAttribute("data-upload-button")) { return; }
        var button = document.getElementById(img.getAttribute("data-upload-button"));
        if (button) { button.hidden = true; }
    }, true);
    document.addEventListener("error", function (event) {
        var img = event.target;
        if (img.tagName !== "IMG" || !img.hasAttribute("data-upload-button") || !img.getAttribute("src")) { return; }
        var button = document.getElementById(img.getAttribute("data-upload-button"));
        if (button) { button.hidden = false; }
        window.alert(img.getAttribute("data-unreadable"));
    }, true);
})();
