/* The search box's names panel: the sections whose name, alias, keyword or heading matches what is typed,
   shown at once above Material's full-text results (which lunr computes in a worker, later). The index is
   search/names.js (macros/search_names.py), loaded the first time the search box is used. Written here rather
   than taken from a library: the matching is twenty lines over a few thousand labels, and the widget has to
   fit into Material's own result list (its keyboard handling and styles). */
(function (root) {
  "use strict";
  var NAME = 0, ALIAS = 1, KEYWORD = 2, HEADING = 3, PAGE = 4;
  var KIND_WEIGHT = [300, 290, 240, 250, 260];
  var LIMIT = 5;
  var SPLIT = /[\s\-\u2010-\u2015,;:!?()[\]{}"'\u2018\u2019\u201c\u201d.\/_+&|]+/;
  // Lunr's English stop words, as the full-text search drops them (macros/search_index.py STOP_WORDS).
  var STOP = ("a able about across after all almost also am among an and any are as at be because been but by can " +
    "cannot could dear did do does either else ever every for from get got had has have he her hers him his how however " +
    "i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only " +
    "or other our own rather said say says she should since so some than that the their them then there these they this " +
    "tis to too twas us wants was we were what when where which while who whom why will with would yet you your").split(" ");
  var STOPS = {};
  STOP.forEach(function (w) { STOPS[w] = true; });
  // Words a learner may type or leave out of a name ("Amazon Kinesis", "Kinesis").
  var OPTIONAL = { amazon: true, aws: true };

  function words(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(SPLIT)
      .filter(function (w) { return w && !STOPS[w]; });
  }
  /* A rough stem, so "translation" meets "Translate", "versioning" "version" and "approval" "approve": plural
     and common suffixes off, twice ("versioning" -> "version" -> "vers"). */
  var SUFFIX = /(ational|ations|ation|ating|ates|ated|ate|ings|ing|ed|ions|ion|ments|ment|ity|ive|ers|er|al|e)$/;
  function stem(w) {
    if (w.length <= 4) return w;
    var s = w.replace(/(ies)$/, "y").replace(/(ses|xes|ches|shes)$/, function (m) { return m.slice(0, -2); })
      .replace(/([^s])s$/, "$1");
    for (var i = 0; i < 2; i++) {
      var shorter = s.replace(SUFFIX, "");
      if (shorter.length < 4 || shorter === s) break;
      s = shorter;
    }
    return s;
  }
  /* How well a typed word matches a label word: 1 the same, 0.9 the same stem, less for a prefix of it (only
     the last typed word, which is still being typed), 0 no match. */
  function wordScore(typed, word, last) {
    if (typed === word) return 1;
    if (stem(typed) === stem(word)) return 0.9;
    if (last && word.indexOf(typed) === 0) return 0.5 + 0.4 * typed.length / word.length;
    return 0;
  }
  /* Score of one label for the typed words, or 0. Every typed word (but "Amazon"/"AWS") must match a distinct
     word of the label; label words left unmatched cost a little, so the label closest to what was typed wins. */
  function labelScore(typed, label, kind) {
    var used = [], total = 0, last = -1, inOrder = true, i, j;
    for (i = 0; i < typed.length; i++) {
      var best = 0, at = -1;
      for (j = 0; j < label.length; j++) {
        if (used[j]) continue;
        var s = wordScore(typed[i], label[j], i === typed.length - 1);
        if (s > best) { best = s; at = j; }
      }
      if (at < 0) { if (OPTIONAL[typed[i]]) continue; return null; }
      used[at] = true;
      if (!OPTIONAL[typed[i]]) total += best;
      if (at < last) inOrder = false;
      last = at;
    }
    var left = 0, optional = 0;
    for (j = 0; j < label.length; j++) if (!used[j]) { if (OPTIONAL[label[j]]) optional++; else left++; }
    var n = typed.filter(function (w) { return !OPTIONAL[w]; }).length || 1, quality = total / n;
    // A label typed in full (every word of it) gets its quality twice: "Translate" for "translation" beats
    // "Back-translation", and an alias typed exactly beats a name that also has "AWS" in front. Words in the
    // label's order count a little more ("text to speech" is Polly, "speech to text" Transcribe).
    return { score: KIND_WEIGHT[kind] + 100 * quality - 15 * left - 12 * optional + (left ? 0 : 100 * quality) + (inOrder ? 5 : 0),
             full: !left };
  }
  /* A label found whole inside a longer query ("retrieval accuracy" in "measure retrieval accuracy"): every
     word of the label typed, some typed words left over. Scored below labels matched by every typed word. */
  function containedScore(typed, label, kind) {
    var words = label.filter(function (w) { return !OPTIONAL[w]; }), used = [], matched = 0;
    if (!words.length) return null;
    for (var j = 0; j < words.length; j++) {
      var found = -1;
      for (var i = 0; i < typed.length && found < 0; i++) {
        if (!used[i] && wordScore(typed[i], words[j], false) >= 0.9) found = i;
      }
      if (found < 0) return null;
      used[found] = true; matched++;
    }
    var n = typed.filter(function (w) { return !OPTIONAL[w]; }).length || 1;
    return { score: 100 + 25 * KIND_WEIGHT[kind] / 100 + 150 * matched / n, full: false, contained: true };
  }
  /* The index with each label split into words once, and how many targets share each label (a heading such
     as "Hyperparameters" on ten sections says less about which one is meant). */
  function prepare(data) {
    var labels = [], shared = {};
    data.labels.forEach(function (row) {
      for (var k = 2; k < row.length; k++) {
        var w = words(row[k]);
        if (!w.length) continue;
        var key = w.join(" ");
        shared[key] = (shared[key] || 0) + 1;
        labels.push({ target: row[0], kind: row[1], text: row[k], words: w, key: key, joined: w.join("") });
      }
    });
    labels.forEach(function (l) { l.penalty = 20 * Math.log2(shared[l.key]); });
    return { labels: labels, targets: data.targets, pages: data.pages };
  }
  /* The best LIMIT targets for a query, best first: [{location, title, context, score, full, via}]. `full`:
     every word of the label that matched was typed (a weaker hit is only a guess until full-text search agrees). */
  function match(index, query, limit) {
    var typed = words(query);
    if (!typed.length) return [];
    var joined = typed.join(""), best = {};
    index.labels.forEach(function (l) {
      var hit = labelScore(typed, l.words, l.kind);
      if (!hit && joined.length >= 3 && l.joined === joined) hit = { score: KIND_WEIGHT[l.kind] + 200, full: true };  // "kmeans"
      if (!hit && typed.length > 1) hit = containedScore(typed, l.words, l.kind);
      if (!hit) return;
      var score = hit.score - l.penalty, b = best[l.target];
      if (!b || score > b.score) best[l.target] = { score: score, full: hit.full, contained: !!hit.contained, label: l };
    });
    return Object.keys(best).map(function (t) {
      var target = index.targets[t], hit = best[t], page = target[2] >= 0 ? index.pages[target[2]] : null;
      return {
        location: target[0], title: target[1], context: page ? page[1] : "", score: hit.score, full: hit.full,
        contained: hit.contained,
        order: Number(t),
        via: hit.label.kind === ALIAS || (hit.label.kind === KEYWORD && hit.label.text !== target[1]) ? hit.label.text : ""
      };
    }).sort(function (a, b) { return b.score - a.score || a.order - b.order; }).slice(0, limit || LIMIT);
  }

  var api = { words: words, prepare: prepare, match: match };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }
  // Registered with the page's script loader (overrides/main.html): set up once, however often instant
  // navigation inserts this file again.
  root.awsmlDefine("search-names", [], function () {
  root.AwsmlSearchNames = api;

  /* ---------- the panel in Material's search dialog ---------- */
  var doc = root.document, index = null, loading = null, panel = [], shown = [], observer = null;
  var config = JSON.parse((doc.getElementById("__config") || { textContent: "{}" }).textContent || "{}");
  // Absolute once, from the page this script first ran on: instant navigation changes pages, not this base.
  var base = new URL((config.base || ".") + "/", root.location.href);

  function load(then) {
    if (index) { then(); return; }
    if (!loading) {
      loading = [];
      var script = doc.createElement("script");
      script.src = new URL("search/names.js", base).href;
      script.onload = function () {
        index = prepare(root.__awsmlSearchNames || { labels: [], targets: [], pages: [] });
        loading.forEach(function (f) { f(); });
      };
      doc.head.appendChild(script);
    }
    loading.push(then);
  }
  function item(hit) {
    var li = doc.createElement("li"), a = doc.createElement("a"), article = doc.createElement("article");
    var h = doc.createElement("h1"), p = doc.createElement("p");
    li.className = "md-search-result__item names-hit";
    a.className = "md-search-result__link";
    a.href = new URL(hit.location, base).href;
    a.tabIndex = -1;
    article.className = "md-search-result__article md-typeset";
    article.setAttribute("data-md-score", String(hit.score));
    h.textContent = hit.title;
    p.className = "names-hit__where";
    p.textContent = [hit.context, hit.via ? "also: " + hit.via : ""].filter(Boolean).join(" · ");
    article.appendChild(h);
    if (p.textContent) article.appendChild(p);
    a.appendChild(article);
    li.appendChild(a);
    li.hit = hit;
    return li;
  }
  /* Where Material's results lead, best first (each page's best section). */
  function fullText(list) {
    return Array.prototype.map.call(list.querySelectorAll(":scope > .md-search-result__item:not(.names-hit) > a.md-search-result__link"),
      function (a) { var url = new URL(a.href); return url.pathname + url.hash; });
  }
  /* Keep the panel at the top of Material's list, which Material empties whenever its own results arrive. */
  function place(list) {
    observer.disconnect();
    tidy(list);
    // A hit on part of a label ("Class imbalance metric" for "class imbalance") is shown while full-text search
    // works; once it answers, such a hit stays only if it is full-text search's best result too. Labels typed in
    // full stay, and so do labels found whole inside a longer query ("retrieval accuracy" in "measure
    // retrieval accuracy"): on the concept queries they landed right more often than full-text search.
    var best = fullText(list)[0];
    var keep = panel.filter(function (li) {
      var url = new URL(li.firstChild.href);
      return li.hit.full || li.hit.contained || !best || best === url.pathname + url.hash;
    });
    Array.prototype.forEach.call(list.querySelectorAll(":scope > .names-hit"), function (li) {
      if (keep.indexOf(li) < 0) li.remove();
    });
    var at = list.firstChild;
    keep.forEach(function (li) {
      if (li === at) at = at.nextSibling;
      else list.insertBefore(li, at);
    });
    shown = keep;
    observer.observe(list, { childList: true });
  }
  /* Material's results: a page's title leads to its best-scoring section, and no link carries an empty ?h=. */
  function tidy(list) {
    Array.prototype.forEach.call(list.querySelectorAll(":scope > .md-search-result__item:not(.names-hit)"), function (li) {
      var links = Array.prototype.slice.call(li.querySelectorAll(":scope > a.md-search-result__link, :scope details a.md-search-result__link"));
      links.forEach(function (a) {
        var url = new URL(a.href);
        if (url.searchParams.has("h") && !url.searchParams.get("h").trim()) { url.searchParams.delete("h"); a.href = url.href; }
      });
      var title = links[0], best = null;
      links.forEach(function (a) {
        var score = parseFloat((a.firstElementChild || a).getAttribute("data-md-score"));
        if (new URL(a.href).hash && (!best || score > best.score)) best = { a: a, score: score };
      });
      if (title && best && !new URL(title.href).hash) title.href = best.a.href;
    });
  }
  function update(input, list) {
    var query = input.value;
    load(function () {
      if (input.value !== query) return;
      panel = match(index, query).map(item);
      place(list);
    });
  }
  function setUp() {
    var input = doc.querySelector("input.md-search__input"), list = doc.querySelector(".md-search-result__list");
    if (!input || !list || input.hasAttribute("data-names")) return;
    input.setAttribute("data-names", "");
    observer = new MutationObserver(function () { place(list); });
    input.addEventListener("focus", function () { load(function () {}); });
    input.addEventListener("input", function () { update(input, list); });
    input.form.addEventListener("reset", function () { panel = []; place(list); });
    // Enter in the box opens the first suggestion, as it opens Material's best result when there is none.
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || !shown.length || !input.value.trim()) return;
      event.preventDefault();
      event.stopPropagation();
      shown[0].querySelector("a").click();
    });
  }
  if (root.document$ && root.document$.subscribe) root.document$.subscribe(setUp);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", setUp);
  else setUp();
  return api;
  });
})(typeof window !== "undefined" ? window : this);
