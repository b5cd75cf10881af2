"""The service catalog: every AWS service, SageMaker feature and algorithm the notes cover.

Data lives in data/catalog/*.yml (one file per area, so authors do not collide);
this module validates it and answers look-ups. Pure Python: no MkDocs needed.
"""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .errors import DataError
from .loader import FieldError, parse_folder

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Status = Literal["current", "maintenance", "deprecated", "closed", "retired"]
# Statuses a question must acknowledge (`status_ack`) when its source entry has one (macros/quiz.py).
NOT_OPEN = ("maintenance", "deprecated", "closed", "retired")

STATUS_LABELS = {
    "current": "Current",
    "maintenance": "In maintenance",
    "deprecated": "Deprecated",
    "closed": "Closed to new customers",
    "retired": "Retired",
}
# What a dated change in `changes` says, as the "What changed" page words it.
CHANGE_LABELS = {
    "closed": "Closed to new customers",
    "maintenance": "Maintenance mode",
    "end-of-support": "End of support",
    "retired": "Shut down",
    "renamed": "Renamed",
    "reopened": "Reopened",
}
DATE = r"^\d{4}-\d{2}(-\d{2})?$"


def _date_as_text(value):
    """YAML reads an unquoted 2024-07-29 as a date; keep it as the text the author wrote."""
    return value.isoformat() if isinstance(value, date) else value


class ChangeSource(BaseModel):
    """The AWS page that records a change: its title as AWS gives it, and its address."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=5)
    url: str = Field(pattern=r"^https://(docs\.aws\.amazon\.com|aws\.amazon\.com|[a-z0-9.-]+\.aws(\.amazon\.com)?)/")


class Change(BaseModel):
    """One dated change of availability: the whole entry, or the `part` of it named (a feature, a version)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    change: Literal[tuple(CHANGE_LABELS)]
    date: str = Field(pattern=DATE)
    part: str | None = Field(default=None, min_length=2)
    note: str = Field(min_length=10)  # what changed and what it means for a learner, in our own words
    instead: str | None = Field(default=None, min_length=2)  # what AWS points to instead
    source: ChangeSource

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, value):
        return _date_as_text(value)

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self.change]


class Entry(BaseModel):
    """One catalog entry. `page` is relative to docs/, e.g. data-preparation/kinesis.md."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=2)
    aliases: list[str] = []
    kind: Literal["service", "feature", "algorithm", "concept"]
    family: str = Field(pattern=ID_PATTERN)
    domain: str | None = Field(default=None, pattern=ID_PATTERN)  # the retired MLS-C01's domain; none for newer topics
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    summary: str = Field(min_length=10)
    status: Status = "current"
    status_date: str | None = Field(default=None, pattern=DATE)
    status_note: str | None = None
    status_checked: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")  # when availability was last checked (sweeps)
    changes: list[Change] = []  # dated availability changes, each with its AWS source ("What changed" page)
    brief: str | None = None  # the cheat sheets' short form of `summary` (macros/cheatsheet.py checks it)
    exams: dict[str, list[str]] = {}  # exam code -> task ids, where they differ from the page's (macros/exams.py)
    keywords: list[str] = []  # what learners type for the concept, weighed below names (macros/search_index.py)

    @field_validator("status_date", "status_checked", mode="before")
    @classmethod
    def _dates_as_text(cls, value):
        return _date_as_text(value)

    @model_validator(mode="after")
    def _status_recorded(self):
        if self.status != "current" and not self.changed_whole:
            raise FieldError("changes", f"status '{self.status}' needs a dated change of the whole entry with its AWS source")
        return self

    @field_validator("aliases")
    @classmethod
    def _aliases_clean(cls, value: list[str]) -> list[str]:
        for alias in value:
            if not alias.strip():
                raise ValueError("empty alias")
        if len({a.casefold() for a in value}) != len(value):
            raise ValueError("alias listed twice")
        return value

    @field_validator("keywords")
    @classmethod
    def _keywords_clean(cls, value: list[str]) -> list[str]:
        keys = [normalise(k) for k in value]
        if "" in keys:
            raise FieldError("keywords", "empty keyword")
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise FieldError("keywords", f"keyword listed twice: {', '.join(twice)}")
        return value

    @property
    def names(self) -> list[str]:
        """The display name followed by every alias."""
        return [self.name, *self.aliases]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def changed_whole(self) -> bool:
        """Whether a recorded change concerns the whole entry, not only a `part` of it."""
        return any(c.part is None for c in self.changes)


@dataclass
class Catalog:
    entries: dict[str, Entry]
    files: dict[str, str] = field(default_factory=dict)  # id -> data file it came from

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str, where: str = "page", item: str | None = None, field_name: str = "id") -> Entry:
        """Look up an id; an unknown one is a DataError naming where it was used."""
        try:
            return self.entries[entry_id]
        except KeyError:
            close = [i for i in self.entries if entry_id and (entry_id in i or i in entry_id)][:3]
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise DataError(where, item or entry_id, field_name, f"unknown catalog id '{entry_id}'{hint}") from None

    def by_family(self, family: str) -> list[Entry]:
        return [e for e in self if e.family == family]


def anchor(entry: Entry) -> str:
    """The section anchor of an entry: its id, stable as long as the id is."""
    return entry.id


def load_catalog(root: Path, domains: set[str] | None = None, docs_dir: Path | None = None) -> Catalog:
    """Load data/catalog/*.yml from project `root` and check it as a whole."""
    entries: dict[str, Entry] = {}
    origin: dict[str, str] = {}
    aliases: dict[str, tuple[str, str]] = {}
    for name, entry in parse_folder(root, "data/catalog", Entry):
        _check_entry(name, entry, aliases, domains, docs_dir)
        entries[entry.id] = entry
        origin[entry.id] = name
    for name, entry in ((origin[i], e) for i, e in entries.items()):
        for keyword in entry.keywords:  # a name already leads to its own section; as another's keyword it competes
            other = aliases.get(normalise(keyword))
            if other and other[0] != entry.id:
                raise DataError(name, entry.id, "keywords",
                                f"keyword '{keyword}' is a name or alias of '{other[0]}' ({other[1]}): link that section instead")
    return Catalog(entries, origin)


def _check_entry(name, entry: Entry, aliases, domains, docs_dir) -> None:
    if domains is not None and entry.domain is not None and entry.domain not in domains:
        raise DataError(name, entry.id, "domain", f"unknown domain '{entry.domain}' (known: {', '.join(sorted(domains))})")
    if docs_dir is not None and not (docs_dir / entry.page).is_file():
        raise DataError(name, entry.id, "page", f"page '{entry.page}' does not exist under docs/")
    for i, label in enumerate(entry.names):
        key = normalise(label)
        where = "name" if i == 0 else "aliases"
        if key in aliases and aliases[key][0] != entry.id:
            other, other_file = aliases[key]
            raise DataError(name, entry.id, where, f"'{label}' is already a name or alias of '{other}' ({other_file})")
        aliases[key] = (entry.id, name)
    own = {normalise(label) for label in entry.names}
    for keyword in entry.keywords:
        if normalise(keyword) in own:
            raise DataError(name, entry.id, "keywords", f"keyword '{keyword}' is one of the entry's own names; names already weigh more")


def normalise(label: str) -> str:
    """Fold case and spacing so 'k-NN' and 'K-nn ' collide as users would expect."""
    return re.sub(r"\s+", " ", label).strip().casefold()
