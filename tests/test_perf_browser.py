"""What keeps pages fast for a reader: nothing moves as the progress page loads, the A–Z page stays light,
and `make bench` measures with the Lighthouse it pins. (Scores and timings live in `make bench`, not here.)"""
from __future__ import annotations

import json

import pytest

from browser import ROOT

PROGRESS = "practice/progress/"
SERVICES = "start/services/"
LIGHTHOUSE = ROOT / "scripts" / "lighthouse"
# Elements on Services A–Z once Material has set it up: 1,340 for 110 entries before the list went raw HTML
# (one <abbr> and tooltip per acronym in each summary), 1,156 after. The page grows with the catalog, so the
# budget is the page's frame plus four elements an entry (item, link, aliases, line break): 1,289 for 160 entries.
def az_budget(entries: int) -> int:
    return 700 + 4 * entries

SHIFTS = """window.__shift = 0;
new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) window.__shift += e.value; }))
  .observe({type: "layout-shift", buffered: true});"""


def seed(site_data) -> tuple[str, int]:
    """An init script storing answers (some right, some wrong, first tries differing) and one exam attempt."""
    ids = [q.id for bank in site_data.banks.values() for q in bank.questions][::6]
    answers = {qid: {"first": {"ok": i % 2 == 0, "t": 1764000000000 + i, "m": "quiz"},
                     "last": {"ok": i % 3 != 0, "t": 1764000100000 + i, "m": "quiz"}, "page": [0]}
               for i, qid in enumerate(ids)}
    record = {"schema": 2, "answers": answers, "attempts": [
        {"id": "a1", "started": 1764000000000, "finished": 1764003600000, "mode": "timed", "n": 15, "right": 9,
         "summaryOnly": True, "perDomain": {}}]}
    exam = site_data.exams.default  # Overall counts the default exam's practice pool
    questions = {q.id: q for bank in site_data.banks.values() for q in bank.questions}
    in_pool = sum(exam.code in site_data.question_exams[i] and exam.asks(questions[i]) for i in ids)
    return f"localStorage.setItem('awsml-study', {json.dumps(json.dumps(record))});", in_pool


@pytest.mark.browser
@pytest.mark.parametrize("stored, width", [(False, 390), (True, 390), (True, 1280)],
                         ids=["nothing-stored-phone", "stored-phone", "stored-desktop"])
def test_the_progress_page_does_not_shift_as_its_figures_fill_in(browser, base_url, site_data, stored, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    script, answered = seed(site_data) if stored else ("", 0)
    context.add_init_script(script + SHIFTS)
    page = context.new_page()
    page.goto(base_url + PROGRESS)
    page.locator(".quiz-progress[data-ready]").wait_for(state="attached")
    page.locator(".progress-persist").filter(has_text="ersistent storage").or_(
        page.locator(".progress-persist").filter(has_text="agreed to keep it")).wait_for()  # the last async change
    page.wait_for_timeout(200)
    figure = page.locator(".progress-overall .progress-figure").first.inner_text()
    assert figure.startswith(f"{answered} of "), figure  # the stored answers were counted
    if stored:
        assert page.locator(".progress-pages .progress-reset-page:visible").count() > 0
    assert page.evaluate("window.__shift") == 0
    context.close()


@pytest.mark.browser
def test_services_a_to_z_stays_under_its_dom_budget(page, base_url, site_data):
    page.goto(base_url + SERVICES)
    page.wait_for_load_state("networkidle")
    assert page.locator(".az-list li").count() == len(site_data.catalog)  # every entry still listed
    nodes = page.evaluate("document.getElementsByTagName('*').length")
    assert nodes <= az_budget(len(site_data.catalog)), \
        f"Services A–Z has {nodes} elements (budget {az_budget(len(site_data.catalog))})"


def test_lighthouse_is_pinned_exactly_and_the_lock_agrees():
    wanted = json.loads((LIGHTHOUSE / "package.json").read_text())["dependencies"]["lighthouse"]
    assert wanted == "12.2.3"
    lock = json.loads((LIGHTHOUSE / "package-lock.json").read_text())
    assert lock["packages"][""]["dependencies"]["lighthouse"] == wanted
    assert lock["packages"]["node_modules/lighthouse"]["version"] == wanted


@pytest.mark.browser
@pytest.mark.parametrize("path", ["compare/", "model-development/evaluation/"])
def test_pages_that_differ_without_javascript_do_not_shift_on_a_phone(browser, base_url, path):
    """The Compare picker, its closed tables and the tables' card/table switch exist only with JavaScript: painted
    first in their no-JS form (open tables, no switch), they jumped once Material's bundle ran (0.43 on Compare)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True,
                                  has_touch=True)
    context.add_init_script(SHIFTS)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})  # a phone paints before scripts end
    page.goto(base_url + path)
    page.locator(".compare-table[data-ready]").first.wait_for(state="attached")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__shift") == 0
    context.close()


@pytest.mark.browser
def test_the_palette_switch_appears_only_once_the_header_is_whole(browser, base_url):
    """The switch sits left of the search button. Shown while the header was still being parsed (a phone can
    paint then), it stood where the search button arrived a moment later and moved: a layout shift on every
    page. It appears once the page is parsed, with the search button already in place."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    context.add_init_script("""window.__shownEarly = null;
new MutationObserver(records => records.forEach(r => {
  if (r.target.matches && r.target.matches("label[for^='__palette']") && !r.target.hidden && window.__shownEarly === null)
    window.__shownEarly = !document.querySelector(".md-header label[for='__search']");
})).observe(document, {subtree: true, attributes: true, attributeFilter: ["hidden"]});""")
    page = context.new_page()
    page.goto(base_url + "deployment/mlops/")
    assert page.locator("label.md-header__button[for^='__palette']:visible").count() == 1
    assert page.evaluate("window.__shownEarly") is False, "the palette switch was shown before the search button existed"
    context.close()
