"""MkDocs hooks (mkdocs.yml `hooks:`): the last rewrites of a page's HTML. The logic lives in plain modules of
the `macros` package; this file only calls them, so the theme layer stays thin."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path, not as a package

from macros import abbreviations, data_tables, page_assets  # noqa: E402


def on_page_content(html, page, config, files):
    html = abbreviations.first_use_only(html, explain=page.meta.get("abbreviations", True))
    html = data_tables.prewrap(html)  # Material's table frame from the build, not moved into it in the browser
    return page_assets.finish(html, page.url, config["site_dir"])  # the page's scripts; its data island moved out


def on_files(files, config):
    """Our stylesheets as one generated file (macros/page_assets.py BUNDLE), written with the site's other assets."""
    from mkdocs.structure.files import File
    text = data_tables.restyle(page_assets.bundle_styles(Path(config["theme"].custom_dir) / "assets" / "stylesheets"))
    files.append(File.generated(config, page_assets.BUNDLE, content=text))
    return files


def on_post_build(config):
    """Material's own table styles, widened to the tables wrapped at build time (macros/data_tables.py)."""
    if not data_tables.restyle_material(config["site_dir"]):
        raise SystemExit("hooks/page.py: no Material stylesheet (assets/stylesheets/main.*.min.css) styles "
                         "table:not([class]) any more; macros/data_tables.py needs a look")
