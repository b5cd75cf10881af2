"""Vendored browser libraries are the pinned versions, byte for byte as recorded when they were fetched."""
from __future__ import annotations

import re

import pytest

import vendor

FILES = [(name, target) for name, spec in vendor.PACKAGES.items() for target in spec["files"].values()]


@pytest.mark.parametrize("name", vendor.PACKAGES)
def test_the_vendored_copy_records_its_pinned_version(name):
    spec = vendor.PACKAGES[name]
    recorded = (vendor.VENDOR / name / "VERSION").read_text(encoding="utf-8").split()
    assert recorded == [name, spec["version"], spec["integrity"]]


def test_the_scheduler_file_is_the_pinned_ts_fsrs_release():
    text = (vendor.VENDOR / "ts-fsrs" / "ts-fsrs.umd.js").read_text(encoding="utf-8")
    assert re.search(r'const version\s*=\s*"([^"]+)"', text).group(1) == vendor.PACKAGES["ts-fsrs"]["version"]
    assert "global.FSRS" in text  # the UMD build review.js expects (window.FSRS)


@pytest.mark.parametrize(("name", "target"), FILES)
def test_every_vendored_file_and_its_licence_is_present(name, target):
    assert (vendor.VENDOR / target).stat().st_size > 500
