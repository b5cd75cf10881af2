"""Macros of the cheat sheets: one sheet, all of an exam's on one page, the print/PDF tools and the list."""
from __future__ import annotations

from .. import cheatsheet as sheets
from .build import Build


def register(env, build: Build) -> None:
    data, here = build.data, build.here

    @env.macro
    def cheatsheet(sheet_id: str, level: int = 2) -> str:
        sheet = data.sheets.get(sheet_id)
        if sheet is None:
            raise build.fail(sheet_id, "cheatsheet", "unknown cheat sheet id (see data/cheatsheets.yml)")
        return sheets.render_sheet(sheet, data.sheet_members(sheet), data.catalog, data.comparisons,
                                   data.sheet_corrections(sheet), here(), level)

    @env.macro
    def cheatsheet_all(exam: str | None = None) -> str:
        """Every domain sheet of one exam (the default one: the first current exam) on one page, for exam day."""
        exam = exam or data.exams.default.code
        parts = []
        for sheet in (s for s in data.sheets.values() if s.exam == exam):
            parts.append(f"## {sheets.sheet_label(sheet, data.exams[exam])} {{ #{sheet.id} }}\n")
            parts.append(cheatsheet(sheet.id, level=3))
        if not parts:
            raise build.fail(exam, "cheatsheet_all", "no cheat sheets for this exam in data/cheatsheets.yml")
        return "\n".join(parts)

    @env.macro
    def cheatsheet_tools(sheet_id: str) -> str:
        """Print button, and a PDF link when `make pdf` has produced one."""
        has_pdf = (build.root / sheets.PDF_DIR / f"{sheet_id}.pdf").is_file()
        return sheets.tools(sheet_id, has_pdf, here(), build.directory_urls)

    @env.macro
    def cheatsheet_list() -> str:
        return sheets.sheet_list(data.sheets, data.exams, data.exams.default.code, here())
