"""The search-index hook, on small hand-made catalogs (no build needed)."""
from __future__ import annotations

from collections import Counter

import pytest

from macros.catalog import Catalog, Entry
from macros.errors import DataError
from macros.search_index import index_word_parts, name_words, tag_catalog_sections

SEPARATOR = r'[\s\-,;:!?()\[\]"]+|\.(?!\d)'


def _catalog(*specs) -> Catalog:
    entries = {}
    for entry_id, name, aliases in specs:
        entries[entry_id] = Entry(id=entry_id, name=name, aliases=aliases, kind="service", family="storage",
                                  domain="data-engineering", page="data-engineering/storage.md",
                                  summary="A test entry for the search index.")
    return Catalog(entries)


def test_a_word_that_is_a_whole_name_weighs_most_for_its_entry():
    tags = name_words(_catalog(("redshift", "Amazon Redshift", ["Redshift"]),
                               ("redshift-ml", "Amazon Redshift ML", ["Redshift ML"])), SEPARATOR)
    plain, ml = Counter(t.casefold() for t in tags["redshift"]), Counter(t.casefold() for t in tags["redshift-ml"])
    assert plain["redshift"] > ml["redshift"]  # "Redshift" lands on Amazon Redshift
    assert ml["ml"] == 2 and "ml" not in plain  # "Redshift ML" still favours Redshift ML


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


def test_page_tags_are_removed_and_catalog_sections_tagged():
    index = {"config": {"separator": SEPARATOR, "fields": {}},
             "docs": [{"location": "data-engineering/storage/", "title": "Storage", "text": "", "tags": ["Domain 1"]},
                      {"location": "data-engineering/storage/#s3", "title": "Amazon S3", "text": "", "tags": ["Domain 1"]}]}
    tag_catalog_sections(index, _catalog(("s3", "Amazon S3", ["S3"])))
    assert "tags" not in index["docs"][0]
    assert "Domain 1" not in index["docs"][1]["tags"] and "S3" in index["docs"][1]["tags"]
