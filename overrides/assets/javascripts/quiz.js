/* Quiz blocks, progress page and practice exam. No framework, no inline handlers.
   Runs on every page load, including Material's instant navigation (document$). */
(function () {
  "use strict";
  var KEY = "awsml-quiz-v1", EXAMS = "awsml-exams-v1", LETTERS = "ABCDEFGH";
  var timer = null;

  // Storage that never breaks the page: private mode or a full quota just means no persistence.
  function read(key, fallback) {
    try { var v = window.localStorage.getItem(key); return v ? JSON.parse(v) : fallback; } catch (e) { return fallback; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }
  function record(qid, chosen, ok) {
    var all = read(KEY, {}); all[qid] = { c: chosen, ok: ok, t: Date.now() }; write(KEY, all);
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function sameSet(a, b) {
    return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; });
  }
  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }
  function reletter(box) {
    Array.prototype.forEach.call(box.querySelectorAll(".quiz-letter"), function (span, i) { span.textContent = LETTERS[i] + "."; });
  }
  function checkedValues(scope) {
    return Array.prototype.map.call(scope.querySelectorAll("input:checked"), function (i) { return Number(i.value); });
  }

  /* ---------- quiz blocks on notes pages ---------- */
  function setupQuiz(section) {
    var saved = read(KEY, {});
    var questions = section.querySelectorAll(".quiz-question");
    Array.prototype.forEach.call(questions, function (fs) {
      var box = fs.querySelector(".quiz-choices");
      shuffle(Array.prototype.slice.call(box.children)).forEach(function (c) { box.appendChild(c); });
      reletter(box);
      var details = fs.querySelector(".quiz-answer");
      details.hidden = true;
      fs.querySelector(".quiz-check").addEventListener("click", function () { check(fs, true); });
      var prior = saved[fs.getAttribute("data-qid")];
      if (prior && prior.c) {
        prior.c.forEach(function (v) { var i = fs.querySelector('input[value="' + v + '"]'); if (i) i.checked = true; });
        check(fs, false);
      }
    });
    score(section);
    section.setAttribute("data-ready", "");
  }

  function check(fs, fresh) {
    var answer = fs.getAttribute("data-answer").split(",").map(Number);
    var chosen = checkedValues(fs), feedback = fs.querySelector(".quiz-feedback");
    if (!chosen.length) { feedback.textContent = "Choose an answer first."; return; }
    if (fs.getAttribute("data-type") === "multiple" && chosen.length !== answer.length) {
      feedback.textContent = "Choose " + answer.length + " answers."; return;
    }
    var ok = sameSet(chosen, answer), right = [];
    Array.prototype.forEach.call(fs.querySelectorAll(".quiz-choice"), function (label, pos) {
      var v = Number(label.getAttribute("data-index"));
      label.classList.toggle("is-answer", answer.indexOf(v) >= 0);
      label.classList.toggle("is-wrong", chosen.indexOf(v) >= 0 && answer.indexOf(v) < 0);
      if (answer.indexOf(v) >= 0) right.push(LETTERS[pos]);
    });
    fs.classList.toggle("is-right", ok);
    fs.classList.toggle("is-missed", !ok);
    feedback.textContent = ok ? "Correct." : "Not quite: the answer is " + right.join(" and ") + ".";
    var details = fs.querySelector(".quiz-answer");
    details.hidden = false; details.open = true;
    if (fresh) { record(fs.getAttribute("data-qid"), chosen, ok); score(fs.closest(".quiz")); }
  }

  function score(section) {
    var saved = read(KEY, {}), answered = 0, right = 0;
    var questions = section.querySelectorAll(".quiz-question");
    Array.prototype.forEach.call(questions, function (fs) {
      var r = saved[fs.getAttribute("data-qid")];
      if (r) { answered++; if (r.ok) right++; }
    });
    section.querySelector(".quiz-score").textContent =
      answered ? "— " + right + " of " + questions.length + " right (" + answered + " answered)" : "";
  }

  // Print in the original order so the printed answer key matches.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".quiz-choices"), function (box) {
      Array.prototype.slice.call(box.children).sort(function (a, b) {
        return a.getAttribute("data-index") - b.getAttribute("data-index");
      }).forEach(function (c) { box.appendChild(c); });
      reletter(box);
    });
  });

  /* ---------- shared data for progress and exam pages ---------- */
  function quizData() {
    var node = document.getElementById("quiz-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  /* ---------- My progress ---------- */
  function setupProgress(root, data) {
    var saved = read(KEY, {}), byPage = {}, byDomain = {};
    data.questions.forEach(function (q) {
      var p = byPage[q.page] = byPage[q.page] || { title: q.pageTitle, href: q.pageHref, domain: q.domain, n: 0, a: 0, r: 0 };
      var d = byDomain[q.domain] = byDomain[q.domain] || { n: 0, a: 0, r: 0 };
      p.n++; d.n++;
      if (saved[q.id]) { p.a++; d.a++; if (saved[q.id].ok) { p.r++; d.r++; } }
    });
    root.textContent = "";
    data.domains.forEach(function (dom) {
      var d = byDomain[dom.id]; if (!d) return;
      root.appendChild(el("h2", {}, "Domain " + dom.number + " · " + dom.name));
      root.appendChild(el("p", { "class": "progress-line" }, d.a + " of " + d.n + " answered, " + d.r + " right" +
        (d.a ? " (" + Math.round(100 * d.r / d.a) + "% of answered)" : "")));
      var table = el("table"), head = el("tr");
      ["Page", "Answered", "Right", "Questions"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
      table.appendChild(el("thead")).appendChild(head);
      var body = table.appendChild(el("tbody"));
      Object.keys(byPage).forEach(function (key) {
        var p = byPage[key]; if (p.domain !== dom.id) return;
        var tr = el("tr"), td = el("td");
        td.appendChild(el("a", { href: p.href }, p.title));
        tr.appendChild(td);
        [p.a, p.r, p.n].forEach(function (v) { tr.appendChild(el("td", {}, String(v))); });
        body.appendChild(tr);
      });
      root.appendChild(table);
    });
    var reset = el("button", { type: "button", "class": "md-button" }, "Reset my progress");
    reset.addEventListener("click", function () {
      if (window.confirm("Forget every answer kept in this browser?")) { write(KEY, {}); setupProgress(root, data); }
    });
    root.appendChild(reset);
    root.setAttribute("data-ready", "");
    if (!write(KEY + "-probe", 1)) root.appendChild(el("p", { "class": "quiz-warning" }, "This browser does not let the site store data, so progress is not kept."));
  }

  /* ---------- Practice exam ---------- */
  function draw(data, n) {
    var pools = {}, picked = [];
    data.questions.forEach(function (q) { (pools[q.domain] = pools[q.domain] || []).push(q); });
    var quotas = data.domains.map(function (d) { return { id: d.id, want: Math.round(n * d.weight / 100) }; });
    var diff = n - quotas.reduce(function (s, q) { return s + q.want; }, 0);
    quotas.sort(function (a, b) { return b.want - a.want; })[0].want += diff;
    quotas.forEach(function (q) { picked = picked.concat(shuffle((pools[q.id] || []).slice()).slice(0, q.want)); });
    var rest = shuffle(data.questions.filter(function (q) { return picked.indexOf(q) < 0; }));
    while (picked.length < n && rest.length) picked.push(rest.pop());
    return shuffle(picked);
  }

  function setupExam(root, data) {
    var start = root.querySelector(".exam-start"), size = root.querySelector(".exam-size");
    renderAttempts(root.querySelector(".exam-attempts"));
    start.addEventListener("click", function () { runExam(root, data, draw(data, Number(size.value))); });
    root.setAttribute("data-ready", "");
  }

  function runExam(root, data, questions) {
    var state = { i: 0, chosen: questions.map(function () { return []; }), flags: questions.map(function () { return false; }) };
    var minutes = Math.round(180 * questions.length / 65), deadline = Date.now() + minutes * 60000;
    var stage = root.querySelector(".exam-stage");
    root.querySelector(".exam-setup").hidden = true;
    stage.hidden = false;
    stage.textContent = "";
    var bar = stage.appendChild(el("div", { "class": "exam-bar" }));
    var clock = bar.appendChild(el("span", { "class": "exam-clock", role: "timer", "aria-label": "Time left" }));
    var counter = bar.appendChild(el("span", { "class": "exam-counter" }));
    var card = stage.appendChild(el("div", { "class": "exam-card" }));
    var nav = stage.appendChild(el("div", { "class": "exam-nav" }));
    var prev = nav.appendChild(el("button", { type: "button", "class": "md-button" }, "Previous"));
    var next = nav.appendChild(el("button", { type: "button", "class": "md-button md-button--primary" }, "Next"));
    var submit = nav.appendChild(el("button", { type: "button", "class": "md-button exam-submit" }, "Submit exam"));
    var palette = stage.appendChild(el("nav", { "class": "exam-palette", "aria-label": "Questions" }));

    function show(i) {
      state.i = i;
      var q = questions[i], multiple = q.type === "multiple";
      card.textContent = "";
      var fs = card.appendChild(el("fieldset", { "class": "quiz-question" }));
      fs.appendChild(el("legend", {}, (i + 1) + ". " + q.prompt + (multiple ? " (Choose " + q.answer.length + ".)" : "")));
      var box = fs.appendChild(el("div", { "class": "quiz-choices" }));
      q.choices.forEach(function (text, v) {
        var label = box.appendChild(el("label", { "class": "quiz-choice" }));
        var input = label.appendChild(el("input", { type: multiple ? "checkbox" : "radio", name: "exam-q", value: String(v) }));
        input.checked = state.chosen[i].indexOf(v) >= 0;
        input.addEventListener("change", function () { state.chosen[i] = checkedValues(box); paint(); });
        label.appendChild(el("span", { "class": "quiz-letter" }, LETTERS[v] + "."));
        label.appendChild(document.createTextNode(" " + text));
      });
      var flag = fs.appendChild(el("label", { "class": "exam-flag" }));
      var box2 = flag.appendChild(el("input", { type: "checkbox" }));
      box2.checked = state.flags[i];
      box2.addEventListener("change", function () { state.flags[i] = box2.checked; paint(); });
      flag.appendChild(document.createTextNode(" Flag for review"));
      counter.textContent = "Question " + (i + 1) + " of " + questions.length;
      prev.disabled = i === 0; next.disabled = i === questions.length - 1;
      paint();
      var first = box.querySelector("input"); if (first) first.focus();
    }
    function paint() {
      palette.textContent = "";
      questions.forEach(function (q, j) {
        var b = palette.appendChild(el("button", { type: "button", "class": "exam-dot" + (state.chosen[j].length ? " is-answered" : "") +
          (state.flags[j] ? " is-flagged" : "") + (j === state.i ? " is-current" : ""),
          "aria-label": "Question " + (j + 1) + (state.chosen[j].length ? ", answered" : ", not answered") + (state.flags[j] ? ", flagged" : "") }, String(j + 1)));
        if (j === state.i) b.setAttribute("aria-current", "true");
        b.addEventListener("click", function () { show(j); });
      });
    }
    function tick() {
      var left = Math.max(0, deadline - Date.now()), m = Math.floor(left / 60000), s = Math.floor(left / 1000) % 60;
      clock.textContent = m + ":" + (s < 10 ? "0" : "") + s + " left";
      if (!left) finish();
    }
    function finish() {
      window.clearInterval(timer); timer = null;
      results(root, data, questions, state);
    }
    prev.addEventListener("click", function () { show(state.i - 1); });
    next.addEventListener("click", function () { show(state.i + 1); });
    submit.addEventListener("click", function () {
      var open = state.chosen.filter(function (c) { return !c.length; }).length;
      if (!open || window.confirm(open + " question(s) have no answer. Submit anyway?")) finish();
    });
    if (timer) window.clearInterval(timer);
    timer = window.setInterval(tick, 1000);
    tick(); show(0);
  }

  function results(root, data, questions, state) {
    var stage = root.querySelector(".exam-stage"), per = {}, right = 0;
    stage.textContent = "";
    questions.forEach(function (q, i) {
      var ok = sameSet(state.chosen[i], q.answer);
      var d = per[q.domain] = per[q.domain] || { n: 0, r: 0 };
      d.n++; if (ok) { d.r++; right++; }
      if (state.chosen[i].length) record(q.id, state.chosen[i], ok);
    });
    var pct = Math.round(100 * right / questions.length);
    var heading = stage.appendChild(el("h2", { tabindex: "-1", "class": "exam-result" }, "Your score: " + right + " of " + questions.length + " (" + pct + "%)"));
    var table = stage.appendChild(el("table")), tbody = el("tbody");
    var head = el("tr");
    ["Domain", "Right", "Questions", "Score"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    table.appendChild(el("thead")).appendChild(head); table.appendChild(tbody);
    data.domains.forEach(function (dom) {
      var d = per[dom.id]; if (!d) return;
      var tr = tbody.appendChild(el("tr"));
      [dom.number + " · " + dom.name, d.r, d.n, Math.round(100 * d.r / d.n) + "%"].forEach(function (v) { tr.appendChild(el("td", {}, String(v))); });
    });
    stage.appendChild(el("h2", {}, "Review"));
    var list = stage.appendChild(el("ol", { "class": "exam-review" }));
    questions.forEach(function (q, i) {
      var ok = sameSet(state.chosen[i], q.answer), li = list.appendChild(el("li", { "class": ok ? "is-right" : "is-missed" }));
      li.appendChild(el("p", { "class": "exam-review-q" }, q.prompt + (state.flags[i] ? " (flagged)" : "")));
      var yours = state.chosen[i].map(function (v) { return LETTERS[v] + ". " + q.choices[v]; }).join("; ") || "no answer";
      li.appendChild(el("p", {}, (ok ? "Right. " : "Wrong. ") + "Your answer: " + yours));
      li.appendChild(el("p", {}, "Correct: " + q.answer.map(function (v) { return LETTERS[v] + ". " + q.choices[v]; }).join("; ")));
      li.appendChild(el("p", {}, q.explanation));
      var more = li.appendChild(el("p"));
      more.appendChild(document.createTextNode("Read more: "));
      more.appendChild(el("a", { href: q.sourceHref }, q.sourceLabel));
    });
    var again = stage.appendChild(el("button", { type: "button", "class": "md-button md-button--primary" }, "New practice exam"));
    again.addEventListener("click", function () {
      stage.hidden = true; root.querySelector(".exam-setup").hidden = false;
      renderAttempts(root.querySelector(".exam-attempts"));
    });
    var attempts = read(EXAMS, []);
    attempts.unshift({ t: Date.now(), n: questions.length, r: right });
    write(EXAMS, attempts.slice(0, 20));
    heading.focus();
  }

  function renderAttempts(node) {
    var attempts = read(EXAMS, []);
    node.textContent = "";
    if (!attempts.length) { node.appendChild(el("p", {}, "No attempts yet.")); return; }
    var list = node.appendChild(el("ul"));
    attempts.forEach(function (a) {
      list.appendChild(el("li", {}, new Date(a.t).toLocaleString() + ": " + a.r + " of " + a.n + " (" + Math.round(100 * a.r / a.n) + "%)"));
    });
  }

  function init() {
    if (timer) { window.clearInterval(timer); timer = null; }
    // document$ can emit more than once for the same page: set each block up once.
    Array.prototype.forEach.call(document.querySelectorAll(".quiz[data-quiz]:not([data-ready])"), setupQuiz);
    var data = quizData();
    var progress = document.querySelector(".quiz-progress");
    if (progress && data) setupProgress(progress, data);
    var exam = document.querySelector(".exam:not([data-ready])");
    if (exam && data) setupExam(exam, data);
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
