/* "Print this sheet" buttons: no inline handlers, and re-bound after Material's instant navigation. */
(function () {
  "use strict";
  function bind() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]:not([data-bound])"), function (button) {
      button.setAttribute("data-bound", "");
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(bind);
  else document.addEventListener("DOMContentLoaded", bind);
})();
