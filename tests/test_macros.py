"""The macros are plain functions of the data: tested here without MkDocs."""
from __future__ import annotations

from macros.catalog import Entry
from macros.corrections import Correction, Source, correction_block, corrections_table
from macros.links import rel
from macros.sections import entry_link, service_section
from macros.az import sort_key

EVIL = "<script>alert(1)</script>"


def _entry(**overrides) -> Entry:
    fields = dict(id="demo", name="Amazon Demo", aliases=["DMO"], kind="service", family="storage",
                  domain="data-engineering", page="data-preparation/kinesis.md", summary="Demo summary text.",
                  status_checked="2026-12-07")
    fields.update(overrides)
    return Entry(**fields)


def test_section_heading_carries_anchor_aliases_status_and_summary():
    closed = {"change": "closed", "date": "2023-04", "note": "Closed to new customers.",
              "source": {"title": "Demo availability change", "url": "https://docs.aws.amazon.com/demo/change.html"}}
    out = service_section(_entry(status="closed", status_date="2023-04", status_note="use X", changes=[closed]))
    assert out.startswith("## Amazon Demo { #demo .svc-heading }")
    assert "Also known as: DMO\n{: .svc-meta data-search-exclude }" in out  # the aliases, left out of search
    assert "Closed to new customers (2023-04): use X" in out
    assert "Demo summary text." in out


def test_data_values_are_escaped_in_sections_links_and_corrections():
    out = service_section(_entry(name=f"Demo {EVIL}", aliases=[EVIL], summary=f"Sum {EVIL}"))
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<script>" not in entry_link(_entry(name=EVIL), "data-preparation/index.md")
    fix = Correction(id="x", page="data-preparation/index.md", kind="correction", topic=EVIL, notes_said=EVIL, correct=EVIL,
                     sources=[Source(title=EVIL, url="https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html")])
    assert "<script>" not in correction_block(fix)
    assert "<script>" not in corrections_table([fix], "start/corrections.md", {})


def test_table_cells_escape_pipes():
    fix = Correction(id="x", page="data-preparation/index.md", kind="correction", topic="a | b", notes_said="ccc", correct="ddd",
                     sources=[Source(title="eee", url="https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html")])
    row = corrections_table([fix], "start/corrections.md", {}).splitlines()[-1]
    assert row.count("|") == 6


def test_relative_links_between_pages():
    assert rel("data-preparation/kinesis.md", "start/services.md", "kds") == "../data-preparation/kinesis.md#kds"
    assert rel("data-preparation/kinesis.md", "data-preparation/kinesis.md", "kds") == "#kds"
    assert rel("index.md", "model-development/algorithms/text.md") == "../../index.md"


def test_a_to_z_sorts_without_vendor_prefix():
    names = ["Amazon SageMaker Canvas", "AWS Batch", "Amazon Comprehend", "XGBoost"]
    assert sorted(names, key=sort_key) == ["AWS Batch", "Amazon SageMaker Canvas", "Amazon Comprehend", "XGBoost"]
