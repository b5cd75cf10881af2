"""Printable cheat sheets generated from the catalog, its facts and the comparison tables (data/cheatsheets.yml).

A sheet is a dense summary of one exam domain: condensed comparison tables, "need X → choose Y" cues,
every catalogued service in a line, and the corrections to remember. The exam-day sheet strings the
domain sheets together at a smaller heading level.
"""
from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from pydantic import BaseModel, ConfigDict, Field

from .catalog import Catalog, anchor
from .compare import Comparisons, Placement, cell
from .corrections import Correction
from .errors import DataError
from .links import rel
from .loader import check_unique, parse_items

FILE = "data/cheatsheets.yml"


class SheetTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    table: str
    columns: list[str] = Field(min_length=1, max_length=4)


class Sheet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    domain: str
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    cue_attributes: list[str] = Field(min_length=1)
    tables: list[SheetTable] = []


def load_sheets(root: Path, domains: set[str], comparisons: Comparisons) -> dict[str, Sheet]:
    sheets = parse_items(root / FILE, Sheet, root)
    check_unique(FILE, sheets)
    for sheet in sheets:
        if sheet.domain not in domains:
            raise DataError(FILE, sheet.id, "domain", f"unknown domain '{sheet.domain}'")
        for key in sheet.cue_attributes:
            if key not in comparisons.attributes:
                raise DataError(FILE, sheet.id, "cue_attributes", f"unknown attribute '{key}'")
        for item in sheet.tables:
            table = comparisons.tables.get(item.table)
            if table is None:
                raise DataError(FILE, sheet.id, "tables", f"unknown comparison table '{item.table}'")
            for key in item.columns:
                if key not in table.columns:
                    raise DataError(FILE, sheet.id, "tables.columns", f"table '{item.table}' has no column '{key}'")
    return {s.id: s for s in sheets}


def render_sheet(sheet: Sheet, domain, catalog: Catalog, comparisons: Comparisons,
                 corrections: list[Correction], from_page: str, level: int = 2) -> str:
    """Markdown for one domain's sheet; `corrections` are those on the domain's pages."""
    h = "#" * level
    out = [f'<div class="cheatsheet" markdown>', ""]
    out += [f"{h} Exam cues {{ #{sheet.id}-cues }}", "",
            *_cues(sheet, domain.id, catalog, comparisons, from_page), ""]
    for item in sheet.tables:
        out += _condensed_table(item, comparisons, catalog, from_page, h)
    out += [f"{h} Every service in one line {{ #{sheet.id}-services }}", "", '<div class="cs-columns" markdown>', ""]
    for entry in sorted((e for e in catalog if e.domain == domain.id), key=lambda e: e.name.casefold()):
        aka = f" ({escape(', '.join(entry.aliases[:3]))})" if entry.aliases else ""
        status = "" if entry.status == "current" else f" **[{escape(entry.status_label)}{' ' + entry.status_date if entry.status_date else ''}]**"
        out.append(f"- [**{escape(entry.name)}**]({rel(entry.page, from_page, anchor(entry))}){aka}{status}: {escape(entry.summary)}")
    out += ["", "</div>", ""]
    if corrections:
        out += [f"{h} Corrections to remember {{ #{sheet.id}-fixes }}", "", '<div class="cs-columns" markdown>', ""]
        out += [f"- **{escape(c.topic)}:** {escape(c.correct)}" for c in corrections]
        out += ["", "</div>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def _cues(sheet: Sheet, domain_id: str, catalog: Catalog, comparisons: Comparisons, from_page: str) -> list[str]:
    lines = []
    for entry in catalog:
        if entry.domain != domain_id:
            continue
        for key in sheet.cue_attributes:
            value = comparisons.facts.get(entry.id, {}).get(key)
            if value and value.strip() != "n/a":
                lines.append(f"- *{cell(value, catalog, from_page)}* → [**{escape(entry.name)}**]({rel(entry.page, from_page, anchor(entry))})")
                break
    return lines


def _condensed_table(item: SheetTable, comparisons: Comparisons, catalog: Catalog, from_page: str, h: str) -> list[str]:
    table = comparisons.tables[item.table]
    labels = [comparisons.attributes[k].label for k in item.columns]
    where = Placement(table, None)
    out = [f"{h} {escape(table.title)} {{ #cs-{table.id} }}", "",
           f'<div class="compare-table cs-table" markdown>', "",
           "| " + " | ".join([escape(table.row_label), *map(escape, labels)]) + " |",
           "|" + " --- |" * (len(labels) + 1)]
    for row in table.rows:
        if isinstance(row, str):
            entry = catalog.entries[row]
            head, values = f"[**{escape(entry.name)}**]({rel(entry.page, from_page, anchor(entry))})", comparisons.facts[row]
        else:
            head, values = f"[**{escape(row.label)}**]({rel(row.page, from_page, row.anchor)})", row.values
        out.append("| " + " | ".join([head, *(cell(values[k], catalog, from_page) for k in item.columns)]) + " |")
    out += ["", "</div>", "", f"Full table: [{escape(table.title)}]({rel(where.page, from_page, where.anchor)})",
            "{ .cs-more .print-hide }", ""]
    return out

