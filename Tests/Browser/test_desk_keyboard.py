"""Issue 17, item 6: keyboard only. With Tab, Shift+Tab, Enter, Space and the arrow keys (and typing text into
fields), an editor opens an issue, edits an article's title, adds a note to a paragraph and resolves a conflict;
then a chief publishes. At every Tab stop the focus must be visible; each step leaves a screenshot."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from harness.artifacts import screenshot
from harness.browser import assert_focus_visible, is_focused, tab_to
from harness.desk import DeskPage, issue_id, sample_articles
from harness.newsroom import SAMPLE_DATE

pytestmark = pytest.mark.desk


def press(view: DeskPage, key: str, step: str, navigates: bool = True) -> None:
    """Presses Enter or Space on the focused element; waits for the page it opens when it opens one."""
    if navigates:
        with view.page.expect_navigation():
            view.page.keyboard.press(key)
    else:
        view.page.keyboard.press(key)
    view.page.wait_for_load_state("load")


def test_keyboard_only_editor_and_chief(newsroom, contexts, axe):
    newsroom.start_server()
    a = newsroom.store("thanh", editor="Thanh Hồng")
    b = newsroom.store("quan", editor="Minh Quân")
    chief = newsroom.store("lan", "chief", editor="Ngọc Lan")
    a.import_sample()
    a.sync()
    b.sync()
    # An open conflict for B, on the second article's title, made with the command line before the desk opens.
    a.cli("article", "edit", f"{SAMPLE_DATE}/2", "--title", "Tiêu đề của Thanh Hồng")
    b.cli("article", "edit", f"{SAMPLE_DATE}/2", "--title", "Tiêu đề của Minh Quân")
    a.sync()
    b.sync()
    assert len(json.loads(b.cli("conflicts", "--json"))) == 1
    issue = issue_id(b)
    article = sample_articles(b)[0]

    view = DeskPage.open(contexts(), newsroom.open_desk(b, lang="vi"))
    page = view.page
    shot = iter(range(1, 100))

    # The first Tab reaches the skip link.
    page.keyboard.press("Tab")
    expect(page.locator("a.skip-link")).to_be_focused()
    assert_focus_visible(page, "skip link")
    screenshot(page, f"keyboard-{next(shot):02}-skip-link", full_page=False)

    # Open the issue.
    tab_to(page, page.locator(f"tr[data-issue='{issue}'] a").first, "issues list → the issue's link")
    screenshot(page, f"keyboard-{next(shot):02}-issue-link", full_page=False)
    press(view, "Enter", "open the issue")
    expect(page).to_have_url(re.compile(f"/issues/{issue}"))

    # Edit the first article's title.
    tab_to(page, page.locator(f"#a-{article.id}-edit"), "issue page → the article's edit link")
    screenshot(page, f"keyboard-{next(shot):02}-edit-link", full_page=False)
    press(view, "Enter", "open the edit form")
    title = page.locator(f"#edit-{article.id}-title")
    tab_to(page, title, "edit form → the title field")
    page.keyboard.type("Tiêu đề sửa bằng bàn phím")   # a text field focused by Tab has its text selected
    expect(title).to_have_value("Tiêu đề sửa bằng bàn phím")
    tab_to(page, page.locator(f"#edit-{article.id}-save"), "edit form → save")
    screenshot(page, f"keyboard-{next(shot):02}-save", full_page=False)
    press(view, "Enter", "save the title")
    expect(page.locator(f"#a-{article.id}-title")).to_contain_text("Tiêu đề sửa bằng bàn phím")

    # Add a note to the second paragraph.
    tab_to(page, page.locator(f"#a-{article.id}-note-open"), "article → add a note")
    press(view, "Enter", "open the note form", navigates=False)
    form = page.locator(f"form#a-{article.id}-note")
    paragraph = form.locator("[name=paragraph]")
    tab_to(page, paragraph, "note form → paragraph")
    before = paragraph.input_value()
    page.keyboard.press("ArrowDown")
    assert paragraph.input_value() != before, "ArrowDown did not change the paragraph chosen"
    chosen_paragraph = paragraph.input_value()
    tab_to(page, form.locator("[name=kind]"), "note form → kind")
    page.keyboard.press("ArrowDown")
    tab_to(page, form.locator("[name=text]"), "note form → text")
    page.keyboard.type("Ghi chú thêm bằng bàn phím")
    submit = view.button("note.add_submit", scope=f"form#a-{article.id}-note")
    tab_to(page, submit, "note form → add")
    screenshot(page, f"keyboard-{next(shot):02}-note", full_page=False)
    press(view, "Space", "add the note")
    expect(page.locator(f"#a-{article.id}-p{chosen_paragraph}")).to_contain_text("Ghi chú thêm bằng bàn phím")
    annotations = json.loads(b.cli("show", SAMPLE_DATE, "--json"))["sections"][0]["articles"][0]["annotations"]
    assert [(note["text"], str(note.get("paragraph"))) for note in annotations] == \
        [("Ghi chú thêm bằng bàn phím", chosen_paragraph)], annotations

    # Resolve the conflict: navigation → conflicts → the conflict → keep the other editor's version.
    tab_to(page, page.locator("#nav-conflicts"), "navigation → conflicts")
    press(view, "Enter", "open the conflicts")
    tab_to(page, page.locator("#conflict-list li[data-conflict] a").first, "conflicts → the conflict")
    press(view, "Enter", "open the conflict")
    axe.check(page, "conflict view (keyboard)")
    tab_to(page, page.locator("#resolve-merged"), "conflict → past the choices")
    tab_to(page, page.locator("#resolve-theirs"), "conflict → back to keep theirs", backwards=True)
    screenshot(page, f"keyboard-{next(shot):02}-resolve", full_page=False)
    press(view, "Space", "keep theirs")
    expect(page.locator("#conflict-resolved")).to_be_visible()
    assert json.loads(b.cli("conflicts", "--json")) == []

    # A chief publishes.
    b.cli("sync")
    chief.sync()
    chief_view = DeskPage.open(contexts(), newsroom.open_desk(chief, lang="vi"))
    chief_page = chief_view.page
    tab_to(chief_page, chief_page.locator(f"tr[data-issue='{issue}'] a").first, "chief: the issue's link")
    press(chief_view, "Enter", "chief opens the issue")
    for state, _ in chief_view.WORKFLOW:          # draft → review → approved → published, one move at a time
        button = chief_view.workflow_button(state)
        tab_to(chief_page, button, f"chief: {state}")
        assert is_focused(button)
        screenshot(chief_page, f"keyboard-{next(shot):02}-chief-{state}", full_page=False)
        press(chief_view, "Enter", f"chief: {state}")
        expect(chief_page.locator("#issue-bar")).to_contain_text(chief_view.t(f"state.{state}"))
    expect(chief_page.locator("#issue-bar")).to_contain_text(chief_view.t("state.published"))
    screenshot(chief_page, f"keyboard-{next(shot):02}-published", full_page=False)
