"""Every catalog name and alias, typed into the real search box, puts that entry's section first."""
from __future__ import annotations

import pytest

from search_probe import run, summary

pytestmark = pytest.mark.browser


def test_every_name_and_alias_finds_its_section_first(page, base_url, site, site_data):
    results = run(page, base_url, site_data.catalog)
    report = summary(results, (site / "search" / "search_index.json").stat().st_size)
    print(report)
    assert len(results) >= 250
    misses = [r for r in results if not r.hit]
    assert not misses, report
    assert sum(r.latency_ms is not None for r in results) > 0.9 * len(results), "search did not respond to typing"


def test_quiz_text_is_not_in_the_search_index(site):
    import json
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "Check yourself" not in text
    assert "Which solution meets these requirements" not in text


def test_catalog_sections_carry_search_tags_and_other_sections_none(site, site_data):
    import json
    from macros.urls import page_url
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    catalog_locations = {f"{page_url(e.page)}#{e.id}" for e in site_data.catalog}
    for location in catalog_locations:
        assert docs[location].get("tags"), location
    stray = [loc for loc, d in docs.items() if "#" in loc and loc not in catalog_locations and d.get("tags")]
    assert not stray, stray[:5]
