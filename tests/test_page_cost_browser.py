"""Pages cost what they show (issue 23): each page loads only the scripts it uses, a notes page's quiz costs no DOM
until the learner gets to it, the practice pages carry their questions and cards as data rather than as elements,
and all of it still works: by keyboard, without JavaScript, from a #q-<id> link, after navigating between them."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from macros import page_assets
from test_progress_browser import reach_quiz

browser_test = pytest.mark.browser
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
NOTES = "data-preparation/kinesis/"
PRACTICE_ONLY = ("exam.js", "exam-review.js", "progress.js", "review.js", "review-summary.js", "ts-fsrs", "assets/data/")
DOM_BUDGET = 1500      # elements at load on any notes page (issue 23)
QUIZ_AT_LOAD = 10      # a quiz block before it is built: intro, score line, the noscript and its wrapper


# ---------- macros/page_assets.py: which markers give which scripts ----------

def _section(cls: str, tag: str = "div") -> str:
    return f'<p>Text</p>\n<{tag} class="{cls}" data-search-exclude></{tag}>'


@pytest.mark.parametrize("html, scripts", [
    ("<h1>Plain page</h1><p>No widgets.</p>", []),
    (_section("quiz", "section"), ["study-store.js", "question-types.js", "quiz.js"]),
    (_section("exam"), ["study-store.js", "question-types.js", "exam-review.js", "exam.js"]),
    (_section("quiz-progress"), ["study-store.js", "question-types.js", "exam-review.js", "progress.js"]),
    (_section("review"), ["study-store.js", "review-summary.js", "review.js"]),
    (_section("review-summary"), ["study-store.js", "review-summary.js"]),
    ('<select id="exam-picker" class="exam-picker">', ["study-store.js"]),
    ('<div class="compare-frame">', ["tables.js"]),
    ('<form class="compare-picker print-hide">', ["tables.js"]),
    ('<button type="button" class="md-button" data-print>Print this sheet</button>', ["print.js"]),
], ids=["plain", "quiz", "exam", "progress", "review", "due-line", "exam-picker", "compare-table", "compare-picker",
        "print"])
def test_each_marker_gives_its_scripts_after_their_dependencies(html, scripts):
    assert page_assets.scripts_for(html) == [*page_assets.ALWAYS, *scripts]


def test_classes_match_whole_names_and_each_script_loads_once():
    # "quiz-title", "quiz-question" or "review-card" are not the blocks that need a script.
    assert page_assets.scripts_for('<h2 class="quiz-title">Check</h2><div class="review-card exam-card"></div>') == \
        list(page_assets.ALWAYS)
    both = page_assets.scripts_for(_section("quiz-progress") + _section("review-summary") + _section("md-typeset quiz"))
    assert len(both) == len(set(both))
    assert both[:len(page_assets.ALWAYS)] == list(page_assets.ALWAYS)  # the search box's script on every page
    assert both.index("study-store.js") == len(page_assets.ALWAYS) and both.index("question-types.js") < both.index("quiz.js")
    assert both.index("exam-review.js") < both.index("progress.js")


@pytest.mark.parametrize("url, prefix", [("", ""), ("compare/", "../"), ("data-preparation/kinesis/", "../../"),
                                         ("data-preparation/kinesis.html", "../"), ("index.html", "")],
                         ids=["home", "one-folder", "two-folders", "offline-file", "offline-home"])
def test_script_urls_are_relative_to_the_page(url, prefix):
    out = page_assets.add_scripts('<div class="compare-frame"></div>', url)
    assert out.endswith(f'<script defer src="{prefix}assets/javascripts/tables.js"></script>\n')
    plain = page_assets.add_scripts("<p>Nothing</p>", url)
    assert re.findall(r'src="([^"]+)"', plain) == [f"{prefix}assets/javascripts/{name}" for name in page_assets.ALWAYS]


def test_the_data_island_moves_to_a_script_file_named_by_its_content():
    payload = {"questions": [{"id": "q1", "prompt": "Is \"A\" < B & C?"}], "exams": []}
    text = json.dumps(payload)
    html = f'<p>x</p><div id="quiz-data" hidden data-json="{text.replace("&", "&amp;").replace(chr(34), "&quot;").replace("<", "&lt;")}"></div>'
    out, files = page_assets.move_data_out(html, "practice/exam/")
    (path, script), = files.items()
    key = re.search(r'data-key="([0-9a-f]+)"', out).group(1)
    assert out == f'<p>x</p><div id="quiz-data" hidden data-src="../../{path}" data-key="{key}"></div>'
    assert path == f"assets/data/quiz-data.{key}.js"
    assign = f'(window.AwsmlData = window.AwsmlData || {{}})["{key}"] = '
    literal = script.split(assign, 1)[1].rstrip()
    assert literal.startswith("JSON.parse(") and literal.endswith(");")
    assert json.loads(json.loads(literal[len("JSON.parse("):-2])) == payload
    assert page_assets.move_data_out("<p>none</p>", "practice/exam/") == ("<p>none</p>", {})


def test_the_scripts_declare_the_dependencies_page_assets_resolves():
    """Each script registers itself with the loader in overrides/main.html under its file name, needing what
    page_assets.DEPENDS says, so the order the tags are written in never matters."""
    for name, needs in page_assets.DEPENDS.items():
        source = (SCRIPTS / name).read_text(encoding="utf-8")
        match = re.search(r'awsmlDefine\("([a-z-]+)", \[([^\]]*)\]', source)
        assert match, f"{name} does not register with awsmlDefine"
        declared = re.findall(r'"([a-z-]+)"', match.group(2))
        assert match.group(1) == name[:-3] and declared == [d[:-3] for d in needs], name
        assert "window.AwsmlStudy" not in source, name
    assert all((SCRIPTS / name).is_file() for name in page_assets.ALWAYS)
    assert "awsmlDefine" in (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")


# ---------- the built site in Chromium ----------

def _notes_pages(site) -> list[str]:
    """Every page with a quiz block: the notes pages, whatever their number."""
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                  if 'class="quiz"' in p.read_text(encoding="utf-8"))


@browser_test
def test_every_notes_page_loads_under_its_dom_budget_with_its_quiz_unbuilt(page, base_url, site):
    pages = _notes_pages(site)
    assert len(pages) >= 20
    page.set_viewport_size({"width": 412, "height": 823})
    over, quiz_cost = {}, {}
    for path in pages:
        page.goto(base_url + path)
        page.locator(".quiz[data-ready]").wait_for(state="attached")
        elements, in_quiz = page.evaluate("""() => [document.getElementsByTagName('*').length,
            document.querySelector('.quiz').getElementsByTagName('*').length]""")
        if in_quiz > QUIZ_AT_LOAD:
            quiz_cost[path] = in_quiz
        if elements > DOM_BUDGET:
            over[path] = elements
    assert not quiz_cost, f"quizzes built at load: {quiz_cost}"
    assert not over, f"notes pages over {DOM_BUDGET} elements at load: {over}"


@browser_test
def test_a_notes_page_asks_for_no_practice_script_and_its_quiz_works_by_keyboard(page, base_url, site_data):
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(base_url + NOTES)
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    ours = [u.split("/assets/", 1)[1] for u in asked if "/assets/" in u and "/assets/javascripts/bundle" not in u]
    assert not [u for u in ours if any(p in u for p in PRACTICE_ONLY)], ours
    assert {"javascripts/study-store.js", "javascripts/quiz.js"} <= set(ours)
    assert page.locator(".quiz-question").count() == 0  # not built: far below the first screen
    # Focus reaching the block (its intro's link comes first) builds it at once, before the questions get focus.
    assert page.evaluate("""() => { document.querySelector('.quiz-intro a').focus({preventScroll: true});
        return document.querySelectorAll('.quiz .quiz-question').length; }""") == \
        len(site_data.bank_for("data-preparation/kinesis.md").questions)
    page.keyboard.press("Tab")  # into the first question's choices
    first = page.locator(".quiz-question").first
    assert page.evaluate("document.activeElement.closest('.quiz-question') !== null")
    keyed = first.get_attribute("data-answer").split(",")
    for _ in range(first.locator("input").count()):  # arrow through the radio group to the keyed choice
        if page.evaluate("document.activeElement.value") in keyed:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # to the Check button
    page.keyboard.press("Enter")
    assert first.locator(".quiz-feedback").inner_text() == "Correct."
    assert first.locator(".quiz-answer").is_visible()


@browser_test
def test_scrolling_to_the_quiz_builds_it_with_saved_answers_shown_again(page, base_url):
    page.goto(base_url + NOTES)
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    reach_quiz(page)
    first = page.locator(".quiz-question").first
    keyed = first.get_attribute("data-answer").split(",")
    first.locator(f'input[value="{keyed[0]}"]').check()
    first.locator(".quiz-check").click()
    qid = first.get_attribute("data-qid")
    page.reload()
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    reach_quiz(page)
    again = page.locator(f'.quiz-question[data-qid="{qid}"]')
    assert again.locator(".quiz-feedback").inner_text() == "Correct."
    assert again.locator("input:checked").get_attribute("value") == keyed[0]


@browser_test
def test_the_quiz_reads_without_javascript(browser, base_url, site_data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + NOTES)
    bank = site_data.bank_for("data-preparation/kinesis.md")
    questions = page.locator(".quiz .quiz-question")
    assert questions.count() == len(bank.questions)
    assert questions.first.is_visible() and bank.questions[0].prompt in questions.first.inner_text()
    questions.first.locator(".quiz-answer summary").click()
    assert "Answer:" in questions.first.locator(".quiz-answer").inner_text()
    assert page.locator(".quiz .quiz-key li").count() == len(bank.questions)  # the key, for paper
    context.close()


@browser_test
def test_a_question_link_builds_the_quiz_and_shows_that_question(page, base_url, site_data):
    bank = site_data.bank_for("data-preparation/kinesis.md")
    target = bank.questions[-1]  # the last question: far down the page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base_url}{NOTES}#q-{target.id}")
    question = page.locator(f"#q-{target.id}")
    question.wait_for()
    header = page.locator(".md-header").bounding_box()
    box = question.bounding_box()
    assert header["y"] + header["height"] <= box["y"] < 800, (header, box)  # in view, clear of the fixed header
    assert target.prompt in question.locator("legend").inner_text()


@browser_test
def test_a_missed_question_on_my_progress_leads_to_it(page, base_url, site_data):
    page.goto(base_url + NOTES)
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    reach_quiz(page)
    question = page.locator('.quiz-question[data-type="single"]').nth(3)
    keyed = question.get_attribute("data-answer").split(",")
    question.locator(f'input:not([value="{keyed[0]}"])').first.check()
    question.locator(".quiz-check").click()
    qid = question.get_attribute("data-qid")
    page.goto(base_url + "practice/progress/")
    page.locator(".quiz-progress[data-ready]").wait_for(state="attached")
    page.locator(".progress-missed a").first.click()  # to the notes page, #q-<id>
    shown = page.locator(f"#q-{qid}")
    shown.wait_for()
    assert page.url.endswith(f"#q-{qid}")
    box = shown.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    assert shown.locator(".quiz-feedback").inner_text().startswith("Not quite")  # the saved answer, shown again


@browser_test
def test_print_builds_the_quiz_with_its_answer_key(page, base_url):
    page.goto(base_url + NOTES)
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what the browser does before printing
    page.emulate_media(media="print")
    quiz = page.locator(".quiz")
    assert quiz.locator(".quiz-key").is_visible()
    assert quiz.locator(".quiz-key li").count() == quiz.locator(".quiz-question").count() > 0
    assert quiz.locator(".quiz-answer").first.is_hidden() and quiz.locator(".quiz-check").first.is_hidden()
    assert quiz.locator(".quiz-choice input").first.is_visible()
    letters = quiz.locator(".quiz-question").first.locator(".quiz-letter").all_inner_texts()
    assert letters == sorted(letters)  # the printed order, which the key names


@browser_test
def test_navigation_sets_up_each_page_kind_and_back(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(base_url + NOTES)
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    page.locator(".md-tabs__link", has_text="Practice").click()
    page.locator(".exam[data-ready]").wait_for(state="attached")
    assert page.locator(".exam-start").is_enabled()
    assert re.match(r"\d+ \S+ questions in this set", page.locator(".exam-pool-info").inner_text())
    assert page.locator("#quiz-data[data-json]").count() == 0  # the questions came as a script file
    page.locator(".md-sidebar--primary .md-nav__link", has_text="Flashcard review").click()
    page.locator(".review[data-ready]").wait_for(state="attached")
    assert page.locator(".review-front").inner_text().strip()
    assert page.evaluate("document.querySelectorAll('.card-deck tr').length") == 0  # the deck is data until browsed
    page.go_back()
    page.locator(".exam[data-ready]").wait_for(state="attached")
    page.go_back()
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    assert page.evaluate("document.querySelectorAll('.quiz noscript *').length") == 0
    reach_quiz(page)
    first = page.locator(".quiz-question").first
    first.locator(f'input[value="{first.get_attribute("data-answer").split(",")[0]}"]').check()
    first.locator(".quiz-check").click()
    assert first.locator(".quiz-feedback").inner_text() == "Correct."
    assert page.locator(f'.quiz-question[data-qid="{first.get_attribute("data-qid")}"]').count() == 1  # built once
    scripts = [u.rsplit("/", 1)[1] for u in asked if "/assets/javascripts/" in u]
    assert "exam.js" in scripts and "review.js" in scripts


@browser_test
def test_the_review_page_carries_its_deck_as_data_and_shows_only_what_is_browsed(page, base_url, site_data):
    page.goto(base_url + "practice/review/")
    page.locator(".review[data-ready]").wait_for(state="attached")
    assert page.evaluate("document.getElementsByTagName('*').length") < DOM_BUDGET
    page.locator("select[name=kind]").select_option("fix")
    page.get_by_role("button", name="Show these cards as a list").click()
    fixes = [c for c in site_data.cards if c.kind == "fix" and site_data.exams.default.code in c.exams]
    rows = page.locator(".card-deck tr[data-id]")
    assert rows.count() == len(fixes) and rows.first.is_visible()
    assert {r.get_attribute("data-id") for r in rows.all()} == {c.id for c in fixes}


@browser_test
def test_the_practice_pages_load_their_questions_as_a_script_file(page, base_url, site):
    for path in ("practice/exam/", "practice/progress/"):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert "data-json=" not in html and 'id="quiz-data" hidden data-src="' in html, path
        assert len(html.encode("utf-8")) < 300_000, path  # not every question's text and choices
    page.goto(base_url + "practice/exam/")
    page.locator(".exam[data-ready]").wait_for(state="attached")
    page.locator(".exam-size").fill("5")
    page.locator(".exam-start").click()
    assert page.locator(".exam-card .quiz-question").count() == 1


def test_every_own_stylesheet_is_in_the_one_file_pages_load(site):
    """A page links one stylesheet of ours: every file of overrides/assets/stylesheets/ must be bundled into it
    (with plain-table selectors widened to the tables wrapped at build time, macros/data_tables.py)."""
    from browser import ROOT
    from macros import data_tables
    sources = sorted(p.name for p in (ROOT / "overrides" / "assets" / "stylesheets").glob("*.css"))
    assert sorted(page_assets.STYLESHEETS) == sources
    bundle = (site / page_assets.BUNDLE).read_text(encoding="utf-8")
    for name in page_assets.STYLESHEETS:
        text = (ROOT / "overrides" / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
        assert data_tables.restyle(text) in bundle, name
    assert data_tables.PLAIN not in bundle
    html = (site / "data-preparation" / "kinesis" / "index.html").read_text(encoding="utf-8")
    ours = [href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) if ".min.css" not in href]
    assert ours == ["../../assets/stylesheets/site.css"], ours


def test_a_term_is_explained_where_it_first_appears_on_each_page(site):
    """Every <abbr> carried a tooltip (431 on the storage page); now only a term's first use on a page does,
    and none on the glossary, whose table spells each term out beside it."""
    for path in ("data-preparation/storage/index.html", "generative-ai/operations-security/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        terms = re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', html)
        assert terms and len(terms) == len(set(terms)), path
        article = re.sub(r"<[^>]+>", " ", html[html.index("<article"):])
        assert len(re.findall(r"\bS3\b|\bIAM\b|\bAWS\b", article)) > len(terms) // 10  # the terms are still there
    glossary = (site / "start" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<abbr" not in glossary and "Structured Query Language" in glossary


@browser_test
def test_my_progress_builds_only_the_chosen_exams_sections(page, base_url, site_data):
    """Every exam's domain tables were in the page, most of them hidden (1,097 elements); now the other exams'
    wait in templates until chosen."""
    page.goto(base_url + "practice/progress/")
    page.locator(".quiz-progress[data-ready]").wait_for(state="attached")
    chosen = page.evaluate("document.documentElement.getAttribute('data-exam')")
    exam = next(e for e in site_data.exams if e.code == chosen)
    assert page.locator(".progress-domain").count() == len(exam.domains.items)
    assert page.locator("template.progress-exam-later").count() == len(list(site_data.exams)) - 1


def test_heading_links_carry_no_title_so_material_builds_no_tooltip_for_them(site):
    """Material gives every element with a title a tooltip of its own when a page starts; the ¶ link of each
    heading had one ("Permanent link"), about 30 per notes page. Terms keep theirs (their first use)."""
    html = (site / "data-preparation" / "etl" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="headerlink"[^>]*>', html)
    assert len(links) > 10
    assert not [a for a in links if "title=" in a]
    assert re.search(r'<abbr title="[^"]+">', html)  # the terms' tooltips stay
