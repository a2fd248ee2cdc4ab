"""Where the days are in a program file's text, so that whole days move or go with the comment
lines written just above them (tomlkit keeps a comment above a table at the end of the table
before it: moved by tomlkit, "# the light day" would stay with the wrong day)."""

from __future__ import annotations

import itertools
import re
import tomllib

_DAY = re.compile(r"^\s*\[\[\s*days\s*\]\]\s*(#.*)?$")
_OWN = re.compile(r"^\s*\[\[?\s*days\s*\.")  # [[days.exercises]], [days.x]: inside a day
_HEADER = re.compile(r"^\s*\[\[?\s*[\w\"'. -]+\s*\]\]?\s*(#.*)?$")
_COMMENT = re.compile(r"^\s*#")


def _blocks(text: str) -> tuple[str, list[str], str] | None:
    """The text before the days, each day (with the comment lines right above its header),
    and the text after them; None when the days are not one run of tables."""
    lines = text.splitlines(keepends=True)
    starts: list[int] = []
    end = len(lines)
    for n, line in enumerate(lines):
        if _DAY.match(line):
            if starts and end != len(lines):
                return None  # another table between two days
            starts.append(n)
        elif starts and _HEADER.match(line) and not _OWN.match(line) and end == len(lines):
            end = n
    if not starts:
        return None

    def above(n: int) -> int:  # the comment lines right above line n start here
        while n > 0 and _COMMENT.match(lines[n - 1]):
            n -= 1
        return n

    cuts = [above(n) for n in starts] + [above(end) if end < len(lines) else end]
    head = "".join(lines[: cuts[0]])
    days = ["".join(lines[a:b]) for a, b in itertools.pairwise(cuts)]
    return head, days, "".join(lines[cuts[-1] :])


def reordered_days(text: str, order: list[int]) -> str | None:
    """The text with its days in `order` (old indices; one left out is removed), each with its
    comment lines; None when the file's layout is not one this can do safely (the caller
    then lets tomlkit do it). The result is checked: its days must be the old ones in order."""
    split = _blocks(text)
    if split is None:
        return None
    head, days, tail = split
    try:
        before = tomllib.loads(text).get("days")
    except tomllib.TOMLDecodeError:
        return None
    if not isinstance(before, list) or len(before) != len(days):
        return None
    moved = [days[i] for i in order]
    spaced = [day if day.endswith("\n\n") else day.rstrip("\n") + "\n\n" for day in moved[:-1]]
    last = moved[-1] if not tail or moved[-1].endswith("\n\n") else moved[-1].rstrip("\n") + "\n\n"
    made = head + "".join([*spaced, last]) + tail
    try:
        after = tomllib.loads(made).get("days")
    except tomllib.TOMLDecodeError:
        return None
    return made if after == [before[i] for i in order] else None
