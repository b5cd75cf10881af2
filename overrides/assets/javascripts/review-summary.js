/* The "what is due" line of Home and My progress, which reads the stored flashcard schedule without the
   scheduler, and the plan and log helpers the review page (review.js) shares with it. */
awsmlDefine("review-summary", ["study-store"], function (S) {
  "use strict";
  var DAY = 86400000, DEFAULT_NEW = 20;

  function startOfDay(t) { var d = new Date(t); d.setHours(0, 0, 0, 0); return d.getTime(); }
  function parseDomains(text) {  // "MLA-C01:1,2 MLS-C01:3" -> {"MLA-C01": [1, 2], "MLS-C01": [3]}
    var out = {};
    (text || "").split(" ").forEach(function (part) {
      var bits = part.split(":");
      if (bits.length === 2) out[bits[0]] = bits[1].split(",").map(Number);
    });
    return out;
  }
  function plan(data) {
    var p = data.plan || {};
    return { newPerDay: typeof p.newPerDay === "number" && p.newPerDay >= 0 ? p.newPerDay : DEFAULT_NEW,
             examDate: typeof p.examDate === "string" ? p.examDate : "",
             domain: p.domain || "", page: p.page || "", kind: p.kind || "", skills: p.skills === "new" ? "new" : "" };
  }
  /* Questions answered wrong at least once, on a page or in a practice exam. */
  function missedIds(answers) {
    return Object.keys(answers).filter(function (id) { return !answers[id].first.ok || !answers[id].last.ok; });
  }
  /* Cards first rated today (they used today's allowance of new cards). */
  function introducedToday(log, now) {
    var first = {}, today = startOfDay(now);
    log.forEach(function (r) { if (!(r.card in first)) first[r.card] = r.review; });
    return Object.keys(first).filter(function (id) { return first[id] >= today && id.indexOf("q.") !== 0; }).length;
  }
  function reviewedToday(log, now) {
    var today = startOfDay(now);
    return log.filter(function (r) { return r.review >= today; }).length;
  }

  /* ---------- Home and My progress: what is due, from the stored schedule ---------- */
  function summary(node) {
    var state = S.load(), data = state.data, now = Date.now(), schedule = data.schedule || {};
    var perExam = JSON.parse(node.getAttribute("data-per-exam") || "{}"), exam = S.examChoice();
    var ids = Object.keys(schedule), due = ids.filter(function (id) { return schedule[id].due <= now; }).length;
    var missed = missedIds(data.answers).filter(function (id) { return !schedule["q." + id]; }).length;
    var started = ids.filter(function (id) { return id.indexOf("q.") !== 0; }).length;
    var total = perExam[exam] || 0, p = plan(data);
    var fresh = Math.max(0, Math.min(p.newPerDay - introducedToday(data.reviews || [], now), total - started));
    var text = node.querySelector(".review-summary-text");
    if (!ids.length && !missed) {
      text.textContent = total + " cards for " + exam + " are waiting; " + fresh + " new ones a day to start with.";
      return;
    }
    text.textContent = due + " due now, " + fresh + " new today" + (missed ? ", " + missed + " missed question" + (missed === 1 ? "" : "s") + " to review" : "") + ".";
  }

  function all() { S.each(document.querySelectorAll(".review-summary"), summary); }
  S.onPage(all);
  ["awsml:exam", "awsml:progress"].forEach(function (name) { document.addEventListener(name, all); });

  return { DAY: DAY, DEFAULT_NEW: DEFAULT_NEW, startOfDay: startOfDay, parseDomains: parseDomains, plan: plan,
           missedIds: missedIds, introducedToday: introducedToday, reviewedToday: reviewedToday };
});
