"""Comparison tables generated from the catalog's facts.

- data/facts/*.yml: attributes (id, label) and facts per catalog id. These extend the catalog: the same
  values appear on each entry's fact card and in every table, so the two can never disagree.
- data/comparisons/*.yml: one table per file. A row is a catalog id (values from its facts) or a concept
  with inline values and an anchor (metrics, deployment strategies).
Cell text may name other entries as [[id]] or [[id|text]]; those become links to their sections.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field

from .catalog import Catalog, Entry, anchor
from .errors import DataError
from .links import rel
from .loader import read_yaml, validate
from .urls import href

FACTS_FOLDER = "data/facts"
COMPARISONS_FOLDER = "data/comparisons"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
REF = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")
LONG_WORD = re.compile(r"\S{21,}")  # a word of more than 20 characters
IDENTIFIER_BREAK = re.compile(r"(?<=_)|(?<=[a-z])(?=[A-Z])")
NOT_APPLICABLE = "n/a"
PICK_MOST = 4  # the Compare picker shows 2 to this many entries side by side

_templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(["html"]), undefined=StrictUndefined)


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


def _with_links(value: str, catalog: Catalog, text, link) -> str:
    """A cell value with each [[id]] reference made a link; `text` escapes the rest, `link(text, entry)` links."""
    out, last = [], 0
    for match in REF.finditer(value):
        out.append(text(value[last:match.start()]))
        entry = catalog.entries[match.group(1)]
        out.append(link(match.group(2) or entry.name, entry))
        last = match.end()
    out.append(text(value[last:]))
    joined = "".join(out)
    return f'<span class="na">{joined}</span>' if value.strip() == NOT_APPLICABLE else joined


def cell(value: str, catalog: Catalog, from_page: str) -> str:
    """Escape a value for a Markdown table cell and turn [[id]] references into section links."""
    return _with_links(value, catalog, _escape_cell,
                       lambda text, e: f"[{_escape_cell(text)}]({rel(e.page, from_page, anchor(e))})")


def _breakable(text: str) -> str:
    """Escaped text in which long identifiers may wrap after an underscore or between camel-case parts
    (binary_classifier_model_selection_criteria, UpdateEndpointWeightsAndCapacities): columns stay narrow
    enough for paper without breaking ordinary words."""
    return LONG_WORD.sub(lambda m: IDENTIFIER_BREAK.sub("<wbr>", m.group(0)), str(escape(text)))


def cell_html(value: str, catalog: Catalog, from_page: str, directory_urls: bool = True) -> Markup:
    """The same cell as HTML, for raw HTML tables and the Compare picker's data."""
    return Markup(_with_links(value, catalog, _breakable, lambda text, e:
                              f'<a href="{escape(href(e.page, from_page, anchor(e), directory_urls))}">{escape(text)}</a>'))


def _escape_cell(text: str) -> str:
    return str(escape(text)).replace("|", "&#124;").replace("\n", " ").replace("[", "&#91;")


@dataclass(frozen=True)
class Row:
    """One table row: its name, where its section is, and its values by attribute id."""
    name: str
    page: str
    anchor: str
    values: dict[str, str]


def table_rows(table: Table, comparisons: Comparisons, catalog: Catalog, family: str | None = None) -> list[Row]:
    """The rows of a table (only catalog rows of `family`, when given)."""
    rows = []
    for row in table.rows:
        if isinstance(row, str):
            entry = catalog.entries[row]
            if not family or entry.family == family:
                rows.append(Row(entry.name, entry.page, anchor(entry), comparisons.facts[row]))
        elif not family:
            rows.append(Row(row.label, row.page, row.anchor, row.values))
    return rows


def table_lines(table: Table, columns: list[str], comparisons: Comparisons, catalog: Catalog, from_page: str,
                family: str | None = None) -> list[str]:
    """Header, separator and one Markdown line per row (only rows of `family`, when given)."""
    labels = [comparisons.attributes[k].label for k in columns]
    lines = ["| " + " | ".join([escape(table.row_label), *map(escape, labels)]) + " |",
             "|" + " --- |" * (len(labels) + 1)]
    for row in table_rows(table, comparisons, catalog, family):
        head = f"[**{_escape_cell(row.name)}**]({rel(row.page, from_page, row.anchor)})"
        lines.append("| " + " | ".join([head, *(cell(row.values[k], catalog, from_page) for k in columns)]) + " |")
    return lines


def _template(name: str, **context) -> str:
    # No blank lines: Markdown would end the raw HTML block there.
    return "\n".join(line for line in _templates.get_template(name).render(**context).splitlines() if line.strip())


def table_html(table: Table, comparisons: Comparisons, catalog: Catalog, from_page: str, label_id: str,
               family: str | None = None, directory_urls: bool = True) -> str:
    """A comparison table as raw HTML in its own scroll box (sticky header row and first column, phone cards).
    `label_id` is the id of the heading that names the table."""
    labels = [comparisons.attributes[k].label for k in table.columns]
    rows = [{"name": r.name, "href": href(r.page, from_page, r.anchor, directory_urls),
             "cells": [(label, cell_html(r.values[k], catalog, from_page, directory_urls))
                       for k, label in zip(table.columns, labels)]}
            for r in table_rows(table, comparisons, catalog, family)]
    return _template("compare_table.html", row_label=table.row_label, labels=labels, rows=rows, label_id=label_id)


def render_table(placement: Placement, comparisons: Comparisons, catalog: Catalog, from_page: str, level: int = 2,
                 directory_urls: bool = True) -> str:
    """Heading and table for one table or one of its family views."""
    table = placement.table
    family = placement.view.family if placement.view else None
    lines = [f"{'#' * level} {escape(placement.title)} {{ #{placement.anchor} .compare-heading }}", "",
             table_html(table, comparisons, catalog, from_page, placement.anchor, family, directory_urls), ""]
    if placement.view:
        lines.append(f"<small>A view of [{escape(table.title)}]({rel(table.page, from_page, f'compare-{table.id}')}).</small>\n")
    return "\n".join(lines)


def shape(table: Table) -> tuple[int, int]:
    """Rows and columns as the learner sees them: the row-name column counts."""
    return len(table.rows), len(table.columns) + 1


def hub(comparisons: Comparisons, catalog: Catalog, from_page: str, page_titles: dict[str, str],
        directory_urls: bool = True, level: int = 3) -> str:
    """The Compare page's full tables, each under its own heading (so the TOC lists it) in a <details>
    that is closed when JavaScript runs (tables.css opens it without)."""
    out = []
    for table in comparisons.tables.values():
        rows, cols = shape(table)
        where = page_titles.get(table.page, table.page)
        anchor_id = f"all-{table.id}"
        out += [f"{'#' * level} {escape(table.title)} {{ #{anchor_id} }}", "",
                f"{escape(table.summary)} <small>{rows} rows × {cols} columns · on "
                f"[{escape(where)}]({rel(table.page, from_page, f'compare-{table.id}')})</small>", "",
                _template("compare_full.html", rows=rows, cols=cols,
                          table=Markup(table_html(table, comparisons, catalog, from_page, anchor_id,
                                                  directory_urls=directory_urls))), ""]
    return "\n".join(out)


def picker(comparisons: Comparisons, catalog: Catalog, from_page: str, label_id: str, directory_urls: bool = True,
           most: int = PICK_MOST) -> str:
    """The Compare page's picker: catalog entries grouped by the table they are rows of, and in a hidden
    element's data-json attribute every entry's facts as safe HTML (not a JSON <script>: Material's
    instant navigation, off but supported, would run it as JavaScript)."""
    groups, entries = [], []
    for table in comparisons.tables.values():
        ids = [r for r in table.rows if isinstance(r, str)]
        if ids:
            groups.append({"title": table.title, "entries": [catalog.entries[i] for i in ids]})
        for i in ids:
            entry = catalog.entries[i]
            entries.append({"id": i, "name": entry.name, "href": href(entry.page, from_page, anchor(entry), directory_urls),
                            "facts": picker_facts(entry, comparisons, catalog, from_page, directory_urls)})
    rows = list(dict.fromkeys(a.label for a in comparisons.attributes.values()))
    payload = {"most": most, "rows": rows, "entries": entries}
    return _template("compare_picker.html", groups=groups, most=most,
                     data=json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                     row_label="Attribute", labels=[], rows=[], label_id=label_id)  # tables.js fills the table


def picker_facts(entry: Entry, comparisons: Comparisons, catalog: Catalog, from_page: str,
                 directory_urls: bool = True) -> dict[str, str]:
    """An entry's facts as safe HTML keyed by label, so entries from different tables line up on one row."""
    return {label: str(cell_html(value, catalog, from_page, directory_urls)) for label, value in fact_rows(entry, comparisons)}


def fact_rows(entry: Entry, comparisons: Comparisons) -> list[tuple[str, str]]:
    """(label, value) pairs of an entry's facts in attribute order, for its fact card and the picker. Tables
    name alike what they ask alike ("Choose it when"); an entry in two such tables gets one row, both values."""
    values = comparisons.facts.get(entry.id, {})
    rows: dict[str, str] = {}
    for k, a in comparisons.attributes.items():
        if k in values:
            rows[a.label] = f"{rows[a.label]}; {values[k]}" if a.label in rows else values[k]
    return list(rows.items())
