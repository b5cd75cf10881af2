"""Progress a learner can trust and keep: first-try scoring, exam answers kept out of page quizzes, export and
import, old or broken saved data, storage that is off."""
from __future__ import annotations

import json

import pytest

from test_exam_browser import answer, open_exam, reach_quiz, start, submit

pytestmark = pytest.mark.browser

KINESIS = "data-preparation/kinesis/"
PROGRESS = "practice/progress/"
KEY = "awsml-study"


def open_page(page, url, ready=".quiz[data-ready]"):
    """Go to a page and wait for its script; on a notes page, scroll to its quiz as a learner does."""
    page.goto(url)
    page.locator(ready).first.wait_for(state="attached")
    if ready == ".quiz[data-ready]":
        reach_quiz(page)


def pick(question, right: bool):
    keyed = set(question.get_attribute("data-answer").split(","))
    inputs = question.locator("input")
    for i in range(inputs.count()):
        box = inputs.nth(i)
        box.set_checked(False) if box.get_attribute("type") == "checkbox" else None
    chosen = [i for i in range(inputs.count()) if (inputs.nth(i).get_attribute("value") in keyed) == right]
    for i in chosen[:len(keyed) if right else 1]:
        inputs.nth(i).check()
    if not right and question.get_attribute("data-type") == "multiple":
        for i in [i for i in range(inputs.count()) if inputs.nth(i).get_attribute("value") in keyed][:len(keyed) - 1]:
            inputs.nth(i).check()


def stored(page) -> str | None:
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def kinesis_row(page):
    """The Kinesis row under the chosen exam's first domain that holds Kinesis questions. Read its cells' text
    content: tables below the screen are not rendered until they come near it (content-visibility), and
    innerText is empty until then."""
    return page.locator(".progress-exam:visible .progress-pages tr", has_text="Streaming with Kinesis").first


def test_a_second_try_after_seeing_the_key_does_not_count_as_right_first_time(page, base_url, site_data):
    total = len(site_data.bank_for("data-preparation/kinesis.md").questions)
    open_page(page, base_url + KINESIS)
    question = page.locator(".quiz-question").first
    pick(question, right=False)
    question.locator(".quiz-check").click()
    pick(question, right=True)
    question.locator(".quiz-check").click()
    assert question.locator(".quiz-feedback").inner_text() == "Correct."
    assert f"1 of {total} right (1 answered, 0 right first time)" in page.locator(".quiz-score").inner_text()
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    cells = kinesis_row(page).locator("td").all_text_contents()
    assert cells[2:5] == ["1", "0 (0%)", "1 (100%)"]
    rows = page.locator(".progress-overall .progress-row")
    assert rows.nth(1).locator(".progress-label").inner_text() == "Right first time"
    assert rows.nth(1).locator(".progress-figure").inner_text() == "0 of 1 (0%)"
    assert rows.nth(2).locator(".progress-figure").inner_text() == "1 of 1 (100%)"
    page.once("dialog", lambda d: d.accept())
    kinesis_row(page).get_by_role("button", name="Reset").click()  # per-page reset
    assert kinesis_row(page).locator("td").nth(2).text_content() == "0"


def test_pages_are_listed_in_navigation_order(page, base_url, site_data):
    """Under each domain of the chosen exam, its pages follow the sidebar; together they hold every quiz that has
    questions in the exam's pool."""
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    from macros.pages import nav_order
    import yaml
    from browser import ROOT
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    exam = site_data.exams.default
    titles = [site_data.pages[src].get("title") for src in nav_order(nav) if site_data.bank_for(src)
              and any(exam.code in site_data.question_exams[q.id] and exam.asks(q) for q in site_data.bank_for(src).questions)]
    seen = set()
    sections = page.locator(".progress-domain:visible")
    assert sections.count() == len(site_data.exams.default.domains.items)
    for i in range(sections.count()):
        listed = sections.nth(i).locator(".progress-pages tbody td:first-child a").all_text_contents()
        assert listed == sorted(listed, key=titles.index)
        seen |= set(listed)
    assert seen == set(titles)


def test_exam_answers_are_history_not_page_quiz_answers(page, base_url, site_data):
    bank = next(b for b in site_data.banks.values() if b.page == "data-preparation/kinesis.md")
    n = sum(q.type in ("single", "multiple") and not q.case for q in bank.questions)  # what MLS-C01 asks
    open_exam(page, base_url)
    start(page, n=n, pool="page:data-preparation/kinesis.md")
    for i in range(n):
        answer(page)
        if i < n - 1:
            page.get_by_role("button", name="Next").click()
    submit(page)
    open_page(page, base_url + KINESIS)
    assert page.locator(".quiz-question input:checked").count() == 0
    assert page.locator(".quiz-answer:visible").count() == 0
    assert page.locator(".quiz-feedback").all_inner_texts() == [""] * len(bank.questions)
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    assert kinesis_row(page).locator("td").nth(3).text_content() == f"{n} (100%)"  # counted as tries
    assert page.locator(".exam-history tbody tr").count() == 1


def test_export_clear_and_import_restores_everything(page, base_url, tmp_path):
    open_page(page, base_url + KINESIS)
    question = page.locator(".quiz-question").first
    pick(question, right=True)
    question.locator(".quiz-check").click()
    open_exam(page, base_url)
    start(page, n=5)
    answer(page)
    submit(page)
    before = json.loads(stored(page))
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export my progress").click()
    path = tmp_path / "progress.json"
    info.value.save_as(path)
    exported = json.loads(path.read_text())
    assert exported["app"] == "awsml-study" and exported["schema"] == before["schema"]
    page.evaluate("localStorage.clear()")
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    assert page.locator(".exam-history").count() == 0 and kinesis_row(page).locator("td").nth(2).text_content() == "0"
    page.locator("#progress-file").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    page.locator(".progress-import-status", has_text="Imported").wait_for()  # the file is read asynchronously
    after = json.loads(stored(page))
    assert after["answers"] == before["answers"] and after["attempts"] == before["attempts"]
    assert page.locator(".exam-history tbody tr").count() == 1
    assert kinesis_row(page).locator("td").nth(2).text_content() != "0"
    open_page(page, base_url + KINESIS)  # the page quiz shows its answer again
    assert page.locator(f'.quiz-question[data-qid="{question.get_attribute("data-qid")}"] .quiz-feedback').inner_text() == "Correct."


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"),
    ('{"some": "other app"}', "not a progress file from this site"),
    ('{"app": "awsml-study", "schema": 99, "answers": {}, "attempts": []}', "newer version"),
    ('{"app": "awsml-study", "schema": 2, "answers": {"x": {"first": 1}}, "attempts": []}', "damaged"),
])
def test_a_foreign_newer_or_corrupt_file_changes_nothing(page, base_url, tmp_path, content, message):
    open_page(page, base_url + KINESIS)
    question = page.locator(".quiz-question").first
    pick(question, right=True)
    question.locator(".quiz-check").click()
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    before = stored(page)
    path = tmp_path / "file.json"
    path.write_text(content)
    page.locator("#progress-file").set_input_files(str(path))
    page.get_by_label("Replace what is here").check()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Import").click()
    status = page.locator(".progress-import-status")
    status.filter(has_text="nothing was imported").wait_for()
    assert message in status.inner_text()
    assert stored(page) == before


def test_the_old_storage_format_migrates_without_loss(page, base_url, site_data):
    qid = site_data.bank_for("data-preparation/kinesis.md").questions[0]
    keyed = qid.answer
    open_page(page, base_url + KINESIS)
    page.evaluate("""([id, c]) => {
        localStorage.setItem('awsml-quiz-v1', JSON.stringify({[id]: {c: c, ok: true, t: 1764000000000}, 'gone-question': {c: [0], ok: false, t: 1}}));
        localStorage.setItem('awsml-exams-v1', JSON.stringify([{t: 1764000000000, n: 15, r: 9}]));
        localStorage.removeItem('awsml-study'); }""", [qid.id, keyed])
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    assert kinesis_row(page).locator("td").nth(2).text_content() == "1"
    assert "9 of 15 (60%)" in page.locator(".exam-history").inner_text()
    assert "gone-question" in page.locator(".progress-orphans").inner_text()  # kept, listed, not counted
    data = json.loads(stored(page))
    assert data["schema"] == 3 and set(data["answers"]) == {qid.id, "gone-question"}
    assert page.evaluate("localStorage.getItem('awsml-quiz-v1')") is None
    open_page(page, base_url + KINESIS)
    assert page.locator(f'.quiz-question[data-qid="{qid.id}"] .quiz-feedback').inner_text() == "Correct."


def test_unreadable_saved_data_is_never_overwritten(page, base_url):
    open_page(page, base_url + KINESIS)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{broken')")
    open_page(page, base_url + KINESIS)
    assert "could not be read" in page.locator(".quiz-intro").inner_text()
    question = page.locator(".quiz-question").first
    pick(question, right=True)
    question.locator(".quiz-check").click()
    assert question.locator(".quiz-feedback").inner_text() == "Correct."  # the quiz still works
    assert stored(page) == "{broken"
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    assert "could not be read" in page.locator(".progress-storage").inner_text()
    page.get_by_role("button", name="Start afresh (the old data is kept aside)").click()
    kept = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{KEY}-unreadable-'))"
                         ".map(k => localStorage.getItem(k))")
    assert kept == ["{broken"] and stored(page) is None


def test_storage_switched_off_shows_a_notice_and_nothing_breaks(browser, base_url):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }});")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(e.stack or str(e)))
    open_exam(page, base_url)
    assert "does not let the site store data" in page.locator(".exam-storage").inner_text()
    page.locator("select.exam-picker").select_option("MLS-C01")  # kept for this page only, as storage is off
    assert "lasts until you leave the page" in page.locator(".exam-choice-status").inner_text()
    start(page, n=5)
    answer(page)
    submit(page)
    assert page.locator(".exam-review > li").count() == 5
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    assert "does not let the site store data" in page.locator(".progress-storage").inner_text()
    assert not [e for e in errors if "/assets/javascripts/" in e and "bundle" not in e]
    context.close()


def test_the_progress_page_says_whether_storage_is_persistent(page, base_url):
    open_page(page, base_url + PROGRESS, ".quiz-progress[data-ready]")
    line = page.locator(".progress-persist")
    line.filter(has_text="ersistent storage").or_(line.filter(has_text="agreed to keep it")).wait_for()
    assert "saved in this browser only" in line.inner_text()
