"""Flashcards built from the site's own data, plus the hand-written ones of data/cards.yml.

A card has a stable id made of what it is about, never of its text: `what.<entry>`, `name.<entry>`,
`alias.<entry>.<alias>`, `cue.<entry>.<attribute>` (or `cue.<table>.<concept>.<attribute>` for a table's concept
row), `fact.<entry>.<attribute>` (or `fact.<table>.<concept>.<attribute>`), `fix.<correction>` and
`card.<id>`. So an entry keeps its cards, and a learner their review history, when a summary or fact is
reworded; the browser (review.js) and the Anki deck (macros/anki_deck.py) key their schedules on these ids.
Questions a learner missed become `q.<question>` cards in the browser; the build only lists them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .catalog import NOT_OPEN, Catalog, Entry, anchor as entry_anchor, normalise
from .compare import REF, Comparisons, ConceptRow
from .corrections import Correction, anchor as correction_anchor
from .errors import DataError
from .exams import Exams
from .loader import check_unique, read_yaml, validate

FILE = "data/cards.yml"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KINDS = {  # kind -> label shown on the card and used as an Anki tag
    "what": "What it is",
    "name": "Name it",
    "alias": "Other name",
    "cue": "Exam cue",
    "fact": "Fact",
    "fix": "Correction",
    "card": "Key point",
    "q": "Missed question",
}
NOT_APPLICABLE = "n/a"
# Words that do not make an alias a different name: "AWS Glue" for "Glue" is no card worth learning.
VENDOR_WORDS = {"amazon", "aws", "sagemaker", "the", "for", "of", "and", "apache"}


class HandCard(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=SLUG)
    front: str = Field(min_length=3)
    back: str = Field(min_length=1)
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    anchor: str | None = Field(default=None, pattern=SLUG)
    exams: dict[str, list[str]] = {}  # defaults to the page's mapping


class CardsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    cue_attributes: list[str] = Field(min_length=1)   # facts read as "scenario -> which service?"
    fact_attributes: list[str] = Field(min_length=1)  # facts asked as "<name>: <attribute>?"
    cards: list = []  # each checked as a HandCard, so an error names the card


@dataclass(frozen=True)
class Card:
    id: str
    kind: str
    front: str  # plain text; escaped wherever it is shown
    back: str
    page: str  # docs/ source of the section that teaches it
    anchor: str | None
    label: str  # what the link to that section says
    exams: dict[str, list[str]]  # exam code -> task or domain ids
    source: str  # the data file it comes from, for error messages

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


def plain(value: str, catalog: Catalog) -> str:
    """A fact value as plain text: [[id]] and [[id|text]] references become the name or text."""
    return REF.sub(lambda m: m.group(2) or catalog.entries[m.group(1)].name, value).strip()


def mask(text: str, names: list[str], kind: str) -> str:
    """Hide an entry's own names in a card that asks for them ("[this service] streams records...")."""
    pattern = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.sub(rf"(?<![\w-])(?:{pattern})(?![\w-])", f"[this {kind}]", text, flags=re.IGNORECASE)


def _distinct_alias(alias: str, name: str) -> bool:
    """An alias worth a card: not the name with words dropped or added ("Glue" for "AWS Glue", "Object2Vec
    embeddings" for "Object2Vec")."""
    mine, theirs = (set(normalise(text).split()) - VENDOR_WORDS for text in (alias, name))
    return bool(mine) and not mine <= theirs and not theirs <= mine


def load_cards_file(root: Path, comparisons: Comparisons) -> CardsFile:
    raw = read_yaml(root / FILE, root)
    spec = validate(CardsFile, raw if raw is not None else {}, FILE, None)
    hand = [validate(HandCard, item, FILE, str(item.get("id", f"#{n}")) if isinstance(item, dict) else f"#{n}")
            for n, item in enumerate(spec.cards, start=1)]
    check_unique(FILE, hand)
    spec = spec.model_copy(update={"cards": hand})
    for field in ("cue_attributes", "fact_attributes"):
        for key in getattr(spec, field):
            if key not in comparisons.attributes:
                raise DataError(FILE, key, field, f"unknown attribute '{key}' (see data/facts/)")
    return spec


def build_cards(spec: CardsFile, catalog: Catalog, comparisons: Comparisons, corrections: dict[str, Correction],
                pages: dict[str, dict], exams: Exams, page_exams: dict, entry_exams: dict) -> list[Card]:
    """Every card, in catalog order per entry, then concept rows, corrections and hand-written cards."""
    cards: list[Card] = []
    for entry in catalog:
        cards += _entry_cards(entry, spec, catalog, comparisons, entry_exams[entry.id])
    for table in comparisons.tables.values():
        for row in table.rows:
            if isinstance(row, ConceptRow):
                cards += _concept_cards(table.id, table.row_label, row, spec, catalog, comparisons,
                                        page_exams.get(row.page, {}))
    for c in corrections.values():
        cards.append(Card(f"fix.{c.id}", "fix", f"{c.topic}. The notes said: “{c.notes_said}” What is true?",
                          c.correct, c.page, correction_anchor(c), c.topic, page_exams.get(c.page, {}),
                          "data/corrections"))
    for hand in spec.cards:
        if hand.page not in pages:
            raise DataError(FILE, hand.id, "page", f"page '{hand.page}' does not exist under docs/")
        mapping = dict(page_exams.get(hand.page, {}))
        mapping.update(exams.resolve(hand.exams, [], FILE, hand.id, required=False) if hand.exams else {})
        if not mapping:
            raise DataError(FILE, hand.id, "exams", "the page maps to no exam, so the card needs `exams:`")
        cards.append(Card(f"card.{hand.id}", "card", hand.front.strip(), hand.back.strip(), hand.page, hand.anchor,
                          pages[hand.page].get("title", hand.page), mapping, FILE))
    check_cards(cards)
    return cards


def _entry_cards(entry: Entry, spec: CardsFile, catalog: Catalog, comparisons: Comparisons,
                 mapping: dict) -> list[Card]:
    where = (entry.page, entry_anchor(entry), entry.name, mapping, catalog.files[entry.id])
    names = entry.names
    # A card whose answer is a service closed to new customers says so on its back: recalling "Kendra" for
    # document search must not teach it as today's answer for a new project.
    status = "" if entry.status not in NOT_OPEN else entry.status_label.lower() + (
        f" since {entry.status_date}" if entry.status_date else "")
    answer = f"{entry.name} ({status})" if status else entry.name
    out = [Card(f"what.{entry.id}", "what", f"What is {entry.name}?",
                entry.summary + (f" Status: {status}." if status else ""), *where),
           Card(f"name.{entry.id}", "name", f"Which {entry.kind} is this? {mask(entry.summary, names, entry.kind)}",
                answer, *where)]
    slugs = {}  # "One-hot encoding" and "one hot encoding" make one card
    for alias in entry.aliases:
        if _distinct_alias(alias, entry.name):
            slugs.setdefault(_slug(alias), alias)
    out += [Card(f"alias.{entry.id}.{slug}", "alias", f"Which {entry.kind} does “{alias}” refer to?",
                 answer, *where) for slug, alias in slugs.items()]
    facts = comparisons.facts.get(entry.id, {})
    for key, value in _filled(facts, spec.cue_attributes):
        text = mask(plain(value, catalog), names, entry.kind)
        out.append(Card(f"cue.{entry.id}.{key}", "cue", f"{comparisons.attributes[key].label}: {text} — which {entry.kind}?",
                        answer, *where))
    for key, value in _filled(facts, spec.fact_attributes):
        out.append(Card(f"fact.{entry.id}.{key}", "fact", f"{entry.name}: {comparisons.attributes[key].label.lower()}?",
                        plain(value, catalog), *where))
    return out


def _filled(values: dict[str, str], keys: list[str]):
    """(key, value) for each of `keys` with a value that says something (not empty, not "n/a")."""
    for key in keys:
        value = values.get(key, "").strip()
        if value and value != NOT_APPLICABLE:
            yield key, value


def _concept_cards(table_id: str, row_label: str, row: ConceptRow, spec: CardsFile, catalog: Catalog,
                   comparisons: Comparisons, mapping: dict) -> list[Card]:
    where = (row.page, row.anchor, row.label, mapping, comparisons.files[table_id])
    out = []
    for key, value in _filled(row.values, spec.cue_attributes):
        text = mask(plain(value, catalog), [row.label], row_label.lower())
        out.append(Card(f"cue.{table_id}.{row.concept}.{key}", "cue",
                        f"{comparisons.attributes[key].label}: {text} — which {row_label.lower()}?", row.label, *where))
    for key, value in _filled(row.values, spec.fact_attributes):
        out.append(Card(f"fact.{table_id}.{row.concept}.{key}", "fact",
                        f"{row.label}: {comparisons.attributes[key].label.lower()}?", plain(value, catalog), *where))
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def check_cards(cards: list[Card]) -> None:
    """Ids unique, no empty side, every card mapped to an exam."""
    seen: dict[str, Card] = {}
    for card in cards:
        if card.id in seen:
            raise DataError(card.source, card.id, "id", f"card id made twice (also from {seen[card.id].source})")
        seen[card.id] = card
        for side in ("front", "back"):
            if not getattr(card, side).strip():
                raise DataError(card.source, card.id, side, "empty side of a card")
        if not card.exams:
            raise DataError(card.source, card.id, "exams", "card maps to no exam")


def check_links(cards: list[Card], anchors_of) -> None:
    """After the build: every card's section exists. `anchors_of(page_src)` gives the ids on a built page."""
    for card in cards:
        if card.anchor and card.anchor not in anchors_of(card.page):
            field = "anchor" if card.kind == "card" else "page"
            raise DataError(card.source, card.id, field,
                            f"card links to #{card.anchor} on docs/{card.page}, which has no such anchor")


def domain_numbers(exams: Exams, mapping: dict[str, list[str]]) -> dict[str, list[int]]:
    """Exam code -> the domain numbers a card counts under (every domain of its tasks, for the filters)."""
    out = {}
    for code, ids in mapping.items():
        if code in exams:
            out[code] = sorted({exams[code].domain(ref).number for ref in ids})
    return out
