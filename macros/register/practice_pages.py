"""Macros of the quizzes and practice pages: a page's quiz, the question data, the exam set-up, My progress."""
from __future__ import annotations

from .. import practice, progress, quiz as quizzes
from .build import Build


def register(env, build: Build) -> None:
    data, here = build.data, build.here

    @env.macro
    def quiz(bank_id: str | None = None) -> str:
        """The quiz block of this page's question bank (or of a named bank)."""
        bank = data.banks.get(bank_id) if bank_id else data.bank_for(here())
        if bank is None:
            raise build.fail(bank_id or here(), "quiz", "no question bank for this page in data/quizzes/")
        data.mark_rendered("quiz", bank.id, bank.page, here())
        return quizzes.quiz_block(bank, data.catalog, data.pages, here(), build.directory_urls)

    @env.macro
    def quiz_data() -> str:
        """All questions as JSON, for the progress and practice-exam pages."""
        return quizzes.quiz_data(build.banks(), data.catalog, data.pages, build.exam_payload, here(),
                                 build.directory_urls)

    @env.macro
    def question_count() -> int:
        return sum(len(b.questions) for b in data.banks.values())

    @env.macro
    def exam_setup() -> str:
        """The practice exam's set-up form."""
        # Each page option names the exams whose practice pool holds some of its questions (exam.js offers those).
        pages = [{"page": b.page, "title": data.pages[b.page].get("title", b.page),
                  "exams": [e.code for e in data.exams
                            if any(e.code in data.question_exams[q.id] and e.asks(q) for q in b.questions)]}
                 for b in build.banks()]
        paces = {e.code: data.exams.pace(e)[0] for e in data.exams}
        return practice.exam_setup(list(data.exams), paces, data.exams.default, pages, question_count())

    @env.macro
    def progress_page() -> str:
        """The progress page's skeleton and the data progress.js fills it from."""
        return progress.progress_page(build.banks(), data.pages, data.exams, build.exam_payload["byQuestion"], here(),
                                      build.directory_urls)
