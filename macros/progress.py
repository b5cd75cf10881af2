"""The "My progress" page: everything that does not depend on what the browser has stored, rendered at build
time (headings, bars at zero, one table row per page), so progress.js only fills numbers in and the page never
shifts as it loads; plus the little data the script needs (not the whole question bank the exam page carries)."""
from __future__ import annotations

import json

from .quiz import Bank
from .templating import render
from .urls import href


def progress_page(banks: list[Bank], pages: dict[str, dict], exams, by_question: dict[str, dict[str, int]],
                  from_page: str, directory_urls: bool = True) -> str:
    """`banks` in navigation order. Every exam's domains are rendered, each with the pages that hold its
    questions; the page script shows the chosen exam's (all show without JavaScript)."""
    questions, asked = [], {}
    for bank in banks:
        title = pages[bank.page].get("title", bank.page)
        questions += [{"id": q.id, "d": by_question[q.id], "page": bank.page, "pageTitle": title, "prompt": q.prompt,
                       "questionHref": href(bank.page, from_page, f"q-{q.id}", directory_urls), "type": q.type,
                       **({"case": q.case} if q.case else {})} for q in bank.questions]
        asked.update({q.id: {e.code for e in exams if e.asks(q)} for q in bank.questions})
    groups = []
    for exam in exams:
        sections = []
        for domain in exam.domains.items:
            # The exam's practice pool: its questions in the types it asks (study-store.js examQuestions).
            mine = [q for q in questions if q["d"].get(exam.code) == domain.number and exam.code in asked[q["id"]]]
            rows = []
            for bank in banks:
                n = sum(q["page"] == bank.page for q in mine)
                if n:
                    rows.append({"page": bank.page, "title": pages[bank.page].get("title", bank.page), "n": n,
                                 "href": href(bank.page, from_page, "quiz", directory_urls)})
            sections.append({"domain": domain, "total": len(mine), "rows": rows})
        pool = sum(q["d"].get(exam.code) is not None and exam.code in asked[q["id"]] for q in questions)
        groups.append({"exam": exam, "sections": sections, "pool": pool,
                       "types": ", ".join(t.replace("-", " ") for t in exam.format.question_types)})
    payload = {"questions": questions, "exams": [{"code": e.code, "types": e.format.question_types,
                                                  "domains": [{"id": d.id, "number": d.number, "name": d.name}
                                                              for d in e.domains.items]} for e in exams],
               "defaultExam": exams.default.code, "examHref": href("practice/exam.md", from_page, None, directory_urls)}
    return render("progress.html", total=len(questions), groups=groups,
                  default=next(g for g in groups if g["exam"].code == exams.default.code),
                  data=json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
