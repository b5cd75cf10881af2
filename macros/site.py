"""Everything the build needs from data/, loaded and cross-checked once per build."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog, load_catalog
from .cheatsheet import Sheet, load_sheets
from .compare import Comparisons, load_comparisons
from .corrections import Correction, load_corrections
from .domains import Domain, load_domains
from .errors import DataError
from .exams import Exam, load_exams
from .glossary import load_glossary
from .pages import page_index
from .quiz import Bank, load_banks


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
    exams: dict[str, Exam]
    # Filled while pages render, checked after the build:
    rendered_sections: dict[str, str] = field(default_factory=dict)
    rendered_corrections: dict[str, str] = field(default_factory=dict)
    rendered_tables: dict[str, str] = field(default_factory=dict)
    rendered_quizzes: dict[str, str] = field(default_factory=dict)

    def titles(self) -> dict[str, str]:
        return {src: meta.get("title", src) for src, meta in self.pages.items()}

    def corrections_in(self, domain_id: str) -> list[Correction]:
        return [c for c in self.corrections.values() if self.pages.get(c.page, {}).get("domain") == domain_id]

    @property
    def practice_exam(self) -> Exam:
        """The exam whose format the practice exam follows."""
        return next(iter(self.exams.values()))

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
    sheets = load_sheets(root, set(domains), comparisons)
    for file, items, field in (("data/corrections", corrections.values(), "page"),
                               ("data/domains.yml", domains.values(), "landing"),
                               ("data/cheatsheets.yml", sheets.values(), "page")):
        for item in items:
            if getattr(item, field) not in pages:
                raise DataError(file, item.id, field, f"page '{getattr(item, field)}' does not exist under docs/")
    banks = load_banks(root, catalog, set(domains), pages)
    return SiteData(root, domains, catalog, corrections, load_glossary(root), comparisons, pages, banks, sheets,
                    load_exams(root))


def _view_arg(placement) -> str:
    return f', view=\"{placement.view.id}\"' if placement.view else ""
