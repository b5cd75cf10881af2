"""The site as a reader sees it in Chromium: pages load, service search lands on the service, theme toggles."""
from __future__ import annotations

import pytest

from browser import search

pytestmark = pytest.mark.browser


def test_home_page_shows_domains_and_retirement(page, base_url):
    page.goto(base_url)
    assert "31 March 2026" in page.inner_text("article")
    cards = page.locator(".domain-cards li")
    assert cards.count() == 5  # the four stages of the lifecycle, then generative AI
    assert "Generative AI" in cards.nth(4).inner_text()


def test_search_for_an_acronym_lands_on_the_service(page, base_url):
    page.goto(base_url)
    search(page, "Firehose").first.locator("a").first.click()
    page.wait_for_url("**/data-preparation/kinesis/**")
    heading = page.locator("h2#data-firehose")
    heading.wait_for()  # instant navigation swaps the content after the URL changes
    assert "Amazon Data Firehose" in heading.inner_text()


def test_abbreviation_has_a_tooltip(page, base_url):
    page.goto(base_url + "data-preparation/kinesis/")
    abbr = page.locator("abbr", has_text="KDS").first
    assert abbr.get_attribute("title") == "Amazon Kinesis Data Streams"


def test_dark_palette_toggle(page, base_url):
    page.goto(base_url)
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    assert page.get_attribute("body", "data-md-color-scheme") != before


def test_page_is_usable_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "data-preparation/kinesis/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"page scrolls sideways on a phone ({width}px)"
    context.close()
