"""Macros of the flashcard review, and the files the review page loads, written after the build."""
from __future__ import annotations

import functools
from pathlib import Path

from .. import anki_deck, cards, linkcheck, review
from ..urls import page_url
from .build import Build


def register(env, build: Build) -> None:
    data, here = build.data, build.here

    @env.macro
    def review_page() -> str:
        """The flashcard review: the panel review.js runs and the whole deck as readable tables."""
        return review.review_page(data.cards, build.nav(), data.titles(), data.exams, here(), anki_deck.DECK_FILE,
                                  build.directory_urls)

    @env.macro
    def review_summary() -> str:
        """One line saying what flashcards are due (filled in by review.js), for Home and My progress."""
        return review.review_summary(data.cards, data.exams, here(), build.directory_urls)

    @env.macro
    def card_count() -> int:
        return len(data.cards)


def publish(build: Build, site_dir: Path) -> None:
    """The missed-question cards the review page loads, and the Anki deck it links to; then check that every
    card's section exists in the built pages."""
    data, directory_urls = build.data, build.directory_urls
    script = site_dir / review.QUESTIONS_SCRIPT
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(review.question_cards_js(build.banks(), data.titles(), data.exams, data.question_exams,
                                               "practice/review.md", directory_urls), encoding="utf-8")
    anki_deck.write_deck(data.cards, data.exams, build.env.conf["site_url"] or "",
                         site_dir / review.DOWNLOADS / anki_deck.DECK_FILE)
    anchors = functools.cache(lambda src: linkcheck.scan(site_dir / built_file(src, directory_urls)).ids)
    cards.check_links(data.cards, anchors)


def built_file(src: str, directory_urls: bool) -> str:
    """The HTML file a docs/ page is written to."""
    url = page_url(src, directory_urls)
    return url + "index.html" if directory_urls else url
