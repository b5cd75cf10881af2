"""Home-page cards for the stages of the ML lifecycle, and the page lists of their landing pages."""
from __future__ import annotations

from markupsafe import escape

from .links import rel


def section_cards(sections: list[dict], from_page: str) -> str:
    """Material grid cards, one per stage of the ML lifecycle (a folder with a landing page).

    Each section: landing (path), title, description, icon, pages (count) and exams: a list of
    (exam code, text naming the exam's domains and weights that its pages serve)."""
    out = ['<div class="grid cards domain-cards" markdown>', ""]
    for number, s in enumerate(sections, start=1):
        out += [f"-   :{s['icon']}:{{ .lg .middle }} **{number} · {escape(s['title'])}**", "", "    ---", ""]
        weights = " ".join(f'<span class="domain-weight exam-only" data-exam="{escape(code)}">{escape(text)}</span>'
                           for code, text in s["exams"])
        out += [f"    {weights} · {s['pages']} pages", "", f"    {escape(s['description'])}", "",
                f"    [:octicons-arrow-right-24: Study {escape(s['title'].lower())}]({rel(s['landing'], from_page)})", ""]
    out.append("</div>")
    return "\n".join(out) + "\n"


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
