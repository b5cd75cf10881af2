"""MkDocs glue: mkdocs-macros loads this package and calls define_env once per build.

Keep this file thin: it only wires page context into the plain functions of the sibling modules.
"""
from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import az, corrections, exam_views, glossary, home, jinja_guard, linkcheck, search_index, sections
from . import cheatsheet as cheatsheets
from . import anki_deck, cards, practice, progress, review
from . import what_changed as what_changed_page
from . import compare as compare_tables
from . import quiz as quizzes
from .links import rel
from .urls import href, page_url
from .domains import page_domain
from .errors import DataError
from .pages import nav_order
from .site import load_site


RELATED_MAX = 12  # a "Related" line longer than this is a list nobody reads


def define_env(env):
    root = Path(env.project_dir)
    try:
        data = load_site(root)
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    env.variables["site_data"] = data
    # For the theme's head script and tag partial: which exams exist and which one a learner starts with.
    env.conf["extra"]["exam_choice"] = {"codes": [e.code for e in data.exams], "default": data.exams.default.code}
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
        family = [e for e in data.catalog.by_family(entry.family) if e.id != entry.id]
        if len(family) > RELATED_MAX:  # a large family (generative AI): the sections beside it on its own page
            family = [e for e in family if e.page == entry.page]
        related = [(e.name, rel(e.page, here(), e.id)) for e in family]
        facts = [(label, compare_tables.cell(value, data.catalog, here())) for label, value in compare_tables.fact_rows(entry, data.comparisons)]
        dropped_by = [(e.code, e.mapping.source_exam if e.mapping else "Earlier versions") for e in data.exams
                      if e.deleted and any(entry.id in d.entries for d in e.deleted.items)]
        return sections.service_section(entry, level, compared_in, related, facts, dropped_by)

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
        return az.services_az(data.catalog, here(), directory_urls)

    @env.macro
    def what_changed() -> str:
        """Every availability change the catalog records, newest first, with sources and affected questions."""
        return what_changed_page.page_html(data.catalog, banks_in_order(), date.today().isoformat(), here(), directory_urls)

    @env.macro
    def glossary_table() -> str:
        return glossary.glossary_table(data.glossary)

    @env.macro
    def section_cards() -> str:
        """One card per stage of the ML lifecycle: the nav's landing pages that declare a `card_icon:`."""
        nav = nav_order(env.conf["nav"] or [])
        cards = []
        for landing in (s for s in nav if s.endswith("/index.md") and data.pages.get(s, {}).get("card_icon")):
            folder = landing.removesuffix("index.md")
            srcs = [s for s in nav if s.startswith(folder) and s != landing]
            meta = data.pages[landing]
            per_exam = []
            mapping = exam_views.folder_mapping(data.page_exams, srcs)
            for exam in (e for e in data.exams if e.code in mapping):
                numbers = sorted({exam.domain(r).number for r in mapping[exam.code]})
                per_exam.append((exam.code, f"{exam.code}: " + ", ".join(
                    f"domain {n} ({exam.domain(str(n)).weight}%)" for n in numbers)))
            cards.append({"landing": landing, "title": meta["title"], "description": meta.get("description", ""),
                          "icon": meta["card_icon"], "pages": len(srcs), "exams": per_exam})
        return home.section_cards(cards, here())

    @env.macro
    def section_pages() -> str:
        """The pages under this landing page's folder, in nav order, with their descriptions."""
        folder = here().rsplit("/", 1)[0] + "/"
        ordered = [(src, data.pages[src]) for src in nav_order(env.conf["nav"] or []) if src in data.pages]
        return home.domain_page_list([(s, m) for s, m in ordered if s.startswith(folder)], here())

    @env.macro
    def section_exams() -> str:
        """Which domains and tasks of each exam the pages of this landing page's folder serve."""
        folder = here().rsplit("/", 1)[0] + "/"
        srcs = [src for src in data.page_exams if src.startswith(folder)]
        return exam_views.banners(data.exams, exam_views.folder_mapping(data.page_exams, srcs), here(), directory_urls)

    @functools.cache  # the same for every page of a build
    def exam_payload() -> dict:
        by_question = {qid: {code: exam_views.primary_domain(data.exams[code], ids) for code, ids in m.items()}
                       for qid, m in data.question_exams.items()}
        return {"exams": [exam_views.exam_json(data.exams, e) for e in data.exams], "defaultExam": data.exams.default.code,
                "byQuestion": by_question}

    def exam_or_fail(code: str):
        if code not in data.exams:
            raise DataError(f"docs/{here()}", code, "exam", f"unknown exam (known: {', '.join(data.exams.items)})")
        return data.exams[code]

    @env.macro
    def exam_facts(code: str) -> str:
        """An exam's status, dates and format, each with its source."""
        return exam_views.facts_html(exam_or_fail(code))

    @env.macro
    def exam_coverage(code: str) -> str:
        """Per domain and task: the pages, sections and questions that serve it; per in-scope service, its section."""
        cov = exam_views.coverage(exam_or_fail(code), data.page_exams, data.entry_exams, data.question_exams,
                                  data.catalog, nav_order(env.conf["nav"] or []))
        return exam_views.coverage_html(cov, data.titles(), here(), directory_urls)

    @env.macro
    def exam_picker() -> str:
        return exam_views.exam_list_html(data.exams)

    @env.macro
    def exams_overview() -> str:
        return exam_views.overview_html(data.exams, here(), directory_urls)

    @env.macro
    def page_href(src: str, anchor: str | None = None) -> str:
        """A built URL to another page, for raw HTML in pages (works with and without directory URLs)."""
        if src not in data.pages:
            raise DataError(f"docs/{here()}", src, "page_href", "no such page under docs/")
        return href(src, here(), anchor, directory_urls)

    @env.macro
    def exams_list():
        return list(data.exams)

    @env.macro
    def exam_pace(code: str) -> dict:
        """{"minutes", "from"}: the practice exam's time for a full set of this exam (see Exams.pace)."""
        minutes, source = data.exams.pace(exam_or_fail(code))
        return {"minutes": minutes, "from": source}

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
        return quizzes.quiz_data(banks_in_order(), data.catalog, data.pages, exam_payload(), here(), directory_urls)

    @env.macro
    def progress_page() -> str:
        """The progress page's skeleton and the data progress.js fills it from."""
        return progress.progress_page(banks_in_order(), data.pages, data.exams, exam_payload()["byQuestion"], here(),
                                      directory_urls)

    @env.macro
    def exam_setup() -> str:
        """The practice exam's set-up form."""
        # Each page option names the exams whose practice pool holds some of its questions (exam.js offers those).
        pages = [{"page": b.page, "title": data.pages[b.page].get("title", b.page),
                  "exams": [e.code for e in data.exams
                            if any(e.code in data.question_exams[q.id] and e.asks(q) for q in b.questions)]}
                 for b in banks_in_order()]
        paces = {e.code: data.exams.pace(e)[0] for e in data.exams}
        return practice.exam_setup(list(data.exams), paces, data.exams.default, pages, question_count())

    @env.macro
    def question_count() -> int:
        return sum(len(b.questions) for b in data.banks.values())

    @env.macro
    def cheatsheet(sheet_id: str, level: int = 2) -> str:
        sheet = data.sheets.get(sheet_id)
        if sheet is None:
            raise DataError(f"docs/{here()}", sheet_id, "cheatsheet", "unknown cheat sheet id (see data/cheatsheets.yml)")
        return cheatsheets.render_sheet(sheet, data.sheet_members(sheet), data.catalog, data.comparisons,
                                        data.sheet_corrections(sheet), here(), level)

    @env.macro
    def cheatsheet_all(exam: str | None = None) -> str:
        """Every domain sheet of one exam (the default one: the first current exam) on one page, for exam day."""
        exam = exam or data.exams.default.code
        parts = []
        for sheet in (s for s in data.sheets.values() if s.exam == exam):
            parts.append(f"## {cheatsheets.sheet_label(sheet, data.exams[exam])} {{ #{sheet.id} }}\n")
            parts.append(cheatsheet(sheet.id, level=3))
        if not parts:
            raise DataError(f"docs/{here()}", exam, "cheatsheet_all", "no cheat sheets for this exam in data/cheatsheets.yml")
        return "\n".join(parts)

    @env.macro
    def cheatsheet_tools(sheet_id: str) -> str:
        """Print button, and a PDF link when `make pdf` has produced one."""
        has_pdf = (root / cheatsheets.PDF_DIR / f"{sheet_id}.pdf").is_file()
        return cheatsheets.tools(sheet_id, has_pdf, here(), directory_urls)

    @env.macro
    def cheatsheet_list() -> str:
        return cheatsheets.sheet_list(data.sheets, data.exams, data.exams.default.code, here())

    @env.macro
    def exam_format(code: str) -> str:
        """One line: the exam's format with its sources."""
        return exam_views.format_line(exam_or_fail(code), data.exams)

    @env.macro
    def review_page() -> str:
        """The flashcard review: the panel review.js runs and the whole deck as readable tables."""
        return review.review_page(data.cards, nav_order(env.conf["nav"] or []), data.titles(), data.exams, here(),
                                  anki_deck.DECK_FILE, directory_urls)

    @env.macro
    def review_summary() -> str:
        """One line saying what flashcards are due (filled in by review.js), for Home and My progress."""
        return review.review_summary(data.cards, data.exams, here(), directory_urls)

    @env.macro
    def card_count() -> int:
        return len(data.cards)

    @env.macro
    def catalog_count() -> int:
        return len(data.catalog)


def publish_review_files(env, site_dir: Path) -> None:
    """The missed-question cards the review page loads, and the Anki deck it links to; then check that every
    card's section exists in the built pages."""
    data = env.variables["site_data"]
    directory_urls = bool(env.conf["use_directory_urls"])
    banks = practice.banks_in_nav_order(data.banks, nav_order(env.conf["nav"] or []))
    script = site_dir / review.QUESTIONS_SCRIPT
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(review.question_cards_js(banks, data.titles(), data.exams, data.question_exams,
                                               "practice/review.md", directory_urls), encoding="utf-8")
    anki_deck.write_deck(data.cards, data.exams, env.conf["site_url"] or "", site_dir / review.DOWNLOADS / anki_deck.DECK_FILE)
    anchors = functools.cache(lambda src: linkcheck.scan(site_dir / built_file(src, directory_urls)).ids)
    cards.check_links(data.cards, anchors)


def built_file(src: str, directory_urls: bool) -> str:
    """The HTML file a docs/ page is written to."""
    url = page_url(src, directory_urls)
    return url + "index.html" if directory_urls else url


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
    page_domain(data.domains, page.file.src_uri, page.meta)  # checks the legacy `domain:` of notes pages
    mapping = data.page_exams.get(page.file.src_uri)
    if not mapping or page.file.src_uri.endswith("index.md"):
        return  # landing pages show their section's mapping in the text ({{ section_exams() }})
    tags = page.meta.setdefault("tags", [])
    tags += [t for t in exam_views.tags_for(data.exams, mapping) if t not in tags]
    banner = exam_views.banners(data.exams, mapping, page.file.src_uri, bool(env.conf["use_directory_urls"]))
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
    publish_review_files(env, site_dir)
    broken, _ = linkcheck.broken_links(site_dir)
    if broken:
        raise PluginError("Broken links in the built site:\n  " + "\n  ".join(broken[:30]))
    search_index.rewrite(site_dir, env.variables["site_data"].catalog, bool(env.conf["use_directory_urls"]))

