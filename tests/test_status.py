"""Availability as data: every catalog entry says when its status was last checked, every status change has its
date and AWS source, questions acknowledge the status of the services they teach, current exams' practice pools
leave out questions about closed services they do not name, and the "What changed" page lists every change."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from browser import ROOT
from macros.catalog import STATUS_LABELS
from macros.errors import DataError
from macros.site import load_site
from macros.what_changed import page_html, rows
from test_data_errors import project  # noqa: F401  (the fixture: a copy of data/ and docs/ to break)

QUESTION = """\
  - id: zz-status-probe
    domain: ml-operations
    prompt: A team needs to search its internal documents in natural language. Which service should it use?
    choices: ["Amazon Kendra", "Amazon Polly", "Amazon Translate", "Amazon Lex"]
    answer: [0]
    why_wrong: {1: "Polly speaks text.", 2: "Translate translates.", 3: "Lex builds chatbots."}
    explanation: Kendra is an intelligent search service over documents.
    source: kendra
    exams: {MLA-C01: ["1.1"]}
"""


def _add_question(project: Path, text: str) -> None:
    bank = project / "data" / "quizzes" / "ai-language.yml"
    bank.write_text(bank.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def test_a_closed_source_without_status_ack_stops_the_build_naming_file_id_and_field(project):
    _add_question(project, QUESTION)
    with pytest.raises(DataError) as info:
        load_site(project)
    err = info.value
    assert (err.file, err.item, err.field) == ("data/quizzes/ai-language.yml", "zz-status-probe", "status_ack")
    assert "Amazon Kendra" in err.problem and "closed to new customers" in err.problem


def test_a_keyed_closed_service_needs_an_ack_even_when_the_source_is_current(project):
    _add_question(project, QUESTION.replace("source: kendra", "source: comprehend"))
    with pytest.raises(DataError) as info:
        load_site(project)
    assert (info.value.item, info.value.field) == ("zz-status-probe", "status_ack")


@pytest.mark.parametrize(("ack", "edit", "phrase"), [
    ("existing-customer", None, "never says the team already uses"),
    ("about-the-change", None, "does not say what changed"),
])
def test_an_ack_must_show_in_the_wording(project, ack, edit, phrase):
    _add_question(project, QUESTION + f"    status_ack: {ack}\n")
    with pytest.raises(DataError) as info:
        load_site(project)
    assert info.value.field == "status_ack" and phrase in info.value.problem


def test_a_stale_ack_on_a_current_service_is_refused(project):
    text = QUESTION.replace("Amazon Kendra", "Amazon Comprehend").replace("source: kendra", "source: comprehend")
    _add_question(project, text.replace("Kendra is", "Comprehend is") + "    status_ack: existing-customer\n")
    with pytest.raises(DataError) as info:
        load_site(project)
    assert info.value.field == "status_ack" and "remove it" in info.value.problem


def test_pools_of_current_exams_leave_out_closed_services_they_do_not_name(project):
    existing = QUESTION.replace("A team needs", "A team that has used Amazon Kendra since 2023 needs")
    _add_question(project, existing + "    status_ack: existing-customer\n"
                  + existing.replace("zz-status-probe", "zz-status-legacy") + "    status_ack: legacy-exam\n")
    data = load_site(project)
    named = {s.catalog for g in data.exams["MLA-C01"].services.groups for s in g.items}
    # Kendra is on MLA-C01's in-scope list, so an existing-customer question about it stays in that pool ...
    assert ("kendra" in named) == ("MLA-C01" in data.question_exams["zz-status-probe"])
    # ... and a legacy-exam question keeps the retired exam alone.
    assert sorted(data.question_exams["zz-status-legacy"]) == ["MLS-C01"]


def test_real_banks_keep_unnamed_closed_services_out_of_current_pools(site_data):
    from macros.status import StatusRule, in_scope
    rule = StatusRule(site_data.catalog)
    checked = 0
    for bank in site_data.banks.values():
        for q in bank.questions:
            involved = rule.involved(q)
            for exam in site_data.exams:
                if exam.status == "retired" or not involved:
                    continue
                named = in_scope(exam, site_data.exams, site_data.catalog)
                inside = exam.code in site_data.question_exams[q.id]
                if q.status_ack == "legacy-exam" or not all(e.id in named for e in involved):
                    assert not inside, f"{q.id} teaches {[e.id for e in involved]} but is in {exam.code}'s pool"
                checked += 1
    assert checked > 10


def test_every_entry_records_when_its_status_was_checked(site_data):
    today = date.today().isoformat()
    for entry in site_data.catalog:
        assert entry.status_checked <= today, f"{entry.id}: status_checked {entry.status_checked} is in the future"
        if entry.status != "current":
            assert any(c.part is None for c in entry.changes), entry.id


def test_fact_status_cells_agree_with_the_catalog(site_data):
    """A comparison table's status column starts with the entry's own status label."""
    cells = 0
    for path in sorted((ROOT / "data" / "facts").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        for entry_id, value in re.findall(r"^  ([a-z0-9-]+):\n(?:    .*\n)*?    [a-z]+-status: '?(.+?)'?$", text, re.M):
            entry = site_data.catalog.entries[entry_id]
            assert value.startswith(STATUS_LABELS[entry.status]), f"{path.name} {entry_id}: '{value}' vs {entry.status}"
            cells += 1
    assert cells >= 20


def test_what_changed_lists_every_dated_change_newest_first(site_data):
    html = page_html(site_data.catalog, list(site_data.banks.values()), "2026-12-07", "start/what-changed.md")
    recorded = [(e.id, c.date) for e in site_data.catalog for c in e.changes]
    items = re.findall(r'<li class="change change--[a-z-]+[^"]*" id="change-([a-z0-9-]+?)-[\d-]+-\d+">\s*<p class="change-head">'
                       r'<time datetime="([\d-]+)">', html)
    assert len(items) == len(recorded) >= 30
    assert sorted(items) == sorted(recorded)
    assert [d for _, d in items] == sorted((d for _, d in items), reverse=True)
    for row in rows(site_data.catalog):
        assert row.change.source.url in html and row.entry.name.replace("&", "&amp;") in html
    assert "announced, not yet in force" in html  # end-of-support dates still ahead are marked


def test_the_built_what_changed_page_links_sections_and_questions(site, site_data):
    html = (site / "start" / "what-changed" / "index.html").read_text(encoding="utf-8")
    kendra = site_data.catalog.entries["kendra"]
    assert 'href="../../model-development/ai-services/language/#kendra"' in html or f"#{kendra.id}" in html
    assert html.count('class="change-source"') == sum(len(e.changes) for e in site_data.catalog)
    assert re.search(r'href="[^"]*#q-[a-z0-9-]+"', html), "no question linked"
