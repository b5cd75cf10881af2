/* What a learner saves in this browser: answers, exam history, flashcard reviews and the running exam.
   One versioned record under one key; older formats migrate, unreadable or newer ones are never overwritten.
   The other scripts get it as their first dependency (awsmlDefine, overrides/main.html). No framework. */
awsmlDefine("study-store", [], function () {
  "use strict";
  var SCHEMA = 3, SESSION_SCHEMA = 2, APP = "awsml-study";
  var KEY = "awsml-study", SESSION = "awsml-exam-session";
  var V1_ANSWERS = "awsml-quiz-v1", V1_EXAMS = "awsml-exams-v1";  // the format before schema 2
  var MAX_ATTEMPTS = 100;

  /* ---------- tiny DOM helpers shared by the study scripts ---------- */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function sameSet(a, b) {
    return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; });
  }
  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }
  function range(n) { var out = []; for (var i = 0; i < n; i++) out.push(i); return out; }
  function pct(part, whole) { return whole ? Math.round(100 * part / whole) : 0; }
  /* "45 s", "2 min 30 s" (seconds shown under ten minutes, where they matter), "14 min", "1 h 5 min". */
  function duration(ms) {
    var seconds = Math.round(Math.max(0, ms) / 1000), minutes = Math.floor(seconds / 60);
    if (seconds < 60) return seconds + " s";
    if (minutes < 10) return minutes + " min" + (seconds % 60 ? " " + (seconds % 60) + " s" : "");
    minutes = Math.round(seconds / 60);
    return minutes < 60 ? minutes + " min" : Math.floor(minutes / 60) + " h " + (minutes % 60) + " min";
  }
  /* A plain table (so Material styles it) in a scrolling wrapper that carries the class; returns both. */
  /* A results table; on a phone it shows as one card per row (tables.css, .study-table--cards), each cell
     labelled with its column's header: the labels are set on rows as callers add them. */
  function table(className, headers) {
    var wrap = el("div", { "class": "study-table study-table--cards " + className }), t = wrap.appendChild(el("table"));
    var head = t.appendChild(el("thead")).appendChild(el("tr"));
    headers.forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    var body = t.appendChild(el("tbody"));
    function label() { each(body.querySelectorAll("td:not([data-label])"), function (td) { td.setAttribute("data-label", headers[td.cellIndex] || ""); }); }
    if (window.MutationObserver) new MutationObserver(label).observe(body, { childList: true, subtree: true });
    return { wrap: wrap, body: body, label: label };
  }
  function download(name, text) {
    var link = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: name });
    document.body.appendChild(link); link.click(); link.remove();
  }

  /* ---------- raw storage that never throws ---------- */
  function rawGet(key) { try { return window.localStorage.getItem(key); } catch (e) { return undefined; } }
  function rawSet(key, text) { try { window.localStorage.setItem(key, text); return true; } catch (e) { return false; } }
  function rawRemove(key) { try { window.localStorage.removeItem(key); } catch (e) { /* nothing to do */ } }
  function available() {
    if (!rawSet(KEY + "-probe", "1")) return false;
    rawRemove(KEY + "-probe"); return true;
  }

  /* Schema 3 adds the flashcard review: `reviews`, the FSRS review log ({card, review: ms, rating 1-4, state 0-3
     before the review}, oldest first; the source of truth), `schedule` (card id -> its FSRS card, dates in ms: a
     cache review.js rebuilds from the log) and `plan` (daily new cards, exam date, filters). */
  function empty() { return { schema: SCHEMA, answers: {}, attempts: [], reviews: [], schedule: {}, plan: {} }; }
  function upgrade(data) {  // schema 2 records and files had no review fields
    if (data.reviews === undefined) data.reviews = [];
    if (data.schedule === undefined) data.schedule = {};
    if (data.plan === undefined) data.plan = {};
    return data;
  }

  /* ---------- shape checks (imported files and stored records go through the same ones) ---------- */
  function isTry(t) { return t && typeof t === "object" && typeof t.ok === "boolean" && typeof t.t === "number"; }
  function problem(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return "it is not a JSON object";
    if (typeof data.answers !== "object" || data.answers === null || Array.isArray(data.answers)) return "'answers' is missing";
    if (!Array.isArray(data.attempts)) return "'attempts' is missing";
    var bad = Object.keys(data.answers).filter(function (id) {
      var a = data.answers[id];
      return !a || !isTry(a.first) || !isTry(a.last) || (a.page !== undefined && !Array.isArray(a.page));
    });
    if (bad.length) return "the answer to '" + bad[0] + "' is malformed";
    var badAttempt = data.attempts.filter(function (a) {
      return !a || typeof a.id !== "string" || typeof a.finished !== "number" || typeof a.n !== "number" || typeof a.right !== "number";
    });
    if (badAttempt.length) return "an exam attempt is malformed";
    return reviewProblem(data);
  }
  function isLog(r) {
    return r && typeof r.card === "string" && typeof r.review === "number" && [1, 2, 3, 4].indexOf(r.rating) >= 0 &&
           [0, 1, 2, 3].indexOf(r.state) >= 0;
  }
  function reviewProblem(data) {
    if (data.reviews !== undefined && !(Array.isArray(data.reviews) && data.reviews.every(isLog))) return "the review log is malformed";
    var s = data.schedule;
    if (s !== undefined && (!s || typeof s !== "object" || Array.isArray(s) ||
        Object.keys(s).some(function (id) { return !s[id] || typeof s[id].due !== "number" || typeof s[id].state !== "number"; }))) {
      return "the card schedule is malformed";
    }
    if (data.plan !== undefined && (!data.plan || typeof data.plan !== "object" || Array.isArray(data.plan))) return "the review plan is malformed";
    return null;
  }

  /* Schema 1 (before this file): answers {qid: {c, ok, t}} under awsml-quiz-v1, and attempt summaries
     {t, n, r} under awsml-exams-v1. Only the latest try was kept, so it stands for the first one too. */
  function fromV1(answers, exams) {
    var data = empty();
    Object.keys(answers || {}).forEach(function (id) {
      var a = answers[id];
      if (!a || typeof a.ok !== "boolean") return;
      var tried = { ok: a.ok, t: typeof a.t === "number" ? a.t : 0, m: "quiz" };
      data.answers[id] = { first: tried, last: tried, page: Array.isArray(a.c) ? a.c : [] };
    });
    (Array.isArray(exams) ? exams : []).forEach(function (e, i) {
      if (!e || typeof e.n !== "number" || typeof e.r !== "number") return;
      data.attempts.push({ id: "v1-" + (e.t || i), started: e.t || 0, finished: e.t || 0, mode: "timed", n: e.n, right: e.r,
                           summaryOnly: true, perDomain: {} });
    });
    return data;
  }

  function parse(text) { try { return JSON.parse(text); } catch (e) { return undefined; } }

  /* Read the record. status: ok | empty | unavailable | corrupt | newer. Read-only unless ok or empty. */
  function load() {
    var text = rawGet(KEY);
    if (text === undefined) return { status: "unavailable", data: empty() };
    if (text === null) {
      var v1a = rawGet(V1_ANSWERS), v1e = rawGet(V1_EXAMS);
      if (v1a || v1e) {
        var migrated = fromV1(parse(v1a || "{}"), parse(v1e || "[]"));
        // Keep the old keys until the new record is safely written.
        if (rawSet(KEY, JSON.stringify(migrated))) { rawRemove(V1_ANSWERS); rawRemove(V1_EXAMS); }
        return { status: "ok", data: migrated, migrated: true };
      }
      return { status: "empty", data: empty() };
    }
    var data = parse(text);
    if (data && typeof data.schema === "number" && data.schema > SCHEMA) return { status: "newer", data: empty(), raw: text };
    if (data === undefined || problem(data)) return { status: "corrupt", data: empty(), raw: text };
    return { status: "ok", data: upgrade(data) };
  }

  function writable(state) { return state.status === "ok" || state.status === "empty"; }

  function save(data) {
    data.schema = SCHEMA;
    if (data.attempts.length > MAX_ATTEMPTS) data.attempts = data.attempts.slice(0, MAX_ATTEMPTS);
    var ok = rawSet(KEY, JSON.stringify(data));
    if (ok) askToPersist();
    return ok;
  }

  /* Change the record through fn(data); refuses (returns false) when the stored record must not be overwritten. */
  function update(fn) {
    var state = load();
    if (!writable(state)) return false;
    fn(state.data);
    return save(state.data);
  }

  /* mode: quiz (a page quiz), practice (exam page, feedback after each question) or exam. */
  function recordAnswer(data, qid, chosen, ok, mode) {
    var tried = { ok: ok, t: Date.now(), m: mode };
    var a = data.answers[qid] || (data.answers[qid] = { first: tried, last: tried });
    a.last = tried;
    if (mode === "quiz") a.page = chosen.slice();
  }

  /* ---------- export and import ---------- */
  function exportText() {
    var state = load();
    return JSON.stringify({ app: APP, schema: SCHEMA, exported: new Date().toISOString(),
                            answers: state.data.answers, attempts: state.data.attempts,
                            reviews: state.data.reviews, schedule: state.data.schedule, plan: state.data.plan }, null, 1);
  }

  /* Returns {ok, message}. Nothing changes unless ok. */
  function importText(text, how) {
    var file = parse(text);
    if (file === undefined) return { ok: false, message: "That file is not valid JSON, so nothing was imported." };
    if (!file || file.app !== APP) return { ok: false, message: "That file is not a progress file from this site, so nothing was imported." };
    if (typeof file.schema !== "number" || file.schema > SCHEMA) {
      return { ok: false, message: "That file was made by a newer version of this site (format " + file.schema + "), so nothing was imported. Reload the site and try again." };
    }
    var why = problem(file);
    if (why) return { ok: false, message: "That file is damaged (" + why + "), so nothing was imported." };
    var state = load();
    if (!writable(state)) return { ok: false, message: "The progress saved in this browser cannot be read, so nothing was imported (see above)." };
    var data = how === "replace" ? empty() : state.data;
    upgrade(file);
    merge(data, file);
    if (how === "replace") data.plan = file.plan;
    if (!save(data)) return { ok: false, message: "This browser did not let the site save the import (storage disabled or full)." };
    return { ok: true, message: "Imported " + Object.keys(file.answers).length + " answers, " + file.attempts.length +
             " exam attempts and " + file.reviews.length + " flashcard reviews (" +
             (how === "replace" ? "replacing" : "merged with") + " what was here)." };
  }

  /* Merge `other` into `data`: the earliest first try and the latest last try per question; attempts by id. */
  function merge(data, other) {
    Object.keys(other.answers).forEach(function (id) {
      var mine = data.answers[id], theirs = other.answers[id];
      if (!mine) { data.answers[id] = theirs; return; }
      if (theirs.first.t < mine.first.t) mine.first = theirs.first;
      if (theirs.last.t > mine.last.t) { mine.last = theirs.last; if (theirs.page) mine.page = theirs.page; }
    });
    var known = {};
    data.attempts.forEach(function (a) { known[a.id] = true; });
    other.attempts.forEach(function (a) { if (!known[a.id]) data.attempts.push(a); });
    data.attempts.sort(function (a, b) { return b.finished - a.finished; });
    mergeReviews(data, other);
  }

  /* Reviews: the union of both logs (a rating is the same rating when card and time match). A card's schedule is
     the one with the later last review; review.js replays the merged log with the scheduler when it next loads,
     so reviews made on both devices both count. */
  function mergeReviews(data, other) {
    var seen = {};
    data.reviews.forEach(function (r) { seen[r.card + "@" + r.review] = true; });
    (other.reviews || []).forEach(function (r) { if (!seen[r.card + "@" + r.review]) data.reviews.push(r); });
    data.reviews.sort(function (a, b) { return a.review - b.review; });
    Object.keys(other.schedule || {}).forEach(function (id) {
      var mine = data.schedule[id], theirs = other.schedule[id];
      if (!mine || (theirs.last_review || 0) > (mine.last_review || 0)) data.schedule[id] = theirs;
    });
  }

  /* ---------- the running exam, saved on every change ---------- */
  function loadSession() {
    var text = rawGet(SESSION);
    if (!text) return null;
    var s = parse(text);
    if (!s || s.schema !== SESSION_SCHEMA || !Array.isArray(s.qids) || !Array.isArray(s.chosen) || !Array.isArray(s.order)) return null;
    return s;
  }
  function saveSession(s) { s.schema = SESSION_SCHEMA; return rawSet(SESSION, JSON.stringify(s)); }
  function clearSession() { rawRemove(SESSION); }

  /* Keep the unreadable record under another key, so starting afresh loses nothing. */
  function setAside() {
    var text = rawGet(KEY);
    if (text && !rawSet(KEY + "-unreadable-" + Date.now(), text)) return false;
    rawRemove(KEY); return true;
  }

  /* ---------- persistent storage (Safari and others may clear unvisited sites' storage) ---------- */
  var asked = false;
  function askToPersist() {
    if (asked || !navigator.storage || !navigator.storage.persist) return;
    asked = true;
    navigator.storage.persisted().then(function (yes) { if (!yes) return navigator.storage.persist(); }).catch(function () {});
  }
  function persisted() {
    if (!navigator.storage || !navigator.storage.persisted) return Promise.resolve(null);
    return navigator.storage.persisted().catch(function () { return null; });
  }
  function persist() {
    if (!navigator.storage || !navigator.storage.persist) return Promise.resolve(null);
    return navigator.storage.persist().catch(function () { return null; });
  }

  /* ---------- the exam a learner studies for (a preference, kept apart from the answers) ----------
     {schema: 1, exam: "MLA-C01", t}. Unknown codes, other schemas or unreadable text fall back to the site's
     default; the head script in overrides/main.html reads the same key before the first paint. */
  var CHOICE = "awsml-exam-choice", CHOICE_SCHEMA = 1;
  function examChoice() { return document.documentElement.getAttribute("data-exam"); }  // set by the head script
  function chooseExam(code) {
    var ok = rawSet(CHOICE, JSON.stringify({ schema: CHOICE_SCHEMA, exam: code, t: Date.now() }));
    document.documentElement.setAttribute("data-exam", code);
    document.dispatchEvent(new CustomEvent("awsml:exam", { detail: { exam: code } }));
    return ok;
  }
  /* The chosen exam's format from a page's data (falls back to the default when the choice is not on the site). */
  function examOf(data) {
    var code = examChoice(), byCode = {};
    (data.exams || []).forEach(function (e) { byCode[e.code] = e; });
    return byCode[code] || byCode[data.defaultExam] || (data.exams || [])[0];
  }
  /* The questions an exam's practice set draws from: those mapped to it (q.d[code]) in the question types it
     asks (MLS-C01 and MLA-C02 have no ordering, matching or case studies). The exam page and My progress both
     count these, so their figures agree. */
  var EXAM_TYPE = { single: "multiple-choice", multiple: "multiple-response", ordering: "ordering", matching: "matching" };
  function fits(exam, q) {
    return exam.types.indexOf(EXAM_TYPE[q.type] || q.type) >= 0 && (!q["case"] || exam.types.indexOf("case-study") >= 0);
  }
  function examQuestions(data, exam) {
    return data.questions.filter(function (q) { return q.d[exam.code] !== undefined && fits(exam, q); });
  }
  /* Any exam picker on the page: shows the choice, saves a change. */
  function setupPickers() {
    each(document.querySelectorAll("select.exam-picker:not([data-ready])"), function (select) {
      var status = select.parentNode.querySelector(".exam-choice-status"), code = document.documentElement.getAttribute("data-exam");
      if (code && select.querySelector('option[value="' + code + '"]')) select.value = code;
      select.addEventListener("change", function () {
        var saved = chooseExam(select.value);
        if (status) status.textContent = "Now studying for " + select.value + "." + (saved ? "" : " This browser does not let the site keep the choice, so it lasts until you leave the page.");
      });
      select.setAttribute("data-ready", "");
    });
  }

  /* A script file, once (works from file:// too, where fetch does not). */
  var scripts = {};
  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var s = el("script", { src: src });
        s.onload = resolve;
        s.onerror = function () { delete scripts[src]; reject(new Error("could not load " + src)); };
        document.head.appendChild(s);
      });
    }
    return scripts[src];
  }

  /* The questions and exam facts the build gives the progress and exam pages: a script file beside the page's
     (macros/page_assets.py moves them out of the HTML), or the data-json attribute. A promise of null when the
     page has none; rejected when the file cannot be loaded. */
  function pageData() {
    var node = document.getElementById("quiz-data");
    if (!node) return Promise.resolve(null);
    function ready(data) {
      data.byId = {};
      data.questions.forEach(function (q) { data.byId[q.id] = q; });
      return data;
    }
    if (node.hasAttribute("data-json")) return Promise.resolve(ready(JSON.parse(node.getAttribute("data-json"))));
    var key = node.getAttribute("data-key");
    return loadScript(node.getAttribute("data-src")).then(function () {
      var data = (window.AwsmlData || {})[key];
      if (!data) throw new Error("no data under " + key);
      return data.byId ? data : ready(data);  // a page seen before shares its data
    });
  }

  function notice(state) {
    if (state.status === "unavailable") return "This browser does not let the site store data, so your answers are not kept.";
    if (state.status === "corrupt") return "Your saved progress could not be read, so answers are not being saved. Open My progress to download it or start afresh.";
    if (state.status === "newer") return "Your progress was saved by a newer version of this site; reload the page. Until then answers are not saved.";
    return "";
  }

  /* Run fn once per page. Material's instant navigation emits document$ on every page; the page as loaded also
     gets DOMContentLoaded, because in the offline build (file://) document$ never emits. The page's <article>
     is new on every page, so it tells a repeat from a new page. */
  function onPage(fn) {
    function run() {
      var page = document.querySelector("article") || document.body, seen = page.__awsmlSeen || (page.__awsmlSeen = []);
      if (seen.indexOf(fn) >= 0) return;
      seen.push(fn);
      fn();
    }
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  var S = {
    SCHEMA: SCHEMA, LETTERS: "ABCDEFGH",
    el: el, each: each, sameSet: sameSet, shuffle: shuffle, range: range, pct: pct, duration: duration, download: download, table: table,
    available: available, load: load, writable: writable, save: save, update: update, recordAnswer: recordAnswer,
    exportText: exportText, importText: importText, merge: merge, problem: problem, fromV1: fromV1,
    loadSession: loadSession, saveSession: saveSession, clearSession: clearSession, setAside: setAside,
    persisted: persisted, persist: persist, pageData: pageData, loadScript: loadScript, notice: notice, onPage: onPage,
    examChoice: examChoice, chooseExam: chooseExam, examOf: examOf, examQuestions: examQuestions
  };
  onPage(setupPickers);
  return S;
});
