"""Macros of Home and the landing pages (a card per lifecycle stage, a folder's pages and exams), and page links."""
from __future__ import annotations

from .. import exam_views, home
from ..urls import href
from .build import Build


def register(env, build: Build) -> None:
    data, here = build.data, build.here

    @env.macro
    def section_cards() -> str:
        """One card per stage of the ML lifecycle: the nav's landing pages that declare a `card_icon:`."""
        nav = build.nav()
        cards = []
        for landing in (s for s in nav if s.endswith("/index.md") and data.pages.get(s, {}).get("card_icon")):
            folder = landing.removesuffix("index.md")
            srcs = [s for s in nav if s.startswith(folder) and s != landing]
            meta = data.pages[landing]
            per_exam = []
            mapping = exam_views.folder_mapping(data.page_exams, srcs)
            for exam in (e for e in data.exams if e.code in mapping):
                numbers = sorted({exam.domain(r).number for r in mapping[exam.code]})
                per_exam.append((exam.code, f"{exam.code}: " + ", ".join(
                    f"domain {n} ({exam.domain(str(n)).weight}%)" for n in numbers)))
            cards.append({"landing": landing, "title": meta["title"], "description": meta.get("description", ""),
                          "icon": meta["card_icon"], "pages": len(srcs), "exams": per_exam})
        return home.section_cards(cards, here())

    @env.macro
    def section_pages() -> str:
        """The pages under this landing page's folder, in nav order, with their descriptions."""
        folder = here().rsplit("/", 1)[0] + "/"
        ordered = [(src, data.pages[src]) for src in build.nav() if src in data.pages]
        return home.domain_page_list([(s, m) for s, m in ordered if s.startswith(folder)], here())

    @env.macro
    def section_exams() -> str:
        """Which domains and tasks of each exam the pages of this landing page's folder serve."""
        folder = here().rsplit("/", 1)[0] + "/"
        srcs = [src for src in data.page_exams if src.startswith(folder)]
        return exam_views.banners(data.exams, exam_views.folder_mapping(data.page_exams, srcs), here(),
                                  build.directory_urls)

    @env.macro
    def page_href(src: str, anchor: str | None = None) -> str:
        """A built URL to another page, for raw HTML in pages (works with and without directory URLs)."""
        if src not in data.pages:
            raise build.fail(src, "page_href", "no such page under docs/")
        return href(src, here(), anchor, build.directory_urls)
