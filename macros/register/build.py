"""What every page macro needs: the site data (loaded once per build), the page being rendered, the build's options."""
from __future__ import annotations

import functools
from pathlib import Path

from ..errors import DataError
from ..exam_views import exam_payload
from ..exams import Exam
from ..pages import nav_order
from ..practice import banks_in_nav_order
from ..quiz import Bank
from ..site import SiteData


class Build:
    def __init__(self, env, data: SiteData):
        self.env = env
        self.data = data
        self.root = Path(env.project_dir)
        self.directory_urls = bool(env.conf["use_directory_urls"])  # the offline build turns them off

    def here(self) -> str:
        """The docs/-relative source of the page being rendered."""
        return self.env.page.file.src_uri

    def fail(self, item: str, field: str, message: str) -> DataError:
        """An error naming this page, the item and the macro or field; the caller raises it."""
        return DataError(f"docs/{self.here()}", item, field, message)

    def nav(self) -> list[str]:
        return nav_order(self.env.conf["nav"] or [])

    def banks(self) -> list[Bank]:
        return banks_in_nav_order(self.data.banks, self.nav())

    def exam(self, code: str) -> Exam:
        if code not in self.data.exams:
            raise self.fail(code, "exam", f"unknown exam (known: {', '.join(self.data.exams.items)})")
        return self.data.exams[code]

    @functools.cached_property
    def exam_payload(self) -> dict:
        """The same for every page of a build."""
        return exam_payload(self.data.exams, self.data.question_exams)
