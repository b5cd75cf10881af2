"""MkDocs glue: mkdocs-macros loads this package and calls define_env once per build.

Keep this file thin: it only wires page context into the plain functions of the sibling modules.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import az, corrections, glossary, home, sections
from .domains import page_domain
from .errors import DataError
from .pages import nav_order, page_index
from .site import load_site


def define_env(env):
    root = Path(env.project_dir)
    try:
        data = load_site(root)
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    env.variables["site_data"] = data

    def here() -> str:
        return env.page.file.src_uri

    @env.macro
    def service(entry_id: str, level: int = 2) -> str:
        """Heading and fact card of a catalog entry's one section."""
        entry = data.catalog.get(entry_id, f"docs/{here()}")
        data.mark_rendered("section", entry.id, entry.page, here())
        return sections.service_section(entry, level)

    @env.macro
    def link(entry_id: str, text: str | None = None) -> str:
        """A Markdown link to an entry's section."""
        return sections.entry_link(data.catalog.get(entry_id, f"docs/{here()}"), here(), text)

    @env.macro
    def correction(correction_id: str) -> str:
        item = data.corrections.get(correction_id)
        if item is None:
            raise DataError(f"docs/{here()}", correction_id, "correction", "unknown correction id")
        data.mark_rendered("correction", item.id, item.page, here())
        return corrections.correction_block(item)

    @env.macro
    def corrections_list() -> str:
        titles = {src: meta.get("title", src) for src, meta in page_index(root / "docs").items()}
        return corrections.corrections_table(list(data.corrections.values()), here(), titles)

    @env.macro
    def services_az() -> str:
        names = {d.id: d.name for d in data.domains.values()}
        return az.services_az(data.catalog, here(), names)

    @env.macro
    def glossary_table() -> str:
        return glossary.glossary_table(data.glossary)

    @env.macro
    def domain_cards() -> str:
        counts: dict[str, int] = {}
        for meta in page_index(root / "docs").values():
            if meta.get("domain"):
                counts[meta["domain"]] = counts.get(meta["domain"], 0) + 1
        return home.domain_cards(list(data.domains.values()), here(), counts)

    @env.macro
    def domain_pages() -> str:
        """The pages of the current page's domain, in nav order, with their descriptions."""
        index = page_index(root / "docs")
        domain = env.page.meta.get("domain")
        ordered = [(src, index[src]) for src in nav_order(env.conf["nav"] or []) if src in index]
        return home.domain_page_list([(s, m) for s, m in ordered if m.get("domain") == domain], here())

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
    """Put the exam-domain banner under the title of every page that declares a domain."""
    data = env.variables["site_data"]
    page = env.page
    domain = page_domain(data.domains, page.file.src_uri, page.meta)
    if domain is None:
        return
    banner = home.domain_banner(domain, page.file.src_uri, [str(t) for t in page.meta.get("tasks", [])])
    lines = env.markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            lines.insert(i + 1, "\n" + banner)
            break
    else:
        lines.insert(0, banner)
    env.markdown = "\n".join(lines)


def on_post_build(env):
    problems = env.variables["site_data"].missing()
    if problems:
        raise PluginError("Catalog entries or corrections missing from the pages:\n  " + "\n  ".join(problems))

