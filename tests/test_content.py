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


def test_home_page_notes_retirement_and_successor(site):
    text = squash(article(site / "index.html").text_so_far())
    assert "31 March 2026" in text
    assert "MLA-C01" in text
    for weight in ("20%", "24%", "36%"):
        assert weight in text


def test_every_domain_page_names_its_domain(site, site_data):
    from macros.pages import page_index
    for src, meta in page_index(site_data.root / "docs").items():
        if "domain" not in meta:
            continue
        domain = site_data.domains[meta["domain"]]
        text = squash(article(page_file(site, src)).text_so_far())
        assert f"Exam domain {domain.number}: {domain.name}" in text, src


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
NOT_ACRONYMS = {"M4", "M5", "P2", "P3", "C4", "C5", "V2", "US", "A4", "NN", "TF", "IDF", "SNE", "MLS", "MLA", "C01",
                "NVIDIA", "UTF", "M4A"}


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
