"""Type every catalog name and alias into the site's real search box and record where the first result lands.

Used by the browser test (tests/test_search.py) and by `make search-report`, which prints the hit rate,
latency percentiles and the index size.
"""
from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ARM = """() => {
  const list = document.querySelector('.md-search-result__list');
  window.__lat = null;
  const obs = new MutationObserver(() => {
    if (window.__lat === null) { window.__lat = performance.now() - window.__t0; obs.disconnect(); }
  });
  obs.observe(list, {childList: true, subtree: true});
  document.querySelector('input.md-search__input').addEventListener('keydown', () => { window.__t0 = performance.now(); }, {once: true});
}"""

FIRST_SECTION = """() => {
  const item = document.querySelector('.md-search-result__item');
  if (!item) return null;
  const links = [...item.querySelectorAll(':scope > a.md-search-result__link')];
  const section = links.find(a => new URL(a.href).hash) || links[0];
  return section ? section.href : null;
}"""


@dataclass
class Probe:
    query: str
    entry_id: str
    href: str | None
    latency_ms: float | None

    @property
    def hit(self) -> bool:
        return bool(self.href) and self.href.endswith(f"#{self.entry_id}")


def queries(catalog) -> list[tuple[str, str]]:
    return [(label, entry.id) for entry in catalog for label in entry.names]


def run(page, base_url: str, catalog) -> list[Probe]:
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("SageMake")  # Material searches on key events, not on fill(): finish with a key press
    page.keyboard.press("r")  # the first query also waits for the worker to load the index
    page.locator(".md-search-result__item").first.wait_for(timeout=20000)
    results = []
    for query, entry_id in queries(catalog):
        box.fill(query[:-1])
        page.wait_for_timeout(120)
        page.evaluate(ARM)
        page.keyboard.press(query[-1] if query[-1] != " " else "Space")
        try:
            page.wait_for_function("window.__lat !== null", timeout=5000)
            page.wait_for_timeout(60)  # let the list finish rendering
            latency = page.evaluate("window.__lat")
        except Exception:
            latency = None
        results.append(Probe(query, entry_id, page.evaluate(FIRST_SECTION), latency))
    return results


def latency(results: list[Probe]) -> tuple[float, float, int]:
    """Median and 95th percentile (ms) of the measured latencies, and how many there were."""
    lat = sorted(r.latency_ms for r in results if r.latency_ms is not None)
    if not lat:
        return float("nan"), float("nan"), 0
    return statistics.median(lat), lat[int(round(0.95 * (len(lat) - 1)))], len(lat)


def summary(results: list[Probe], index_bytes: int) -> str:
    hits = sum(r.hit for r in results)
    median, p95, n = latency(results)
    lines = [f"queries: {len(results)}  first-result hits: {hits} ({100 * hits / len(results):.1f}%)",
             f"latency after last keystroke: median {median:.1f} ms, p95 {p95:.1f} ms (n={n})",
             f"search index: {index_bytes / 1024:.0f} KiB"]
    misses = [r for r in results if not r.hit]
    lines += [f"  miss: {r.query!r} (wanted #{r.entry_id}) -> {r.href}" for r in misses]
    return "\n".join(lines)


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    sys.path[:0] = [str(root), str(root / "scripts")]
    import tempfile
    from browser import CHROMIUM_ARGS, build, chromium_path, serve
    from macros.catalog import load_catalog
    from playwright.sync_api import sync_playwright

    out = Path(tempfile.mkdtemp(prefix="search-report-"))
    started = time.perf_counter()
    result = build(root, out)
    if result.returncode:
        print(result.stderr)
        return 1
    print(f"built in {time.perf_counter() - started:.1f} s")
    catalog = load_catalog(root)
    with serve(out) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        results = run(browser.new_page(), url, catalog)
        browser.close()
    print(summary(results, (out / "search" / "search_index.json").stat().st_size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
