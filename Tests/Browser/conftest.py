"""Fixtures of the browser tests: one Chromium per run; per test a newsroom (server, stores, desks), browser
contexts, and an axe-core audit that fails the test at its end on any serious or critical violation."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import browser as browser_support  # noqa: E402
from harness.artifacts import AXE_REPORT, RUNS, SCREENSHOTS, AxeAudit, axe_summary, safe_name  # noqa: E402
from harness.newsroom import REPO, Newsroom, binary_directory  # noqa: E402

def pytest_sessionstart(session):
    for stale in (SCREENSHOTS, RUNS):
        shutil.rmtree(stale, ignore_errors=True)
    AXE_REPORT.unlink(missing_ok=True)


def pytest_terminal_summary(terminalreporter):
    lines = axe_summary()
    if lines:
        terminalreporter.section("axe-core: serious or critical violations per page")
        for line in lines:
            terminalreporter.write_line(line)
        terminalreporter.write_line(f"(report: {AXE_REPORT}; screenshots: {SCREENSHOTS})")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def bin_dir() -> Path:
    return binary_directory()


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = browser_support.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def newsroom(request, bin_dir):
    """A fresh newsroom in `.build/browser-tests/runs/TEST/` (server data, stores, every process's log)."""
    workdir = RUNS / safe_name(request.node.name)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    room = Newsroom(workdir=workdir, bin_dir=bin_dir)
    yield room
    call = getattr(request.node, "report_call", None)
    if call is not None and call.failed:
        room.kill_all()   # the test failed already: do not mask its message with a teardown one
        print(f"logs of the failed test: {room.logs}")
    else:
        room.close()      # SIGTERM to every desk and the server; each must exit 0


@pytest.fixture
def contexts(chromium):
    """Makes browser contexts (one per person at a desk); closes them all at the end."""
    made = []

    def make(locale: str = "vi-VN", **options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = chromium.new_context(locale=locale, **options)
        context.set_default_timeout(browser_support.PAGE_LIMIT_MS)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def axe(request):
    """axe-core on every page a test visits; the test fails at its end if any had a serious or critical one."""
    audit = AxeAudit(test=request.node.name)
    yield audit
    failures = audit.failures()
    call = getattr(request.node, "report_call", None)
    if failures and (call is None or not call.failed):
        pytest.fail("axe-core found serious or critical violations:\n" + "\n".join(failures), pytrace=False)
