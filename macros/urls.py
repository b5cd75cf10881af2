"""Built URLs for raw HTML that macros emit (MkDocs rewrites .md links only in Markdown)."""
from __future__ import annotations

import posixpath


def page_url(src: str) -> str:
    """URL path of a docs/ page with directory URLs: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/', 'index.md' -> ''."""
    stem = src[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(target_src: str, from_src: str, anchor: str | None = None) -> str:
    """Relative href from one page's built URL to another's, plus an optional #anchor."""
    here, there = page_url(from_src), page_url(target_src)
    if here == there:
        path = ""
    else:
        path = posixpath.relpath(there or ".", here or ".") + "/"
        if path == "./":
            path = ""
    if anchor:
        return f"{path}#{anchor}"
    return path or "./"
