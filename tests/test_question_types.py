"""Ordering, matching and case-study questions: the schema stops bad banks naming file, id and field, and the
page quiz, answer key and JSON carry what the scripts need."""
from __future__ import annotations

import copy
import json
import re
from html import unescape
from types import SimpleNamespace

import pytest
import yaml

from macros import bank_lint
from macros.errors import DataError
from macros.quiz import load_banks, quiz_block, quiz_data

PAGE = "deployment/model-deployment.md"
PAGES = {PAGE: {"title": "Model deployment"}}
SOURCE = f"{PAGE}#steps"
CATALOG = SimpleNamespace(entries={})

ORDERING = {"id": "t-order", "type": "ordering", "domain": "ml-operations", "prompt": "Put the deployment steps in order.",
            "steps": ["Create the model", "Create the endpoint configuration", "Create the endpoint"],
            "explanation": "The endpoint is built from a configuration that names the model.", "source": SOURCE}
MATCHING = {"id": "t-match", "type": "matching", "domain": "modeling", "prompt": "Match each metric to its formula.",
            "pairs": [{"prompt": "Precision", "response": "TP / (TP + FP)"}, {"prompt": "Recall", "response": "TP / (TP + FN)"},
                      {"prompt": "Specificity", "response": "TN / (TN + FP)"}],
            "extra_responses": ["TP / (TP + TN)"], "explanation": "Each metric divides by a different total.", "source": SOURCE}
SINGLE_PART = {"id": "t-case-a", "prompt": "Which option serves the dashboard best?",
               "choices": ["Serverless Inference", "Batch transform", "A nightly job"], "answer": [0],
               "why_wrong": {1: "Not interactive.", 2: "Too late."}, "explanation": "It scales to zero between requests.",
               "source": SOURCE}
CASE = {"id": "t-case", "type": "case-study", "domain": "ml-operations", "exams": {"MLA-C01": ["3.1"]},
        "scenario": "A retailer serves a dashboard a few times a day and scores every product each night.",
        "parts": [SINGLE_PART, {**ORDERING, "id": "t-case-b", "domain": None}]}
del CASE["parts"][1]["domain"]


def _load(tmp_path, *questions, bank="zz-test"):
    folder = tmp_path / "data" / "quizzes"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{bank}.yml").write_text(yaml.safe_dump({"page": PAGE, "questions": list(questions)}), encoding="utf-8")
    return load_banks(tmp_path, CATALOG, {"ml-operations", "modeling"}, PAGES)


def _error(tmp_path, *questions) -> DataError:
    with pytest.raises(DataError) as info:
        _load(tmp_path, *questions)
    return info.value


def _with(base, **changes):
    item = copy.deepcopy(base)
    item.update(changes)
    return item


@pytest.mark.parametrize(("item", "where", "phrase"), [
    (_with(ORDERING, steps=["Create the model", "Create the endpoint"]), ("t-order", "steps"), "3 to 5 steps"),
    (_with(ORDERING, steps=["Create the model", "Create the endpoint", "create the model "]), ("t-order", "steps"), "the same"),
    (_with(ORDERING, choices=["a", "b", "c"]), ("t-order", "choices"), "has no 'choices'"),
    (_with(MATCHING, pairs=[{"prompt": f"Metric {i}", "response": f"Formula {i}"} for i in range(8)]), ("t-match", "pairs"), "3 to 7 pairs"),
    (_with(MATCHING, extra_responses=["TP / (TP + FN)"]), ("t-match", "extra_responses"), "two responses are the same"),
    (_with(MATCHING, pairs=MATCHING["pairs"][:2] + [{"prompt": "Specificity", "response": "TP / (TP + FP)"}]),
     ("t-match", "pairs"), "two responses are the same"),
    (_with(MATCHING, extra_responses=["a", "b", "c", "d"]), ("t-match", "extra_responses"), "at most 3"),
    (_with(CASE, parts=[SINGLE_PART]), ("t-case", "parts"), "at least 2"),
    (_with(CASE, parts=[SINGLE_PART, SINGLE_PART]), ("t-case-a", "id"), "duplicate question id"),
    (_with(CASE, parts=[SINGLE_PART, _with(SINGLE_PART, id="t-case-c", why_wrong={}, answer=[5])]), ("t-case-c", "answer"), "out of range"),
    (_with(ORDERING, scenario="A scenario on a plain question."), ("t-order", "scenario"), "case studies"),
])
def test_bad_new_type_data_stops_the_build_naming_file_id_and_field(tmp_path, item, where, phrase):
    error = _error(tmp_path, item)
    assert (error.file, error.item, error.field) == ("data/quizzes/zz-test.yml", *where)
    assert phrase in str(error)


def test_a_part_id_must_be_unique_across_banks(tmp_path):
    _load(tmp_path, _with(ORDERING, id="t-case-a"), bank="aa-first")
    error = _error(tmp_path, CASE)
    assert (error.item, error.field) == ("t-case-a", "id") and "aa-first.yml" in str(error)


def _payload(banks):
    questions = [q for b in banks for q in b.questions]
    exams = {"byQuestion": {q.id: {} for q in questions}, "exams": [], "defaultExam": None}
    html = str(quiz_data(banks, CATALOG, PAGES, exams, "practice/exam.md"))
    return json.loads(unescape(re.search(r'data-json="([^"]*)"', html).group(1)))


def test_case_parts_are_questions_of_their_own_in_the_json(tmp_path):
    banks = _load(tmp_path, ORDERING, MATCHING, CASE)
    data = {q["id"]: q for q in _payload(list(banks.values()))["questions"]}
    assert list(data) == ["t-order", "t-match", "t-case-a", "t-case-b"]  # the case itself is not a question
    order, match, part_a, part_b = data.values()
    assert order["type"] == "ordering" and order["steps"] == ORDERING["steps"] and order["answer"] == [0, 1, 2]
    assert match["prompts"] == ["Precision", "Recall", "Specificity"]
    assert [match["responses"][i] for i in match["answer"]] == [p["response"] for p in MATCHING["pairs"]]
    assert set(match["responses"]) == {p["response"] for p in MATCHING["pairs"]} | {"TP / (TP + TN)"}
    assert part_a["type"] == "single" and part_a["choices"] == SINGLE_PART["choices"] and part_a["answer"] == [0]
    for part in (part_a, part_b):
        assert part["case"] == "t-case" and part["scenario"] == CASE["scenario"] and part["caseTitle"]
    assert part_b["type"] == "ordering" and (part_a["casePart"], part_b["casePart"], part_b["caseParts"]) == (1, 2, 2)
    assert "case" not in order
    question = banks["zz-test"].questions[3]
    assert question.domain == "ml-operations" and question.exams == {"MLA-C01": ["3.1"]}  # defaults from the case


def test_the_page_quiz_prints_scrambled_steps_and_a_key_that_names_them(tmp_path):
    bank = _load(tmp_path, ORDERING, MATCHING, CASE)["zz-test"]
    html = quiz_block(bank, CATALOG, PAGES, PAGE)
    steps = re.search(r'<fieldset[^>]*id="q-t-order".*?</fieldset>', html, re.S).group(0)
    printed = re.findall(r'quiz-print-letter">(\w)\.</span><span class="quiz-step-text">([^<]*)<', steps)
    assert [text for _, text in printed] != ORDERING["steps"]  # not already in order on paper
    letters = dict((text, letter) for letter, text in printed)
    key = re.findall(r"<li>([^<]*)</li>", html.split('class="quiz-key"')[1])
    assert key[0] == ", ".join(letters[s] for s in ORDERING["steps"])
    match = re.search(r'<fieldset[^>]*id="q-t-match".*?</fieldset>', html, re.S).group(0)
    responses = re.findall(r'<li><span class="quiz-letter">(\w)\.</span> ([^<]*)</li>', match)
    letter = {text: letter for letter, text in responses}
    assert key[1] == ", ".join(f"{k}→{letter[p['response']]}" for k, p in enumerate(MATCHING["pairs"], start=1))
    assert len(key) == 4  # one entry per part, none for the case itself
    assert html.count('class="quiz-question"') == 4 and html.count('class="quiz-case"') == 1
    assert html.index(CASE["scenario"]) < html.index('id="q-t-case-a"') < html.index('id="q-t-case-b"')
    assert "4 questions on this page" in html
    assert "\n\n" not in html.split("\n", 3)[3]  # a blank line would end Markdown's raw HTML block


def test_markup_in_new_type_text_is_escaped(tmp_path):
    bank = _load(tmp_path, _with(ORDERING, steps=["<b>one</b>", "two", "three"]))["zz-test"]
    html = quiz_block(bank, CATALOG, PAGES, PAGE)
    assert "<b>one</b>" not in html and "&lt;b&gt;one&lt;/b&gt;" in html


def test_the_lint_catches_order_giveaways_and_leaves_steps_alone(tmp_path):
    banks = _load(tmp_path, ORDERING, MATCHING, CASE,
                  _with(ORDERING, id="t-numbered", steps=["First, create the model", "Then create the config", "Finally, the endpoint"]),
                  _with(MATCHING, id="t-echo", pairs=[{"prompt": "Recall", "response": "Recall = TP / (TP + FN)"}] + MATCHING["pairs"][::2]))
    problems = [p for q in banks["zz-test"].questions for p in bank_lint.question_problems(q)]
    assert sorted({(p.question, p.rule) for p in problems}) == [("t-echo", "response repeats its prompt"),
                                                                ("t-numbered", "step gives its position away")]
    assert len(problems) == 4  # each numbered step is named
