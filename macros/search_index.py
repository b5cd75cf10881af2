"""Shape Material's search index (lunr, full text) after the build, and write the names index beside it.

Two answers come from the search box. The names panel (macros/search_names.py, search-names.js) answers at
once for a typed name, alias, keyword or heading. Lunr answers a moment later from this index, which is there
for everything else: what a learner types for a concept in words of their own. Lunr sums, per field, how
often the typed words occur times the field's boost, with no allowance for length (`b = 0`), and adds a
trailing wildcard to every typed word. Its fields, boosts close together so that matching more of the typed
words counts for more than matching one of them in a heavier field:

1. `title` (HEADING_BOOST): every section's heading, the author's own summary of the section.
2. `keywords` (KEYWORDS_BOOST): what a learner types for the task or concept, from the catalog's `keywords:`
   and data/search-keywords.yml, each word once per section.
3. `names` (NAMES_BOOST): the words of a catalog entry's name and aliases, weighted by how people type them
   (`name_words`), and `reached` for name words a shorter typed word reaches by the wildcard.
4. `text` (1): the section's lead (TEXT_LIMIT), not the whole section, to keep the index small.

Pages that only repeat the notes or are practice tools are reduced to their title and first paragraph
(`REPEATS`); the glossary and the exam coverage pages are weighted down, so they never outrank the notes.
Until the names panel existed (issue 23), names and keywords weighed a million times the text so that a
typed name would win; that also let one name word outweigh a section matching every word of a concept.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from . import search_names, section_keywords
from .catalog import Catalog
from .section_keywords import SectionKeywords
from .errors import DataError
from .urls import page_url

NAMES_FIELD, KEYWORDS_FIELD, REACHED_FIELD = "names", "keywords", "reached"
# Measured with the concept queries of data/search-queries.yml (make search-report): flattening these from
# 1e6 / 9e5 / 4.5e5 / 1e5 raised the full-text part's top-1 from 69 % to 76 %; differences among 1-10 were small.
HEADING_BOOST = 5
KEYWORDS_BOOST = 4
NAMES_BOOST = 3
# A name word that a shorter word people type reaches by the wildcard ("data" -> "DataSync", "q" -> "QuickSight").
REACHED_BOOST = 1


SHORT_NAME = 2  # words; names this short are what people type, so their words weigh more


def name_words(catalog: Catalog, separator: str) -> dict[str, list[str]]:
    """Tags for one entry's section: the words of its names, weighted by how people type them.

    Search scores every section that carries a typed word alike, so plain tags would let "Redshift"
    land on Amazon Redshift ML. Each word appears once, once more if it is in a short name (one or two
    words), and once more if it is a whole name by itself: "Redshift" then leads to Amazon Redshift,
    "Redshift ML" to Redshift ML, and a longer name wins when all of its words are typed.
    The search box adds a trailing wildcard to every typed word, so a singular next to its plural
    ("stream", "streams") is kept only as the plural, which the wildcard reaches from both; a word that
    joins two of the entry's words ("LinearLearner") is kept once, without extra weight, because the
    wildcard on its first part already counts it; and a compound such as "sagemaker_pyspark" whose first
    part is another entry's one-word name is left out.
    """
    split = re.compile(separator)
    named = [[w for w in split.split(n) if w] for e in catalog for n in e.names]
    one_word = {name[0].casefold(): None for name in named if len(name) == 1}
    tags: dict[str, list[str]] = {}
    for entry in catalog:
        names = [[w for w in split.split(n) if w] for n in entry.names]
        own = {name[0].casefold() for name in names if len(name) == 1}
        words = {w.casefold(): w for name in names for w in name}
        plural = {k: k + suffix for k in words for suffix in ("s", "es") if k + suffix in words and len(k) > 3}
        keep = {}
        for key, word in words.items():
            first = re.split(r"[/_]", key)[0]
            if key in plural or (first != key and first in one_word and first not in own):
                continue
            keep[key] = word
        short = {plural.get(w.casefold(), w.casefold()) for name in names if len(name) <= SHORT_NAME for w in name}
        whole = {plural.get(k, k) for k in own}
        joined = {k for k in keep if any(k == a + b for a in keep for b in keep if a != k and b != k)}
        tags[entry.id] = [w for k, w in keep.items()
                          for _ in range(1 if k in joined else 1 + (k in short) + (k in whole))]
    return tags


CAMEL = re.compile(r"^[A-Z]?[a-z0-9]+(?=[A-Z])")  # "DataSync" -> "Data"
COMMON_SHARE = 0.05  # a word in this share of the index's documents is one people type for many things


def common_words(docs: list[dict], separator: str, share: float = COMMON_SHARE) -> set[str]:
    """Words (casefolded) in at least `share` of the index's documents: people type them for many things."""
    split = re.compile(separator)
    df: dict[str, int] = {}
    for doc in docs:
        for w in {w.casefold() for w in split.split(search_names.plain_text(f"{doc.get('title', '')} {doc.get('text', '')}")) if w}:
            df[w] = df.get(w, 0) + 1
    return {w for w, n in df.items() if n >= share * len(docs)}


# Families whose keywords are written as phrases learners type ("reduce inference cost"): their words common
# across the index ("reduce", "cost") would otherwise put the section first for any query using them, as a
# name does. (The names panel matches whole phrases; this keeps the full-text side from over-weighing their
# common words.) The older families' keywords are single
# terms chosen against the search report.
PHRASE_KEYWORD_FAMILIES = ("genai",)
PHRASE_COMMON_SHARE = 0.02  # for those, a word in this share of documents is too general to weigh as a name


def reached_words(catalog: Catalog, separator: str, docs: list[dict]) -> set[str]:
    """Name words (casefolded) that a shorter word people type reaches through the trailing wildcard.

    Lunr scores a word reached by the wildcard like a typed one, and a rare word scores high, so "DataSync"
    in a names field came first for "data warehouse", "QuickSight" for "Amazon Q" and "Airflow" for
    "SageMaker AI". Reached: a CamelCase word whose first part is common in the index ("Data", "Code",
    "Cloud") or is a word of another entry's names; a word that begins with an acronym of the catalog's
    names ("AI" -> "Airflow", "ML" -> "MLflow"); and a word that begins with a one-letter word standing
    alone in another entry's name ("Q" of Amazon Q -> "Quick", "quantization").
    """
    split = re.compile(separator)
    common = common_words(docs, separator)
    own = {e.id: {w for n in e.names for w in split.split(n) if w} for e in catalog}
    acronyms = {w.casefold() for ws in own.values() for w in ws if len(w) >= 2 and w.isupper() and w.isalpha()}
    letters = {w.casefold() for e in catalog for n in e.names for w in n.split()
               if len(w) == 1 and w.isalpha() and w.casefold() not in STOP_WORDS}  # the Q of Amazon Q
    reached = set()
    for entry in catalog:
        others = {w.casefold() for other, ws in own.items() if other != entry.id for w in ws}
        for word in own[entry.id]:
            key, camel = word.casefold(), CAMEL.match(word)
            shorter = [v for v in others if key.startswith(v) and len(key) > len(v)]
            if camel and (camel[0].casefold() in common or shorter):
                reached.add(key)
            elif any(key.startswith(a) and len(key) - len(a) >= 3 for a in acronyms if a != key):
                reached.add(key)
            elif len(key) > 1 and key[0] in letters and key[0] in others:
                reached.add(key)
    return reached


def keyword_words(catalog: Catalog, separator: str, common: set[str] = frozenset()) -> dict[str, list[str]]:
    """The words of each entry's keywords that add something, each once (a keyword weighs by being there).

    Left out: a word of the entry's own names (names already weigh more); a word that another of its words
    extends ("forecast" next to "forecasting"), because the trailing wildcard reaches the longer word from
    any query that reaches the shorter, so keeping both would count one typed word twice; and a word that
    extends a word of another entry's name ("files" and File mode, "dataframes" and Data Pipeline): typing
    that name would reach it, and a rare long word scores higher than the common name word it extends.
    A two- or three-letter lowercase part of a name ("pre" of "pre-training") is not such a name word:
    "pretrained" stays. One letter ("Q") and acronyms ("AI") are.
    """
    split = re.compile(separator)
    def words(labels):
        return {w.casefold(): w for label in labels for w in split.split(label) if w}
    names = {entry.id: words(entry.names) for entry in catalog}
    result = {}
    for entry in catalog:
        others = {k for other, ws in names.items() if other != entry.id for k, w in ws.items()
                  if len(k) == 1 or len(k) > 3 or w.isupper()}
        own = words(entry.keywords)
        generic = common if entry.family in PHRASE_KEYWORD_FAMILIES else set()
        result[entry.id] = [w for k, w in own.items() if k not in generic
                            and not any(name.startswith(k) for name in names[entry.id])
                            and not any(o != k and o.startswith(k) for o in own)
                            and not any(k != o and k.startswith(o) for o in others)]
    return result


def tag_catalog_sections(index: dict, catalog: Catalog, directory_urls: bool = True) -> int:
    """Give each catalog entry's section its name words and keywords; returns the count.

    The weighted name words go in a field that is searched but never shown: as `tags` they were shown on
    result cards as chips, repeated ("k · k · means · means"). No document has tags now, so cards show no
    chips; the aliases are still on the card, in the section's "Also known as" line.
    Page tags (the exam domain) are removed from the index: they are words of the tag field too, so
    "ML", "operations" or even "mode" (the wildcard reaches "Modeling") would lead to every page of a
    domain before the section asked for. The tag pages still list the pages by domain.
    """
    fields = index["config"]["fields"]
    fields[NAMES_FIELD] = {"boost": NAMES_BOOST}
    fields[KEYWORDS_FIELD] = {"boost": KEYWORDS_BOOST}
    fields[REACHED_FIELD] = {"boost": REACHED_BOOST}
    docs = {doc["location"]: doc for doc in index["docs"]}
    for doc in index["docs"]:
        doc.pop("tags", None)
    separator = index["config"]["separator"]
    names = name_words(catalog, separator)
    keywords = keyword_words(catalog, separator, common_words(index["docs"], separator, PHRASE_COMMON_SHARE))
    reached = reached_words(catalog, separator, index["docs"])
    for entry in catalog:
        location = f"{page_url(entry.page, directory_urls)}#{entry.id}"
        doc = docs.get(location)
        if doc is None:
            raise DataError("search/search_index.json", entry.id, "location",
                            f"no search document for section '{location}' (is the page or section excluded from search?)")
        doc[NAMES_FIELD] = [w for w in names[entry.id] if w.casefold() not in reached]
        if len(doc[NAMES_FIELD]) < len(names[entry.id]):
            doc[REACHED_FIELD] = [w for w in names[entry.id] if w.casefold() in reached]
        if keywords[entry.id]:
            doc[KEYWORDS_FIELD] = keywords[entry.id]
    return len(catalog)


def tag_other_sections(index: dict, sections: list[SectionKeywords], directory_urls: bool = True) -> None:
    """The keywords of sections that are not catalog entries (data/search-keywords.yml), as an entry's."""
    docs = {doc["location"]: doc for doc in index["docs"]}
    for item in sections:
        doc = docs[section_keywords.location(item, directory_urls)]
        doc[KEYWORDS_FIELD] = [w for w in {w.casefold(): w for k in item.keywords
                                           for w in re.split(index["config"]["separator"], k) if w}.values()]


# Pages that repeat the notes: the cheat sheets, the tag index, the comparison hub and the corrections list;
# and the practice tools, whose questions and cards only restate the notes.
# Each correction is also shown, in full, in a correction() box inside the section it corrects, so it is
# indexed there, next to the fact; one document per correction would only compete with that section, and
# the whole list as one document (30,000 characters) matched most queries. Services A–Z is excluded by
# its front matter. These pages keep one document, their title and first paragraph, so they are still
# found by name ("cheat sheet", "corrections").
REPEATS = ("cheatsheets/", "start/tags.md", "start/corrections.md", "compare.md", "practice/")
REPEAT_BOOST = 0.1
# The glossary spells out every abbreviation: the one place a bare acronym is expanded, so it stays whole,
# but weighted down, to come after every notes section that uses the term.
GLOSSARY = "start/glossary.md"
GLOSSARY_BOOST = 0.01
# The exam coverage pages list every task's skills and every in-scope service in the guide's words, with
# links to the sections that teach them: found for "task 2.2" or a skill's wording, after those sections.
COVERAGE = ("start/exams/", ("domain-", "task-", "services"))
COVERAGE_BOOST = REPEAT_BOOST


def demote_repeats(index: dict, directory_urls: bool = True) -> int:
    """Reduce the REPEATS pages to one short document, weigh down the glossary and the exam coverage sections;
    returns documents dropped."""
    def url(src):
        return page_url(src, directory_urls) if src.endswith(".md") else src
    repeats, glossary = tuple(url(src) for src in REPEATS), url(GLOSSARY)
    kept = []
    for doc in index["docs"]:
        path, _, anchor = doc["location"].partition("#")
        if path == glossary:
            doc["boost"] = GLOSSARY_BOOST
        elif path.startswith(COVERAGE[0]) and anchor.startswith(COVERAGE[1]):
            doc["boost"] = COVERAGE_BOOST
        elif path.startswith(repeats):
            if anchor:
                continue
            doc["text"] = doc["text"][: doc["text"].find("</p>") + 4] if "</p>" in doc["text"] else ""
            doc["boost"] = REPEAT_BOOST
        kept.append(doc)
    dropped = len(index["docs"]) - len(kept)
    index["docs"] = kept
    return dropped


def weigh_headings(index: dict) -> None:
    """Headings (the `title` field) weigh HEADING_BOOST instead of Material's 1,000.

    At 1,000 one heading word outweighed every other typed word found in a section's text and keywords, so
    a query of several words landed on any heading sharing one of them. Every section's heading is the
    author's own summary of it, so this applies to all sections alike.
    """
    index["config"]["fields"]["title"] = {"boost": HEADING_BOOST}


COMPOUND = re.compile(r"\b[A-Za-z0-9]+(?:[/_][A-Za-z0-9]+)+\b")
PARTS_FIELD = "parts"


def index_word_parts(index: dict) -> None:
    """Index the parts of slashed and underscored words ("Blue/Green" -> "Blue Green").

    The separator keeps such words whole so that "A/B" and "sagemaker_pyspark" match as typed; this
    extra field, searched but never displayed, lets their parts match too.
    """
    index["config"]["fields"].setdefault(PARTS_FIELD, {"boost": 1.0})
    for doc in index["docs"]:
        words = COMPOUND.findall(f"{doc.get('title', '')} {doc.get('text', '')}")
        parts = {part for word in words for part in re.split(r"[/_]", word) if part}
        if parts:
            doc[PARTS_FIELD] = " ".join(sorted(parts))


# Lunr's English stop words (lunr.stopWordFilter), which the index already leaves out.
STOP_WORDS = """a able about across after all almost also am among an and any are as at be because been but by can
cannot could dear did do does either else ever every for from get got had has have he her hers him his how however
i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only
or other our own rather said say says she should since so some than that the their them then there these they this
tis to too twas us wants was we were what when where which while who whom why will with would yet you your""".split()
WORD_EDGE = r'\s\-,;:!?()\[\]".'  # the characters the configured separator splits on


def separate_stop_words(index: dict) -> None:
    """Make the stop words separators, so a query drops them instead of searching them as prefixes.

    Material adds a trailing wildcard to every typed word and lunr skips its stop-word filter for wildcard
    terms, so "speech to text" also searched "to*" and found TorchServe, "detect faces in images" found
    Inferentia. The same separator splits the pages when the index loads, where these words were dropped
    anyway, so the index keeps the same terms; only queries change. A stop word counts only as a whole
    word ("A/B", "A2I" and "it's" stay as they are), in any case.
    """
    words = "|".join("".join(f"[{c.upper()}{c}]" for c in w) for w in sorted(STOP_WORDS, key=len, reverse=True))
    edge = f"[^{WORD_EDGE}]"
    config = index["config"]
    config["separator"] = f"{config['separator']}|(?<!{edge})(?:{words})(?!{edge})"


# What a search document keeps of its section's text: the lead, where the section says what it is about. The
# rest is found through the section's heading, its entry's names and keywords, and the names panel; keeping
# whole sections made the index 1,338 KB (357 KB gzip) at 653 documents, fetched on every first visit.
TEXT_LIMIT = 450  # characters
# Left out of the text: what a correction box quotes of the notes (wrong by definition) and source lines.
NOT_INDEXED = re.compile(r"<p>(?:The notes said|Sources?):.*?</p>", re.S)


def shorten_text(index: dict, limit: int = TEXT_LIMIT) -> None:
    """Each document's text as plain text (entities kept), cut to `limit` characters at a word boundary."""
    for doc in index["docs"]:
        text = search_names.plain_text(NOT_INDEXED.sub(" ", doc.get("text", "")))
        if len(text) > limit:
            text = text[:limit].rsplit(" ", 1)[0] + " …"
        doc["text"] = text


def rewrite(site_dir: Path, catalog: Catalog, sections: list[SectionKeywords] = (), directory_urls: bool = True) -> int:
    """Write the names index (search/names.js) and rewrite Material's search index in place."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    section_keywords.check(sections, {doc["location"] for doc in index["docs"]}, catalog, directory_urls)
    search_names.write(site_dir, search_names.build(index["docs"], catalog, sections, directory_urls))
    process(index, catalog, directory_urls, sections)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(catalog)


def process(index: dict, catalog: Catalog, directory_urls: bool = True, sections: list[SectionKeywords] = ()) -> dict:
    """All the rewriting, on the parsed index (scripts and tests call it on an index they hold)."""
    demote_repeats(index, directory_urls)
    weigh_headings(index)
    tag_catalog_sections(index, catalog, directory_urls)  # measures common words on the whole text
    tag_other_sections(index, sections, directory_urls)
    shorten_text(index)
    index_word_parts(index)
    separate_stop_words(index)
    return index
