"""The "What changed" page: every dated availability change the catalog records, newest first.

Learners meet closed and renamed services in older courses and question dumps; this page says what is true now,
with the AWS page behind each change and links to the sections and questions it touches. Built from the catalog's
`changes` (macros/catalog.py) alone, so a change recorded there cannot be missing here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog, Change, Entry
from .quiz import Bank, Question
from .status import keyed_texts, name_pattern, source_entry
from .templating import render
from .urls import href


@dataclass(frozen=True)
class Row:
    entry: Entry
    change: Change


def rows(catalog: Catalog) -> list[Row]:
    """Every recorded change, newest first (a month-only date sorts before the days of that month)."""
    found = [Row(e, c) for e in catalog for c in e.changes]
    return sorted(found, key=lambda r: (r.change.date, r.entry.name.casefold()), reverse=True)


def questions_about(entry: Entry, banks: list[Bank], catalog: Catalog) -> list[tuple[Bank, Question]]:
    """Questions whose source is the entry or whose keyed answer names it."""
    pattern = name_pattern(entry)
    out = []
    for bank in banks:
        for q in bank.questions:
            src = source_entry(q, catalog)
            if (src is not None and src.id == entry.id) or (pattern and pattern.search("\n".join(keyed_texts(q)))):
                out.append((bank, q))
    return out


def page_html(catalog: Catalog, banks: list[Bank], today: str, from_page: str, directory_urls: bool = True) -> str:
    """The changes under one Markdown heading per year (so the table of contents jumps by year), each with its
    date, what AWS points to, its source and the questions that touch it."""
    items, about = [], {}
    for row in rows(catalog):
        e, c = row.entry, row.change
        instead = catalog.entries.get(c.instead or "")
        if e.id not in about:  # an entry with several changes is looked up once
            about[e.id] = [{"id": q.id, "prompt": _short(q.prompt), "href": href(b.page, from_page, f"q-{q.id}", directory_urls)}
                           for b, q in questions_about(e, banks, catalog)]
        questions = about[e.id]
        items.append({
            "entry": e, "change": c, "upcoming": c.date > today, "year": c.date[:4],
            "section_href": href(e.page, from_page, e.id, directory_urls),
            "instead_text": instead.name if instead else c.instead,
            "instead_href": href(instead.page, from_page, instead.id, directory_urls) if instead else None,
            "questions": questions,
        })
    checked = sorted(e.status_checked for e in catalog)
    years = sorted({i["year"] for i in items}, reverse=True)
    parts = [render("what_changed.html", summary=True, items=items, entries=len({i["entry"].id for i in items}),
                    oldest_check=checked[0] if checked else None, newest_check=checked[-1] if checked else None)]
    for year in years:
        mine = [i for i in items if i["year"] == year]
        ahead = " (announced)" if all(i["upcoming"] for i in mine) else ""
        parts.append(f"## {year}{ahead} {{ #changes-{year} }}")
        parts.append(render("what_changed.html", summary=False, items=mine))
    return "\n\n".join(parts) + "\n"


def _short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
