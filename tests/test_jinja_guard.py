"""Code that looks like Jinja is kept literal before mkdocs-macros renders the page."""
from __future__ import annotations

import jinja2

from macros.jinja_guard import protect_code


def _render(markdown: str) -> str:
    return jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(protect_code(markdown)).render(x=1)


def test_fenced_and_inline_code_stay_literal_while_prose_macros_run():
    src = "Value {{ x }}\n\n```json\n{\"a\": \"{{ y }}\"} {# c #} {% t %}\n```\n\nInline `{{ z }}` and `plain`.\n"
    out = _render(src)
    assert "Value 1" in out
    assert '{"a": "{{ y }}"} {# c #} {% t %}' in out
    assert "`{{ z }}`" in out and "`plain`" in out


def test_author_raw_blocks_are_not_wrapped_twice():
    src = "{% raw %}\n```\n{{ y }}\n```\n{% endraw %}\n"
    assert _render(src).strip() == "```\n{{ y }}\n```"


def test_tilde_fences_and_unclosed_fences():
    assert "{{ y }}" in _render("~~~\n{{ y }}\n~~~\n")
    assert "{{ y }}" in _render("```\n{{ y }}\n")
