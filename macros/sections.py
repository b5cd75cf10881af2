"""Section headings for catalog entries, so headings and catalog can never disagree."""
from __future__ import annotations

from markupsafe import escape

from .catalog import Entry, anchor
from .links import rel


def service_section(entry: Entry, level: int = 2, compared_in: list[tuple[str, str]] | None = None,
                    related: list[tuple[str, str]] | None = None, facts: list[tuple[str, str]] | None = None,
                    dropped_by: list[tuple[str, str]] | None = None) -> str:
    """Markdown for the heading and fact card that open an entry's section.

    `compared_in` and `related` are (label, href) pairs already made relative to the page;
    `facts` are (label, Markdown value) pairs, values already escaped.
    """
    if not 2 <= level <= 4:
        raise ValueError(f"heading level {level} for '{entry.id}' must be 2, 3 or 4")
    hashes = "#" * level
    lines = [f"{hashes} {escape(entry.name)} {{ #{anchor(entry)} .svc-heading }}", ""]
    lines.append(f'<div class="svc-card svc-card--{entry.status}" markdown>')
    lines.append("")
    lines.append(_meta_line(entry))
    lines.append("")
    # Shown only while the learner studies for the exam that dropped the item (the head script's exam choice).
    for code, previous in dropped_by or []:
        lines.append(f'<span class="exam-only svc-dropped" data-exam="{escape(code)}">{escape(previous)} only: '
                     f'{escape(code)} no longer asks this (AWS lists it among the deleted items).</span>')
        lines.append("")
    lines.append(f"{escape(entry.summary)}\n{{: .svc-summary }}")  # attr_list: the paragraph itself, no extra span
    lines.append("")
    if facts:
        lines.append('<div class="svc-facts" data-search-exclude markdown>')
        lines.append("")
        lines.append('???+ info "Key facts"')
        lines.append("")
        lines += [f"    - **{escape(label)}:** {value}" for label, value in facts]
        lines.append("")
        lines.append("</div>")
        lines.append("")
    if compared_in:
        lines.append(_link_line("Compared in", compared_in, "svc-compared"))
        lines.append("")
    if related:
        lines.append(_link_line("Related", related, "svc-related"))
        lines.append("")
    lines.append("</div>")
    lines.append("")
    return "\n".join(lines)


def _meta_line(entry: Entry) -> str:
    """Status badge, kind and aliases, as one paragraph (attr_list) left out of search: the names field and the
    names panel hold the aliases. Plain text but the badge: every element here repeats on each card."""
    parts = [f'<span class="svc-status svc-status--{entry.status}">{escape(_status_text(entry))}</span> '
             f'{escape(entry.kind.capitalize())}']
    if entry.aliases:
        parts.append(f"Also known as: {' · '.join(escape(a) for a in entry.aliases)}")
    return " · ".join(parts) + "\n{: .svc-meta data-search-exclude }"


def _status_text(entry: Entry) -> str:
    text = entry.status_label
    if entry.status_date:
        text += f" ({entry.status_date})"
    if entry.status_note:
        text += f": {entry.status_note}"
    return text


def _link_line(label: str, links: list[tuple[str, str]], css: str) -> str:
    items = " · ".join(f"[{escape(text)}]({href})" for text, href in links)
    return f'<span class="{css}" data-search-exclude>**{label}:** {items}</span>'


def entry_link(entry: Entry, from_page: str, text: str | None = None) -> str:
    """A Markdown link to an entry's section from another page."""
    return f"[{escape(text or entry.name)}]({rel(entry.page, from_page, anchor(entry))})"
