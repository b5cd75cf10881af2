"""Macros of the notes pages: a catalog entry's section and links to it, corrections where a fact is discussed."""
from __future__ import annotations

from .. import compare, corrections, sections
from ..links import rel
from .build import Build

RELATED_MAX = 12  # a "Related" line longer than this is a list nobody reads


def register(env, build: Build) -> None:
    data, here = build.data, build.here

    @env.macro
    def service(entry_id: str, level: int = 2) -> str:
        """Heading and fact card of a catalog entry's one section."""
        entry = data.catalog.get(entry_id, f"docs/{here()}")
        data.mark_rendered("section", entry.id, entry.page, here())
        tables = [compare.Placement(t, None) for t in data.comparisons.tables_with(entry.id)]
        compared_in = [(p.title, rel(p.page, here(), p.anchor)) for p in tables]
        # "Related": the family's sections on other pages (those on this page are in its table of contents, and
        # listing them again cost a generative AI page 110 links); none for a family too large to list.
        family = [e for e in data.catalog.by_family(entry.family) if e.id != entry.id]
        others = [e for e in family if e.page != entry.page] if len(family) <= RELATED_MAX else []
        related = [(e.name, rel(e.page, here(), e.id)) for e in others]
        facts = [(label, compare.cell(value, data.catalog, here()))
                 for label, value in compare.fact_rows(entry, data.comparisons)]
        dropped_by = [(e.code, e.mapping.source_exam if e.mapping else "Earlier versions") for e in data.exams
                      if e.deleted and any(entry.id in d.entries for d in e.deleted.items)]
        return sections.service_section(entry, level, compared_in, related, facts, dropped_by)

    @env.macro
    def link(entry_id: str, text: str | None = None) -> str:
        """A Markdown link to an entry's section."""
        return sections.entry_link(data.catalog.get(entry_id, f"docs/{here()}"), here(), text)

    @env.macro
    def correction(correction_id: str) -> str:
        item = data.corrections.get(correction_id)
        if item is None:
            raise build.fail(correction_id, "correction", "unknown correction id")
        data.mark_rendered("correction", item.id, item.page, here())
        return corrections.correction_block(item)

    @env.macro
    def catalog_count() -> int:
        return len(data.catalog)
