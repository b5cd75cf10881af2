"""The "My progress" page: everything that does not depend on what the browser has stored, rendered at build
time (headings, bars at zero, one table row per page), so progress.js only fills numbers in and the page never
shifts as it loads; plus the little data the script needs (not the whole question bank the exam page carries)."""
from __future__ import annotations

import json

from .practice import _templates
from .quiz import Bank
from .urls import href


def progress_page(banks: list[Bank], pages: dict[str, dict], domains: list, from_page: str,
                  directory_urls: bool = True) -> str:
    """`banks` in navigation order; a domain's table lists the pages whose own domain it is."""
    questions = []
    for bank in banks:
        title = pages[bank.page].get("title", bank.page)
        questions += [{"id": q.id, "domain": q.domain, "page": bank.page, "pageTitle": title, "prompt": q.prompt,
                       "questionHref": href(bank.page, from_page, f"q-{q.id}", directory_urls)} for q in bank.questions]
    sections = []
    for domain in domains:
        total = sum(q["domain"] == domain.id for q in questions)
        if not total:
            continue
        rows = []
        for bank in banks:
            n = sum(q.domain == domain.id for q in bank.questions)
            if n and pages[bank.page].get("domain") == domain.id:
                rows.append({"page": bank.page, "title": pages[bank.page].get("title", bank.page), "n": n,
                             "href": href(bank.page, from_page, "quiz", directory_urls)})
        sections.append({"domain": domain, "total": total, "rows": rows})
    payload = {"questions": questions, "domains": [{"id": d.id, "number": d.number, "name": d.name} for d in domains],
               "examHref": href("practice/exam.md", from_page, None, directory_urls)}
    html = _templates.get_template("progress.html").render(
        total=len(questions), sections=sections, data=json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    # No blank lines: Markdown would end the raw HTML block there.
    return "\n".join(line for line in html.splitlines() if line.strip())
