"""Macros of the comparison tables: one table where a page discusses it, the Compare page's hub and picker."""
from __future__ import annotations

from .. import compare as tables
from .build import Build


def register(env, build: Build) -> None:
    data, here = build.data, build.here

    @env.macro
    def compare(table_id: str, view: str | None = None, level: int = 2) -> str:
        """A comparison table (or a family view of it) generated from the catalog."""
        placement = data.comparisons.placement(table_id, view, f"docs/{here()}")
        data.mark_rendered("table", placement.key, placement.page, here())
        return tables.render_table(placement, data.comparisons, data.catalog, here(), level, build.directory_urls)

    @env.macro
    def compare_hub(level: int = 3) -> str:
        """Every comparison table, each under its own heading, for the Compare page."""
        return tables.hub(data.comparisons, data.catalog, here(), data.titles(), build.directory_urls, level)

    @env.macro
    def compare_picker(label_id: str) -> str:
        """The Compare page's picker: 2 to 4 catalog entries side by side (`label_id`: the heading naming it)."""
        return tables.picker(data.comparisons, data.catalog, here(), label_id, build.directory_urls)
