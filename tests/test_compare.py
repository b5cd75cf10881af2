"""Comparison tables: plain function calls on the data, one source shared with the fact cards, escaping."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from macros import compare
from macros.compare import NOT_APPLICABLE, Placement, cell, fact_rows, render_table
from macros.errors import DataError
from macros.site import load_site
from macros.sections import service_section


def test_at_least_ten_tables_each_rendered_without_mkdocs(site_data):
    tables = site_data.comparisons.tables
    assert len(tables) >= 10
    for table in tables.values():
        md = render_table(Placement(table, None), site_data.comparisons, site_data.catalog, table.page)
        rows = [line for line in md.splitlines() if line.startswith("| ")]
        assert len(rows) == len(table.rows) + 2, table.id  # header, separator, one line per row
        assert all(line.count(" | ") >= len(table.columns) for line in rows), table.id


def test_views_show_only_their_family(site_data):
    table = site_data.comparisons.tables["algorithms"]
    for view in table.views:
        md = render_table(Placement(table, view), site_data.comparisons, site_data.catalog, view.page)
        expected = [r for r in table.rows if site_data.catalog.entries[r].family == view.family]
        assert len([line for line in md.splitlines() if line.startswith("| [")]) == len(expected), view.id


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
    out = cell('<script>alert("x")</script> and [[data-firehose]] | pipe', site_data.catalog, "data-engineering/kinesis.md")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "[Amazon Data Firehose](#data-firehose)" in out
    assert "&#124;" in out  # a pipe cannot break the Markdown table


def test_not_applicable_is_marked(site_data):
    assert 'class="na"' in cell(NOT_APPLICABLE, site_data.catalog, "eda/index.md")


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
