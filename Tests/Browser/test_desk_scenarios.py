"""Issue 11, item 7: the editor's desk in a real browser over a real bulletin-server.

(a) A edits a paragraph → B's open page shows it without a reload, within a time limit;
(b) A and B edit the same sentence offline, both sync → both pages flag the conflict → B resolves it side by side
    → A's page shows the resolution;
(c) a chief publishes from the browser → a field office's page shows the issue with its verified signature;
(d) an editor has no publish button, and a forged publish request is refused (with and without the CSRF token).

axe-core runs on every page these scenarios visit (the conflict view in both languages; test_desk_languages.py
tours every page in both).
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from harness.artifacts import screenshot
from harness.browser import LIVE_UPDATE_LIMIT_MS, RECONNECT_LIMIT_MS
from harness.desk import DeskPage, SampleArticle, issue_id, sample_articles
from harness.known_issues import xfail_for
from harness.newsroom import SAMPLE_DATE

pytestmark = pytest.mark.desk


def a_word_of(paragraph: str) -> str:
    """A word of the paragraph to edit: the first of five letters or more that occurs once in it."""
    words = re.findall(r"\w{5,}", paragraph)
    for word in words:
        if len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", paragraph)) == 1:
            return word
    raise AssertionError(f"no word to edit in {paragraph!r}")


def replace_word(form, article: SampleArticle, old: str, new: str) -> None:
    """Replaces the first `old` of the article's text in its open edit form (the first paragraph holds it)."""
    field = form.locator(f"#edit-{article.id}-paragraphs")
    text = field.input_value()
    assert old in text, f"{old!r} is not in the edit form's text"
    field.fill(text.replace(old, new, 1))


@pytest.fixture
def two_editors(newsroom):
    """Editors A (Thanh Hồng) and B (Minh Quân), both with the sample issue synced, each store behind a relay."""
    newsroom.start_server()
    a = newsroom.store("thanh", editor="Thanh Hồng", offline=True)
    b = newsroom.store("quan", editor="Minh Quân", offline=True)
    a.import_sample()
    a.sync()
    b.sync()
    return a, b


def open_issue(newsroom, contexts, store, lang="vi") -> DeskPage:
    desk = newsroom.open_desk(store, lang=lang)
    view = DeskPage.open(contexts(), desk, f"/issues/{issue_id(store)}")
    view.wait_live()
    return view


def test_a_an_edit_reaches_another_editors_open_page_without_a_reload(newsroom, contexts, axe, two_editors):
    a, b = two_editors
    article = next(article for article in sample_articles(a) if article.paragraphs)
    old = a_word_of(article.paragraphs[0])
    page_a = open_issue(newsroom, contexts, a)
    page_b = open_issue(newsroom, contexts, b)
    page_b.mark_no_reload()
    axe.check(page_a.page, "issue page")

    form = page_a.edit_article(article)
    axe.check(page_a.page, "issue page, edit form open")
    replace_word(form, article, old, "nhanh chóng")
    page_a.save_edit(article)
    expect(page_a.paragraph(article.id, 0)).to_contain_text("nhanh chóng")

    expect(page_b.paragraph(article.id, 0)).to_contain_text("nhanh chóng", timeout=LIVE_UPDATE_LIMIT_MS)
    page_b.assert_not_reloaded()
    expect(page_b.paragraph(article.id, 0)).not_to_contain_text(old)
    screenshot(page_b.page, "issue-page-vi")


@xfail_for("sync-stops-on-cut", intermittent=True)
def test_b_offline_edits_of_one_sentence_conflict_and_a_resolution_reaches_both(newsroom, contexts, axe,
                                                                                two_editors):
    a, b = two_editors
    article = next(article for article in sample_articles(a) if article.paragraphs)
    old = a_word_of(article.paragraphs[0])
    page_a = open_issue(newsroom, contexts, a)
    page_b = open_issue(newsroom, contexts, b)
    page_a.expect_connection("status.online")

    a.go_offline()
    b.go_offline()
    page_a.expect_connection("status.offline")
    page_b.expect_connection("status.offline")
    for page, word in ((page_a, "nhanh chóng"), (page_b, "khẩn trương")):
        form = page.edit_article(article)
        replace_word(form, article, old, word)
        page.save_edit(article)
        expect(page.paragraph(article.id, 0)).to_contain_text(word)
        expect(page.page.locator("#status-pending")).not_to_have_text(page.cat.plural("status.pending", 0))

    a.go_online()                       # A's edit reaches the server first: B's, second, is "mine" for B
    page_a.expect_connection("status.online", timeout=RECONNECT_LIMIT_MS)
    page_a.expect_pending(0)
    b.go_online()
    page_b.expect_connection("status.online", timeout=RECONNECT_LIMIT_MS)
    page_b.expect_pending(0)
    for page in (page_a, page_b):
        expect(page.conflict_flag(article.id)).to_be_visible(timeout=LIVE_UPDATE_LIMIT_MS)
    screenshot(page_a.page, "issue-page-conflict-flagged-vi")
    axe.check(page_b.page, "issue page, conflict flagged")

    page_b.page.locator(f"#a-{article.id}-conflict a").click()
    expect(page_b.page.locator("#conflict-sides")).to_be_visible()
    for side in ("#side-base", "#side-mine", "#side-theirs"):
        expect(page_b.page.locator(side)).to_be_visible()
    expect(page_b.page.locator("#side-mine")).to_contain_text("khẩn trương")
    expect(page_b.page.locator("#side-theirs")).to_contain_text("nhanh chóng")
    expect(page_b.page.locator("#side-mine ins, #side-theirs ins").first).to_be_visible()
    screenshot(page_b.page, "conflict-view-vi")
    axe.check(page_b.page, "conflict view")
    page_b.switch_language("en")
    expect(page_b.page.locator("#conflict-sides")).to_be_visible()
    axe.check(page_b.page, "conflict view")
    screenshot(page_b.page, "conflict-view-en")
    page_b.switch_language("vi")

    merged = page_b.page.locator("#resolve-merged-text")
    text = merged.input_value()
    assert "khẩn trương" in text or "nhanh chóng" in text, f"the merged text holds neither version: {text!r}"
    merged.fill(text.replace("khẩn trương", "kịp thời").replace("nhanh chóng", "kịp thời"))
    with page_b.page.expect_navigation():
        page_b.button("conflict.take_merged", scope="form#resolve").click()
    expect(page_b.page.locator("#conflict-resolved")).to_be_visible()

    expect(page_a.paragraph(article.id, 0)).to_contain_text("kịp thời", timeout=LIVE_UPDATE_LIMIT_MS)
    expect(page_a.conflict_flag(article.id)).to_have_count(0, timeout=LIVE_UPDATE_LIMIT_MS)
    page_a.page.locator("#nav-conflicts").click()
    expect(page_a.page.locator("#conflict-list")).to_have_count(0)
    axe.check(page_a.page, "conflicts list")


@xfail_for("role-from-server")
def test_c_a_chief_publishes_and_a_field_office_shows_the_verified_issue(newsroom, contexts, axe):
    newsroom.start_server()
    editor = newsroom.store("thanh", editor="Thanh Hồng")
    chief = newsroom.store("lan", "chief", editor="Ngọc Lan")
    office = newsroom.store("hue-office", "field-office")
    editor.import_sample()
    editor.sync()
    chief.sync()

    office_page = DeskPage.open(contexts(), newsroom.open_desk(office))
    office_page.wait_live()
    expect(office_page.page.locator("tr[data-issue]")).to_have_count(0)
    axe.check(office_page.page, "field office: issues list (empty)")

    chief_page = open_issue(newsroom, contexts, chief)
    axe.check(chief_page.page, "issue page (chief)")
    chief_page.advance_to_published()
    expect(chief_page.page.locator("#issue-bar")).to_contain_text(chief_page.t("state.published"))
    expect(chief_page.page.locator("#state-published")).to_have_count(0)

    row = office_page.page.locator(f"tr[data-issue='{issue_id(chief)}']")
    expect(row).to_be_visible(timeout=LIVE_UPDATE_LIMIT_MS)
    row.get_by_role("link").first.click()
    signature = office_page.page.locator("#signature")
    expect(signature).to_have_class(re.compile(r"\bverified\b"))
    expect(signature).to_contain_text(office_page.cat.pattern("verify.ok"))
    for move in ("review", "approved", "published", "retracted"):
        expect(office_page.page.locator(f"#state-{move}")).to_have_count(0)
    screenshot(office_page.page, "field-office-issue-vi")
    axe.check(office_page.page, "field office: issue page")


def test_d_an_editor_has_no_publish_button_and_a_forged_publish_is_refused(newsroom, contexts, axe):
    newsroom.start_server()
    editor = newsroom.store("thanh", editor="Thanh Hồng")
    editor.import_sample()
    editor.sync()
    page = open_issue(newsroom, contexts, editor)
    issue = issue_id(editor)

    expect(page.page.locator("#state-published")).to_have_count(0)
    expect(page.page.get_by_role("button", name=page.t("action.publish"))).to_have_count(0)
    expect(page.button("action.submit_review", scope="form#workflow")).to_be_visible()
    axe.check(page.page, "issue page (editor)")

    token = page.csrf_token()
    assert token, "the page has no _csrf field"
    path = f"/issues/{issue}/state"
    not_allowed, bad_token = page.t("error.not_allowed"), page.t("error.bad_csrf")
    assert page.post(path, {"state": "published", "_csrf": token}) == (403, not_allowed), "forged, with the token"
    assert page.post(path, {"state": "published"}) == (403, bad_token), "forged, without the token"
    assert page.post(path, {"state": "published", "_csrf": "0" * len(token)}) == (403, bad_token), "a wrong token"
    foreign = page.page.context.request.post(
        page.desk.origin + path, form={"state": "published", "_csrf": token},
        headers={"Origin": "http://attacker.example", "Sec-Fetch-Site": "cross-site"}, max_redirects=0)
    assert foreign.status == 403, "a cross-site publish with the token"

    page.page.reload()
    expect(page.page.locator("#issue-bar")).to_contain_text(page.t("state.draft"))
    issues = json.loads(editor.cli("issues", "--json"))
    assert [(issue_["date"], issue_["state"]) for issue_ in issues] == [(SAMPLE_DATE, "draft")]
    assert json.loads(editor.cli("status", "--json"))["pending"] == 0, "a refused request changed the store"

    page.page.goto(page.desk.origin + "/issues/00000000-0000-0000-0000-000000000000")
    expect(page.page.locator("#error-reason")).to_have_attribute("data-status", "404")
    axe.check(page.page, "error page (404)")

    # The same request for a move an editor may make goes through: the refusals above are the role's.
    page.go(f"/issues/{issue}")
    assert page.post(path, {"state": "review", "_csrf": page.csrf_token()})[0] == 303
    page.page.reload()
    expect(page.page.locator("#issue-bar")).to_contain_text(page.t("state.review"))
