"""Macros of the exam pages: each exam's facts, format, pace and coverage, the exam picker and overview."""
from __future__ import annotations

from .. import exam_views
from .build import Build


def register(env, build: Build) -> None:
    data, here = build.data, build.here

    @env.macro
    def exam_facts(code: str) -> str:
        """An exam's status, dates and format, each with its source."""
        return exam_views.facts_html(build.exam(code))

    @env.macro
    def exam_format(code: str) -> str:
        """One line: the exam's format with its sources."""
        return exam_views.format_line(build.exam(code), data.exams)

    @env.macro
    def exam_pace(code: str) -> dict:
        """{"minutes", "from"}: the practice exam's time for a full set of this exam (see Exams.pace)."""
        minutes, source = data.exams.pace(build.exam(code))
        return {"minutes": minutes, "from": source}

    @env.macro
    def exam_coverage(code: str) -> str:
        """Per domain and task: the pages, sections and questions that serve it; per in-scope service, its section."""
        cov = exam_views.coverage(build.exam(code), data.page_exams, data.entry_exams, data.question_exams,
                                  data.catalog, build.nav())
        return exam_views.coverage_html(cov, data.titles(), here(), build.directory_urls)

    @env.macro
    def exam_picker() -> str:
        return exam_views.exam_list_html(data.exams)

    @env.macro
    def exams_overview() -> str:
        return exam_views.overview_html(data.exams, here(), build.directory_urls)

    @env.macro
    def exams_list():
        return list(data.exams)
