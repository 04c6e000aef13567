"""The desk's known defects that the browser tests found (one place; /work/notes/browser-findings.md and the
README's test section describe them). A test that runs into one is marked `xfail(strict=True)`: it still runs in
full every time, and the day the desk is fixed it passes, which strict mode turns into a failure that says to
delete the entry here. Nothing else in the tests tolerates a defect."""

from __future__ import annotations

import pytest

KNOWN = {
    "origin-null": (
        "every form POST from Chromium is refused as a bad CSRF token: the desk sends Referrer-Policy: no-referrer, "
        "so Chromium sends `Origin: null`, which DeskGuard compares with http://HOST (fix: Referrer-Policy: "
        "same-origin)"),
    "sigterm-with-events": (
        "`bulletin ui` does not exit on SIGTERM once a page has opened /events (its SSE streams are not ended at "
        "shutdown), even after the browser closed the connection"),
    "live-select-dirty": (
        "live updates never reach an article on the issue page: desk.js counts every note form's <select> as "
        "edited (its first option is selected but not defaultSelected), so every article looks busy"),
    "sync-stops-on-cut": (
        "the desk's background sync stops for good when its connection is cut ('I/O on closed channel' is treated "
        "as not retryable): the store stays offline until `bulletin ui` is restarted"),
    "role-from-server": (
        "the desk takes the role from the store's kind, so a chief's store is an editor's: no approve or publish "
        "button (waits for the `role` branch: the server tells the client its role)"),
}


def xfail_for(*names: str):
    """Marks a test as failing, strictly, because of the named known defects of the desk."""
    for name in names:
        assert name in KNOWN, name
    return pytest.mark.xfail(strict=True, reason="desk defect(s): " + "; ".join(
        f"[{name}] {KNOWN[name]}" for name in names))


def known(name: str) -> bool:
    return name in KNOWN
