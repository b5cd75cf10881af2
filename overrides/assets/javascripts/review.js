/* Flashcard review with the FSRS scheduler (ts-fsrs, vendored; loaded by this page when it opens).
   The review log in the study store is the truth; the schedule is rebuilt from it each time this page opens.
   The page carries the deck as tables inside a <noscript> (read as they are without JavaScript): this script reads
   the cards from that markup without adding it to the page, and shows as rows only the cards the learner browses
   or prints. */
awsmlDefine("review", ["study-store", "review-summary"], function (S, U) {
  "use strict";
  var el = S.el, loadScript = S.loadScript, RATINGS = ["", "Again", "Hard", "Good", "Easy"];
  var DAY = U.DAY, DEFAULT_NEW = U.DEFAULT_NEW, startOfDay = U.startOfDay, parseDomains = U.parseDomains, plan = U.plan;
  var missedIds = U.missedIds, introducedToday = U.introducedToday, reviewedToday = U.reviewedToday;

  /* ---------- the deck, read from the page's tables ---------- */
  /* The noscript's markup: its text when the browser parsed the page, its elements when Material's instant
     navigation did (DOMParser parses without scripting); left as text, so the elements leave the page. */
  function markup(noscript) {
    if (noscript.firstElementChild) noscript.textContent = noscript.innerHTML;
    return noscript.textContent;
  }
  /* The cards, and each page's group as an empty shell with its rows apart (all outside the page, inert). */
  function readDeck(root) {
    var cards = [], groups = [], noscript = root.querySelector("#card-deck-body > noscript"), template = el("template");
    template.innerHTML = noscript ? markup(noscript) : "";
    S.each(template.content.querySelectorAll(".card-group"), function (group) {
      var page = group.getAttribute("data-page"), rows = Array.prototype.slice.call(group.querySelectorAll("tr[data-id]"));
      rows.forEach(function (tr) {
        var cells = tr.children, link = cells[1].querySelector("a");
        cards.push({ id: tr.getAttribute("data-id"), kind: tr.getAttribute("data-kind"), page: page,
                     d: parseDomains(tr.getAttribute("data-d")), fresh: (tr.getAttribute("data-new") || "").split(" "), kindLabel: cells[0].querySelector(".card-kind").textContent,
                     front: cells[0].querySelector(".card-text").textContent, back: cells[1].querySelector(".card-text").textContent,
                     href: link.getAttribute("href"), label: link.textContent });
        tr.remove();
      });
      groups.push({ shell: group, rows: rows });
    });
    return { cards: cards, groups: groups };
  }
  function questionCard(q) {
    return { id: "q." + q.id, kind: "q", page: q.page, d: parseDomains(q.d), kindLabel: "Missed question", question: q,
             href: q.href, label: "the question on “" + q.title + "”" };
  }

  /* ---------- FSRS cards <-> stored form (dates as ms) ---------- */
  function toCard(s) {
    return { due: new Date(s.due), stability: s.stability, difficulty: s.difficulty, elapsed_days: s.elapsed_days,
             scheduled_days: s.scheduled_days, learning_steps: s.learning_steps || 0, reps: s.reps, lapses: s.lapses,
             state: s.state, last_review: s.last_review ? new Date(s.last_review) : undefined };
  }
  function fromCard(c) {
    return { due: +c.due, stability: c.stability, difficulty: c.difficulty, elapsed_days: c.elapsed_days,
             scheduled_days: c.scheduled_days, learning_steps: c.learning_steps, reps: c.reps, lapses: c.lapses,
             state: c.state, last_review: c.last_review ? +c.last_review : null };
  }
  /* The schedule the log implies (no fuzz, so the same log always gives the same schedule). */
  function replay(f, log) {
    var schedule = {};
    log.forEach(function (r) {
      var at = new Date(r.review), card = schedule[r.card] ? toCard(schedule[r.card]) : window.FSRS.createEmptyCard(at);
      schedule[r.card] = fromCard(f.next(card, at, r.rating).card);
    });
    return schedule;
  }
  function interval(ms) {
    var m = Math.max(1, Math.round(ms / 60000));
    if (m < 60) return m + " min";
    if (m < 1440) return Math.round(m / 60) + " h";
    var d = Math.round(m / 1440);
    return d < 31 ? d + " d" : d < 365 ? Math.round(d / 30) + " mo" : (d / 365).toFixed(1) + " y";
  }

  /* ---------- the review page ---------- */
  var current = null;  // the review page's controller while it is on screen (instant navigation swaps pages)

  function Review(root) {
    this.root = root;
    var read = readDeck(root);
    this.deck = read.cards;
    this.groups = read.groups;
    this.byId = {};
    this.deck.forEach(function (c) { this.byId[c.id] = c; }, this);
    this.questions = null;
    this.shown = null;
    this.revealed = false;
  }

  Review.prototype.start = function () {
    var self = this, root = this.root;
    this.q = function (sel) { return root.querySelector(sel); };
    this.state = S.load();
    this.notice(S.notice(this.state));
    this.setupForm();
    this.q(".review-reveal").addEventListener("click", function () { self.reveal(); });
    S.each(root.querySelectorAll(".review-rating"), function (b) {
      b.addEventListener("click", function () { self.rate(Number(b.getAttribute("data-rating"))); });
    });
    this.q(".review-print-go").addEventListener("click", function () { self.print(); });
    this.q(".review-browse").addEventListener("click", function () { self.browse(); });
    var wanted = [loadScript(root.getAttribute("data-fsrs"))];
    if (missedIds(this.state.data.answers).length) wanted.push(loadScript(root.getAttribute("data-questions")));
    Promise.all(wanted).then(function () {
      self.f = window.FSRS.fsrs(window.FSRS.generatorParameters({ enable_fuzz: false }));
      self.addQuestions();
      self.rebuild();
      root.setAttribute("data-ready", "");
      self.next();
    }).catch(function () {
      self.q(".review-kind").textContent = "The scheduler could not be loaded, so reviewing is off; the cards are listed below.";
      root.setAttribute("data-failed", "");
    });
  };

  Review.prototype.notice = function (text) { this.q(".review-storage").textContent = text || ""; };

  Review.prototype.addQuestions = function () {
    var byQid = {}, self = this;
    (window.AwsmlQuestionCards || []).forEach(function (q) { byQid[q.id] = q; });
    this.missed = missedIds(this.state.data.answers).filter(function (id) { return byQid[id]; });
    this.missed.forEach(function (id) {
      if (!self.byId["q." + id]) { var c = questionCard(byQid[id]); self.deck.push(c); self.byId[c.id] = c; }
    });
  };

  /* The log is the truth: rebuild the schedule from it (an import may have merged another device's log). */
  Review.prototype.rebuild = function () {
    var data = this.state.data, schedule = replay(this.f, data.reviews);
    if (JSON.stringify(schedule) !== JSON.stringify(data.schedule) && S.writable(this.state)) {
      S.update(function (d) { d.schedule = schedule; });
    }
    data.schedule = schedule;
  };

  Review.prototype.setupForm = function () {
    var self = this, form = this.q(".review-filters"), p = plan(this.state.data);
    form.elements.exam.value = S.examChoice() && form.elements.exam.querySelector('option[value="' + S.examChoice() + '"]') ? S.examChoice() : form.elements.exam.value;
    form.elements.skills.value = p.skills;
    this.syncDomains();
    form.elements.domain.value = p.domain;
    if (form.elements.domain.selectedOptions[0] && form.elements.domain.selectedOptions[0].hidden) form.elements.domain.value = "";
    form.elements.page.value = p.page;
    form.elements.kind.value = p.kind;
    form.elements.newPerDay.value = p.newPerDay;
    form.elements.examDate.value = p.examDate;
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("change", function (e) {
      if (e.target === form.elements.exam) { S.chooseExam(form.elements.exam.value); return; }  // awsml:exam follows
      self.savePlan();
    });
    this.onExam = function () {
      form.elements.exam.value = S.examChoice();
      self.syncDomains();
      self.savePlan();
    };
    document.addEventListener("awsml:exam", this.onExam);
  };

  Review.prototype.syncDomains = function () {
    var select = this.q(".review-filters").elements.domain, exam = this.q(".review-filters").elements.exam.value;
    S.each(select.querySelectorAll("option[data-exam]"), function (o) { o.hidden = o.disabled = o.getAttribute("data-exam") !== exam; });
    if (select.selectedOptions[0] && select.selectedOptions[0].disabled) select.value = "";
    // "Only skills new in this exam" where the exam lists new skills (MLA-C02).
    var skills = this.q(".review-filters").elements.skills, fresh = skills.querySelector('option[value="new"]');
    fresh.hidden = fresh.disabled = fresh.getAttribute("data-exams").split(" ").indexOf(exam) < 0;
    if (fresh.disabled && skills.value === "new") skills.value = "";
  };

  Review.prototype.savePlan = function () {
    var form = this.q(".review-filters"), n = parseInt(form.elements.newPerDay.value, 10);
    var next = { newPerDay: isNaN(n) || n < 0 ? DEFAULT_NEW : Math.min(n, 500), examDate: form.elements.examDate.value || "",
                 domain: form.elements.domain.value, page: form.elements.page.value, kind: form.elements.kind.value,
                 skills: form.elements.skills.value };
    this.state.data.plan = next;
    if (S.writable(this.state)) S.update(function (d) { d.plan = next; });
    if (this.f) { this.shown = null; this.next(); }
  };

  Review.prototype.filtered = function () {
    var form = this.q(".review-filters"), exam = form.elements.exam.value, domain = Number(form.elements.domain.value);
    var page = form.elements.page.value, kind = form.elements.kind.value, fresh = form.elements.skills.value === "new";
    return this.deck.filter(function (c) {
      return c.d[exam] && (!domain || c.d[exam].indexOf(domain) >= 0) && (!page || c.page === page) && (!kind || c.kind === kind)
        && (!fresh || c.fresh.indexOf(exam) >= 0);
    });
  };

  /* Today's numbers for the current filters, and the next card to show. */
  Review.prototype.queue = function (now) {
    var data = this.state.data, schedule = data.schedule, p = plan(data), cards = this.filtered();
    var due = [], unseen = [], missed = [], later = [];
    cards.forEach(function (c) {
      var s = schedule[c.id];
      if (s) { if (s.due <= now) due.push(c); else later.push(s.due); }
      else if (c.kind === "q") missed.push(c);
      else unseen.push(c);
    });
    due.sort(function (a, b) { return schedule[a.id].due - schedule[b.id].due; });
    var days = p.examDate ? Math.round((startOfDay(new Date(p.examDate + "T00:00:00").getTime()) - startOfDay(now)) / DAY) : null;
    var needed = days === null ? 0 : days > 0 ? Math.ceil(unseen.length / days) : unseen.length;
    var perDay = Math.max(p.newPerDay, needed);
    var fresh = Math.max(0, Math.min(perDay - introducedToday(data.reviews, now), unseen.length));
    var endOfDay = startOfDay(now) + DAY;
    return { due: due, missed: missed, unseen: unseen, fresh: fresh, days: days, needed: needed, perDay: perDay,
             laterToday: later.filter(function (t) { return t < endOfDay; }).sort(function (a, b) { return a - b; }),
             cards: cards, next: due[0] || missed[0] || (fresh ? this.unburied(unseen, now) : null) };
  };

  /* Like Anki's buried siblings: a new card waits while another card of the same section was seen today
     ("What is S3?" right after "Which service is this? Object storage…" would give it away). */
  Review.prototype.unburied = function (unseen, now) {
    var today = startOfDay(now), seen = {}, byId = this.byId;
    this.state.data.reviews.forEach(function (r) { if (r.review >= today && byId[r.card]) seen[byId[r.card].href] = true; });
    return unseen.filter(function (c) { return !seen[c.href]; })[0] || unseen[0];
  };

  Review.prototype.next = function () {
    var now = Date.now(), qu = this.queue(now), self = this;
    this.counts(qu, now);
    this.forecast(qu.cards, now);
    this.planLine(qu);
    clearTimeout(this.timer);
    this.revealed = false;
    this.q(".review-back").hidden = true;
    this.q(".review-rate").hidden = true;
    var reveal = this.q(".review-reveal"), front = this.q(".review-front");
    this.shown = qu.next;
    this.q(".review-card").setAttribute("data-card", qu.next ? qu.next.id : "");
    front.textContent = "";
    this.q(".review-back").textContent = "";
    var where = this.q(".review-where");
    if (!qu.next) {
      reveal.disabled = true;
      reveal.hidden = true;
      where.textContent = "";
      where.hidden = true;
      this.q(".review-kind").textContent = "Done for now";
      var msg = qu.cards.length ? "Nothing more is due with these filters." : "No cards match these filters.";
      if (qu.laterToday.length) {
        var wait = qu.laterToday[0] - now;
        msg += " The next card comes back in " + interval(wait) + " (" + new Date(qu.laterToday[0]).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ").";
        this.timer = setTimeout(function () { if (current === self) self.next(); }, Math.min(wait + 500, 2147483000));
      } else if (qu.unseen.length && !qu.fresh) {
        msg += " Today's " + qu.perDay + " new cards are done; raise “New cards a day” for more.";
      }
      front.appendChild(el("p", {}, msg));
      return;
    }
    var c = qu.next;
    reveal.hidden = false;
    reveal.disabled = false;
    this.q(".review-kind").textContent = c.kindLabel + (this.state.data.schedule[c.id] ? "" : c.kind === "q" ? "" : " · new");
    where.textContent = "";
    where.hidden = true;
    if (c.question) this.questionFront(front, c.question);
    else front.appendChild(el("p", { "class": "review-text" }, c.front));
  };

  Review.prototype.questionFront = function (box, q) {
    if (q.scenario) box.appendChild(el("p", { "class": "review-scenario" }, q.scenario));
    box.appendChild(el("p", { "class": "review-text" }, q.prompt + (q.choose || "")));
    var list = box.appendChild(el("ul", { "class": "review-items" }));
    q.items.forEach(function (item) { list.appendChild(el("li", {}, item)); });
  };

  Review.prototype.reveal = function () {
    var c = this.shown;
    if (!c || this.revealed) return;
    this.revealed = true;
    var back = this.q(".review-back"), now = new Date();
    back.textContent = "";
    if (c.question) {
      var list = back.appendChild(el("ul", { "class": "review-items review-answer" }));
      c.question.answer.forEach(function (a) { list.appendChild(el("li", {}, a)); });
      back.appendChild(el("p", {}, c.question.explanation));
    } else {
      back.appendChild(el("p", { "class": "review-text" }, c.back));
    }
    var where = this.q(".review-where");
    where.textContent = "Read: " + c.label;
    where.setAttribute("href", c.href);
    where.hidden = false;
    back.hidden = false;
    var stored = this.state.data.schedule[c.id], card = stored ? toCard(stored) : window.FSRS.createEmptyCard(now);
    var preview = this.f.repeat(card, now);
    S.each(this.root.querySelectorAll(".review-rating"), function (b) {
      var r = Number(b.getAttribute("data-rating"));
      b.querySelector(".review-interval").textContent = "· " + interval(preview[r].card.due - now);
      b.setAttribute("aria-label", RATINGS[r] + ": next in " + interval(preview[r].card.due - now));
    });
    this.q(".review-reveal").hidden = true;
    this.q(".review-rate").hidden = false;
    var good = this.q('.review-rating[data-rating="3"]');
    good.focus({ preventScroll: true });
    keepInView(this.q(".review-front"), good);
  };

  /* Bring the rating buttons into view, but never so far that the card's question slides under the sticky
     header: the learner reads the question and the answer together before rating. */
  function keepInView(front, button) {
    var header = document.querySelector(".md-header"), top = header ? header.getBoundingClientRect().bottom : 0;
    var below = button.getBoundingClientRect().bottom + 8 - window.innerHeight;
    var room = front.getBoundingClientRect().top - top - 8;
    if (below > 0 && room > 0) window.scrollBy(0, Math.min(below, room));
  }

  Review.prototype.rate = function (rating) {
    var c = this.shown;
    if (!c || !this.revealed) return;
    var now = new Date(), data = this.state.data, stored = data.schedule[c.id];
    var card = stored ? toCard(stored) : window.FSRS.createEmptyCard(now);
    var result = this.f.next(card, now, rating);
    var entry = { card: c.id, review: +now, rating: rating, state: card.state };
    data.reviews.push(entry);
    data.schedule[c.id] = fromCard(result.card);
    var kept = S.writable(this.state) && S.update(function (d) { d.reviews.push(entry); d.schedule[c.id] = fromCard(result.card); });
    if (!kept) this.notice(S.notice(this.state) || "This browser did not let the site save that rating; it lasts until you leave the page.");
    this.next();
    this.q(".review-reveal").hidden || this.q(".review-reveal").focus();
  };

  Review.prototype.counts = function (qu, now) {
    var set = function (root, key, n) { root.querySelector('[data-count="' + key + '"]').textContent = n; };
    set(this.root, "due", qu.due.length);
    set(this.root, "new", qu.fresh);
    set(this.root, "missed", qu.missed.length);
    set(this.root, "done", reviewedToday(this.state.data.reviews, now));
  };

  Review.prototype.forecast = function (cards, now) {
    var schedule = this.state.data.schedule, today = startOfDay(now), counts = [0, 0, 0, 0, 0, 0, 0];
    cards.forEach(function (c) {
      var s = schedule[c.id];
      if (!s) return;
      var day = Math.max(0, Math.floor((startOfDay(s.due) - today) / DAY));
      if (day < 7) counts[day]++;
    });
    S.each(this.root.querySelectorAll(".review-forecast td"), function (td, i) { td.textContent = counts[i]; });
  };

  Review.prototype.planLine = function (qu) {
    var line = this.q(".review-plan-line"), p = plan(this.state.data);
    var seen = qu.cards.length - qu.unseen.length - qu.missed.length;
    var text = qu.cards.length + " cards with these filters: " + seen + " started, " + qu.unseen.length + " not seen yet. ";
    if (qu.days === null) text += "Set your exam date to spread the new cards over the days left.";
    else if (qu.days < 0) text += "Your exam date has passed; set the next one.";
    else if (qu.days === 0) text += "Exam day: review what is due; no new cards needed.";
    else text += qu.days + " days to go: " + qu.perDay + " cards a day" + (qu.needed > p.newPerDay ?
      " (raised from your " + p.newPerDay + " to see every card before the exam)." : " sees every card before the exam.");
    line.textContent = text;
  };

  /* Print or browse the filtered cards: their rows are put in the page (only theirs), until the page changes. */
  Review.prototype.applyToDeck = function () {
    var keep = {}, body = this.q("#card-deck-body"), shown = 0;
    this.filtered().forEach(function (c) { keep[c.id] = true; });
    S.each(body.querySelectorAll(".card-group"), function (g) { g.remove(); });
    this.groups.forEach(function (g) {
      var rows = g.rows.filter(function (tr) { return keep[tr.getAttribute("data-id")]; });
      if (!rows.length) return;
      var group = document.importNode(g.shell, true), tbody = group.querySelector("tbody");
      rows.forEach(function (tr) { tbody.appendChild(document.importNode(tr, true)); });
      body.appendChild(group);
      shown += rows.length;
    });
    var layout = this.root.querySelector("input[name=review-layout]:checked").value;
    this.root.querySelector(".card-deck").setAttribute("data-layout", layout);
    this.q(".card-deck-shown").textContent = "Showing " + shown + " cards (the filters above).";
    this.applied = true;
    return shown;
  };

  Review.prototype.print = function () {
    this.applyToDeck();
    window.print();
  };

  Review.prototype.browse = function () {
    var button = this.q(".review-browse"), open = button.getAttribute("aria-expanded") !== "true";
    if (open) this.applyToDeck();
    this.root.toggleAttribute("data-browse", open);
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide the list" : "Show these cards as a list";
  };

  Review.prototype.stop = function () {
    clearTimeout(this.timer);
    document.removeEventListener("awsml:exam", this.onExam);
  };

  /* Space reveals, 1-4 rate; not while typing in the filters, and Space on a button is that button's own. */
  document.addEventListener("keydown", function (e) {
    if (!current || !document.contains(current.root) || e.altKey || e.ctrlKey || e.metaKey) return;
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea" || e.target.isContentEditable) return;
    if (e.key === " " && tag !== "button" && tag !== "a" && !current.revealed && current.shown) {
      e.preventDefault(); current.reveal();
    } else if (/^[1-4]$/.test(e.key) && current.revealed) {
      e.preventDefault(); current.rate(Number(e.key));
    }
  });

  /* Printing from the browser's menu prints the cards of the current filters, as "Print these cards" does. */
  window.addEventListener("beforeprint", function () {
    if (current && document.contains(current.root) && !current.applied) current.applyToDeck();
  });

  S.onPage(function () {
    if (current) { current.stop(); current = null; }
    var root = document.querySelector(".review");
    if (root) { current = new Review(root); current.start(); }
  });
});
