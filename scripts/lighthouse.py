"""Lighthouse over every page of the built site (part of `make bench`): mobile emulation, served with gzip.

Builds the site for a free loopback port (or uses SITE=dir, built for LIGHTHOUSE_PORT), serves it gzipped,
runs the pinned Lighthouse of scripts/lighthouse/ once per page in sequence and prints one row per page
plus the min/median, and each audit that keeps a non-performance category under 100.
PAGES="practice/progress/ start/services/" limits the run; LIGHTHOUSE_RUNS=3 audits each page three times and
keeps the run with the median performance score (Lighthouse's advice on a noisy machine); LIGHTHOUSE_OUT=dir keeps
the JSON reports.
"""
from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from functools import partial
from http.server import ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import ROOT, _Quiet, build, chromium_path, free_port  # noqa: E402

CLI = ROOT / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "1"))
TARGET = ("targets: performance ≥ 95 (Material's own floor here is 98), blocking time ≤ 200 ms; accessibility, "
          "best practices, SEO 100; CLS 0")


class GzipHandler(_Quiet):
    """The test server's static handler, plus what a real host does: keep-alive (HTTP/1.1) and gzip for text files.

    Lighthouse simulates a slow network from the connections it observed, so HTTP/1.0's connection per request
    would cost every asset extra round trips that no real reader pays."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()  # directory redirects, 404s, images, clients without gzip
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


@contextmanager
def serve_gzip(directory: Path, port: int):
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def pages(site: Path) -> list[str]:
    """Every page of the built site, as its URL path ("" is the home page)."""
    found = sorted(str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html"))
    return ["" if p == "./" else p for p in found]


def audit(url: str, out: Path | None) -> dict:
    env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
    result = subprocess.run([str(CLI), url, "--quiet", "--output=json", "--output-path=stdout",
                             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                            capture_output=True, text=True, env=env)
    if result.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    if out:
        name = url.split("/", 3)[3].strip("/").replace("/", "_") or "home"
        (out / f"{name}.json").write_text(result.stdout)
    return report


def median_run(url: str, out: Path | None) -> dict:
    rows = sorted((figures(audit(url, out)) for _ in range(RUNS)), key=lambda r: r["performance"])
    return rows[len(rows) // 2]


def figures(report: dict) -> dict:
    audits = report["audits"]
    row = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    row.update(cls=audits["cumulative-layout-shift"]["numericValue"], tbt=audits["total-blocking-time"]["numericValue"],
               lcp=audits["largest-contentful-paint"]["numericValue"], dom=audits["dom-size"].get("numericValue", 0))
    row["failing"] = sorted({ref["id"] for c in CATEGORIES[1:] for ref in report["categories"][c]["auditRefs"]
                             if ref["weight"] and (audits[ref["id"]]["score"] is not None) and audits[ref["id"]]["score"] < 1})
    return row


COLUMNS = ("perf", "a11y", "bp", "seo", "CLS", "TBT ms", "LCP ms", "DOM")


def line(name: str, values) -> str:
    return f"{name:<44}" + "".join(f"{v:>8}" for v in values)


def cells(r: dict) -> tuple:
    return (*(round(r[c]) for c in CATEGORIES), f"{r['cls']:.3f}",
            round(r["tbt"]), round(r["lcp"]), int(r["dom"]))


def main() -> int:
    if not CLI.exists():
        raise SystemExit("Lighthouse is not installed: run `make bench` (it runs npm ci in scripts/lighthouse/)")
    out = Path(os.environ["LIGHTHOUSE_OUT"]) if os.environ.get("LIGHTHOUSE_OUT") else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    if os.environ.get("SITE"):
        site, port = Path(os.environ["SITE"]), int(os.environ.get("LIGHTHOUSE_PORT", "8000"))
    else:
        port, site = free_port(), Path(tempfile.mkdtemp(prefix="lighthouse-")) / "site"
        built = build(ROOT, site, {"SITE_URL": f"http://127.0.0.1:{port}/"})
        if built.returncode:
            raise SystemExit(f"build failed:\n{built.stderr[-2000:]}")
    wanted = os.environ.get("PAGES", "").replace(",", " ").split()
    paths = [p for p in pages(site) if not wanted or p in wanted or (p or "/") in wanted]
    print(f"# Lighthouse {json.loads((CLI.parents[1] / 'lighthouse' / 'package.json').read_text())['version']}, "
          f"mobile, gzip, {len(paths)} page(s), median of {RUNS} run(s); {TARGET}")
    print(line("page", COLUMNS))
    rows = {}
    with serve_gzip(site, port) as url:
        for path in paths:
            rows[path] = median_run(url + path, out)
            print(line(path or "(home)", cells(rows[path])), flush=True)
    if not rows:
        return 0
    for label, best, worst in (("min (max for CLS to DOM)", min, max), ("median", statistics.median, statistics.median)):
        summary = {k: best(r[k] for r in rows.values()) for k in CATEGORIES}
        summary.update({k: worst(r[k] for r in rows.values()) for k in ("cls", "tbt", "lcp", "dom")})
        print(line(label, cells(summary)))
    for path, r in rows.items():
        if r["failing"]:
            print(f"  {path or '(home)'}: failing audits {', '.join(r['failing'])}")
    missed = [p or "(home)" for p, r in rows.items()
              if r["performance"] < 95 or r["tbt"] > 200 or r["cls"] > 0 or min(r[c] for c in CATEGORIES[1:]) < 100]
    print(f"pages off target: {len(missed)} of {len(rows)}" + (f" ({', '.join(missed)})" if missed else ""))
    below_floor = sum(r["performance"] < 98 for r in rows.values())
    print(f"pages below Material's floor of 98: {below_floor} of {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
