/* Ordering and matching questions and case-study parts, for the page quizzes (quiz.js), the practice exam
   (exam.js) and its review (exam-review.js). Answers stay arrays of numbers:
   ordering: the step indexes in the learner's order (right: 0, 1, 2 …), [] until a step has been moved;
   matching: for each prompt the index of the chosen response, -1 for none. Both are all-or-nothing. */
awsmlDefine("question-types", ["study-store"], function (S) {
  "use strict";
  var el = S.el;
  var HINT = "Move the steps into order with their buttons, or with Alt+Up and Alt+Down on a step.";

  function owns(type) { return type === "ordering" || type === "matching"; }
  function size(q) { return q.type === "ordering" ? q.steps.length : q.type === "matching" ? q.responses.length : q.choices.length; }
  function inOrder(list) { return list.every(function (v, i) { return Number(v) === i; }); }
  /* A shuffled order for the exam's display; steps to order never start already right. */
  function initialOrder(q) {
    var order = S.shuffle(S.range(size(q)));
    if (q.type === "ordering" && inOrder(order)) order.push(order.shift());
    return order;
  }
  /* Do a saved answer and display order still fit the question (it may have changed since it was saved)?
     Steps not yet moved must not show in the right order. */
  function fits(q, chosen, order) {
    if (q.type === "ordering" && order && !chosen.length && inOrder(order)) return false;
    if (!owns(q.type) || !chosen.length) return true;
    if (q.type === "ordering") return chosen.length === q.steps.length && S.sameSet(chosen, S.range(q.steps.length));
    return chosen.length === q.prompts.length && chosen.every(function (v) { return v >= -1 && v < q.responses.length; });
  }
  function isAnswered(q, chosen) {
    if (q.type === "ordering") return chosen.length === q.steps.length;
    if (q.type === "matching") return chosen.length === q.prompts.length && chosen.every(function (v) { return v >= 0; });
    return chosen.length > 0 && (q.type !== "multiple" || chosen.length === q.answer.length);
  }
  /* Counts as unanswered in the submit dialog and the score: nothing picked, or a matching only partly done. */
  function unanswered(q, chosen) { return owns(q.type) ? !isAnswered(q, chosen) : !chosen.length; }
  function isRight(q, chosen) {
    if (!owns(q.type)) return S.sameSet(chosen, q.answer);
    return isAnswered(q, chosen) && chosen.every(function (v, i) { return v === q.answer[i]; });
  }
  function outcome(q, chosen) { return unanswered(q, chosen) ? "unanswered" : isRight(q, chosen) ? "right" : "wrong"; }
  function hint(q) { return q.type === "ordering" ? "Move the steps into order first." : "Choose a response for every item first."; }

  /* A case study's parts side by side and in order: where a list holds a part, all parts of its case follow
     there (parts the list lacks come from `all`, e.g. every question). Idempotent. */
  function group(list, all) {
    var parts = {}, done = {}, out = [];
    (all || list).forEach(function (q) { if (q.case) (parts[q.case] = parts[q.case] || []).push(q); });
    Object.keys(parts).forEach(function (c) { parts[c].sort(function (a, b) { return a.casePart - b.casePart; }); });
    list.forEach(function (q) {
      if (!q.case) { out.push(q); return; }
      if (done[q.case]) return;
      done[q.case] = true;
      out = out.concat(parts[q.case] || [q]);
    });
    return out;
  }

  /* ---------- the controls: the page quiz's HTML (macros/templates/quiz_question.html) or built here ---------- */
  function short(text) { return text.length <= 40 ? text : text.slice(0, 40).replace(/\s+\S*$/, "") + "…"; }
  function stepItem(text, index) {
    var li = el("li", { "class": "quiz-step", "data-index": String(index) });
    li.appendChild(el("span", { "class": "quiz-step-text" }, text));
    var move = li.appendChild(el("span", { "class": "quiz-move" }));
    [["up", "↑", "Up"], ["down", "↓", "Down"]].forEach(function (d) {
      var b = move.appendChild(el("button", { type: "button", "class": "quiz-move-" + d[0], "aria-label": "Move “" + short(text) + "” " + d[0] }));
      b.appendChild(el("span", { "aria-hidden": "true" }, d[1]));
      b.appendChild(document.createTextNode(" " + d[2]));
    });
    return li;
  }
  /* The answer controls of an ordering or matching question for the exam; `order` is the display order
     (of steps, or of the responses in each list), `id` a prefix for the lists' ids. */
  function build(q, order, chosen, id) {
    var box = el("div", { "class": "quiz-typed" });
    if (q.type === "ordering") {
      box.appendChild(el("p", { "class": "quiz-hint" }, HINT));
      var ol = box.appendChild(el("ol", { "class": "quiz-steps", "aria-label": "Steps in your order", "data-moved": chosen.length ? true : null }));
      (chosen.length ? chosen : order).forEach(function (v) { ol.appendChild(stepItem(q.steps[v], v)); });
      box.appendChild(el("p", { "class": "quiz-sr", "aria-live": "polite" }));
      return box;
    }
    var ul = box.appendChild(el("ul", { "class": "quiz-pairs" }));
    q.prompts.forEach(function (prompt, k) {
      var li = ul.appendChild(el("li", { "class": "quiz-pair", "data-answer": String(q.answer[k]) }));
      li.appendChild(el("label", { "class": "quiz-pair-prompt", "for": id + "-" + k }, prompt));
      var select = li.appendChild(el("select", { "class": "quiz-select", id: id + "-" + k }));
      select.appendChild(el("option", { value: "" }, "Choose…"));
      order.forEach(function (r) { select.appendChild(el("option", { value: String(r) }, q.responses[r])); });
      select.value = chosen[k] >= 0 ? String(chosen[k]) : "";
    });
    return box;
  }

  /* The learner's answer as it stands in the controls under `scope`. */
  function read(scope) {
    var list = scope.querySelector(".quiz-steps");
    if (list) return list.hasAttribute("data-moved") ? Array.prototype.map.call(list.children, function (li) { return Number(li.getAttribute("data-index")); }) : [];
    return Array.prototype.map.call(scope.querySelectorAll(".quiz-select"), function (s) { return s.value === "" ? -1 : Number(s.value); });
  }

  /* The ends of the list cannot move further: aria-disabled, not disabled, so a focused button keeps focus. */
  function edges(list) {
    var items = list.children;
    S.each(items, function (li, i) {
      li.querySelector(".quiz-move-up").setAttribute("aria-disabled", String(i === 0));
      li.querySelector(".quiz-move-down").setAttribute("aria-disabled", String(i === items.length - 1));
    });
  }

  function move(list, li, step, focus, onChange) {
    var items = Array.prototype.slice.call(list.children), at = items.indexOf(li), to = at + step;
    if (to < 0 || to >= items.length) return;
    list.insertBefore(li, step < 0 ? items[to] : items[to].nextSibling);
    list.setAttribute("data-moved", "");
    edges(list);
    // Focus follows the step: the same control, or its other button once the step has reached an end.
    var target = focus && li.contains(focus) && focus.getAttribute("aria-disabled") !== "true" ? focus
      : li.querySelector('button[aria-disabled="false"]');
    if (target) target.focus();
    var status = list.parentNode.querySelector(".quiz-sr");
    if (status) status.textContent = "Step moved to position " + (to + 1) + " of " + items.length + ".";
    onChange(read(list.parentNode));
  }

  /* Listen to the controls under `scope`; onChange(chosen) after every change. Safe to call once per scope. */
  function wire(scope, onChange) {
    var list = scope.querySelector(".quiz-steps");
    if (list) {
      edges(list);
      list.addEventListener("click", function (event) {
        var b = event.target.closest("button");
        if (!b || b.disabled || b.getAttribute("aria-disabled") === "true") return;
        move(list, b.closest(".quiz-step"), b.classList.contains("quiz-move-up") ? -1 : 1, b, onChange);
      });
      list.addEventListener("keydown", function (event) {
        if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown") || list.hasAttribute("data-locked")) return;
        var li = event.target.closest(".quiz-step");
        if (!li) return;
        event.preventDefault();
        move(list, li, event.key === "ArrowUp" ? -1 : 1, document.activeElement, onChange);
      });
    }
    S.each(scope.querySelectorAll(".quiz-select"), function (s) { s.addEventListener("change", function () { onChange(read(scope)); }); });
  }

  function lock(scope) {
    var list = scope.querySelector(".quiz-steps");
    if (list) list.setAttribute("data-locked", "");
    S.each(scope.querySelectorAll(".quiz-move button, .quiz-select"), function (c) { c.disabled = true; });
  }

  function unmark(scope) {
    S.each(scope.querySelectorAll(".quiz-step, .quiz-pair"), function (x) { x.classList.remove("is-answer", "is-wrong"); });
    S.each(scope.querySelectorAll(".quiz-pair-key"), function (x) { x.remove(); });
  }

  /* Mark each step (in its right place or not) and each pair (matched right or not, with the right response);
     returns how many of how many are right. */
  function mark(scope) {
    unmark(scope);
    var right = 0, items = scope.querySelectorAll(".quiz-step, .quiz-pair");
    S.each(items, function (x, pos) {
      var select = x.querySelector(".quiz-select"), good;
      if (select) {
        good = select.value === x.getAttribute("data-answer");
        if (!good) {
          var key = select.querySelector('option[value="' + x.getAttribute("data-answer") + '"]');
          x.appendChild(el("span", { "class": "quiz-pair-key" }, "Right: " + key.textContent));
        }
      } else good = Number(x.getAttribute("data-index")) === pos;
      x.classList.add(good ? "is-answer" : "is-wrong");
      if (good) right++;
    });
    return { right: right, n: items.length };
  }

  /* ---------- page quizzes ---------- */
  /* Shuffle once per visit, listen, and put back a saved answer if it still fits. */
  function setupPage(fs, saved) {
    var list = fs.querySelector(".quiz-steps");
    if (list) {
      var items = Array.prototype.slice.call(list.children);
      do { S.shuffle(items); } while (items.length > 1 && inOrder(items.map(function (li) { return li.getAttribute("data-index"); })));
      if (saved && saved.length === items.length) {
        items = saved.map(function (v) { return list.querySelector('[data-index="' + v + '"]'); });
        if (items.indexOf(null) < 0) list.setAttribute("data-moved", "");
        else items = Array.prototype.slice.call(list.children);
      }
      items.forEach(function (li) { list.appendChild(li); });
    }
    var selects = fs.querySelectorAll(".quiz-select");
    S.each(selects, function (select, k) {
      var options = Array.prototype.slice.call(select.options, 1);
      S.shuffle(options).forEach(function (o) { select.appendChild(o); });
      if (saved && saved.length === selects.length && saved[k] >= 0) select.value = String(saved[k]);
    });
    wire(fs, function () { unmark(fs); });
  }

  /* Check a page question: {problem} when it is not fully answered, else {ok, chosen, text}. */
  function checkPage(fs) {
    var chosen = read(fs), ordering = fs.getAttribute("data-type") === "ordering";
    if (!chosen.length || chosen.indexOf(-1) >= 0) return { problem: ordering ? "Move the steps into order first." : "Choose a response for every item first." };
    var m = mark(fs), ok = m.right === m.n;
    return { ok: ok, chosen: chosen, text: ok ? "Correct." : "Not quite: " + m.right + " of " + m.n +
      (ordering ? " steps are in the right place. The right order is in the answer below." : " are matched right. The right pairs are marked and listed below.") };
  }

  /* ---------- exam and review ---------- */
  function scenario(q, collapsed) {
    var box = el(collapsed ? "details" : "div", { "class": "quiz-scenario" });
    var title = q.caseTitle + " · part " + q.casePart + " of " + q.caseParts;
    box.appendChild(collapsed ? el("summary", {}, title + " · scenario") : el("p", { "class": "quiz-case-title" }, title));
    box.appendChild(el("p", {}, q.scenario));
    return box;
  }

  /* The right order or the right pairs, for the practice-mode feedback. */
  function answerList(q) {
    var list = el(q.type === "ordering" ? "ol" : "ul", { "class": "quiz-key-list" });
    (q.type === "ordering" ? q.steps : q.prompts).forEach(function (text, k) {
      list.appendChild(el("li", {}, q.type === "ordering" ? text : text + " → " + q.responses[q.answer[k]]));
    });
    var box = el("div");
    box.appendChild(el("p", {}, q.type === "ordering" ? "The right order:" : "The right pairs:"));
    box.appendChild(list);
    return box;
  }

  /* The review of one ordering or matching question: the learner's answer against the right one. */
  function review(q, chosen) {
    var box = el("div", { "class": "exam-review-typed" }), answered = !unanswered(q, chosen);
    var ul = el("ul", { "class": "exam-review-choices" });
    if (q.type === "ordering") {
      box.appendChild(el("p", {}, answered ? "Your order:" : "Not answered. The right order:"));
      (answered ? chosen : q.answer).forEach(function (v, pos) {
        var good = v === pos, li = ul.appendChild(el("li", { "class": answered ? (good ? "is-answer" : "is-wrong") : "" }));
        li.appendChild(el("span", { "class": "quiz-letter" }, (pos + 1) + "."));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", { "class": "exam-review-text" }, q.steps[v]));
        if (answered) li.appendChild(el("strong", { "class": "exam-review-mark" }, good ? " (right place)" : " (belongs at " + (v + 1) + ")"));
      });
      box.appendChild(ul);
      if (answered && !isRight(q, chosen)) box.appendChild(answerList(q));
      return box;
    }
    q.prompts.forEach(function (prompt, k) {
      var pick = chosen[k], good = pick === q.answer[k];
      var li = ul.appendChild(el("li", { "class": good ? "is-answer" : "is-wrong" }));
      li.appendChild(el("span", { "class": "exam-review-text" }, prompt + " → " + (pick >= 0 ? q.responses[pick] : "no response")));
      li.appendChild(el("strong", { "class": "exam-review-mark" }, good ? " (right)" : " (your answer)"));
      if (!good) li.appendChild(el("span", { "class": "exam-review-why" }, "Right: " + q.responses[q.answer[k]]));
    });
    box.appendChild(ul);
    return box;
  }

  return {
    owns: owns, size: size, initialOrder: initialOrder, fits: fits, isAnswered: isAnswered, unanswered: unanswered,
    isRight: isRight, outcome: outcome, hint: hint, group: group, build: build, read: read, wire: wire, lock: lock,
    mark: mark, setupPage: setupPage, checkPage: checkPage, scenario: scenario, answerList: answerList, review: review
  };
});
