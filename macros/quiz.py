"""Question banks (data/quizzes/*.yml): validation, the quiz block HTML, and the data for progress and exam pages.

Each bank file holds the questions of one notes page. Questions are checked like code: a bad bank stops
the build with the file, the question id and the field.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .catalog import Catalog
from .errors import DataError
from .loader import FieldError, read_yaml, validate
from .urls import href

FOLDER = "data/quizzes"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LETTERS = "ABCDEFGH"
SOURCE = re.compile(r"^(?P<page>[a-z0-9/-]+\.md)#(?P<anchor>[A-Za-z0-9_-]+)$")


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=SLUG)
    domain: str = Field(pattern=SLUG)
    type: Literal["single", "multiple"] = "single"
    style: Literal["scenario", "recall"] = "scenario"
    prompt: str = Field(min_length=10)
    choices: list[str] = Field(min_length=3, max_length=8)
    answer: list[int] = Field(min_length=1)
    explanation: str = Field(min_length=10)
    why_wrong: dict[int, str] = {}
    source: str = Field(min_length=2)

    @model_validator(mode="after")
    def _consistent(self):
        folded = [c.strip().casefold() for c in self.choices]
        if len(set(folded)) != len(folded):
            raise FieldError("choices", "two choices are the same")
        for index in [*self.answer, *self.why_wrong]:
            if not 0 <= index < len(self.choices):
                raise FieldError("answer" if index in self.answer else "why_wrong",
                                  f"choice index {index} is out of range (0–{len(self.choices) - 1})")
        if len(set(self.answer)) != len(self.answer):
            raise FieldError("answer", "the same choice is listed twice")
        if self.type == "single" and len(self.answer) != 1:
            raise FieldError("answer", f"a single-choice question needs exactly one answer, not {len(self.answer)}")
        if self.type == "multiple" and not 2 <= len(self.answer) < len(self.choices):
            raise FieldError("answer", "a multiple-response question needs at least two answers and a wrong choice")
        if set(self.why_wrong) & set(self.answer):
            raise FieldError("why_wrong", "explains a choice that is a right answer")
        return self

    @property
    def letters(self) -> str:
        return ", ".join(LETTERS[i] for i in sorted(self.answer))


@dataclass(frozen=True)
class Bank:
    id: str
    file: str
    page: str
    questions: list[Question]


@dataclass(frozen=True)
class Source:
    page: str
    anchor: str
    label: str


def load_banks(root: Path, catalog: Catalog, domains: set[str], pages: dict[str, dict]) -> dict[str, Bank]:
    """Load every bank; ids unique across banks; sources resolve to a catalog id or page#anchor."""
    banks: dict[str, Bank] = {}
    seen: dict[str, str] = {}
    for path in sorted((root / FOLDER).glob("*.yml")):
        name = path.relative_to(root).as_posix()
        raw = read_yaml(path, root)
        if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
            raise DataError(name, None, "questions", "a bank is a mapping with 'page' and a list of 'questions'")
        page = raw.get("page")
        if page not in pages:
            raise DataError(name, None, "page", f"'{page}' is not a page under docs/")
        questions = []
        for position, item in enumerate(raw["questions"], start=1):
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"#{position}"
            question = _validate(name, label, item)
            if question.id in seen:
                raise DataError(name, question.id, "id", f"duplicate question id (first in {seen[question.id]})")
            seen[question.id] = name
            if question.domain not in domains:
                raise DataError(name, question.id, "domain", f"unknown domain '{question.domain}'")
            resolve_source(question, catalog, pages, name)
            questions.append(question)
        if not questions:
            raise DataError(name, None, "questions", "the bank has no questions")
        banks[path.stem] = Bank(path.stem, name, page, questions)
    return banks


def _validate(name: str, label: str, item) -> Question:
    return validate(Question, item, name, label)


def resolve_source(question: Question, catalog: Catalog, pages: dict[str, dict], where: str) -> Source:
    """A source is a catalog id or 'page.md#anchor' (the anchor is checked after the build)."""
    if question.source in catalog.entries:
        entry = catalog.entries[question.source]
        return Source(entry.page, entry.id, entry.name)
    match = SOURCE.match(question.source)
    if not match or match["page"] not in pages:
        raise DataError(where, question.id, "source", f"'{question.source}' is neither a catalog id nor an existing page#anchor")
    return Source(match["page"], match["anchor"], pages[match["page"]].get("title", match["page"]))


def quiz_block(bank: Bank, catalog: Catalog, pages: dict[str, dict], from_page: str, directory_urls: bool = True) -> str:
    """Accessible HTML for a page's quiz. Answers sit in <details> so they read without JavaScript.

    The heading is Markdown (outside the HTML block) so the page's table of contents lists it."""
    parts = ["", "## Check yourself { #quiz .quiz-title data-search-exclude }", "",
             f'<section class="quiz" data-quiz="{escape(bank.id)}" data-search-exclude aria-labelledby="quiz">',
             f'<p class="quiz-intro">{len(bank.questions)} questions on this page. Your answers are kept in this '
             f'browser; see <a href="{escape(href("practice/progress.md", from_page, None, directory_urls))}">My progress</a>.</p>',
             '<p class="quiz-score" aria-live="polite"></p>']
    for number, q in enumerate(bank.questions, start=1):
        parts.append(_question_html(q, number, catalog, pages, bank.file, from_page, directory_urls))
    parts.append(_answer_key(bank))
    parts.append("</section>")
    return "\n".join(parts) + "\n"


def _question_html(q: Question, number: int, catalog, pages, file: str, from_page: str, directory_urls: bool) -> str:
    source = resolve_source(q, catalog, pages, file)
    kind = "checkbox" if q.type == "multiple" else "radio"
    pick = f" <strong>(Choose {len(q.answer)}.)</strong>" if q.type == "multiple" else ""
    choices = "\n".join(
        f'<label class="quiz-choice" data-index="{i}"><input type="{kind}" name="q-{q.id}" value="{i}">'
        f'<span class="quiz-letter">{LETTERS[i]}.</span> <span class="quiz-choice-text">{escape(text)}</span></label>'
        for i, text in enumerate(q.choices))
    # Name choices by their text, not their letter: the script may shuffle the order.
    wrong = "".join(f"<li>“{escape(q.choices[i])}” is wrong: {escape(text)}</li>"
                    for i, text in sorted(q.why_wrong.items()))
    right = " · ".join(f"“{escape(q.choices[i])}”" for i in sorted(q.answer))
    return (
        f'<fieldset class="quiz-question" id="q-{q.id}" data-qid="{q.id}" data-type="{q.type}" '
        f'data-answer="{",".join(map(str, sorted(q.answer)))}">\n'
        f'<legend><span class="quiz-num">{number}.</span> {escape(q.prompt)}{pick}</legend>\n'
        f'<div class="quiz-choices">\n{choices}\n</div>\n'
        f'<div class="quiz-actions"><button type="button" class="md-button quiz-check">Check</button></div>\n'
        f'<p class="quiz-feedback" role="status" aria-live="polite"></p>\n'
        f'<details class="quiz-answer"><summary>Answer and explanation</summary>\n'
        f'<p><strong>Answer:</strong> {right}</p><p>{escape(q.explanation)}</p>'
        + (f"<ul>{wrong}</ul>" if wrong else "")
        + f'<p class="quiz-source">Read more: <a href="{escape(href(source.page, from_page, source.anchor, directory_urls))}">'
          f'{escape(source.label)}</a></p>\n</details>\n</fieldset>')


def _answer_key(bank: Bank) -> str:
    items = "".join(f"<li>{q.letters}</li>" for q in bank.questions)
    return f'<div class="quiz-key"><h3>Answer key</h3><ol>{items}</ol></div>'


def quiz_data(banks: list[Bank], catalog: Catalog, pages: dict[str, dict], domains: dict, exam, from_page: str,
              directory_urls: bool = True) -> Markup:
    """Every question as JSON for the progress and practice-exam pages, links relative to `from_page`.

    `banks` come in navigation order, so the progress page lists pages as the sidebar does."""
    questions, page_list = [], []
    for bank in banks:
        title = pages[bank.page].get("title", bank.page)
        page_list.append({"page": bank.page, "title": title, "domain": pages[bank.page].get("domain"),
                          "href": href(bank.page, from_page, "quiz", directory_urls)})
        for q in bank.questions:
            source = resolve_source(q, catalog, pages, bank.file)
            questions.append({
                "id": q.id, "domain": q.domain, "page": bank.page, "pageTitle": title,
                "questionHref": href(bank.page, from_page, f"q-{q.id}", directory_urls), "type": q.type,
                "prompt": q.prompt, "choices": q.choices, "answer": sorted(q.answer), "explanation": q.explanation,
                "whyWrong": {str(k): v for k, v in q.why_wrong.items()},
                "sourceHref": href(source.page, from_page, source.anchor, directory_urls), "sourceLabel": source.label,
            })
    payload = {"questions": questions, "pages": page_list,
               "domains": [{"id": d.id, "number": d.number, "name": d.name, "weight": d.weight} for d in domains.values()],
               "exam": {"code": exam.code, "name": exam.name, "questions": exam.questions, "minutes": exam.minutes,
                        "passing": exam.passing, "scaleMin": exam.scale_min, "scaleMax": exam.scale_max},
               "examHref": href("practice/exam.md", from_page, None, directory_urls)}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # An attribute, not <script type="application/json">: Material's instant navigation re-inserts the scripts
    # of a new page as JavaScript (a JSON script then throws and the page never sets up), and attributes stay
    # out of the search index.
    return Markup(f'<div id="quiz-data" hidden data-json="{escape(text)}"></div>')
