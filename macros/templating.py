"""The Jinja environment of macros/templates/ and the one way the pages' raw HTML is rendered from it.

Imports nothing else from the package, so any feature module can use it without an import cycle.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def long_date(iso: str) -> str:
    """'2026-03-31' -> '31 March 2026' ('2027-01' -> 'January 2027'), as the site writes dates."""
    parts = [int(x) for x in iso.split("-")]
    month = f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {month}" if len(parts) == 3 else month


templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                        keep_trailing_newline=True)
templates.filters["long_date"] = long_date  # here, not in a feature module: every template may use it


def compact(html: str) -> str:
    """Drop blank lines: in Markdown a blank line ends a raw HTML block."""
    return "\n".join(line for line in html.splitlines() if line.strip())


def render(name: str, **context) -> str:
    """A template rendered as one raw HTML block (no blank lines)."""
    return compact(templates.get_template(name).render(**context))
