"""What learners tripped over (issue 21), checked as they met it in Chromium: results tables that hid their
figures on a phone, an attempt that "took 0 min", counts that did not say what they count, a revealed flashcard
whose question slid under the header, and a submit dialog whose safe button outshone the real one."""
from __future__ import annotations

from datetime import datetime

import pytest

from test_exam_browser import answer, open_exam, start, submit
from test_review_browser import open_review

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 740}


def clipped_cells(page, selector: str) -> list[str]:
    """Cells of the tables under `selector` whose text does not fit on screen: cut off by the viewport, by a
    scrolling box, or by its own width."""
    return page.evaluate("""sel => {
        const out = [], width = document.documentElement.clientWidth;
        for (const td of document.querySelectorAll(sel + ' td')) {
            if (!td.textContent.trim() || td.offsetParent === null) continue;
            const r = td.getBoundingClientRect();
            let box = td.parentElement, cut = r.right > width + 1 || r.left < -1 || td.scrollWidth > td.clientWidth + 1;
            while (box && !cut) {
                const style = getComputedStyle(box);
                if (/(auto|scroll|hidden)/.test(style.overflowX)) {
                    const b = box.getBoundingClientRect();
                    if (r.right > b.right + 1 || r.left < b.left - 1) cut = true;
                }
                box = box.parentElement;
            }
            if (cut) out.push(td.textContent.trim());
        }
        return out; }""", selector)


def test_exam_results_history_and_progress_show_every_figure_on_a_phone(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    open_exam(page, base_url)
    start(page, n=5)
    answer(page)
    submit(page)
    split = page.locator(".exam-split")
    split.scroll_into_view_if_needed()
    assert page.locator(".exam-split td").count() >= 4
    assert clipped_cells(page, ".exam-split") == []
    # The score column is labelled on each card, so a figure never stands alone.
    score = page.locator(".exam-split tbody tr").first.locator("td").nth(3)
    assert score.get_attribute("data-label") == "Score" and score.inner_text().endswith("%")
    page.get_by_role("button", name="New practice exam").click()
    page.locator(".exam-history td").first.wait_for()
    assert clipped_cells(page, ".exam-history") == []
    page.goto(base_url + "practice/progress/")
    page.locator(".quiz-progress[data-ready]").wait_for(state="attached")
    rows = page.locator(".progress-domain:visible .progress-pages tbody tr")
    assert rows.count() > 0
    assert clipped_cells(page, ".progress-domain") == []
    first = page.locator(".progress-domain:visible .progress-pages td[data-label='Right now']").first
    assert first.is_visible()
    context.close()


def test_a_timed_attempt_records_the_time_its_clock_ran(page, base_url):
    page.clock.install(time=datetime(2026, 12, 2, 9, 0, 0))
    open_exam(page, base_url)
    page.clock.pause_at(datetime(2026, 12, 2, 9, 1, 0))  # time moves only when the test says so
    start(page, n=5)
    page.clock.run_for("01:00")
    page.clock.fast_forward("01:30")  # a background tab: timers throttled, the clock still runs
    assert page.locator(".exam-clock").inner_text().startswith("11:")  # 14 minutes allowed, 2:30 gone
    answer(page)
    submit(page)
    meta = page.locator(".exam-meta").inner_text()
    assert "took 2 min 30 s" in meta, meta
    page.get_by_role("button", name="New practice exam").click()
    time_cell = page.locator(".exam-history tbody tr").first.locator("td").nth(5)
    assert time_cell.inner_text() == "2 min 30 s"


def test_the_exam_page_and_my_progress_count_the_same_questions(page, base_url, site_data):
    exam = site_data.exams.default
    asked = [q for b in site_data.banks.values() for q in b.questions
             if exam.code in site_data.question_exams[q.id] and exam.asks(q)]
    page.goto(base_url + "practice/exam/")
    page.locator(".exam[data-ready]").wait_for(state="attached")
    info = page.locator(".exam-pool-info").inner_text()
    assert info.startswith(f"{len(asked)} {exam.code} questions in this set"), info
    page.goto(base_url + "practice/progress/")
    page.locator(".quiz-progress[data-ready]").wait_for(state="attached")
    scope = page.locator(".progress-scope:visible")
    assert scope.count() == 1
    assert scope.inner_text().startswith(f"The {len(asked)} {exam.code} questions its practice exam draws from"), scope.inner_text()
    assert page.locator(".progress-overall .progress-figure").first.inner_text().startswith(f"0 of {len(asked)} ")


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 720}], ids=["phone", "desktop"])
def test_a_revealed_card_keeps_its_question_in_view(browser, base_url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    open_review(page, base_url)
    front = page.locator(".review-front")
    front.scroll_into_view_if_needed()
    page.keyboard.press("Space")
    page.locator(".review-back").wait_for()
    header = page.locator(".md-header").bounding_box()
    box = front.bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, f"question under the header: {box} vs {header}"
    assert box["y"] < viewport["height"]
    assert page.evaluate("document.activeElement.dataset.rating") == "3"
    context.close()


def test_submit_now_is_the_prominent_choice_in_the_submit_dialog(page, base_url):
    open_exam(page, base_url)
    start(page, n=5)
    page.get_by_role("button", name="Submit exam").click()
    page.mouse.move(0, 0)  # the pointer off the buttons: their resting look, not a hover
    dialog = page.locator(".exam-confirm")
    submit_now, back = dialog.get_by_role("button", name="Submit now"), dialog.get_by_role("button", name="Back to the exam")
    style = "b => { const s = getComputedStyle(b); return [s.backgroundColor, s.outlineStyle]; }"
    # Focus starts on the safe choice, shown by a ring; the filled button is the one that submits.
    assert page.evaluate("document.activeElement.textContent") == "Back to the exam"
    submit_bg, _ = submit_now.evaluate(style)
    back_bg, back_outline = back.evaluate(style)
    assert submit_bg not in ("rgba(0, 0, 0, 0)", "transparent"), "Submit now is not a filled button"
    assert back_bg in ("rgba(0, 0, 0, 0)", "transparent"), "Back to the exam is filled too"
    assert back_outline != "none", "the focused Back button shows no focus ring"
