"""Print the cheat sheets to PDF with Chromium (`make pdf`), and count their pages.

Used by `make pdf` (writes pdf/<sheet>.pdf, A4) and by the print tests (page budgets).
"""
from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHEETS = [s["id"] for s in yaml.safe_load((ROOT / "data/cheatsheets.yml").read_text(encoding="utf-8"))] + ["exam-day"]
BUDGET = {"exam-day": 6}  # pages; every other sheet: 2
MIN_LAST_PAGE_FILL = 0.5  # a domain sheet's last page is at least half full
PAPER = {"A4": (210, 297), "Letter": (215.9, 279.4)}  # mm
MARGIN_MM = (11, 10)  # left/right, top/bottom: keep in step with @page in overrides/assets/stylesheets/print.css


def budget(sheet: str) -> int:
    return BUDGET.get(sheet, 2)


def printable_width_px(paper: str) -> int:
    return int((PAPER[paper][0] - 2 * MARGIN_MM[0]) / 25.4 * 96)


def sheet_pdf(page, base_url: str, sheet: str, paper: str = "A4") -> bytes:
    page.goto(f"{base_url}cheatsheets/{sheet}/")
    page.wait_for_load_state("networkidle")
    return page.pdf(format=paper, prefer_css_page_size=False, print_background=False)


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(pdf)).pages)


def last_page_fill(pdf: bytes) -> float:
    """How far down the printable area of the last page its text reaches (0 = empty, 1 = full)."""
    from pypdf import PdfReader
    last = PdfReader(io.BytesIO(pdf)).pages[-1]
    height = float(last.mediabox.height)
    margin = MARGIN_MM[1] / 25.4 * 72
    lowest = [height]

    def visit(text, cm, tm, font, size):
        if text.strip():
            lowest[0] = min(lowest[0], cm[5] + tm[5] * cm[3])  # baseline in page space (points, from the bottom)

    last.extract_text(visitor_text=visit)
    return round((height - margin - lowest[0]) / (height - 2 * margin), 2)


def page_texts(pdf: bytes) -> list[str]:
    from pypdf import PdfReader
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def main() -> int:
    root = ROOT
    sys.path[:0] = [str(root), str(root / "scripts")]
    from browser import CHROMIUM_ARGS, build, chromium_path, serve
    from playwright.sync_api import sync_playwright

    out_dir = root / "pdf"
    out_dir.mkdir(exist_ok=True)
    site = Path(tempfile.mkdtemp(prefix="pdf-site-"))
    result = build(root, site)
    if result.returncode:
        print(result.stdout, result.stderr)
        return 1
    chromium = chromium_path()
    if not chromium:
        print("Chromium not found: apt-get install chromium")
        return 1
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for sheet in SHEETS:
            pdf = sheet_pdf(page, url, sheet)
            (out_dir / f"{sheet}.pdf").write_bytes(pdf)
            print(f"pdf/{sheet}.pdf: {page_count(pdf)} A4 pages (budget {budget(sheet)}), "
                  f"last page {last_page_fill(pdf):.0%} full")
        browser.close()
    print("Run `make build` (or `make serve`) again to publish the PDFs with download links.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
