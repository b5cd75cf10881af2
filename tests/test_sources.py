"""Every "Source:" on a correction names a document by its title and links to it over https; no
repository path (a team file, a pull request, a *.md/*.yml file) ever reaches a published page.

Unit tests feed bad `sources` to the loader (as tests/test_data_errors.py does) and to the macros plugin
configured as the build configures it (tests/test_bad_input.py runs the real build command once for a data
error); site tests read the built pages through tests/sitetools.py.
"""
from __future__ import annotations

import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser import copy_project
from conftest import ROOT
from macros.corrections import SOURCE_HOSTS, Correction, Source, correction_block, source_links
from macros.errors import DataError
from macros.site import load_site
from sitetools import _Page, article_html, page_file

ZZ = "data/corrections/zz.yml"
GOOD_SOURCE = ('    - title: "Amazon Kinesis Video Streams Developer Guide: Amazon Kinesis Video Streams: How It Works"\n'
               "      url: https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/how-it-works.html\n")
GOOD = ("- id: broken\n  page: data-preparation/kinesis.md\n  kind: correction\n  topic: Something\n"
        "  notes_said: x y z\n  correct: a b c\n  sources:\n" + GOOD_SOURCE)
TITLE_LINE = '    - title: "Amazon Kinesis Video Streams Developer Guide: Amazon Kinesis Video Streams: How It Works"\n'
URL_LINE = "      url: https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/how-it-works.html\n"

# Repository references that must never be shown. A bare script name in prose (predictor.py, train.py in
# the container pages) is legitimate; a *.md or *.yml file, or a path to a *.py file, is not.
FORBIDDEN_WORDS = ("shared/reference", "aws-facts.md")
PULL_REQUEST = re.compile(r"\bpull request\s*#?\d+", re.IGNORECASE)
REPO_FILE = re.compile(r"\b[\w/-]+\.(?:md|ya?ml)\b|\b[\w-]+(?:/[\w.-]+)+\.py\b")
ANY_FILE = re.compile(r"\b[\w/-]+\.(?:md|ya?ml|py)\b")  # stricter, for the Source lines themselves


# --- unit: bad sources stop the loader with file, item and field -------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of data/ and docs/ to break on purpose."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def _error(project: Path, text: str) -> DataError:
    (project / ZZ).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_site(project)
    return info.value


def test_good_sources_load(project):
    (project / ZZ).write_text(GOOD, encoding="utf-8")
    item = load_site(project).corrections["broken"]
    assert [s.url for s in item.sources] == ["https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/how-it-works.html"]


@pytest.mark.parametrize(("old", "new", "field", "phrase"), [
    (TITLE_LINE, '    - title: "shared/reference/aws-facts.md"\n', "sources.0.title", "looks like a file or repository path"),
    (TITLE_LINE, '    - title: "aws/sagemaker-xgboost-container pull request 36"\n', "sources.0.title", "looks like a file"),
    (TITLE_LINE, '    - title: "Notes, data/corrections/training.yml"\n', "sources.0.title", "looks like a file"),
    (TITLE_LINE, '    - title: "   "\n', "sources.0.title", "must not be empty"),
    (URL_LINE, "      url: http://docs.aws.amazon.com/kinesisvideostreams/latest/dg/how-it-works.html\n",
     "sources.0.url", "must be an https:// address"),
    (URL_LINE, "      url: https://github.com/aws/sagemaker-xgboost-container/pull/36\n",
     "sources.0.url", "host 'github.com' is not an allowed source host"),
    (URL_LINE, "      url: https://docs.aws.amazon.com.example.net/x.html\n", "sources.0.url", "not an allowed source host"),
    (URL_LINE, URL_LINE + '    - title: "Second"\n      url: ftp://docs.aws.amazon.com/x\n', "sources.1.url", "https"),
    ("  sources:\n" + GOOD_SOURCE, "  sources: []\n", "sources", "at least 1"),
    ("  sources:\n" + GOOD_SOURCE, '  source: "Amazon Kinesis Video Streams Developer Guide"\n', "sources", "Field required"),
])
def test_bad_source_is_named(project, old, new, field, phrase):
    assert old in GOOD, "test set-up"
    err = _error(project, GOOD.replace(old, new))
    assert (err.file, err.item, err.field) == (ZZ, "broken", field)
    assert phrase in str(err)
    assert str(err).startswith(f"{ZZ}, item 'broken', field '{field}'")


def test_bad_source_stops_the_build(tmp_path, monkeypatch):
    """The same check where the build meets it: the macros plugin, configured from a copy's mkdocs.yml, refuses
    to start (a PluginError, which MkDocs reports and exits non-zero on; tests/test_bad_input.py runs the real
    command once for a data error) and names file, item and field."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError
    copy_project(tmp_path)
    rel = "data/corrections/data-engineering.yml"
    path = tmp_path / rel
    text = path.read_text(encoding="utf-8")
    old = TITLE_LINE
    assert old in text, "test set-up: kvs-one-producer's source not found"
    path.write_text(text.replace(old, '    - title: "shared/reference/aws-facts.md"\n', 1), encoding="utf-8")
    monkeypatch.setattr(sys, "path", list(sys.path))  # the plugin puts the project folder on sys.path
    config = load_config(str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as info:
        config.plugins["macros"].on_config(config)
    output = str(info.value)
    for phrase in (rel, "kvs-one-producer", "'sources.0.title'", "looks like a file or repository path"):
        assert phrase in output, f"{phrase!r} not in:\n{output[-3000:]}"


def _correction(sources: list[Source]) -> Correction:
    return Correction(id="x", page="data-preparation/index.md", kind="correction", topic="Topic", notes_said="said",
                      correct="true", sources=sources)


def test_one_source_is_labelled_source_and_several_sources():
    one = Source(title="Amazon SageMaker AI Developer Guide: BlazingText algorithm",
                 url="https://docs.aws.amazon.com/sagemaker/latest/dg/blazingtext.html")
    two = Source(title="scikit-learn API Reference: RobustScaler", url="https://scikit-learn.org/stable/x.html")
    assert source_links([one]) == ('Source: <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/blazingtext.html">'
                                   "Amazon SageMaker AI Developer Guide: BlazingText algorithm</a>")
    assert source_links([one, two]).startswith("Sources: <a ") and "</a>; <a " in source_links([one, two])
    assert "<small>Sources: " in correction_block(_correction([one, two]))


def test_source_values_are_escaped():
    evil = Source(title='<script>alert(1)</script> & "quotes"',
                  url='https://docs.aws.amazon.com/x?a=1&b="><script>alert(2)</script>')
    out = correction_block(_correction([evil]))
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)" in out and "&amp;b=&#34;&gt;" in out


# --- site: no repository path is published, every correction links its sources ----------------------

class _Prose(_Page):
    """Visible article text without code: file names inside code samples are legitimate."""

    CODE = {"code", "pre", "kbd", "samp"}

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag in self.CODE:
            self._skip += 1

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag in self.CODE and self._skip:
            self._skip -= 1


def _prose(path: Path) -> str:
    page = _Prose()
    page.feed(article_html(path))
    page.close()
    return page.text_so_far()


def _around(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, start - 60):end + 60])


def test_no_page_shows_a_repository_path(site):
    problems = []
    for path in sorted(site.rglob("*.html")):
        text = _prose(path)
        name = path.relative_to(site).as_posix()
        for word in FORBIDDEN_WORDS:
            if word in text:
                i = text.index(word)
                problems.append(f"{name}: {word!r} in …{_around(text, i, i + len(word))}…")
        for pattern in (PULL_REQUEST, REPO_FILE):
            for m in pattern.finditer(text):
                problems.append(f"{name}: {m.group(0)!r} in …{_around(text, m.start(), m.end())}…")
    assert not problems, "repository references on published pages:\n  " + "\n  ".join(problems)


def test_search_index_has_no_team_file(site):
    for index in site.rglob("search_index.json"):
        text = index.read_text(encoding="utf-8")
        for word in FORBIDDEN_WORDS:
            assert word not in text, f"{index.relative_to(site)} contains {word!r}"


class _CorrectionSources(HTMLParser):
    """For each correction box (div.correction#fix-…): the text of its <small> line and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.boxes: dict[str, dict] = {}
        self._box: str | None = None
        self._depth = 0
        self._small = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._box is None:
            if tag == "div" and "correction" in (attrs.get("class") or "").split() and attrs.get("id"):
                self._box, self._depth = attrs["id"], 1
                self.boxes[self._box] = {"text": "", "links": []}
            return
        if tag == "div":
            self._depth += 1
        elif tag == "small":
            self._small = True
        elif tag == "a" and self._small:
            self.boxes[self._box]["links"].append(attrs.get("href") or "")

    def handle_endtag(self, tag):
        if self._box is None:
            return
        if tag == "small":
            self._small = False
        elif tag == "div":
            self._depth -= 1
            if self._depth == 0:
                self._box = None

    def handle_data(self, data):
        if self._box is not None and self._small:
            self.boxes[self._box]["text"] += data


def test_every_correction_box_links_its_sources_over_https(site, site_data):
    by_page: dict[str, _CorrectionSources] = {}
    problems = []
    for item in site_data.corrections.values():
        if item.page not in by_page:
            parser = _CorrectionSources()
            parser.feed(article_html(page_file(site, item.page)))
            by_page[item.page] = parser
        box = by_page[item.page].boxes.get(f"fix-{item.id}")
        if box is None:
            problems.append(f"{item.id}: no correction box on {item.page}")
            continue
        text = re.sub(r"\s+", " ", box["text"]).strip()
        label = "Source: " if len(item.sources) == 1 else "Sources: "
        if not text.startswith(label):
            problems.append(f"{item.id}: source line {text[:60]!r} does not start with {label!r}")
        if len(box["links"]) != len(item.sources):
            problems.append(f"{item.id}: {len(box['links'])} links for {len(item.sources)} sources")
        for href in box["links"]:
            parts = urlsplit(href)
            if parts.scheme != "https" or parts.hostname not in SOURCE_HOSTS:
                problems.append(f"{item.id}: source link {href!r} is not https on an allowed host")
        for pattern in (ANY_FILE, PULL_REQUEST):
            for m in pattern.finditer(text):
                problems.append(f"{item.id}: {m.group(0)!r} in its source line")
        for word in FORBIDDEN_WORDS:
            if word in text:
                problems.append(f"{item.id}: {word!r} in its source line")
    assert not problems, "\n  ".join(problems)
