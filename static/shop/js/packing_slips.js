/* The packing slips page's print button (no inline script). */
document.getElementById("print-slips")?.addEventListener("click", function () { window.print(); });
