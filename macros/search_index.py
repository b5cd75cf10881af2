"""Make service-name searches land on the service: tag each catalog section in Material's search index.

Material's search (lunr) ranks by term frequency, so a page that mentions "Kinesis" often can outrank
the section about the service, and an acronym that appears only in a fact card barely counts. Its index
has a `tags` field boosted far above title and text; giving each catalog section its name and aliases as
tags puts that section first for those words without replacing the search engine.
"""
from __future__ import annotations

import json
from pathlib import Path

from .catalog import Catalog
from .errors import DataError
from .urls import page_url


def tag_catalog_sections(index: dict, catalog: Catalog) -> int:
    """Add name and aliases as tags to each catalog entry's section document; returns how many were tagged."""
    docs = {doc["location"]: doc for doc in index["docs"]}
    tagged = 0
    for entry in catalog:
        location = f"{page_url(entry.page)}#{entry.id}"
        doc = docs.get(location)
        if doc is None:
            raise DataError("search/search_index.json", entry.id, "location",
                            f"no search document for section '{location}' (is the page or section excluded from search?)")
        doc["tags"] = [*dict.fromkeys([*doc.get("tags", []), *entry.names])]
        tagged += 1
    return tagged


def rewrite(site_dir: Path, catalog: Catalog) -> int:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    tagged = tag_catalog_sections(index, catalog)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return tagged
