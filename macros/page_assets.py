"""Each page loads only the scripts it uses (issue 23), decided from what its HTML contains.

Our scripts are classic scripts, not ES modules: modules do not load from file:// in Chromium, and the offline
build must keep working. Each file registers itself with the small loader in overrides/main.html
(`awsmlDefine(name, dependencies, factory)`), which hands each file its dependencies' results and runs it once:
pages load normally (mkdocs.yml turns Material's instant navigation off), but with it on, Material re-inserts the
scripts of every page it swaps in, all at once and in no guaranteed order, and the loader keeps that working.
The tags carry `defer`, so none holds up the first paint.

`scripts_for` reads the markers our macros emit (a quiz block, the practice exam, My progress, the flashcard review
and its "what is due" line, comparison tables, print buttons, the exam picker) and gives the files to load,
dependencies first, each once. `add_scripts` appends their <script> tags to the page's content, with URLs relative
to the page, so the site also works from file:// (the offline build).

`move_data_out` moves a page's large JSON data island (`<div id="quiz-data" hidden data-json="…">`, every question
on the site) into a script file beside the assets, which the page's script loads when it runs: the page no longer
carries it in its HTML. A script file, not JSON fetched, because fetch() fails from file://.
"""
from __future__ import annotations

import hashlib
import html as html_lib
import json
import posixpath
import re
from pathlib import Path

SCRIPTS = "assets/javascripts"
DATA = "assets/data"

# Loaded on every page, whatever it holds: the search box's names panel (it loads its index when the box is used).
ALWAYS: tuple[str, ...] = ("search-names.js",)

# What each of our scripts needs to have run before it (overrides/assets/javascripts/; the names in their
# awsmlDefine calls are these file names without ".js").
DEPENDS: dict[str, tuple[str, ...]] = {
    "study-store.js": (),
    "question-types.js": ("study-store.js",),
    "quiz.js": ("study-store.js", "question-types.js"),
    "exam-review.js": ("study-store.js", "question-types.js"),
    "exam.js": ("study-store.js", "question-types.js", "exam-review.js"),
    "progress.js": ("study-store.js", "exam-review.js"),
    "review-summary.js": ("study-store.js",),
    "review.js": ("study-store.js", "review-summary.js"),
    "print.js": (),
    "tables.js": (),
    "search-names.js": (),
}


def _class(name: str) -> re.Pattern:
    """An element whose class attribute holds `name` as one of its classes."""
    return re.compile(r'\sclass="(?:[^"]*\s)?' + re.escape(name) + r'(?:\s[^"]*)?"')


# Marker in the page's HTML -> the scripts it needs (their dependencies follow from DEPENDS).
MARKERS: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = (
    (_class("quiz"), ("quiz.js",)),                      # a notes page's "Check yourself" (macros/quiz.py)
    (_class("exam"), ("exam.js",)),                      # the practice exam (docs/practice/exam.md)
    (_class("quiz-progress"), ("progress.js",)),         # My progress (macros/templates/progress.html)
    (_class("review"), ("review.js",)),                  # the flashcard review (macros/templates/review.html)
    (_class("review-summary"), ("review-summary.js",)),  # "what is due" on Home and My progress
    (_class("exam-picker"), ("study-store.js",)),        # "I am studying for" (it keeps the choice)
    (_class("compare-frame"), ("tables.js",)),           # comparison tables (macros/compare.py)
    (_class("compare-picker"), ("tables.js",)),          # the Compare page's picker
    (re.compile(r"<[a-z][^>]*\sdata-print[\s>=]"), ("print.js",)),  # "Print this sheet"
)


def scripts_for(html: str) -> list[str]:
    """The script files a page's HTML needs, each after its dependencies, each once; ALWAYS first."""
    wanted = list(ALWAYS)
    for marker, scripts in MARKERS:
        if marker.search(html):
            wanted += scripts
    out: list[str] = []

    def add(name: str) -> None:
        if name in out:
            return
        for dependency in DEPENDS.get(name, ()):
            add(dependency)
        out.append(name)

    for name in wanted:
        add(name)
    return out


def _folder(page_url: str) -> str:
    """The folder a page's URL resolves relative links against ("a/b/" -> "a/b", "a/b.html" -> "a", "" -> ".")."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return folder.strip("/") or "."


def relative(path: str, page_url: str) -> str:
    """A site-root path as a URL relative to the page."""
    return posixpath.relpath(path, _folder(page_url))


def add_scripts(html: str, page_url: str) -> str:
    """The page's HTML with the <script> tags of the scripts it needs appended (none when it needs none)."""
    tags = "".join(f'<script defer src="{relative(f"{SCRIPTS}/{name}", page_url)}"></script>'
                   for name in scripts_for(html))
    return html + ("\n" + tags + "\n" if tags else "")


# The data island quiz_data() and the progress page write (one element, its JSON in an attribute).
ISLAND = re.compile(r'<div id="quiz-data" hidden data-json="(?P<json>[^"]*)"></div>')


def move_data_out(html: str, page_url: str) -> tuple[str, dict[str, str]]:
    """Replace a page's data island by a reference to a script file holding it; returns the new HTML and the
    files to write ({site path: text}). The file's name carries a hash of its content, so a browser never pairs
    a page with the data of another build; the script files' loader (study-store.js) reads it by that key."""
    files: dict[str, str] = {}

    def move(match: re.Match) -> str:
        text = html_lib.unescape(match["json"])
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        path = f"{DATA}/quiz-data.{key}.js"
        # JSON.parse of a string literal, not an object literal: engines parse JSON faster than JavaScript.
        files[path] = (f"/* Generated by the build (macros/page_assets.py). */\n"
                       f'(window.AwsmlData = window.AwsmlData || {{}})["{key}"] = JSON.parse({json.dumps(text)});\n')
        return f'<div id="quiz-data" hidden data-src="{relative(path, page_url)}" data-key="{key}"></div>'

    return ISLAND.sub(move, html), files


def finish(html: str, page_url: str, site_dir: str | Path) -> str:
    """What hooks/page.py calls last on every page: data islands moved out (their files written), scripts added."""
    html, files = move_data_out(html, page_url)
    for path, text in files.items():
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return add_scripts(html, page_url)


# Our stylesheets, split by concern in overrides/assets/stylesheets/, are served as one file: each <link> in the
# head holds up the first paint, and six of them cost a phone six requests before the page shows.
STYLESHEETS = ("base.css", "tables.css", "quiz.css", "print.css", "search.css", "review.css")
BUNDLE = "assets/stylesheets/site.css"  # the one file mkdocs.yml `extra_css` names


def bundle_styles(source: Path) -> str:
    """STYLESHEETS concatenated in order: the text of BUNDLE."""
    return "\n".join(f"/* ---- {name} ---- */\n" + (source / name).read_text(encoding="utf-8") for name in STYLESHEETS)
