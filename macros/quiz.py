"""Question banks (data/quizzes/*.yml): validation, the quiz block HTML, and the data for progress and exam pages.

Each bank file holds the questions of one notes page. Questions are checked like code: a bad bank stops
the build with the file, the question id and the field.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .catalog import Catalog
from .errors import DataError
from .loader import FieldError, read_yaml, validate
from .templating import render as _render
from .urls import href

FOLDER = "data/quizzes"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LETTERS = "ABCDEFGH"
SOURCE = re.compile(r"^(?P<page>[a-z0-9/-]+\.md)#(?P<anchor>[A-Za-z0-9_-]+)$")


CHOICE_TYPES = ("single", "multiple")
# The answer fields each type takes; any other answer field on a question is a mistake in the bank.
TYPE_FIELDS = {"single": {"choices", "answer", "why_wrong"}, "multiple": {"choices", "answer", "why_wrong"},
               "ordering": {"steps"}, "matching": {"pairs", "extra_responses"}}
# Set from the case study a part belongs to, never written in a bank.
CASE_FIELDS = ("case", "case_title", "scenario", "case_part", "case_parts")


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    prompt: str = Field(min_length=1)
    response: str = Field(min_length=1)


def _distinct(texts: list[str]) -> bool:
    folded = [t.strip().casefold() for t in texts]
    return len(set(folded)) == len(folded)


class Question(BaseModel):
    """One question: single or multiple choice, ordering (steps in the right order) or matching (pairs).

    A case study's parts are Questions too, carrying the case's id, title and scenario (see CaseStudy)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=SLUG)
    domain: str | None = Field(default=None, pattern=SLUG)  # the retired MLS-C01's domain; none for newer topics
    type: Literal["single", "multiple", "ordering", "matching"] = "single"
    style: Literal["scenario", "recall"] = "scenario"
    prompt: str = Field(min_length=10)
    choices: list[str] = []
    answer: list[int] = []
    steps: list[str] = []
    pairs: list[Pair] = []
    extra_responses: list[str] = []
    explanation: str = Field(min_length=10)
    why_wrong: dict[int, str] = {}
    source: str = Field(min_length=2)
    exams: dict[str, list[str]] = {}  # exam code -> task or domain ids (checked in macros/exams.py)
    # How the question treats its source service's status when that is not "current" (macros/status.py):
    # the team already uses it, the question is about the change itself, or it belongs to the retired exam only.
    status_ack: Literal["existing-customer", "about-the-change", "legacy-exam"] | None = None
    case: str | None = None
    case_title: str | None = None
    scenario: str | None = None
    case_part: int = 0   # 1-based position in its case study
    case_parts: int = 0

    @model_validator(mode="after")
    def _consistent(self):
        for name in ("choices", "answer", "why_wrong", "steps", "pairs", "extra_responses"):
            if getattr(self, name) and name not in TYPE_FIELDS[self.type]:
                raise FieldError(name, f"a question of type '{self.type}' has no '{name}'")
        if self.type == "ordering":
            if not 3 <= len(self.steps) <= 5:
                raise FieldError("steps", f"an ordering question needs 3 to 5 steps, not {len(self.steps)}")
            if not _distinct(self.steps):
                raise FieldError("steps", "two steps are the same")
            return self
        if self.type == "matching":
            if not 3 <= len(self.pairs) <= 7:
                raise FieldError("pairs", f"a matching question needs 3 to 7 pairs, not {len(self.pairs)}")
            if not _distinct([p.prompt for p in self.pairs]):
                raise FieldError("pairs", "two prompts are the same")
            if len(self.extra_responses) > 3:
                raise FieldError("extra_responses", f"at most 3 extra responses, not {len(self.extra_responses)}")
            if not _distinct(self.responses):
                raise FieldError("extra_responses" if _distinct([p.response for p in self.pairs]) else "pairs",
                                 "two responses are the same (each response matches one prompt at most)")
            return self
        if not 3 <= len(self.choices) <= 8:
            raise FieldError("choices", f"a choice question needs 3 to 8 choices, not {len(self.choices)}")
        if not self.answer:
            raise FieldError("answer", "the answer is missing")
        if not _distinct(self.choices):
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
    def responses(self) -> list[str]:
        """Matching: the right response of each prompt in prompt order, then the extras."""
        return [p.response for p in self.pairs] + self.extra_responses

    @property
    def printed_order(self) -> list[int]:
        """The fixed order paper and no-JS readers see: ordering steps scrambled (never already right),
        matching responses alphabetical. Derived from the id, so the answer key stays put between builds."""
        if self.type == "matching":
            return sorted(range(len(self.responses)), key=lambda i: self.responses[i].casefold())
        order = list(range(len(self.steps)))
        random.Random(self.id).shuffle(order)  # a string seed gives the same order on every run
        return order if order != sorted(order) else order[1:] + order[:1]

    @property
    def letters(self) -> str:
        """The answer key entry, in the letters on paper: for ordering the steps' letters in the right order, for
        matching each numbered prompt with its response's letter ("1→C, 2→A")."""
        if self.type == "ordering":
            printed = self.printed_order
            return ", ".join(LETTERS[printed.index(step)] for step in range(len(self.steps)))
        if self.type == "matching":
            printed = self.printed_order
            return ", ".join(f"{k + 1}→{LETTERS[printed.index(k)]}" for k in range(len(self.pairs)))
        return ", ".join(LETTERS[i] for i in sorted(self.answer))


class CaseStudy(BaseModel):
    """A scenario with 2 or more questions, each scored on its own. Parts are validated as Questions
    (domain and exams default to the case's) and flattened into the bank, so they count like questions."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=SLUG)
    type: Literal["case-study"]
    domain: str | None = Field(default=None, pattern=SLUG)
    exams: dict[str, list[str]] = {}
    title: str | None = Field(default=None, min_length=3)
    scenario: str = Field(min_length=40)
    parts: list[dict] = Field(min_length=2)


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
            for question in _validate(name, label, item):
                if question.id in seen:
                    raise DataError(name, question.id, "id", f"duplicate question id (first in {seen[question.id]})")
                seen[question.id] = name
                if question.domain is not None and question.domain not in domains:
                    raise DataError(name, question.id, "domain", f"unknown domain '{question.domain}'")
                resolve_source(question, catalog, pages, name)
                questions.append(question)
        if not questions:
            raise DataError(name, None, "questions", "the bank has no questions")
        banks[path.stem] = Bank(path.stem, name, page, questions)
    return banks


def _validate(name: str, label: str, item) -> list[Question]:
    """One question, or a case study's parts (in order) as questions of their own."""
    if not (isinstance(item, dict) and item.get("type") == "case-study"):
        for key in CASE_FIELDS:
            if isinstance(item, dict) and item.get(key):
                raise DataError(name, label, key, "belongs to case studies (type: case-study with parts)")
        return [validate(Question, item, name, label)]
    case = validate(CaseStudy, item, name, label)
    parts = []
    for position, raw in enumerate(case.parts, start=1):
        part_label = raw.get("id") if isinstance(raw.get("id"), str) else f"{case.id} part {position}"
        for key in CASE_FIELDS:
            if raw.get(key):
                raise DataError(name, part_label, key, "is set from the case study; do not write it")
        if raw.get("type") == "case-study":
            raise DataError(name, part_label, "type", "a case study's part cannot be a case study")
        merged = {"domain": case.domain, "exams": case.exams, **raw, "case": case.id, "scenario": case.scenario,
                  "case_title": f"Case study: {case.title}" if case.title else "Case study", "case_part": position, "case_parts": len(case.parts)}
        parts.append(validate(Question, merged, name, part_label))
    return parts


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

    The heading is Markdown (outside the HTML block) so the page's table of contents lists it. The questions,
    answers and answer key are inside a <noscript>: read as they are without JavaScript, and costing the page no
    DOM with it until quiz.js builds the quiz from that markup (near the screen, on focus, #quiz or #q-<id>, print).
    The intro's link comes first in the block, so keyboard focus reaches the block (and builds it) before the
    questions."""
    parts = ["", "## Check yourself { #quiz .quiz-title data-search-exclude }", "",
             f'<section class="quiz" data-quiz="{escape(bank.id)}" data-search-exclude aria-labelledby="quiz">',
             f'<p class="quiz-intro">{len(bank.questions)} questions on this page. Your answers are kept in this '
             f'browser; see <a href="{escape(href("practice/progress.md", from_page, None, directory_urls))}">My progress</a>.</p>',
             '<p class="quiz-score" aria-live="polite"></p>',
             '<div class="quiz-body"><noscript>']
    for number, q in enumerate(bank.questions, start=1):
        if q.case and q.case_part == 1:
            parts.append(_render("quiz_case.html", q=q))
        parts.append(_question_html(q, number, catalog, pages, bank.file, from_page, directory_urls))
        if q.case and q.case_part == q.case_parts:
            parts.append("</section>")
    parts.append(_answer_key(bank))
    parts.append("</noscript></div>")
    parts.append("</section>")
    return "\n".join(parts) + "\n"


def _question_html(q: Question, number: int, catalog, pages, file: str, from_page: str, directory_urls: bool) -> str:
    source = resolve_source(q, catalog, pages, file)
    if q.type not in CHOICE_TYPES:
        return _render("quiz_question.html", q=q, number=number, printed=q.printed_order, letters=LETTERS, short=_short,
                       source_href=href(source.page, from_page, source.anchor, directory_urls), source_label=source.label)
    part = f' <span class="quiz-part">(Part {q.case_part} of {q.case_parts})</span>' if q.case else ""
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
        + (f'data-case="{q.case}" ' if q.case else "")
        + f'data-answer="{",".join(map(str, sorted(q.answer)))}">\n'
        f'<legend><span class="quiz-num">{number}.</span> {escape(q.prompt)}{pick}{part}</legend>\n'
        f'<div class="quiz-choices">\n{choices}\n</div>\n'
        f'<div class="quiz-actions"><button type="button" class="md-button quiz-check">Check</button></div>\n'
        f'<p class="quiz-feedback" role="status" aria-live="polite"></p>\n'
        f'<details class="quiz-answer"><summary>Answer and explanation</summary>\n'
        f'<p><strong>Answer:</strong> {right}</p><p>{escape(q.explanation)}</p>'
        + (f"<ul>{wrong}</ul>" if wrong else "")
        + f'<p class="quiz-source">Read more: <a href="{escape(href(source.page, from_page, source.anchor, directory_urls))}">'
          f'{escape(source.label)}</a></p>\n</details>\n</fieldset>')


def _short(text: str, limit: int = 40) -> str:
    """A step's text cut to fit a button's accessible name."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _answer_key(bank: Bank) -> str:
    items = "".join(f"<li>{escape(q.letters)}</li>" for q in bank.questions)
    return f'<div class="quiz-key"><h3>Answer key</h3><ol>{items}</ol></div>'


def _type_data(q: Question) -> dict:
    """The JSON fields of ordering and matching questions and of case-study parts.

    ordering: `steps` in the right order (`answer` is then 0, 1, 2 …); matching: `prompts`, `responses` (the
    right ones in prompt order, then the extras) and `answer`, the index of each prompt's right response."""
    extra: dict = {}
    if q.type == "ordering":
        extra = {"steps": q.steps, "answer": list(range(len(q.steps)))}
    elif q.type == "matching":
        extra = {"prompts": [p.prompt for p in q.pairs], "responses": q.responses, "answer": list(range(len(q.pairs)))}
    if q.case:
        extra.update({"case": q.case, "caseTitle": q.case_title, "scenario": q.scenario, "casePart": q.case_part,
                      "caseParts": q.case_parts})
    return extra


def quiz_data(banks: list[Bank], catalog: Catalog, pages: dict[str, dict], exams: dict, from_page: str,
              directory_urls: bool = True) -> Markup:
    """Every question as JSON for the progress and practice-exam pages, links relative to `from_page`.

    `banks` come in navigation order, so the progress page lists pages as the sidebar does. `exams` holds the
    exam formats ("exams", "defaultExam") and, under "byQuestion", each question's domain number per exam."""
    questions, page_list = [], []
    for bank in banks:
        title = pages[bank.page].get("title", bank.page)
        page_list.append({"page": bank.page, "title": title, "domain": pages[bank.page].get("domain"),
                          "href": href(bank.page, from_page, "quiz", directory_urls)})
        for q in bank.questions:
            source = resolve_source(q, catalog, pages, bank.file)
            questions.append({
                "id": q.id, "d": exams["byQuestion"][q.id], "page": bank.page, "pageTitle": title,
                "questionHref": href(bank.page, from_page, f"q-{q.id}", directory_urls), "type": q.type,
                "prompt": q.prompt, "choices": q.choices, "answer": sorted(q.answer), "explanation": q.explanation,
                "whyWrong": {str(k): v for k, v in q.why_wrong.items()},
                "sourceHref": href(source.page, from_page, source.anchor, directory_urls), "sourceLabel": source.label,
                **_type_data(q),
            })
    payload = {"questions": questions, "pages": page_list,
               "exams": exams["exams"], "defaultExam": exams["defaultExam"],
               "examHref": href("practice/exam.md", from_page, None, directory_urls)}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # An attribute, not <script type="application/json">: attributes stay out of the search index, and Material's
    # instant navigation (off, but supported) re-inserts a new page's scripts as JavaScript, where JSON throws.
    # The page hook moves it into a script file (macros/page_assets.py move_data_out).
    return Markup(f'<div id="quiz-data" hidden data-json="{escape(text)}"></div>')
