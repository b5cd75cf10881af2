"""Helpers for tests that read the built site: text extraction, sections, links and anchors."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

SKIP_TEXT = {"script", "style", "svg", "template"}
HEADING = re.compile(r"h([1-6])$")


class _Page(HTMLParser):
    """Collects ids, links, visible text, and where each heading starts in the text (an independent
    HTML parse, so tests do not rely on the build's own regex link check)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.chunks: list[str] = []
        self.headings: list[tuple[int, str | None, int]] = []  # (level, id, offset in text)
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append((key, attrs[key]))
        if tag in SKIP_TEXT:
            self._skip += 1
        m = HEADING.match(tag)
        if m:
            self.headings.append((int(m.group(1)), attrs.get("id"), len(self.text_so_far())))

    def handle_endtag(self, tag):
        if tag in SKIP_TEXT and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)

    def text_so_far(self) -> str:
        return "".join(self.chunks)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def article_html(path: Path) -> str:
    """The page's main content (Material's <article>), without header, nav and footer."""
    html = path.read_text(encoding="utf-8")
    start = html.find("<article")
    end = html.rfind("</article>")
    return html[start:end] if start >= 0 and end > start else html


def article(path: Path) -> _Page:
    page = _Page()
    page.feed(article_html(path))
    page.close()
    return page


def section_text(path: Path, anchor: str) -> str | None:
    """Visible text of the section that starts at heading `anchor`, up to the next heading of the same or higher level."""
    page = article(path)
    text = page.text_so_far()
    for i, (level, hid, offset) in enumerate(page.headings):
        if hid == anchor:
            end = len(text)
            for later_level, _, later_offset in page.headings[i + 1:]:
                if later_level <= level:
                    end = later_offset
                    break
            return squash(text[offset:end])
    return None


def page_file(site: Path, src: str) -> Path:
    """Built HTML file of a docs/ source page (directory URLs)."""
    stem = src[:-3]
    if stem == "index":
        return site / "index.html"
    if stem.endswith("/index"):
        return site / stem[: -len("index")] / "index.html"
    return site / stem / "index.html"
