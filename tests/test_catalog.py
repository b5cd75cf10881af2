"""Catalog integrity against the built site: one section per entry, names and aliases findable there."""
from __future__ import annotations

from collections import Counter

from macros.catalog import normalise
from sitetools import page_file, parse, section_text, squash

MIN_ENTRIES = 70


def test_catalog_is_large_enough_and_ids_unique(site_data):
    ids = [e.id for e in site_data.catalog]
    assert len(ids) >= MIN_ENTRIES, f"only {len(ids)} catalog entries"
    assert len(set(ids)) == len(ids)


def test_no_two_entries_share_a_name_or_alias(site_data):
    labels = Counter(normalise(label) for e in site_data.catalog for label in {normalise(n) for n in e.names})
    shared = [label for label, count in labels.items() if count > 1]
    assert not shared


def test_every_entry_has_one_section_with_its_names(site, site_data):
    problems = []
    for entry in site_data.catalog:
        html = page_file(site, entry.page)
        text = section_text(html, entry.id)
        if text is None:
            problems.append(f"{entry.id}: no heading #{entry.id} on {entry.page}")
            continue
        lowered = text.casefold()
        for label in entry.names:
            if label.casefold() not in lowered:
                problems.append(f"{entry.id}: '{label}' not in its section text")
        if entry.summary.casefold()[:40] not in lowered:
            problems.append(f"{entry.id}: summary not shown in its section")
    assert not problems, "\n".join(problems)


def test_anchor_appears_once_across_the_site(site, site_data):
    counts = Counter()
    for page in site.rglob("*.html"):
        if "404" in page.name:
            continue
        ids = parse(page).ids
        for entry in site_data.catalog:
            if entry.id in ids and page == page_file(site, entry.page):
                counts[entry.id] += 1
    missing = [e.id for e in site_data.catalog if counts[e.id] != 1]
    assert not missing


def test_a_to_z_lists_and_links_every_entry(site, site_data):
    page = page_file(site, "start/services.md")
    doc = parse(page)
    hrefs = [url for attr, url in doc.links if attr == "href"]
    text = squash(doc.text_so_far())
    for entry in site_data.catalog:
        assert any(url.endswith(f"#{entry.id}") for url in hrefs), f"A–Z has no link to {entry.id}"
        assert entry.name in text


def test_non_current_entries_show_their_status(site, site_data):
    stale = [e for e in site_data.catalog if e.status != "current"]
    assert stale, "the notes cover retired services; the catalog should mark some"
    for entry in stale:
        text = section_text(page_file(site, entry.page), entry.id)
        assert entry.status_label in text, f"{entry.id} does not show '{entry.status_label}'"
