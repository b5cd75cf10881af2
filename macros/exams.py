"""The exams the site prepares for (data/exams/*.yml) and what each page, entry and question serves of them.

Every fact about an exam names its source (an AWS page, or third-party material marked `aws: false`).
A mapping is, per exam code, a list of task ids ("2.2") or domain numbers ("2"). MLS-C01's mapping is the
`domain:` and `tasks:` the notes already carry; an exam with a `mapping:` block (MLA-C02, whose tasks AWS
maps one to one from MLA-C01's) is mapped from the exam it names, task by task where the block says how.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .errors import DataError
from .loader import FieldError, read_yaml, validate

FOLDER = "data/exams"
LEGACY = "MLS-C01"  # its mapping is the notes' own `domain:` and `tasks:` (data/domains.yml ids)
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
QUESTION_TYPES = ("multiple-choice", "multiple-response", "ordering", "matching", "case-study")
STATUS_LABELS = {"current": "Current", "beta": "Beta", "replaced": "Replaced in English", "retired": "Retired"}
SKILL_ID = r"^\d\.\d+\.\d+$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def refs(value) -> list[str]:
    """A source or mapping reference written as one string or a list, as a list."""
    return [value] if isinstance(value, str) else list(value)


class Source(_Strict):
    title: str = Field(min_length=5)
    url: str = Field(pattern=r"^https://")
    aws: bool


class Dated(_Strict):
    event: str = Field(min_length=3)
    date: str = Field(pattern=r"^\d{4}-\d{2}(-\d{2})?$")
    source: str | list[str]

    @field_validator("date", mode="before")
    @classmethod
    def _as_text(cls, value):
        return value.isoformat() if isinstance(value, date) else value


class Format(_Strict):
    questions: int = Field(ge=1, le=200)
    scored: int = Field(ge=1, le=200)
    minutes: int | None = Field(default=None, ge=1, le=600)  # None: not published (see Exams.pace)
    passing: int
    scale_min: int
    scale_max: int
    question_types: list[Literal[QUESTION_TYPES]] = Field(min_length=1)
    source: str | list[str]

    @model_validator(mode="after")
    def _consistent(self):
        if self.scored > self.questions:
            raise FieldError("scored", f"{self.scored} scored questions is more than the {self.questions} in the exam")
        if not self.scale_min < self.passing <= self.scale_max:
            raise FieldError("passing", f"pass mark {self.passing} is outside the scale {self.scale_min}–{self.scale_max}")
        return self

    @property
    def unscored(self) -> int:
        return self.questions - self.scored


class Skill(_Strict):
    """A numbered skill of a task ("1.1.7"); `new` where AWS lists it as an addition to the previous version."""
    id: str = Field(pattern=SKILL_ID)
    text: str = Field(min_length=5)
    new: bool = False
    source: str | list[str]


class Task(_Strict):
    id: str = Field(pattern=r"^\d\.\d+$")
    name: str = Field(min_length=5)
    skills: list[str | Skill] = []  # plain text where the guide does not number them (MLA-C01), else Skill

    @model_validator(mode="after")
    def _skills_in_task(self):
        for skill in self.numbered:
            if skill.id.rsplit(".", 1)[0] != self.id:
                raise FieldError("skills", f"skill {skill.id} is listed under task {self.id}")
        return self

    @property
    def numbered(self) -> list[Skill]:
        return [s for s in self.skills if isinstance(s, Skill)]


class Fact(_Strict):
    """A fact about an exam with its source, for what the format fields cannot hold (a beta's figures, conflicts)."""
    label: str = Field(min_length=3)
    value: str = Field(min_length=3)
    source: str | list[str]


class DeletedItem(_Strict):
    task: str = Field(pattern=r"^\d\.\d+$")  # the previous version's task it was under
    text: str = Field(min_length=10)
    entries: list[str] = []  # catalog entries that teach only this item: they do not serve this exam


class Deleted(_Strict):
    source: str | list[str]
    items: list[DeletedItem] = Field(min_length=1)


class Domain(_Strict):
    number: int = Field(ge=1, le=9)
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=5)
    weight: int = Field(ge=1, le=100)
    tasks: list[Task] = []

    @model_validator(mode="after")
    def _tasks_in_domain(self):
        for task in self.tasks:
            if not task.id.startswith(f"{self.number}."):
                raise FieldError("tasks", f"task {task.id} is listed under domain {self.number}")
        return self


class Domains(_Strict):
    source: str | list[str]
    items: list[Domain] = Field(min_length=1)


class Service(_Strict):
    name: str = Field(min_length=2)
    catalog: str | None = None  # the catalog id of its section; None: not covered yet
    note: str | None = None


class ServiceGroup(_Strict):
    name: str = Field(min_length=2)
    items: list[Service] = Field(min_length=1)


class Services(_Strict):
    source: str | list[str]
    groups: list[ServiceGroup] = Field(min_length=1)


class Mapping(_Strict):
    """Map this exam from another: {this exam's domain number: that exam's domain numbers}, and, where the source
    says so, {this exam's task id: that exam's task ids}; what no task maps to is mapped at domain level."""
    source_exam: str = Field(alias="from")
    domains: dict[str, str | list[str]]
    tasks: dict[str, str | list[str]] = {}
    note: str | None = None


class Exam(_Strict):
    code: str = Field(pattern=r"^[A-Z]{3}-C\d\d$")
    name: str = Field(min_length=5)
    short: str = Field(min_length=3)
    status: Literal["current", "beta", "replaced", "retired"]
    sources: dict[str, Source] = Field(min_length=1)
    dates: list[Dated] = []
    facts: list[Fact] = []
    deleted: Deleted | None = None
    format: Format
    domains: Domains
    services: Services | None = None
    mapping: Mapping | None = None

    @model_validator(mode="after")
    def _consistent(self):
        for field, keys in [("format", refs(self.format.source)), ("domains", refs(self.domains.source)),
                            ("services", refs(self.services.source) if self.services else []),
                            *[(f"dates[{i}]", refs(d.source)) for i, d in enumerate(self.dates)],
                            *[(f"facts[{i}]", refs(f.source)) for i, f in enumerate(self.facts)],
                            ("deleted", refs(self.deleted.source) if self.deleted else []),
                            *[(f"skills {k.id}", refs(k.source)) for t in self.tasks.values() for k in t.numbered]]:
            unknown = [r for r in keys if r not in self.sources]
            if unknown:
                raise FieldError(field, f"source '{unknown[0]}' is not listed under 'sources'")
        items = self.domains.items
        total = sum(d.weight for d in items)
        if total != 100:
            raise FieldError("domains", f"domain weights add up to {total}, not 100")
        for attr in ("number", "id"):
            values = [getattr(d, attr) for d in items]
            if len(set(values)) != len(values):
                raise FieldError("domains", f"two domains have the same {attr}")
        tasks = [t.id for d in items for t in d.tasks]
        if len(set(tasks)) != len(tasks):
            raise FieldError("domains", "a task id is listed twice")
        skills = [k.id for d in items for t in d.tasks for k in t.numbered]
        if len(set(skills)) != len(skills):
            raise FieldError("domains", "a skill id is listed twice")
        if self.mapping:
            unknown = [n for n in self.mapping.domains if n not in self.numbers]
            unknown += [t for t in self.mapping.tasks if t not in self.tasks]
            if unknown:
                raise FieldError("mapping", f"'{unknown[0]}' is not a domain or task of {self.code}")
        return self

    @property
    def numbers(self) -> list[str]:
        return [str(d.number) for d in self.domains.items]

    @property
    def tasks(self) -> dict[str, Task]:
        return {t.id: t for d in self.domains.items for t in d.tasks}

    @property
    def skills(self) -> dict[str, Skill]:
        """Numbered skills by id ("1.1.7"), in guide order."""
        return {k.id: k for d in self.domains.items for t in d.tasks for k in t.numbered}

    def domain(self, ref: str) -> Domain:
        """The domain of a task id or domain number."""
        number = int(ref.split(".")[0])
        return next(d for d in self.domains.items if d.number == number)

    def asks(self, question) -> bool:
        """Whether this exam asks a question of this type (a case-study part only where it has case studies)."""
        kind = {"single": "multiple-choice", "multiple": "multiple-response"}.get(question.type, question.type)
        types = self.format.question_types
        return kind in types and (not question.case or "case-study" in types)

    def domain_by_id(self, domain_id: str) -> Domain | None:
        return next((d for d in self.domains.items if d.id == domain_id), None)

    @property
    def third_party(self) -> bool:
        """True when any fact rests on a source that is not AWS's."""
        return any(not s.aws for s in self.sources.values())

    def sources_of(self, ref: str | list[str]) -> list[Source]:
        return [self.sources[r] for r in refs(ref)]


@dataclass(frozen=True)
class Exams:
    items: dict[str, Exam]

    def __iter__(self):
        return iter(self.items.values())

    def __getitem__(self, code: str) -> Exam:
        return self.items[code]

    def __contains__(self, code: str) -> bool:
        return code in self.items

    @property
    def default(self) -> Exam:
        """What a learner studies for until they choose: the first current exam, else the first in beta."""
        for status in ("current", "beta"):
            found = next((e for e in self if e.status == status), None)
            if found:
                return found
        return next(iter(self))

    @property
    def explicit(self) -> list[Exam]:
        """Exams every page and question must map to by hand (not the legacy one, not derived ones)."""
        return [e for e in self if e.code != LEGACY and e.mapping is None]

    def pace(self, exam: Exam) -> tuple[int, str]:
        """Minutes for a full practice set, and the exam whose published time they come from: an exam whose
        time is not published borrows the pace of the exam it is mapped from."""
        if exam.format.minutes:
            return exam.format.minutes, exam.code
        other = self.items.get(exam.mapping.source_exam) if exam.mapping else None
        if other is None or not other.format.minutes:
            raise DataError(FOLDER, exam.code, "format.minutes", "no time published and no exam to borrow a pace from")
        return round(other.format.minutes * exam.format.questions / other.format.questions), other.code

    def check_ids(self, code: str, ids: list[str], file: str, item: str | None, field: str = "exams") -> None:
        if code not in self.items:
            raise DataError(file, item, field, f"unknown exam '{code}' (known: {', '.join(self.items)})")
        exam = self.items[code]
        if not ids and not exam.skills:
            raise DataError(file, item, field, f"no task or domain listed for {code}")
        for ref in ids:
            if ref not in exam.tasks and ref not in exam.numbers and ref not in exam.skills:
                kind = "skill" if ref.count(".") == 2 else "task or domain"
                raise DataError(file, item, field, f"'{ref}' is not a {kind} of {code}")

    def resolve(self, explicit: dict[str, list[str]], legacy: list[str], file: str, item: str | None,
                required: bool = True) -> dict[str, list[str]]:
        """The full mapping of one page, entry or question: every exam code -> its task or domain ids."""
        out: dict[str, list[str]] = {}
        for code, ids in explicit.items():
            ids = [str(i) for i in refs(ids)]
            self.check_ids(code, ids, file, item)
            out[code] = ids  # an empty list: does not serve that exam (kept, so nothing derives a mapping)
        if legacy and LEGACY in self.items and LEGACY not in out:
            self.check_ids(LEGACY, legacy, file, item, "domain")
            out[LEGACY] = legacy
        for exam in self:
            if exam.mapping and exam.code not in out and exam.mapping.source_exam in out:
                derived = self._derive(exam.mapping, out[exam.mapping.source_exam])
                if derived:
                    out[exam.code] = derived
        out = {code: ids for code, ids in out.items() if ids}
        if required and not any(code != LEGACY for code in out):
            codes = ", ".join(e.code for e in self if e.code != LEGACY)
            raise DataError(file, item, "exams", f"no mapping to a current exam: add exams: {{CODE: [task or skill ids]}} ({codes})")
        return out

    @staticmethod
    def _derive(mapping: Mapping, ids: list[str]) -> list[str]:
        """This exam's ids for the source exam's ids: tasks through `tasks`, the rest through `domains`."""
        out: list[str] = []
        for ref in ids:
            hits = [t for t, froms in mapping.tasks.items() if ref in {str(f) for f in refs(froms)}]
            if not hits:
                hits = [n for n, froms in mapping.domains.items() if ref.split(".")[0] in {str(f) for f in refs(froms)}]
            out += [h for h in hits if h not in out]
        return out


def load_exams(root: Path, catalog_ids: set[str] | None = None) -> Exams:
    """Every file in data/exams/, validated; in-scope services must name existing catalog ids."""
    items: dict[str, Exam] = {}
    where: dict[str, str] = {}
    files = sorted((root / FOLDER).glob("*.yml"))
    if not files:
        raise DataError(FOLDER, None, None, "no exam files")
    for path in files:
        name = path.relative_to(root).as_posix()
        raw = read_yaml(path, root)
        label = raw.get("code") if isinstance(raw, dict) and isinstance(raw.get("code"), str) else path.stem
        exam = validate(Exam, raw, name, label)
        if exam.code in items:
            raise DataError(name, exam.code, "code", "another exam file has the same code")
        if catalog_ids is not None and exam.services:
            for group in exam.services.groups:
                for service in group.items:
                    if service.catalog is not None and service.catalog not in catalog_ids:
                        raise DataError(name, exam.code, "services",
                                        f"'{service.name}' names catalog id '{service.catalog}', which does not exist")
                    if service.catalog is None and exam.status != "retired" and not (service.note or "").strip():
                        raise DataError(name, exam.code, "services.note",
                                        f"'{service.name}' has no section (catalog: null): say why in a `note:`")
        if catalog_ids is not None and exam.deleted:
            for deleted in exam.deleted.items:
                unknown = [e for e in deleted.entries if e not in catalog_ids]
                if unknown:
                    raise DataError(name, exam.code, "deleted.entries", f"'{unknown[0]}' is not a catalog id")
        items[exam.code] = exam
        where[exam.code] = name
    for exam in items.values():
        if exam.mapping:
            other = items.get(exam.mapping.source_exam)
            if other is None:
                raise DataError(where[exam.code], exam.code, "mapping",
                                f"maps from unknown exam '{exam.mapping.source_exam}'")
            for froms in [*exam.mapping.domains.values(), *exam.mapping.tasks.values()]:
                for ref in refs(froms):
                    if str(ref) not in other.numbers and str(ref) not in other.tasks:
                        raise DataError(where[exam.code], exam.code, "mapping",
                                        f"'{ref}' is not a domain of {other.code}")
    return Exams(items)
