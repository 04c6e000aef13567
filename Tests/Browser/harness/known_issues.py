"""The desk's known defects that the browser tests found (one place; /work/notes/browser-findings.md and the
README's test section describe them). A test that runs into one is marked `xfail(strict=True)`: it still runs in
full every time, and the day the desk is fixed it passes, which strict mode turns into a failure that says to
delete the entry here. Nothing else in the tests tolerates a defect."""

from __future__ import annotations

import pytest

KNOWN: dict[str, str] = {}


def xfail_for(*names: str, intermittent: bool = False):
    """Marks a test as failing, strictly, because of the named known defects of the desk; an intermittent defect
    (`intermittent=True`) makes the mark non-strict: the test may pass or fail, and its outcome is reported."""
    for name in names:
        assert name in KNOWN, name
    return pytest.mark.xfail(strict=not intermittent, reason="desk defect(s): " + "; ".join(
        f"[{name}] {KNOWN[name]}" for name in names))


def known(name: str) -> bool:
    return name in KNOWN
