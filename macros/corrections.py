"""Corrections to the source notes (data/corrections.yml), shown where the fact lives and listed on one page."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from markupsafe import escape
from pydantic import BaseModel, ConfigDict, Field

from .loader import parse_folder
from .links import rel

FOLDER = "data/corrections"
TITLES = {"correction": "Correction", "outdated": "Outdated", "contradiction": "Contradiction in the notes"}


class Correction(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    kind: Literal["correction", "outdated", "contradiction"]
    topic: str = Field(min_length=3)
    notes_said: str = Field(min_length=3)
    correct: str = Field(min_length=3)
    source: str = Field(min_length=3)


def load_corrections(root: Path) -> dict[str, Correction]:
    return {c.id: c for _, c in parse_folder(root, FOLDER, Correction)}


def anchor(item: Correction) -> str:
    return f"fix-{item.id}"


def correction_block(item: Correction) -> str:
    """An admonition stating what the notes said and what is true, with its source."""
    title = f"{TITLES[item.kind]}: {item.topic}"
    body = [
        f"**The notes said:** {escape(item.notes_said)}",
        "",
        f"**What is true:** {escape(item.correct)}",
        "",
        f"<small>Source: {escape(item.source)}</small>",
    ]
    indented = "\n".join(("    " + line) if line else "" for line in body)
    return (f'<div class="correction" id="{anchor(item)}" markdown>\n\n'
            f'!!! warning "{escape(title)}"\n\n{indented}\n\n</div>\n')


def corrections_table(items: list[Correction], from_page: str, page_titles: dict[str, str]) -> str:
    rows = ["| Topic | Kind | The notes said | What is true | Where |", "| --- | --- | --- | --- | --- |"]
    for item in items:
        where = f"[{escape(page_titles.get(item.page, item.page))}]({rel(item.page, from_page, anchor(item))})"
        rows.append(f"| {_cell(item.topic)} | {TITLES[item.kind]} | {_cell(item.notes_said)} | {_cell(item.correct)} | {where} |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    """Escape HTML and the table pipe for a Markdown table cell."""
    return str(escape(text)).replace("|", "&#124;").replace("\n", " ")
