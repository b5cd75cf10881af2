"""Broken input in a copy of the project stops the build and says where: file, item and field (or, for
page links, the page and the link). Script payloads render inert; Jinja-looking text inside code renders
literally.

A full build costs ~16 s of CPU, so most cases go in-process through exactly what the build runs: data
through `load_site` (the first thing `define_env` does), page macros, page hooks and the post-build check
through the real mkdocs-macros plugin configured from the copy's mkdocs.yml. Two real builds prove the
command itself: a data error stops it with file, item and field; and one copy with both broken links and
hostile text shows that MkDocs' own link validation stops the build naming page and link, that those links
are the build's only complaint, and that hostile and Jinja-looking text comes out safe (a strict build
writes every page before it gives up, so one build serves both checks).
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from mkdocs.exceptions import PluginError

from browser import build, copy_project
from macros.errors import DataError
from macros.site import load_site

@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path)


def edit(project: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not found in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def output_of(result) -> str:
    return result.stdout + result.stderr


CATALOG = "data/catalog/data-engineering.yml"
QUIZ = "data/quizzes/kinesis.yml"
PAGE = "docs/data-preparation/kinesis.md"
KDS = "kinesis-data-streams"

# Bad data: (break it, (file, item, field) of the DataError, a phrase of its message or None).
DATA_CASES = {
    "malformed YAML": (lambda p: append(p, CATALOG, "\n- id: [unclosed\n"), (CATALOG, None, None), "YAML syntax error at line"),
    "missing required field": (lambda p: edit(p, CATALOG, "  kind: service\n", "", 1), (CATALOG, KDS, "kind"), "Field required"),
    "wrong type": (lambda p: edit(p, CATALOG, "aliases: [KDS, Kinesis Data Streams, Kinesis Streams]", "aliases: 42"),
                   (CATALOG, KDS, "aliases"), "valid list"),
    "duplicate id": (lambda p: edit(p, CATALOG, "- id: data-firehose", f"- id: {KDS}"), (CATALOG, KDS, "id"), "duplicate id"),
    "unknown catalog id in a table": (lambda p: edit(p, "data/comparisons/kinesis.yml", "- managed-flink", "- managed-flinc"),
                                      ("data/comparisons/kinesis.yml", "kinesis", "rows"), "unknown catalog id 'managed-flinc'"),
    "unknown catalog id in a quiz": (lambda p: edit(p, QUIZ, "source: kinesis-video-streams", "source: kinesis-video-stream"),
                                     (QUIZ, "kin-video-consumers", "source"), "'kinesis-video-stream'"),
    "alias shared by two services": (lambda p: edit(p, CATALOG, "aliases: [KVS, Kinesis Video Stream]", "aliases: [KVS, KDS]"),
                                     (CATALOG, "kinesis-video-streams", "aliases"), "'KDS' is already"),
    "quiz answer out of range": (lambda p: edit(p, QUIZ, "answer: [2]\n    explanation: Shards", "answer: [7]\n    explanation: Shards"),
                                 (QUIZ, "kin-shard-count", "answer"), "out of range"),
    "quiz without an answer": (lambda p: edit(p, QUIZ, "    answer: [1]\n    explanation: >-\n      Data Streams keeps",
                                              "    explanation: >-\n      Data Streams keeps"),
                               (QUIZ, "kin-replay", "answer"), None),
    "duplicate question id": (lambda p: edit(p, QUIZ, "id: kin-replay", "id: kin-shard-count"),
                              (QUIZ, "kin-shard-count", "id"), "duplicate question id"),
    "empty table cell": (lambda p: edit(p, "data/facts/kinesis.yml", "    transformation: n/a\n", ""),
                         ("data/facts", "kinesis-video-streams", "facts.transformation"), "n/a"),
}


@pytest.mark.parametrize("case", list(DATA_CASES))
def test_bad_data_stops_the_build_and_names_the_place(project, case):
    break_it, (file, item, field), phrase = DATA_CASES[case]
    break_it(project)
    with pytest.raises(DataError) as info:
        load_site(project)
    err = info.value
    assert err.file.startswith(file) and (err.item, err.field) == (item, field), f"{case}: {err}"
    assert phrase is None or phrase in str(err), f"{case}: {phrase!r} not in {err}"


def render_pages(project: Path, monkeypatch):
    """What `mkdocs build` does before converting Markdown: load the copy's mkdocs.yml, set up the macros
    plugin (our define_env), run its page hook and render every page's macros. Returns (plugin, config)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page
    monkeypatch.setattr(sys, "path", list(sys.path))  # the plugin puts the project folder on sys.path
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["macros"]
    plugin.on_config(config)
    files = get_files(config)
    for file in files.documentation_pages():
        page = Page(None, file, config)
        page.read_source(config)
        plugin.on_page_markdown(page.markdown, page=page, config=config, files=files)
    return plugin, config


# Bad pages: (break it, the exception the macro raised, (file, item, field) or None, phrases of the message).
PAGE_CASES = {
    "unknown catalog id in a page macro": (lambda p: edit(p, PAGE, '{{ service("managed-flink") }}', '{{ service("managed-flnk") }}'),
                                           DataError, (PAGE, "managed-flnk", "id"), ["unknown catalog id 'managed-flnk'"]),
    "unknown correction id": (lambda p: edit(p, PAGE, '{{ correction("kvs-retention") }}', '{{ correction("kvs-retension") }}'),
                              DataError, (PAGE, "kvs-retension", "correction"), ["unknown correction id"]),
    "undefined macro variable": (lambda p: append(p, PAGE, "\n\nValue: {{ no_such_variable }}\n"),
                                 UndefinedError, None, ["no_such_variable"]),
}


@pytest.mark.parametrize("case", list(PAGE_CASES))
def test_bad_macro_on_a_page_stops_the_build_and_names_the_place(project, monkeypatch, caplog, case):
    break_it, raised, where, phrases = PAGE_CASES[case]
    break_it(project)
    with caplog.at_level(logging.WARNING), pytest.raises(SystemExit) as info:  # on_error_fail: the build exits
        render_pages(project, monkeypatch)
    log = caplog.text
    for phrase in [PAGE.removeprefix("docs/"), *phrases]:
        assert phrase in log, f"{case}: {phrase!r} not in the error output:\n{log[-2000:]}"
    error = info.value.__context__  # the exception the macro raised, which the plugin reported
    assert isinstance(error, raised), f"{case}: {error!r}"
    if where:
        assert (error.file, error.item, error.field) == where, f"{case}: {error}"


def test_unknown_domain_on_a_page_stops_the_build(project, monkeypatch):
    edit(project, PAGE, "domain: data-engineering", "domain: data-plumbing")
    with pytest.raises(PluginError) as info:
        render_pages(project, monkeypatch)
    err = info.value.__cause__
    assert (err.file, err.field) == (PAGE, "domain") and "data-plumbing" in str(info.value), info.value


def test_catalog_entry_without_a_section_stops_the_build(project, monkeypatch):
    edit(project, PAGE, '{{ service("managed-flink") }}', "## Flink")
    plugin, config = render_pages(project, monkeypatch)
    with pytest.raises(PluginError) as info:
        plugin.on_post_build(config)
    problems = str(info.value).splitlines()[1:]
    # Every other page rendered its sections, so this is the only problem, and it says where the section goes.
    assert len(problems) == 1 and all(s in problems[0] for s in ("managed-flink", "has no section", PAGE)), problems


def test_bad_data_stops_the_real_build_with_file_item_and_field(project, tmp_path):
    edit(project, CATALOG, "  kind: service\n", "", 1)
    result = build(project, tmp_path / "out")
    output = output_of(result)
    assert result.returncode != 0, output[-2000:]
    assert f"{CATALOG}, item '{KDS}', field 'kind': Field required" in output, output[-3000:]


PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


BROKEN_LINKS = ("no-such-page.md", "no-such-anchor")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """One strict build of a copy with hostile text in every kind of data and two broken links on a page."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    quoted = PAYLOAD.replace('"', '\\"')
    edit(project, CATALOG, "name: Amazon Kinesis Video Streams", f'name: "Amazon Kinesis Video Streams {quoted}"')
    edit(project, CATALOG, "aliases: [KVS, Kinesis Video Stream]", f'aliases: [KVS, Kinesis Video Stream, "{quoted}"]')
    edit(project, "data/facts/kinesis.yml", "    transformation: n/a\n", f'    transformation: "{quoted}"\n')
    edit(project, "data/corrections/data-engineering.yml", "topic: Producers per video stream", f'topic: "Producers {quoted}"')
    edit(project, QUIZ, "prompt: What is the longest buffer interval", f'prompt: "{quoted} What is the longest buffer interval')
    edit(project, QUIZ, "before delivering a batch?", 'before delivering a batch?"')
    edit(project, QUIZ, "choices: [60 seconds,", f'choices: ["60 seconds {quoted}",')
    append(project, "data/abbreviations.md", f"*[ZZQ]: {PAYLOAD}\n")
    append(project, PAGE, "\n\nZZQ appears here.\n")
    append(project, PAGE, '\n\n```text\n{"tags": "{{ not_a_macro }}"} {# not a comment #} {% not_a_tag %}\n```\n\n'
                          "Inline: `{{ inline_braces }}` stays.\n")
    append(project, PAGE, "\n\nSee [the missing page](no-such-page.md) and [storage](storage.md#no-such-anchor).\n")
    out = project / "out"
    return build(project, out), out


def test_broken_links_stop_the_real_build_and_name_page_and_link(hostile_build):
    """MkDocs' own link validation (strict): both problems are reported, each with the page."""
    result, _ = hostile_build
    lines = output_of(result).splitlines()
    assert result.returncode != 0, lines[-30:]
    for link in BROKEN_LINKS:
        assert any(link in line and "data-preparation/kinesis.md" in line for line in lines), (link, lines[-30:])


def test_script_payloads_render_inert_and_jinja_in_code_renders_literally(hostile_build):
    result, out = hostile_build
    # The build ran to its end, the post-build link check (so every page was written), and complained of
    # nothing but the two planted links: a strict build of this text alone exits 0.
    output = output_of(result)
    problems = [line for line in output.splitlines()
                if line.startswith(("WARNING", "ERROR")) or "href=" in line or "Traceback" in line]
    unplanned = [line for line in problems if not any(link in line for link in BROKEN_LINKS)
                 and not line.startswith("ERROR   -  Broken links in the built site:")]
    assert not unplanned, output[-5000:]
    assert "Aborted with a BuildError!" in output, output[-3000:]
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'alert("x")</script>' not in html and "onerror=alert(1)>" not in html, page
    kinesis = (out / "data-preparation/kinesis/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in kinesis  # shown as text, not dropped
    text = re.sub(r"<[^>]+>", "", kinesis)
    assert "{{ not_a_macro }}" in text and "{# not a comment #}" in text and "{% not_a_tag %}" in text
    assert "{{ inline_braces }}" in text
