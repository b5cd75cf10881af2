"""Check every internal href/src of a built site: the file exists and the #anchor is an id in it.

MkDocs validates links written in Markdown; raw HTML that macros emit (quiz blocks, cards) is only
checked here. The build runs it after writing the site, so a broken link stops the build.
"""
from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXTERNAL = ("http://", "https://", "mailto:", "data:", "javascript:", "//", "file:")


ID = re.compile(r'\s(?:id|name)="([^"]+)"')
LINK = re.compile(r'\s(href|src)="([^"]*)"')


class Scan:
    """Ids and links of one page, read with regular expressions: a full HTML parse of every page made
    the build's link check take longer than rendering the pages (the markup here is generated, so
    attributes are always double-quoted)."""

    def __init__(self, html: str):
        self.ids = set(ID.findall(html))
        self.links = [(attr, unescape(url)) for attr, url in LINK.findall(html) if url]


def scan(path: Path) -> Scan:
    return Scan(path.read_text(encoding="utf-8"))


def broken_links(site: Path) -> tuple[list[str], int]:
    """(problems, number of internal links checked) for every HTML page under `site`."""
    pages = {p: scan(p) for p in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    checked = 0
    for page, doc in pages.items():
        for attr, url in doc.links:
            if url.startswith(EXTERNAL):
                continue
            parts = urlsplit(url)
            path = unquote(parts.path)
            base = site if path.startswith("/") else page.parent  # the 404 page uses root-absolute URLs
            target = Path(posixpath.normpath(str(base / path.lstrip("/")))) if path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            where = f"{page.relative_to(site).as_posix()}: {attr}=\"{url}\""
            if not target.is_file():
                problems.append(f"{where} -> no such file")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else scan(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where} -> no element with id '{unquote(parts.fragment)}'")
    return problems, checked
