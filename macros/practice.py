"""The practice pages: the exam set-up form (a Jinja template) and the banks in navigation order."""
from __future__ import annotations

from .quiz import Bank
from .templating import render

MIN_SIZE = 5  # the smallest practice set the form offers (exam.js reads the bounds from the form)


def banks_in_nav_order(banks: dict[str, Bank], order: list[str]) -> list[Bank]:
    """Banks in the order the navigation lists their pages (pages missing from the nav last)."""
    rank = {page: i for i, page in enumerate(order)}
    return sorted(banks.values(), key=lambda b: (rank.get(b.page, len(rank)), b.page))


def exam_setup(exams: list, paces: dict[str, int], default, pages: list[dict], total: int) -> str:
    """The set-up form of the practice exam: mode, question set (all, missed, unseen, a domain, a page), size.

    Every exam's pace and domains are in the form; exam.js keeps those of the learner's chosen exam."""
    return render("exam_setup.html", exams=exams, paces=paces, default=default, pages=pages, total=total,
                  min_size=min(MIN_SIZE, total))
