"""Abbreviations are explained once per page: the first use of a term keeps its <abbr> tooltip, later uses are
plain text.

Python-Markdown's abbr extension wraps every occurrence, and Material gives each <abbr> a tooltip: the storage
page had 431 of them, which cost more blocking time than the rest of the page (issue 23). A reader meets the
explanation where the term first appears; the glossary keeps every one.
"""
from __future__ import annotations

import re

ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<text>[^<]*)</abbr>')


def first_use_only(html: str, explain: bool = True) -> str:
    """Unwrap every <abbr> after the first one of the same term and explanation (every one when `explain` is
    false: a page such as the glossary, whose table already spells each term out beside it)."""
    seen: set[tuple[str, str]] = set()

    def keep_first(match: re.Match) -> str:
        key = (match["text"], match["title"])
        if key in seen or not explain:
            return match["text"]
        seen.add(key)
        return match[0]

    return ABBR.sub(keep_first, html)
