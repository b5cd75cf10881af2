"""Quality gates in the browser: accessibility (axe-core) in both palettes, no request leaves the site,
and the offline build works from file:// with search."""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser import build

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix() + "/" if p.parent != site else ""
                  for p in site.rglob("index.html"))


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, base_url, site, axe, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = []
    pages = _pages(site)
    assert len(pages) >= 40
    for path in pages:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        result = axe.run(page)
        for violation in result.response["violations"]:
            if violation["impact"] in SERIOUS:
                targets = [n["target"] for n in violation["nodes"][:3]]
                found.append(f"/{path}: {violation['id']} ({violation['impact']}) {targets}")
    context.close()
    assert not found, "\n".join(found[:40])


def test_no_request_leaves_the_site(browser, base_url, site):
    context = browser.new_context()
    outside = []
    origin = urlsplit(base_url).netloc

    def guard(route):
        url = route.request.url
        if urlsplit(url).netloc != origin and not url.startswith(("data:", "blob:")):
            outside.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    for path in _pages(site):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    context.close()
    assert not outside, outside[:20]


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    from browser import ROOT
    out = tmp_path_factory.mktemp("offline")
    result = build(ROOT, out, {"OFFLINE": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_offline_copy_works_from_file_urls_with_search(browser, offline_site):
    assert (offline_site / "search" / "search_index.js").exists()  # the offline plugin inlines the index as a script
    context = browser.new_context()
    outside = []
    context.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page = context.new_page()
    page.goto((offline_site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type("Firehose")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=20000)
    assert "Firehose" in first.inner_text()
    page.goto((offline_site / "data-engineering" / "kinesis.html").as_uri())
    assert "Amazon Data Firehose" in page.inner_text("article")
    context.close()
    assert not outside, outside[:10]
