"""MkDocs glue: mkdocs-macros loads this package, calls define_env once per build and the page and build hooks.

Keep this file thin: the page macros are registered per feature in macros/register/, and they only wire page
context into the plain functions of the sibling modules.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import cheatsheet, exam_views, jinja_guard, linkcheck, search_index
from .domains import page_domain
from .errors import DataError
from .register import cheatsheets, comparisons, exam_pages, landing, notes, practice_pages, reference, review_pages
from .register.build import Build
from .site import load_site

FEATURES = (notes, comparisons, reference, landing, exam_pages, practice_pages, review_pages, cheatsheets)


def define_env(env):
    try:
        data = load_site(Path(env.project_dir))
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    env.variables["site_data"] = data
    # For the theme's head script and tag partial: which exams exist and which one a learner starts with.
    env.conf["extra"]["exam_choice"] = {"codes": [e.code for e in data.exams], "default": data.exams.default.code}
    build = Build(env, data)
    for feature in FEATURES:
        feature.register(env, build)


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
    cheatsheet.copy_pdfs(Path(env.project_dir), site_dir)
    review_pages.publish(Build(env, env.variables["site_data"]), site_dir)
    broken, _ = linkcheck.broken_links(site_dir)
    if broken:
        raise PluginError("Broken links in the built site:\n  " + "\n  ".join(broken[:30]))
    data = env.variables["site_data"]
    search_index.rewrite(site_dir, data.catalog, data.section_keywords, bool(env.conf["use_directory_urls"]))

