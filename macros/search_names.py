"""The names index: what the search box answers at once, above the full-text results.

A learner who types a service name, an alias, an acronym, a task keyword or a section heading wants that
section, now. Full-text search (lunr, in Material's worker) ranks by word counts and takes its time on a
large index; this small index holds only labels (catalog names, aliases and keywords, and the headings of
the notes pages), each pointing to its section, and overrides/assets/javascripts/search-names.js matches
what is typed against it on every keystroke. It is written as a script (search/names.js), not JSON, so the
offline copy opened from file:// loads it too (fetch() of a file is refused there).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from . import section_keywords
from .catalog import Catalog
from .urls import page_url

FILE = "search/names.js"
GLOBAL = "__awsmlSearchNames"
# Label kinds, in the order search-names.js weighs them (a name first).
NAME, ALIAS, KEYWORD, HEADING, PAGE = range(5)
# URL prefixes (with or without directory URLs) of pages whose headings are not places to send a learner: they list or repeat what the notes teach
# (their titles stay, as pages), or they are the practice tools. The glossary's terms are the abbreviations,
# already names or headings elsewhere.
NO_HEADINGS = ("cheatsheets/", "start/tags", "start/corrections", "compare", "start/glossary", "practice/",
               "start/exams/", "start/what-changed", "start/services")
TAGS = re.compile(r"<[^>]+>")


def plain_text(html: str, tag: str = " ") -> str:
    """The text of an HTML fragment, each tag replaced by `tag`, runs of white space as one space."""
    return re.sub(r"\s+", " ", TAGS.sub(tag, html)).strip()


def _text(html: str) -> str:
    """A heading's or title's text as a label: tags dropped in place (so "K<sub>means</sub>" stays one word)."""
    return plain_text(html, "").replace("¶", "").strip()


def build(docs: list[dict], catalog: Catalog, sections: list = (), directory_urls: bool = True) -> dict:
    """The names index from the search documents (before any are dropped or shortened) and the catalog.

    `pages`: [location, title] of every page; `targets`: [location, title, page] of every place a label leads
    to (`page` indexes `pages`, -1 for a page itself); `labels`: per target, [target, kind, text, text …]."""
    pages = [[doc["location"], _text(doc["title"])] for doc in docs if "#" not in doc["location"]]
    page_index = {location: i for i, (location, _) in enumerate(pages)}
    targets: list[list] = []
    labels: list[list] = []

    def add(location: str, title: str, kind: int, texts: list[str]) -> None:
        if texts:
            labels.append([len(targets), kind, *texts])
        targets.append([location, title, -1 if "#" not in location else page_index.get(location.partition("#")[0], -1)])

    keywords = {section_keywords.location(item, directory_urls): item.keywords for item in sections}
    taken = set()
    for entry in catalog:
        location = f"{page_url(entry.page, directory_urls)}#{entry.id}"
        taken.add(location)
        labels.append([len(targets), NAME, entry.name])
        if entry.aliases:
            labels.append([len(targets), ALIAS, *entry.aliases])
        add(location, entry.name, KEYWORD, entry.keywords)
    for doc in docs:
        location, title = doc["location"], _text(doc["title"])
        if not title or location in taken:
            continue
        if "#" not in location:
            add(location, title, PAGE, [title])
        elif not location.startswith(NO_HEADINGS):
            labels.append([len(targets), HEADING, title])
            add(location, title, KEYWORD, keywords.get(location, []))
    return {"pages": pages, "targets": targets, "labels": labels}


def write(site_dir: Path, names: dict) -> Path:
    path = site_dir / FILE
    text = json.dumps(names, ensure_ascii=False, separators=(",", ":"))
    path.write_text(f"window.{GLOBAL}={text};\n", encoding="utf-8")
    return path
