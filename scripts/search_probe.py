"""Type searches into the site's real search box and record where the results land.

Two sets: every catalog name and alias (its entry's section must come first), and the concept searches of
data/search-queries.yml (what a learner types for a task or idea; the section that teaches it should come
first, or at least in the first three results). Used by the browser tests (tests/test_search.py) and by
`make search-report`, which prints both hit rates, latency percentiles and the index size.
"""
from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

QUERIES = "data/search-queries.yml"

# Installed before the site's scripts: notes when Material's search worker answers a query (message type 3,
# its result), so a probe reads the results only once the full-text search has answered.
WATCH_WORKER = """(() => {
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => { if (e.data && e.data.type === 3) window.__answered = performance.now(); });
    }
  };
})()"""

# Before the last key press: note when the first result shows (the names panel or Material's list) and when
# the list last changed.
ARM = """() => {
  const list = document.querySelector('.md-search-result__list');
  window.__first = null; window.__last = null; window.__answered = null;
  if (window.__obs) window.__obs.disconnect();
  window.__obs = new MutationObserver(() => {
    const now = performance.now() - window.__t0;
    if (window.__first === null && list.querySelector('.md-search-result__item')) window.__first = now;
    window.__last = now;
  });
  window.__obs.observe(list, {childList: true, subtree: true});
  document.querySelector('input.md-search__input').addEventListener('keydown', () => { window.__t0 = performance.now(); }, {once: true});
}"""

# Where each of the first n results leads: its best section (the first shown under the page title), or the
# page itself when no section of it scored as high as the page.
TOP_SECTIONS = """(n) => [...document.querySelectorAll('.md-search-result__item')].slice(0, n).map(item => {
  const links = [...item.querySelectorAll(':scope > a.md-search-result__link')];
  const section = links.find(a => new URL(a.href).hash) || links[0];
  return section ? section.href : null;
})"""


@dataclass
class Probe:
    query: str
    entry_id: str
    href: str | None
    latency_ms: float | None  # keystroke to the first result shown
    top: list[str | None] = field(default_factory=list)
    settled_ms: float | None = None  # keystroke to the last change of the results, once full-text search answered

    @property
    def hit(self) -> bool:
        return bool(self.href) and self.href.endswith(f"#{self.entry_id}")


@dataclass
class ConceptProbe:
    query: str
    expect: set[str]  # locations as the index has them: "page/path/#anchor" or "page/path/"
    top: list[str | None]
    latency_ms: float | None
    settled_ms: float | None = None

    def rank(self) -> int | None:
        """1-based position of the first expected result among the first three, or None."""
        for i, href in enumerate(self.top, start=1):
            if href and location(href) in self.expect:
                return i
        return None


def location(href: str) -> str:
    """An absolute result URL as an index location: path below the site root, plus #anchor if any."""
    url = urlsplit(href)
    path = url.path.lstrip("/")
    return f"{path}#{url.fragment}" if url.fragment else path


def queries(catalog) -> list[tuple[str, str]]:
    return [(label, entry.id) for entry in catalog for label in entry.names]


def concept_queries(root: Path, directory_urls: bool = True) -> list[tuple[str, set[str]]]:
    """data/search-queries.yml as (query, expected locations); targets are docs paths, "page.md#anchor"."""
    from macros.loader import read_yaml
    from macros.urls import page_url
    rows = read_yaml(root / QUERIES, root) or []
    result = []
    for row in rows:
        targets = set()
        for target in row["expect"]:
            page, _, anchor = target.partition("#")
            targets.add(page_url(page, directory_urls) + (f"#{anchor}" if anchor else ""))
        result.append((row["query"], targets))
    return result


def _open_search(page, base_url: str):
    page.add_init_script(WATCH_WORKER)
    page.goto(base_url)
    page.wait_for_load_state("load")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("SageMake")  # Material searches on key events, not on fill(): finish with a key press
    page.keyboard.press("r")  # the first query also waits for the worker to load the index
    page.locator(".md-search-result__list > .md-search-result__item:not(.names-hit)").first.wait_for(timeout=20000)
    return box


def _type(page, box, query: str, n: int) -> tuple[list[str | None], float | None, float | None]:
    """Type `query` as a learner does (the last key is a real key press), wait for the full-text search to
    answer and read the first n results (names panel first): (hrefs, first-result ms, settled ms)."""
    box.fill(query[:-1])
    page.evaluate(ARM)
    page.keyboard.press(query[-1] if query[-1] != " " else "Space")
    try:
        page.wait_for_function("window.__answered !== null", timeout=5000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")  # its rendering
        first, last = page.evaluate("[window.__first, window.__last]")
    except Exception:
        first = last = None
    return page.evaluate(TOP_SECTIONS, n), first, last


def run(page, base_url: str, catalog, part: int = 0, parts: int = 1) -> list[Probe]:
    """Probe every name and alias, or every `parts`-th one from `part` (so tests can spread them over workers)."""
    box = _open_search(page, base_url)
    results = []
    for query, entry_id in queries(catalog)[part::parts]:
        top, first, settled = _type(page, box, query, 1)
        results.append(Probe(query, entry_id, top[0] if top else None, first, top, settled))
    return results


def run_concepts(page, base_url: str, concepts: list[tuple[str, set[str]]]) -> list[ConceptProbe]:
    box = _open_search(page, base_url)
    return [ConceptProbe(query, expect, *_type(page, box, query, 3)) for query, expect in concepts]


def percentiles(values) -> tuple[float, float, int]:
    """Median and 95th percentile of the measured values (None left out), and how many there were."""
    measured = sorted(v for v in values if v is not None)
    if not measured:
        return float("nan"), float("nan"), 0
    return statistics.median(measured), measured[int(round(0.95 * (len(measured) - 1)))], len(measured)


def timing_lines(results) -> list[str]:
    first, settled = percentiles(r.latency_ms for r in results), percentiles(r.settled_ms for r in results)
    return [f"first result after the last keystroke: median {first[0]:.1f} ms, p95 {first[1]:.1f} ms (n={first[2]})",
            f"results settled (full-text search answered): median {settled[0]:.1f} ms, p95 {settled[1]:.1f} ms (n={settled[2]})"]


def summary(results: list[Probe], index_bytes: int) -> str:
    hits = sum(r.hit for r in results)
    lines = [f"name queries: {len(results)}  first-result hits: {hits} ({100 * hits / len(results):.1f}%)",
             *timing_lines(results), f"search index: {index_bytes / 1024:.0f} KiB"]
    misses = [r for r in results if not r.hit]
    lines += [f"  miss: {r.query!r} (wanted #{r.entry_id}) -> {r.href}" for r in misses]
    return "\n".join(lines)


def concept_rates(results: list[ConceptProbe]) -> tuple[float, float]:
    """Share of concept queries whose expected section is first, and within the first three."""
    ranks = [r.rank() for r in results]
    return sum(r == 1 for r in ranks) / len(ranks), sum(r is not None for r in ranks) / len(ranks)


def concept_summary(results: list[ConceptProbe]) -> str:
    top1, top3 = concept_rates(results)
    lines = [f"concept queries: {len(results)}  top-1: {100 * top1:.1f}%  top-3: {100 * top3:.1f}%", *timing_lines(results)]
    for r in results:
        rank = r.rank()
        if rank != 1:
            got = ", ".join(location(h) if h else "-" for h in r.top)
            lines.append(f"  {'miss' if rank is None else f'#{rank}  '}: {r.query!r} -> {got}")
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
        page = browser.new_page()
        results = run(page, url, catalog)
        concepts = run_concepts(page, url, concept_queries(root))
        browser.close()
    print(summary(results, (out / "search" / "search_index.json").stat().st_size))
    print(concept_summary(concepts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
