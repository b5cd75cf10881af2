"""MkDocs glue: mkdocs-macros loads this package and calls define_env once per build.

Keep this file thin: it only wires page context into the plain functions of the sibling modules.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import az, corrections, glossary, home, jinja_guard, linkcheck, search_index, sections
from . import cheatsheet as cheatsheets
from . import practice, progress
from . import compare as compare_tables
from . import quiz as quizzes
from .links import rel
from .domains import page_domain
from .errors import DataError
from .pages import nav_order
from .site import load_site


def define_env(env):
    root = Path(env.project_dir)
    try:
        data = load_site(root)
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    env.variables["site_data"] = data
    directory_urls = bool(env.conf["use_directory_urls"])  # the offline build turns them off

    def here() -> str:
        return env.page.file.src_uri

    @env.macro
    def service(entry_id: str, level: int = 2) -> str:
        """Heading and fact card of a catalog entry's one section."""
        entry = data.catalog.get(entry_id, f"docs/{here()}")
        data.mark_rendered("section", entry.id, entry.page, here())
        tables = [compare_tables.Placement(t, None) for t in data.comparisons.tables_with(entry.id)]
        compared_in = [(p.title, rel(p.page, here(), p.anchor)) for p in tables]
        related = [(e.name, rel(e.page, here(), e.id)) for e in data.catalog.by_family(entry.family) if e.id != entry.id]
        facts = [(label, compare_tables.cell(value, data.catalog, here())) for label, value in compare_tables.fact_rows(entry, data.comparisons)]
        return sections.service_section(entry, level, compared_in, related, facts)

    @env.macro
    def link(entry_id: str, text: str | None = None) -> str:
        """A Markdown link to an entry's section."""
        return sections.entry_link(data.catalog.get(entry_id, f"docs/{here()}"), here(), text)

    @env.macro
    def compare(table_id: str, view: str | None = None, level: int = 2) -> str:
        """A comparison table (or a family view of it) generated from the catalog."""
        placement = data.comparisons.placement(table_id, view, f"docs/{here()}")
        data.mark_rendered("table", placement.key, placement.page, here())
        return compare_tables.render_table(placement, data.comparisons, data.catalog, here(), level, directory_urls)

    @env.macro
    def compare_hub(level: int = 3) -> str:
        """Every comparison table, each under its own heading, for the Compare page."""
        return compare_tables.hub(data.comparisons, data.catalog, here(), data.titles(), directory_urls, level)

    @env.macro
    def compare_picker(label_id: str) -> str:
        """The Compare page's picker: 2 to 4 catalog entries side by side (`label_id`: the heading naming it)."""
        return compare_tables.picker(data.comparisons, data.catalog, here(), label_id, directory_urls)

    @env.macro
    def correction(correction_id: str) -> str:
        item = data.corrections.get(correction_id)
        if item is None:
            raise DataError(f"docs/{here()}", correction_id, "correction", "unknown correction id")
        data.mark_rendered("correction", item.id, item.page, here())
        return corrections.correction_block(item)

    @env.macro
    def corrections_list() -> str:
        return corrections.corrections_table(list(data.corrections.values()), here(), data.titles())

    @env.macro
    def services_az() -> str:
        names = {d.id: d.name for d in data.domains.values()}
        return az.services_az(data.catalog, here(), names, directory_urls)

    @env.macro
    def glossary_table() -> str:
        return glossary.glossary_table(data.glossary)

    @env.macro
    def domain_cards() -> str:
        counts: dict[str, int] = {}
        for meta in data.pages.values():
            if meta.get("domain"):
                counts[meta["domain"]] = counts.get(meta["domain"], 0) + 1
        return home.domain_cards(list(data.domains.values()), here(), counts)

    @env.macro
    def section_pages() -> str:
        """The pages under this landing page's folder, in nav order, with their descriptions."""
        folder = here().rsplit("/", 1)[0] + "/"
        ordered = [(src, data.pages[src]) for src in nav_order(env.conf["nav"] or []) if src in data.pages]
        return home.domain_page_list([(s, m) for s, m in ordered if s.startswith(folder)], here())

    @env.macro
    def section_exams() -> str:
        """Which domains of each exam this section's pages serve (filled in from data/exams/)."""
        return ""

    @env.macro
    def quiz(bank_id: str | None = None) -> str:
        """The quiz block of this page's question bank (or of a named bank)."""
        bank = data.banks.get(bank_id) if bank_id else data.bank_for(here())
        if bank is None:
            raise DataError(f"docs/{here()}", bank_id or here(), "quiz", "no question bank for this page in data/quizzes/")
        data.mark_rendered("quiz", bank.id, bank.page, here())
        return quizzes.quiz_block(bank, data.catalog, data.pages, here(), directory_urls)

    def banks_in_order():
        return practice.banks_in_nav_order(data.banks, nav_order(env.conf["nav"] or []))

    @env.macro
    def quiz_data() -> str:
        """All questions as JSON, for the progress and practice-exam pages."""
        return quizzes.quiz_data(banks_in_order(), data.catalog, data.pages, data.domains, data.practice_exam, here(),
                                 directory_urls)

    @env.macro
    def progress_page() -> str:
        """The progress page's skeleton and the data progress.js fills it from."""
        return progress.progress_page(banks_in_order(), data.pages, list(data.domains.values()), here(), directory_urls)

    @env.macro
    def exam_setup() -> str:
        """The practice exam's set-up form."""
        pages = [{"page": b.page, "title": data.pages[b.page].get("title", b.page)} for b in banks_in_order()]
        return practice.exam_setup(data.practice_exam, list(data.domains.values()), pages, question_count())

    @env.macro
    def practice_exam():
        return data.practice_exam

    @env.macro
    def question_count() -> int:
        return sum(len(b.questions) for b in data.banks.values())

    @env.macro
    def cheatsheet(sheet_id: str, level: int = 2) -> str:
        sheet = data.sheets.get(sheet_id)
        if sheet is None:
            raise DataError(f"docs/{here()}", sheet_id, "cheatsheet", "unknown cheat sheet id (see data/cheatsheets.yml)")
        domain = data.domains[sheet.domain]
        return cheatsheets.render_sheet(sheet, domain, data.catalog, data.comparisons,
                                        data.corrections_in(domain.id), here(), level)

    @env.macro
    def cheatsheet_all() -> str:
        """Every domain sheet on one page, for exam day."""
        parts = []
        for sheet in data.sheets.values():
            domain = data.domains[sheet.domain]
            parts.append(f"## Domain {domain.number}: {domain.name} {{ #{sheet.id} }}\n")
            parts.append(cheatsheet(sheet.id, level=3))
        return "\n".join(parts)

    @env.macro
    def cheatsheet_tools(sheet_id: str) -> str:
        """Print button, and a PDF link when `make pdf` has produced one."""
        has_pdf = (root / cheatsheets.PDF_DIR / f"{sheet_id}.pdf").is_file()
        return cheatsheets.tools(sheet_id, has_pdf, here(), directory_urls)

    @env.macro
    def cheatsheet_list() -> str:
        return cheatsheets.sheet_list(data.sheets, data.domains, here())

    @env.macro
    def catalog_count() -> int:
        return len(data.catalog)


def _loud(hook):
    """Turn DataError in a build hook into MkDocs' own clean error (no traceback)."""
    def wrapper(env):
        try:
            return hook(env)
        except DataError as exc:
            raise PluginError(str(exc)) from exc
    wrapper.__name__ = hook.__name__
    return wrapper


@_loud
def on_pre_page_macros(env):
    """Keep code literal, and put the exam-domain banner under the title of pages that declare a domain."""
    env.markdown = jinja_guard.protect_code(env.markdown)
    data = env.variables["site_data"]
    page = env.page
    domain = page_domain(data.domains, page.file.src_uri, page.meta)
    if domain is None:
        return
    tags = page.meta.setdefault("tags", [])
    tag = f"Domain {domain.number}: {domain.short}"
    if tag not in tags:
        tags.append(tag)
    banner = home.domain_banner(domain, page.file.src_uri, [str(t) for t in page.meta.get("tasks", [])])
    lines = env.markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            lines.insert(i + 1, "\n" + banner)
            break
    else:
        lines.insert(0, banner)
    env.markdown = "\n".join(lines)


@_loud
def on_post_build(env):
    problems = env.variables["site_data"].missing()
    if problems:
        raise PluginError("Catalog entries, corrections or tables missing from the pages:\n  " + "\n  ".join(problems))
    site_dir = Path(env.conf["site_dir"])
    cheatsheets.copy_pdfs(Path(env.project_dir), site_dir)
    broken, _ = linkcheck.broken_links(site_dir)
    if broken:
        raise PluginError("Broken links in the built site:\n  " + "\n  ".join(broken[:30]))
    search_index.rewrite(site_dir, env.variables["site_data"].catalog, bool(env.conf["use_directory_urls"]))

