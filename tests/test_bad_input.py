"""Broken input, fed to a real build of a copy of the project: the build stops and says where.

Each case edits one file of the copy and expects a non-zero exit whose message names the file, the item
and the field (or, for page links, the page and the link). Script payloads must render inert, and
Jinja-looking text inside code must render literally.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build

COPY = ["mkdocs.yml", "docs", "data", "macros", "overrides"]


@pytest.fixture
def project(tmp_path) -> Path:
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    return tmp_path


def edit(project: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not found in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


CATALOG = "data/catalog/data-engineering.yml"
QUIZ = "data/quizzes/kinesis.yml"
PAGE = "docs/data-preparation/kinesis.md"

CASES = {
    "malformed YAML": (lambda p: append(p, CATALOG, "\n- id: [unclosed\n"),
                       [CATALOG, "YAML syntax error", "line"]),
    "missing required field": (lambda p: edit(p, CATALOG, "  kind: service\n", "", 1),
                               [CATALOG, "kinesis-data-streams", "'kind'", "Field required"]),
    "wrong type": (lambda p: edit(p, CATALOG, "aliases: [KDS, Kinesis Data Streams, Kinesis Streams]", "aliases: 42"),
                   [CATALOG, "kinesis-data-streams", "'aliases'"]),
    "duplicate id": (lambda p: edit(p, CATALOG, "- id: data-firehose", "- id: kinesis-data-streams"),
                     [CATALOG, "kinesis-data-streams", "duplicate id"]),
    "unknown catalog id in a table": (lambda p: edit(p, "data/comparisons/kinesis.yml", "- managed-flink", "- managed-flinc"),
                                      ["data/comparisons/kinesis.yml", "managed-flinc", "'rows'", "unknown catalog id"]),
    "unknown catalog id in a quiz": (lambda p: edit(p, QUIZ, "source: kinesis-video-streams", "source: kinesis-video-stream"),
                                     [QUIZ, "kin-video-consumers", "'source'"]),
    "unknown catalog id in a page macro": (lambda p: edit(p, PAGE, '{{ service("managed-flink") }}', '{{ service("managed-flnk") }}'),
                                           [PAGE, "managed-flnk", "unknown catalog id"]),
    "alias shared by two services": (lambda p: edit(p, CATALOG, "aliases: [KVS, Kinesis Video Stream]", "aliases: [KVS, KDS]"),
                                     [CATALOG, "kinesis-video-streams", "'aliases'", "'KDS' is already"]),
    "broken page link": (lambda p: append(p, PAGE, "\n\nSee [the missing page](no-such-page.md).\n"),
                         ["data-preparation/kinesis.md", "no-such-page.md"]),
    "missing anchor": (lambda p: append(p, PAGE, "\n\nSee [storage](storage.md#no-such-anchor).\n"),
                       ["data-preparation/kinesis.md", "no-such-anchor"]),
    "undefined macro variable": (lambda p: append(p, PAGE, "\n\nValue: {{ no_such_variable }}\n"),
                                 ["data-preparation/kinesis.md", "no_such_variable"]),
    "quiz answer out of range": (lambda p: edit(p, QUIZ, "answer: [2]\n    explanation: Shards", "answer: [7]\n    explanation: Shards"),
                                 [QUIZ, "kin-shard-count", "'answer'", "out of range"]),
    "quiz without an answer": (lambda p: edit(p, QUIZ, "    answer: [1]\n    explanation: >-\n      Data Streams keeps", "    explanation: >-\n      Data Streams keeps"),
                               [QUIZ, "kin-replay", "'answer'"]),
    "duplicate question id": (lambda p: edit(p, QUIZ, "id: kin-replay", "id: kin-shard-count"),
                              [QUIZ, "kin-shard-count", "duplicate question id"]),
    "unknown correction id": (lambda p: edit(p, PAGE, '{{ correction("kvs-retention") }}', '{{ correction("kvs-retension") }}'),
                              [PAGE, "kvs-retension", "unknown correction id"]),
    "catalog entry without a section": (lambda p: edit(p, PAGE, '{{ service("managed-flink") }}', "## Flink"),
                                        ["managed-flink", "has no section", "docs/data-preparation/kinesis.md"]),
    "unknown domain on a page": (lambda p: edit(p, PAGE, "domain: data-engineering", "domain: data-plumbing"),
                                 [PAGE, "'domain'", "data-plumbing"]),
    "empty table cell": (lambda p: edit(p, "data/facts/kinesis.yml", "    transformation: n/a\n", ""),
                         ["kinesis-video-streams", "facts.transformation", "n/a"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_stops_the_build_and_names_the_place(project, tmp_path, case):
    break_it, expected = CASES[case]
    break_it(project)
    result = build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build passed\n{output[-2000:]}"
    for phrase in expected:
        assert phrase in output, f"{case}: {phrase!r} not in the error output:\n{output[-3000:]}"


PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_script_payloads_in_data_render_inert(project, tmp_path):
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
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'alert("x")</script>' not in html and "onerror=alert(1)>" not in html, page
    kinesis = (out / "data-preparation/kinesis/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in kinesis  # shown as text, not dropped


def test_jinja_looking_text_in_code_renders_literally(project, tmp_path):
    append(project, PAGE, '\n\n```text\n{"tags": "{{ not_a_macro }}"} {# not a comment #} {% not_a_tag %}\n```\n\n'
                          "Inline: `{{ inline_braces }}` stays.\n")
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "data-preparation/kinesis/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "{{ not_a_macro }}" in text and "{# not a comment #}" in text and "{% not_a_tag %}" in text
    assert "{{ inline_braces }}" in text
