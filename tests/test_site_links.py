"""Crawl the built site: every internal href/src resolves to a file, and every #anchor to an id in it."""
from __future__ import annotations

from macros.linkcheck import EXTERNAL, broken_links
from sitetools import parse


def test_every_internal_link_and_anchor_resolves(site):
    problems, checked = broken_links(site)
    assert checked > 1000, f"only {checked} links checked: the crawler is not seeing the site"
    assert not problems, "\n".join(problems[:50])


def test_link_checker_reports_a_missing_anchor_and_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a>'
                                               '<a href="#gone">bad</a><a href="../b/">missing</a>')
    problems, checked = broken_links(tmp_path)
    assert checked == 3
    assert len(problems) == 2
    assert "no element with id 'gone'" in problems[0] and "no such file" in problems[1]


def test_no_resource_is_loaded_from_outside_the_site(site):
    outside = [f"{page.relative_to(site)}: {url}" for page in site.rglob("*.html")
               for attr, url in parse(page).links if attr == "src" and url.startswith(EXTERNAL[:2] + ("//",))]
    assert not outside, "\n".join(outside)
