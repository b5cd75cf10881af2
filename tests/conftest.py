from __future__ import annotations

from pathlib import Path

import pytest

from browser import ROOT, build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built once per test session with the strict configuration."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def site_data():
    from macros.site import load_site
    return load_site(ROOT)


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served over HTTP on loopback."""
    from browser import serve
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from browser import CHROMIUM_ARGS, require_chromium
    path = require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
