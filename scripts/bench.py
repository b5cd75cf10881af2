"""`make bench`: what the site costs its readers and its authors, measured in one run on this machine.

Prints build times (full vs. plain: the project's macros and hooks off, median of several runs), peak
build memory, bytes a first visit transfers (gzip, by kind), the size of the project's own JS/CSS and
search timing_lines. Timings live here, never in the tests.
"""
from __future__ import annotations

import gzip
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
# The plain build: the same config with only Material's own plugins (no macros, no project hooks).
PLAIN = """INHERIT: {root}/mkdocs.yml
docs_dir: {root}/docs
theme:
  custom_dir: {root}/overrides
strict: false
watch: []
hooks: []
extra:
  exam_choice: {{codes: [], default: ""}}  # set by the macros in a full build; overrides/main.html reads it
plugins:
  - search
  - tags
"""


def timed_build(config: Path, out: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build failed ({config.name}):\n{result.stderr[-2000:]}")
    return elapsed


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def kind(url: str, content_type: str) -> str:
    if "search_index" in url:
        return "search index"
    if url.endswith(".css") or "css" in content_type:
        return "CSS"
    if url.endswith(".js") or "javascript" in content_type:
        return "JS"
    if "html" in content_type or url.endswith("/"):
        return "HTML"
    return "other"


def first_visit(browser, url: str) -> dict[str, int]:
    """Gzipped bytes per kind that a first visit to `url` transfers, search index included."""
    context = browser.new_context()
    sizes: dict[str, int] = {}

    def on_response(response):
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        key = kind(response.url, response.headers.get("content-type", ""))
        sizes[key] = sizes.get(key, 0) + gz(body)

    context.on("response", on_response)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    context.close()
    return sizes


def every_page(browser, url: str, paths: list[str]) -> list[tuple[str, int, dict[str, int]]]:
    """(path, DOM elements once loaded, first-visit gzip bytes per kind) for each page."""
    rows = []
    for path in paths:
        sizes = first_visit(browser, url + path)
        page = browser.new_page()
        page.goto(url + path)
        page.wait_for_load_state("load")
        rows.append((path, page.evaluate("document.getElementsByTagName('*').length"), sizes))
        page.close()
    return rows


def main() -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
    from browser import CHROMIUM_ARGS, chromium_path, serve
    from macros.catalog import load_catalog
    from playwright.sync_api import sync_playwright
    from search_probe import timing_lines, run
    from macros.page_assets import STYLESHEETS

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    plain = work / "plain.yml"
    plain.write_text(PLAIN.format(root=ROOT))
    full_config = ROOT / "mkdocs.yml"

    timed_build(full_config, work / "warm")  # warm caches once before measuring
    memory_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    full, bare = [], []
    for i in range(RUNS):
        full.append(timed_build(full_config, work / f"full{i}"))
        bare.append(timed_build(plain, work / f"plain{i}"))
    site = work / "full0"

    print(f"# Benchmark, {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"full build:  median {statistics.median(full):.2f} s  (runs: {', '.join(f'{t:.2f}' for t in full)})")
    print(f"plain build: median {statistics.median(bare):.2f} s  (macros, hooks and project plugins off)")
    print(f"ratio full/plain: {statistics.median(full) / statistics.median(bare):.2f}  (target ≤ 1.30; full target < 10 s)")
    print(f"peak build memory: {memory_kb / 1024:.0f} MB  (target < 300 MB)")

    own = {p.name: gz(p.read_bytes()) for folder in ("stylesheets", "javascripts")
           for p in sorted((site / "assets" / folder).glob("*")) if p.suffix in (".css", ".js") and ".min." not in p.name
           and p.name not in STYLESHEETS}  # the sources of site.css, which pages load instead
    print(f"own JS+CSS (gzip): {sum(own.values()) / 1024:.1f} KB  ({', '.join(f'{k} {v} B' for k, v in own.items())}; target < 15 KB)")
    index = site / "search" / "search_index.json"
    print(f"search index: {index.stat().st_size / 1024:.0f} KB raw, {gz(index.read_bytes()) / 1024:.0f} KB gzip")

    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        from lighthouse import pages
        print(f"\n{'page':<48}{'DOM':>7}{'first visit KB gz':>19}  (targets on notes pages: DOM ≤ 1,500, ≤ 200 KB)")
        for path, dom, sizes in every_page(browser, url, pages(site)):
            parts = ", ".join(f"{k} {v / 1024:.0f}" for k, v in sorted(sizes.items()))
            print(f"{path or '(home)':<48}{dom:>7}{sum(sizes.values()) / 1024:>19.1f}  {parts}")
        results = run(browser.new_page(), url, load_catalog(ROOT))
        browser.close()
    hits = sum(r.hit for r in results)
    print(f"search: {hits}/{len(results)} names and aliases land on their section first")
    print("search: " + "; ".join(timing_lines(results)) + " (targets: first < 100 ms, settled < 150 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
