"""Comparison tables: plain function calls on the data, one source shared with the fact cards, escaping."""
from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from markupsafe import escape

from macros import compare
from macros.compare import NOT_APPLICABLE, PICK_MOST, Placement, cell, cell_html, fact_rows, hub, picker, render_table
from macros.errors import DataError
from macros.site import load_site
from macros.sections import service_section


def _shape(text: str) -> tuple[int, list[int]]:
    """Header cells, and the cells of each body row, of a rendered table."""
    body = text.split("<tbody>", 1)[1]
    return text.split("</thead>")[0].count('<th scope="col">'), [row.count("<td") + row.count("<th") for row in body.split("<tr>")[1:]]


def test_at_least_ten_tables_each_rendered_without_mkdocs(site_data):
    tables = site_data.comparisons.tables
    assert len(tables) >= 10
    for table in tables.values():
        html = render_table(Placement(table, None), site_data.comparisons, site_data.catalog, table.page)
        head, rows = _shape(html)
        assert head == len(table.columns) + 1 and rows == [head] * len(table.rows), table.id
        assert "\n\n" not in html.split("\n", 2)[2].strip(), table.id  # a blank line would end the raw HTML block


def test_views_show_only_their_family(site_data):
    table = site_data.comparisons.tables["algorithms"]
    for view in table.views:
        html = render_table(Placement(table, view), site_data.comparisons, site_data.catalog, view.page)
        expected = [site_data.catalog.entries[r].name for r in table.rows if site_data.catalog.entries[r].family == view.family]
        assert re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a>', html) == [str(escape(n)) for n in expected], view.id


def test_compare_page_counts_match_the_tables_it_shows(site_data):
    comps = site_data.comparisons
    md = hub(comps, site_data.catalog, "compare.md", site_data.titles())
    stated = [tuple(map(int, m)) for m in re.findall(r"<small>(\d+) rows × (\d+) columns", md)]
    shown = [_shape(part) for part in md.split("<details")[1:]]
    assert len(stated) == len(shown) == len(comps.tables)
    for table, (rows, cols), (head, body) in zip(comps.tables.values(), stated, shown):
        assert (rows, cols) == (len(table.rows), len(table.columns) + 1) == (len(body), head), table.id


def test_picker_lists_every_compared_entry_and_carries_its_facts_as_escaped_html(site_data):
    comps, catalog = site_data.comparisons, site_data.catalog
    out = picker(comps, catalog, "compare.md", "pick")
    data = json.loads(html.unescape(re.search(r'data-json="([^"]*)"', out).group(1)))
    rows = [r for t in comps.tables.values() for r in t.rows if isinstance(r, str)]
    assert [e["id"] for e in data["entries"]] == rows
    assert re.findall(r'name="pick" value="([^"]+)"', out) == rows
    assert 2 <= data["most"] == PICK_MOST
    for e in data["entries"]:
        labels: dict[str, str] = {}  # values of alike-named attributes are joined, in attribute order
        for k, a in comps.attributes.items():
            if k in comps.facts[e["id"]]:
                v = comps.facts[e["id"]][k]
                labels[a.label] = f"{labels[a.label]}; {v}" if a.label in labels else v
        assert set(e["facts"]) == set(labels) and set(labels) <= set(data["rows"])
        for label, value in labels.items():
            assert e["facts"][label] == cell_html(value, catalog, "compare.md"), (e["id"], label)


def test_a_script_in_a_fact_stays_text_in_tables_and_picker_data(project):
    path = project / "data" / "facts" / "kinesis.yml"
    path.write_text(path.read_text().replace("Real time (well under a second from put to get)", '<script>alert("x")</script>'))
    data = load_site(project)
    table = render_table(Placement(data.comparisons.tables["kinesis"], None), data.comparisons, data.catalog, "compare.md")
    out = picker(data.comparisons, data.catalog, "compare.md", "pick")
    for text in (table, out):
        assert "<script>" not in text
    value = json.loads(html.unescape(re.search(r'data-json="([^"]*)"', out).group(1)))["entries"]
    assert any("&lt;script&gt;" in v for e in value for v in e["facts"].values())


def test_every_row_and_reference_is_a_catalog_id_and_every_cell_is_filled(site_data):
    comps = site_data.comparisons
    for table in comps.tables.values():
        for row in table.rows:
            values = comps.facts[row] if isinstance(row, str) else row.values
            if isinstance(row, str):
                assert row in site_data.catalog.entries
            for key in table.columns:
                assert values[key].strip(), (table.id, row, key)
                for ref in compare.REF.finditer(values[key]):
                    assert ref.group(1) in site_data.catalog.entries


def test_each_table_lists_the_services_it_compares_in_their_sections(site, site_data):
    from sitetools import page_file, section_text
    for table in site_data.comparisons.tables.values():
        for row in table.rows:
            if isinstance(row, str):
                entry = site_data.catalog.entries[row]
                text = section_text(page_file(site, entry.page), entry.id)
                assert f"Compared in: " in text and table.title in text, (table.id, row)


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def test_one_source_a_changed_fact_changes_table_and_fact_card(project):
    path = project / "data" / "facts" / "kinesis.yml"
    path.write_text(path.read_text().replace("Real time (well under a second from put to get)", "Changed latency value"))
    data = load_site(project)
    entry = data.catalog.entries["kinesis-data-streams"]
    table = render_table(Placement(data.comparisons.tables["kinesis"], None), data.comparisons, data.catalog, entry.page)
    card = service_section(entry, facts=fact_rows(entry, data.comparisons))
    assert "Changed latency value" in table and "Changed latency value" in card


def test_a_script_in_a_value_renders_as_text(site_data):
    value = '<script>alert("x")</script> and [[data-firehose]] | pipe'
    out = cell(value, site_data.catalog, "data-preparation/kinesis.md")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "[Amazon Data Firehose](#data-firehose)" in out
    assert "&#124;" in out  # a pipe cannot break the Markdown table
    out = cell_html(value, site_data.catalog, "model-development/training.md")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '<a href="../../data-preparation/kinesis/#data-firehose">Amazon Data Firehose</a>' in out


def test_not_applicable_is_marked(site_data):
    assert 'class="na"' in cell(NOT_APPLICABLE, site_data.catalog, "data-preparation/index.md")


def test_empty_cell_and_unknown_reference_are_data_errors(project):
    path = project / "data" / "facts" / "kinesis.yml"
    original = path.read_text()
    path.write_text(original.replace("    transformation: n/a\n", "    transformation: ''\n"))
    with pytest.raises(DataError) as info:
        load_site(project)
    assert info.value.item == "kinesis-video-streams" and info.value.field == "facts.transformation"
    path.write_text(original.replace("[[managed-flink]]", "[[managed-flinq]]", 1))
    with pytest.raises(DataError) as info:
        load_site(project)
    assert "managed-flinq" in str(info.value)
