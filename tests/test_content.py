"""The notes' facts are on the built pages; site-wide content the issue asks for is present."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitetools import article, page_file, squash

FACTS_DIR = Path(__file__).parent / "facts"


def _facts():
    for path in sorted(FACTS_DIR.glob("*.yml")):
        for fact in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield pytest.param(fact["page"], fact["text"], id=f"{path.stem}:{fact['page']}:{fact['text'][:30]}")


@pytest.mark.parametrize(("page", "text"), list(_facts()))
def test_fact_is_on_its_page(site, page, text):
    body = squash(article(page_file(site, page)).text_so_far()).casefold()
    assert squash(text).casefold() in body


def test_there_are_enough_facts_checked():
    assert len(list(_facts())) >= 60


def test_home_page_puts_the_current_exams_first_and_mls_as_retired(site, site_data):
    text = squash(article(site / "index.html").text_so_far())
    codes = [e.code for e in site_data.exams]
    positions = {code: text.find(code) for code in codes}
    assert all(p >= 0 for p in positions.values()), positions
    assert positions["MLA-C01"] < positions["MLS-C01"] and positions["MLA-C02"] < positions["MLS-C01"]
    legacy = site_data.exams["MLS-C01"]
    from macros.templating import long_date
    assert "Retired" in text and long_date(legacy.dates[-1].date) in text
    for exam in site_data.exams:
        for source in exam.sources.values():
            if any(source is exam.sources[r] for d in exam.dates for r in ([d.source] if isinstance(d.source, str) else d.source)):
                assert source.title in text, (exam.code, source.title)


def test_every_notes_page_names_its_domains_for_every_exam(site, site_data):
    """The banner under the title names, per exam, each domain (and task) the page's mapping gives."""
    for src, mapping in site_data.page_exams.items():
        if src.endswith("index.md"):
            continue
        text = squash(article(page_file(site, src)).text_so_far())
        for code, ids in mapping.items():
            exam = site_data.exams[code]
            for ref in ids:
                domain = exam.domain(ref)
                assert f"Domain {domain.number}: {domain.name} ({domain.weight}%)" in text, (src, code, ref)
                if ref in exam.tasks:
                    assert f"task {ref}: {exam.tasks[ref].name}" in text, (src, code, ref)


def test_every_correction_is_shown_on_its_page_and_listed(site, site_data):
    listing = squash(article(page_file(site, "start/corrections.md")).text_so_far())
    assert len(site_data.corrections) >= 15
    for item in site_data.corrections.values():
        page = article(page_file(site, item.page))
        assert f"fix-{item.id}" in page.ids
        assert item.topic in listing


def test_glossary_lists_every_abbreviation_and_pages_get_tooltips(site, site_data):
    text = squash(article(page_file(site, "start/glossary.md")).text_so_far())
    for term in site_data.glossary:
        assert term in text
    html = page_file(site, "data-preparation/kinesis.md").read_text(encoding="utf-8")
    assert '<abbr title="Amazon Kinesis Data Streams">KDS</abbr>' in html


def test_acronym_aliases_are_in_the_glossary(site_data):
    missing = [a for e in site_data.catalog for a in e.aliases
               if a.isupper() and a.isalpha() and len(a) <= 6 and a not in site_data.glossary]
    assert not missing, f"acronyms without a glossary entry: {missing}"


# Capitalised tokens that are not abbreviations: instance families, parts of hyphenated terms already in
# the glossary (k-NN, TF-IDF, t-SNE, MLS-C01, MLA-C01, UTF-8), brand names and paper sizes.
NOT_ACRONYMS = {"M4", "M5", "P2", "P3", "C4", "C5", "V2", "US", "A4", "NN", "TF", "IDF", "SNE", "MLS", "MLA", "C01", "C02",
                "NVIDIA", "UTF", "M4A", "AWSEC2"}


def test_every_acronym_in_the_prose_has_a_tooltip(site_data):
    import re
    missing = {}
    for path in (site_data.root / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"```.*?```", "", text, flags=re.S)  # code is not prose
        text = re.sub(r"`[^`]*`|\{\{.*?\}\}|\{[^}]*#[^}]*\}", "", text)
        for word in re.findall(r"\b[A-Z][A-Z0-9]{1,6}\b", text):
            if word not in site_data.glossary and word not in NOT_ACRONYMS:
                missing.setdefault(word, path.relative_to(site_data.root).as_posix())
    assert not missing, f"abbreviations without a glossary entry (add them to data/abbreviations.md): {missing}"
