"""Read the front matter of docs/ pages (for page titles and domains outside the page being rendered)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .errors import DataError


@lru_cache(maxsize=None)
def _cached(path: str, mtime: float) -> dict:
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 4)
    if end < 0:
        raise DataError(path, None, "front matter", "front matter is not closed by '---'")
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise DataError(path, None, "front matter", f"YAML syntax error: {exc}") from exc
    return meta if isinstance(meta, dict) else {}


def front_matter(path: Path) -> dict:
    return _cached(str(path), path.stat().st_mtime)


def page_index(docs: Path) -> dict[str, dict]:
    """Front matter of every page, keyed by its path relative to docs/."""
    return {p.relative_to(docs).as_posix(): front_matter(p) for p in sorted(docs.rglob("*.md"))}


def nav_order(nav: list) -> list[str]:
    """Page paths in the order the mkdocs.yml nav lists them."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(nav)
    return [p for p in found if p.endswith(".md")]
