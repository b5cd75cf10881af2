"""Plain Markdown tables arrive inside Material's scroll frame (macros/data_tables.py), styled as Material styles
its own, and Material's bundle no longer moves them when a page starts (which restyled the rest of the page)."""
from __future__ import annotations

import pytest

from macros import data_tables

TABLE = "<table>\n<thead><tr><th>A</th></tr></thead>\n<tbody><tr><td>1</td></tr></tbody>\n</table>"


def test_plain_tables_are_wrapped_and_marked_and_others_left_alone():
    html = f"<p>x</p>{TABLE}<p>y</p>{TABLE}<table class=\"compare\"><tr><td>c</td></tr></table>"
    out = data_tables.prewrap(html)
    assert out.count(data_tables.WRAP_OPEN) == 2 and out.count(data_tables.WRAP_CLOSE) == 2
    assert '<table class="compare"><tr><td>c</td></tr></table>' in out  # a styled table of ours is not Material's
    assert "<table>" not in out
    assert data_tables.prewrap(out) == out  # a page run through twice is not wrapped twice


def test_material_selectors_are_widened_with_the_same_specificity():
    css = ".md-typeset table:not([class]) td{padding:1em}.md-typeset table.compare{x:y}"
    out = data_tables.restyle(css)
    assert out == '.md-typeset table:is(:not([class]),[class=""]) td{padding:1em}.md-typeset table.compare{x:y}'


@pytest.mark.browser
def test_a_wrapped_table_looks_like_materials_own_and_is_not_moved_at_start(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.add_init_script("""window.__moved = 0;
new MutationObserver(rs => rs.forEach(r => r.removedNodes.forEach(n => { if (n.nodeName === "TABLE") window.__moved++; })))
  .observe(document, {childList: true, subtree: true});""")
    page.goto(base_url + "start/glossary/")
    page.wait_for_load_state("load")
    tables = page.locator("article table:not(.compare)")
    assert tables.count() >= 1
    assert page.locator("article .md-typeset__scrollwrap > .md-typeset__table > table").count() == tables.count()
    assert page.locator("article .md-typeset__scrollwrap .md-typeset__scrollwrap").count() == 0
    assert page.evaluate("window.__moved") == 0, "Material's bundle moved a table when the page started"
    # Material's own styling for a plain table, inserted now (Material wraps only at start), against ours.
    look = """t => { const c = getComputedStyle(t), d = getComputedStyle(t.querySelector('td'));
      return [c.display, c.fontSize, c.borderTopWidth, c.borderTopStyle, c.borderRadius, d.padding, d.borderTopWidth]; }"""
    plain = page.evaluate(f"""() => {{ const t = document.createElement('table'); t.innerHTML = '<tbody><tr><td>x</td><td>y</td></tr><tr><td>x</td><td>y</td></tr></tbody>';
      document.querySelector('article').append(t); return ({look})(t); }}""")
    assert tables.first.evaluate(look) == plain
    page.close()


def test_the_built_material_stylesheet_styles_the_wrapped_tables(site):
    (main,) = (site / "assets" / "stylesheets").glob("main.*.min.css")
    text = main.read_text(encoding="utf-8")
    assert data_tables.PLAIN not in text and text.count(data_tables.WIDENED) >= 10  # Material's table rules


def test_restyling_material_twice_keeps_working_and_a_stylesheet_without_table_rules_is_refused(tmp_path):
    """`make serve` builds again into the same folder: a stylesheet already widened must not stop the build, and
    one with no table rules at all (Material renamed them) must."""
    folder = tmp_path / "assets" / "stylesheets"
    folder.mkdir(parents=True)
    main = folder / "main.abc.min.css"
    main.write_text(".md-typeset table:not([class]){display:inline-block}", encoding="utf-8")
    assert data_tables.restyle_material(tmp_path) == [main]
    assert data_tables.restyle_material(tmp_path) == [main]
    assert data_tables.PLAIN not in main.read_text(encoding="utf-8")
    main.write_text(".md-typeset table.data{display:inline-block}", encoding="utf-8")
    assert data_tables.restyle_material(tmp_path) == []
