/* Quiz blocks at the end of notes pages. Answers go to study-store.js; only a page quiz's own answers are
   shown again on the page (exam answers stay in the exam history). */
(function () {
  "use strict";
  var S = window.AwsmlStudy, LETTERS = S.LETTERS;

  function reletter(box) {
    S.each(box.querySelectorAll(".quiz-letter"), function (span, i) { span.textContent = LETTERS[i] + "."; });
  }
  function checkedValues(scope) {
    return Array.prototype.map.call(scope.querySelectorAll("input:checked"), function (i) { return Number(i.value); });
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
      } else S.types.setupPage(fs, page);  // ordering and matching (question-types.js)
      fs.querySelector(".quiz-answer").hidden = true;
      fs.querySelector(".quiz-check").addEventListener("click", function () { check(fs, true); });
      if (page) check(fs, false);
    });
    var warning = S.notice(state);
    if (warning) section.querySelector(".quiz-intro").appendChild(S.el("strong", { "class": "quiz-warning" }, " " + warning));
    score(section);
    section.setAttribute("data-ready", "");
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
    var result = S.types.owns(fs.getAttribute("data-type")) ? S.types.checkPage(fs) : checkChoices(fs);
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

  // Print in the original order so the printed answer key matches.
  window.addEventListener("beforeprint", function () {
    S.each(document.querySelectorAll(".quiz-choices"), function (box) {
      Array.prototype.slice.call(box.children).sort(function (a, b) {
        return a.getAttribute("data-index") - b.getAttribute("data-index");
      }).forEach(function (c) { box.appendChild(c); });
      reletter(box);
    });
  });

  S.onPage(function () {
    // document$ can emit more than once for the same page: set each block up once.
    S.each(document.querySelectorAll(".quiz[data-quiz]:not([data-ready])"), setupQuiz);
  });
})();
