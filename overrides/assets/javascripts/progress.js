/* My progress: first-try and current accuracy per domain and per page, questions to go over again, exam
   history, export/import, persistent storage, and resets that say what they clear. */
awsmlDefine("progress", ["study-store", "exam-review"], function (S, R) {
  "use strict";
  var el = S.el;

  function tally(questions, answers) {
    var t = { n: questions.length, a: 0, first: 0, now: 0 };
    questions.forEach(function (q) {
      var r = answers[q.id];
      if (!r) return;
      t.a++; if (r.first.ok) t.first++; if (r.last.ok) t.now++;
    });
    return t;
  }

  /* The bars and table rows are in the page from the build (macros/progress.py); only the numbers change here,
     so nothing moves as the page loads. */
  function fill(box, t) {
    var rows = box.querySelectorAll(":scope > .progress-row");
    [[t.a, t.n], [t.first, t.a], [t.now, t.a]].forEach(function (pw, i) {
      rows[i].querySelector(".progress-fill").style.width = S.pct(pw[0], pw[1]) + "%";
      rows[i].querySelector(".progress-figure").textContent = pw[0] + " of " + pw[1] + (pw[1] ? " (" + S.pct(pw[0], pw[1]) + "%)" : "");
    });
  }

  function render(root, data) {
    var state = S.load(), answers = state.data.answers;
    storageStatus(root.querySelector(".progress-storage"), state);
    // Overall and the domains count the chosen exam's practice pool, as the exam page's "questions in this set" does.
    // The line saying what they count is in the page per exam (macros/progress.py), shown by the exam choice.
    var exam = S.examOf(data), pool = S.examQuestions(data, exam);
    fill(root.querySelector(".progress-overall"), tally(pool, answers));
    S.each(root.querySelectorAll(".progress-domain"), function (sec) {
      var code = sec.getAttribute("data-exam"), number = Number(sec.getAttribute("data-domain"));
      var qs = pool.filter(function (q) { return q.d[code] === number; });
      fill(sec, tally(qs, answers));
      S.each(sec.querySelectorAll("tr[data-page]"), function (tr) {
        var pq = qs.filter(function (q) { return q.page === tr.getAttribute("data-page"); }), t = tally(pq, answers);
        var td = tr.children, title = td[0].textContent;
        td[2].textContent = t.a;
        td[3].textContent = t.a ? t.first + " (" + S.pct(t.first, t.a) + "%)" : "—";
        td[4].textContent = t.a ? t.now + " (" + S.pct(t.now, t.a) + "%)" : "—";
        var reset = td[5].firstElementChild;
        reset.toggleAttribute("data-idle", !t.a);  // kept in place, invisible, so rows keep their height
        reset.onclick = function () {
          if (!window.confirm("Forget your " + t.a + " answer(s) on “" + title + "”? Exam history stays.")) return;
          S.update(function (d) { pq.forEach(function (q) { delete d.answers[q.id]; }); });
          render(root, data);
        };
      });
    });
    var rest = root.querySelector(".progress-rest");
    rest.textContent = "";
    missed(rest, data, answers);
    orphans(rest, data, answers);
    history(rest, data, state.data.attempts);
    transfer(rest, data, state, root);
    resetAll(rest, data, state, root);
    root.setAttribute("data-ready", "");
    document.dispatchEvent(new CustomEvent("awsml:progress"));  // the flashcard line above recounts
  }

  /* Warnings about unreadable or newer saved data (rare) at the top; the persistence line sits with export. */
  function storageStatus(box, state) {
    box.textContent = "";
    var warning = S.notice(state);
    if (warning) box.appendChild(el("p", { "class": "quiz-warning", role: "alert" }, warning));
    if (state.status === "corrupt" || state.status === "newer") {
      var keep = box.appendChild(el("button", { type: "button", "class": "md-button progress-download-raw" }, "Download the saved data as it is"));
      keep.addEventListener("click", function () { S.download("awsml-study-unreadable.json", state.raw); });
      if (state.status === "corrupt") {
        var fresh = box.appendChild(el("button", { type: "button", "class": "md-button progress-afresh" }, "Start afresh (the old data is kept aside)"));
        fresh.addEventListener("click", function () {
          var root = box.closest(".quiz-progress");
          if (S.setAside()) render(root, root._data);
          else box.appendChild(el("p", { role: "status" }, "The browser did not let the site set the old data aside."));
        });
      }
    }
  }

  function persistence(box, state) {
    if (state.status === "unavailable") return;
    var line = box.appendChild(el("p", { "class": "progress-persist", role: "status" }, "Your progress is saved in this browser only."));
    S.persisted().then(function (yes) {
      if (yes === null) { line.textContent = "Your progress is saved in this browser only; this browser cannot be asked to keep it for good, so export it now and then."; return; }
      if (yes) { line.textContent = "Your progress is saved in this browser only, and the browser has agreed to keep it (persistent storage granted)."; return; }
      line.textContent = "Your progress is saved in this browser only. Persistent storage was not granted, so the browser may delete it " +
        "(Safari does after 7 days without a visit): export it now and then. ";
      var ask = line.appendChild(el("button", { type: "button", "class": "md-button progress-persist-ask" }, "Ask the browser to keep it"));
      ask.addEventListener("click", function () {
        S.persist().then(function (granted) {
          line.textContent = granted ? "Persistent storage granted: the browser will keep your progress." : "The browser declined to keep the data for good; export it now and then.";
        });
      });
    });
  }

  function missed(root, data, answers) {
    var wrong = data.questions.filter(function (q) { return answers[q.id] && !answers[q.id].last.ok; });
    root.appendChild(el("h2", { id: "missed" }, "To go over again (" + wrong.length + ")"));
    if (!wrong.length) { root.appendChild(el("p", {}, "No question is wrong on your latest try.")); return; }
    root.appendChild(el("p", {}, "Questions whose latest answer was wrong. The practice exam can draw a set from exactly these."));
    var list = root.appendChild(el("ul", { "class": "progress-missed" }));
    wrong.forEach(function (q) {
      var li = list.appendChild(el("li"));
      li.appendChild(el("a", { href: q.questionHref }, q.prompt));
      li.appendChild(document.createTextNode(" — " + q.pageTitle));
    });
  }

  function orphans(root, data, answers) {
    var gone = Object.keys(answers).filter(function (id) { return !data.byId[id]; });
    if (!gone.length) return;
    root.appendChild(el("p", { "class": "progress-orphans" }, gone.length + " saved answer(s) belong to questions no longer on the site; " +
      "they are kept (and exported) but not counted: " + gone.join(", ") + "."));
  }

  function history(root, data, attempts) {
    root.appendChild(el("h2", { id: "exam-history" }, "Practice exams (" + attempts.length + ")"));
    if (!attempts.length) { root.appendChild(el("p", {}, "No practice exam yet.")); return; }
    root.appendChild(R.historyTable(attempts, data.exams, function (a) {
      return el("a", { href: data.examHref + "#attempt-" + a.id, "class": "exam-reopen" }, "Review");
    }));
  }

  function transfer(root, data, state, page) {
    root.appendChild(el("h2", { id: "move" }, "Move your progress"));
    persistence(root, state);
    root.appendChild(el("p", {}, "Export everything (answers, exam history and flashcard reviews) to a file, and import it in another browser or after clearing this one."));
    var box = root.appendChild(el("div", { "class": "progress-transfer" }));
    var out = box.appendChild(el("button", { type: "button", "class": "md-button progress-export" }, "Export my progress"));
    out.addEventListener("click", function () {
      S.download("aws-ml-study-progress-" + new Date().toISOString().slice(0, 10) + ".json", S.exportText());
    });
    var form = box.appendChild(el("form", { "class": "progress-import" }));
    var p = form.appendChild(el("p"));
    p.appendChild(el("label", { "for": "progress-file" }, "Progress file "));
    var file = p.appendChild(el("input", { type: "file", id: "progress-file", accept: "application/json,.json" }));
    var how = form.appendChild(el("fieldset", { "class": "progress-how" }));
    how.appendChild(el("legend", {}, "When importing"));
    [["merge", "Merge with what is here (keeps the earliest first try and the latest try of each question)"],
     ["replace", "Replace what is here"]].forEach(function (o, i) {
      var label = how.appendChild(el("label"));
      label.appendChild(el("input", { type: "radio", name: "progress-how", value: o[0], checked: i === 0 }));
      label.appendChild(document.createTextNode(" " + o[1]));
    });
    form.appendChild(el("button", { type: "submit", "class": "md-button progress-import-go" }, "Import"));
    var status = form.appendChild(el("p", { "class": "progress-import-status", role: "status", "aria-live": "polite" }));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = file.files && file.files[0];
      if (!chosen) { status.textContent = "Choose a file first."; return; }
      var mode = form.querySelector("input[name=progress-how]:checked").value;
      if (mode === "replace" && !window.confirm("Replace every answer and exam attempt saved here with the file's?")) return;
      chosen.text().then(function (text) {
        var result = S.importText(text, mode);
        if (result.ok) { render(page, data); page.querySelector(".progress-import-status").textContent = result.message; }
        else status.textContent = result.message;
      });
    });
  }

  function resetAll(root, data, state, page) {
    root.appendChild(el("h2", { id: "reset" }, "Reset"));
    var answers = Object.keys(state.data.answers).length, attempts = state.data.attempts.length, session = S.loadSession();
    var reviews = state.data.reviews.length;
    var form = root.appendChild(el("form", { "class": "progress-reset" }));
    var fs = form.appendChild(el("fieldset"));
    fs.appendChild(el("legend", {}, "Clear from this browser"));
    var boxes = {};
    [["answers", "Your answers to " + answers + " question(s), first and latest tries", answers],
     ["attempts", attempts + " practice exam(s) and their reviews", attempts],
     ["reviews", "Your " + reviews + " flashcard review(s) and the schedule made from them", reviews],
     ["session", "The unfinished practice exam", session ? 1 : 0]].forEach(function (o) {
      if (!o[2]) return;
      var label = fs.appendChild(el("label"));
      boxes[o[0]] = label.appendChild(el("input", { type: "checkbox", value: o[0], checked: true }));
      label.appendChild(document.createTextNode(" " + o[1]));
    });
    if (!Object.keys(boxes).length) { fs.appendChild(el("p", {}, "Nothing is saved yet.")); return; }
    form.appendChild(el("button", { type: "submit", "class": "md-button progress-reset-go" }, "Reset my progress"));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var what = Object.keys(boxes).filter(function (k) { return boxes[k].checked; });
      if (!what.length || !window.confirm("Clear " + what.map(function (k) { return { answers: "your answers", attempts: "the exam history", reviews: "your flashcard reviews", session: "the unfinished exam" }[k]; }).join(", ") + "? This cannot be undone; export first to keep a copy.")) return;
      S.update(function (d) {
        if (what.indexOf("answers") >= 0) d.answers = {};
        if (what.indexOf("attempts") >= 0) d.attempts = [];
        if (what.indexOf("reviews") >= 0) { d.reviews = []; d.schedule = {}; }
      });
      if (what.indexOf("session") >= 0) S.clearSession();
      render(page, data);
    });
  }

  /* The questions come from a script file beside the page (macros/page_assets.py); until they are here the
     page shows its figures at zero, laid out as they will be. */
  S.onPage(function () {
    var root = document.querySelector(".quiz-progress");
    if (!root) return;
    S.pageData().then(function (data) {
      if (!data || !root.isConnected) return;
      root._data = data;
      render(root, data);
    }, function () {
      storageStatus(root.querySelector(".progress-storage"), S.load());
      root.querySelector(".progress-storage").appendChild(el("p", { "class": "quiz-warning", role: "alert" },
        "The questions could not be loaded, so your progress cannot be counted. Reload the page to try again."));
      root.setAttribute("data-failed", "");
    });
  });
  // Choosing another exam on the page recounts Overall for it (the domain sections switch by CSS).
  document.addEventListener("awsml:exam", function () {
    var root = document.querySelector(".quiz-progress[data-ready]");
    if (root && root._data) render(root, root._data);
  });
});
