"""Bank lint: questions must not give their answer away.

The rules are limits a test runs over the real banks (tests/test_bank_lint.py), so a new question that
breaks one fails the suite with its id. `python -m macros.bank_lint` prints the figures.

What applies to which type (case-study parts are linted as the type they are):
- single and multiple choice: the keyed choice must not stand out by its length, and every wrong choice
  has its why_wrong.
- ordering: every step is part of the answer, so length says nothing and there is no why_wrong; instead a
  step must not announce its position ("First, …", "Then …", "Finally …", "Step 2", "1.").
- matching: every response but the extras is keyed, so length says little; a response must not repeat its
  own prompt (a word-for-word giveaway). Extras need no why_wrong: the explanation covers the pairs.
- wording, where a rule can be stated: no "(Choose two.)" in a prompt (the site adds it), no prompt that talks
  about itself ("a practice question …"), no "all/none of the above" choice (choices are shuffled), and not every
  wrong choice in absolutes (always, never, only …) while the key has none. Subtler give-aways (a distinctive
  prompt word only the key repeats, an implausible distractor) are left to review: a rule for them flags more
  good questions than bad ones here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .quiz import Question

# Over all single-answer questions, the keyed choice may be the strictly longest in at most this share
# (with four choices, chance is about 25%).
MAX_LONGEST_SHARE = 0.30
# No keyed choice may be this many times longer than the longest wrong choice, or more.
MAX_LENGTH_RATIO = 1.5


@dataclass(frozen=True)
class Problem:
    question: str
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.question}: {self.rule}: {self.detail}"


def _lengths(q: Question) -> tuple[int, int]:
    """Length of the (shortest) keyed choice and of the longest wrong choice."""
    keyed = min(len(q.choices[i].strip()) for i in q.answer)
    wrong = max(len(c.strip()) for i, c in enumerate(q.choices) if i not in q.answer)
    return keyed, wrong


def keyed_is_longest(q: Question) -> bool:
    keyed, wrong = _lengths(q)
    return keyed > wrong


# A step that says where it goes: an ordinal word or a number at its start.
POSITION = re.compile(r"^\s*(first|second|third|then|next|after that|finally|lastly|last|step\s*\d+|\d+[.)])\b", re.I)


def _order_problems(q: Question) -> list[Problem]:
    if q.type == "ordering":
        return [Problem(q.id, "step gives its position away", f"“{step}”") for step in q.steps if POSITION.match(step)]
    return [Problem(q.id, "response repeats its prompt", f"“{p.prompt}” → “{p.response}”")
            for p in q.pairs if p.prompt.strip().casefold() in p.response.casefold()]


# The page and the exam add "(Choose 2.)" from the answer count; a prompt that says it too says it twice.
CHOOSE = re.compile(r"\(\s*choose\s+\w+\s*\.?\s*\)", re.I)
# A choice about the other choices means nothing once the choices are shuffled.
ABOUT_CHOICES = re.compile(r"^\s*(all|none|both|neither) of (the )?(above|(other )?choices)\b", re.I)
# A prompt that talks about itself ("a practice question offers …") instead of posing a scenario.
SELF_REFERENCE = re.compile(r"\b(practice question|this question|exam question|the notes)\b", re.I)
# Absolute words: when every wrong choice carries one and the key none, "avoid the absolute" finds the key.
ABSOLUTE = re.compile(r"\b(always|never|only|cannot|can't|must|all|none|every|guarantees?)\b", re.I)


def _wording_problems(q: Question) -> list[Problem]:
    problems = []
    if CHOOSE.search(q.prompt):
        problems.append(Problem(q.id, "prompt states the answer count", "the site adds “(Choose N.)” itself"))
    if SELF_REFERENCE.search(q.prompt):
        problems.append(Problem(q.id, "prompt talks about itself", f"“{SELF_REFERENCE.search(q.prompt)[0]}”"))
    for text in q.choices:
        if ABOUT_CHOICES.match(text):
            problems.append(Problem(q.id, "choice refers to the other choices", f"“{text}” (choices are shuffled)"))
    wrong = [c for i, c in enumerate(q.choices) if i not in q.answer]
    if len(wrong) >= 2 and all(ABSOLUTE.search(c) for c in wrong) and not any(ABSOLUTE.search(q.choices[i]) for i in q.answer):
        problems.append(Problem(q.id, "only the wrong choices speak in absolutes",
                                "every wrong choice says always/never/only/every …, the key none"))
    return problems


def question_problems(q: Question) -> list[Problem]:
    """Rules every question must pass on its own."""
    if q.type not in ("single", "multiple"):
        problems = _order_problems(q)
        if CHOOSE.search(q.prompt) or SELF_REFERENCE.search(q.prompt):
            problems += [p for p in _wording_problems(q) if p.rule.startswith("prompt")]
        return problems
    problems = _wording_problems(q)
    keyed, wrong = _lengths(q)
    if keyed >= MAX_LENGTH_RATIO * wrong:
        problems.append(Problem(q.id, "keyed choice too long",
                                f"{keyed} characters against {wrong} for the longest wrong choice "
                                f"(limit: under {MAX_LENGTH_RATIO}×)"))
    missing = [i for i in range(len(q.choices)) if i not in q.answer and i not in q.why_wrong]
    if missing:
        problems.append(Problem(q.id, "why_wrong missing", f"no explanation for choice(s) {missing}"))
    return problems


def longest_share(questions: list[Question]) -> tuple[float, list[str]]:
    """Share of single-answer questions whose keyed choice is strictly the longest, and their ids."""
    single = [q for q in questions if q.type == "single"]
    longest = [q.id for q in single if keyed_is_longest(q)]
    return (len(longest) / len(single) if single else 0.0), longest


def lint(questions: list[Question]) -> list[Problem]:
    problems = [p for q in questions for p in question_problems(q)]
    share, longest = longest_share(questions)
    if share > MAX_LONGEST_SHARE:
        problems.append(Problem("(all banks)", "keyed choice is the longest too often",
                                f"{share:.0%} of single-answer questions (limit {MAX_LONGEST_SHARE:.0%}): "
                                + ", ".join(longest)))
    return problems


if __name__ == "__main__":  # python -m macros.bank_lint [bank-id ...]: all banks, or only the named ones
    import sys
    from pathlib import Path

    from .site import load_site
    data = load_site(Path(__file__).resolve().parent.parent)
    chosen = set(sys.argv[1:]) or set(data.banks)
    questions = [q for bank in data.banks.values() if bank.id in chosen for q in bank.questions]
    share, longest = longest_share(questions)
    single = sum(q.type == "single" for q in questions)
    kinds = {kind: sum(q.type == kind for q in questions) for kind in ("multiple", "ordering", "matching")}
    print(", ".join(f"{n} {kind}" for kind, n in kinds.items()) + f", {sum(bool(q.case) for q in questions)} case-study parts")
    print(f"{len(questions)} questions, {single} single-answer; keyed choice strictly longest in "
          f"{len(longest)} ({share:.1%})")
    for problem in lint(questions):
        print(" ", problem)
