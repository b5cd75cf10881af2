"""Relative links between pages, so MkDocs validates every generated link and anchor."""
from __future__ import annotations

import posixpath


def rel(target_page: str, from_page: str, anchor: str | None = None) -> str:
    """Markdown-style link from one docs/ page to another (both paths relative to docs/)."""
    if target_page == from_page:
        path = ""
    else:
        path = posixpath.relpath(target_page, posixpath.dirname(from_page) or ".")
    return f"{path}#{anchor}" if anchor else path

