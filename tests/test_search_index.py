"""The search-index hook, on small hand-made catalogs and indexes (no build needed)."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.catalog import Catalog, Entry, load_catalog
from macros.errors import DataError
from macros.search_index import (HEADING_BOOST, demote_repeats, index_word_parts, keyword_words, name_words, reached_words,
                                 separate_stop_words, shorten_text, tag_catalog_sections, tag_other_sections)
from macros.section_keywords import check as check_sections, load as load_section_keywords

SEPARATOR = r'[\s\-,;:!?()\[\]"]+|\.(?!\d)'


def _catalog(*specs) -> Catalog:
    entries = {}
    for spec in specs:
        entry_id, name, aliases, *keywords = spec
        entries[entry_id] = Entry(id=entry_id, name=name, aliases=aliases, kind="service", family="storage",
                                  domain="data-engineering", page="data-preparation/storage.md",
                                  summary="A test entry for the search index.", keywords=keywords[0] if keywords else [],
                                  status_checked="2026-12-07")
    return Catalog(entries)


def test_a_word_that_is_a_whole_name_weighs_most_for_its_entry():
    tags = name_words(_catalog(("redshift", "Amazon Redshift", ["Redshift"]),
                               ("redshift-ml", "Amazon Redshift ML", ["Redshift ML"])), SEPARATOR)
    plain, ml = Counter(t.casefold() for t in tags["redshift"]), Counter(t.casefold() for t in tags["redshift-ml"])
    assert plain["redshift"] > ml["redshift"]  # "Redshift" lands on Amazon Redshift
    assert ml["ml"] == 2 and "ml" not in plain  # "Redshift ML" still favours Redshift ML


def test_name_words_a_shorter_typed_word_reaches_are_weighed_down():
    """"data warehouse" must not find DataSync first, nor "Amazon Q" QuickSight, nor "SageMaker AI" Airflow."""
    catalog = _catalog(("datasync", "AWS DataSync", ["DataSync"]), ("data-pipeline", "AWS Data Pipeline", []),
                       ("amazon-q", "Amazon Q", []), ("quicksight", "Amazon QuickSight", ["Quick Sight"]),
                       ("sagemaker", "Amazon SageMaker AI", ["SageMaker"]), ("mwaa", "Amazon MWAA", ["Airflow"]),
                       ("codebuild", "AWS CodeBuild", []), ("pipe-mode", "Pipe mode", []))
    docs = [{"title": "Data", "text": "data code"}] * 19 + [{"title": "Other", "text": "pipeline"}]
    reached = reached_words(catalog, SEPARATOR, docs)
    assert {"datasync", "quicksight", "quick", "airflow", "codebuild"} <= reached
    # typed words themselves, and words no shorter name word begins
    assert not reached & {"data", "pipeline", "amazon", "aws", "sagemaker", "mode", "mwaa", "q"}


def test_plural_is_kept_instead_of_its_singular():
    tags = name_words(_catalog(("kvs", "Amazon Kinesis Video Streams", ["Kinesis Video Stream"])), SEPARATOR)
    words = {t.casefold() for t in tags["kvs"]}
    assert "streams" in words and "stream" not in words


def test_compound_starting_with_another_entrys_name_is_left_out():
    tags = name_words(_catalog(("sagemaker", "Amazon SageMaker", ["SageMaker"]),
                               ("spark", "SageMaker Spark", ["sagemaker_pyspark", "k-NN"])), SEPARATOR)
    words = {t.casefold() for t in tags["spark"]}
    assert "sagemaker_pyspark" not in words
    assert {"k", "nn"} <= words  # hyphens split as the search box splits them


def test_missing_section_document_is_a_data_error():
    index = {"config": {"separator": SEPARATOR, "fields": {}}, "docs": []}
    with pytest.raises(DataError) as info:
        tag_catalog_sections(index, _catalog(("s3", "Amazon S3", [])))
    assert info.value.item == "s3"


def test_slashed_words_are_indexed_by_their_parts():
    index = {"config": {"fields": {"text": {"boost": 1.0}}},
             "docs": [{"location": "a/", "title": "Blue/Green", "text": "uses sagemaker_pyspark"}]}
    index_word_parts(index)
    assert set(index["docs"][0]["parts"].split()) == {"Blue", "Green", "sagemaker", "pyspark"}
    assert "parts" in index["config"]["fields"]


def test_a_word_joining_two_others_gets_no_extra_weight():
    tags = name_words(_catalog(("ll", "Linear Learner", ["LinearLearner"]),
                               ("lin", "Linear deployment", [])), SEPARATOR)
    counts = Counter(t.casefold() for t in tags["ll"])
    assert counts["linearlearner"] == 1 and counts["linear"] == 2


def test_tags_are_removed_and_catalog_sections_get_names_and_keywords():
    index = {"config": {"separator": SEPARATOR, "fields": {"tags": {"boost": 1e6}}},
             "docs": [{"location": "data-preparation/storage/", "title": "Storage", "text": "", "tags": ["Domain 1"]},
                      {"location": "data-preparation/storage/#s3", "title": "Amazon S3", "text": "", "tags": ["Domain 1"]}]}
    tag_catalog_sections(index, _catalog(("s3", "Amazon S3", ["S3", "Simple Storage Service"], ["object storage", "data lake"])))
    page, section = index["docs"]
    assert "tags" not in page and "tags" not in section  # Material shows tags as chips on result cards
    assert "S3" in section["names"] and {"object", "lake"} <= set(section["keywords"])
    fields = index["config"]["fields"]
    assert HEADING_BOOST >= fields["keywords"]["boost"] >= fields["names"]["boost"] > 1  # within a small factor of the text


def test_keyword_words_count_once_and_never_repeat_a_name():
    catalog = _catalog(("forecast", "Amazon Forecast", ["Forecast"], ["forecasting", "demand forecast", "forecast accuracy"]),
                       ("file-mode", "File mode", []),
                       ("fastfile", "FastFile mode", [], ["stream objects as files", "lazy loading", "fastfile input mode"]))
    words = keyword_words(catalog, SEPARATOR)
    assert Counter(w.casefold() for w in words["forecast"]) == Counter(["forecasting", "demand", "accuracy"])
    assert "files" not in words["fastfile"]  # would pull the query "File mode" to FastFile
    assert not {"fastfile", "mode"} & {w.casefold() for w in words["fastfile"]}  # its own name words
    assert {"stream", "objects", "lazy", "loading"} <= set(words["fastfile"])


def test_repeating_pages_keep_one_short_document_and_the_glossary_weighs_little():
    corrections = "<p>The notes were wrong in places.</p>" + "<ul><li>a correction</li></ul>" * 500
    index = {"config": {"separator": SEPARATOR, "fields": {}}, "docs": [
        {"location": "cheatsheets/eda/", "title": "Cheat sheet: EDA", "text": "<p>Print this sheet</p>"},
        {"location": "cheatsheets/eda/#eda-cues", "title": "Exam cues", "text": "<ul><li>SMOTE</li></ul>"},
        {"location": "start/corrections/", "title": "Corrections to the notes", "text": corrections},
        {"location": "start/glossary/", "title": "Glossary", "text": "AUC Area under the curve"},
        {"location": "data-preparation/feature-engineering/#mice", "title": "Missing values: MICE", "text": "<p>Impute</p>"}]}
    demote_repeats(index)
    docs = {d["location"]: d for d in index["docs"]}
    assert "cheatsheets/eda/#eda-cues" not in docs
    assert docs["start/corrections/"]["text"] == "<p>The notes were wrong in places.</p>"
    assert docs["start/corrections/"]["boost"] < 1 and docs["cheatsheets/eda/"]["boost"] < 1
    assert docs["start/glossary/"]["text"] == "AUC Area under the curve" and docs["start/glossary/"]["boost"] < 0.1
    assert "boost" not in docs["data-preparation/feature-engineering/#mice"]


@pytest.mark.parametrize("text, words", [
    ("speech to text", ["speech", "text"]),
    ("detect faces in images", ["detect", "faces", "images"]),
    ("The A/B test of an A2I loop", ["A/B", "test", "A2I", "loop"]),
    ("Tokenize it's data, Andrea; INTO the lake", ["Tokenize", "it's", "data", "Andrea", "lake"]),
])
def test_stop_words_are_separators_only_as_whole_words(text, words):
    index = {"config": {"separator": SEPARATOR}}
    separate_stop_words(index)
    assert [w for w in re.split(index["config"]["separator"], text) if w] == words


@pytest.mark.parametrize("keywords, problem", [
    ("['']", "empty keyword"),
    ("[drift, Drift]", "listed twice"),
    ("[drift, Model Monitor]", "own names"),
])
def test_bad_keyword_names_file_entry_and_field(tmp_path, keywords, problem):
    folder = tmp_path / "data" / "catalog"
    folder.mkdir(parents=True)
    (folder / "ops.yml").write_text(
        "- id: model-monitor\n  name: Amazon SageMaker Model Monitor\n  aliases: [Model Monitor]\n"
        f"  keywords: {keywords}\n  kind: feature\n  family: tools\n  domain: modeling\n"
        "  page: model-development/sagemaker-tools.md\n  summary: Watches deployed models for drift.\n"
        '  status_checked: "2026-12-07"\n', encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_catalog(tmp_path)
    assert (info.value.file, info.value.item, info.value.field) == ("data/catalog/ops.yml", "model-monitor", "keywords")
    assert problem in info.value.problem


def test_documents_keep_their_lead_as_plain_text_without_what_the_notes_said():
    index = {"docs": [{"location": "a/#x", "title": "X", "text": "<p>The notes said: a wrong claim.</p> <p>What is true: "
                       "<code>a &lt; b</code> " + "word " * 200 + "</p><p>Sources: <a href='u'>Doc</a></p>"}]}
    shorten_text(index, limit=60)
    text = index["docs"][0]["text"]
    assert "wrong claim" not in text and "<" not in text and "a &lt; b" in text
    assert len(text) <= 62 and text.endswith("…")


def test_other_sections_get_their_keywords_and_bad_sections_are_named(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "search-keywords.yml").write_text(
        "- section: data-preparation/storage.md#tiers\n  keywords: [cold data, archive tier]\n", encoding="utf-8")
    items = load_section_keywords(tmp_path)
    index = {"config": {"separator": SEPARATOR, "fields": {}},
             "docs": [{"location": "data-preparation/storage/#tiers", "title": "Tiers", "text": ""}]}
    check_sections(items, {d["location"] for d in index["docs"]}, _catalog())
    tag_other_sections(index, items)
    assert {"cold", "data", "archive", "tier"} == set(index["docs"][0]["keywords"])
    with pytest.raises(DataError) as info:
        check_sections(items, set(), _catalog())
    assert (info.value.file, info.value.item, info.value.field) == ("data/search-keywords.yml", "data-preparation/storage.md#tiers", "section")
    entry = _catalog(("tiers", "Tiers", []))
    with pytest.raises(DataError, match="catalog entry"):
        check_sections(items, {"data-preparation/storage/#tiers"}, entry)
    (tmp_path / "data" / "search-keywords.yml").write_text(
        "- section: data-preparation/storage.md#tiers\n  keywords: [cold, Cold]\n", encoding="utf-8")
    with pytest.raises(DataError, match="listed twice"):
        load_section_keywords(tmp_path)
