"""Printing: cheat sheets within their page budgets on A4 and US Letter with no fact cut short, nothing
wider than the paper, and notes pages printed without navigation, with collapsed content open and quizzes
laid out for pen and paper."""
from __future__ import annotations

import re
import shutil

import pytest
from markupsafe import escape

from conftest import ROOT
from macros import cheatsheet
from macros.errors import DataError
from macros.site import load_site
from pdfs import MIN_LAST_PAGE_FILL, SHEETS, budget, last_page_fill, page_count, page_texts, printable_width_px, sheet_pdf

browser_test = pytest.mark.browser


def _render(data, sheet, level=2):
    return cheatsheet.render_sheet(sheet, data.sheet_members(sheet), data.catalog, data.comparisons,
                                   data.sheet_corrections(sheet), sheet.page, level)


@pytest.mark.parametrize("level", [2, 3], ids=["domain sheet", "exam day"])
def test_no_sheet_cuts_a_fact_short(site_data, level):
    """Each service line and correction shows its whole text, or its written short form when that is too long."""
    for sheet in site_data.sheets.values():
        text = _render(site_data, sheet, level)
        assert "…" not in text, sheet.id  # the mark of the old cut at a word
        lines = text.splitlines()
        services = text.split("Every other service in one line", 1)[-1].split("</div>", 1)[0].splitlines() \
            if "Every other service" in text else []
        for entry in site_data.sheet_members(sheet):
            line = next((l for l in services if l.startswith(f"- [{escape(entry.name)}]")), None)
            if line is None:
                continue  # in one of the sheet's tables, or left off the exam-day sheet
            want = entry.summary if len(entry.summary) <= cheatsheet.SERVICE_LIMIT else entry.brief
            assert want and len(want) <= cheatsheet.SERVICE_LIMIT, entry.id
            assert line.endswith(f": {escape(want)}"), entry.id
        for fix in site_data.sheet_corrections(sheet):
            want = fix.correct if len(fix.correct) <= cheatsheet.FIX_LIMIT else fix.brief
            assert want and len(want) <= cheatsheet.FIX_LIMIT, fix.id
            assert f"- **{escape(fix.topic)}:** {escape(want)}" in lines, fix.id


@pytest.fixture
def data_copy(tmp_path):
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def _replace_brief(path, item, new_line):
    """Replace (or, with "", remove) the `brief:` line of one item of a data file."""
    text = path.read_text(encoding="utf-8")
    start = text.index("  brief: ", text.index(f"- id: {item}\n"))
    path.write_text(text[:start] + new_line + text[text.index("\n", start) + 1:], encoding="utf-8")


@pytest.mark.parametrize("file, item, sheet, edit", [
    ("data/catalog/eda.yml", "ground-truth", "eda", ""),  # brief removed: the summary is too long for a line
    ("data/corrections/eda.yml", "robust-scaling", "eda", '  brief: "' + "much too long " * 10 + '"\n'),
])
def test_missing_or_overlong_brief_names_file_item_and_field(data_copy, file, item, sheet, edit):
    _replace_brief(data_copy / file, item, edit)
    data = load_site(data_copy)
    with pytest.raises(DataError) as error:
        _render(data, data.sheets[sheet])
    assert (error.value.file, error.value.item, error.value.field) == (file, item, "brief")


def test_build_stops_on_a_missing_brief(tmp_path):
    from browser import build, copy_project
    copy_project(tmp_path)
    _replace_brief(tmp_path / "data/catalog/data-engineering.yml", "s3", "")
    result = build(tmp_path, tmp_path / "site")
    assert result.returncode != 0
    message = result.stdout + result.stderr
    assert "data/catalog/data-engineering.yml" in message and "'brief'" in message

OVERFLOW = """(width) => [...document.querySelectorAll('.md-content *')]
  .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > width + 1)
  .map(el => el.tagName + '.' + el.className + ': ' + Math.round(el.getBoundingClientRect().right))"""


@browser_test
@pytest.mark.parametrize("sheet", SHEETS)
def test_cheat_sheet_fits_its_page_budget(page, base_url, sheet):
    """On A4 (printed as `make pdf` prints it) and on US Letter: one load of the sheet prints both."""
    pdfs = {"A4": sheet_pdf(page, base_url, sheet, "A4")}
    pdfs["Letter"] = page.pdf(format="Letter", prefer_css_page_size=False, print_background=False)  # as sheet_pdf
    for paper, pdf in pdfs.items():
        pages = page_count(pdf)
        assert 1 <= pages <= budget(sheet), f"{sheet} on {paper}: {pages} pages (budget {budget(sheet)})"
        if sheet != "exam-day":
            fill = last_page_fill(pdf)
            assert fill >= MIN_LAST_PAGE_FILL, f"{sheet} on {paper}: last of {pages} pages only {fill:.0%} full"
        if sheet == "modeling":  # what the exam asks most about the built-in algorithms is on paper
            text = re.sub(r"\s+", " ", " ".join(page_texts(pdf))).casefold()
            for needle in ("File or Pipe", "Multi-instance training", "key hyperparameters", "scale_pos_weight",
                           "mini_batch_size", "RecordIO-protobuf"):
                assert needle.casefold() in text, (paper, needle)


@browser_test
def test_exam_day_sheet_is_light_enough_for_a_phone(page, base_url, site_data):
    page.goto(base_url + "cheatsheets/exam-day/")
    # every sheet of the default exam: its four domains and generative AI across them
    assert page.locator(".cheatsheet").count() == sum(s.exam == site_data.exams.default.code for s in site_data.sheets.values()) == 5
    assert page.evaluate("document.querySelectorAll('*').length") < 1500


@browser_test
@pytest.mark.parametrize("sheet", ["eda", "exam-day"])
def test_sheet_headings_are_smaller_than_the_title(page, base_url, sheet):
    page.goto(base_url + f"cheatsheets/{sheet}/")
    sizes = """() => { const px = el => parseFloat(getComputedStyle(el).fontSize);
      const hs = [...document.querySelectorAll('article h2, article h3, article h4')].map(px);
      return [px(document.querySelector('article h1')), Math.max(...hs), hs.length]; }"""
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        title, largest, count = page.evaluate(sizes)
        assert count > 3 and largest <= 0.8 * title, (media, title, largest)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path", [f"cheatsheets/{s}/" for s in SHEETS] + ["model-development/algorithms/", "data-preparation/kinesis/"])
@browser_test
def test_nothing_is_wider_than_the_printable_area(browser, base_url, path, paper):
    width = printable_width_px(paper)
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    assert page.evaluate(OVERFLOW, width) == []
    context.close()


@browser_test
def test_notes_page_prints_without_navigation_and_with_collapsed_content_open(page, base_url):
    page.goto(base_url + "data-preparation/kinesis/")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<details id="closed-block"><summary>More</summary><p id="inside">Collapsed text</p></details>')""")
    assert page.locator("#inside").is_hidden()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".quiz-check"):
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("#inside").is_visible()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


@browser_test
def test_dark_mode_prints_light(browser, base_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(base_url + "data-preparation/kinesis/")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(17, 17, 17)"
    context.close()


@browser_test
def test_quiz_prints_as_questions_with_an_answer_key(page, base_url):
    page.goto(base_url + "data-preparation/kinesis/")
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what the browser does before printing
    page.emulate_media(media="print")
    quiz = page.locator(".quiz")
    assert quiz.locator(".quiz-key").is_visible()
    assert quiz.locator(".quiz-key li").count() == quiz.locator(".quiz-question").count()
    assert quiz.locator(".quiz-answer").first.is_hidden()
    assert quiz.locator(".quiz-check").first.is_hidden()
    assert quiz.locator(".quiz-choice input").first.is_visible()  # empty boxes to tick on paper


@browser_test
def test_cheat_sheet_has_a_print_button(page, base_url):
    page.goto(base_url + "cheatsheets/modeling/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print this sheet").click()
    assert page.evaluate("window.__printed") == 1


@browser_test
def test_printed_choices_are_circles_for_one_answer_and_squares_for_several(page, base_url):
    page.goto(base_url + "model-development/spark/")
    page.emulate_media(media="print")
    shape = """(sel) => [...document.querySelectorAll(sel)].map(el => {
      const s = getComputedStyle(el), r = s.borderTopLeftRadius;
      return r.endsWith('%') ? parseFloat(r) / 100 : parseFloat(r) / el.getBoundingClientRect().width; })"""
    radios, boxes = page.evaluate(shape, ".quiz-choice input[type=radio]"), page.evaluate(shape, ".quiz-choice input[type=checkbox]")
    assert radios and boxes, "the page should have both kinds of question"
    assert min(radios) >= 0.5 and max(boxes) == 0
    assert page.locator(".quiz-choice input").first.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"


@browser_test
def test_no_printed_page_holds_a_lone_question(page, base_url, site_data):
    """Count the questions on each PDF page (a question never splits: break-inside: avoid), on A4 and Letter."""
    squash = lambda text: re.sub(r"\s+", "", text)
    for bank_page in ("model-development/spark.md", "data-preparation/imbalanced-data-and-labeling.md"):
        bank = site_data.bank_for(bank_page)
        page.goto(base_url + bank_page.removesuffix(".md") + "/")
        for paper in ("A4", "Letter"):  # one load, printed on both papers
            texts = [squash(t) for t in page_texts(page.pdf(format=paper))]
            counts = [sum(squash(q.prompt)[:40] in t for q in bank.questions) for t in texts]
            assert sum(counts) == len(bank.questions), (bank_page, paper, counts)
            assert 1 not in counts, f"{bank_page} on {paper}: questions per page {counts}"
            key = [i for i, t in enumerate(texts) if "Answerkey" in t]
            assert key == [len(texts) - 1] and max(i for i, c in enumerate(counts) if c) < key[0], (bank_page, paper, key)
