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
    heading.wait_for()
    assert "Amazon Data Firehose" in heading.inner_text()


def test_abbreviation_has_a_tooltip(page, base_url):
    page.goto(base_url + "data-preparation/kinesis/")
    abbr = page.locator("abbr", has_text="KDS").first
    assert abbr.get_attribute("title") == "Amazon Kinesis Data Streams"


def scheme(page) -> str:
    return page.get_attribute("body", "data-md-color-scheme")


def test_dark_palette_toggle_switches_and_is_kept(page, base_url):
    page.goto(base_url)
    assert scheme(page) == "default"
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert scheme(page) == "slate"
    assert page.locator("label.md-header__button[for^='__palette']:visible").get_attribute("for") == "__palette_0"  # to light
    page.goto(base_url + "start/glossary/")  # another page, loaded afresh: the choice holds from the first paint
    assert scheme(page) == "slate"
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert scheme(page) == "default"


def test_palette_follows_the_system_setting_and_the_keyboard(browser, base_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(base_url)
    assert scheme(page) == "slate"  # nothing chosen yet: the system's dark setting
    assert page.locator("label.md-header__button[for^='__palette']:visible").count() == 1
    page.locator("input.md-option:checked").focus()
    page.keyboard.press("Enter")
    assert scheme(page) == "default"
    assert page.evaluate("document.activeElement.matches('input.md-option:checked')")
    context.close()


def test_an_unreadable_stored_palette_falls_back_to_the_system_setting(browser, base_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url)
    key = page.evaluate("Object.keys(localStorage).find(k => k.endsWith('.__palette'))")
    for bad in ("{not json", '{"index": 7, "color": {}}'):
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, bad])
        page.reload()
        assert scheme(page) == "slate", bad
        assert page.locator("label.md-header__button[for^='__palette']:visible").count() == 1
    assert errors == []
    context.close()


def test_page_is_usable_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "data-preparation/kinesis/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"page scrolls sideways on a phone ({width}px)"
    context.close()
