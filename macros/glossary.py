"""The abbreviation list (data/abbreviations.md) that Material shows as tooltips, and its glossary page.

The file uses the Markdown `abbr` syntax so pymdownx.snippets can append it to every page;
this module parses the same file so the glossary page can never miss an entry.
"""
from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from .errors import DataError

FILE = "data/abbreviations.md"
LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<text>\S.*)$")


def load_glossary(root: Path) -> dict[str, str]:
    terms: dict[str, str] = {}
    for number, line in enumerate((root / FILE).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("<!--"):
            continue
        match = LINE.match(line)
        if not match:
            raise DataError(FILE, f"line {number}", None, "expected '*[TERM]: meaning'")
        term = match["term"]
        if term in terms:
            raise DataError(FILE, term, "term", f"defined twice (line {number})")
        terms[term] = match["text"].strip()
    return terms


def glossary_table(terms: dict[str, str]) -> str:
    rows = ["| Abbreviation | Meaning |", "| --- | --- |"]
    for term in sorted(terms, key=str.casefold):
        rows.append(f"| **{escape(term)}** | {escape(terms[term])} |")
    return "\n".join(rows) + "\n"
