"""Flashcards built from the data: every source gives its cards, ids stay put when text changes, a card that asks
for a name does not show it, and bad card data stops the build naming file, item and field."""
from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from macros import cards as C
from macros.compare import ConceptRow
from macros.errors import DataError
from macros.site import load_site


def build(data, **changes):
    """The site's cards from `data` with some of its parts replaced."""
    parts = {"catalog": data.catalog, "comparisons": data.comparisons, "corrections": data.corrections}
    parts.update(changes)
    spec = C.load_cards_file(ROOT, data.comparisons)
    return C.build_cards(spec, parts["catalog"], parts["comparisons"], parts["corrections"], data.pages, data.exams,
                         data.page_exams, data.entry_exams)


def test_every_source_gives_its_cards(site_data):
    kinds = {k: [c for c in site_data.cards if c.kind == k] for k in C.KINDS}
    assert len(kinds["what"]) == len(kinds["name"]) == len(site_data.catalog)
    assert len(kinds["fix"]) == len(site_data.corrections)
    spec = C.load_cards_file(ROOT, site_data.comparisons)
    facts = site_data.comparisons.facts
    cues = sum(1 for e in site_data.catalog for k in spec.cue_attributes
               if facts.get(e.id, {}).get(k, "").strip() not in ("", "n/a"))
    cues += sum(1 for t in site_data.comparisons.tables.values() for r in t.rows if isinstance(r, ConceptRow)
                for k in spec.cue_attributes if r.values.get(k, "").strip() not in ("", "n/a"))
    assert len(kinds["cue"]) == cues > 100
    assert len(kinds["fact"]) > 100 and len(kinds["alias"]) > 100
    assert kinds["card"], "no hand-written cards from data/cards.yml"
    blazing = next(c for c in kinds["fact"] if c.id == "fact.blazingtext.algo-input-formats")
    assert "BlazingText" in blazing.front and blazing.back


def test_a_card_that_asks_for_a_name_never_shows_it(site_data):
    for card in (c for c in site_data.cards if c.kind in ("name", "cue", "alias")):
        entry = site_data.catalog.entries.get(card.anchor)
        names = entry.names if entry and card.kind != "alias" else [card.back]
        for name in names:
            assert not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", card.front, re.IGNORECASE), (card.id, name)


def test_ids_stay_the_same_when_summaries_and_facts_are_reworded(site_data):
    before = {c.id: c for c in site_data.cards}
    entry = site_data.catalog.entries["kinesis-data-streams"]
    catalog = dataclasses.replace(site_data.catalog, entries={**site_data.catalog.entries,
                                  entry.id: entry.model_copy(update={"summary": "Reworded: a stream of records kept for replay."})})
    facts = {k: dict(v) for k, v in site_data.comparisons.facts.items()}
    facts["blazingtext"]["algo-input-formats"] = "Reworded formats"
    comparisons = dataclasses.replace(site_data.comparisons, facts=facts)
    after = {c.id: c for c in build(site_data, catalog=catalog, comparisons=comparisons)}
    assert after.keys() == before.keys()
    assert after["what.kinesis-data-streams"].back.startswith("Reworded") != before["what.kinesis-data-streams"].back.startswith("Reworded")
    assert after["fact.blazingtext.algo-input-formats"].back == "Reworded formats"


def test_every_card_has_two_sides_a_section_and_an_exam(site_data):
    assert len({c.id for c in site_data.cards}) == len(site_data.cards)
    for card in site_data.cards:
        assert card.front.strip() and card.back.strip() and card.page in site_data.pages and card.exams, card.id


def test_duplicate_ids_and_empty_sides_are_refused(site_data):
    card = site_data.cards[0]
    with pytest.raises(DataError, match="made twice") as info:
        C.check_cards([card, card])
    assert card.id in str(info.value)
    with pytest.raises(DataError) as info:
        C.check_cards([dataclasses.replace(card, back="  ")])
    assert "'back'" in str(info.value) and card.id in str(info.value)


def test_a_card_whose_section_is_missing_stops_the_build(site_data):
    hand = next(c for c in site_data.cards if c.kind == "card" and c.anchor)
    C.check_links([hand], lambda src: {hand.anchor})
    with pytest.raises(DataError) as info:
        C.check_links([hand], lambda src: set())
    message = str(info.value)
    assert "data/cards.yml" in message and hand.id in message and "'anchor'" in message


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def _edit(project: Path, change) -> str:
    path = project / "data" / "cards.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_site(project)
    return str(info.value)


def test_an_unknown_attribute_names_file_item_and_field(project):
    message = _edit(project, lambda raw: raw["cue_attributes"].append("no-such-attribute"))
    assert "data/cards.yml" in message and "no-such-attribute" in message and "cue_attributes" in message


def test_a_hand_written_card_on_a_missing_page_names_it(project):
    def change(raw):
        raw["cards"].append({"id": "zz-card", "front": "Front?", "back": "Back.", "page": "nowhere/page.md"})
    message = _edit(project, change)
    assert "data/cards.yml" in message and "zz-card" in message and "'page'" in message


@pytest.mark.parametrize(("extra", "field", "words"), [
    ({"back": ""}, "back", "at least 1 character"),
    ({"exams": {"MLA-C01": ["9.9"]}}, "exams", "'9.9' is not a task"),
    ({"anchor": "Not A Slug"}, "anchor", "pattern"),
])
def test_a_bad_hand_written_card_names_itself_and_the_field(project, extra, field, words):
    card = {"id": "zz-card", "front": "Front?", "back": "Back.", "page": "data-preparation/kinesis.md", **extra}
    message = _edit(project, lambda raw: raw["cards"].append(card))
    assert "data/cards.yml" in message and "zz-card" in message and f"'{field}'" in message and words in message


def test_a_card_answered_by_a_closed_service_says_so_on_its_back(site_data):
    """Recalling a closed service must not teach it as today's answer for a new project."""
    closed = [e for e in site_data.catalog if e.status in ("closed", "retired", "deprecated", "maintenance")]
    assert closed
    for entry in closed:
        backs = [c.back for c in site_data.cards if c.id.split(".")[0] in ("name", "alias", "cue", "what")
                 and c.id.split(".")[1] == entry.id]
        assert backs and all(entry.status_label.lower() in b for b in backs), (entry.id, backs[:2])
    current = site_data.catalog.entries["s3"]
    assert all("new customers" not in c.back for c in site_data.cards if c.id == "name.s3"), current.id
