"""Plain Markdown tables, wrapped at build time the way Material's bundle wraps them in the browser.

Material's bundle moves every `table:not([class])` into two wrapper <div>s (its scroll frame) when a page starts.
Moving a table drops its styles, so the browser restyled the table and everything after it: on the glossary and
My progress that was a third of the page's blocking time on a phone. Here the wrappers are in the HTML and the
table carries an empty `class` attribute, which Material's bundle skips. Material's table styles select
`table:not([class])`; `restyle` widens each such selector to `table:is(:not([class]),[class=""])`, which has the
same specificity, in Material's stylesheet and ours, so the cascade is unchanged.
"""
from __future__ import annotations

import re
from pathlib import Path

WRAP_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="">'
WRAP_CLOSE = "</table></div></div>"
PLAIN = "table:not([class])"
WIDENED = 'table:is(:not([class]),[class=""])'
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)  # Markdown tables do not nest


def prewrap(html: str) -> str:
    """Every attribute-less <table> inside Material's scroll frame, marked as already wrapped."""
    return _TABLE.sub(lambda m: WRAP_OPEN + m.group(1) + WRAP_CLOSE, html)


def restyle(css: str) -> str:
    """CSS whose plain-table selectors also match the tables `prewrap` marked."""
    return css.replace(PLAIN, WIDENED)


def restyle_material(site_dir: str | Path) -> list[Path]:
    """Rewrite Material's built stylesheet(s) in place; the files that now style the wrapped tables (none means
    Material renamed them or its selectors). A file widened by an earlier build into the same folder counts."""
    styled = []
    for path in sorted((Path(site_dir) / "assets" / "stylesheets").glob("main.*.min.css")):
        text = path.read_text(encoding="utf-8")
        if PLAIN in text:
            text = restyle(text)
            path.write_text(text, encoding="utf-8")
        if WIDENED in text:
            styled.append(path)
    return styled
