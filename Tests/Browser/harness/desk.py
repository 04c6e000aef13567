"""The desk as a person sees it in the browser: one place that knows its routes and test hooks
(Sources/BulletinDesk/README.md, "Routes" and "Stable hooks for browser tests") and finds every button and label
by its catalog text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from playwright.sync_api import Page, expect

from .browser import LIVE_UPDATE_LIMIT_MS, PAGE_LIMIT_MS
from .catalog import Catalog
from .newsroom import Desk, SAMPLE_DATE, Store


@dataclass
class SampleArticle:
    """One article of the imported sample, read from the store (`bulletin show --json`)."""

    id: str
    number: int
    title: str
    paragraphs: list[str]


def sample_articles(store: Store) -> list[SampleArticle]:
    issue = json.loads(store.cli("show", SAMPLE_DATE, "--json"))
    return [SampleArticle(article["id"], article["number"], article["title"], article["paragraphs"])
            for section in issue["sections"] for article in section["articles"]]


def issue_id(store: Store) -> str:
    return json.loads(store.cli("show", SAMPLE_DATE, "--json"))["id"]


class DeskPage:
    """A browser page on one `bulletin ui`, in the language the page says it is in (`<html lang>`)."""

    def __init__(self, page: Page, desk: Desk) -> None:
        self.page = page
        self.desk = desk

    @staticmethod
    def open(context, desk: Desk, path: str = "/") -> "DeskPage":
        """Opens the printed URL (the secret becomes a cookie), then `path`."""
        page = context.new_page()
        page.goto(desk.url)
        expect(page).not_to_have_url(re.compile(r"[?&]key="))   # the secret leaves the address bar
        view = DeskPage(page, desk)
        if path != "/":
            view.go(path)
        return view

    # Language and catalog ------------------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.page.evaluate("document.documentElement.lang")

    @property
    def cat(self) -> Catalog:
        return Catalog.load(self.lang)

    def t(self, key: str, **values: object) -> str:
        return self.cat.text(key, **values)

    def button(self, key: str, scope=None, **values: object):
        """The button whose accessible name is the catalog text of `key` (inside `scope`, a selector, if given)."""
        root = self.page.locator(scope) if scope else self.page
        return root.get_by_role("button", name=self.t(key, **values), exact=True)

    def link(self, key: str, scope=None, **values: object):
        root = self.page.locator(scope) if scope else self.page
        return root.get_by_role("link", name=self.t(key, **values), exact=True)

    def switch_language(self, lang: str) -> None:
        """Presses the language switch's button for `lang` (found by its catalog name); waits for the new page."""
        name = Catalog.load(self.lang).text(f"lang.{lang}")
        with self.page.expect_navigation():
            self.page.locator("form#lang-switch").get_by_role("button", name=name, exact=True).click()
        expect(self.page.locator("html")).to_have_attribute("lang", lang)

    # Navigation ----------------------------------------------------------------------------------------------

    def go(self, path: str) -> None:
        self.page.goto(self.desk.origin + path)

    @property
    def path(self) -> str:
        return re.sub(r"^http://[^/]+", "", self.page.url)

    def wait_live(self) -> None:
        """Waits until the page's event stream is open (live updates can arrive from now on)."""
        expect(self.page.locator("body")).to_have_attribute("data-live-ready", "true", timeout=PAGE_LIMIT_MS)

    def mark_no_reload(self) -> None:
        """Puts a marker in the page's window: it survives live updates, and a reload would remove it."""
        self.page.evaluate("window.__sameDocument = 'kept'")

    def assert_not_reloaded(self) -> None:
        assert self.page.evaluate("window.__sameDocument") == "kept", "the page was reloaded"

    # The status line -----------------------------------------------------------------------------------------

    def expect_connection(self, key: str, timeout: float = LIVE_UPDATE_LIMIT_MS) -> None:
        expect(self.page.locator("#status-connection")).to_contain_text(self.t(key), timeout=timeout)

    def expect_pending(self, count: int, timeout: float = LIVE_UPDATE_LIMIT_MS) -> None:
        expect(self.page.locator("#status-pending")).to_have_text(self.cat.plural("status.pending", count),
                                                                  timeout=timeout)

    # The issue page ------------------------------------------------------------------------------------------

    def article(self, article_id: str):
        return self.page.locator(f"article#a-{article_id}")

    def paragraph(self, article_id: str, index: int):
        return self.page.locator(f"#a-{article_id}-p{index}")

    def edit_article(self, article: SampleArticle):
        """Follows the article's edit link (by its catalog name); returns the edit form."""
        self.page.locator(f"#a-{article.id}-edit").click()
        form = self.page.locator(f"form#edit-{article.id}")
        expect(form).to_be_visible()
        return form

    def save_edit(self, article: SampleArticle) -> None:
        with self.page.expect_navigation():
            self.button("action.save", scope=f"form#edit-{article.id}").click()

    # Publication workflow: one move at a time, each with the button the role is offered (draft → review →
    # approved → published), found by its catalog text.
    WORKFLOW = (("review", "action.submit_review"), ("approved", "action.approve"), ("published", "action.publish"))

    def workflow_button(self, state: str):
        key = dict(self.WORKFLOW)[state]
        return self.button(key, scope="form#workflow")

    def advance_to_published(self) -> None:
        """Clicks the workflow's buttons until the issue is published (what a chief does from a draft)."""
        for state, _ in self.WORKFLOW:
            if self.page.locator(f"#state-{state}").count() == 0:
                continue
            with self.page.expect_navigation():
                self.workflow_button(state).click()
            expect(self.page.locator("#issue-bar")).to_contain_text(self.t(f"state.{state}"))

    def conflict_flag(self, article_id: str):
        return self.page.locator(f"#a-{article_id}-conflict")

    def csrf_token(self) -> str:
        return self.page.locator("input[name=_csrf]").first.get_attribute("value")

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        """A form POST sent from the page's own origin with its cookie (`fetch`), as a forged request would be;
        returns the HTTP status and the error page's reason (`#error-reason`), if any."""
        return tuple(self.page.evaluate("""async ([path, fields]) => {
            const body = new URLSearchParams(fields);
            const response = await fetch(path, {method: 'POST', body, credentials: 'same-origin',
                                                 redirect: 'manual'});
            const text = response.type === 'opaqueredirect' ? '' : await response.text();
            const reason = new DOMParser().parseFromString(text, 'text/html').getElementById('error-reason');
            return [response.type === 'opaqueredirect' ? 303 : response.status,
                    reason ? reason.textContent.trim() : ''];
        }""", [path, fields]))
