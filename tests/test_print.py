"""Printing: cheat sheets within their page budgets on A4 and US Letter, nothing wider than the paper,
and notes pages printed without navigation and with collapsed content open."""
from __future__ import annotations

import pytest

from pdfs import SHEETS, budget, page_count, printable_width_px, sheet_pdf

pytestmark = pytest.mark.browser

OVERFLOW = """(width) => [...document.querySelectorAll('.md-content *')]
  .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > width + 1)
  .map(el => el.tagName + '.' + el.className + ': ' + Math.round(el.getBoundingClientRect().right))"""


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("sheet", SHEETS)
def test_cheat_sheet_fits_its_page_budget(page, base_url, sheet, paper):
    pages = page_count(sheet_pdf(page, base_url, sheet, paper))
    assert 1 <= pages <= budget(sheet), f"{sheet} on {paper}: {pages} pages (budget {budget(sheet)})"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path", [f"cheatsheets/{s}/" for s in SHEETS] + ["modeling/algorithms/", "data-engineering/kinesis/"])
def test_nothing_is_wider_than_the_printable_area(browser, base_url, path, paper):
    width = printable_width_px(paper)
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    assert page.evaluate(OVERFLOW, width) == []
    context.close()


def test_notes_page_prints_without_navigation_and_with_collapsed_content_open(page, base_url):
    page.goto(base_url + "data-engineering/kinesis/")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<details id="closed-block"><summary>More</summary><p id="inside">Collapsed text</p></details>')""")
    assert page.locator("#inside").is_hidden()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".quiz-check"):
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("#inside").is_visible()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


def test_dark_mode_prints_light(browser, base_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(base_url + "data-engineering/kinesis/")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(17, 17, 17)"
    context.close()


def test_quiz_prints_as_questions_with_an_answer_key(page, base_url):
    page.goto(base_url + "data-engineering/kinesis/")
    page.emulate_media(media="print")
    quiz = page.locator(".quiz")
    assert quiz.locator(".quiz-key").is_visible()
    assert quiz.locator(".quiz-key li").count() == quiz.locator(".quiz-question").count()
    assert quiz.locator(".quiz-answer").first.is_hidden()
    assert quiz.locator(".quiz-check").first.is_hidden()
    assert quiz.locator(".quiz-choice input").first.is_visible()  # empty boxes to tick on paper


def test_cheat_sheet_has_a_print_button(page, base_url):
    page.goto(base_url + "cheatsheets/modeling/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print this sheet").click()
    assert page.evaluate("window.__printed") == 1
