"""Quizzes, progress and the practice exam as a learner uses them in Chromium."""
from __future__ import annotations

import re

import pytest

from test_progress_browser import reach_quiz

pytestmark = pytest.mark.browser

PAGE = "data-preparation/kinesis/"


def _open(page, url: str, ready: str = ".quiz[data-ready]"):
    """Go to a page and wait until its script has set it up; on a notes page, scroll to the quiz, which builds."""
    page.goto(url)
    page.locator(ready).first.wait_for(state="attached")
    if ready == ".quiz[data-ready]":
        reach_quiz(page)


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


def test_right_and_wrong_answers_get_feedback_and_explanation(page, base_url, site_data):
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
    total = len(site_data.bank_for("data-preparation/kinesis.md").questions)
    assert f"1 of {total} right (2 answered, 1 right first time)" in page.locator(".quiz-score").inner_text()


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
    reach_quiz(page)
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


def test_quiz_works_after_navigating_from_the_home_page(page, base_url):
    page.goto(base_url)
    page.locator(".md-tabs__link", has_text="Data preparation").click()
    page.locator("article a[href*='kinesis']").first.click()
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    reach_quiz(page)
    question = page.locator(".quiz-question").first
    _answer(question, right=True)
    question.locator(".quiz-check").click()
    assert question.locator(".quiz-feedback").inner_text() == "Correct."


@pytest.mark.parametrize("width", [1280, 390])
def test_questions_sit_inside_their_cards(browser, base_url, width):
    """The question text is drawn inside its card, below the top border, on notes pages and in the exam;
    long choices wrap under their text (not under the radio), and no empty band follows the Check button."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    inside = """([card, question]) => { const c = card.getBoundingClientRect(), q = question.getBoundingClientRect();
        const top = c.top + parseFloat(getComputedStyle(card).borderTopWidth);
        return q.top >= top && q.bottom <= c.bottom && q.left >= c.left && q.right <= c.right; }"""
    _open(page, base_url + "data-preparation/imbalanced-data-and-labeling/")  # long choices and a long unbroken identifier
    cards = page.locator(".quiz-question")
    for i in range(cards.count()):
        card = cards.nth(i)
        assert page.evaluate(inside, [card.element_handle(), card.locator("legend").element_handle()]), f"question {i + 1}"
        gap = card.evaluate("""c => { const s = getComputedStyle(c);
            return c.getBoundingClientRect().bottom - c.querySelector('.quiz-check').getBoundingClientRect().bottom
                   - parseFloat(s.paddingBottom) - parseFloat(s.borderBottomWidth); }""")
        assert gap <= 4, f"an empty band of {gap:.0f} px under the Check button of question {i + 1}"
    lines = page.evaluate("""() => [...document.querySelectorAll('.quiz-choice')].map(label => {
        const radio = label.querySelector('input').getBoundingClientRect();
        const text = document.createRange();  // one rectangle per line of the choice's text
        text.selectNodeContents(label.querySelector('.quiz-choice-text'));
        return [...text.getClientRects()].map(r => r.left - radio.right); })""")
    wrapped = [offsets for offsets in lines if len(offsets) > 1]
    if width == 390:
        assert wrapped, "no choice wraps at 390 px, so the hanging indent is untested"
    assert all(min(offsets) > 0 for offsets in wrapped), "a wrapped line of a choice starts under its radio"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "a question card is wider than the screen"
    page.goto(base_url + "practice/exam/")
    page.locator(".exam[data-ready]").wait_for(state="attached")
    page.locator(".exam-size").fill("5")
    page.locator(".exam-start").click()
    card = page.locator(".exam-card .quiz-question")
    assert page.evaluate(inside, [card.element_handle(), card.locator(".quiz-prompt").element_handle()])
    assert card.get_attribute("aria-labelledby") == card.locator(".quiz-prompt").get_attribute("id")
    context.close()


def test_check_yourself_is_in_the_table_of_contents(page, base_url, site):
    """Every page with a quiz lists it in its table of contents; the link leads to the quiz heading."""
    pages = [p for p in site.rglob("index.html") if 'class="quiz"' in p.read_text(encoding="utf-8")]
    assert len(pages) >= 20
    missing = [str(p.relative_to(site)) for p in pages
               if not re.search(r'<a href="#quiz" class="md-nav__link">\s*<span class="md-ellipsis">\s*Check yourself',
                                p.read_text(encoding="utf-8"))]
    assert not missing, missing
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + PAGE)
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    link = page.locator(".md-sidebar--secondary .md-nav__link", has_text="Check yourself")
    assert link.is_visible()
    link.click()
    heading = page.locator("h2#quiz")
    assert heading.inner_text().startswith("Check yourself")
    assert page.locator(".quiz").get_attribute("aria-labelledby") == "quiz"
    page.locator(".quiz[data-rendered] .quiz-question").first.wait_for()  # the link builds the quiz
    assert 0 <= heading.bounding_box()["y"] < 300  # scrolled to the quiz
