"""User text on the screen: never read as markup, and control bytes made visible.

Exercise names, notes, day names and imported strings can hold anything: `[/` (which no
escape function can make safe for Textual's markup), or terminal escape bytes. Every place
that shows them goes through here: `markup` fills `$name` slots of a template with plain
text, `plain` makes a table cell or option that is never parsed.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """A user's string as it may reach the terminal: control bytes become U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def markup(template: str, **values: object) -> Content:
    """Textual markup whose `$name` slots take `values` as plain text."""
    return Content.from_markup(template, **{k: shown(str(v)) for k, v in values.items()})


def lines_text(lines: list[str]) -> Text:
    """Lines of user text, one under another, never parsed."""
    return Text("\n".join(shown(line) for line in lines))


def plain(text: str, style: str = "") -> Text:
    """User text for a table cell or an option: a Text, so it is never parsed."""
    return Text(shown(text), style=style)


def clip(text: str, width: int) -> str:
    """`text`, cut to `width` with an ellipsis when longer."""
    return text if len(text) <= width else text[: width - 1] + "…"
