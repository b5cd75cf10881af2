"""Built URLs for raw HTML that macros emit (MkDocs rewrites .md links only in Markdown)."""
from __future__ import annotations

import posixpath


def page_url(src: str, directory_urls: bool = True) -> str:
    """URL path of a docs/ page: 'a/b.md' -> 'a/b/' ('a/b.html' without directory URLs), 'a/index.md' -> 'a/'."""
    stem = src[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(target_src: str, from_src: str, anchor: str | None = None, directory_urls: bool = True) -> str:
    """Relative href from one page's built URL to another's, plus an optional #anchor."""
    here, there = page_url(from_src, directory_urls), page_url(target_src, directory_urls)
    if here == there:
        path = ""
    elif directory_urls:
        path = posixpath.relpath(there or ".", here or ".") + "/"
        if path == "./":
            path = ""
    else:
        path = posixpath.relpath(there, posixpath.dirname(here) or ".")
    if anchor:
        return f"{path}#{anchor}"
    return path or "./"
