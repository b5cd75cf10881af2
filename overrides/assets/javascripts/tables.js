/* Comparison tables: edge shadows while more columns or rows can be scrolled into view, the phone's
   cards/table switch, and the Compare page's picker. Loaded by pages with comparison tables (macros/page_assets.py);
   sets up every such page Material's instant navigation shows. No dependencies. */
awsmlDefine("tables", [], function () {
  "use strict";
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  var repick = null;  // re-reads the pick from the address on Back/Forward; set by the current Compare page

  /* Shadow classes on .compare-frame: more-left / more-right while that edge hides columns. All frames are
     measured first and changed after, once a frame: measuring each right after changing the one before made
     the browser lay the Compare page out again for every table (half a second of blocking on a phone). */
  var dirty = [], queued = false;
  function flush() {
    queued = false;
    var frames = dirty.splice(0);
    var sizes = frames.map(function (frame) {
      var box = frame.querySelector(".compare-scroll");
      return { left: box.scrollLeft, right: box.scrollWidth - box.clientWidth - box.scrollLeft,
               sbw: box.offsetWidth - box.clientWidth, sbh: box.offsetHeight - box.clientHeight };
    });
    frames.forEach(function (frame, i) {
      var size = sizes[i];
      frame.classList.toggle("more-left", size.left > 1);
      frame.classList.toggle("more-right", size.right > 1);
      frame.style.setProperty("--compare-sb-w", size.sbw + "px");
      frame.style.setProperty("--compare-sb-h", size.sbh + "px");
    });
  }
  function watchEdges(frame) {
    var box = frame.querySelector(".compare-scroll");
    function update() {
      if (dirty.indexOf(frame) < 0) dirty.push(frame);
      if (!queued) { queued = true; window.requestAnimationFrame(flush); }
    }
    function watch() {
      box.addEventListener("scroll", update, { passive: true });
      if (window.ResizeObserver) {  // width changes, and the cards/table switch
        var seen = new ResizeObserver(update);
        seen.observe(box);
        if (box.firstElementChild) seen.observe(box.firstElementChild);
      }
      update();
    }
    /* Measured once it nears the screen: measuring a table far down the page made the browser lay it out
       (content-visibility skips that until then), which on the Compare page was most of its blocking time. */
    if (window.IntersectionObserver) {
      var near = new IntersectionObserver(function (entries) {
        if (!entries.some(function (e) { return e.isIntersecting; })) return;
        near.disconnect();
        watch();
      }, { rootMargin: "400px 0px" });
      near.observe(frame);
    } else watch();
    return update;
  }

  function setUp(wrap) {
    if (wrap.hasAttribute("data-ready")) return;
    wrap.setAttribute("data-ready", "");
    var update = watchEdges(wrap.querySelector(".compare-frame"));
    var button = wrap.querySelector(".compare-toggle");
    button.addEventListener("click", function () {
      var table = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(table));
      wrap.classList.toggle("is-table", table);
      update();
    });
    wrap.compareUpdate = update;
  }

  /* ---------- The Compare page: 2 to `most` entries as columns, attributes as rows ---------- */
  function picked(known, most) {
    var text = new URLSearchParams(location.search).get("pick") || "";
    return text.split(",").filter(function (id, i, all) { return known[id] && all.indexOf(id) === i; }).slice(0, most);
  }

  function el(tag, attrs, html) {  // study-store.js's helper, with HTML instead of text
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (html !== undefined) node.innerHTML = html;  // only the build's own, already escaped HTML
    return node;
  }

  function setUpPicker(form) {
    var data = JSON.parse(document.querySelector(".compare-data").getAttribute("data-json"));
    var byId = {}, boxes = form.querySelectorAll("input[name=pick]");
    data.entries.forEach(function (e) { byId[e.id] = e; });
    var result = document.querySelector(".compare-pick-result"), wrap = result.querySelector(".compare-table");
    var status = form.querySelector(".compare-pick-status"), go = form.querySelector(".compare-pick-go");
    var chosen = picked(byId, data.most);
    setUp(wrap);

    function say(text, refused) { status.textContent = text; status.classList.toggle("is-refused", !!refused); }

    function render() {
      each(boxes, function (b) { b.checked = chosen.indexOf(b.value) >= 0; });
      var names = chosen.map(function (id) { return byId[id].name; });
      if (!chosen.length) say("Nothing chosen yet.");
      else if (chosen.length === 1) say("Chosen: " + names[0] + ". Tick at least one more to compare.");
      else say(chosen.length + " of " + data.most + " side by side: " + names.join(", ") + ".");
      result.hidden = go.hidden = !chosen.length;
      var table = wrap.querySelector("table"), head = el("tr", {}), body = el("tbody", {});
      head.appendChild(el("th", { scope: "col" }, "Attribute"));
      chosen.forEach(function (id) {
        var th = head.appendChild(el("th", { scope: "col" })), a = th.appendChild(el("a", { href: byId[id].href }));
        a.textContent = byId[id].name;
      });
      data.rows.forEach(function (label) {
        if (!chosen.some(function (id) { return label in byId[id].facts; })) return;
        var row = body.appendChild(el("tr", {})), th = row.appendChild(el("th", { scope: "row" }));
        th.textContent = label;
        chosen.forEach(function (id) {
          var value = byId[id].facts[label], td = row.appendChild(el("td", { "data-label": byId[id].name }, value));
          if (value === undefined) { td.textContent = "—"; td.className = "na"; }
        });
      });
      table.tHead.replaceChildren(head);
      table.tBodies[0].replaceWith(body);
      wrap.setAttribute("data-rows", String(body.rows.length));
      table.style.setProperty("--picked", String(chosen.length));
      wrap.compareUpdate();
    }

    function choose() {
      var url = location.pathname + (chosen.length ? "?pick=" + chosen.join(",") : "");
      history.pushState(history.state, "", url);
      render();
    }

    form.addEventListener("change", function (event) {
      var box = event.target, at = chosen.indexOf(box.value);
      if (box.name !== "pick") return;
      if (box.checked && chosen.length >= data.most) {
        box.checked = false;
        say("At most " + data.most + " entries side by side: untick one before adding " + byId[box.value].name + ".", true);
        return;
      }
      if (box.checked && at < 0) chosen.push(box.value);
      if (!box.checked && at >= 0) chosen.splice(at, 1);
      choose();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".compare-clear").addEventListener("click", function () { chosen = []; choose(); });
    repick = function () {
      if (!form.isConnected) return;
      chosen = picked(byId, data.most);
      render();
    };
    render();
  }

  window.addEventListener("popstate", function () { if (repick) repick(); });

  function onPage() {
    each(document.querySelectorAll(".md-content .compare-table"), function (wrap) {
      if (!wrap.closest(".compare-pick-result") && wrap.querySelector(".compare-frame")) setUp(wrap);
    });
    var form = document.querySelector(".compare-picker:not([data-ready])");
    if (form) { form.setAttribute("data-ready", ""); setUpPicker(form); }
  }

  // Every page instant navigation shows (document$), and the page as loaded (file:// has no document$ events).
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(onPage);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
  else onPage();
});
