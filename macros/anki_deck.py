"""The site's flashcards (macros/cards.py) as an Anki deck (.apkg): `make anki`, and the copy the build publishes.

One note per card, keyed on the card's stable id, so a learner who imports an updated deck keeps their reviews.
"""
from __future__ import annotations

import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

import genanki
from markupsafe import escape

from .cards import Card, domain_numbers
from .errors import DataError
from .exams import Exams
from .urls import page_url

DECK_FILE = "aws-ml-study-cards.apkg"
# Anki matches a re-imported deck and note type on these ids (and the deck also on its name): they must NEVER
# change, or every learner gets a second deck and note type next to the one holding their history.
MODEL_ID = 1_734_215_906
DECK_ID = 1_958_406_213
DECK_NAME = "AWS ML certification study cards"
MODEL_NAME = "AWS ML study card"
FIELDS = ("Front", "Back", "Source")

CSS = """\
.card {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-size: 20px;
  line-height: 1.45;
  text-align: left;
  max-width: 40em;
  margin: 0 auto;
  padding: 0 0.5em;
  color: #1f2328;
  background: #ffffff;
}
.nightMode.card, .night_mode .card { color: #e6edf3; background: #1f2328; }
hr#answer { border: 0; border-top: 1px solid #8c959f; margin: 1em 0; }
.source { margin-top: 1.2em; font-size: 0.8em; color: #57606a; }
.nightMode .source, .night_mode .source { color: #9da7b3; }
.source a { color: #0969da; }
.nightMode .source a, .night_mode .source a { color: #58a6ff; }
"""
FRONT_TEMPLATE = '<div class="front">{{Front}}</div>'
BACK_TEMPLATE = ('{{FrontSide}}\n<hr id="answer">\n<div class="back">{{Back}}</div>\n'
                 '<div class="source">Study: {{Source}}</div>')


def model() -> genanki.Model:
    """The deck's one note type: Front on the question side, Back and the Source link on the answer side."""
    return genanki.Model(
        MODEL_ID, MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Card", "qfmt": FRONT_TEMPLATE, "afmt": BACK_TEMPLATE}],
        css=CSS,
        sort_field_index=FIELDS.index("Front"),
    )


def source_link(card: Card, site_url: str) -> str:
    """HTML link to the section of the published site that teaches the card."""
    url = site_url + page_url(card.page) + (f"#{card.anchor}" if card.anchor else "")
    return f'<a href="{escape(url)}">{escape(card.label)}</a>'


def tags(card: Card, exams: Exams) -> list[str]:
    """`exam::<CODE>`, `domain::<CODE>::<n>` (per exam, by code), `page::<src without .md>`, `kind::<kind>`."""
    numbers = domain_numbers(exams, card.exams)
    out = [f"exam::{code}" for code in sorted(numbers)]
    out += [f"domain::{code}::{n}" for code in sorted(numbers) for n in numbers[code]]
    out += [f"page::{card.page.removesuffix('.md')}", f"kind::{card.kind}"]
    return out


def note(card: Card, exams: Exams, site_url: str, note_model: genanki.Model) -> genanki.Note:
    """One card as a note; raises DataError for an empty side."""
    for side in ("front", "back"):
        if not getattr(card, side).strip():
            raise DataError(card.source, card.id, side, "empty side of a card: Anki would show a blank card")
    return genanki.Note(
        model=note_model,
        fields=[str(escape(card.front)), str(escape(card.back)), source_link(card, site_url)],
        sort_field=str(escape(card.front)),
        tags=tags(card, exams),
        # The GUID comes from the card's stable id, never from its text: Anki updates the note with the same GUID
        # on re-import, so a reworded card keeps the learner's review history, and a new id is a new card.
        guid=genanki.guid_for(card.id),
    )


def build_package(cards: Iterable[Card], exams: Exams, site_url: str) -> genanki.Package:
    """The deck of every card, in the given (deck) order."""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    note_model = model()
    deck = genanki.Deck(DECK_ID, DECK_NAME, description="Flashcards from the AWS ML certification study site.")
    for card in cards:
        deck.add_note(note(card, exams, site_url, note_model))
    return genanki.Package(deck)


def write_deck(cards: Iterable[Card], exams: Exams, site_url: str, path: Path,
               timestamp: float | None = None) -> Path:
    """Write the .apkg to `path` (parent folders created) and return the path.

    The notes' modification time is the time of writing (or `timestamp`): Anki's importer updates an existing
    note only when the incoming one is newer, so a fixed time would keep learners on the old wording."""
    package = build_package(cards, exams, site_url)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    package.write_to_file(str(path), timestamp=time.time() if timestamp is None else timestamp)
    _deflate(path)
    return path


def _deflate(path: Path) -> None:
    """genanki stores the zip uncompressed; Anki reads deflated members too, at about a fifth of the size."""
    with zipfile.ZipFile(path) as stored:
        members = [(info.filename, stored.read(info)) for info in stored.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as packed:
        for name, blob in members:
            packed.writestr(name, blob)
