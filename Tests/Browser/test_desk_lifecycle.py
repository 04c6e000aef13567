"""`bulletin ui` starts, serves its pages only to the holder of its per-launch key, and stops cleanly on SIGTERM
(issue 11 item 1: "Ctrl-C stops it cleanly"), also after a page has been open with its live event stream."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.desk import DeskPage

pytestmark = pytest.mark.desk


def test_the_desk_stops_on_sigterm_before_any_page(newsroom):
    newsroom.start_server()
    desk = newsroom.open_desk(newsroom.store("thanh"))
    assert desk.child.stop(timeout=20) == 0


def test_without_the_key_nothing_is_served(newsroom, contexts):
    newsroom.start_server()
    desk = newsroom.open_desk(newsroom.store("thanh"))
    page = contexts().new_page()
    response = page.goto(desk.origin + "/")
    assert response.status == 403
    expect(page.locator("body")).not_to_contain_text("2024")


def test_the_desk_stops_on_sigterm_after_a_page_was_open(newsroom, contexts):
    newsroom.start_server()
    desk = newsroom.open_desk(newsroom.store("thanh"))
    context = contexts()
    DeskPage.open(context, desk).wait_live()
    context.close()
    assert desk.child.stop(timeout=20) == 0
