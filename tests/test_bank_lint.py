"""The bank lint on the real banks, and on bad examples of each rule."""
from __future__ import annotations

from macros import bank_lint
from macros.quiz import Question


def _q(qid="t-1", choices=("Amazon S3", "Amazon EBS", "Amazon EFS", "Amazon FSx"), answer=(0,), why=None, kind="single"):
    wrong = {i: "Not this one, for a reason." for i in range(len(choices)) if i not in answer}
    return Question(id=qid, domain="modeling", type=kind, prompt="Which storage service fits this case?",
                    choices=list(choices), answer=list(answer), explanation="Because it is the object store.",
                    why_wrong=wrong if why is None else why, source="xgboost")


def test_real_banks_pass_the_lint(site_data):
    questions = [q for bank in site_data.banks.values() for q in bank.questions]
    problems = bank_lint.lint(questions)
    assert not problems, "\n".join(map(str, problems))


def test_a_keyed_choice_much_longer_than_the_rest_fails_with_its_id():
    q = _q(choices=("Amazon S3 with lifecycle rules that move old objects to Glacier", "EBS", "EFS", "FSx"))
    problems = bank_lint.question_problems(q)
    assert [p.rule for p in problems] == ["keyed choice too long"] and problems[0].question == "t-1"


def test_a_wrong_choice_without_why_wrong_fails():
    problems = bank_lint.question_problems(_q(why={1: "Block storage.", 2: "File storage."}))
    assert [(p.question, p.rule) for p in problems] == [("t-1", "why_wrong missing")]
    assert "[3]" in problems[0].detail


def test_the_longest_choice_keyed_too_often_fails_and_lists_the_ids():
    long_key = [_q(f"l-{i}", choices=("Amazon S3 bucket", "EBS volumes", "EFS", "FSx")) for i in range(4)]
    short_key = [_q(f"s-{i}", choices=("EFS", "Amazon S3 bucket", "EBS volume", "FSx")) for i in range(6)]
    assert bank_lint.longest_share(long_key + short_key) == (0.4, [q.id for q in long_key])
    problems = bank_lint.lint(long_key + short_key)
    assert len(problems) == 1 and "l-0" in problems[0].detail and "s-0" not in problems[0].detail
    assert not bank_lint.lint(long_key[:3] + short_key + [_q("s-9", choices=("EFS", "Amazon S3 bucket", "EBS", "FSx"))])


def test_multiple_response_is_judged_by_its_shortest_keyed_choice():
    q = _q(kind="multiple", choices=("S3 with lifecycle rules to Glacier", "EBS", "EFS", "FSx"), answer=(0, 1))
    assert not bank_lint.question_problems(q)


def test_a_prompt_that_states_the_answer_count_fails():
    q = _q(kind="multiple", answer=(0, 1)).model_copy(update={"prompt": "Which two services store objects? (Choose two.)"})
    assert "prompt states the answer count" in [p.rule for p in bank_lint.question_problems(q)]


def test_a_prompt_that_talks_about_itself_fails():
    q = _q().model_copy(update={"prompt": "A practice question lists four stores. Which one is right?"})
    assert "prompt talks about itself" in [p.rule for p in bank_lint.question_problems(q)]


def test_a_choice_about_the_other_choices_fails():
    q = _q(choices=("Amazon S3", "Amazon EBS", "Amazon EFS", "All of the above"))
    assert [p.rule for p in bank_lint.question_problems(q)] == ["choice refers to the other choices"]


def test_absolutes_only_in_the_wrong_choices_fail_and_in_both_pass():
    q = _q(choices=("Amazon S3", "Amazon EBS, which always replicates", "Amazon EFS for every file", "FSx only"))
    assert [p.rule for p in bank_lint.question_problems(q)] == ["only the wrong choices speak in absolutes"]
    fine = _q(choices=("Amazon S3, which never needs sizing", "Amazon EBS, which always replicates", "Amazon EFS for every file", "FSx only"))
    assert not bank_lint.question_problems(fine)
