/* "Print this sheet" buttons: no inline handlers, and re-bound after Material's instant navigation. */
(function () {
  "use strict";
  function bind() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(bind);
  else document.addEventListener("DOMContentLoaded", bind);
})();
