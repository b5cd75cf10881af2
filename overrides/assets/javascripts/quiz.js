/* Quiz blocks at the end of notes pages. Answers go to study-store.js; only a page quiz's own answers are
   shown again on the page (exam answers stay in the exam history).

   A quiz costs no DOM until it is wanted: the page carries its questions, answers and key inside a <noscript>
   (readable without JavaScript; macros/quiz.py), and this script builds the quiz from that markup when the learner
   gets near it, focuses into it (its intro's link comes first, so Tab reaches the questions), follows a link to
   #quiz or #q-<id>, or prints. */
awsmlDefine("quiz", ["study-store", "question-types"], function (S, T) {
  "use strict";
  var LETTERS = S.LETTERS, NEAR = "0px 0px 1200px 0px";  // how near (below the screen) a quiz starts to build

  function reletter(box) {
    S.each(box.querySelectorAll(".quiz-letter"), function (span, i) { span.textContent = LETTERS[i] + "."; });
  }
  function checkedValues(scope) {
    return Array.prototype.map.call(scope.querySelectorAll("input:checked"), function (i) { return Number(i.value); });
  }

  /* The noscript's markup: its text when the browser parsed the page, its elements when Material's instant
     navigation did (DOMParser parses without scripting). Left as text, so the elements do not stay in the page. */
  function markup(noscript) {
    if (noscript.firstElementChild) noscript.textContent = noscript.innerHTML;
    return noscript.textContent;
  }

  /* Build the quiz from its markup and set it up; the first call does it, later ones do nothing. */
  function render(section) {
    if (section.hasAttribute("data-rendered")) return;
    var noscript = section.querySelector(".quiz-body > noscript");
    section.setAttribute("data-rendered", "");
    if (section._stop) section._stop();
    if (noscript) {
      var template = document.createElement("template");
      template.innerHTML = markup(noscript);
      noscript.replaceWith(template.content);
    }
    setupQuiz(section);
  }

  /* An address naming the quiz (#quiz) or one of its questions (#q-<id>, from My progress and the practice
     exam's review) builds it, then scrolls to its target again: the browser found no question to scroll to, or
     could not bring the heading up while the page still ended below it. */
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if ((id !== "quiz" && id.indexOf("q-") !== 0) || !document.querySelector(".quiz[data-quiz]")) return;
    S.each(document.querySelectorAll(".quiz[data-quiz]:not([data-rendered])"), render);
    var target = document.getElementById(id);
    if (target) target.scrollIntoView();
  }

  /* Build when wanted: near the screen, focused into, or printed (see reveal and beforeprint for the others). */
  function arm(section) {
    var noscript = section.querySelector(".quiz-body > noscript");
    if (noscript) markup(noscript);  // instant navigation's elements become text at once
    var onFocus = function () { render(section); };
    section.addEventListener("focusin", onFocus);
    var watch = window.IntersectionObserver && new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) render(section);
    }, { rootMargin: NEAR });
    if (watch) watch.observe(section);
    else render(section);
    section._stop = function () { if (watch) watch.disconnect(); section.removeEventListener("focusin", onFocus); };
    section.setAttribute("data-ready", "");
  }

  function setupQuiz(section) {
    var state = S.load(), saved = state.data.answers;
    S.each(section.querySelectorAll(".quiz-question"), function (fs) {
      var box = fs.querySelector(".quiz-choices"), prior = saved[fs.getAttribute("data-qid")];
      var page = prior && prior.page && prior.page.length ? prior.page : null;
      if (box) {
        S.shuffle(Array.prototype.slice.call(box.children)).forEach(function (c) { box.appendChild(c); });
        reletter(box);
        if (page) page.forEach(function (v) { var i = fs.querySelector('input[value="' + v + '"]'); if (i) i.checked = true; });
      } else T.setupPage(fs, page);  // ordering and matching (question-types.js)
      fs.querySelector(".quiz-answer").hidden = true;
      fs.querySelector(".quiz-check").addEventListener("click", function () { check(fs, true); });
      if (page) check(fs, false);
    });
    var warning = S.notice(state);
    if (warning) section.querySelector(".quiz-intro").appendChild(S.el("strong", { "class": "quiz-warning" }, " " + warning));
    score(section);
  }

  /* {problem} when the question is not fully answered, else {ok, chosen, text}; marks the choices. */
  function checkChoices(fs) {
    var answer = fs.getAttribute("data-answer").split(",").map(Number), chosen = checkedValues(fs);
    if (!chosen.length) return { problem: "Choose an answer first." };
    if (fs.getAttribute("data-type") === "multiple" && chosen.length !== answer.length) return { problem: "Choose " + answer.length + " answers." };
    var ok = S.sameSet(chosen, answer), right = [];
    S.each(fs.querySelectorAll(".quiz-choice"), function (label, pos) {
      var v = Number(label.getAttribute("data-index"));
      label.classList.toggle("is-answer", answer.indexOf(v) >= 0);
      label.classList.toggle("is-wrong", chosen.indexOf(v) >= 0 && answer.indexOf(v) < 0);
      if (answer.indexOf(v) >= 0) right.push(LETTERS[pos]);
    });
    return { ok: ok, chosen: chosen, text: ok ? "Correct." : "Not quite: the answer is " + right.join(" and ") + "." };
  }

  function check(fs, fresh) {
    var feedback = fs.querySelector(".quiz-feedback");
    var result = T.owns(fs.getAttribute("data-type")) ? T.checkPage(fs) : checkChoices(fs);
    if (result.problem) { feedback.textContent = result.problem; return; }
    var ok = result.ok, chosen = result.chosen;
    fs.classList.toggle("is-right", ok);
    fs.classList.toggle("is-missed", !ok);
    feedback.textContent = result.text;
    var details = fs.querySelector(".quiz-answer");
    details.hidden = false; details.open = true;
    if (fresh) {
      var qid = fs.getAttribute("data-qid");
      S.update(function (data) { S.recordAnswer(data, qid, chosen, ok, "quiz"); });
      score(fs.closest(".quiz"));
    }
  }

  /* First try and latest try, so a second go after seeing the key does not count as known. */
  function score(section) {
    var saved = S.load().data.answers, answered = 0, first = 0, now = 0;
    var questions = section.querySelectorAll(".quiz-question");
    S.each(questions, function (fs) {
      var r = saved[fs.getAttribute("data-qid")];
      if (r) { answered++; if (r.first.ok) first++; if (r.last.ok) now++; }
    });
    section.querySelector(".quiz-score").textContent = answered
      ? "Your score: " + now + " of " + questions.length + " right (" + answered + " answered, " + first + " right first time)" : "";
  }

  // Print every quiz, in the original order so the printed answer key matches.
  window.addEventListener("beforeprint", function () {
    S.each(document.querySelectorAll(".quiz[data-quiz]:not([data-rendered])"), render);
    S.each(document.querySelectorAll(".quiz-choices"), function (box) {
      Array.prototype.slice.call(box.children).sort(function (a, b) {
        return a.getAttribute("data-index") - b.getAttribute("data-index");
      }).forEach(function (c) { box.appendChild(c); });
      reletter(box);
    });
  });

  window.addEventListener("hashchange", reveal);

  S.onPage(function () {
    // document$ can emit more than once for the same page: set each block up once.
    S.each(document.querySelectorAll(".quiz[data-quiz]:not([data-ready])"), arm);
    reveal();
  });
});
