"""The practice exam as a learner uses it in Chromium: sessions that survive, submit and timer, review, history."""
from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

EXAM = "practice/exam/"
SESSION = "awsml-exam-session"


def reach_quiz(page):
    """Scroll to a notes page's quiz, which quiz.js builds as it comes near (from the markup in its <noscript>)."""
    page.locator(".quiz").first.scroll_into_view_if_needed()
    page.locator(".quiz[data-rendered]").first.wait_for(state="attached")


def open_exam(page, base_url, exam="MLS-C01"):
    """The exam page with `exam` chosen (unless the test chose already). These tests use MLS-C01: it asks only
    multiple-choice and multiple-response questions, which `answer()` handles, and its 180-minute pace."""
    page.add_init_script("try { if (!localStorage.getItem('awsml-exam-choice')) localStorage.setItem("
                         f"'awsml-exam-choice', JSON.stringify({{schema: 1, exam: '{exam}'}})) }} catch (e) {{}}")
    page.goto(base_url + EXAM)
    page.locator(".exam[data-ready]").wait_for(state="attached")


def start(page, n=5, mode="timed", pool="all"):
    page.locator(f"input[name=exam-mode][value={mode}]").check()
    page.locator(".exam-pool").select_option(pool)
    page.locator(".exam-size").fill(str(n))
    page.locator(".exam-start").click()
    page.locator(".exam-card .quiz-question").wait_for()


def key(page) -> list[int]:
    """The keyed choices of the question on screen, from the page's own question data (the script file the page
    loaded, macros/page_assets.py)."""
    return page.evaluate("""() => {
        const id = document.querySelector('.exam-card .quiz-question').dataset.qid;
        const data = window.AwsmlData[document.getElementById('quiz-data').dataset.key];
        return data.questions.find(q => q.id === id).answer; }""")


def answer(page, right=True, picks=None):
    """Tick the right choices, or as many choices with one wrong, or only `picks` of the right ones."""
    keyed = key(page)
    inputs = page.locator(".exam-card .quiz-choice input")
    values = [int(inputs.nth(i).get_attribute("value")) for i in range(inputs.count())]
    chosen = keyed if right else [v for v in values if v not in keyed][:1] + keyed[1:]
    for v in chosen[:picks]:
        page.locator(f'.exam-card .quiz-choice input[value="{v}"]').check()


def choice_texts(page) -> list[str]:
    return page.locator(".exam-card .quiz-choice-text").all_inner_texts()


def submit(page):
    page.get_by_role("button", name="Submit exam").click()
    page.get_by_role("button", name="Submit now").click()
    page.locator(".exam-result").wait_for()


def test_an_exam_resumes_after_reload_with_its_order_answers_and_flags(page, base_url):
    open_exam(page, base_url)
    start(page, n=5)
    first_order = choice_texts(page)
    answer(page)
    page.locator(".exam-flag input").check()
    page.get_by_role("button", name="Next").click()
    answer(page, right=False)
    page.reload()
    page.locator(".exam[data-ready]").wait_for(state="attached")
    resume = page.locator(".exam-resume")
    assert resume.is_visible() and "2 of 5 answered" in resume.inner_text()
    assert page.locator(".exam-stage").is_hidden()
    page.get_by_role("button", name="Resume").click()
    assert "Question 2 of 5" in page.locator(".exam-counter").inner_text()
    assert page.locator(".exam-palette .exam-dot.is-answered").count() == 2
    assert page.locator(".exam-palette .exam-dot.is-flagged").count() == 1
    page.get_by_role("button", name="Previous").click()
    assert choice_texts(page) == first_order  # the same shuffled order, so the same letters
    assert page.locator(".exam-card input[name=exam-q]:checked").count() == len(key(page))


def test_an_exam_resumes_after_navigating_away_and_back(page, base_url):
    open_exam(page, base_url)
    start(page, n=5)
    answer(page)
    page.locator(".md-nav__link", has_text="My progress").first.click()
    page.locator(".quiz-progress[data-ready]").wait_for(state="attached")
    page.go_back()
    page.locator(".exam[data-ready]").wait_for(state="attached")
    assert "1 of 5 answered" in page.locator(".exam-resume").inner_text()
    page.get_by_role("button", name="Resume").click()
    assert page.locator(".exam-palette .exam-dot.is-answered").count() == 1


def test_leaving_a_running_exam_asks_first_and_discard_forgets_it(page, base_url):
    open_exam(page, base_url)
    start(page, n=5)
    answer(page)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.type), d.accept()))
    page.reload()
    assert dialogs == ["beforeunload"]
    page.locator(".exam[data-ready]").wait_for(state="attached")
    page.get_by_role("button", name="Discard").click()
    assert page.locator(".exam-resume").is_hidden()
    assert page.evaluate(f"localStorage.getItem('{SESSION}')") is None
    assert dialogs == ["beforeunload", "confirm"]
    page.reload()  # nothing running: no warning
    assert dialogs == ["beforeunload", "confirm"]


def test_submit_asks_first_and_lists_unanswered_flagged_and_partial_picks(page, base_url, site_data):
    bank = next(b for b in site_data.banks.values() if any(q.type == "multiple" and len(q.answer) >= 2 for q in b.questions))
    n = sum(q.type in ("single", "multiple") and not q.case for q in bank.questions)  # what MLS-C01 asks
    open_exam(page, base_url)
    start(page, n=n, pool=f"page:{bank.page}")
    session = json.loads(page.evaluate(f"localStorage.getItem('{SESSION}')"))
    multiple = next(i for i, qid in enumerate(session["qids"])
                    if next(q for q in bank.questions if q.id == qid).type == "multiple")
    flagged = 1 if multiple == 0 else 0
    page.locator(".exam-palette .exam-dot").nth(flagged).click()
    page.locator(".exam-flag input").check()  # flagged, no answer
    page.locator(".exam-palette .exam-dot").nth(multiple).click()
    answer(page, picks=1)  # one box of a "Choose 2"
    assert "is-answered" not in page.locator(".exam-palette .exam-dot").nth(multiple).get_attribute("class")
    page.get_by_role("button", name="Submit exam").click()
    dialog = page.locator("dialog.exam-confirm")
    assert dialog.is_visible()
    text = dialog.inner_text()
    assert f"{n - 1} unanswered" in text  # all but the one with a partial pick
    assert f"1 flagged for review: {flagged + 1}" in text
    assert f"1 with the wrong number of choices picked: {multiple + 1}" in text
    page.get_by_role("button", name="Back to the exam").click()
    assert dialog.is_hidden() and page.locator(".exam-card").is_visible()  # still running
    page.get_by_role("button", name="Submit exam").click()
    dialog.locator(".exam-confirm-flagged").get_by_role("button", name=f"Go to question {flagged + 1}").click()
    assert f"Question {flagged + 1} of" in page.locator(".exam-counter").inner_text()


def test_the_timer_warns_at_ten_and_one_minute_and_ends_the_exam_at_zero(page, base_url):
    page.clock.install()
    open_exam(page, base_url)
    start(page, n=5)  # 14 minutes at the exam's pace (180 min for 65)
    bar, alert = page.locator(".exam-bar"), page.locator(".exam-alert")
    left = page.locator(".exam-clock").inner_text()  # the installed clock runs in real time until run_for
    minutes, seconds = (int(x) for x in left.removesuffix(" left").split(":"))
    assert 13 * 60 + 50 <= minutes * 60 + seconds <= 14 * 60, left
    assert alert.get_attribute("aria-live") == "assertive"
    assert bar.evaluate("b => getComputedStyle(b).position") == "sticky"
    page.clock.run_for("04:01")
    assert alert.inner_text() == "10 minutes left."
    assert "is-low" in bar.get_attribute("class")
    page.clock.run_for("09:00")
    assert alert.inner_text() == "1 minute left."
    assert "is-urgent" in bar.get_attribute("class")
    page.clock.run_for("01:00")
    page.locator(".exam-result").wait_for()
    assert "Time is up" in page.locator(".exam-timeout").inner_text()
    assert page.locator(".exam-timeout").get_attribute("role") == "alert"
    assert page.evaluate(f"localStorage.getItem('{SESSION}')") is None


def test_the_timer_stays_in_view_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 740})
    page = context.new_page()
    open_exam(page, base_url)
    start(page, n=5)
    page.locator(".exam-palette").scroll_into_view_if_needed()
    top = page.locator(".exam-clock").bounding_box()["y"]
    assert 0 <= top < 740, f"timer scrolled out of view (y={top})"
    context.close()


def test_disabled_buttons_look_and_act_disabled(page, base_url):
    open_exam(page, base_url)
    start(page, n=5)
    prev = page.get_by_role("button", name="Previous")
    assert prev.is_disabled()
    style = prev.evaluate("b => [getComputedStyle(b).cursor, getComputedStyle(b).borderStyle]")
    assert style == ["not-allowed", "dashed"]


def test_review_filters_explains_wrong_choices_and_keeps_the_letters_seen(page, base_url):
    open_exam(page, base_url)
    start(page, n=5)
    seen = choice_texts(page)
    answer(page)  # 1: right
    page.get_by_role("button", name="Next").click()
    answer(page, right=False)  # 2: wrong
    page.get_by_role("button", name="Next").click()
    page.locator(".exam-flag input").check()  # 3: flagged, unanswered
    submit(page)
    assert page.locator(".exam-result").inner_text().startswith("Your score: 1 of 5")
    assert "passes at 750" in page.locator(".exam-passmark").inner_text()
    assert "not a percentage" in page.locator(".exam-passmark").inner_text()
    items = page.locator(".exam-review > li")
    assert items.count() == 5
    assert items.nth(0).locator(".exam-review-text").all_inner_texts() == seen
    letters = items.nth(0).locator(".quiz-letter").all_inner_texts()
    assert letters == [f"{c}." for c in "ABCDEFGH"[:len(seen)]]
    wrong = items.nth(1)
    n_choices = wrong.locator(".exam-review-choices > li").count()
    n_keyed = wrong.locator(".exam-review-choices > li.is-answer").count()
    assert wrong.locator(".exam-review-why").count() == n_choices - n_keyed  # every wrong choice says why
    assert wrong.locator("a").count() == 1
    for name, visible in (("Wrong (1)", 1), ("Flagged (1)", 1), ("Unanswered (3)", 3), ("All (5)", 5)):
        page.get_by_label(name).check()
        assert page.locator(".exam-review > li:visible").count() == visible, name
    page.get_by_label("Flagged (1)").check()
    assert "flagged" in page.locator(".exam-review > li:visible").inner_text()


def test_a_past_attempt_reopens_and_survives_read_more_and_back(page, base_url):
    open_exam(page, base_url)
    start(page, n=5)
    answer(page)
    submit(page)
    page.get_by_role("button", name="New practice exam").click()
    history = page.locator(".exam-history tbody tr")
    assert history.count() == 1
    row = history.first.inner_text()
    assert "Timed exam" in row and "1 of 5 (20%)" in row and re.search(r"\t\d+ (s|min)", row)
    history.first.get_by_role("button").click()
    assert re.search(r"#attempt-\w+$", page.url)
    page.locator(".exam-review a").first.click()
    page.wait_for_url(lambda url: EXAM not in url)
    page.go_back()
    page.locator(".exam[data-ready]").wait_for(state="attached")
    assert page.locator(".exam-results").is_visible(), "the review is lost after Back"
    assert page.locator(".exam-review > li").count() == 5


def test_practice_mode_gives_feedback_after_each_question(page, base_url):
    open_exam(page, base_url)
    start(page, n=5, mode="practice")
    assert not page.locator(".exam-clock").inner_text().endswith("left")
    answer(page, right=False)
    page.get_by_role("button", name="Check").click()
    feedback = page.locator(".exam-card .quiz-feedback")
    assert feedback.locator(".quiz-verdict").inner_text() == "Not quite."
    assert "is wrong:" in feedback.inner_text() and feedback.locator("a").count() == 1
    assert page.locator(".exam-card .quiz-choice input:not([disabled])").count() == 0  # locked once checked


def test_missed_questions_make_their_own_set_and_the_pool_shows_what_was_seen(page, base_url):
    page.goto(base_url + "data-preparation/kinesis/")
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    reach_quiz(page)
    question = page.locator(".quiz-question").first
    answer_ids = question.get_attribute("data-answer").split(",")
    wrong = next(i for i in question.locator("input").all() if i.get_attribute("value") not in answer_ids)
    wrong.check()
    question.locator(".quiz-check").click()
    open_exam(page, base_url)
    page.locator(".exam-pool").select_option("page:data-preparation/kinesis.md")
    assert "you have answered 1 of them" in page.locator(".exam-pool-info").inner_text()
    page.locator(".exam-pool").select_option("missed")
    assert page.locator(".exam-pool-info").inner_text().startswith("1 MLS-C01 questions in this set")
    page.locator(".exam-start").click()
    assert "Question 1 of 1" in page.locator(".exam-counter").inner_text()
    assert page.locator(".exam-card .quiz-question").get_attribute("data-qid") == question.get_attribute("data-qid")
