"""Corrections to the source notes (data/corrections.yml), shown where the fact lives and listed on one page."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from markupsafe import escape
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .loader import parse_folder
from .links import rel

FOLDER = "data/corrections"
TITLES = {"correction": "Correction", "outdated": "Outdated", "contradiction": "Contradiction in the notes"}

# Hosts a correction may cite. AWS documentation comes first; the few others are the official
# documentation of the non-AWS facts the corrections state. Keep this list short: a new host
# needs a reason (a fact that no AWS page states).
SOURCE_HOSTS = frozenset({
    "docs.aws.amazon.com",     # AWS documentation (developer guides, API references)
    "aws.amazon.com",          # AWS product pages, FAQs and AWS blogs
    "aws.github.io",           # AWS-published API docs of the SageMaker Spark library
    "horovod.readthedocs.io",  # Horovod (Horovod on Spark)
    "scikit-learn.org",        # scikit-learn (RobustScaler, f1_score)
    "pypi.org",                # package pages of the SageMaker training/inference toolkits
    "www.jair.org",            # Journal of AI Research: the original SMOTE paper
})

# A title names a document; anything that looks like a file or repository reference is a mistake.
PATH_LIKE = re.compile(r"\.(md|ya?ml|py)\b|shared/|\bpull request\b", re.IGNORECASE)


class Source(BaseModel):
    """A document that states the corrected fact: its title as the publisher names it, and its address."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    url: str

    @field_validator("title")
    @classmethod
    def _title_names_a_document(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be empty")
        if PATH_LIKE.search(value):
            raise ValueError(f"'{value}' looks like a file or repository path; give the document's title")
        return value

    @field_validator("url")
    @classmethod
    def _url_is_https_on_a_known_host(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme != "https":
            raise ValueError(f"'{value}' must be an https:// address")
        if parts.hostname not in SOURCE_HOSTS:
            raise ValueError(f"host '{parts.hostname}' is not an allowed source host ({', '.join(sorted(SOURCE_HOSTS))})")
        return value.strip()


class Correction(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    kind: Literal["correction", "outdated", "contradiction"]
    topic: str = Field(min_length=3)
    notes_said: str = Field(min_length=3)
    correct: str = Field(min_length=3)
    brief: str | None = None  # the cheat sheets' short form of `correct` (macros/cheatsheet.py checks it)
    sources: list[Source] = Field(min_length=1)


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
        f"<small>{source_links(item.sources)}</small>",
    ]
    indented = "\n".join(("    " + line) if line else "" for line in body)
    return (f'<div class="correction" id="{anchor(item)}" markdown>\n\n'
            f'!!! warning "{escape(title)}"\n\n{indented}\n\n</div>\n')


def source_links(sources: list[Source]) -> str:
    """'Source: <a>title</a>' or 'Sources: <a>..</a>; <a>..</a>', every value escaped."""
    label = "Source" if len(sources) == 1 else "Sources"
    links = "; ".join(f'<a href="{escape(s.url)}">{escape(s.title)}</a>' for s in sources)
    return f"{label}: {links}"


def corrections_table(items: list[Correction], from_page: str, page_titles: dict[str, str]) -> str:
    rows = ["| Topic | Kind | The notes said | What is true | Where |", "| --- | --- | --- | --- | --- |"]
    for item in items:
        where = f"[{escape(page_titles.get(item.page, item.page))}]({rel(item.page, from_page, anchor(item))})"
        rows.append(f"| {_cell(item.topic)} | {TITLES[item.kind]} | {_cell(item.notes_said)} | {_cell(item.correct)} | {where} |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    """Escape HTML and the table pipe for a Markdown table cell."""
    return str(escape(text)).replace("|", "&#124;").replace("\n", " ")
