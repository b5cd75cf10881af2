"""The generated "Services A–Z" index."""
from __future__ import annotations

from itertools import groupby

from markupsafe import escape

from .catalog import Catalog, anchor
from .urls import href


def sort_key(name: str) -> str:
    """Sort ignoring the vendor prefix, as people look for 'Kinesis', not 'Amazon Kinesis'."""
    for prefix in ("Amazon SageMaker ", "SageMaker ", "Amazon ", "AWS "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):].casefold()
    return name.casefold()


def services_az(catalog: Catalog, from_page: str, directory_urls: bool = True) -> str:
    """Letter headings in Markdown (for the table of contents); each letter's entries one raw HTML list.

    Raw HTML keeps the abbreviation extension out of the ~110 summaries: no <abbr> (and no Material tooltip
    to set up) per acronym, so the page carries fewer nodes and less script work; each term's tooltip is on
    its own section and in the glossary."""
    entries = sorted(catalog, key=lambda e: sort_key(e.name))
    out: list[str] = []
    letters = []
    for letter, group in groupby(entries, key=lambda e: sort_key(e.name)[0].upper()):
        letter = letter if letter.isalpha() else "#"
        letters.append(letter)
        out.append(f"## {letter} {{ #az-{letter.lower() if letter != '#' else 'num'} }}\n")
        out.append('<ul class="az-list">')
        for entry in group:
            link = href(entry.page, from_page, anchor(entry), directory_urls)
            # The summary starts a new line after the last of name, aliases and status: `az-end` breaks the line
            # with CSS (tables.css), which costs no element, where a <br> cost one an entry.
            parts = [f'<a href="{escape(link)}">{escape(entry.name)}</a>']
            if entry.aliases:
                parts.append(f"<small>— {escape(', '.join(entry.aliases))}</small>")
            if entry.status != "current":
                parts.append(f'<span class="svc-status svc-status--{entry.status}">{escape(entry.status_label)}</span>')
            parts[-1] = parts[-1].replace(">", ' class="az-end">', 1) if parts[-1].startswith(("<a ", "<small>")) \
                else parts[-1].replace('class="', 'class="az-end ', 1)
            out.append(f"<li>{' '.join(parts)} {escape(entry.summary)}</li>")
        out.append("</ul>\n")
    jump = " · ".join(f"[{l}](#az-{l.lower() if l != '#' else 'num'})" for l in letters)
    header = f'<p class="az-jump">{len(entries)} entries. Jump to: </p>\n\n{jump}\n'
    return header + "\n" + "\n".join(out)
