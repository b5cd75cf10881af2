/* "Print this sheet" buttons: no inline handlers, and re-bound after Material's instant navigation. */
awsmlDefine("print", [], function () {
  "use strict";
  function bind() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]:not([data-bound])"), function (button) {
      button.setAttribute("data-bound", "");
      button.addEventListener("click", function () { window.print(); });
    });
  }
  // Every page instant navigation shows (document$), and the page as loaded (file:// has no document$ events).
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(bind);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bind);
  else bind();
});
