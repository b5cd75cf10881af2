"""Exam domains (data/domains.yml): names, weights, tasks, and the pages that belong to each."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .errors import DataError
from .loader import check_unique, parse_items

FILE = "data/domains.yml"
GENERAL_FOLDERS = ("start/", "practice/", "cheatsheets/")  # site-wide pages that belong to no single domain
# Topics the retired MLS-C01 never asked (generative AI): their pages need no legacy `domain:`.
NEWER_FOLDERS = ("generative-ai/",)


class Task(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^\d\.\d$")
    name: str


class Domain(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    number: int = Field(ge=1, le=9)
    name: str
    short: str
    weight: int = Field(ge=1, le=100)
    icon: str
    landing: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    summary: str
    tasks: list[Task] = Field(min_length=1)


def load_domains(root: Path) -> dict[str, Domain]:
    items = parse_items(root / FILE, Domain, root)
    check_unique(FILE, items)
    total = sum(d.weight for d in items)
    if items and total != 100:
        raise DataError(FILE, None, "weight", f"domain weights add up to {total}, not 100")
    return {d.id: d for d in sorted(items, key=lambda d: d.number)}


def page_domain(domains: dict[str, Domain], src: str, meta: dict) -> Domain | None:
    """The domain a page declares in its front matter; pages in sub-folders must declare one."""
    declared = meta.get("domain")
    if declared is None:
        # A section's landing page (index.md) may span several of the retired exam's domains.
        if "/" in src and not src.startswith(GENERAL_FOLDERS + NEWER_FOLDERS) and not src.endswith("index.md"):
            raise DataError(f"docs/{src}", None, "domain", "page in a domain folder has no 'domain' in its front matter")
        return None
    if declared not in domains:
        raise DataError(f"docs/{src}", None, "domain", f"unknown domain '{declared}' (known: {', '.join(domains)})")
    return domains[declared]
