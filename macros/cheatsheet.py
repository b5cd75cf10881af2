"""Printable cheat sheets generated from the catalog, its facts and the comparison tables (data/cheatsheets.yml).

A sheet is a dense summary of one exam domain: condensed comparison tables, "need X → choose Y" cues,
every catalogued service in a line, and the corrections to remember. The exam-day sheet strings the
domain sheets together at a smaller heading level.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from markupsafe import escape
from pydantic import BaseModel, ConfigDict, Field

from .catalog import Catalog, anchor
from .compare import Comparisons, Placement, cell, table_lines
from .corrections import Correction
from .errors import DataError
from .links import rel
from .urls import page_url
from .loader import check_unique, parse_items

FILE = "data/cheatsheets.yml"
PDF_DIR = "pdf"  # where `make pdf` writes one PDF per sheet; copied into the site when present
EXAM_DAY = "exam-day"


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
    in_tables = {row for item in sheet.tables for row in comparisons.tables[item.table].rows if isinstance(row, str)}
    out += [f"{h} Every other service in one line {{ #{sheet.id}-services }}", "", '<div class="cs-columns" markdown>', ""]
    listed = (e for e in catalog if e.domain == domain.id and e.id not in in_tables)
    for entry in sorted(listed, key=lambda e: e.name.casefold()):
        aka = f" ({escape(entry.aliases[0])})" if entry.aliases else ""
        status = "" if entry.status == "current" else f" **[{escape(entry.status_label)}{' ' + entry.status_date if entry.status_date else ''}]**"
        out.append(f"- [**{escape(entry.name)}**]({rel(entry.page, from_page, anchor(entry))}){aka}{status}: {escape(brief(entry.summary, 60))}")
    out += ["", "</div>", ""]
    if corrections:
        out += [f"{h} Corrections to remember {{ #{sheet.id}-fixes }}", "", '<div class="cs-columns" markdown>', ""]
        out += [f"- **{escape(c.topic)}:** {escape(brief(c.correct, 75))}" for c in corrections]
        out += ["", "</div>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def brief(text: str, limit: int = 90) -> str:
    """The first clause of a sentence, cut at a word boundary: cheat sheets have room for one line."""
    cuts = [i for i in (text.find(". "), text.find("; "), text.find(" — ")) if i > 0]
    short = text[: min(cuts)] if cuts else text.rstrip(".")
    if len(short) > limit:
        short = short[: short.rfind(" ", 0, limit)] + "…"
    return short


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
    where = Placement(table, None)
    out = [f"{h} {escape(table.title)} {{ #cs-{table.id} }}", "", '<div class="compare-table cs-table" markdown>', "",
           *table_lines(table, item.columns, comparisons, catalog, from_page)]
    out += ["", "</div>", "", f"Full table: [{escape(table.title)}]({rel(where.page, from_page, where.anchor)})",
            "{ .cs-more .print-hide }", ""]
    return out



def tools(sheet_id: str, has_pdf: bool, from_page: str, directory_urls: bool = True) -> str:
    """The Print button (hidden in print) and, where a PDF was built, its download link."""
    link = _pdf_href(sheet_id, from_page, directory_urls)
    pdf = f' <a class="md-button" href="{escape(link)}" download>Download PDF</a>' if has_pdf else ""
    return (f'<p class="cs-tools print-hide"><button type="button" class="md-button md-button--primary" data-print>'
            f"Print this sheet</button>{pdf}</p>\n")


def _pdf_href(sheet_id: str, from_page: str, directory_urls: bool) -> str:
    depth = page_url(from_page, directory_urls).count("/")
    return "../" * depth + f"{PDF_DIR}/{sheet_id}.pdf"


def sheet_list(sheets: dict[str, Sheet], domains: dict, from_page: str) -> str:
    lines = []
    for sheet in sheets.values():
        d = domains[sheet.domain]
        lines.append(f"- [Domain {d.number}: {escape(d.name)}]({rel(sheet.page, from_page)}) — at most 2 pages")
    lines.append(f"- [Exam day: all four domains](exam-day.md) — at most 8 pages")
    return "\n".join(lines) + "\n"


def copy_pdfs(root: Path, site_dir: Path) -> int:
    """Publish PDFs made by `make pdf` with the site, so the sheets' download links resolve."""
    source = root / PDF_DIR
    if not source.is_dir():
        return 0
    target = site_dir / PDF_DIR
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for pdf in source.glob("*.pdf"):
        shutil.copy2(pdf, target / pdf.name)
        copied += 1
    return copied
