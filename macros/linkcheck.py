"""Check every internal href/src of a built site: the file exists and the #anchor is an id in it.

MkDocs validates links written in Markdown; raw HTML that macros emit (quiz blocks, cards) is only
checked here. The build runs it after writing the site, so a broken link stops the build.
"""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXTERNAL = ("http://", "https://", "mailto:", "data:", "javascript:", "//", "file:")


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append((key, attrs[key]))


def scan(path: Path) -> Collector:
    collector = Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector


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
