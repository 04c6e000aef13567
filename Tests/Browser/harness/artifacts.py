"""What the browser tests leave in the build folder: screenshots, the axe-core report, each test's logs."""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from .browser import SCREENSHOT_LIMIT_MS
from .newsroom import REPO

BUILD = Path(os.environ.get("BROWSER_TEST_OUTPUT", REPO / ".build" / "browser-tests"))
SCREENSHOTS = BUILD / "screenshots"
RUNS = BUILD / "runs"
AXE_REPORT = BUILD / "axe-report.json"
BLOCKING_IMPACTS = ("serious", "critical")


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Writes `screenshots/NAME.png` and returns its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{safe_name(name)}.png"
    page.screenshot(path=str(path), full_page=full_page, timeout=SCREENSHOT_LIMIT_MS)
    return path


@dataclass
class AxeAudit:
    """One test's axe-core runs: each page is checked and counted; the test fails at its end if any page had
    a violation of impact serious or critical (so one bad page does not hide the counts of the others)."""

    test: str
    results: list[dict] = field(default_factory=list)
    _axe: Axe = field(default_factory=Axe)

    def check(self, page, label: str, record: bool = True) -> int:
        """Runs axe-core on the page as it is now; records and prints the count; returns the blocking count.

        `record=False` (the harness's own deliberately broken pages) keeps it out of the run's report and out of
        the test's verdict.
        """
        page.wait_for_load_state("load")
        response = self._axe.run(page).response
        violations = response["violations"]
        blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
        lang = page.evaluate("document.documentElement.lang")
        entry = {
            "test": self.test, "page": label, "lang": lang, "url": _without_secret(page.url),
            "serious_or_critical": sum(len(v["nodes"]) for v in blocking),
            "rules": [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"],
                       "targets": [", ".join(map(str, node["target"])) for node in v["nodes"]][:5]}
                      for v in violations],
        }
        if record:
            self.results.append(entry)
            _record(entry)
        print(f"axe: {label} [{lang}]: {entry['serious_or_critical']} serious/critical "
              f"({len(violations)} rules violated in all)")
        return entry["serious_or_critical"]

    def failures(self) -> list[str]:
        lines = []
        for entry in self.results:
            for rule in entry["rules"]:
                if rule["impact"] in BLOCKING_IMPACTS:
                    lines.append(f"{entry['page']} [{entry['lang']}]: {rule['id']} ({rule['impact']}, "
                                 f"{rule['nodes']} nodes): {rule['help']} — {rule['targets']}")
        return lines


_report_lock = threading.Lock()


def _record(entry: dict) -> None:
    with _report_lock:
        BUILD.mkdir(parents=True, exist_ok=True)
        entries = json.loads(AXE_REPORT.read_text()) if AXE_REPORT.exists() else []
        entries.append(entry)
        AXE_REPORT.write_text(json.dumps(entries, indent=2, ensure_ascii=False))


def axe_summary() -> list[str]:
    """One line per page checked in this run (for pytest's terminal summary)."""
    if not AXE_REPORT.exists():
        return []
    return [f"{entry['serious_or_critical']:>3}  {entry['page']} [{entry['lang']}]  ({entry['test']})"
            for entry in json.loads(AXE_REPORT.read_text())]


def _without_secret(url: str) -> str:
    return re.sub(r"([?&](secret|token|key)=)[^&]+", r"\1…", url)
