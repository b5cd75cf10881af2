"""What the exam data looks like on the site: banners under page titles, page tags, the exams' facts with their
sources, coverage per exam, and the exam formats the practice exam and progress page read."""
from __future__ import annotations

from dataclasses import dataclass, field
from markupsafe import escape

from .catalog import Catalog, Entry, anchor
from .exams import STATUS_LABELS, Exam, Exams, refs
from .urls import href
from .templating import render, templates

Mapping = dict[str, list[str]]
COVERAGE_PAGE = "start/exams/{slug}.md"


def coverage_page(exam: Exam) -> str:
    return COVERAGE_PAGE.format(slug=exam.code.lower())


def task_anchor(ref: str) -> str:
    return ("task-" if "." in ref else "domain-") + ref.replace(".", "-")


def folder_mapping(page_exams: dict[str, dict[str, list[str]]], srcs: list[str]) -> dict[str, list[str]]:
    """The union of some pages' mappings: exam code -> sorted task or domain ids."""
    union: dict[str, set[str]] = {}
    for src in srcs:
        for code, ids in page_exams.get(src, {}).items():
            union.setdefault(code, set()).update(ids)
    return {code: sorted(ids) for code, ids in union.items()}


def primary_domain(exam: Exam, ids: list[str]) -> int:
    """The domain a question counts under for one exam: that of its first task (or domain) id."""
    return exam.domain(ids[0]).number


def exam_json(exams: Exams, exam: Exam) -> dict:
    """The format and domains of one exam, for exam.js and progress.js."""
    f = exam.format
    minutes, pace_from = exams.pace(exam)
    return {"code": exam.code, "name": exam.name, "short": exam.short, "status": exam.status,
            "questions": f.questions, "scored": f.scored, "minutes": minutes, "paceFrom": pace_from, "passing": f.passing,
            "scaleMin": f.scale_min, "scaleMax": f.scale_max, "types": f.question_types,
            "domains": [{"id": d.id, "number": d.number, "name": d.name, "weight": d.weight} for d in exam.domains.items]}


def exam_payload(exams: Exams, question_exams: dict[str, Mapping]) -> dict:
    """Every exam's format and each question's domain number per exam, for the quiz data and progress page."""
    by_question = {qid: {code: primary_domain(exams[code], ids) for code, ids in m.items()}
                   for qid, m in question_exams.items()}
    return {"exams": [exam_json(exams, e) for e in exams], "defaultExam": exams.default.code,
            "byQuestion": by_question}


def tags_for(exams: Exams, mapping: Mapping) -> list[str]:
    """One tag per exam and domain a page serves, e.g. "MLA-C01 · Domain 1: Data Preparation for ML"."""
    tags = []
    for exam in exams:
        for number in sorted({exam.domain(r).number for r in mapping.get(exam.code, [])}):
            tags.append(f"{exam.code} · Domain {number}: {exam.domain(str(number)).name}")
    return tags


def banners(exams: Exams, mapping: Mapping, from_page: str, directory_urls: bool = True) -> str:
    """The lines under a page title naming, for each exam, the domains and tasks the page serves.

    All are rendered; the page script shows the learner's chosen exam (all show without JavaScript)."""
    rows = []
    for exam in exams:
        ids = mapping.get(exam.code)
        if not ids:
            continue
        coverage = coverage_page(exam)
        parts = []
        for number in sorted({exam.domain(r).number for r in ids}):
            domain = exam.domain(str(number))
            tasks = [exam.tasks[r] for r in ids if r in exam.tasks and exam.domain(r).number == number]
            parts.append({"domain": domain, "href": href(coverage, from_page, task_anchor(str(number)), directory_urls),
                          "tasks": [{"task": t, "href": href(coverage, from_page, task_anchor(t.id), directory_urls)}
                                    for t in tasks]})
        rows.append({"exam": exam, "status": STATUS_LABELS[exam.status], "parts": parts,
                     "derived": exam.mapping is not None, "href": href(coverage, from_page, None, directory_urls)})
    if not rows:
        return ""
    return render("exam_banner.html", rows=rows,
                  choose=href("start/exams/index.md", from_page, "choose-exam", directory_urls)) + "\n"


@dataclass
class SkillCoverage:
    """One numbered skill: the pages, sections and questions mapped to it."""
    id: str
    text: str
    new: bool
    pages: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    questions: int = 0


@dataclass
class TaskCoverage:
    ref: str                       # task id, or domain number for domain-level exams
    name: str
    skills: list[str]              # the guide's unnumbered skills (MLA-C01)
    pages: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    questions: int = 0
    numbered: list[SkillCoverage] = field(default_factory=list)  # numbered skills (MLA-C02)


@dataclass
class DomainCoverage:
    number: int
    name: str
    weight: int
    rows: list[TaskCoverage]
    questions: int = 0


@dataclass
class ServiceRow:
    name: str
    entry: Entry | None
    note: str | None


@dataclass
class Coverage:
    exam: Exam
    domains: list[DomainCoverage]
    services: list[tuple[str, list[ServiceRow]]]

    @property
    def task_questions(self) -> bool:
        """Whether questions are mapped to this exam's tasks (not only to its domains)."""
        return any(r.questions for r in self.rows if "." in r.ref)

    @property
    def rows(self) -> list[TaskCoverage]:
        return [r for d in self.domains for r in d.rows]

    @property
    def questions(self) -> int:
        return sum(d.questions for d in self.domains)

    @property
    def skills(self) -> list[SkillCoverage]:
        return [k for r in self.rows for k in r.numbered]

    @property
    def taught(self) -> int:
        return sum(1 for r in self.rows if r.pages)

    @property
    def service_count(self) -> int:
        return sum(len(items) for _, items in self.services)

    @property
    def services_covered(self) -> int:
        return sum(1 for _, items in self.services for s in items if s.entry)


def coverage(exam: Exam, page_exams: dict[str, Mapping], entry_exams: dict[str, Mapping],
             question_exams: dict[str, Mapping], catalog: Catalog, nav: list[str]) -> Coverage:
    """Per domain and task of one exam: the pages and sections that teach it and its questions; per in-scope
    service, its section. Domain-level exams (no task statements) get one row per domain."""
    rank = {src: i for i, src in enumerate(nav)}
    domains = []
    for d in exam.domains.items:
        if d.tasks:
            rows = [TaskCoverage(t.id, t.name, [k for k in t.skills if isinstance(k, str)],
                                 numbered=[SkillCoverage(k.id, k.text, k.new) for k in t.numbered]) for t in d.tasks]
        else:
            rows = [TaskCoverage(str(d.number), d.name, [])]
        by_ref = {r.ref: r for r in rows}
        by_skill = {k.id: k for r in rows for k in r.numbered}

        def hits(ids: list[str], d=d, rows=rows, by_ref=by_ref) -> list[TaskCoverage]:
            if d.tasks:  # a skill id counts for its task (once, however many of its skills the item names)
                refs_ = dict.fromkeys(i if i.count(".") == 1 else i.rsplit(".", 1)[0] for i in ids)
                return [by_ref[t] for t in refs_ if t in by_ref]
            return rows if any(i.split(".")[0] == str(d.number) for i in ids) else []

        def skill_hits(ids: list[str], by_skill=by_skill) -> list[SkillCoverage]:
            return [by_skill[i] for i in ids if i in by_skill]
        for src in sorted(page_exams, key=lambda s: (rank.get(s, len(rank)), s)):
            ids = page_exams[src].get(exam.code, [])
            for row in [*hits(ids), *skill_hits(ids)]:
                row.pages.append(src)
        for entry in catalog:
            ids = entry_exams.get(entry.id, {}).get(exam.code, [])
            for row in [*hits(ids), *skill_hits(ids)]:
                row.entries.append(entry)
        count = 0
        for ids in question_exams.values():
            mine = ids.get(exam.code, [])
            for row in [*hits(mine), *skill_hits(mine)]:
                row.questions += 1
            if mine and primary_domain(exam, mine) == d.number:
                count += 1
        domains.append(DomainCoverage(d.number, d.name, d.weight, rows, count))
    services = []
    for group in exam.services.groups if exam.services else []:
        services.append((group.name, [ServiceRow(s.name, catalog.entries.get(s.catalog) if s.catalog else None, s.note)
                                      for s in group.items]))
    return Coverage(exam, domains, services)


def coverage_html(cov: Coverage, titles: dict[str, str], from_page: str, directory_urls: bool = True) -> str:
    def page_link(src: str) -> dict:
        return {"title": titles.get(src, src), "href": href(src, from_page, None, directory_urls)}

    def entry_link(entry: Entry) -> dict:
        return {"title": entry.name, "href": href(entry.page, from_page, anchor(entry), directory_urls)}
    # Not compacted: the template mixes Markdown headings with HTML blocks, which blank lines separate.
    return templates.get_template("exam_coverage.html").render(
        cov=cov, task_anchor=task_anchor, page_link=page_link, entry_link=entry_link,
        pct=lambda a, b: round(100 * a / b) if b else 0)


def facts_html(exam: Exam) -> str:
    """Status, dates and format of one exam, each with its source."""
    return render("exam_facts.html", exam=exam, status=STATUS_LABELS[exam.status]) + "\n"


def exam_list_html(exams: Exams) -> str:
    """The exam picker (it works once the page script runs)."""
    cards = [{"exam": e, "status": STATUS_LABELS[e.status]} for e in exams]
    return render("exam_list.html", cards=cards, default=exams.default) + "\n"


def overview_html(exams: Exams, from_page: str, directory_urls: bool = True) -> str:
    """One row per exam: status with its dates, format, and the sources of those facts."""
    rows = []
    for e in exams:
        keys = [*[r for d in e.dates for r in refs(d.source)], *refs(e.format.source)]
        sources = [e.sources[r] for r in dict.fromkeys(keys)]
        rows.append({"exam": e, "status": STATUS_LABELS[e.status], "sources": sources,
                     "href": href("start/exams/index.md", from_page, e.code.lower(), directory_urls)})
    return render("exam_overview.html", rows=rows) + "\n"


def format_line(exam: Exam, exams: Exams) -> str:
    """The exam's format in one Markdown line with its sources, for the exam-day sheet."""
    f = exam.format
    minutes, pace_from = exams.pace(exam)
    time = f"{minutes} minutes" + (f" (as {pace_from}; not published)" if pace_from else "")
    types = ", ".join(t.replace("-", " ") for t in f.question_types)
    sources = "; ".join(f"[{escape(s.title)}]({escape(s.url)})" + ("" if s.aws else " (third-party)")
                        for s in (exam.sources[r] for r in refs(f.source)))
    return (f"**{escape(exam.code)} format:** {f.questions} questions ({f.scored} scored, {f.unscored} unscored), "
            f"{time}; {escape(types)}; scaled score {f.scale_min:,}–{f.scale_max:,}, pass at {f.passing:,}. "
            f"Source: {sources}.")
