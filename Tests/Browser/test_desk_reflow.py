"""Issue 17, item 5: every page is usable at 320 CSS px wide and at 200 % zoom (a 1280 px window at 200 % is a
640 CSS px viewport) without loss of content: the page itself never scrolls sideways (WCAG 2.2, 1.4.10 Reflow),
and the page's main heading and its navigation stay visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.artifacts import screenshot
from harness.desk import DeskPage, issue_id, sample_articles
from test_desk_languages import editors_with_a_conflict  # noqa: F401 (a fixture)

pytestmark = pytest.mark.desk

# Widths in CSS px: a phone (WCAG's reflow width) and a laptop window at 200 % zoom.
WIDTHS = [320, 640]

# The page's width against the viewport's, and the elements that reach past the viewport's right edge (named by
# tag, id and class, so that a failure says where to look).
OVERFLOW = """() => {
    const view = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
        .filter(e => (e.getBoundingClientRect().right > view + 1 || e.scrollWidth > e.clientWidth + 1)
            && getComputedStyle(e).position !== 'fixed' && getComputedStyle(e).overflowX === 'visible')
        .slice(-4)
        .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
            + ' (' + Math.round(e.getBoundingClientRect().right) + ')');
    return {scroll: document.documentElement.scrollWidth, view, wide};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_reflow_without_sideways_scrolling(newsroom, contexts, editors_with_a_conflict, width):  # noqa: F811
    stores, conflict = editors_with_a_conflict
    store = stores["vi"]
    issue = issue_id(store)
    article = sample_articles(store)[0]
    context = contexts(viewport={"width": width, "height": 800})
    view = DeskPage.open(context, newsroom.open_desk(store, lang="vi"))
    overflowing = {}
    for label, path in [
        ("issues list", "/"), ("issue page", f"/issues/{issue}"),
        ("edit form", f"/issues/{issue}?edit={article.id}"), ("conflict view", f"/conflicts/{conflict}"),
        ("search results", "/search?q=cai+cach"), ("history", "/history"), ("print view", f"/issues/{issue}/print"),
    ]:
        view.go(path)
        expect(view.page.locator("h1")).to_be_visible()
        size = view.page.evaluate(OVERFLOW)
        if size["scroll"] > size["view"] + 1:
            overflowing[label] = size
        screenshot(view.page, f"reflow-{width}-{label}", full_page=True)
    assert overflowing == {}, f"pages wider than {width} CSS px (they scroll sideways): {overflowing}"
