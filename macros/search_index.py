"""Make service-name searches land on the service: tag each catalog section in Material's search index.

Material's search (lunr) ranks by term frequency, so a page that mentions "Kinesis" often can outrank
the section about the service, and an acronym that appears only in a fact card barely counts. Its index
has a `tags` field boosted far above title and text; giving each catalog section the distinctive words of
its name and aliases as tags puts that section first for them without replacing the search engine.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .catalog import Catalog
from .errors import DataError
from .urls import page_url


SHORT_NAME = 2  # words; names this short are what people type, so their words weigh more


def name_words(catalog: Catalog, separator: str) -> dict[str, list[str]]:
    """Tags for one entry's section: the words of its names, weighted by how people type them.

    Search scores every section that carries a typed word alike, so plain tags would let "Redshift"
    land on Amazon Redshift ML. Each word appears once, once more if it is in a short name (one or two
    words), and once more if it is a whole name by itself: "Redshift" then leads to Amazon Redshift,
    "Redshift ML" to Redshift ML, and a longer name wins when all of its words are typed.
    The search box adds a trailing wildcard to every typed word, so a singular next to its plural
    ("stream", "streams") is kept only as the plural, which the wildcard reaches from both; a word that
    joins two of the entry's words ("LinearLearner") is kept once, without extra weight, because the
    wildcard on its first part already counts it; and a compound such as "sagemaker_pyspark" whose first
    part is another entry's one-word name is left out.
    """
    split = re.compile(separator)
    named = [[w for w in split.split(n) if w] for e in catalog for n in e.names]
    one_word = {name[0].casefold(): None for name in named if len(name) == 1}
    tags: dict[str, list[str]] = {}
    for entry in catalog:
        names = [[w for w in split.split(n) if w] for n in entry.names]
        own = {name[0].casefold() for name in names if len(name) == 1}
        words = {w.casefold(): w for name in names for w in name}
        plural = {k: k + suffix for k in words for suffix in ("s", "es") if k + suffix in words and len(k) > 3}
        keep = {}
        for key, word in words.items():
            first = re.split(r"[/_]", key)[0]
            if key in plural or (first != key and first in one_word and first not in own):
                continue
            keep[key] = word
        short = {plural.get(w.casefold(), w.casefold()) for name in names if len(name) <= SHORT_NAME for w in name}
        whole = {plural.get(k, k) for k in own}
        joined = {k for k in keep if any(k == a + b for a in keep for b in keep if a != k and b != k)}
        tags[entry.id] = [w for k, w in keep.items()
                          for _ in range(1 if k in joined else 1 + (k in short) + (k in whole))]
    return tags


def tag_catalog_sections(index: dict, catalog: Catalog, directory_urls: bool = True) -> int:
    """Give each catalog entry's section document its name words as tags; returns the count.

    Page tags (the exam domain) are removed from the index: they are words of the tag field too, so
    "ML", "operations" or even "mode" (the wildcard reaches "Modeling") would lead to every page of a
    domain before the section asked for. The tag pages still list the pages by domain.
    """
    docs = {doc["location"]: doc for doc in index["docs"]}
    for doc in index["docs"]:
        doc.pop("tags", None)
    tags = name_words(catalog, index["config"]["separator"])
    for entry in catalog:
        location = f"{page_url(entry.page, directory_urls)}#{entry.id}"
        doc = docs.get(location)
        if doc is None:
            raise DataError("search/search_index.json", entry.id, "location",
                            f"no search document for section '{location}' (is the page or section excluded from search?)")
        doc["tags"] = tags[entry.id]
    return len(catalog)


COMPOUND = re.compile(r"\b[A-Za-z0-9]+(?:[/_][A-Za-z0-9]+)+\b")
PARTS_FIELD = "parts"


def index_word_parts(index: dict) -> None:
    """Index the parts of slashed and underscored words ("Blue/Green" -> "Blue Green").

    The separator keeps such words whole so that "A/B" and "sagemaker_pyspark" match as typed; this
    extra field, searched but never displayed, lets their parts match too.
    """
    index["config"]["fields"].setdefault(PARTS_FIELD, {"boost": 1.0})
    for doc in index["docs"]:
        words = COMPOUND.findall(f"{doc.get('title', '')} {doc.get('text', '')}")
        parts = {part for word in words for part in re.split(r"[/_]", word) if part}
        if parts:
            doc[PARTS_FIELD] = " ".join(sorted(parts))


def rewrite(site_dir: Path, catalog: Catalog, directory_urls: bool = True) -> int:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    index_word_parts(index)
    tagged = tag_catalog_sections(index, catalog, directory_urls)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return tagged
