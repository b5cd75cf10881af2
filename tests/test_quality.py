"""Quality gates in the browser: accessibility (axe-core) in both palettes, no request leaves the site,
and the offline build works from file:// with search."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


DOCS = Path(__file__).parent.parent / "docs"


def _site_pages(site: Path) -> list[str]:
    """Built pages, without the redirect stubs of old URLs (they only send the reader to a swept page)."""
    return sorted(p.relative_to(site).parent.as_posix() + "/" if p.parent != site else ""
                  for p in site.rglob("index.html") if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:1000])


def _doc_pages() -> list[str]:
    """Every page's path, known before the build so the sweep can be spread over the test workers."""
    out = []
    for md in DOCS.rglob("*.md"):
        rel = md.relative_to(DOCS).with_suffix("")
        out.append("" if rel.as_posix() == "index" else (rel.parent.as_posix() if rel.name == "index" else rel.as_posix()) + "/")
    return sorted(out)


@pytest.fixture(scope="module")
def axe():
    """axe-core as axe-playwright-python ships it, and a runner for a page whose context already holds it."""
    from axe_playwright_python.sync_playwright import Axe
    from axe_playwright_python.base import AxeResults
    script = Axe().axe_script

    def run(page, options):  # what Axe.run does, without sending the 570 KB script again for every page
        return AxeResults(page.evaluate("options => axe.run(document, options)", options))

    run.script = script
    return run


def test_sweep_covers_every_built_page(site):
    assert len(_site_pages(site)) >= 40
    assert _doc_pages() == _site_pages(site)


GROUPS = 8  # pages are swept in groups: one browser context per group and palette, spread over the workers
# Every rule in the light palette; in the dark one only the rules whose result depends on colours (structure,
# names and ARIA are the same markup in both palettes), which halves the sweep's time.
RULES = {"light": {"resultTypes": ["violations"]},
         "dark": {"resultTypes": ["violations"], "runOnly": ["color-contrast", "link-in-text-block"]}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("group", range(GROUPS))
def test_no_serious_accessibility_violations_and_nothing_fetched_from_outside(browser, base_url, axe, group, scheme):
    """axe-core finds no serious violation on any page in either palette, and no request leaves the site.
    Each page is a fresh load; every problem of the group is reported with its page and palette."""
    context = browser.new_context(color_scheme=scheme)
    current = [""]
    outside = []

    def block(route):
        outside.append(f"/{current[0]}: {route.request.url}")
        route.abort()

    # Matched in Playwright's driver, so requests to the site itself do not stop in Python.
    context.route(re.compile(rf"^(?!{re.escape(base_url)}|data:|blob:)"), block)
    context.add_init_script(axe.script)  # axe-core in every page of the context, as Axe.run would inject it
    page = context.new_page()
    expected = "slate" if scheme == "dark" else "default"
    problems = []
    for path in _doc_pages()[group::GROUPS]:
        current[0] = path
        page.goto(base_url + path)  # waits for "load": the page's own scripts have run by then
        # ...but a control they enable may still be fading to its colours (Material's 125 ms transitions):
        # measure contrast once nothing is mid-transition, as a reader sees it.
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        shown = page.get_attribute("body", "data-md-color-scheme")
        if shown != expected:
            problems.append(f"/{path} ({scheme}): palette is {shown!r}, not {expected!r}")
            continue
        result = axe(page, RULES[scheme])
        problems += [f"/{path} ({scheme}): {v['id']} ({v['impact']}) {[n['target'] for n in v['nodes'][:3]]}"
                     for v in result.response["violations"] if v["impact"] in SERIOUS]
    context.close()
    assert not problems, "\n".join(problems)
    assert not outside, outside[:20]


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
    page.goto((offline_site / "data-preparation" / "kinesis.html").as_uri())
    assert "Amazon Data Firehose" in page.inner_text("article")
    page.locator(".quiz[data-ready]").wait_for(state="attached", timeout=10000)  # page scripts run from file:// too
    page.goto((offline_site / "practice" / "review.html").as_uri())  # the scheduler loads from file:// too
    page.locator(".review[data-ready]").wait_for(state="attached", timeout=10000)
    page.keyboard.press("Space")
    page.keyboard.press("3")
    assert page.locator('.review-count[data-count="done"]').inner_text() == "1"
    assert page.locator("a", has_text="Download the Anki deck").get_attribute("href").endswith(".apkg")
    assert (offline_site / "downloads" / "aws-ml-study-cards.apkg").is_file()
    context.close()
    assert not outside, outside[:10]
