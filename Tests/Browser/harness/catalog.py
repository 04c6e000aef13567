"""The desk's message catalogs, read from the source tree: tests find texts by key, never by hard-coding them.

One fact, one place: `Sources/BulletinDesk/Catalog/vi.json` and `en.json` (flat keys → text, named placeholders
such as `{count}`) are what the desk renders; a test that looks a button up by its key keeps working when a
wording changes and finds the button in either language.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .newsroom import REPO

CATALOG_DIRECTORY = REPO / "Sources" / "BulletinDesk" / "Catalog"
LANGUAGES = ("vi", "en")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


class Catalog:
    """One language's catalog."""

    def __init__(self, lang: str, entries: dict[str, object]) -> None:
        self.lang = lang
        self.entries = entries

    @staticmethod
    @lru_cache(maxsize=None)
    def load(lang: str) -> "Catalog":
        path = CATALOG_DIRECTORY / f"{lang}.json"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing (the desk's {lang} catalog)")
        entries = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(entries, dict), f"{path}: expected a JSON object of key → text"
        return Catalog(lang, entries)

    def keys(self) -> set[str]:
        return set(self.entries)

    def raw(self, key: str) -> str:
        """The entry for `key`; a plural entry (an object of forms) gives its `other` form."""
        if key not in self.entries:
            raise KeyError(f"catalog {self.lang}.json has no key {key!r} (keys like it: {self.similar(key)})")
        value = self.entries[key]
        if isinstance(value, dict):
            value = value.get("other") or next(iter(value.values()))
        assert isinstance(value, str), f"{self.lang}.json {key!r} is not text: {value!r}"
        return value

    def text(self, key: str, **values: object) -> str:
        """The text for `key` with its named placeholders filled in."""
        text = self.raw(key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def plural(self, key: str, count: int, **values: object) -> str:
        """The plural form of `key` for `count` (CLDR: Vietnamese has one form, English `one` and `other`)."""
        entry = self.entries.get(key)
        if not isinstance(entry, dict):
            return self.text(key, count=self.number(count), **values)
        form = "one" if self.lang == "en" and count == 1 else "other"
        text = entry.get(form) or entry["other"]
        for name, value in {"count": self.number(count), **values}.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def number(self, value: int) -> str:
        """A whole number as the language writes it: 5.700 in Vietnamese, 5,700 in English."""
        return f"{value:,}".replace(",", "." if self.lang == "vi" else ",")

    def pattern(self, key: str) -> re.Pattern[str]:
        """A regular expression matching the rendered text of `key`, whatever its placeholders hold."""
        parts = _PLACEHOLDER.split(self.raw(key))
        return re.compile(".+?".join(re.escape(part) for part in parts))

    def find_key(self, *fragments: str) -> str:
        """The one key containing every fragment (dots count), for tests that find a key by its meaning."""
        matches = sorted(key for key in self.entries if all(fragment in key for fragment in fragments))
        if len(matches) != 1:
            raise KeyError(f"{self.lang}.json: {len(matches)} keys contain {fragments}: {matches[:12]}")
        return matches[0]

    def similar(self, key: str) -> list[str]:
        stem = key.split(".")[0]
        return sorted(candidate for candidate in self.entries if candidate.startswith(stem))[:12]


def catalogs() -> dict[str, Catalog]:
    return {lang: Catalog.load(lang) for lang in LANGUAGES}
