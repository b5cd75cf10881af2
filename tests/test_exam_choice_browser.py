"""Choosing an exam in Chromium: the practice exam's length, time, domains and weights, the progress grouping,
page banners, and old URLs that still lead to their pages."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.browser

CHOICE = "awsml-exam-choice"


def exams(site_data):
    return {e.code: e for e in site_data.exams}


TYPES = {"single": "multiple-choice", "multiple": "multiple-response", "ordering": "ordering", "matching": "matching"}


def asked(site_data, exam) -> int:
    """How many of the site's questions serve the exam (its practice pool) in the types it asks."""
    return sum(TYPES[q.type] in exam.format.question_types and (not q.case or "case-study" in exam.format.question_types)
               and exam.code in site_data.question_exams[q.id] for b in site_data.banks.values() for q in b.questions)


def choose(page, code):
    page.locator("select.exam-picker").select_option(code)
    page.locator(".exam-choice-status").filter(has_text=code).wait_for()


def test_the_practice_exam_follows_the_chosen_exam(page, base_url, site_data):
    by_code = exams(site_data)
    default = site_data.exams.default
    page.goto(base_url + "practice/exam/")
    page.locator(".exam[data-ready]").wait_for(state="attached")
    size, time = page.locator(".exam-size"), page.locator(".exam-time")
    assert size.input_value() == str(min(default.format.questions, asked(site_data, default)))
    assert page.locator(f'.exam-format[data-exam="{default.code}"]').is_visible()
    for code, exam in by_code.items():
        choose(page, code)
        assert size.input_value() == str(min(exam.format.questions, asked(site_data, exam)))
        assert page.locator(".exam-pool-info").inner_text().startswith(f"{asked(site_data, exam)} {code} questions in this set")
        size.fill("10")
        size.dispatch_event("input")
        minutes = max(1, round(site_data.exams.pace(exam)[0] * 10 / exam.format.questions))
        assert time.inner_text() == f"Time allowed: {minutes} minutes."
        # Only this exam's domains are offered, and its format line is the one shown.
        offered = page.locator(".exam-pool optgroup[data-exam]:not([disabled]) option").evaluate_all("os => os.map(o => o.value)")
        assert offered == [f"domain:{code}:{d.number}" for d in exam.domains.items]
        for other in by_code:
            assert page.locator(f'.exam-format[data-exam="{other}"]').is_visible() == (other == code)
    # The choice survives a reload.
    page.reload()
    page.locator(".exam[data-ready]").wait_for(state="attached")
    assert page.locator("select.exam-picker").input_value() == list(by_code)[-1]


@pytest.mark.parametrize("code", ["MLS-C01", "MLA-C01", "MLA-C02"])
def test_a_full_exam_is_drawn_by_the_chosen_exams_weights(page, base_url, site_data, code):
    exam = exams(site_data)[code]
    page.goto(base_url + "practice/exam/")
    page.locator(".exam[data-ready]").wait_for(state="attached")
    choose(page, code)
    n = 20
    page.locator(".exam-pool").select_option("all")
    page.locator(".exam-size").fill(str(n))
    page.locator(".exam-start").click()
    page.locator(".exam-card .quiz-question").wait_for()
    session = json.loads(page.evaluate("localStorage.getItem('awsml-exam-session')"))
    assert session["exam"] == code
    everything = {q.id: q for b in site_data.banks.values() for q in b.questions}
    for qid in session["qids"]:  # only what the exam asks, and only questions mapped to it
        assert exam.asks(everything[qid]) and code in site_data.question_exams[qid], qid
    counts = {d.number: 0 for d in exam.domains.items}
    for qid in session["qids"]:
        counts[exam.domain(site_data.question_exams[qid][code][0]).number] += 1
    quotas = {d.number: round(n * d.weight / 100) for d in exam.domains.items}
    biggest = max(quotas, key=quotas.get)
    quotas[biggest] += n - sum(quotas.values())
    # A case study brings all its parts; only those may move a domain off its quota.
    questions = {q.id: q for b in site_data.banks.values() for q in b.questions}
    cases = [questions[qid].case for qid in session["qids"] if questions[qid].case]
    assert len(session["qids"]) == n
    for number, want in quotas.items():
        assert abs(counts[number] - want) <= len(cases), (number, counts, quotas)
    if not cases:
        assert counts == quotas
    for case in set(cases):  # parts stay together and in order
        at = [i for i, qid in enumerate(session["qids"]) if questions[qid].case == case]
        assert at == list(range(at[0], at[0] + len(at)))
        assert [questions[session["qids"][i]].case_part for i in at] == list(range(1, len(at) + 1))
    minutes = max(1, round(site_data.exams.pace(exam)[0] * n / exam.format.questions))
    page.locator(".exam-clock").filter(has_text="left").wait_for()
    assert int(page.locator(".exam-clock").inner_text().split(":")[0]) in (minutes - 1, minutes)


def test_my_progress_groups_by_the_chosen_exam(page, base_url, site_data):
    page.goto(base_url + "practice/progress/")
    page.locator(".quiz-progress[data-ready]").wait_for(state="attached")
    for exam in site_data.exams:
        choose(page, exam.code)
        visible = page.locator(".progress-domain:visible h2").all_inner_texts()
        assert visible == [f"{exam.code} domain {d.number} · {d.name}" for d in exam.domains.items]


def test_banners_show_the_chosen_exam_and_all_without_javascript(browser, base_url, site_data):
    mapping = site_data.page_exams["model-development/evaluation.md"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "start/exams/")
    choose(page, "MLS-C01")
    page.goto(base_url + "model-development/evaluation/")
    banners = page.locator(".exam-banner:visible")
    assert banners.count() == 1 and banners.first.get_attribute("data-exam") == "MLS-C01"
    tags = page.locator(".md-tag:visible").evaluate_all("ts => ts.map(t => t.dataset.exam)")
    assert tags and set(tags) == {"MLS-C01"}
    # A corrupt stored choice falls back to the default exam and the page still works.
    page.evaluate(f"localStorage.setItem('{CHOICE}', '{{not json')")
    page.reload()
    assert page.locator(".exam-banner:visible").first.get_attribute("data-exam") == site_data.exams.default.code
    context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "model-development/evaluation/")
    assert sorted(page.locator(".exam-banner:visible").evaluate_all("bs => bs.map(b => b.dataset.exam)")) == sorted(mapping)
    context.close()


def redirects() -> dict[str, str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    plugin = next(p for p in config["plugins"] if isinstance(p, dict) and "redirects" in p)
    return plugin["redirects"]["redirect_maps"]


def url(src: str) -> str:
    return src[: -len("index.md")] if src.endswith("index.md") else src[:-3] + "/"


def test_every_old_url_leads_to_its_page(site):
    maps = redirects()
    assert len(maps) >= 30
    for old, new in maps.items():
        html = (site / url(old) / "index.html").read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)[1]
        resolved = (site / url(old) / target).resolve()
        assert resolved == (site / url(new)).resolve(), old
        assert (resolved / "index.html").is_file(), new


def test_an_old_link_with_an_anchor_lands_on_the_section(page, base_url):
    page.goto(base_url + "data-engineering/kinesis/#data-firehose")
    page.wait_for_url("**/data-preparation/kinesis/#data-firehose")
    assert page.locator("#data-firehose").is_visible()


def test_a_first_visit_studies_for_mla_c02_and_a_stored_choice_is_kept(browser, base_url):
    first = browser.new_context()
    page = first.new_page()
    page.goto(base_url)
    assert page.evaluate("document.documentElement.dataset.exam") == "MLA-C02"
    assert page.locator("select.exam-picker").input_value() == "MLA-C02"
    first.close()
    returning = browser.new_context()
    returning.add_init_script(f"localStorage.setItem('{CHOICE}', JSON.stringify({{schema: 1, exam: 'MLA-C01', t: 1}}))")
    page = returning.new_page()
    page.goto(base_url + "practice/exam/")
    page.locator(".exam[data-ready]").wait_for(state="attached")
    assert page.evaluate("document.documentElement.dataset.exam") == "MLA-C01"
    assert page.locator(".exam-pool-info").inner_text().split(" ")[1] == "MLA-C01"
    returning.close()


def test_the_pool_offers_the_chosen_exams_domains_and_pages(page, base_url, site_data):
    page.goto(base_url + "practice/exam/")
    page.locator(".exam[data-ready]").wait_for(state="attached")
    choose(page, "MLA-C02")
    enabled = page.locator(".exam-pool option").evaluate_all(
        "os => os.filter(o => !o.disabled && !(o.parentElement.disabled)).map(o => o.value)")
    domains = [v for v in enabled if v.startswith("domain:")]
    assert domains == [f"domain:MLA-C02:{d.number}" for d in site_data.exams["MLA-C02"].domains.items]
    pages = {v.removeprefix("page:") for v in enabled if v.startswith("page:")}
    c02 = site_data.exams["MLA-C02"]
    serving = {b.page for b in site_data.banks.values()
               if any("MLA-C02" in site_data.question_exams[q.id] and c02.asks(q) for q in b.questions)}
    assert pages == serving and "deployment/edge.md" not in pages

