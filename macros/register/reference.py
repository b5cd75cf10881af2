"""Macros of the Start here reference pages: corrections, services A-Z, what changed, glossary."""
from __future__ import annotations

from datetime import date

from .. import az, corrections, glossary, what_changed as changes
from .build import Build


def register(env, build: Build) -> None:
    data, here = build.data, build.here

    @env.macro
    def corrections_list() -> str:
        return corrections.corrections_table(list(data.corrections.values()), here(), data.titles())

    @env.macro
    def services_az() -> str:
        return az.services_az(data.catalog, here(), build.directory_urls)

    @env.macro
    def what_changed() -> str:
        """Every availability change the catalog records, newest first, with sources and affected questions."""
        return changes.page_html(data.catalog, build.banks(), date.today().isoformat(), here(), build.directory_urls)

    @env.macro
    def glossary_table() -> str:
        return glossary.glossary_table(data.glossary)
