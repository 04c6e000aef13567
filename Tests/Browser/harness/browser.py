"""Driving Debian's Chromium: launch, keyboard-only navigation with a visible focus, interface-word checks."""

from __future__ import annotations

import os
import re

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Every wait in the browser tests is on an event, bounded by these (milliseconds).
LIVE_UPDATE_LIMIT_MS = 10_000   # another editor's change reaches an open page (issue 11: "within a time limit")
PAGE_LIMIT_MS = 15_000          # a navigation or a form post
RECONNECT_LIMIT_MS = 45_000     # a store back online: its reconnect backoff is capped at 30 s (README, sync --watch)
# A full-page screenshot is an artifact for people, not a check of the desk: software rendering of a tall page at
# 320 px took Chromium over 15 s on a slow 2-core machine while the rest of the run went on beside it.
SCREENSHOT_LIMIT_MS = 60_000


def launch(playwright):
    """Headless Chromium from Debian; --no-sandbox because CI runs as root (Chromium refuses otherwise)."""
    if not os.path.exists(CHROMIUM):
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's `chromium` (Tests/run-all.sh does)")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                      args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"])


FOCUS_VISIBLE_JS = """
() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
        return {ok: false, why: 'nothing is focused', what: ''};
    }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const what = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
        ' "' + (element.getAttribute('aria-label') || element.innerText || element.value || '').slice(0, 40) + '"';
    const rect = element.getBoundingClientRect();
    const onScreen = rect.width > 0 && rect.height > 0;
    // A date or time field takes the focus into its segments, which Chromium highlights itself.
    const segmented = element.tagName === 'INPUT' && /^(date|time|datetime-local|month|week)$/.test(element.type);
    return {ok: (segmented ? element === document.activeElement : element.matches(':focus-visible') && (outline || shadow))
                && onScreen,
            why: `focus-visible=${element.matches(':focus-visible')} outline=${style.outlineStyle} ` +
                 `${style.outlineWidth} shadow=${style.boxShadow} size=${rect.width}x${rect.height}`,
            what};
}
"""


def assert_focus_visible(page, step: str) -> str:
    """Fails unless the focused element shows a focus indicator (outline or box-shadow under :focus-visible)."""
    state = page.evaluate(FOCUS_VISIBLE_JS)
    assert state["ok"], f"{step}: the focus is not visible on {state['what']} ({state['why']})"
    return state["what"]


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, step: str, backwards: bool = False, limit: int = 400) -> None:
    """Presses Tab (or Shift+Tab) until `locator` has the focus, checking at every stop that focus is visible."""
    key = "Shift+Tab" if backwards else "Tab"
    locator.wait_for(state="visible", timeout=PAGE_LIMIT_MS)
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("!document.activeElement || document.activeElement === document.body"):
            continue   # past the last element the focus leaves the page (the browser's own stop), then wraps
        assert_focus_visible(page, f"{step} ({key})")
        if is_focused(locator):
            return
    raise AssertionError(f"{step}: {limit} presses of {key} never reached {locator}")


# What people wrote (note texts, their authors' names) is content, as the bulletin's own text is.
USER_DATA = ".note-text, .note-author"


def visible_interface_text(page, exclude: str = USER_DATA) -> str:
    """The text a person meets on the page: body text, the title, and the labels and hints of controls; without
    the elements matching `exclude`."""
    return page.evaluate("""(exclude) => {
        const body = document.body.cloneNode(true);
        body.querySelectorAll(exclude).forEach(e => e.remove());
        body.querySelectorAll('script, style').forEach(e => e.remove());
        const labels = [...body.querySelectorAll('[aria-label],[title],[placeholder],[alt],input[type=submit],'
                                                 + 'input[type=button]')]
            .map(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder'),
                       e.getAttribute('alt'), e.type === 'submit' || e.type === 'button' ? e.value : '']
                      .filter(Boolean).join(' '));
        const texts = [];
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) { texts.push(walker.currentNode.nodeValue); }
        return [document.title, texts.join(' '), ...labels].join('\\n');
    }""", exclude)


def english_words_on(page, words: list[str], content: str = "") -> list[str]:
    """The English interface words (whole words, any case) the page shows, outside the bulletin's own content."""
    text = visible_interface_text(page)
    for piece in filter(None, content.split("\n")):
        text = text.replace(piece, " ")
    return sorted({word for word in words if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text, re.I)})
