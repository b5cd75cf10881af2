from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from browser import ROOT, build, build_command, free_port

# --- Builds shared by the test workers ---------------------------------------------------------------------
#
# A strict build costs ~16 s of CPU. The site (and the offline copy, when its test is selected) is built once
# per test run, not once per xdist worker: the first worker to finish collecting starts each build in the
# background, in a folder every worker sees, and the tests that need it wait for it. Meanwhile the tests that
# need no build keep both cores busy. The process that runs the session (the xdist controller, or pytest
# itself without -n) serves the built site on one port for every worker, so the site is built for that origin
# (the site names its own origin in canonical links and the sitemap).

BUILDS = {  # name: (fixture whose tests need it, extra environment; SITE_URL is added for "site")
    "site": ("site", {}),
    "offline": ("offline_site", {"OFFLINE": "true"}),
}
BUILD_TIMEOUT = 900  # s; a build normally takes 10-30 s, more on a loaded machine


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    if hasattr(config, "workerinput"):  # an xdist worker: the controller chose the folder and the port
        config._shared_builds = Path(config.workerinput["shared_builds"])
        config._site_port = config.workerinput["site_port"]
        return
    shared = config._tmp_path_factory.getbasetemp() / "shared-builds"
    shared.mkdir(exist_ok=True)
    config._shared_builds, config._site_port = shared, free_port()
    from browser import serve
    server = serve(shared / "site", config._site_port)
    server.__enter__()
    config._site_server = server


def pytest_unconfigure(config):
    server = getattr(config, "_site_server", None)
    if server is not None:
        server.__exit__(None, None, None)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):  # xdist controller: every worker uses the same folder and served port
    node.workerinput["shared_builds"] = str(node.config._shared_builds)
    node.workerinput["site_port"] = node.config._site_port


_started: list[threading.Thread] = []


def _start_build(config, name: str) -> None:
    """Start the build `name` unless some worker already has; its result lands in <name>.rc when it ends."""
    shared: Path = config._shared_builds
    try:
        (shared / f"{name}.started").mkdir()  # atomic: exactly one worker wins
    except FileExistsError:
        return
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **BUILDS[name][1]}
    if name == "site":
        env["SITE_URL"] = f"http://127.0.0.1:{config._site_port}/"
    log = open(shared / f"{name}.log", "w", encoding="utf-8")
    proc = subprocess.Popen(build_command(ROOT, shared / name), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            text=True, env=env)

    def reap():
        rc = proc.wait()
        log.close()
        (shared / f"{name}.rc.tmp").write_text(str(rc))
        (shared / f"{name}.rc.tmp").rename(shared / f"{name}.rc")  # atomic: readers see it only when complete

    thread = threading.Thread(target=reap, daemon=True)
    thread.start()
    _started.append(thread)


def _wait_build(config, name: str) -> Path:
    shared: Path = config._shared_builds
    _start_build(config, name)
    rc_file, deadline = shared / f"{name}.rc", time.monotonic() + BUILD_TIMEOUT
    while not rc_file.exists():
        assert time.monotonic() < deadline, f"the {name} build did not finish in {BUILD_TIMEOUT} s"
        time.sleep(0.1)
    output = (shared / f"{name}.log").read_text(encoding="utf-8")
    assert rc_file.read_text() == "0", f"strict {name} build failed:\n{output[-5000:]}"
    return shared / name


def pytest_collection_finish(session):
    """Start, in the background, every shared build some selected test needs."""
    if session.config.option.collectonly:
        return
    for name, (fixture, _) in BUILDS.items():
        if any(fixture in getattr(item, "fixturenames", ()) for item in session.items):
            _start_build(session.config, name)


def pytest_sessionfinish(session):
    for thread in _started:  # a build this process started must finish before the process may end
        thread.join(BUILD_TIMEOUT)


@pytest.fixture(scope="session")
def port(pytestconfig) -> int:
    return pytestconfig._site_port


@pytest.fixture(scope="session")
def site(pytestconfig) -> Path:
    """The site built once per test run with the strict configuration, for the origin it is served from."""
    return _wait_build(pytestconfig, "site")


@pytest.fixture(scope="session")
def offline_site(pytestconfig) -> Path:
    """The offline copy (OFFLINE=true: file:// URLs, search inlined), built once per test run."""
    return _wait_build(pytestconfig, "offline")


@pytest.fixture(scope="session")
def site_data():
    from macros.site import load_site
    return load_site(ROOT)


@pytest.fixture(scope="session")
def base_url(site, port):
    """The built site served over HTTP on loopback (by the process that runs the session)."""
    return f"http://127.0.0.1:{port}/"


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


# --- Order: the long tests first, shared between the two halves xdist hands out -----------------------------
#
# `--dist worksteal` gives each worker a contiguous half of the collection and lets an idle worker take tests
# from the end of the other's queue. A long test left near the end keeps one worker busy while the other has
# nothing to take, so the long tests (their usual seconds below, from `--durations`) go first, dealt to the two
# halves so that both start with the same amount of long work; the short ones fill in around them. The figures
# only steer the order: a test missing from the lists just runs in its collection place.
LONG_TESTS = {
    "test_every_name_and_alias_finds_its_section_first": 40,  # tests/test_search.py before its rework
    "test_every_name_and_alias_leads_the_names_panel": 30,  # tests/test_search.py after it (estimate)
    "test_no_serious_accessibility_violations_and_nothing_fetched_from_outside": 12,
    "test_concept_searches_find_the_section_that_teaches_them": 15,
    "test_offline_copy_works_from_file_urls_with_search": 3,
}
# Tests that share an expensive module fixture go to one half together (one worker builds it once).
TOGETHER = {
    "test_broken_links_stop_the_real_build_and_name_page_and_link": ("hostile_build", 10),
    "test_script_payloads_render_inert_and_jinja_in_code_renders_literally": ("hostile_build", 0),
    "test_every_control_state_keeps_text_contrast_in_both_palettes": ("measured", 8),
    "test_every_control_shows_a_keyboard_focus_ring": ("measured", 0),
}


def pytest_collection_modifyitems(config, items):
    units: dict[str, list] = {}  # one unit per long test, one per group of TOGETHER; in collection order
    weight: dict[str, float] = {}
    for item in items:
        name = getattr(item, "originalname", item.name)
        if name in TOGETHER:
            key, seconds = f"{item.module.__name__}:{TOGETHER[name][0]}", TOGETHER[name][1]
        elif name in LONG_TESTS:
            key, seconds = item.nodeid, LONG_TESTS[name]
        else:
            continue
        units.setdefault(key, []).append(item)
        weight[key] = weight.get(key, 0) + seconds
    if not units:
        return
    placed = {id(i) for unit in units.values() for i in unit}
    short = [i for i in items if id(i) not in placed]
    halves, load = ([], []), [0.0, 0.0]
    for key in sorted(units, key=lambda k: -weight[k]):  # greedy: each to the half with less long work so far
        side = load.index(min(load))
        halves[side].extend(units[key])
        load[side] += weight[key]
    first_size = len(items) // 2
    if len(halves[0]) > first_size:  # too few short tests to pad the first half: keep the plain order
        return
    fill = first_size - len(halves[0])
    items[:] = halves[0] + short[:fill] + halves[1] + short[fill:]
