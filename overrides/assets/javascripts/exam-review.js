/* The review of a finished practice exam: score, per-domain split, and every question with its choices in the
   order the learner saw them, why each wrong choice is wrong, and a filter (all / wrong / flagged / unanswered). */
awsmlDefine("exam-review", ["study-store", "question-types"], function (S, T) {
  "use strict";
  var el = S.el, LETTERS = S.LETTERS;
  var MODES = { timed: "Timed exam", untimed: "Untimed exam", practice: "Practice mode" };

  /* right | wrong | unanswered for question i of an attempt. */
  function outcome(attempt, i, q) {
    var chosen = attempt.chosen[i] || [];
    if (q && T.owns(q.type)) return T.outcome(q, chosen);
    if (!chosen.length || (q && chosen.length !== q.answer.length)) return chosen.length ? "wrong" : "unanswered";
    return q && S.sameSet(chosen, q.answer) ? "right" : "wrong";
  }

  /* The exam an attempt followed (attempts saved before exams could be chosen followed MLS-C01). */
  function examFor(data, code) {
    var list = data.exams || [];
    return list.filter(function (e) { return e.code === (code || "MLS-C01"); })[0] || S.examOf(data);
  }
  /* The key of a question's domain in an attempt's perDomain: the id of its domain in that exam. */
  function domainKey(exam, q) {
    var number = q.d[exam.code], d = exam.domains.filter(function (x) { return x.number === number; })[0];
    return d ? d.id : "other";
  }

  function scoreLine(a) { return a.right + " of " + a.n + " (" + S.pct(a.right, a.n) + "%)"; }

  function domainSplit(attempt, domains) {
    return domains.filter(function (d) { return attempt.perDomain && attempt.perDomain[d.id]; }).map(function (d) {
      var r = attempt.perDomain[d.id];
      return { domain: d, right: r.r, n: r.n };
    });
  }

  function render(stage, attempt, data, onNew) {
    stage.textContent = "";
    var box = stage.appendChild(el("section", { "class": "exam-results", id: "attempt-" + attempt.id, "aria-label": "Exam results" }));
    var heading = box.appendChild(el("h2", { tabindex: "-1", "class": "exam-result" }, "Your score: " + scoreLine(attempt)));
    if (attempt.timedOut) {
      box.appendChild(el("p", { "class": "exam-timeout", role: "alert" },
        "Time is up. The exam ended at 0:00 and was scored with the answers given by then."));
    }
    box.appendChild(el("p", { "class": "exam-meta" }, [MODES[attempt.mode] || "Exam", new Date(attempt.finished).toLocaleString(),
      "took " + S.duration(attempt.spent || (attempt.finished - attempt.started)), (attempt.answered || 0) + " of " + attempt.n + " answered",
      attempt.pool || ""].filter(Boolean).join(" · ")));
    var exam = examFor(data, attempt.exam);
    if (exam) {
      box.appendChild(el("p", { "class": "exam-passmark" }, "For reference: " + exam.code + " reports a scaled score from " +
        exam.scaleMin + " to " + exam.scaleMax.toLocaleString("en") + " and passes at " + exam.passing +
        ". A scaled score is not a percentage, so this practice score does not convert into one; treat it as a guide to where you are weak."));
    }
    var split = domainSplit(attempt, exam.domains);
    if (split.length) {
      var splitTable = S.table("exam-split", ["Domain", "Right", "Questions", "Score"]), body = splitTable.body;
      box.appendChild(splitTable.wrap);
      split.forEach(function (s) {
        var tr = body.appendChild(el("tr"));
        [s.domain.number + " · " + s.domain.name, s.right, s.n, S.pct(s.right, s.n) + "%"].forEach(function (v) { tr.appendChild(el("td", {}, String(v))); });
      });
    }
    if (attempt.summaryOnly) {
      box.appendChild(el("p", {}, "This attempt was saved by an earlier version of the site, which kept only the score."));
    } else {
      reviewList(box, attempt, data);
    }
    var again = box.appendChild(el("button", { type: "button", "class": "md-button md-button--primary exam-new" }, "New practice exam"));
    again.addEventListener("click", onNew);
    heading.focus();
    return heading;
  }

  function reviewList(box, attempt, data) {
    box.appendChild(el("h2", { id: "review" }, "Review"));
    var counts = { all: attempt.qids.length, wrong: 0, flagged: 0, unanswered: 0 };
    var states = attempt.qids.map(function (id, i) {
      var o = outcome(attempt, i, data.byId[id]);
      if (o !== "right") counts[o === "unanswered" ? "unanswered" : "wrong"]++;
      if (attempt.flags[i]) counts.flagged++;
      return o;
    });
    var filter = box.appendChild(el("fieldset", { "class": "exam-filter" }));
    filter.appendChild(el("legend", {}, "Show"));
    var list = el("ol", { "class": "exam-review" });
    ["all", "wrong", "flagged", "unanswered"].forEach(function (key) {
      var label = filter.appendChild(el("label", { "class": "exam-filter-option" }));
      var input = label.appendChild(el("input", { type: "radio", name: "exam-filter", value: key, checked: key === "all" }));
      label.appendChild(document.createTextNode(" " + key.charAt(0).toUpperCase() + key.slice(1) + " (" + counts[key] + ")"));
      input.addEventListener("change", function () { applyFilter(list, key); });
    });
    var empty = box.appendChild(el("p", { "class": "exam-filter-empty", hidden: true, role: "status" }, "No questions match this filter."));
    box.appendChild(list);
    attempt.qids.forEach(function (id, i) { list.appendChild(item(attempt, i, data.byId[id], states[i])); });
    list._empty = empty;
  }

  function applyFilter(list, key) {
    var shown = 0;
    S.each(list.children, function (li) {
      var show = key === "all" || (key === "flagged" ? li.hasAttribute("data-flagged") : li.getAttribute("data-outcome") === key);
      li.hidden = !show; if (show) shown++;
    });
    list._empty.hidden = shown > 0;
  }

  function item(attempt, i, q, state) {
    var li = el("li", { "class": "is-" + state, "data-outcome": state, "data-flagged": attempt.flags[i] || null });
    if (!q) {
      li.appendChild(el("p", { "class": "exam-review-q" }, "This question is no longer on the site (" + attempt.qids[i] + ")."));
      return li;
    }
    var tags = [{ right: "Right", wrong: "Wrong", unanswered: "Not answered" }[state]];
    if (attempt.flags[i]) tags.push("flagged");
    li.appendChild(el("p", { "class": "exam-review-status" }, tags.join(" · ")));
    if (q.case) li.appendChild(T.scenario(q, true));
    li.appendChild(el("p", { "class": "exam-review-q" }, q.prompt + (q.type === "multiple" ? " (Choose " + q.answer.length + ".)" : "")));
    var typed = T.owns(q.type), chosen = attempt.chosen[i] || [], order = typed ? [] : attempt.order[i] || S.range(q.choices.length);
    // Ordering and matching: the learner's answer against the right one (question-types.js).
    var choices = li.appendChild(typed ? T.review(q, chosen) : el("ul", { "class": "exam-review-choices" }));
    order.forEach(function (v, pos) {
      var keyed = q.answer.indexOf(v) >= 0, picked = chosen.indexOf(v) >= 0;
      var c = choices.appendChild(el("li", { "class": (keyed ? "is-answer" : "") + (picked && !keyed ? " is-wrong" : "") }));
      c.appendChild(el("span", { "class": "quiz-letter" }, LETTERS[pos] + "."));
      c.appendChild(document.createTextNode(" "));
      c.appendChild(el("span", { "class": "exam-review-text" }, q.choices[v]));
      var marks = [];
      if (picked) marks.push("your answer");
      if (keyed) marks.push("correct answer");
      if (marks.length) c.appendChild(el("strong", { "class": "exam-review-mark" }, " (" + marks.join(", ") + ")"));
      if (!keyed && q.whyWrong[String(v)]) c.appendChild(el("span", { "class": "exam-review-why" }, "Why not: " + q.whyWrong[String(v)]));
    });
    li.appendChild(el("p", {}, q.explanation));
    var more = li.appendChild(el("p"));
    more.appendChild(document.createTextNode("Read more: "));
    more.appendChild(el("a", { href: q.sourceHref }, q.sourceLabel));
    return li;
  }

  /* Past attempts as a table; action(attempt) gives the element that reopens its review. */
  function historyTable(list, exams, action) {
    var table = S.table("exam-history", ["Date", "Exam", "Mode", "Score", "Per domain", "Time", "Review"]), body = table.body;
    list.forEach(function (a) {
      var tr = body.appendChild(el("tr")), exam = examFor({ exams: exams }, a.exam);
      tr.appendChild(el("td", {}, new Date(a.finished).toLocaleString()));
      tr.appendChild(el("td", {}, exam ? exam.code : "—"));
      tr.appendChild(el("td", {}, MODES[a.mode] || "Exam"));
      tr.appendChild(el("td", {}, scoreLine(a)));
      tr.appendChild(el("td", {}, domainSplit(a, exam ? exam.domains : []).map(function (x) {
        return "D" + x.domain.number + " " + x.right + "/" + x.n;
      }).join(", ") || "—"));
      tr.appendChild(el("td", {}, a.summaryOnly ? "—" : S.duration(a.spent || (a.finished - a.started))));
      var cell = tr.appendChild(el("td"));
      var open = cell.appendChild(action(a));
      open.setAttribute("aria-label", "Review the attempt of " + new Date(a.finished).toLocaleString());
    });
    return table.wrap;
  }

  return { render: render, historyTable: historyTable, outcome: outcome, scoreLine: scoreLine, domainSplit: domainSplit,
               examFor: examFor, domainKey: domainKey, MODES: MODES };
});
