/* The practice exam: set-up (mode, question set, size), a running attempt saved on every change so it survives
   reloads and navigation, submit confirmation, timer warnings, and the past attempts with their reviews. */
awsmlDefine("exam", ["study-store", "question-types", "exam-review"], function (S, T, R) {
  "use strict";
  var el = S.el, LETTERS = S.LETTERS;
  var WARN_AT = [10, 1];  // minutes left at which the timer warns
  var MIN_SIZE = 5;
  var timer = null;

  function warnBeforeLeaving(event) { event.preventDefault(); event.returnValue = ""; }
  function stopRunning() {
    if (timer) { window.clearInterval(timer); timer = null; }
    window.removeEventListener("beforeunload", warnBeforeLeaving);
  }

  /* ---------- question sets ---------- */
  function poolOf(data, source, answers) {
    var exam = S.examOf(data), qs = S.examQuestions(data, exam);
    if (source === "all") return qs.slice();
    if (source === "missed") return qs.filter(function (q) { return answers[q.id] && !answers[q.id].last.ok; });
    if (source === "unseen") return qs.filter(function (q) { return !answers[q.id]; });
    var parts = source.split(":");
    if (parts[0] === "domain") return qs.filter(function (q) { return q.d[parts[1]] === Number(parts[2]); });  // domain:CODE:N
    if (parts[0] === "page") return qs.filter(function (q) { return q.page === parts.slice(1).join(":"); });
    return [];
  }

  /* n questions from the pool; for the whole bank, in proportion to the chosen exam's domain weights. */
  function draw(exam, pool, n, weighted) {
    if (!weighted) return exactly(S.shuffle(pool.slice()).slice(0, n), n, pool, {}, exam.code);
    var byDomain = {}, picked = [];
    pool.forEach(function (q) { var d = q.d[exam.code]; (byDomain[d] = byDomain[d] || []).push(q); });
    var quotas = exam.domains.map(function (d) { return { id: d.number, want: Math.round(n * d.weight / 100) }; });
    var diff = n - quotas.reduce(function (s, q) { return s + q.want; }, 0);
    quotas.sort(function (a, b) { return b.want - a.want; })[0].want += diff;
    quotas.forEach(function (q) { picked = picked.concat(S.shuffle((byDomain[q.id] || []).slice()).slice(0, q.want)); });
    var rest = S.shuffle(pool.filter(function (q) { return picked.indexOf(q) < 0; }));
    while (picked.length < n && rest.length) picked.push(rest.pop());
    var want = {};
    quotas.forEach(function (q) { want[q.id] = q.want; });
    return exactly(S.shuffle(picked), n, pool, want, exam.code);
  }

  /* A case study's parts come together (T.group brings the siblings a draw missed); to stay at n, drop
     questions that are not case parts, first from domains now over their quota (`want`: domain number -> count). */
  function exactly(list, n, pool, want, code) {
    var out = T.group(list, pool);
    function over(d) { return want[d] !== undefined && out.filter(function (q) { return q.d[code] === d; }).length > want[d]; }
    [true, false].forEach(function (overOnly) {
      for (var i = out.length - 1; out.length > n && i >= 0; i--) {
        if (!out[i]["case"] && (!overOnly || over(out[i].d[code]))) out.splice(i, 1);
      }
    });
    return out;
  }

  /* The chosen exam's pace: its minutes per question, times n. */
  function minutesFor(exam, n) { return Math.max(1, Math.round(exam.minutes * n / exam.questions)); }

  function newSession(exam, questions, mode, poolLabel) {
    questions = T.group(questions);  // a case study's parts one after another (draw() brings the siblings)
    var now = Date.now(), minutes = minutesFor(exam, questions.length);
    return {
      id: now.toString(36) + Math.random().toString(36).slice(2, 6), started: now, spent: 0, mode: mode, pool: poolLabel,
      exam: exam.code,
      minutes: mode === "timed" ? minutes : null, deadline: mode === "timed" ? now + minutes * 60000 : null, i: 0,
      qids: questions.map(function (q) { return q.id; }),
      order: questions.map(T.initialOrder),  // display order of choices, steps or responses, stable within the attempt
      chosen: questions.map(function () { return []; }), flags: questions.map(function () { return false; }),
      checked: questions.map(function () { return false; })
    };
  }

  /* A saved session may name questions that were removed or changed since: drop or reset those. */
  function reconcile(s, data) {
    var keep = [];
    s.qids.forEach(function (id, i) {
      var q = data.byId[id];
      if (!q) return;
      var order = s.order[i];
      if (!Array.isArray(order) || order.length !== T.size(q) || !T.fits(q, s.chosen[i] || [], order)) { order = T.initialOrder(q); s.chosen[i] = []; }
      keep.push({ id: id, order: order, chosen: s.chosen[i] || [], flag: !!(s.flags || [])[i], checked: !!(s.checked || [])[i] });
    });
    var dropped = s.qids.length - keep.length;
    s.qids = keep.map(function (k) { return k.id; }); s.order = keep.map(function (k) { return k.order; });
    s.chosen = keep.map(function (k) { return k.chosen; }); s.flags = keep.map(function (k) { return k.flag; });
    s.checked = keep.map(function (k) { return k.checked; }); s.i = Math.min(s.i || 0, Math.max(0, keep.length - 1));
    return dropped;
  }

  function isAnswered(q, chosen) { return T.isAnswered(q, chosen); }

  /* ---------- set-up ---------- */
  function typeNames(exam) { return exam.types.map(function (t) { return t.replace("-", " "); }).join(", "); }

  function setup(root, data) {
    var form = root.querySelector(".exam-form"), pool = root.querySelector(".exam-pool");
    var size = root.querySelector(".exam-size"), info = root.querySelector(".exam-pool-info");
    var state = S.load(), shownFor = null;
    /* The chosen exam sets the default length and which domains the pool offers. */
    function forExam(exam) {
      if (shownFor === exam.code) return;
      shownFor = exam.code;
      S.each(pool.querySelectorAll("optgroup[data-exam]"), function (g) {
        var mine = g.getAttribute("data-exam") === exam.code;
        g.hidden = !mine; g.disabled = !mine;
      });
      // Only the pages that hold questions of the chosen exam's pool.
      S.each(pool.querySelectorAll("option[data-exams]"), function (o) {
        var mine = o.getAttribute("data-exams").split(" ").indexOf(exam.code) >= 0;
        o.hidden = !mine; o.disabled = !mine;
      });
      if (pool.selectedOptions[0] && pool.selectedOptions[0].disabled) pool.value = "all";
      size.value = String(exam.questions);
    }
    function refresh() {
      var exam = S.examOf(data);
      forExam(exam);
      var answers = S.load().data.answers, qs = poolOf(data, pool.value, answers);
      var seen = qs.filter(function (q) { return answers[q.id]; }).length;
      size.max = String(qs.length);
      size.min = String(Math.min(MIN_SIZE, qs.length));
      if (Number(size.value) > qs.length) size.value = String(qs.length);
      if (Number(size.value) < Number(size.min)) size.value = size.min;
      info.textContent = qs.length ? qs.length + " " + exam.code + " questions in this set (" + typeNames(exam) + "); you have answered " +
        seen + " of them (" + S.pct(seen, qs.length) + "%)."
        : "No questions in this set yet.";
      form.querySelector(".exam-start").disabled = !qs.length;
      var mode = form.querySelector("input[name=exam-mode]:checked").value, n = Number(size.value) || 0;
      form.querySelector(".exam-time").textContent = mode === "timed" && n ? "Time allowed: " + minutesFor(exam, n) + " minutes." : "";
    }
    document.addEventListener("awsml:exam", function () { if (root.isConnected) refresh(); });
    pool.addEventListener("change", refresh);
    size.addEventListener("input", refresh);
    S.each(form.querySelectorAll("input[name=exam-mode]"), function (r) { r.addEventListener("change", refresh); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = S.load().data.answers, qs = poolOf(data, pool.value, answers);
      var n = Math.max(Math.min(MIN_SIZE, qs.length), Math.min(qs.length, Math.round(Number(size.value)) || qs.length));
      if (!qs.length) return;
      var mode = form.querySelector("input[name=exam-mode]:checked").value;
      var label = pool.options[pool.selectedIndex].textContent;
      var exam = S.examOf(data);
      var session = newSession(exam, draw(exam, qs, n, pool.value === "all"), mode, label);
      S.saveSession(session);
      run(root, data, session);
    });
    var warning = S.notice(state);
    root.querySelector(".exam-storage").textContent = warning;
    root.querySelector(".exam-storage").hidden = !warning;
    refresh();
    attempts(root, data);
    offerResume(root, data);
  }

  function showSetup(root, data) {
    stopRunning();
    root.querySelector(".exam-stage").hidden = true;
    root.querySelector(".exam-setup").hidden = false;
    if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
    attempts(root, data);
    offerResume(root, data);
  }

  function offerResume(root, data) {
    var box = root.querySelector(".exam-resume"), s = S.loadSession();
    box.textContent = "";
    box.hidden = !s;
    if (!s) return;
    var answered = s.qids.filter(function (id, i) { var q = data.byId[id]; return q && !T.unanswered(q, s.chosen[i] || []); }).length;
    var expired = s.deadline && s.deadline <= Date.now();
    box.appendChild(el("h2", { id: "unfinished" }, "Unfinished practice exam"));
    box.appendChild(el("p", {}, "Started " + new Date(s.started).toLocaleString() + " · " + answered + " of " + s.qids.length +
      " answered · " + (expired ? "time ran out while you were away" : s.deadline ? minutesLeft(s) + " left" : R.MODES[s.mode])));
    var resume = box.appendChild(el("button", { type: "button", "class": "md-button md-button--primary exam-resume-go" },
      expired ? "See the results" : "Resume"));
    var discard = box.appendChild(el("button", { type: "button", "class": "md-button exam-discard" }, "Discard"));
    resume.addEventListener("click", function () { run(root, data, s); });
    discard.addEventListener("click", function () {
      if (!window.confirm("Discard this unfinished exam? Its answers will not be scored or kept.")) return;
      S.clearSession(); offerResume(root, data); resume.blur();
    });
  }

  function minutesLeft(s) {
    var left = Math.max(0, s.deadline - Date.now()), m = Math.floor(left / 60000), sec = Math.floor(left / 1000) % 60;
    var h = Math.floor(m / 60);
    return (h ? h + ":" + (m % 60 < 10 ? "0" : "") + (m % 60) : m) + ":" + (sec < 10 ? "0" : "") + sec;
  }

  /* ---------- the running attempt ---------- */
  function run(root, data, s) {
    stopRunning();
    var dropped = reconcile(s, data);
    if (!s.qids.length) { S.clearSession(); offerResume(root, data); return; }
    var questions = s.qids.map(function (id) { return data.byId[id]; });
    var stage = root.querySelector(".exam-stage");
    root.querySelector(".exam-setup").hidden = true;
    stage.hidden = false;
    stage.textContent = "";
    var bar = stage.appendChild(el("div", { "class": "exam-bar" }));
    var clock = bar.appendChild(el("span", { "class": "exam-clock", role: "timer", "aria-label": "Time left" }));
    var counter = bar.appendChild(el("span", { "class": "exam-counter" }));
    var alert = bar.appendChild(el("span", { "class": "exam-alert", "aria-live": "assertive" }));
    if (dropped) stage.appendChild(el("p", { "class": "quiz-warning" }, dropped + " question(s) of this attempt are no longer on the site and were left out."));
    var card = stage.appendChild(el("div", { "class": "exam-card" }));
    var nav = stage.appendChild(el("div", { "class": "exam-nav" }));
    var prev = nav.appendChild(el("button", { type: "button", "class": "md-button exam-prev" }, "Previous"));
    var next = nav.appendChild(el("button", { type: "button", "class": "md-button md-button--primary exam-next" }, "Next"));
    var submit = nav.appendChild(el("button", { type: "button", "class": "md-button exam-submit" }, s.mode === "practice" ? "Finish" : "Submit exam"));
    var paletteBox = stage.appendChild(el("div", { "class": "exam-palette-box" }));
    paletteBox.appendChild(el("h2", { "class": "exam-palette-title", id: "exam-palette-title" }, "Questions"));
    var legend = paletteBox.appendChild(el("ul", { "class": "exam-legend", "aria-label": "Legend" }));
    [["is-answered", "answered"], ["", "not answered"], ["is-flagged", "flagged for review"], ["is-current", "current question"]].forEach(function (l) {
      var li = legend.appendChild(el("li"));
      li.appendChild(el("span", { "class": "exam-dot exam-dot--key " + l[0], "aria-hidden": "true" }, " "));
      li.appendChild(document.createTextNode(" " + l[1]));
    });
    var palette = paletteBox.appendChild(el("nav", { "class": "exam-palette", "aria-labelledby": "exam-palette-title" }));
    var confirm = stage.appendChild(buildConfirm());
    var warned = {};
    WARN_AT.forEach(function (m) { if (s.deadline && s.deadline - s.started <= m * 60000) warned[m] = true; });  // too short to warn

    function persist() { S.saveSession(s); }

    function show(i, focus) {
      s.i = i; persist();
      var q = questions[i], multiple = q.type === "multiple", locked = s.mode === "practice" && s.checked[i];
      card.textContent = "";
      var fs = card.appendChild(el("fieldset", { "class": "quiz-question", "aria-labelledby": "exam-q-prompt", "data-qid": q.id, "data-type": q.type }));
      if (q.case) fs.appendChild(T.scenario(q));
      var prompt = fs.appendChild(el("p", { "class": "quiz-prompt", id: "exam-q-prompt" }));
      prompt.appendChild(el("span", { "class": "quiz-num" }, (i + 1) + ". "));
      prompt.appendChild(document.createTextNode(q.prompt));
      if (multiple) prompt.appendChild(el("strong", {}, " (Choose " + q.answer.length + ".)"));
      var typed = T.owns(q.type), box = fs.appendChild(typed ? T.build(q, s.order[i], s.chosen[i], "exam-q")
        : el("div", { "class": "quiz-choices" }));
      if (typed) {  // ordering and matching (question-types.js)
        T.wire(box, function (chosen) { s.chosen[i] = chosen; persist(); paint(); });
        if (locked) T.lock(box);
      } else s.order[i].forEach(function (v, pos) {
        var label = box.appendChild(el("label", { "class": "quiz-choice" }));
        var input = label.appendChild(el("input", { type: multiple ? "checkbox" : "radio", name: "exam-q", value: String(v) }));
        input.checked = s.chosen[i].indexOf(v) >= 0;
        input.disabled = locked;
        input.addEventListener("change", function () {
          s.chosen[i] = Array.prototype.map.call(box.querySelectorAll("input:checked"), function (x) { return Number(x.value); });
          persist(); paint();
        });
        label.appendChild(el("span", { "class": "quiz-letter" }, LETTERS[pos] + "."));
        label.appendChild(el("span", { "class": "quiz-choice-text" }, q.choices[v]));
      });
      var flag = fs.appendChild(el("label", { "class": "exam-flag" }));
      var flagBox = flag.appendChild(el("input", { type: "checkbox", "class": "exam-flag-input" }));
      flagBox.checked = s.flags[i];
      flagBox.addEventListener("change", function () { s.flags[i] = flagBox.checked; persist(); paint(); });
      flag.appendChild(document.createTextNode(" Flag for review"));
      if (s.mode === "practice") practiceFeedback(fs, q, i, box);
      counter.textContent = "Question " + (i + 1) + " of " + questions.length;
      prev.disabled = i === 0; next.disabled = i === questions.length - 1;
      paint();
      if (focus !== false) {
        var first = box.querySelector("input:not([disabled]), select:not([disabled]), .quiz-move button[aria-disabled=false]:not([disabled])") ||
          box.querySelector("input, select, .quiz-move button");
        if (first) first.focus();
      }
    }

    function practiceFeedback(fs, q, i, box) {
      var actions = fs.appendChild(el("div", { "class": "quiz-actions" }));
      var check = actions.appendChild(el("button", { type: "button", "class": "md-button quiz-check" }, "Check"));
      var feedback = fs.appendChild(el("div", { "class": "quiz-feedback", role: "status", "aria-live": "polite" }));
      function reveal() {
        var ok = T.isRight(q, s.chosen[i]);
        check.disabled = true;
        if (T.owns(q.type)) { T.mark(box); T.lock(box); }
        S.each(box.querySelectorAll("input"), function (x) { x.disabled = true; });
        S.each(box.querySelectorAll(".quiz-choice"), function (label) {
          var v = Number(label.querySelector("input").value);
          label.classList.toggle("is-answer", q.answer.indexOf(v) >= 0);
          label.classList.toggle("is-wrong", s.chosen[i].indexOf(v) >= 0 && q.answer.indexOf(v) < 0);
        });
        fs.classList.toggle("is-right", ok); fs.classList.toggle("is-missed", !ok);
        feedback.textContent = "";
        feedback.appendChild(el("p", { "class": "quiz-verdict" }, ok ? "Correct." : "Not quite."));
        if (T.owns(q.type) && !ok) feedback.appendChild(T.answerList(q));
        if (!T.owns(q.type)) s.chosen[i].forEach(function (v) {
          if (q.answer.indexOf(v) < 0 && q.whyWrong[String(v)]) feedback.appendChild(el("p", {}, "“" + q.choices[v] + "” is wrong: " + q.whyWrong[String(v)]));
        });
        feedback.appendChild(el("p", {}, q.explanation));
        var more = feedback.appendChild(el("p"));
        more.appendChild(document.createTextNode("Read more: "));
        more.appendChild(el("a", { href: q.sourceHref }, q.sourceLabel));
      }
      check.addEventListener("click", function () {
        if (!isAnswered(q, s.chosen[i])) {
          feedback.textContent = T.owns(q.type) ? T.hint(q) : q.type === "multiple" ? "Choose " + q.answer.length + " answers." : "Choose an answer first.";
          return;
        }
        s.checked[i] = true; persist();
        var ok = T.isRight(q, s.chosen[i]);
        S.update(function (d) { S.recordAnswer(d, q.id, s.chosen[i], ok, "practice"); });
        reveal(); paint();
      });
      if (s.checked[i]) reveal();
    }

    function paint() {
      palette.textContent = "";
      questions.forEach(function (q, j) {
        var done = isAnswered(q, s.chosen[j]);
        var b = palette.appendChild(el("button", { type: "button", "class": "exam-dot" + (done ? " is-answered" : "") +
          (s.flags[j] ? " is-flagged" : "") + (j === s.i ? " is-current" : ""),
          "aria-label": "Question " + (j + 1) + (done ? ", answered" : ", not answered") + (s.flags[j] ? ", flagged" : "") }, String(j + 1)));
        if (j === s.i) b.setAttribute("aria-current", "step");
        b.addEventListener("click", function () { show(j); });
      });
    }

    function tick() {
      var now = Date.now();
      s.spent = (s.spent || 0) + Math.min(5000, Math.max(0, now - (s._last || now)));
      s._last = now;
      if (!s.deadline) {
        clock.textContent = (s.mode === "practice" ? "Practice" : "Untimed") + " · " + S.duration(s.spent);
        persist(); return;
      }
      var left = Math.max(0, s.deadline - now);
      clock.textContent = minutesLeft(s) + " left";
      WARN_AT.forEach(function (m) {
        if (!warned[m] && left <= m * 60000 && left > 0) {
          warned[m] = true;
          alert.textContent = m === 1 ? "1 minute left." : m + " minutes left.";
        }
      });
      bar.classList.toggle("is-low", left <= WARN_AT[0] * 60000);
      bar.classList.toggle("is-urgent", left <= WARN_AT[1] * 60000);
      persist();
      if (!left) finish(true);
    }

    function finish(timedOut) {
      stopRunning();
      if (confirm.open) confirm.close();
      var attempt = score(data, s, questions, timedOut);
      S.clearSession();
      showAttempt(root, data, attempt);
    }

    function openConfirm() {
      var lists = { unanswered: [], flagged: [], picks: [] };
      questions.forEach(function (q, j) {
        if (T.unanswered(q, s.chosen[j])) lists.unanswered.push(j);
        else if (!isAnswered(q, s.chosen[j])) lists.picks.push(j);
        if (s.flags[j]) lists.flagged.push(j);
      });
      var body = confirm.querySelector(".exam-confirm-body");
      body.textContent = "";
      var lines = [["unanswered", " unanswered"], ["picks", " with the wrong number of choices picked"], ["flagged", " flagged for review"]];
      var ul = el("ul");
      lines.forEach(function (line) {
        var items = lists[line[0]];
        if (!items.length) return;
        var li = ul.appendChild(el("li", { "class": "exam-confirm-" + line[0] }, items.length + line[1] + ": "));
        items.forEach(function (j, k) {
          var go = li.appendChild(el("button", { type: "button", "class": "exam-confirm-jump", "aria-label": "Go to question " + (j + 1) }, String(j + 1)));
          go.addEventListener("click", function () { confirm.close(); show(j); });
          if (k < items.length - 1) li.appendChild(document.createTextNode(" "));
        });
      });
      if (ul.children.length) body.appendChild(ul);
      else body.appendChild(el("p", {}, "All " + questions.length + " questions are answered and none is flagged."));
      body.appendChild(el("p", {}, s.mode === "practice" ? "Finishing ends this practice set and shows the review."
        : "After submitting you cannot change your answers." + (lists.unanswered.length + lists.picks.length ? " Questions without a full answer count as wrong." : "")));
      confirm.showModal();
      confirm.querySelector(".exam-confirm-back").focus();
    }

    prev.addEventListener("click", function () { show(s.i - 1); });
    next.addEventListener("click", function () { show(s.i + 1); });
    submit.addEventListener("click", openConfirm);
    confirm.querySelector(".exam-confirm-submit").addEventListener("click", function () { finish(false); });
    confirm.querySelector(".exam-confirm-back").addEventListener("click", function () { confirm.close(); });
    window.addEventListener("beforeunload", warnBeforeLeaving);
    s._last = Date.now();
    timer = window.setInterval(tick, 1000);
    show(s.i || 0);
    tick();
  }

  function buildConfirm() {
    var dialog = el("dialog", { "class": "exam-confirm", "aria-labelledby": "exam-confirm-title" });
    dialog.appendChild(el("h2", { id: "exam-confirm-title" }, "Submit the exam?"));
    dialog.appendChild(el("div", { "class": "exam-confirm-body" }));
    var actions = dialog.appendChild(el("div", { "class": "exam-confirm-actions" }));
    actions.appendChild(el("button", { type: "button", "class": "md-button md-button--primary exam-confirm-submit" }, "Submit now"));
    actions.appendChild(el("button", { type: "button", "class": "md-button exam-confirm-back" }, "Back to the exam"));
    return dialog;
  }

  /* Turn the finished session into an attempt kept in the history; exam answers join the learner's record
     (first and latest try) but never the page quizzes. */
  function score(data, s, questions, timedOut) {
    var per = {}, right = 0, answered = 0, exam = R.examFor(data, s.exam), now = Date.now();
    // A timed attempt took what its clock shows: the clock runs on the deadline, also while the learner is away
    // (and ticks of a background tab are throttled, so their sum would fall short). Untimed ones count ticks.
    var spent = s.deadline ? Math.min(now, s.deadline) - s.started : s.spent;
    var attempt = { id: s.id, started: s.started, finished: now, spent: spent, mode: s.mode, pool: s.pool,
                    exam: exam.code, timedOut: !!timedOut, qids: s.qids, order: s.order, chosen: s.chosen,
                    flags: s.flags, n: questions.length };
    var ok = questions.map(function (q, i) {
      var key = R.domainKey(exam, q), isRight = R.outcome(attempt, i, q) === "right";
      var dom = per[key] = per[key] || { n: 0, r: 0 };
      dom.n++; if (isRight) { dom.r++; right++; }
      if (!T.unanswered(q, s.chosen[i])) answered++;
      return isRight;
    });
    attempt.right = right; attempt.answered = answered; attempt.perDomain = per;
    S.update(function (d) {
      questions.forEach(function (q, i) {  // practice answers were recorded when checked
        if (!T.unanswered(q, s.chosen[i]) && !s.checked[i]) S.recordAnswer(d, q.id, s.chosen[i], ok[i], s.mode === "practice" ? "practice" : "exam");
      });
      d.attempts.unshift(attempt);
    });
    return attempt;
  }

  /* ---------- past attempts and reopening a review ---------- */
  function showAttempt(root, data, attempt) {
    stopRunning();
    var stage = root.querySelector(".exam-stage");
    root.querySelector(".exam-setup").hidden = true;
    stage.hidden = false;
    // Keep the review in the address, so Back from a "Read more" link comes back to it.
    history.replaceState(history.state, "", location.pathname + location.search + "#attempt-" + attempt.id);
    R.render(stage, attempt, data, function () { showSetup(root, data); });
  }

  function attempts(root, data) {
    var node = root.querySelector(".exam-attempts"), list = S.load().data.attempts;
    node.textContent = "";
    if (!list.length) { node.appendChild(el("p", {}, "No attempts yet.")); return; }
    node.appendChild(R.historyTable(list, data.exams, function (a) {
      var open = el("button", { type: "button", "class": "md-button exam-reopen" }, "Review");
      open.addEventListener("click", function () { showAttempt(root, data, a); });
      return open;
    }));
  }

  /* The questions come from a script file beside the page (macros/page_assets.py), loaded as the page opens; the
     form's controls wait, disabled in the page, until they are here. */
  function init() {
    stopRunning();
    var root = document.querySelector(".exam:not([data-ready]):not([data-loading])");
    if (!root) return;
    root.setAttribute("data-loading", "");
    S.pageData().then(function (data) {
      root.removeAttribute("data-loading");
      if (!data || !root.isConnected) return;
      S.each(root.querySelector(".exam-form").elements, function (c) { c.disabled = false; });
      setup(root, data);
      var match = /^#attempt-(.+)$/.exec(location.hash);
      var attempt = match && S.load().data.attempts.filter(function (a) { return a.id === match[1]; })[0];
      if (attempt) showAttempt(root, data, attempt);
      root.setAttribute("data-ready", "");
    }, function () {
      root.removeAttribute("data-loading");
      root.setAttribute("data-failed", "");
      var box = root.querySelector(".exam-storage");
      box.textContent = "The questions could not be loaded, so the practice exam cannot start. Reload the page to try again.";
      box.hidden = false;
    });
  }

  S.onPage(init);
});
