"""The Anki deck (macros/anki_deck.py): written from the real cards and read back from the .apkg's SQLite file."""
from __future__ import annotations

import dataclasses
import json
import sqlite3
import zipfile

import genanki
import pytest
from markupsafe import escape

from macros import anki_deck
from macros.errors import DataError

SITE = "https://study.example.org/aws-ml/"


@pytest.fixture(scope="module")
def deck_db(site_data, tmp_path_factory):
    """The deck of every real card, written to a .apkg, unzipped and opened."""
    out = tmp_path_factory.mktemp("anki")
    path = anki_deck.write_deck(site_data.cards, site_data.exams, SITE, out / "deck" / anki_deck.DECK_FILE)
    assert path.is_file()
    with zipfile.ZipFile(path) as apkg:
        assert "collection.anki2" in apkg.namelist()
        apkg.extract("collection.anki2", out)
    db = sqlite3.connect(out / "collection.anki2")
    yield db
    db.close()


@pytest.fixture(scope="module")
def notes(deck_db) -> dict[str, dict]:
    rows = deck_db.execute("SELECT guid, mid, flds, sfld, tags FROM notes").fetchall()
    out = {guid: {"mid": mid, "fields": flds.split("\x1f"), "sfld": sfld, "tags": tags.split()}
           for guid, mid, flds, sfld, tags in rows}
    assert len(out) == len(rows), "two notes share a GUID"
    return out


def expected_link(card) -> str:
    path = card.page.removesuffix(".md")
    path = path.removesuffix("index") if path.endswith("/index") or path == "index" else path + "/"
    url = f"{SITE}{path}" + (f"#{card.anchor}" if card.anchor else "")
    return f'<a href="{escape(url)}">{escape(card.label)}</a>'


def test_one_note_per_card_keyed_on_the_card_id(site_data, notes, deck_db):
    assert len(site_data.cards) > 500
    assert len(notes) == len(site_data.cards)
    assert set(notes) == {genanki.guid_for(card.id) for card in site_data.cards}
    assert deck_db.execute("SELECT count(*) FROM cards").fetchone()[0] == len(site_data.cards)


def test_fields_are_the_escaped_sides_and_the_source_link(site_data, notes):
    for card in site_data.cards:
        note = notes[genanki.guid_for(card.id)]
        assert note["fields"] == [str(escape(card.front)), str(escape(card.back)), expected_link(card)], card.id
        assert note["sfld"] == str(escape(card.front)), card.id
    kinesis = notes[genanki.guid_for("what.kinesis-data-streams")]
    assert kinesis["fields"][0] == "What is Amazon Kinesis Data Streams?"
    assert kinesis["fields"][2] == (f'<a href="{SITE}data-preparation/kinesis/#kinesis-data-streams">'
                                    "Amazon Kinesis Data Streams</a>")


def test_tags_name_exams_domains_page_and_kind(site_data, notes):
    for card in site_data.cards:
        tags = notes[genanki.guid_for(card.id)]["tags"]
        expected = {f"page::{card.page[:-3]}", f"kind::{card.kind}"}
        for code, ids in card.exams.items():
            expected.add(f"exam::{code}")
            expected |= {f"domain::{code}::{site_data.exams[code].domain(ref).number}" for ref in ids}
        assert set(tags) == expected, card.id
        assert len(tags) == len(expected), card.id
    kinesis = notes[genanki.guid_for("what.kinesis-data-streams")]["tags"]
    assert kinesis == ["exam::MLA-C01", "exam::MLA-C02", "exam::MLS-C01", "domain::MLA-C01::1",
                       "domain::MLA-C02::1", "domain::MLS-C01::1", "page::data-preparation/kinesis", "kind::what"]


def test_one_note_type_with_three_fields_in_one_deck(deck_db, notes):
    models = json.loads(deck_db.execute("SELECT models FROM col").fetchone()[0])
    assert list(models) == [str(anki_deck.MODEL_ID)]
    model = models[str(anki_deck.MODEL_ID)]
    assert [f["name"] for f in model["flds"]] == ["Front", "Back", "Source"]
    assert model["sortf"] == 0
    (template,) = model["tmpls"]
    assert "{{Front}}" in template["qfmt"] and "{{Back}}" not in template["qfmt"]
    assert "{{Source}}" not in template["qfmt"]
    assert "{{Back}}" in template["afmt"] and "{{Source}}" in template["afmt"]
    for remote in ("http:", "https:", "@import", "url("):
        assert remote not in model["css"]
    assert {n["mid"] for n in notes.values()} == {anki_deck.MODEL_ID}
    decks = json.loads(deck_db.execute("SELECT decks FROM col").fetchone()[0])
    assert decks[str(anki_deck.DECK_ID)]["name"] == anki_deck.DECK_NAME
    assert {did for (did,) in deck_db.execute("SELECT DISTINCT did FROM cards")} == {anki_deck.DECK_ID}


def test_markup_in_card_text_is_escaped(site_data):
    card = dataclasses.replace(site_data.cards[0], front="Is <b>x</b> & y?", back='"a" < \'b\'',
                               label='A "quoted" <label>', anchor="sec-1")
    (note,) = anki_deck.build_package([card], site_data.exams, SITE).decks[0].notes
    assert note.fields[0] == "Is &lt;b&gt;x&lt;/b&gt; &amp; y?"
    assert note.fields[1] == "&#34;a&#34; &lt; &#39;b&#39;"
    assert note.fields[2].endswith('#sec-1">A &#34;quoted&#34; &lt;label&gt;</a>')


def test_site_url_without_slash_and_card_without_anchor(site_data):
    card = dataclasses.replace(site_data.cards[0], page="a/b.md", anchor=None, label="B")
    (note,) = anki_deck.build_package([card], site_data.exams, "https://x.example").decks[0].notes
    assert note.fields[2] == '<a href="https://x.example/a/b/">B</a>'


def test_changed_back_keeps_the_guid(site_data):
    card = next(c for c in site_data.cards if c.id == "what.kinesis-data-streams")
    changed = dataclasses.replace(card, back="Reworded: streams records in shards.")
    other = dataclasses.replace(card, id="what.kinesis-video-streams")
    before, after, new = (anki_deck.build_package([c], site_data.exams, SITE).decks[0].notes[0]
                          for c in (card, changed, other))
    assert before.fields[1] != after.fields[1]
    assert before.guid == after.guid == genanki.guid_for("what.kinesis-data-streams")
    assert new.guid != before.guid


@pytest.mark.parametrize("side", ["front", "back"])
def test_empty_side_raises_naming_card_and_field(site_data, tmp_path, side):
    cards = list(site_data.cards[:3])
    cards[1] = dataclasses.replace(cards[1], **{side: "  \n"})
    with pytest.raises(DataError) as raised:
        anki_deck.write_deck(cards, site_data.exams, SITE, tmp_path / "deck.apkg")
    assert raised.value.item == cards[1].id
    assert raised.value.field == side
    assert raised.value.file == cards[1].source
    assert f"'{cards[1].id}'" in str(raised.value) and f"'{side}'" in str(raised.value)
    assert not (tmp_path / "deck.apkg").exists()
