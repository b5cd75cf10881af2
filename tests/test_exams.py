"""The exams as data (data/exams/): validation, the mapping of pages, entries and questions, and coverage."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from macros.catalog import anchor
from macros.errors import DataError
from macros.exam_views import coverage
from macros.exams import LEGACY, load_exams
from macros.pages import nav_order
from macros.site import load_site
from macros.urls import page_url


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of data/ and docs/ to break on purpose."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def _edit(project: Path, name: str, change) -> None:
    path = project / "data" / "exams" / name
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _error(project: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_site(project)
    return info.value


def _first_task(raw) -> dict:
    return raw["domains"]["items"][0]["tasks"][0]


@pytest.mark.parametrize(("change", "field", "phrase"), [
    (lambda r: r["domains"]["items"][0].update(weight=r["domains"]["items"][0]["weight"] + 5), "domains", "add up to 105"),
    (lambda r: r["format"].update(source="nowhere"), "format", "source 'nowhere' is not listed"),
    (lambda r: r["format"].update(passing=5000), "passing", "outside the scale"),
    (lambda r: r["format"].update(scored=500), "format.scored", "less than or equal"),
    (lambda r: _first_task(r).update(id="3.9"), "tasks", "task 3.9 is listed under domain 1"),
    (lambda r: r["format"].update(question_types=["essay"]), "format.question_types.0", "Input should be"),
    (lambda r: r.update(status="gone"), "status", "Input should be"),
    (lambda r: r["services"]["groups"][0]["items"].append({"name": "Amazon Nothing", "catalog": "no-such-entry"}),
     "services", "'no-such-entry', which does not exist"),
    (lambda r: r["services"]["groups"][0]["items"].append({"name": "Amazon Nothing", "catalog": None}),
     "services.note", "'Amazon Nothing' has no section"),
])
def test_bad_exam_file_names_file_item_and_field(project, change, field, phrase):
    _edit(project, "mla-c01.yml", change)
    error = _error(project)
    assert error.file == "data/exams/mla-c01.yml"
    assert error.item == "MLA-C01"
    assert error.field == field
    assert phrase in str(error)


def test_unknown_task_in_a_question_stops_the_build(project):
    bank = project / "data" / "quizzes" / "kinesis.yml"
    raw = yaml.safe_load(bank.read_text(encoding="utf-8"))
    raw["questions"][0]["exams"] = {"MLA-C01": ["9.9"]}
    bank.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    error = _error(project)
    assert (error.file, error.item, error.field) == ("data/quizzes/kinesis.yml", raw["questions"][0]["id"], "exams")
    assert "'9.9' is not a task or domain of MLA-C01" in str(error)


def test_unknown_exam_code_on_a_page_stops_the_build(project):
    page = project / "docs" / "data-preparation" / "kinesis.md"
    _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    meta.setdefault("exams", {})["XYZ-C09"] = ["1.1"]
    page.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    error = _error(project)
    assert (error.file, error.field) == ("docs/data-preparation/kinesis.md", "exams")
    assert "unknown exam 'XYZ-C09'" in str(error)


def test_mapping_from_an_unknown_exam_stops_the_build(project):
    _edit(project, "mla-c02.yml", lambda r: r["mapping"].update({"from": "ABC-C01"}))
    error = _error(project)
    assert (error.file, error.item, error.field) == ("data/exams/mla-c02.yml", "MLA-C02", "mapping")


def test_every_exam_has_sourced_facts_and_weights_of_100(site_data):
    assert {"MLS-C01", "MLA-C01", "MLA-C02"} <= set(site_data.exams.items)
    for exam in site_data.exams:
        assert sum(d.weight for d in exam.domains.items) == 100
        for source in exam.sources.values():
            assert source.url.startswith("https://")
    assert site_data.exams[LEGACY].status == "retired"
    assert site_data.exams.default.status in ("current", "beta")


def test_legacy_mapping_is_the_notes_own_domain(site_data):
    """MLS-C01 keeps the mapping the notes had: each question's domain, each page's tasks."""
    numbers = {d.id: str(d.number) for d in site_data.domains.values()}
    for bank in site_data.banks.values():
        for q in bank.questions:
            if q.domain is None:  # newer topics (generative AI): not on the retired exam
                assert LEGACY not in site_data.question_exams[q.id], q.id
                continue
            assert site_data.question_exams[q.id][LEGACY] == [numbers[q.domain]], q.id
    training = site_data.page_exams["model-development/training.md"]
    assert training[LEGACY] == [str(t) for t in site_data.pages["model-development/training.md"]["tasks"]]


def test_derived_exam_follows_its_source_mapping(site_data):
    """MLA-C02 is mapped from MLA-C01 through the correspondence its file declares, then narrowed to skills: a
    question without its own MLA-C02 mapping serves only skills of the tasks its MLA-C01 tasks map to, and only
    skills its page names."""
    c02 = site_data.exams["MLA-C02"]
    assert c02.mapping and c02.mapping.source_exam == "MLA-C01"
    checked = 0
    for bank in site_data.banks.values():
        page_skills = set(site_data.page_exams[bank.page].get("MLA-C02", []))
        for q in bank.questions:
            mapping = site_data.question_exams[q.id]
            if "MLA-C01" not in mapping or "MLA-C02" in q.exams:
                continue
            tasks = set(site_data.exams._derive(c02.mapping, mapping["MLA-C01"]))
            for skill in mapping.get("MLA-C02", []):
                assert skill in c02.skills and skill.rsplit(".", 1)[0] in tasks and skill in page_skills, (q.id, skill)
                checked += 1
    assert checked > 200


def test_every_mla_c02_mapping_is_at_skill_level(site_data):
    """Pages, entries and questions that serve MLA-C02 name its skills, not only tasks."""
    c02 = site_data.exams["MLA-C02"]
    for kind, mappings in (("page", site_data.page_exams), ("entry", site_data.entry_exams),
                           ("question", site_data.question_exams)):
        for item, mapping in mappings.items():
            if kind == "page" and item.endswith("index.md"):
                continue
            wide = [i for i in mapping.get("MLA-C02", []) if i not in c02.skills]
            assert not wide, f"{kind} {item} maps to MLA-C02 {wide} (tasks or domains), not skills"


def test_deleted_items_and_retired_services_claim_no_mla_c02_task(site_data):
    """The coverage mapping claims only what a section teaches: no retired service, no item MLA-C02 dropped."""
    c02 = site_data.exams["MLA-C02"]
    for d in c02.deleted.items:
        for entry_id in d.entries:
            assert "MLA-C02" not in site_data.entry_exams[entry_id], entry_id
    for entry in site_data.catalog:
        if entry.status == "retired":
            assert "MLA-C02" not in site_data.entry_exams[entry.id], entry.id


def test_coverage_counts_match_the_data(site_data):
    """Every task of every exam is listed, and its counts are those of the mapping."""
    nav = [src for src in site_data.pages]
    for exam in site_data.exams:
        cov = coverage(exam, site_data.page_exams, site_data.entry_exams, site_data.question_exams,
                       site_data.catalog, nav)
        listed = [r.ref for r in cov.rows]
        expected = list(exam.tasks) or exam.numbers
        assert listed == expected
        def task_of(ref):
            return ref if ref.count(".") < 2 else ref.rsplit(".", 1)[0]
        for row in cov.rows:
            if "." in row.ref:
                n = sum(row.ref in {task_of(i) for i in m.get(exam.code, [])} for m in site_data.question_exams.values())
                pages = {s for s, m in site_data.page_exams.items() if row.ref in {task_of(i) for i in m.get(exam.code, [])}}
                assert row.questions == n and set(row.pages) == pages, (exam.code, row.ref)
            for skill in row.numbered:
                n = sum(skill.id in m.get(exam.code, []) for m in site_data.question_exams.values())
                assert skill.questions == n, (exam.code, skill.id)
        per_domain = sum(d.questions for d in cov.domains)
        assert per_domain == sum(1 for m in site_data.question_exams.values() if m.get(exam.code))
        if exam.services:
            total = sum(len(g.items) for g in exam.services.groups)
            covered = sum(1 for g in exam.services.groups for s in g.items if s.catalog)
            assert (cov.service_count, cov.services_covered) == (total, covered)


def test_coverage_page_shows_the_computed_totals(site, site_data):
    for exam in site_data.exams:
        html = (site / "start" / "exams" / exam.code.lower() / "index.html").read_text(encoding="utf-8")
        cov = coverage(exam, site_data.page_exams, site_data.entry_exams, site_data.question_exams,
                       site_data.catalog, list(site_data.pages))
        totals = re.search(r'<p class="exam-coverage-totals">(.*?)</p>', html, re.S)[1]
        text = re.sub(r"<[^>]+>", "", totals)
        assert f"{cov.taught} of {len(cov.rows)}" in text
        assert f"{cov.questions} questions" in text
        if cov.service_count:
            assert f"{cov.services_covered} of {cov.service_count}" in text
        for task in exam.tasks:
            assert f'id="task-{task.replace(".", "-")}"' in html


def test_notes_pages_carry_a_banner_and_tags_per_exam(site, site_data):
    html = (site / "model-development" / "training" / "index.html").read_text(encoding="utf-8")
    mapping = site_data.page_exams["model-development/training.md"]
    for code in mapping:
        assert f'class="exam-banner exam-only" data-exam="{code}"' in html
        assert re.search(rf'class="md-tag[^"]*exam-only"[^>]*data-exam="{code}"', html)


def test_every_task_of_the_current_exam_has_at_least_eight_questions(site_data):
    exam = site_data.exams.default
    counts = {task: sum(any(i == task or i.startswith(task + ".") for i in m.get(exam.code, []))
                        for m in site_data.question_exams.values()) for task in exam.tasks}
    assert min(counts.values()) >= 8, {t: n for t, n in counts.items() if n < 8}


def test_the_default_exam_is_mla_c02_and_mla_c01_is_replaced(site_data):
    assert site_data.exams.default.code == "MLA-C02"
    assert site_data.exams["MLA-C01"].status == "replaced"
    c02 = site_data.exams["MLA-C02"]
    assert len(c02.skills) == 107 and sum(k.new for k in c02.skills.values()) == 45
    assert all(c02.sources[k.source].aws for k in c02.skills.values() if k.new)  # the new ones: AWS's comparison
    assert c02.format.question_types == ["multiple-choice", "multiple-response"]


def test_every_new_skill_has_a_section_and_at_least_four_questions(site_data):
    c02 = site_data.exams["MLA-C02"]
    questions = {k: 0 for k in c02.skills}
    for mapping in site_data.question_exams.values():
        for ref in mapping.get("MLA-C02", []):
            if ref in questions:
                questions[ref] += 1
    sections = {k for m in site_data.entry_exams.values() for k in m.get("MLA-C02", [])}
    for skill in (k for k in c02.skills.values() if k.new):
        assert skill.id in sections, f"new skill {skill.id} has no section"
        assert questions[skill.id] >= 4, f"new skill {skill.id} has {questions[skill.id]} questions"


def test_every_mla_c02_skill_is_on_its_coverage_page_with_its_count(site, site_data):
    c02 = site_data.exams["MLA-C02"]
    html = (site / "start" / "exams" / "mla-c02" / "index.html").read_text(encoding="utf-8")
    cov = coverage(c02, site_data.page_exams, site_data.entry_exams, site_data.question_exams,
                   site_data.catalog, list(site_data.pages))
    for skill in cov.skills:
        item = re.search(rf'<li class="exam-coverage-skill[^"]*" id="skill-{skill.id.replace(".", "-")}">(.*?)</li>', html, re.S)
        assert item, skill.id
        text = re.sub(r"<[^>]+>", "", item[1])
        assert f"{skill.questions} question" in text and (("New" in text) == skill.new), (skill.id, text[:120])


def test_an_unknown_skill_id_stops_the_build(project):
    from macros.site import load_site
    page = project / "docs" / "data-preparation" / "kinesis.md"
    page.write_text(page.read_text(encoding="utf-8").replace('  MLA-C02: ["1.1.4", "1.2.3"]', '  MLA-C02: ["1.1.4", "1.2.99"]'),
                    encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_site(project)
    assert (info.value.file, info.value.field) == ("docs/data-preparation/kinesis.md", "exams")
    assert "'1.2.99' is not a skill of MLA-C02" in info.value.problem


def test_every_in_scope_service_has_a_rendered_section_or_a_reason(site, site_data):
    """A learner who follows a service of the guide lands on its section; a service without one says why."""
    for exam in (e for e in site_data.exams if e.services and e.status != "retired"):
        for group in exam.services.groups:
            for service in group.items:
                if service.catalog is None:
                    assert (service.note or "").strip(), (exam.code, service.name)
                    continue
                entry = site_data.catalog.entries[service.catalog]
                html = (site / page_url(entry.page) / "index.html").read_text(encoding="utf-8")
                assert re.search(rf'<h[23][^>]* id="{re.escape(anchor(entry))}"', html), (exam.code, service.name, entry.page)


def test_sources_are_published_pages_not_repository_files(site_data):
    for exam in site_data.exams:
        for key, source in exam.sources.items():
            assert "github.com" not in source.url and "/blob/" not in source.url, (exam.code, key, source.url)
