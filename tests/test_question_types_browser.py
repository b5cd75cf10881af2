"""Ordering, matching and case-study questions as a learner uses them: by keyboard on a notes page, in the
practice exam and its review, and on paper. The right answers come from the bank files, not the page."""
from __future__ import annotations

import json

import pytest

from test_progress_browser import reach_quiz

pytestmark = pytest.mark.browser

PAGE = "deployment/model-deployment/"
EXAM = "practice/exam/"
POOL = "page:deployment/model-deployment.md"


@pytest.fixture(scope="module")
def bank(site_data):
    """The deployment bank's questions by id (case-study parts included)."""
    return {q.id: q for q in site_data.banks["deployment"].questions}


def _texts(scope) -> list[str]:
    return scope.locator(".quiz-step-text").all_inner_texts()


def sort_by_keyboard(page, scope, want: list[str]):
    """Put the steps in the order `want` with Alt+Up only, from a focused Move button; focus must follow."""
    for target, text in enumerate(want):
        at = _texts(scope).index(text)
        if at == target:
            continue
        scope.locator(".quiz-step").nth(at).locator(".quiz-move-up").focus()
        for _ in range(at - target):
            page.keyboard.press("Alt+ArrowUp")
        focused = page.evaluate("document.activeElement.closest('.quiz-step').querySelector('.quiz-step-text').textContent")
        assert focused == text  # focus stayed on the moved step
        assert scope.locator(".quiz-sr").inner_text() == f"Step moved to position {target + 1} of {len(want)}."
    assert _texts(scope) == want


def wrong_order(page, scope, right: list[str]):
    """One keyboard move, and another if that happened to make the order right."""
    scope.locator(".quiz-move-down").first.focus()
    page.keyboard.press("Alt+ArrowDown")
    if _texts(scope) == right:
        page.keyboard.press("Alt+ArrowDown")
    assert _texts(scope) != right


def match(scope, q, wrong: int | None = None):
    """Choose each prompt's response (by text, from the bank); the `wrong` one gets another response."""
    for k, pair in enumerate(q.pairs):
        text = pair.response if k != wrong else q.pairs[(k + 1) % len(q.pairs)].response
        scope.locator(".quiz-select").nth(k).select_option(label=text)


def check_by_keyboard(page, scope):
    scope.locator(".quiz-check").focus()
    page.keyboard.press("Enter")


def test_page_quiz_orders_matches_and_scores_case_parts_on_their_own(page, base_url, bank):
    page.goto(base_url + PAGE)
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    reach_quiz(page)
    order = page.locator("#q-dep-order-deploy")
    steps = bank["dep-order-deploy"].steps
    assert _texts(order) != steps  # never starts in the right order
    check_by_keyboard(page, order)
    assert order.locator(".quiz-feedback").inner_text() == "Move the steps into order first."
    sort_by_keyboard(page, order, steps)
    check_by_keyboard(page, order)
    assert order.locator(".quiz-feedback").inner_text() == "Correct."

    matching, q = page.locator("#q-dep-match-inference"), bank["dep-match-inference"]
    match(matching, q, wrong=1)
    check_by_keyboard(page, matching)
    assert matching.locator(".quiz-feedback").inner_text().startswith("Not quite")
    assert matching.locator(".quiz-pair.is-wrong").count() == 1
    assert q.pairs[1].response in matching.locator(".quiz-pair.is-wrong").inner_text()  # the right response shown
    match(matching, q)
    check_by_keyboard(page, matching)
    assert matching.locator(".quiz-feedback").inner_text() == "Correct."

    # A case study: one scenario above its parts, each part scored on its own.
    case = page.locator(".quiz-case", has=page.locator("#q-dep-case-retail-nightly"))
    assert "40 GB dataset" in case.locator(".quiz-scenario").inner_text()
    first, second = case.locator("#q-dep-case-retail-dashboard"), case.locator("#q-dep-case-retail-nightly")
    keyed = bank["dep-case-retail-dashboard"].choices[bank["dep-case-retail-dashboard"].answer[0]]
    first.locator(".quiz-choice", has_text=keyed).locator("input").check()
    check_by_keyboard(page, first)
    nightly = bank["dep-case-retail-nightly"].steps
    wrong_order(page, second, nightly)
    check_by_keyboard(page, second)
    assert first.locator(".quiz-feedback").inner_text() == "Correct."
    assert second.locator(".quiz-feedback").inner_text().startswith("Not quite")
    assert second.locator(".quiz-answer").is_visible()
    assert second.locator(".quiz-answer .quiz-key-list li").all_inner_texts() == nightly  # the right order shown
    total = page.locator(".quiz-question").count()
    assert page.locator(".quiz-score").inner_text().startswith(f"Your score: 3 of {total} right (4 answered")

    page.reload()
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    reach_quiz(page)
    assert _texts(page.locator("#q-dep-order-deploy")) == steps  # the saved order comes back
    assert page.locator("#q-dep-order-deploy .quiz-feedback").inner_text() == "Correct."
    assert page.locator("#q-dep-case-retail-nightly .quiz-feedback").inner_text().startswith("Not quite")


def with_ordering_and_cases(page):
    """MLA-C01 asks ordering, matching and case studies (MLA-C02, the default, does not): study for it."""
    page.add_init_script("localStorage.setItem('awsml-exam-choice', JSON.stringify({schema: 1, exam: 'MLA-C01', t: 1}))")


def test_practice_exam_keeps_case_parts_together_and_reviews_the_new_types(page, base_url, bank):
    with_ordering_and_cases(page)
    page.goto(base_url + EXAM)
    page.locator(".exam[data-ready]").wait_for(state="attached")
    page.locator(".exam-pool").select_option(POOL)
    page.locator(".exam-size").fill(str(len(bank)))
    page.locator(".exam-start").click()
    page.locator(".exam-card .quiz-question").wait_for()
    qids = json.loads(page.evaluate("localStorage.getItem('awsml-exam-session')"))["qids"]
    assert sorted(qids) == sorted(bank)
    for case in {q.case for q in bank.values() if q.case}:
        at = [i for i, qid in enumerate(qids) if bank[qid].case == case]
        assert at == list(range(at[0], at[0] + len(at)))  # consecutive
        assert [bank[qids[i]].case_part for i in at] == sorted(bank[qids[i]].case_part for i in at)

    def go(qid):
        page.locator(".exam-palette .exam-dot").nth(qids.index(qid)).click()
        return page.locator(".exam-card .quiz-question")

    card = go("dep-order-deploy")
    assert page.evaluate("document.activeElement.closest('.quiz-step') !== null")  # focus lands on the steps
    sort_by_keyboard(page, card, bank["dep-order-deploy"].steps)
    card = go("dep-case-retail-nightly")
    assert "40 GB dataset" in card.locator(".quiz-scenario").inner_text()
    wrong_order(page, card, bank["dep-case-retail-nightly"].steps)
    card = go("dep-match-inference")
    match(card, bank["dep-match-inference"], wrong=0)
    card = go("dep-case-retail-dashboard")
    assert "40 GB dataset" in card.locator(".quiz-scenario").inner_text()
    dots = page.locator(".exam-palette .exam-dot.is-answered")
    assert dots.count() == 3
    matching = [qid for qid, q in bank.items() if q.type == "matching" and qid != "dep-match-inference"]
    if matching:  # a matching question with only one prompt answered is not answered yet
        card = go(matching[0])
        card.locator(".quiz-select").first.select_option(index=1)
        assert dots.count() == 3
    page.get_by_role("button", name="Submit exam").click()
    assert page.locator(".exam-confirm-unanswered").inner_text().startswith(f"{len(bank) - 3} unanswered")
    page.get_by_role("button", name="Submit now").click()
    page.locator(".exam-result").wait_for()
    assert page.locator(".exam-result").inner_text().startswith("Your score: 1 of")
    review = page.locator(".exam-review > li")
    outcome = {qid: review.nth(i).get_attribute("data-outcome") for i, qid in enumerate(qids)}
    assert (outcome["dep-order-deploy"], outcome["dep-case-retail-nightly"], outcome["dep-match-inference"]) == ("right", "wrong", "wrong")
    assert outcome["dep-case-retail-dashboard"] == "unanswered"
    matched = review.nth(qids.index("dep-match-inference"))
    first = bank["dep-match-inference"].pairs[0]
    assert f"Right: {first.response}" in matched.locator(".is-wrong").first.inner_text()
    nightly = review.nth(qids.index("dep-case-retail-nightly"))
    assert nightly.locator(".quiz-key-list li").all_inner_texts() == bank["dep-case-retail-nightly"].steps
    page.get_by_label("Wrong (").check()
    assert matched.is_visible() and review.nth(qids.index("dep-order-deploy")).is_hidden()


def test_practice_mode_check_shows_the_right_order(page, base_url, bank):
    with_ordering_and_cases(page)
    page.goto(base_url + EXAM)
    page.locator(".exam[data-ready]").wait_for(state="attached")
    page.locator("input[name=exam-mode][value=practice]").check()
    page.locator(".exam-pool").select_option(POOL)
    page.locator(".exam-size").fill(str(len(bank)))
    page.locator(".exam-start").click()
    qids = json.loads(page.evaluate("localStorage.getItem('awsml-exam-session')"))["qids"]
    page.locator(".exam-palette .exam-dot").nth(qids.index("dep-order-deploy")).click()
    card = page.locator(".exam-card .quiz-question")
    steps = bank["dep-order-deploy"].steps
    wrong_order(page, card, steps)
    check_by_keyboard(page, card)
    assert card.locator(".quiz-verdict").inner_text() == "Not quite."
    assert card.locator(".quiz-feedback .quiz-key-list li").all_inner_texts() == steps
    assert card.locator(".quiz-move button:not([disabled])").count() == 0  # locked once checked


def test_print_shows_lettered_steps_in_the_order_the_key_names(page, base_url, bank):
    page.goto(base_url + PAGE)
    page.locator(".quiz[data-ready]").wait_for(state="attached")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what the browser does before printing
    page.emulate_media(media="print")
    order = page.locator("#q-dep-order-deploy")
    shown = order.locator(".quiz-step").evaluate_all(
        "items => items.map(li => [li.getBoundingClientRect().top, li.querySelector('.quiz-print-letter').textContent,"
        " li.querySelector('.quiz-step-text').textContent]).sort((a, b) => a[0] - b[0])")
    letters = [s[1] for s in shown]
    assert letters == sorted(letters) and order.locator(".quiz-move").first.is_hidden()
    by_text = {s[2]: s[1].rstrip(".") for s in shown}
    key = page.locator(".quiz-key li").all_inner_texts()
    questions = page.locator(".quiz-question").evaluate_all("fs => fs.map(f => f.dataset.qid)")
    assert key[questions.index("dep-order-deploy")] == ", ".join(by_text[s] for s in bank["dep-order-deploy"].steps)
    matching = page.locator("#q-dep-match-inference")
    assert matching.locator(".quiz-responses").is_visible()
    letters = {t.split(". ", 1)[1]: t.split(".", 1)[0] for t in matching.locator(".quiz-responses li").all_inner_texts()}
    pairs = bank["dep-match-inference"].pairs
    assert key[questions.index("dep-match-inference")] == ", ".join(f"{k}→{letters[p.response]}" for k, p in enumerate(pairs, 1))
    assert page.locator("#q-dep-match-inference .quiz-select").first.is_hidden()


def test_without_javascript_the_steps_and_responses_read_and_the_controls_are_gone(browser, base_url, bank):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    order, matching = page.locator("#q-dep-order-deploy"), page.locator("#q-dep-match-inference")
    assert sorted(_texts(order)) == sorted(bank["dep-order-deploy"].steps)
    assert order.locator(".quiz-step-text").first.bounding_box()["width"] > 100  # not squeezed beside the legend
    assert order.locator(".quiz-move").first.is_hidden() and order.locator(".quiz-check").is_hidden()
    assert matching.locator(".quiz-select").first.is_hidden() and matching.locator(".quiz-responses").is_visible()
    order.locator(".quiz-answer summary").click()
    assert order.locator(".quiz-key-list li").all_inner_texts() == bank["dep-order-deploy"].steps
    context.close()
