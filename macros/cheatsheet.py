"""Printable cheat sheets generated from the catalog, its facts and the comparison tables (data/cheatsheets.yml).

A sheet is a dense summary of one exam domain: condensed comparison tables, "need X → choose Y" cues,
every catalogued service in a line, and the corrections to remember. The exam-day sheet strings the
domain sheets together at a smaller heading level.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from markupsafe import escape
from pydantic import BaseModel, ConfigDict, Field

from .catalog import Catalog, anchor
from .compare import ConceptRow, Comparisons, Placement, cell, table_lines
from .corrections import FOLDER as CORRECTIONS_FOLDER, Correction
from .errors import DataError
from .exams import LEGACY, STATUS_LABELS, Exams
from .links import rel
from .urls import page_url
from .loader import check_unique, parse_folder, parse_items

FILE = "data/cheatsheets.yml"
PDF_DIR = "pdf"  # where `make pdf` writes one PDF per sheet; copied into the site when present
EXAM_DAY = "exam-day"
ROOT = Path(__file__).resolve().parent.parent
# A sheet line shows an item's full text when it fits, else the item's `brief:` (which must fit): never a cut.
SERVICE_LIMIT = 90   # characters of a catalog summary on a service line
FIX_LIMIT = 110      # characters of a correction's `correct` text
BOLD_LINK = re.compile(r"\[\*\*(.+?)\*\*\]\(")


class SheetTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    table: str
    columns: list[str] = Field(min_length=1, max_length=4)
    title: str | None = None  # when one table is condensed twice with different columns
    exam_day: bool = True  # also on the exam-day sheet
    as_list: bool = False  # a one-column table as "row: value" lines in columns, denser than a table


class Sheet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    exam: str = LEGACY  # whose domains the sheet follows (data/exams/)
    domain: str | None = None  # one of that exam's domain ids (for MLS-C01 also data/domains.yml's); none: all
    # Only entries on pages under these folders (a topic sheet across domains, e.g. generative-ai/), or never.
    folders: list[str] = []
    exclude_folders: list[str] = []
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    cue_attributes: list[str] = Field(min_length=1)
    tables: list[SheetTable] = []
    exam_day_services: bool = False  # the exam-day sheet leaves out the one-line service list unless set
    # Pages whose entries stay off this sheet: the domain sheets follow the retired MLS-C01 as the notes did,
    # and pages written for MLA-C01 (MLOps, cost, networking) would push them past their page budget.
    exclude_pages: list[str] = []
    # Catalog files whose entries stay off this sheet: the MLS-C01 sheets keep to what the notes covered,
    # not the entries written for MLA-C01, which have their own sheets.
    exclude_catalogs: list[str] = []


def load_sheets(root: Path, exams: Exams, comparisons: Comparisons) -> dict[str, Sheet]:
    sheets = parse_items(root / FILE, Sheet, root)
    check_unique(FILE, sheets)
    for sheet in sheets:
        if sheet.exam not in exams:
            raise DataError(FILE, sheet.id, "exam", f"unknown exam '{sheet.exam}'")
        if sheet.domain is None and not sheet.folders:
            raise DataError(FILE, sheet.id, "domain", "a sheet without a domain must name its `folders`")
        if sheet.domain is not None and exams[sheet.exam].domain_by_id(sheet.domain) is None:
            raise DataError(FILE, sheet.id, "domain", f"'{sheet.domain}' is not a domain of {sheet.exam}")
        for key in sheet.cue_attributes:
            if key not in comparisons.attributes:
                raise DataError(FILE, sheet.id, "cue_attributes", f"unknown attribute '{key}'")
        if len({(t.table, t.title) for t in sheet.tables}) < len(sheet.tables):
            raise DataError(FILE, sheet.id, "tables", "a table condensed twice needs a different `title` each time")
        for item in sheet.tables:
            table = comparisons.tables.get(item.table)
            if table is None:
                raise DataError(FILE, sheet.id, "tables", f"unknown comparison table '{item.table}'")
            if item.as_list and len(item.columns) != 1:
                raise DataError(FILE, sheet.id, "tables.as_list", f"table '{item.table}': as_list needs exactly one column")
            for key in item.columns:
                if key not in table.columns:
                    raise DataError(FILE, sheet.id, "tables.columns", f"table '{item.table}' has no column '{key}'")
    return {s.id: s for s in sheets}


def render_sheet(sheet: Sheet, members: list, catalog: Catalog, comparisons: Comparisons,
                 corrections: list[Correction], from_page: str, level: int = 2) -> str:
    """Markdown for one domain's sheet: `members` are the catalog entries of the domain, `corrections` those
    on the domain's pages (SiteData.sheet_members and .sheet_corrections choose them).

    At heading level 3 the sheet is a part of the exam-day sheet (macros/__init__.py), which keeps to its
    page and DOM budgets by leaving out the service list and the tables marked `exam_day: false`.
    """
    h = "#" * level
    exam_day = level > 2
    tables = [t for t in sheet.tables if t.exam_day or not exam_day]
    out = [f'<div class="cheatsheet" markdown>', ""]
    out += [f"{h} Exam cues {{ #{sheet.id}-cues }}", "",
            *_cues(sheet, members, catalog, comparisons, from_page), ""]
    for item in tables:
        out += _condensed_table(item, sheet, comparisons, catalog, from_page, h)
    in_tables = {row for item in sheet.tables for row in comparisons.tables[item.table].rows if isinstance(row, str)}
    listed = sorted((e for e in members if e.id not in in_tables), key=lambda e: e.name.casefold())
    if listed and (sheet.exam_day_services or not exam_day):
        out += [f"{h} Every other service in one line {{ #{sheet.id}-services }}", "", '<div class="cs-columns" markdown>', ""]
        for entry in listed:
            aka = f" ({escape(entry.aliases[0])})" if entry.aliases else ""
            status = "" if entry.status == "current" else f" **[{escape(entry.status_label)}{' ' + entry.status_date if entry.status_date else ''}]**"
            text = sheet_text(entry.summary, entry.brief, SERVICE_LIMIT, catalog.files.get(entry.id, "data/catalog"), entry.id)
            out.append(f"- [{escape(entry.name)}]({rel(entry.page, from_page, anchor(entry))}){aka}{status}: {escape(text)}")
        out += ["", "</div>", ""]
    if corrections:
        out += [f"{h} Corrections to remember {{ #{sheet.id}-fixes }}", "", '<div class="cs-columns" markdown>', ""]
        out += [f"- **{escape(c.topic)}:** {escape(sheet_text(c.correct, c.brief, FIX_LIMIT, None, c.id))}"
                for c in corrections]
        out += ["", "</div>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def sheet_text(full: str, brief: str | None, limit: int, file: str | None, item_id: str) -> str:
    """The text a sheet line shows: `full` when it fits `limit`, else the item's `brief` (which must fit).

    `file` None means a correction, whose data file is looked up only when there is something to report.
    """
    problem = None
    if brief is not None and len(brief.strip()) > limit:
        problem = f"{len(brief.strip())} characters; a cheat sheet line holds at most {limit}"
    elif brief is not None and not brief.strip():
        problem = "must not be empty"
    elif len(full) > limit and brief is None:
        problem = (f"the text is {len(full)} characters, too long for a cheat sheet line (at most {limit}): "
                   f"add a `brief:` of at most {limit} characters, a complete sentence or clause")
    if problem:
        raise DataError(file or correction_file(item_id), item_id, "brief", problem)
    return full if len(full) <= limit else brief.strip()


def correction_file(item_id: str, root: Path = ROOT) -> str:
    """The data file of a correction (corrections do not keep it; only needed for an error message)."""
    return next((name for name, c in parse_folder(root, CORRECTIONS_FOLDER, Correction) if c.id == item_id),
                CORRECTIONS_FOLDER)


def _cues(sheet: Sheet, members: list, catalog: Catalog, comparisons: Comparisons, from_page: str) -> list[str]:
    """"Need X → choose Y" from the domain's entries, then from the concept rows of the sheet's tables."""
    found = [(comparisons.facts.get(e.id, {}), e.name, e.page, anchor(e)) for e in members]  # value, name, page, anchor
    seen = set()
    for item in sheet.tables:
        for row in comparisons.tables[item.table].rows:
            if isinstance(row, ConceptRow) and row.concept not in seen:
                seen.add(row.concept)
                found.append((row.values, row.label, row.page, row.anchor))
    lines = []
    for values, name, page, where in found:
        value = next((values[k] for k in sheet.cue_attributes if values.get(k, "").strip() not in ("", "n/a")), None)
        if value:
            lines.append(f"- {cell(value, catalog, from_page)} → [{escape(name)}]({rel(page, from_page, where)})")
    return lines


def _condensed_table(item: SheetTable, sheet: Sheet, comparisons: Comparisons, catalog: Catalog, from_page: str,
                     h: str) -> list[str]:
    table = comparisons.tables[item.table]
    where = Placement(table, None)
    same = [t for t in sheet.tables if t.table == item.table]
    slug = f"cs-{table.id}" + (f"-{same.index(item) + 1}" if len(same) > 1 else "")
    title = item.title or table.title
    lines = [_unbolded(line) for line in table_lines(table, item.columns, comparisons, catalog, from_page)]
    if item.as_list:  # "| head | value |" rows (cells escape "|") as "- head: value"
        body = [f"- {head}: {value}" for head, value in (line.strip("| ").split(" | ") for line in lines[2:])]
        out = [f"{h} {escape(title)} {{ #{slug} }}", "", f'<div class="cs-columns cs-list" markdown>', "", *body]
    else:
        out = [f"{h} {escape(title)} {{ #{slug} }}", "", '<div class="compare-table cs-table" markdown>', "", *lines]
    out += ["", "</div>", "", f"Full table: [{escape(table.title)}]({rel(where.page, from_page, where.anchor)})",
            "{ .cs-more .print-hide }", ""]
    return out


def _unbolded(line: str) -> str:
    """Row-head links without their <strong>: print.css bolds them, which saves a DOM node per row."""
    return BOLD_LINK.sub(r"[\1](", line)


def tools(sheet_id: str, has_pdf: bool, from_page: str, directory_urls: bool = True) -> str:
    """The Print button (hidden in print) and, where a PDF was built, its download link."""
    link = _pdf_href(sheet_id, from_page, directory_urls)
    pdf = f' <a class="md-button" href="{escape(link)}" download>Download PDF</a>' if has_pdf else ""
    return (f'<p class="cs-tools print-hide"><button type="button" class="md-button md-button--primary" data-print>'
            f"Print this sheet</button>{pdf}</p>\n")


def _pdf_href(sheet_id: str, from_page: str, directory_urls: bool) -> str:
    depth = page_url(from_page, directory_urls).count("/")
    return "../" * depth + f"{PDF_DIR}/{sheet_id}.pdf"


def sheet_list(sheets: dict[str, Sheet], exams: Exams, exam_day: str, from_page: str) -> str:
    """The sheets grouped by exam, in the order of data/exams; `exam_day` is the exam of the exam-day sheet."""
    lines = []
    for exam in exams:
        mine = [s for s in sheets.values() if s.exam == exam.code]
        if not mine:
            continue
        lines += ["", f"**{escape(exam.code)} ({escape(exam.short)}, {STATUS_LABELS[exam.status].lower()})**", ""]
        for sheet in mine:
            label = sheet_label(sheet, exam)
            lines.append(f"- [{escape(label)}]({rel(sheet.page, from_page)}) — at most 2 pages")
        if exam.code == exam_day:
            lines.append(f"- [Exam day: all {len(exam.domains.items)} domains](exam-day.md) — at most 6 pages")
    return "\n".join(lines).strip() + "\n"


def sheet_label(sheet: Sheet, exam) -> str:
    """"Domain 2: ML Model …" for a domain sheet; "Generative AI (all domains)" for a topic sheet."""
    if sheet.domain is None:
        return ", ".join(f.strip("/").replace("-", " ").capitalize().replace(" ai", " AI") for f in sheet.folders) + " (all domains)"
    d = exam.domain_by_id(sheet.domain)
    return f"Domain {d.number}: {d.name}"


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
