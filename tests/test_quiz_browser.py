"""Quizzes, progress and the practice exam as a learner uses them in Chromium."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE = "data-engineering/kinesis/"


def _open(page, url: str, ready: str = ".quiz[data-ready]"):
    """Go to a page and wait until the quiz script has set it up."""
    page.goto(url)
    page.locator(ready).first.wait_for(state="attached")


def _answer(question, right: bool):
    """Tick the right (or a wrong) choice of a quiz question, whatever order the choices were shuffled into."""
    answer = set(question.get_attribute("data-answer").split(","))
    labels = question.locator(".quiz-choice")
    picked = [i for i in range(labels.count()) if (labels.nth(i).get_attribute("data-index") in answer) == right]
    need = len(answer) if right else 1
    if not right and question.get_attribute("data-type") == "multiple":
        need = len(answer)  # the same number of ticks, at least one of them wrong
        picked = picked[:1] + [i for i in range(labels.count()) if labels.nth(i).get_attribute("data-index") in answer]
    for i in picked[:need]:
        labels.nth(i).locator("input").check()


def test_right_and_wrong_answers_get_feedback_and_explanation(page, base_url):
    _open(page, base_url + PAGE)
    first, second = page.locator(".quiz-question").nth(0), page.locator(".quiz-question").nth(1)
    assert first.locator(".quiz-answer").is_hidden()  # explanation appears only after answering
    _answer(first, right=True)
    first.locator(".quiz-check").click()
    assert first.locator(".quiz-feedback").inner_text() == "Correct."
    assert first.locator(".quiz-answer").is_visible()
    _answer(second, right=False)
    second.locator(".quiz-check").click()
    assert second.locator(".quiz-feedback").inner_text().startswith("Not quite: the answer is")
    assert second.locator(".quiz-choice.is-wrong").count() == 1
    assert "1 of 6 right (2 answered, 1 right first time)" in page.locator(".quiz-score").inner_text()


def test_checking_without_an_answer_asks_for_one(page, base_url):
    _open(page, base_url + PAGE)
    question = page.locator(".quiz-question").first
    question.locator(".quiz-check").click()
    assert question.locator(".quiz-feedback").inner_text() == "Choose an answer first."


def test_keyboard_only(page, base_url):
    _open(page, base_url + PAGE)
    question = page.locator(".quiz-question").first
    question.locator("input").first.focus()
    page.keyboard.press("Space")  # selects the focused radio
    page.keyboard.press("Tab")  # leaves the radio group for the Check button
    assert page.evaluate("document.activeElement.classList.contains('quiz-check')")
    page.keyboard.press("Enter")
    assert question.locator(".quiz-feedback").inner_text() != ""
    assert question.locator(".quiz-feedback").get_attribute("aria-live") == "polite"


def test_progress_survives_reload_and_shows_on_the_progress_page(page, base_url):
    _open(page, base_url + PAGE)
    question = page.locator(".quiz-question").first
    qid = question.get_attribute("data-qid")
    _answer(question, right=True)
    question.locator(".quiz-check").click()
    page.reload()
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    again = page.locator(f'.quiz-question[data-qid="{qid}"]')
    assert again.locator(".quiz-feedback").inner_text() == "Correct."
    assert again.locator("input:checked").count() == 1
    _open(page, base_url + "practice/progress/", ".quiz-progress[data-ready]")
    row = page.locator(".progress-pages tr", has_text="Streaming with Kinesis")
    assert row.locator("td").nth(2).inner_text() == "1"  # answered
    assert row.locator("td").nth(3).inner_text() == "1 (100%)"  # right first time
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Reset my progress").click()
    row = page.locator(".progress-pages tr", has_text="Streaming with Kinesis")
    assert row.locator("td").nth(2).inner_text() == "0"


def test_storage_errors_do_not_break_the_quiz(browser, base_url):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }});")
    page = context.new_page()
    errors = []  # Material's own scripts may also complain; the quiz script must not
    page.on("pageerror", lambda e: errors.append(e.stack or ""))
    _open(page, base_url + PAGE)
    question = page.locator(".quiz-question").first
    _answer(question, right=True)
    question.locator(".quiz-check").click()
    assert question.locator(".quiz-feedback").inner_text() == "Correct."
    assert not [e for e in errors if "quiz.js" in e]
    context.close()


def test_answers_are_readable_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    question = page.locator(".quiz-question").first
    question.locator(".quiz-answer summary").click()
    assert question.locator(".quiz-answer").inner_text().startswith("Answer and explanation")
    assert "Answer:" in question.locator(".quiz-answer").inner_text()
    context.close()


def test_quiz_works_after_instant_navigation(page, base_url):
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__same_document = true")  # survives only if navigation stays in this document
    page.locator(".md-tabs__link", has_text="1 · Data engineering").click()
    page.locator("article a[href*='kinesis']").first.click()
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    assert page.evaluate("window.__same_document === true"), "the page was reloaded instead of navigated instantly"
    question = page.locator(".quiz-question").first
    _answer(question, right=True)
    question.locator(".quiz-check").click()
    assert question.locator(".quiz-feedback").inner_text() == "Correct."
