"""Comparison tables generated from the catalog's facts.

- data/facts/*.yml: attributes (id, label) and facts per catalog id. These extend the catalog: the same
  values appear on each entry's fact card and in every table, so the two can never disagree.
- data/comparisons/*.yml: one table per file. A row is a catalog id (values from its facts) or a concept
  with inline values and an anchor (metrics, deployment strategies).
Cell text may name other entries as [[id]] or [[id|text]]; those become links to their sections.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape
from pydantic import BaseModel, ConfigDict, Field

from .catalog import Catalog, Entry, anchor
from .errors import DataError
from .links import rel
from .loader import read_yaml, validate

FACTS_FOLDER = "data/facts"
COMPARISONS_FOLDER = "data/comparisons"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
REF = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")
NOT_APPLICABLE = "n/a"


class Attribute(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=2)


class FactsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    attributes: list[Attribute] = []
    facts: dict[str, dict[str, str]] = {}


class ConceptRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    concept: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    anchor: str = Field(pattern=SLUG)
    values: dict[str, str]


class View(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=SLUG)
    title: str
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    family: str = Field(pattern=SLUG)


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=3)
    summary: str = Field(min_length=10)
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    row_label: str = "Service"
    columns: list[str] = Field(min_length=1)
    rows: list[str | ConceptRow] = Field(min_length=2)
    views: list[View] = []


@dataclass(frozen=True)
class Placement:
    """Where a table or one of its views is rendered: anchor and page."""
    table: Table
    view: View | None

    @property
    def key(self) -> str:
        return f"{self.table.id}/{self.view.id}" if self.view else self.table.id

    @property
    def anchor(self) -> str:
        return f"compare-{self.table.id}" + (f"-{self.view.id}" if self.view else "")

    @property
    def page(self) -> str:
        return self.view.page if self.view else self.table.page

    @property
    def title(self) -> str:
        return self.view.title if self.view else self.table.title


@dataclass
class Comparisons:
    attributes: dict[str, Attribute]
    facts: dict[str, dict[str, str]]  # catalog id -> attribute id -> value
    tables: dict[str, Table]
    files: dict[str, str]  # table id -> its data file

    def placements(self) -> list[Placement]:
        return [p for t in self.tables.values() for p in [Placement(t, None), *(Placement(t, v) for v in t.views)]]

    def placement(self, table_id: str, view_id: str | None, where: str) -> Placement:
        table = self.tables.get(table_id)
        if table is None:
            raise DataError(where, table_id, "compare", f"unknown comparison table '{table_id}'")
        if view_id is None:
            return Placement(table, None)
        for view in table.views:
            if view.id == view_id:
                return Placement(table, view)
        raise DataError(where, table_id, "view", f"table '{table_id}' has no view '{view_id}'")

    def tables_with(self, entry_id: str) -> list[Table]:
        """Tables in which an entry is a row or is named in a cell."""
        return [t for t in self.tables.values() if entry_id in _entry_ids(t)]


def load_comparisons(root: Path, catalog: Catalog) -> Comparisons:
    attrs: dict[str, Attribute] = {}
    facts: dict[str, dict[str, str]] = {}
    fact_files: dict[tuple[str, str], str] = {}
    for path in sorted((root / FACTS_FOLDER).glob("*.yml")):
        name = path.relative_to(root).as_posix()
        data = _validate_file(path, root, FactsFile)
        for attr in data.attributes:
            if attr.id in attrs:
                raise DataError(name, attr.id, "attributes", "attribute defined twice")
            attrs[attr.id] = attr
        for entry_id, values in data.facts.items():
            catalog.get(entry_id, name, entry_id, "facts")
            for key, value in values.items():
                if (entry_id, key) in fact_files:
                    raise DataError(name, entry_id, key, f"fact already given in {fact_files[entry_id, key]}")
                fact_files[entry_id, key] = name
                facts.setdefault(entry_id, {})[key] = value
    for (entry_id, key), name in fact_files.items():
        if key not in attrs:
            raise DataError(name, entry_id, key, f"unknown attribute '{key}' (declare it under 'attributes' in a {FACTS_FOLDER} file)")
    tables: dict[str, Table] = {}
    files: dict[str, str] = {}
    for path in sorted((root / COMPARISONS_FOLDER).glob("*.yml")):
        name = path.relative_to(root).as_posix()
        table = _validate_file(path, root, Table)
        if table.id in tables:
            raise DataError(name, table.id, "id", f"duplicate table id (first in {files[table.id]})")
        _check_table(name, table, attrs, facts, catalog)
        tables[table.id], files[table.id] = table, name
    return Comparisons(attrs, facts, tables, files)


def _validate_file(path: Path, root: Path, model):
    raw = read_yaml(path, root)
    raw = {} if raw is None else raw
    item = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    return validate(model, raw, path.relative_to(root).as_posix(), item)


def _check_table(name: str, table: Table, attrs: dict[str, Attribute], facts: dict, catalog: Catalog) -> None:
    for key in table.columns:
        if key not in attrs:
            raise DataError(name, table.id, "columns", f"unknown attribute '{key}'")
    for row in table.rows:
        if isinstance(row, str):
            catalog.get(row, name, table.id, "rows")
            values, item, label = facts.get(row, {}), row, "facts"
        else:
            values, item, label = row.values, f"{table.id}/{row.concept}", "values"
        for key in table.columns:
            value = values.get(key, "")
            if not value.strip():
                where = name if not isinstance(row, str) else f"{FACTS_FOLDER} (for table {name})"
                raise DataError(where, item, f"{label}.{key}",
                                f"no value for column '{key}' of table '{table.id}' (write '{NOT_APPLICABLE}' if it does not apply)")
            for ref in REF.finditer(value):
                catalog.get(ref.group(1), name, item, f"{label}.{key}")
    for view in table.views:
        if not any(isinstance(r, str) and catalog.entries[r].family == view.family for r in table.rows):
            raise DataError(name, table.id, "views", f"view '{view.id}' matches no row of family '{view.family}'")


def _entry_ids(table: Table) -> set[str]:
    ids = set()
    for row in table.rows:
        values = row.values.values() if isinstance(row, ConceptRow) else ()
        if isinstance(row, str):
            ids.add(row)
        ids.update(m.group(1) for v in values for m in REF.finditer(v))
    return ids


def cell(value: str, catalog: Catalog, from_page: str) -> str:
    """Escape a value for a Markdown table cell and turn [[id]] references into section links."""
    out, last = [], 0
    for match in REF.finditer(value):
        out.append(_escape_cell(value[last:match.start()]))
        entry = catalog.entries[match.group(1)]
        text = match.group(2) or entry.name
        out.append(f"[{_escape_cell(text)}]({rel(entry.page, from_page, anchor(entry))})")
        last = match.end()
    out.append(_escape_cell(value[last:]))
    text = "".join(out)
    return f'<span class="na">{text}</span>' if value.strip() == NOT_APPLICABLE else text


def _escape_cell(text: str) -> str:
    return str(escape(text)).replace("|", "&#124;").replace("\n", " ").replace("[", "&#91;")


def table_lines(table: Table, columns: list[str], comparisons: Comparisons, catalog: Catalog, from_page: str,
                family: str | None = None) -> list[str]:
    """Header, separator and one Markdown line per row (only rows of `family`, when given)."""
    labels = [comparisons.attributes[k].label for k in columns]
    lines = ["| " + " | ".join([escape(table.row_label), *map(escape, labels)]) + " |",
             "|" + " --- |" * (len(labels) + 1)]
    for row in table.rows:
        if isinstance(row, str):
            entry = catalog.entries[row]
            if family and entry.family != family:
                continue
            head = f"[**{_escape_cell(entry.name)}**]({rel(entry.page, from_page, anchor(entry))})"
            values = comparisons.facts[row]
        else:
            if family:
                continue
            head = f"[**{_escape_cell(row.label)}**]({rel(row.page, from_page, row.anchor)})"
            values = row.values
        lines.append("| " + " | ".join([head, *(cell(values[k], catalog, from_page) for k in columns)]) + " |")
    return lines


def render_table(placement: Placement, comparisons: Comparisons, catalog: Catalog, from_page: str, level: int = 2) -> str:
    """Heading and Markdown table for one table or one of its family views."""
    table = placement.table
    family = placement.view.family if placement.view else None
    lines = [f"{'#' * level} {escape(placement.title)} {{ #{placement.anchor} .compare-heading }}", "",
             f'<div class="compare-table" data-rows="{len(table.rows)}" markdown>', "",
             *table_lines(table, table.columns, comparisons, catalog, from_page, family), "", "</div>", ""]
    if placement.view:
        lines.append(f"<small>A view of [{escape(table.title)}]({rel(table.page, from_page, f'compare-{table.id}')}).</small>\n")
    return "\n".join(lines)


def hub_list(comparisons: Comparisons, from_page: str, page_titles: dict[str, str]) -> str:
    """One line per table for the Compare page."""
    out = []
    for table in comparisons.tables.values():
        where = page_titles.get(table.page, table.page)
        out.append(f"- [**{escape(table.title)}**]({rel(table.page, from_page, f'compare-{table.id}')}) — "
                   f"{escape(table.summary)} <small>({len(table.rows)} rows × {len(table.columns)} columns, on "
                   f"*{escape(where)}*)</small>")
    return "\n".join(out) + "\n"


def fact_rows(entry: Entry, comparisons: Comparisons) -> list[tuple[str, str]]:
    """(label, value) pairs of an entry's facts in attribute order, for its fact card."""
    values = comparisons.facts.get(entry.id, {})
    return [(a.label, values[k]) for k, a in comparisons.attributes.items() if k in values]
