"""The Rest screen's M:SS in three-line digits, drawn through the line API."""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.renderables.digits import DIGITS, DIGITS3X3, DIGITS3X3_BOLD
from textual.strip import Strip

from gymtui.ui.widgets.own_lines import OwnLines


@lru_cache(maxsize=8)  # a new second asks for its own rows and its predecessor's
def digit_rows(text: str, bold: bool) -> tuple[str, str, str]:
    """`text` in Textual's three-line digit font, as its Digits widget lays it out: three
    cells a known character, one cell (on the bottom line) any other."""
    font = DIGITS3X3_BOLD if bold else DIGITS3X3
    rows: tuple[list[str], list[str], list[str]] = ([], [], [])
    for character in text.replace(".", "•"):
        at = DIGITS.find(character)
        if at < 0:
            pieces = (" ", " ", character)
        else:
            pieces = tuple(font[at * 3 + n].ljust(3) for n in range(3))  # type: ignore[assignment]
        for row, piece in zip(rows, pieces, strict=True):
            row.append(piece)
    top, middle, bottom = ("".join(row) for row in rows)
    return top, middle, bottom


class RestDigits(OwnLines):
    """Textual's Digits look at a fraction of its cost per change: it shows a new value
    every second of a rest, and Digits renders each one through Rich's console (the Rest
    screen's largest cost per second, benchmarks/battery.py). Three strips per value, centred
    in the widget when it is wider than they are (the Rest screen has no Center container)."""

    DEFAULT_CSS = "RestDigits { width: auto; height: 3; }"

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._value = value
        self._drawn: tuple[tuple[str, Style, int], list[Strip]] | None = None

    @property
    def value(self) -> str:
        """What the digits show."""
        return self._value

    def update(self, value: str) -> None:
        """Show `value`: a layout pass only when its width changes and the widget's follows
        it (width auto); in a wider widget only the digits' own cells are drawn again."""
        if value == self._value:
            return
        wide = len(digit_rows(value, False)[0])
        wider = wide != len(digit_rows(self._value, False)[0])
        self._value = value
        if self.styles.width is not None and self.styles.width.is_auto:
            self.refresh(layout=wider)
        elif wider:
            self.refresh()
        else:
            self.refresh(Region(self._left(wide), 0, wide, 3))

    def lines_key(self) -> tuple[object, ...]:
        return (self._value,)

    def _left(self, wide: int) -> int:
        """Cells left of the digits: they are centred in the widget."""
        return max(0, (self.size.width - wide) // 2)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(digit_rows(self._value, False)[0])

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 3

    _style: Style | None = None  # the widget's colours, until they change

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style = None  # running, paused and over have their own colours
        self._drawn = None

    def render_line(self, y: int) -> Strip:
        # Asked for its three lines each new second: the style (Textual merges it from the
        # ancestors at each ask) is kept until it changes, the strips until the value does
        style = self._style
        if style is None:
            style = self._style = self.rich_style
        width = self.size.width
        key = (self._value, style, width)
        if self._drawn is None or self._drawn[0] != key:
            rows = digit_rows(self._value, bool(style.bold))
            # The cells around the digits are background only, as a Center container's are
            blank = Style(bgcolor=style.bgcolor)
            pad = Segment(" " * self._left(len(rows[0])), blank)
            strips = [
                Strip([pad, Segment(row, style)]).adjust_cell_length(width, blank) for row in rows
            ]
            self._drawn = (key, strips)
        strips = self._drawn[1]
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width, style)
