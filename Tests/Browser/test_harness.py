"""The harness proves itself: a real server with accounts, stores that sync through it (and go offline when
their relay is cut), a field office that verifies a publication, and helpers (axe-core, keyboard focus) that
fail on pages that deserve it. The desk's scenarios build on these."""

from __future__ import annotations

import json

import pytest

from harness.browser import assert_focus_visible, english_words_on, tab_to
from harness.newsroom import SAMPLE_DATE
from harness.processes import ProcessFailed


def test_server_accounts_stores_and_a_verified_publication(newsroom):
    newsroom.start_server()
    editor = newsroom.store("thanh", "editor", editor="Thanh Hồng")
    chief = newsroom.store("lan", "chief", editor="Ngọc Lan")
    office = newsroom.store("hue-office", "field-office")

    issue_id = editor.import_sample()
    editor.sync()
    chief.sync()
    issues = json.loads(chief.cli("issues", "--json"))
    assert [(issue["id"], issue["date"], issue["state"]) for issue in issues] == [(issue_id, SAMPLE_DATE, "draft")]

    office.sync()
    assert json.loads(office.cli("issues", "--json")) == [], "a field office sees no draft"

    chief.cli("state", SAMPLE_DATE, "published")
    chief.sync()
    office.sync()
    assert [issue["state"] for issue in json.loads(office.cli("issues", "--json"))] == ["published"]
    office.cli("verify", SAMPLE_DATE)   # exits 0 only when the stored issue is exactly the signed content


def test_a_cut_relay_takes_a_store_offline_and_restoring_it_brings_it_back(newsroom):
    newsroom.start_server()
    editor = newsroom.store("thanh", offline=True)
    editor.import_sample()
    editor.go_offline()
    with pytest.raises(ProcessFailed):
        editor.sync()
    assert json.loads(editor.cli("status", "--json"))["pending"] > 0, "offline: the changes stay in the outbox"
    editor.go_online()
    editor.sync()
    assert json.loads(editor.cli("status", "--json"))["pending"] == 0


CLEAN_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bản tin</title>
<style>a:focus-visible, button:focus-visible { outline: 3px solid #1a4fd6; outline-offset: 2px; }</style></head>
<body><header><a href="#main">Bỏ qua, đến nội dung</a></header>
<main id="main"><h1>Điểm báo – Cải cách hành chính</h1><button type="button">Lưu</button></main></body></html>"""


def test_the_axe_helper_counts_blocking_violations(chromium, axe):
    page = chromium.new_page()
    page.set_content(CLEAN_PAGE)
    assert axe.check(page, "harness: a clean page") == 0
    page.set_content(CLEAN_PAGE.replace("<button type=\"button\">Lưu</button>", "<button></button>"))
    assert axe.check(page, "harness: a button without a name", record=False) >= 1
    page.close()


def test_the_keyboard_helpers_see_a_visible_focus_and_a_hidden_one(chromium):
    page = chromium.new_page()
    page.set_content(CLEAN_PAGE)
    tab_to(page, page.get_by_role("button"), "harness: reach the button")
    assert_focus_visible(page, "harness: on the button")
    page.set_content(CLEAN_PAGE.replace("outline: 3px solid #1a4fd6", "outline: none"))
    with pytest.raises(AssertionError, match="focus is not visible"):
        tab_to(page, page.get_by_role("button"), "harness: a page that hides its focus")
    page.close()


def test_the_english_word_check_ignores_the_bulletins_own_content(chromium):
    page = chromium.new_page()
    page.set_content(CLEAN_PAGE.replace("Lưu", "Save"))
    assert english_words_on(page, ["Save", "Publish"]) == ["Save"]
    page.set_content(CLEAN_PAGE.replace("<h1>", "<h1>Publish "))
    assert english_words_on(page, ["Save", "Publish"], content="Publish Điểm báo") == []
    page.close()
