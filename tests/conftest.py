from __future__ import annotations

from pathlib import Path

import pytest

from browser import ROOT, build


@pytest.fixture(scope="session")
def port() -> int:
    from browser import free_port
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory, port) -> Path:
    """The site built once per test session with the strict configuration, for the origin it is served from
    (Material's instant navigation only works when site_url matches)."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out, {"SITE_URL": f"http://127.0.0.1:{port}/"})
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def site_data():
    from macros.site import load_site
    return load_site(ROOT)


@pytest.fixture(scope="session")
def base_url(site, port):
    """The built site served over HTTP on loopback."""
    from browser import serve
    with serve(site, port) as url:
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
