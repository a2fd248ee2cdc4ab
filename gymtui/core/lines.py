"""Where an entry of a program file is: tomllib gives no lines for values, so the text is
searched for the entry's table header, key or `exercise =`, for errors that name a line."""

from __future__ import annotations

import re


class Lines:
    """Where an entry of a TOML file is (tomllib gives no lines for values): the line of its
    table's header, or of one key inside that table, found by searching the text."""

    _HEADER = re.compile(r"^\s*\[")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def find(self, entry: str, key: str | None) -> int | None:
        """The 1-based line of an entry as core.program names it ("day 2 ('B')", "exercise
        'my_squat'", "[warmup]"), at `key` when the key is on a line of its own."""
        day = re.match(r"day (\d+)", entry)
        exercise = re.fullmatch(r"exercise '(.*)'", entry, re.DOTALL)
        planned = re.search(r", exercise (\d+)$", entry)
        if day and planned:  # a day's entry: the line of its nth `exercise =`
            header = self._nth(re.compile(r"^\s*\[\[\s*days\s*\]\]"), int(day.group(1)))
            return self._entry(header, int(planned.group(1))) if header else None
        if day:
            header = self._nth(re.compile(r"^\s*\[\[\s*days\s*\]\]"), int(day.group(1)))
        elif exercise:
            name = _key_pattern(exercise.group(1))
            header = self._nth(re.compile(rf"^\s*\[\s*exercises\s*\.\s*{name}\s*\]"), 1)
            if header is None:  # an inline table: `my_squat = { name = ... }`
                return self._nth(re.compile(rf"^\s*{name}\s*="), 1)
        elif entry in ("[warmup]", "[block]"):
            header = self._nth(re.compile(rf"^\s*\[\s*{entry[1:-1]}\s*\]"), 1)
        else:
            header = 0 if entry == "top level" else None
        if header is None or not key:
            return header or None
        assignment = re.compile(rf"^\s*{_key_pattern(key)}\s*=")
        for n in range(header, len(self.lines)):  # from the line after the header
            line = self.lines[n]
            if self._HEADER.match(line):
                break
            if assignment.match(line):
                return n + 1
        return header or None

    def _entry(self, header: int, nth: int) -> int | None:
        found = 0
        day_header = re.compile(r"^\s*\[\[\s*days\s*\]\]")
        for n in range(header, len(self.lines)):
            if day_header.match(self.lines[n]):
                break
            if self.lines[n].lstrip().startswith("#"):  # a commented-out entry is not one
                continue
            found += len(re.findall(r"(?:^|[{,])\s*(?:exercise|\"exercise\")\s*=", self.lines[n]))
            if found >= nth:
                return n + 1
        return header

    def _nth(self, pattern: re.Pattern[str], nth: int) -> int | None:
        count = 0
        for n, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                count += 1
                if count == nth:
                    return n
        return None


def _key_pattern(key: str) -> str:
    """A TOML key as the text may write it: bare, or in either kind of quotes."""
    plain = re.escape(key)
    return f"(?:{plain}|\"{plain}\"|'{plain}')"
