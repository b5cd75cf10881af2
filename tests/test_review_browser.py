"""The flashcard review as a learner uses it in Chromium: reveal and rate by keyboard, the card leaves today's
queue and comes back when due, missed questions join, the plan follows the exam date, the schedule survives reload
and export/import, the deck reads and prints without the review panel."""
from __future__ import annotations

import json
import math
from datetime import datetime, timedelta

import pytest

from test_progress_browser import KEY, KINESIS, PROGRESS, open_page, pick, stored

pytestmark = pytest.mark.browser

REVIEW = "practice/review/"
START = datetime(2026, 12, 2, 9, 0, 0)


def open_review(page, base_url):
    page.goto(base_url + REVIEW)
    page.locator(".review[data-ready]").wait_for(state="attached")


def shown(page) -> str:
    return page.locator(".review-card").get_attribute("data-card")


def count(page, key: str) -> int:
    return int(page.locator(f'.review-count[data-count="{key}"]').inner_text())


def record(page) -> dict:
    return json.loads(stored(page))


def test_a_card_rated_leaves_the_queue_and_comes_back_when_due(page, base_url):
    page.clock.install(time=START)
    open_review(page, base_url)
    first, new = shown(page), count(page, "new")
    assert first and new == 20 and count(page, "due") == 0
    assert page.locator(".review-back").is_hidden()
    page.keyboard.press("Space")
    assert page.locator(".review-back").is_visible() and page.locator(".review-back").inner_text().strip()
    easy = page.locator('.review-rating[data-rating="4"]')
    assert easy.is_visible() and " d" in easy.inner_text()  # Easy on a new card: days away
    page.keyboard.press("4")
    assert shown(page) != first and count(page, "new") == new - 1 and count(page, "done") == 1
    log = record(page)["reviews"]
    assert [(r["card"], r["rating"], r["state"]) for r in log] == [(first, 4, 0)]
    due = record(page)["schedule"][first]["due"]
    page.reload()
    page.locator(".review[data-ready]").wait_for(state="attached")
    assert count(page, "done") == 1 and count(page, "new") == new - 1 and shown(page) != first  # kept, not due yet
    page.clock.fast_forward(int(due - START.timestamp() * 1000) + 60_000)
    page.reload()
    page.locator(".review[data-ready]").wait_for(state="attached")
    assert count(page, "due") == 1 and shown(page) == first  # due reviews come before new cards
    assert count(page, "done") == 0  # a new day


def test_again_brings_the_card_back_within_minutes(page, base_url):
    page.clock.install(time=START)
    open_review(page, base_url)
    first = shown(page)
    page.get_by_role("button", name="Show answer").click()
    page.locator('.review-rating[data-rating="1"]').click()
    assert shown(page) != first
    page.clock.fast_forward("02:00")
    open_review(page, base_url)
    assert shown(page) == first and count(page, "due") == 1


def test_a_missed_question_becomes_a_card(page, base_url, site_data):
    open_page(page, base_url + KINESIS)
    question = page.locator(".quiz-question").first
    qid = question.get_attribute("data-qid")
    pick(question, right=False)
    question.locator(".quiz-check").click()
    open_review(page, base_url)
    assert count(page, "missed") == 1 and shown(page) == f"q.{qid}"  # missed questions come first
    prompt = next(q for b in site_data.banks.values() for q in b.questions if q.id == qid).prompt
    assert prompt in page.locator(".review-front").inner_text()
    page.keyboard.press("Space")
    assert page.locator(".review-back .review-answer li").count() >= 1
    assert "Streaming with Kinesis" in page.locator(".review-where").inner_text()
    page.keyboard.press("3")
    assert count(page, "missed") == 0 and record(page)["reviews"][0]["card"] == f"q.{qid}"


def test_the_exam_date_sets_the_daily_pace_and_filters_narrow_the_deck(page, base_url, site_data):
    page.clock.install(time=START)
    open_review(page, base_url)
    page.locator("select[name=page]").select_option("data-preparation/kinesis.md")
    code = site_data.exams.default.code  # the review follows the learner's exam: a first visit's is the default
    kinesis = [c for c in site_data.cards if c.page == "data-preparation/kinesis.md" and code in c.exams]
    assert f"{len(kinesis)} cards with these filters" in page.locator(".review-plan-line").inner_text()
    assert shown(page) in {c.id for c in kinesis}
    page.locator("select[name=page]").select_option("")
    total = len([c for c in site_data.cards if code in c.exams])
    page.locator("input[name=examDate]").fill((START + timedelta(days=10)).strftime("%Y-%m-%d"))
    page.locator("input[name=examDate]").dispatch_event("change")
    per_day = math.ceil(total / 10)
    assert f"10 days to go: {per_day} cards a day" in page.locator(".review-plan-line").inner_text()
    assert count(page, "new") == per_day
    open_review(page, base_url)  # the plan is kept
    assert page.locator("input[name=examDate]").input_value() == "2026-12-12" and count(page, "new") == per_day


def test_home_and_progress_say_what_is_due_and_export_import_keeps_the_log(page, base_url, tmp_path):
    page.goto(base_url)
    page.locator(".review-summary-link").click()
    page.locator(".review[data-ready]").wait_for(state="attached")
    for _ in range(3):
        page.keyboard.press("Space")
        page.keyboard.press("3")
    before = record(page)
    assert len(before["reviews"]) == 3
    page.goto(base_url)
    assert "17 new today" in page.locator(".review-summary").inner_text()
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export my progress").click()
    path = tmp_path / "progress.json"
    info.value.save_as(path)
    assert json.loads(path.read_text())["reviews"] == before["reviews"]
    page.locator(".progress-reset input[value=reviews]").wait_for()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Reset my progress").click()
    assert record(page)["reviews"] == [] and record(page)["schedule"] == {}
    page.locator("#progress-file").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    page.locator(".progress-import-status", has_text="3 flashcard reviews").wait_for()
    after = record(page)
    assert after["reviews"] == before["reviews"] and after["schedule"] == before["schedule"]
    open_review(page, base_url)
    assert count(page, "done") == 3 and count(page, "new") == 17


def test_a_schema_2_record_migrates_and_a_broken_log_is_never_overwritten(page, base_url):
    open_review(page, base_url)
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{schema: 2, answers: {{}}, attempts: []}}))")
    open_review(page, base_url)
    page.keyboard.press("Space")
    page.keyboard.press("3")
    data = record(page)
    assert data["schema"] == 3 and len(data["reviews"]) == 1
    broken = json.dumps({"schema": 3, "answers": {}, "attempts": [], "reviews": [{"card": "x", "rating": 9}]})
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(broken)})")
    open_review(page, base_url)
    assert "could not be read" in page.locator(".review-storage").inner_text()
    page.keyboard.press("Space")
    page.keyboard.press("3")  # the review still works for this visit
    assert stored(page) == broken


def test_without_javascript_the_deck_is_a_readable_list(browser, base_url, site_data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + REVIEW)
    assert page.locator(".review-app").is_hidden()
    rows = page.locator(".card-deck tr[data-id]")
    assert rows.count() == len(site_data.cards)
    assert page.locator(".card-deck").is_visible()
    assert page.locator("a", has_text="Download the Anki deck").count() == 1
    context.close()


def test_print_shows_the_filtered_cards_only_in_the_chosen_layout(page, base_url, site_data):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    open_review(page, base_url)
    page.locator("select[name=kind]").select_option("fix")
    page.get_by_label("One card a cell").check()
    page.get_by_role("button", name="Print these cards").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert page.locator(".review-app").is_hidden()
    fixes = [c for c in site_data.cards if c.kind == "fix" and site_data.exams.default.code in c.exams]
    assert page.locator(".card-deck tr[data-id]:visible").count() == len(fixes)
    assert page.locator(".card-deck .card-group:visible tbody").first.evaluate("e => getComputedStyle(e).display") == "grid"


def test_the_review_can_keep_to_the_skills_new_in_mla_c02(page, base_url, site_data):
    c02 = site_data.exams["MLA-C02"]
    fresh = [c for c in site_data.cards
             if any(ref in c02.skills and c02.skills[ref].new for ref in c.exams.get("MLA-C02", []))]
    assert fresh
    open_review(page, base_url)
    page.locator("select[name=skills]").select_option("new")
    assert f"{len(fresh)} cards with these filters" in page.locator(".review-plan-line").inner_text()
    assert shown(page) in {c.id for c in fresh}
    page.locator("select.review-exam").select_option("MLA-C01")  # an exam without new skills: the option goes
    page.locator("select[name=skills] option[value=new]").wait_for(state="attached")
    assert page.locator("select[name=skills] option[value=new]").is_disabled()
    assert page.locator("select[name=skills]").input_value() == ""
