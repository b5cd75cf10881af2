"""Comparison tables as a learner uses them: the header row and first column stay put while the table scrolls,
an edge shadow tells that more columns exist, phones get cards with a keyboard switch to the table, and the
Compare page puts 2 to 4 chosen entries side by side (kept in the address) or, without JavaScript, every table."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from macros.compare import REF

pytestmark = pytest.mark.browser

ALGORITHMS = "model-development/algorithms/"
KINESIS = "data-preparation/kinesis/"
COMPARE = "compare/"
PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}


def open_page(browser, url, viewport):
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(url)
    page.locator(".compare-table[data-ready]").first.wait_for(state="attached")
    return page


def table(page, table_id: str):
    """The wrapper of a comparison table, found by the heading that names its scroll box."""
    return page.locator(f".compare-table:has([aria-labelledby='compare-{table_id}'])")


def box(locator) -> dict:
    return locator.bounding_box()


def text_of(value: str, site_data) -> str:
    """A fact's text as the page shows it: [[id|text]] references read as their link text."""
    shown = REF.sub(lambda m: m.group(2) or site_data.catalog.entries[m.group(1)].name, value)
    return " ".join(shown.split())


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280px", "390px"])
def test_header_row_and_first_column_stay_while_the_table_scrolls(browser, base_url, viewport):
    page = open_page(browser, base_url + ALGORITHMS, viewport)
    wrap = table(page, "algorithms")
    if viewport is PHONE:
        wrap.locator(".compare-toggle").click()  # phones start with cards
    scroller = wrap.locator(".compare-scroll")
    scroller.scroll_into_view_if_needed()
    frame = box(scroller)
    row_head = wrap.locator("tbody tr").nth(8).locator("th")
    col_head = wrap.locator("thead th").nth(2)
    cell = wrap.locator("tbody tr").nth(8).locator("td").nth(1)
    before = {"row": box(row_head), "col": box(col_head), "cell": box(cell)}
    assert before["col"]["y"] == pytest.approx(frame["y"] + 1, abs=2)  # the header is the box's top row
    page.evaluate("(el) => { el.scrollLeft = 500; el.scrollTop = 250; }", scroller.element_handle())
    page.wait_for_function("(el) => el.scrollLeft > 0 && el.scrollTop > 0", arg=scroller.element_handle())
    moved = page.evaluate("(el) => [el.scrollLeft, el.scrollTop]", scroller.element_handle())
    after = {"row": box(row_head), "col": box(col_head), "cell": box(cell)}
    assert after["cell"]["x"] == pytest.approx(before["cell"]["x"] - moved[0], abs=2)  # the body did scroll
    assert after["cell"]["y"] == pytest.approx(before["cell"]["y"] - moved[1], abs=2)
    assert after["row"]["x"] == pytest.approx(frame["x"] + 1, abs=2)  # first column: still at the left edge
    assert after["row"]["y"] == pytest.approx(before["row"]["y"] - moved[1], abs=2)
    assert after["col"]["y"] == pytest.approx(frame["y"] + 1, abs=2)  # header row: still at the top edge
    assert after["col"]["x"] == pytest.approx(before["col"]["x"] - moved[0], abs=2)
    page.context.close()


def test_an_edge_shadow_shows_while_more_columns_exist(browser, base_url):
    page = open_page(browser, base_url + KINESIS, LAPTOP)
    wrap = table(page, "kinesis")
    frame, scroller = wrap.locator(".compare-frame"), wrap.locator(".compare-scroll").element_handle()
    shadow = "(el) => getComputedStyle(el, '::after').opacity"
    assert page.evaluate("(el) => el.scrollWidth > el.clientWidth", scroller)  # 9 columns do not fit 1280 px
    page.wait_for_function(f"(el) => ({shadow})(el) === '1'", arg=frame.element_handle())
    page.evaluate("(el) => { el.scrollLeft = el.scrollWidth; }", scroller)
    page.wait_for_function(f"(el) => ({shadow})(el) === '0'", arg=frame.element_handle())
    first_col = wrap.locator("tbody th").first
    assert page.evaluate("(el) => getComputedStyle(el).boxShadow", first_col.element_handle()) != "none"
    page.context.close()


def test_phones_get_cards_and_a_keyboard_switch_to_the_table(browser, base_url, site_data):
    page = open_page(browser, base_url + KINESIS, PHONE)
    data = site_data.comparisons.tables["kinesis"]
    labels = [site_data.comparisons.attributes[k].label for k in data.columns]
    wrap = table(page, "kinesis")
    cards = wrap.locator("tbody tr")
    assert cards.count() == len(data.rows)
    assert not wrap.locator("thead").is_visible()  # no column names row: each value carries its label
    for i, entry_id in enumerate(data.rows):
        card = cards.nth(i)
        assert card.locator("th").inner_text().strip() == site_data.catalog.entries[entry_id].name
        shown = card.evaluate("(tr) => [...tr.cells].slice(1).map(td => getComputedStyle(td, '::before').content"
                              " !== 'none' && td.dataset.label)")
        assert shown == labels
        height = card.bounding_box()["height"]
        assert height < PHONE["height"], f"card of {entry_id} is {height:.0f} px tall"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]  # nothing sticks out

    toggle = wrap.locator(".compare-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert wrap.locator("thead").is_visible()
    row_heights = [cards.nth(i).bounding_box()["height"] for i in range(cards.count())]
    assert max(row_heights) < 200, row_heights  # a long cell wraps in its column, it does not balloon the row
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-pressed") == "false" and not wrap.locator("thead").is_visible()
    page.context.close()


def picked(page) -> list[str]:
    """The entries the address names (read in the page: page.url lags behind history.pushState)."""
    return parse_qs(urlparse(page.evaluate("location.href")).query)["pick"][0].split(",")


def _side_by_side(page) -> tuple[list[str], dict[str, list[str]]]:
    result = page.locator(".compare-pick-result")
    result.scroll_into_view_if_needed()  # tables off screen are not laid out (content-visibility), as for a reader
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    heads = [t.strip() for t in result.locator("thead th").all_inner_texts()][1:]
    rows = {}
    for row in result.locator("tbody tr").all():
        cells = [" ".join(t.split()) for t in row.locator("th, td").all_inner_texts()]
        rows[cells[0]] = cells[1:]
    return heads, rows


def test_compare_picker_shows_the_chosen_entries_side_by_side_and_keeps_them_in_the_address(browser, base_url, site_data):
    comps, catalog = site_data.comparisons, site_data.catalog
    groups = [[r for r in t.rows if isinstance(r, str)] for t in comps.tables.values()]
    groups = [g for g in groups if g]
    chosen = [groups[0][0], groups[1][1], groups[2][0]]  # from three different tables
    page = browser.new_context(viewport=LAPTOP).new_page()
    page.goto(base_url + COMPARE)
    picker = page.locator(".compare-picker[data-ready]")
    picker.wait_for()
    box_of = lambda entry_id: picker.locator(f"input[value='{entry_id}']")
    box_of(chosen[0]).click()
    picker.get_by_label(catalog.entries[chosen[1]].name, exact=True).check()
    box_of(chosen[2]).focus()
    page.keyboard.press("Space")
    assert picked(page) == chosen

    def check_table():
        heads, rows = _side_by_side(page)
        assert heads == [catalog.entries[i].name for i in chosen]
        facts = [{comps.attributes[k].label: v for k, v in comps.facts[i].items()} for i in chosen]
        labels = list(dict.fromkeys(a.label for a in comps.attributes.values() if any(a.label in f for f in facts)))
        assert list(rows) == labels  # one row per attribute label ("Exam cue" of every table on one row)
        for label in labels:
            assert rows[label] == [text_of(f[label], site_data) if label in f else "—" for f in facts], label

    check_table()
    page.reload()
    picker.wait_for()
    assert [b.get_attribute("value") for b in picker.locator("input:checked").all()] == sorted(
        chosen, key=lambda i: [e for g in groups for e in g].index(i))
    check_table()

    fourth, fifth = groups[3][0], groups[3][1]
    box_of(fourth).click()
    assert picked(page) == [*chosen, fourth]
    box_of(fifth).click()
    assert not box_of(fifth).is_checked()
    status = picker.locator(".compare-pick-status")
    assert status.is_visible() and "At most 4" in status.inner_text()
    assert picked(page) == [*chosen, fourth]
    page.go_back()  # Back returns to the three-entry comparison
    page.wait_for_function("() => document.querySelectorAll('.compare-pick-result thead th').length === 4")
    assert picked(page) == chosen and not box_of(fourth).is_checked()
    check_table()
    page.context.close()


def test_without_javascript_the_compare_page_shows_every_table(browser, base_url, site_data):
    context = browser.new_context(java_script_enabled=False, viewport=LAPTOP)
    page = context.new_page()
    page.goto(base_url + COMPARE)
    assert not page.locator(".compare-picker").is_visible()  # it needs the script
    tables = site_data.comparisons.tables
    shown = page.locator(".compare-full table.compare")
    assert shown.count() == len(tables)
    for i, (table_id, data) in enumerate(tables.items()):
        assert page.locator(f"h3#all-{table_id}").inner_text().rstrip("¶").strip() == data.title
        found = shown.nth(i)
        assert found.is_visible()
        assert found.locator("tbody tr").count() == len(data.rows)
        assert found.locator("thead th").count() == len(data.columns) + 1
        counts = page.locator(f"h3#all-{table_id} + p small").inner_text()
        assert re.search(rf"\b{len(data.rows)} rows × {len(data.columns) + 1} columns\b", counts), counts
    context.close()


WORDS_BROKEN = """() => [...document.querySelectorAll('table.compare :is(th, td)')].flatMap(cell => {
  const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), broken = [];
  for (let node; (node = walk.nextNode());) {
    for (const m of node.data.matchAll(/[^\\s\\-\\u2013\\u2014\\/]+/g)) {
      const range = document.createRange(); range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      if (range.getClientRects().length > 1) broken.push(m[0]);
    }
  }
  return broken;
})"""


@pytest.mark.parametrize("path", [ALGORITHMS, KINESIS])
def test_printed_tables_keep_words_whole_repeat_their_header_and_neither_stick_nor_stack(browser, base_url, path):
    from pdfs import printable_width_px
    context = browser.new_context(viewport={"width": printable_width_px("A4"), "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(base_url + path)
    assert page.evaluate(WORDS_BROKEN) == []  # "Servic / e" no more (a break after a hyphen or slash is fine)
    styles = page.evaluate("""() => { const t = document.querySelector('table.compare');
      return [getComputedStyle(t.tHead).display, getComputedStyle(t.tHead.rows[0].cells[1]).position,
              getComputedStyle(t.tBodies[0].rows[0].cells[0]).position, getComputedStyle(t.tBodies[0].rows[0]).display,
              getComputedStyle(t.closest('.compare-scroll')).overflowX]; }""")
    assert styles == ["table-header-group", "static", "static", "table-row", "visible"]
    page.set_viewport_size(PHONE)  # a phone printing: still a table, not cards
    assert page.evaluate("getComputedStyle(document.querySelector('table.compare tbody tr')).display") == "table-row"
    context.close()
