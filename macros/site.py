"""Everything the build needs from data/, loaded and cross-checked once per build."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .cards import Card, build_cards, load_cards_file
from .catalog import Catalog, load_catalog
from .cheatsheet import Sheet, load_sheets
from .compare import Comparisons, load_comparisons
from .corrections import Correction, load_corrections
from .domains import Domain, load_domains
from .errors import DataError
from .exams import LEGACY, Exams, load_exams
from .glossary import load_glossary
from .domains import GENERAL_FOLDERS
from .pages import page_index
from .quiz import Bank, load_banks
from .catalog import NOT_OPEN
from .status import StatusRule, in_scope, restrict_pools, source_entry
from .section_keywords import SectionKeywords, load as load_section_keywords


@dataclass
class SiteData:
    root: Path
    domains: dict[str, Domain]
    catalog: Catalog
    corrections: dict[str, Correction]
    glossary: dict[str, str]
    comparisons: Comparisons
    pages: dict[str, dict]
    banks: dict[str, Bank]
    sheets: dict[str, Sheet]
    exams: Exams
    # Per page, catalog entry and question: exam code -> task or domain ids (macros/exams.py):
    page_exams: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    entry_exams: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    question_exams: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    cards: list[Card] = field(default_factory=list)  # the flashcards (macros/cards.py), in deck order
    section_keywords: list[SectionKeywords] = field(default_factory=list)  # search keywords of other sections
    # Filled while pages render, checked after the build:
    rendered_sections: dict[str, str] = field(default_factory=dict)
    rendered_corrections: dict[str, str] = field(default_factory=dict)
    rendered_tables: dict[str, str] = field(default_factory=dict)
    rendered_quizzes: dict[str, str] = field(default_factory=dict)

    def titles(self) -> dict[str, str]:
        return {src: meta.get("title", src) for src, meta in self.pages.items()}

    def sheet_domain(self, sheet: Sheet):
        return self.exams[sheet.exam].domain_by_id(sheet.domain) if sheet.domain else None

    def _on_sheet(self, sheet: Sheet, mapping: dict[str, list[str]]) -> bool:
        """An item sits on the sheet of the domain of its first task (or domain) id for the sheet's exam, so an
        entry taught under several domains appears once; a topic sheet (no domain) takes all of the exam's."""
        ids = mapping.get(sheet.exam)
        return bool(ids) and (sheet.domain is None or self.exams[sheet.exam].domain(ids[0]).id == sheet.domain)

    @staticmethod
    def _in_folders(sheet: Sheet, page: str) -> bool:
        return (not sheet.folders or page.startswith(tuple(sheet.folders))) and not page.startswith(tuple(sheet.exclude_folders))

    def sheet_members(self, sheet: Sheet) -> list:
        return [e for e in self.catalog if e.page not in sheet.exclude_pages and self._on_sheet(sheet, self.entry_exams[e.id])
                and self.catalog.files[e.id] not in sheet.exclude_catalogs and self._in_folders(sheet, e.page)]

    def sheet_corrections(self, sheet: Sheet) -> list[Correction]:
        return [c for c in self.corrections.values() if self._on_sheet(sheet, self.page_exams.get(c.page, {}))
                and self._in_folders(sheet, c.page)]

    def bank_for(self, page: str) -> Bank | None:
        return next((b for b in self.banks.values() if b.page == page), None)

    def mark_rendered(self, kind: str, item_id: str, expected_page: str, page: str) -> None:
        """Each section and correction appears exactly once, on the page the data names."""
        seen = {"section": self.rendered_sections, "correction": self.rendered_corrections,
                "table": self.rendered_tables, "quiz": self.rendered_quizzes}[kind]
        if page != expected_page:
            raise DataError(f"docs/{page}", item_id, "page",
                            f"{kind} '{item_id}' belongs on docs/{expected_page}, not here")
        if item_id in seen:
            raise DataError(f"docs/{page}", item_id, None, f"{kind} '{item_id}' rendered twice")
        seen[item_id] = page

    def missing(self) -> list[str]:
        problems = [f"data/catalog: entry '{e.id}' has no section: add {{{{ service(\"{e.id}\") }}}} to docs/{e.page}"
                    for e in self.catalog if e.id not in self.rendered_sections]
        problems += [f"{c.id}: correction not shown: add {{{{ correction(\"{c.id}\") }}}} to docs/{c.page}"
                     for c in self.corrections.values() if c.id not in self.rendered_corrections]
        problems += [f"{self.comparisons.files[p.table.id]}: table '{p.key}' not shown: add {{{{ compare(\"{p.table.id}\"{_view_arg(p)}) }}}} to docs/{p.page}"
                     for p in self.comparisons.placements() if p.key not in self.rendered_tables]
        problems += [f"{b.file}: quiz not shown: add {{{{ quiz() }}}} to docs/{b.page}"
                     for b in self.banks.values() if b.id not in self.rendered_quizzes]
        return problems


def load_site(root: Path) -> SiteData:
    docs = root / "docs"
    pages = page_index(docs)
    domains = load_domains(root)
    catalog = load_catalog(root, set(domains), docs)
    corrections = load_corrections(root)
    comparisons = load_comparisons(root, catalog)
    exams = load_exams(root, {e.id for e in catalog})
    sheets = load_sheets(root, exams, comparisons)
    for file, items, field in (("data/corrections", corrections.values(), "page"),
                               ("data/domains.yml", domains.values(), "landing"),
                               ("data/cheatsheets.yml", sheets.values(), "page")):
        for item in items:
            if getattr(item, field) not in pages:
                raise DataError(file, item.id, field, f"page '{getattr(item, field)}' does not exist under docs/")
    for sheet in sheets.values():
        for src in sheet.exclude_pages:
            if src not in pages:
                raise DataError("data/cheatsheets.yml", sheet.id, "exclude_pages", f"page '{src}' does not exist under docs/")
        for file in sheet.exclude_catalogs:
            if file not in set(catalog.files.values()):
                raise DataError("data/cheatsheets.yml", sheet.id, "exclude_catalogs", f"no catalog file '{file}'")
    banks = load_banks(root, catalog, set(domains), pages)
    data = SiteData(root, domains, catalog, corrections, load_glossary(root), comparisons, pages, banks, sheets, exams)
    map_to_exams(data)
    data.cards = build_cards(load_cards_file(root, comparisons), catalog, comparisons, corrections, pages, exams,
                             data.page_exams, data.entry_exams)
    data.section_keywords = load_section_keywords(root)
    return data


REQUIRE_MAPPING = True  # every notes page and question maps to each exam that is mapped by hand


def map_to_exams(data: SiteData) -> None:
    """Resolve and check the exam mapping of every page, catalog entry and question."""
    exams, domains = data.exams, data.domains
    if LEGACY in exams:
        legacy_ids = [d.id for d in exams[LEGACY].domains.items]
        if legacy_ids != list(domains):
            raise DataError("data/domains.yml", None, "id", f"domains {list(domains)} differ from {LEGACY}'s {legacy_ids}")

    def legacy(domain_id: str | None, tasks: list | None = None) -> list[str]:
        if tasks:
            return [str(t) for t in tasks]
        return [str(domains[domain_id].number)] if domain_id in domains else []

    for src, meta in data.pages.items():
        explicit = meta.get("exams") or {}
        if not isinstance(explicit, dict):
            raise DataError(f"docs/{src}", None, "exams", "expected a mapping of exam code to task ids")
        in_section = "/" in src and not src.startswith(GENERAL_FOLDERS)
        if explicit or meta.get("domain") or in_section:
            data.page_exams[src] = exams.resolve(explicit, legacy(meta.get("domain"), meta.get("tasks")), f"docs/{src}",
                                                 None, required=REQUIRE_MAPPING and in_section)
    rule = StatusRule(data.catalog)
    named = {e.code: in_scope(e, exams, data.catalog) for e in exams}
    dropped = {e.code: {i for d in e.deleted.items for i in d.entries} for e in exams if e.deleted}
    for entry in data.catalog:
        page_map = {code: ids for code, ids in data.page_exams.get(entry.page, {}).items() if code != LEGACY}
        explicit = entry.exams or page_map
        mapping = exams.resolve(explicit, legacy(entry.domain), data.catalog.files[entry.id], entry.id,
                                required=REQUIRE_MAPPING)
        # A section claims an exam only where it teaches something the exam still asks: not a deleted item, and
        # not a service closed to new customers that the exam does not name.
        for code in [c for c in mapping if c != LEGACY]:
            if entry.id in dropped.get(code, ()) or (entry.status in NOT_OPEN and entry.id not in named[code]):
                del mapping[code]
        data.entry_exams[entry.id] = narrow_to_skills(mapping, data.page_exams.get(entry.page, {}), exams)
    for bank in data.banks.values():
        for q in bank.questions:
            mapping = exams.resolve(q.exams, legacy(q.domain), bank.file, q.id, required=REQUIRE_MAPPING)
            mapping = restrict_pools(mapping, q, rule.check(q, bank.file), exams, named)
            source = source_entry(q, data.catalog)
            for code in [c for c in mapping if source is not None and source.id in dropped.get(c, ())]:
                del mapping[code]
            data.question_exams[q.id] = narrow_to_skills(mapping, data.page_exams.get(bank.page, {}), exams)


def narrow_to_skills(mapping: dict[str, list[str]], page_map: dict[str, list[str]], exams: Exams) -> dict[str, list[str]]:
    """For an exam with numbered skills, an item mapped at task or domain level (MLA-C02 derived from MLA-C01)
    takes the skills its page names within those tasks; with none there (or a page that opts out with an empty
    list), it does not serve the exam."""
    for exam in exams:
        ids = mapping.get(exam.code)
        if not exam.skills or not ids or all(i in exam.skills for i in ids):
            continue
        page_skills = [k for k in page_map.get(exam.code, []) if k in exam.skills]
        wide = [i for i in ids if i not in exam.skills]
        keep = [i for i in ids if i in exam.skills]
        keep += [k for k in page_skills if k not in keep and any(k.startswith(w + ".") for w in wide)]
        if keep:
            mapping[exam.code] = keep
        else:
            del mapping[exam.code]
    return mapping


def _view_arg(placement) -> str:
    return f', view=\"{placement.view.id}\"' if placement.view else ""
