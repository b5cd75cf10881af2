"""Questions against the availability of the services they teach.

A question whose source entry is not open to new customers (closed, in maintenance, deprecated, retired), or
whose keyed answer names such a service, must say how it treats that in `status_ack`; the build stops with file,
id and field when it does not. Such questions leave the practice pools of current exams unless the exam's
in-scope list names the service: they stay in the retired exam's (legacy) track.
"""
from __future__ import annotations

import re

from .catalog import NOT_OPEN, Catalog, Entry
from .errors import DataError
from .exams import LEGACY, Exams
from .quiz import Question

# What a scenario says when the team already uses a service, and what an explanation says about a change.
EXISTING = re.compile(r"\b(already|existing|has used|have used|has been using|have been using|since 20\d\d|still runs?|still uses?)\b", re.I)
CHANGE_WORDS = re.compile(r"\b(new customers|maintenance|end of support|end of life|shut down|retired|renamed|reopened|closed|discontinued)\b", re.I)
# Names shorter than this are left to the source rule: "Q" or "A2I" inside other words would trip it.
MIN_NAME = 4


def source_entry(question: Question, catalog: Catalog) -> Entry | None:
    """The catalog entry a question's source points to: a catalog id, or a page#anchor whose anchor is one."""
    return catalog.entries.get(question.source.rsplit("#", 1)[-1])


def keyed_texts(question: Question) -> list[str]:
    """What a learner must pick to be right: keyed choices, every step of an ordering, every keyed response."""
    if question.type == "ordering":
        return list(question.steps)
    if question.type == "matching":
        return [p.response for p in question.pairs]
    return [question.choices[i] for i in question.answer]


def name_pattern(entry: Entry) -> re.Pattern | None:
    """A whole-word match of any of the entry's names long enough to be unambiguous (None: none is)."""
    names = [n for n in entry.names if len(n) >= MIN_NAME]
    if not names:
        return None
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")


def subject_text(question: Question) -> str:
    """What a question is about: its scenario, prompt and explanation (not the distractors)."""
    return "\n".join(filter(None, (question.scenario, question.prompt, question.explanation)))


class StatusRule:
    """The entries not open to new customers, and the check of one question against them."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.closed = [e for e in catalog if e.status in NOT_OPEN]
        self.patterns = [(e, p) for e in self.closed if (p := name_pattern(e)) is not None]
        # Entries with a recorded change of their own (closed, renamed, reopened ...), for about-the-change questions.
        self.changed = [(e, p) for e in catalog if e.changed_whole and (p := name_pattern(e)) is not None]

    def subjects(self, question: Question, about_the_change: bool) -> list[Entry]:
        """Entries an acknowledged question is about, found in its scenario, prompt and explanation: not-open ones,
        and for a question about the change also entries whose change was a reopening or a rename."""
        text, entry = subject_text(question), source_entry(question, self.catalog)
        found = [e for e, pattern in (self.changed if about_the_change else self.patterns) if pattern.search(text)]
        if about_the_change and entry is not None and entry.changed_whole and entry not in found:
            found.append(entry)
        return found

    def involved(self, question: Question) -> list[Entry]:
        """Not-open entries the question teaches: its source, and any named in its keyed answer."""
        found: list[Entry] = []
        entry = source_entry(question, self.catalog)
        if entry is not None and entry.status in NOT_OPEN:
            found.append(entry)
        text = "\n".join(keyed_texts(question))
        found += [e for e, pattern in self.patterns if e not in found and pattern.search(text)]
        return found

    def check(self, question: Question, file: str) -> list[Entry]:
        """Fail when a question about a not-open service does not say how it treats that, or when its
        acknowledgement is stale or does not show in its wording. Returns the entries involved."""
        involved = self.involved(question)
        ack = question.status_ack
        if not involved:
            if not ack:
                return involved
            subjects = self.subjects(question, ack == "about-the-change")
            if not subjects:
                raise DataError(file, question.id, "status_ack",
                                f"'{ack}' but the question is not about a service closed to new customers (nor, for "
                                "about-the-change, about a recorded change): remove it")
            involved = subjects
        names = ", ".join(f"{e.name} ({e.status_label.lower()}{', ' + e.status_date if e.status_date else ''})" for e in involved)
        if not ack:
            raise DataError(file, question.id, "status_ack",
                            f"the question teaches {names}: set status_ack to existing-customer (the team already uses it), "
                            "about-the-change (the question asks about the change) or legacy-exam (retired exam only)")
        closed = [e for e in involved if e.status in NOT_OPEN]
        if ack == "existing-customer" and not EXISTING.search(f"{question.scenario or ''} {question.prompt}"):
            raise DataError(file, question.id, "status_ack",
                            f"existing-customer, but the prompt never says the team already uses {involved[0].name} "
                            "(for example 'already uses', 'existing', 'has used … since 2023')")
        if ack == "about-the-change" and not CHANGE_WORDS.search(question.explanation):
            raise DataError(file, question.id, "status_ack",
                            f"about-the-change, but the explanation does not say what changed for {involved[0].name}")
        return closed


def restrict_pools(mapping: dict[str, list[str]], question: Question, involved: list[Entry], exams: Exams,
                   named: dict[str, set[str]]) -> dict[str, list[str]]:
    """A question about a not-open service stays in a current exam's pool only when that exam names every such
    service it teaches (`named`: exam code -> catalog ids, see in_scope); `legacy-exam` questions keep the retired
    exam alone."""
    if not involved:
        return mapping
    kept = {}
    for code, ids in mapping.items():
        if code == LEGACY:
            kept[code] = ids
        elif question.status_ack != "legacy-exam" and all(e.id in named[code] for e in involved):
            kept[code] = ids
    return kept


def in_scope(exam, exams: Exams, catalog: Catalog) -> set[str]:
    """Catalog ids an exam names: its in-scope services list, and entries its task skills name ("Monitor production
    models, for example with SageMaker Model Monitor"). An exam mapped from another whose own list and skills are
    not published uses the exam it is mapped from (MLA-C02 has its own skills, so it names what they name)."""
    if exam.services is None and not exam.skills and exam.mapping is not None and exam.mapping.source_exam in exams:
        exam = exams[exam.mapping.source_exam]
    ids = {s.catalog for g in exam.services.groups for s in g.items if s.catalog} if exam.services else set()
    skills = "\n".join(k if isinstance(k, str) else k.text for task in exam.tasks.values() for k in task.skills)
    ids |= {e.id for e in catalog if (p := name_pattern(e)) is not None and p.search(skills)}
    return ids


def main() -> None:
    """Print every question that breaks the status rule (python -m macros.status)."""
    from pathlib import Path

    from .site import load_site

    data = load_site(Path("."))
    rule = StatusRule(data.catalog)
    problems = 0
    for bank in data.banks.values():
        for q in bank.questions:
            try:
                rule.check(q, bank.file)
            except DataError as exc:
                problems += 1
                print(exc)
    print(f"{problems} question(s) break the status rule")


if __name__ == "__main__":
    main()
