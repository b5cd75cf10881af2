"""Crawl the built site: every internal href/src resolves to a file, and every #anchor to an id in it.

MkDocs validates Markdown links only; this also covers links inside HTML that macros emit.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitetools import parse

EXTERNAL = ("http://", "https://", "mailto:", "data:", "javascript:", "//")


def _target(site: Path, page: Path, url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    base = page.parent
    path = unquote(parts.path)
    target = (base / path) if path else page
    target = Path(posixpath.normpath(str(target)))
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 30, "the site has fewer pages than the nav lists"
    parsed = {p: parse(p) for p in pages}
    broken = []
    checked = 0
    for page, doc in parsed.items():
        for attr, url in doc.links:
            if not url or url.startswith(EXTERNAL):
                continue
            target, fragment = _target(site, page, url)
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {attr}={url!r} -> missing file")
                continue
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {attr}={url!r} -> missing anchor #{fragment}")
    assert checked > 1000
    assert not broken, "\n".join(broken[:50])


def test_no_resource_is_loaded_from_outside_the_site(site):
    outside = []
    for page in site.rglob("*.html"):
        for attr, url in parse(page).links:
            if attr == "src" and url.startswith(EXTERNAL[:2] + ("//",)):
                outside.append(f"{page.relative_to(site)}: {url}")
    assert not outside, "\n".join(outside)
