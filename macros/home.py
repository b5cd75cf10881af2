"""Home-page and page-banner pieces generated from the exam domains."""
from __future__ import annotations

from markupsafe import escape

from .domains import Domain
from .errors import DataError
from .links import rel


def domain_cards(domains: list[Domain], from_page: str, page_counts: dict[str, int]) -> str:
    """Material grid cards, one per exam domain, with its weight and a link to its landing page."""
    out = ['<div class="grid cards domain-cards" markdown>', ""]
    for d in domains:
        pages = page_counts.get(d.id, 0)
        out += [
            f"-   :{d.icon}:{{ .lg .middle }} **Domain {d.number} · {escape(d.name)}**",
            "",
            "    ---",
            "",
            f'    <span class="domain-weight">{d.weight}% of the scored questions</span> · {pages} pages',
            "",
            f"    {escape(d.summary)}",
            "",
            f"    [:octicons-arrow-right-24: Study domain {d.number}]({rel(d.landing, from_page)})",
            "",
        ]
    out.append("</div>")
    return "\n".join(out) + "\n"


def domain_banner(domain: Domain, from_page: str, tasks: list[str]) -> str:
    """The line under a page title naming its exam domain (and task statements, if given)."""
    known = {t.id: t.name for t in domain.tasks}
    for task in tasks:
        if task not in known:
            raise DataError(f"docs/{from_page}", None, "tasks", f"unknown task '{task}' for domain {domain.number}")
    task_text = "; ".join(f"task {t}: {escape(known[t])}" for t in tasks)
    extra = f" — {task_text}" if task_text else ""
    return (f'<div class="domain-banner" markdown>\n'
            f"Exam domain {domain.number}: [{escape(domain.name)}]({rel(domain.landing, from_page)}) "
            f"({domain.weight}%){extra}\n</div>\n")


def domain_page_list(pages: list[tuple[str, dict]], from_page: str) -> str:
    """A definition list of a domain's pages (path, front matter), in nav order."""
    out = []
    for src, meta in pages:
        if src == from_page:
            continue
        out.append(f"[{escape(meta.get('title', src))}]({rel(src, from_page)})")
        out.append(f":   {escape(meta.get('description', ''))}")
        out.append("")
    return "\n".join(out)
