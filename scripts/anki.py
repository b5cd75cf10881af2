"""Write the site's flashcards as an Anki deck (`make anki`): anki/aws-ml-study-cards.apkg.

The links on the cards point at SITE_URL (as in mkdocs.yml; default http://127.0.0.1:8000/).
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from macros.anki_deck import DECK_FILE, write_deck
    from macros.cards import KINDS
    from macros.site import load_site

    data = load_site(ROOT)
    site_url = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    path = write_deck(data.cards, data.exams, site_url, ROOT / "anki" / DECK_FILE)
    kinds = Counter(card.kind for card in data.cards)
    print(f"{path.relative_to(ROOT)}: {len(data.cards)} notes, {path.stat().st_size:,} bytes, links to {site_url}")
    for kind in sorted(kinds, key=list(KINDS).index):
        print(f"  {kind:6} {KINDS[kind]:16} {kinds[kind]:5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
