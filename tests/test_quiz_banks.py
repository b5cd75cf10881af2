"""Question banks: integrity of the data, and the quiz block as plain HTML (no browser)."""
from __future__ import annotations

from collections import Counter

import pytest

from macros.quiz import Question, quiz_block
from sitetools import article, page_file


def _questions(site_data):
    return [(bank, q) for bank in site_data.banks.values() for q in bank.questions]


def test_there_are_enough_questions_and_ids_are_unique(site_data):
    questions = _questions(site_data)
    assert len(questions) >= 150
    ids = Counter(q.id for _, q in questions)
    assert not [i for i, n in ids.items() if n > 1]


def test_every_notes_page_has_a_bank(site_data):
    landing = {d.landing for d in site_data.domains.values()}
    notes_pages = {src for src, meta in site_data.pages.items() if meta.get("domain") and src not in landing}
    banked = {bank.page for bank in site_data.banks.values()}
    assert notes_pages, "no notes pages found"
    assert notes_pages <= banked, f"pages without a quiz: {sorted(notes_pages - banked)}"


def test_answers_are_valid_and_explained(site_data):
    for _, q in _questions(site_data):
        if q.type not in ("single", "multiple"):
            continue  # ordering and matching are checked in tests/test_question_types.py
        assert all(0 <= a < len(q.choices) for a in q.answer), q.id
        assert len(q.answer) == 1 if q.type == "single" else len(q.answer) >= 2, q.id
        assert len({c.casefold() for c in q.choices}) == len(q.choices), q.id
        assert len(q.explanation) > 20, q.id


def test_banks_cover_every_domain_and_mostly_scenarios(site_data):
    questions = [q for _, q in _questions(site_data)]
    # The retired MLS-C01's domains: every one has questions; only newer topics (generative AI) carry none.
    assert {q.domain for q in questions} - {None} == set(site_data.domains)
    for bank in site_data.banks.values():
        for q in bank.questions:
            assert q.domain is not None or bank.page.startswith("generative-ai/"), q.id
    assert sum(q.style == "scenario" for q in questions) > len(questions) / 2
    assert sum(q.type == "multiple" for q in questions) >= 10


def test_every_page_ends_with_its_quiz_outside_the_search_index(site, site_data):
    for bank in site_data.banks.values():
        html = page_file(site, bank.page).read_text(encoding="utf-8")
        block = html[html.index('<section class="quiz"'):]
        assert "data-search-exclude" in block[:200]
        assert block.count('class="quiz-question"') == len(bank.questions), bank.page
        assert "Answer and explanation" in article(page_file(site, bank.page)).text_so_far()


def _question(**overrides) -> Question:
    fields = dict(id="t-1", domain="modeling", prompt="Which algorithm fits this case best?",
                  choices=["XGBoost", "<script>alert(1)</script>", "K-Means"], answer=[0],
                  explanation="XGBoost is supervised and handles tabular data.", source="xgboost")
    fields.update(overrides)
    return Question(**fields)


@pytest.mark.parametrize(("overrides", "field"), [
    ({"answer": [5]}, "answer"),
    ({"answer": [0, 2]}, "answer"),
    ({"type": "multiple", "answer": [0]}, "answer"),
    ({"choices": ["A b", "a B", "C"]}, "choices"),
    ({"why_wrong": {0: "It is right"}}, "why_wrong"),
])
def test_question_rules_name_the_field(overrides, field):
    from macros.errors import DataError
    from macros.quiz import _validate
    fields = _question().model_dump() | overrides
    with pytest.raises(DataError) as info:
        _validate("data/quizzes/x.yml", "t-1", fields)
    assert (info.value.file, info.value.item, info.value.field) == ("data/quizzes/x.yml", "t-1", field)


def test_quiz_html_is_accessible_and_escaped(site_data):
    from macros.quiz import Bank
    bank = Bank("t", "data/quizzes/t.yml", "model-development/algorithms/tabular.md",
                [_question(), _question(id="t-2", type="multiple", answer=[0, 2])])
    html = quiz_block(bank, site_data.catalog, site_data.pages, "model-development/algorithms/tabular.md")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<fieldset") == 2 and html.count("<legend>") == 2
    assert 'type="radio"' in html and 'type="checkbox"' in html and "(Choose 2.)" in html
    assert 'aria-live="polite"' in html and "<details" in html
    assert 'href="#xgboost"' in html  # source link resolves to the section on the same page
