"""Shared by tests and scripts: building the site, serving it on loopback, and the system Chromium."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def build(project: Path, out: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """A strict build of `project` into `out`, as the Makefile runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(build_command(project, out), cwd=project, capture_output=True, text=True, env=env)


# What a copy of the project needs to build (tests break a copy on purpose): mkdocs.yml and every folder it names.
PROJECT = ["mkdocs.yml", "docs", "data", "macros", "overrides", "hooks"]


def copy_project(dest: Path, names: list[str] | None = None) -> Path:
    """Copy the project (or the named parts of it) into `dest`, to break on purpose and build."""
    for name in names or PROJECT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy(src, dest / name)
    return dest


def build_command(project: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)]


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path is None:
        message = "Chromium not found (apt-get install chromium, or set CHROMIUM=/path)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message + " — REQUIRE_BROWSER is set, so this is an error", pytrace=False)
        pytest.skip(message)
    return path


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


def free_port() -> int:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(directory: Path, port: int = 0):
    handler = functools.partial(_Quiet, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def search(page, query: str):
    """Type a query into Material's search box the way a reader does; return the result items locator.

    Waits for the network to go idle first, so the search index and scripts are loaded before typing.
    """
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query)
    items = page.locator(".md-search-result__item")
    items.first.wait_for(timeout=15000)
    return items
