"""Search keywords for notes sections that are not catalog entries (data/search-keywords.yml).

A catalog entry carries its own `keywords:`; a section such as "SMOTE" or "Choosing a chart" has only its
heading, so a learner who types "oversample the minority class" or "which chart" would not reach it through
its words. This file gives such sections what learners type for them; search uses them as it uses an entry's
keywords (the names panel and the full-text index's keywords field). Checked at build: the file, each item's
`section` (an existing section of a notes page, not a catalog entry's, which has its own keywords) and each
keyword.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .catalog import normalise
from .errors import DataError
from .loader import parse_items
from .urls import page_url

FILE = "data/search-keywords.yml"


class SectionKeywords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    section: str = Field(pattern=r"^[a-z0-9/-]+\.md#[A-Za-z0-9_-]+$")  # page.md#anchor
    keywords: list[str] = Field(min_length=1)

    @field_validator("keywords")
    @classmethod
    def _clean(cls, value: list[str]) -> list[str]:
        keys = [normalise(k) for k in value]
        if "" in keys:
            raise ValueError("empty keyword")
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise ValueError(f"keyword listed twice: {', '.join(twice)}")
        return value

    @property
    def page(self) -> str:
        return self.section.partition("#")[0]

    @property
    def anchor(self) -> str:
        return self.section.partition("#")[2]


def load(root: Path) -> list[SectionKeywords]:
    path = root / FILE
    if not path.is_file():
        return []
    items = parse_items(path, SectionKeywords, root, key="section")
    seen: set[str] = set()
    for item in items:
        if item.section in seen:
            raise DataError(FILE, item.section, "section", "section listed twice")
        seen.add(item.section)
    return items


def check(items: list[SectionKeywords], locations: set[str], catalog, directory_urls: bool = True) -> None:
    """Each section is one the search index has (a heading of a page, after the build) and no catalog entry's."""
    entries = {(e.page, e.id) for e in catalog}
    for item in items:
        if (item.page, item.anchor) in entries:
            raise DataError(FILE, item.section, "section",
                            "this is a catalog entry's section: give it `keywords:` in the catalog instead")
        if location(item, directory_urls) not in locations:
            raise DataError(FILE, item.section, "section",
                            f"no section #{item.anchor} on docs/{item.page} (or it is left out of search)")


def location(item: SectionKeywords, directory_urls: bool = True) -> str:
    return f"{page_url(item.page, directory_urls)}#{item.anchor}"
