"""User text on its way out: what a terminal must not receive raw, and what a spreadsheet would
run as a formula.

One rule for every place user text (exercise names, notes, file names, paths) meets a terminal:
C0 and C1 control characters, DEL, and the invisible format characters (bidi overrides,
zero-width spaces; not the zero-width joiner of emoji) and line and paragraph separators are
shown as their Python escape (`\\x1b`, `\\u202e`), never sent as they are.
"""

from __future__ import annotations

import re

# C0 (newline apart), DEL and C1; Unicode format characters that reorder or hide text; the
# line and paragraph separators.
_FORMAT = "\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
_UNSAFE = "\x00-\x09\x0b-\x1f\x7f-\x9f" + _FORMAT
_UNSAFE_IN_LINE = re.compile(f"[\n{_UNSAFE}]")
_UNSAFE_IN_LINES = re.compile(f"[{_UNSAFE}]")
# JSON escapes C0 itself; these are the rest, escaped as \\uXXXX so the file stays exact data.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_FORMAT}]")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection)."""


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def shown(text: str) -> str:
    """One line of user text as it may reach a terminal: every control character escaped
    (a newline too, so a name cannot fake a line of output)."""
    return _UNSAFE_IN_LINE.sub(_escape, text)


def shown_lines(text: str) -> str:
    """Several lines (a message gymtui wrote around user text): control characters escaped,
    newlines kept."""
    return _UNSAFE_IN_LINES.sub(_escape, text)


def json_safe(encoded: str) -> str:
    """JSON text with DEL, C1 and invisible format characters written as `\\uXXXX`, as
    json.dumps writes C0: the same data, no raw control byte. Such characters occur only
    inside strings, where the escape means the same character."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def spreadsheet_safe(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with `'` (OWASP's
    advice); numbers and other text as they are."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
