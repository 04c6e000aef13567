"""Issue 17, item 6: every page the scenarios visit, in both languages, through axe-core (0 serious or critical
violations; the count per page is printed and kept in .build/browser-tests/axe-report.json); the Vietnamese pages
show no English interface word; switching the language keeps the page and the unsaved form."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from harness.artifacts import screenshot
from harness.browser import english_words_on
from harness.desk import DeskPage, issue_id, sample_articles
from harness.newsroom import SAMPLE, SAMPLE_DATE

pytestmark = pytest.mark.desk

# English interface words that must not appear on a Vietnamese page (issue 17: "a small list", e.g. Save,
# Publish, Conflict). Words the bulletin's own text contains are left out (they are content, not interface).
ENGLISH_WORDS = ["Save", "Publish", "Published", "Conflict", "Conflicts", "Search", "Issue", "Issues", "Edit",
                 "Cancel", "Remove", "Delete", "Approve", "Approved", "Review", "Draft", "History", "Online",
                 "Offline", "Pending", "Print", "Export", "Import", "Note", "Notes", "Submit", "Back", "Error",
                 "Title", "Language", "Sync", "Comment", "Resolved", "Signature", "Contents", "Source", "Skip",
                 "Waiting", "Changes", "Not found", "Article", "Section", "Annotation"]


def interface_words() -> list[str]:
    content = SAMPLE.read_text(encoding="utf-8").lower()
    return [word for word in ENGLISH_WORDS if not re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", content)]


def tour(view: DeskPage, axe, pages: list[tuple[str, str]], lang: str) -> None:
    """Visits each (label, path) in `lang`: axe-core, a screenshot, and on Vietnamese pages the word check (its
    findings gathered over every page and asserted at the end, so one page does not hide the others)."""
    words = interface_words()
    english: dict[str, list[str]] = {}
    for label, path in pages:
        view.go(path)
        expect(view.page.locator("html")).to_have_attribute("lang", lang)
        expect(view.page.locator("main#main")).to_be_visible()
        axe.check(view.page, label)
        screenshot(view.page, f"tour-{label}-{lang}", full_page=False)
        if lang == "vi":
            found = english_words_on(view.page, words)
            if found:
                english[label] = found
    assert english == {}, f"Vietnamese pages show English interface words: {english}"


@pytest.fixture
def editors_with_a_conflict(newsroom):
    """Two editors' stores, each with the sample issue, a note, and the same open conflict on an article's title
    (each language's tour runs on its own store and `bulletin ui --lang`, so the tours need no form POST)."""
    newsroom.start_server()
    a = newsroom.store("thanh", editor="Thanh Hồng")
    b = newsroom.store("quan", editor="Minh Quân")
    a.import_sample()
    a.sync()
    b.sync()
    a.cli("article", "edit", f"{SAMPLE_DATE}/1", "--title", "Tiêu đề của Thanh Hồng")
    b.cli("article", "edit", f"{SAMPLE_DATE}/1", "--title", "Tiêu đề của Minh Quân")
    b.cli("annotate", f"{SAMPLE_DATE}/1", "Kiểm tra lại số liệu", "--kind", "fact-check", "--paragraph", "1")
    a.sync()
    b.sync()
    a.sync()
    conflicts = json.loads(b.cli("conflicts", "--json"))
    assert len(conflicts) == 1, conflicts
    assert [c["id"] for c in json.loads(a.cli("conflicts", "--json"))] == [conflicts[0]["id"]]
    return {"vi": b, "en": a}, conflicts[0]["id"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_editor_page(newsroom, contexts, axe, editors_with_a_conflict, lang):
    stores, conflict = editors_with_a_conflict
    store = stores[lang]
    issue = issue_id(store)
    article = sample_articles(store)[0]
    view = DeskPage.open(contexts(), newsroom.open_desk(store, lang=lang))
    tour(view, axe, [
        ("issues list", "/"),
        ("issue page", f"/issues/{issue}"),
        ("issue page, edit form open", f"/issues/{issue}?edit={article.id}"),
        ("conflicts list", "/conflicts"),
        ("conflict view", f"/conflicts/{conflict}"),
        ("search", "/search"),
        ("search results", "/search?q=cai+cach"),
        ("history", "/history"),
        ("issue history", f"/issues/{issue}/history"),
        ("article history", f"/articles/{article.id}/history"),
        ("print view", f"/issues/{issue}/print"),
        ("error page (404)", "/issues/00000000-0000-0000-0000-000000000000"),
    ], lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_field_office_pages(newsroom, contexts, axe, lang):
    newsroom.start_server()
    chief = newsroom.store("lan", "chief", editor="Ngọc Lan")
    office = newsroom.store(f"hue-office-{lang}", "field-office")
    chief.import_sample()
    chief.cli("state", SAMPLE_DATE, "published")
    chief.sync()
    office.sync()
    issue = issue_id(office)
    view = DeskPage.open(contexts(), newsroom.open_desk(office, lang=lang))
    expect(view.page.locator(f"tr[data-issue='{issue}']")).to_be_visible()
    tour(view, axe, [("field office: issues list", "/"), ("field office: issue page", f"/issues/{issue}"),
                     ("field office: print view", f"/issues/{issue}/print")], lang)
    view.go(f"/issues/{issue}")
    expect(view.page.locator("#signature")).to_have_class(re.compile(r"\bverified\b"))
    expect(view.page.locator("#signature")).to_contain_text(view.cat.pattern("verify.ok"))
    expect(view.page.locator("form#workflow")).to_have_count(0)


def test_switching_the_language_keeps_the_page_and_the_unsaved_form(newsroom, contexts, axe):
    newsroom.start_server()
    editor = newsroom.store("thanh", editor="Thanh Hồng")
    editor.import_sample()
    article, other = sample_articles(editor)[:2]     # one article in its edit form, a note on another
    path = f"/issues/{issue_id(editor)}?edit={article.id}"
    view = DeskPage.open(contexts(), newsroom.open_desk(editor, lang="vi"), path)
    title = view.page.locator(f"#edit-{article.id}-title")
    title.fill("Tiêu đề chưa lưu – đang sửa dở")
    view.page.locator(f"#a-{other.id}-note-open").click()
    note = view.page.locator(f"form#a-{other.id}-note [name=text]")
    note.fill("Ghi chú chưa gửi")

    view.switch_language("en")
    assert view.path == path, f"the switch left the page: {view.path}"
    expect(view.page.locator(f"#edit-{article.id}-title")).to_have_value("Tiêu đề chưa lưu – đang sửa dở")
    expect(view.page.locator(f"form#a-{other.id}-note [name=text]")).to_have_value("Ghi chú chưa gửi")
    expect(view.button("action.save", scope=f"form#edit-{article.id}")).to_be_visible()
    screenshot(view.page, "language-switched-en")

    view.switch_language("vi")
    assert view.path == path
    expect(view.page.locator(f"#edit-{article.id}-title")).to_have_value("Tiêu đề chưa lưu – đang sửa dở")
    expect(view.button("action.save", scope=f"form#edit-{article.id}")).to_be_visible()
    assert json.loads(editor.cli("show", SAMPLE_DATE, "--json"))["sections"][0]["articles"][0]["title"] == \
        article.title, "switching the language saved the form"
