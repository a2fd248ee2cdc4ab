"""User text on the screen: never read as markup, and control bytes made visible (by the one
rule of core/text.py that the command line follows too: `\x1b`, `\u202e`).

Exercise names, notes, day names and imported strings can hold anything: `[/` (which no
escape function can make safe for Textual's markup), or terminal escape bytes. Every place
that shows them goes through here: `markup` fills `$name` slots of a template with plain
text, `plain` makes a table cell or option that is never parsed.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from gymtui.core.text import shown as one_line
from gymtui.core.text import shown_lines


def shown(text: str) -> str:
    """A user's string as it may reach the terminal: control characters escaped, lines kept
    (a note may have several)."""
    return shown_lines(text)


def markup(template: str, **values: object) -> Content:
    """Textual markup whose `$name` slots take `values` as plain text."""
    return Content.from_markup(template, **{k: shown(str(v)) for k, v in values.items()})


def lines_text(lines: list[str]) -> Text:
    """Lines of user text, one under another, never parsed."""
    return Text("\n".join(shown(line) for line in lines))


def plain(text: str, style: str = "") -> Text:
    """User text for a table cell or an option: a Text, so it is never parsed."""
    return Text(one_line(text), style=style)  # a cell or an option is one line


def clip(text: str, width: int) -> str:
    """`text`, cut to `width` with an ellipsis when longer."""
    return text if len(text) <= width else text[: width - 1] + "…"
