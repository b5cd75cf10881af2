"""Bad data stops the build with a message naming the file, the item and the field."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from macros.catalog import load_catalog
from macros.errors import DataError
from macros.site import load_site

GOOD = """\
- id: alpha-service
  name: Amazon Alpha
  aliases: [ALP]
  kind: service
  family: storage
  domain: data-engineering
  page: data-preparation/kinesis.md
  summary: A test service used only by these tests.
  status_checked: "2026-12-07"
"""

CHANGE = """  changes:
    - change: closed
      date: "2026-07-30"
      note: No longer open to new customers.
      source: {title: "Alpha availability change", url: "https://docs.aws.amazon.com/alpha/latest/dg/change.html"}
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of data/ and docs/ to break on purpose."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def _write(project: Path, text: str, name: str = "zz-test.yml") -> None:
    (project / "data" / "catalog" / name).write_text(text, encoding="utf-8")


def _error(project: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_site(project)
    return info.value


def test_good_extra_entry_loads(project):
    _write(project, GOOD)
    assert "alpha-service" in load_site(project).catalog.entries


def test_a_closed_entry_with_its_dated_change_loads(project):
    _write(project, GOOD + "  status: closed\n" + CHANGE)
    entry = load_site(project).catalog.entries["alpha-service"]
    assert entry.status_label == "Closed to new customers" and entry.changes[0].label == "Closed to new customers"


@pytest.mark.parametrize(("text", "item", "field", "phrase"), [
    (GOOD + "  - oops: [\n", None, None, "YAML syntax error"),
    (GOOD.replace("  summary: A test service used only by these tests.\n", ""), "alpha-service", "summary", "Field required"),
    (GOOD.replace("kind: service", "kind: gadget"), "alpha-service", "kind", "Input should be"),
    (GOOD.replace("aliases: [ALP]", "aliases: ALP"), "alpha-service", "aliases", "valid list"),
    (GOOD.replace("id: alpha-service", "id: Alpha Service"), "Alpha Service", "id", "pattern"),
    (GOOD + GOOD, "alpha-service", "id", "duplicate id"),
    (GOOD.replace("[ALP]", "[KDS]"), "alpha-service", "aliases", "already a name or alias of 'kinesis-data-streams'"),
    (GOOD.replace("domain: data-engineering", "domain: cooking"), "alpha-service", "domain", "unknown domain"),
    (GOOD.replace("data-preparation/kinesis.md", "data-engineering/nowhere.md"), "alpha-service", "page", "does not exist"),
    (GOOD.replace("  status", "  status").replace("summary:", "status: gone\n  summary:"), "alpha-service", "status", "Input should be"),
    (GOOD.replace("kind: service", "kind: service\n  colour: blue"), "alpha-service", "colour", "Extra inputs"),
    # Availability: when it was last checked, and a dated change with its AWS source behind every status.
    (GOOD.replace('  status_checked: "2026-12-07"\n', ""), "alpha-service", "status_checked", "Field required"),
    (GOOD.replace('"2026-12-07"', '"07/12/2026"'), "alpha-service", "status_checked", "pattern"),
    (GOOD + "  status: closed\n", "alpha-service", "changes", "needs a dated change"),
    (GOOD + "  status: closed\n" + CHANGE.replace("      note:", "      part: Alpha Streams\n      note:"), "alpha-service",
     "changes", "needs a dated change of the whole entry"),
    (GOOD + CHANGE.replace("docs.aws.amazon.com", "example.com"), "alpha-service", "changes.0.source.url", "pattern"),
    (GOOD + CHANGE.replace("change: closed", "change: vanished"), "alpha-service", "changes.0.change", "Input should be"),
    (GOOD + CHANGE.replace('"2026-07-30"', "soon"), "alpha-service", "changes.0.date", "pattern"),
])
def test_bad_catalog_data_is_named(project, text, item, field, phrase):
    _write(project, text)
    err = _error(project)
    assert err.file == "data/catalog/zz-test.yml"
    assert err.item == item
    assert err.field == field
    assert phrase in str(err)
    assert str(err).startswith("data/catalog/zz-test.yml")


def test_duplicate_id_across_files_names_both(project):
    _write(project, GOOD.replace("alpha-service", "kinesis-data-streams").replace("[ALP]", "[]").replace("Amazon Alpha", "Alpha"))
    err = _error(project)
    assert err.item == "kinesis-data-streams" and "data/catalog/data-engineering.yml" in str(err)


def test_alias_that_differs_only_in_case_collides(project):
    _write(project, GOOD.replace("[ALP]", "[kds]"))
    assert _error(project).field == "aliases"


def test_bad_correction_is_named(project):
    (project / "data" / "corrections" / "zz.yml").write_text(
        "- id: broken\n  page: data-preparation/kinesis.md\n  kind: correction\n  topic: Something\n  notes_said: x y z\n  correct: a b c\n",
        encoding="utf-8")
    err = _error(project)
    assert (err.file, err.item, err.field) == ("data/corrections/zz.yml", "broken", "sources")


def test_bad_domain_weights(project):
    path = project / "data" / "domains.yml"
    path.write_text(path.read_text().replace("weight: 20", "weight: 25", 1), encoding="utf-8")
    err = _error(project)
    assert err.file == "data/domains.yml" and err.field == "weight"


def test_unknown_catalog_id_in_a_page_is_named(site_data):
    with pytest.raises(DataError) as info:
        site_data.catalog.get("kinesis-data-stream", "docs/x.md")
    assert "unknown catalog id 'kinesis-data-stream'" in str(info.value)
    assert "kinesis-data-streams" in str(info.value)  # suggestion


def test_catalog_loads_without_mkdocs():
    catalog = load_catalog(ROOT)
    assert catalog.get("data-firehose").aliases
