"""The rack view's clock: digits as large as the space allows, readable from two metres."""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip

from gymtui.ui.widgets.own_lines import OwnLines

# A 5x7 font; "#" is lit. Each font pixel is drawn two cells wide and one tall (a terminal
# cell is about twice as tall as it is wide), times the scale.
FONT: dict[str, tuple[str, ...]] = {
    "0": (" ### ", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "),
    "1": ("  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "),
    "2": (" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"),
    "3": ("#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### "),
    "4": ("   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "),
    "5": ("#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "),
    "6": ("  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "),
    "7": ("#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "),
    "8": (" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "),
    "9": (" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "),
    ":": (" ", " ", "#", " ", "#", " ", " "),
    "+": ("     ", "  #  ", "  #  ", "#####", "  #  ", "  #  ", "     "),
    "-": ("     ", "     ", "     ", "#####", "     ", "     ", "     "),
    " ": ("   ",) * 7,
}
ROWS = 7
GAP = 1  # font pixels between glyphs


def glyphs(text: str) -> list[tuple[str, ...]]:
    """The font's glyphs for `text` (a character it lacks shows as a space)."""
    return [FONT.get(ch, FONT[" "]) for ch in text]


def natural_width(text: str) -> int:
    """Cells wide at scale 1."""
    pixels = sum(len(g[0]) for g in glyphs(text)) + GAP * max(0, len(text) - 1)
    return pixels * 2


def fitting_scale(text: str, width: int, height: int) -> int:
    """The largest whole scale at which `text` fits in width x height (at least 1)."""
    wide = natural_width(text)
    scale = 1
    while wide * (scale + 1) <= width and ROWS * (scale + 1) <= height:
        scale += 1
    return scale


@lru_cache(maxsize=8)  # a new second compares its rows with the last second's
def pixel_rows(text: str) -> tuple[str, ...]:
    """`text`'s seven font rows at one character a pixel ("#" lit), glyphs GAP apart."""
    return tuple((" " * GAP).join(g[row] for g in glyphs(text)) for row in range(ROWS))


@lru_cache(maxsize=8)  # a change of the time asks for its old and new lines, then draws
def big_lines(text: str, scale: int) -> tuple[str, ...]:
    """`text` drawn in full blocks, `scale` times the font's size."""
    lines: list[str] = []
    for cells in pixel_rows(text):
        drawn = "".join(("██" if px == "#" else "  ") * scale for px in cells)
        lines.extend([drawn.rstrip()] * scale)
    return tuple(lines)


@lru_cache(maxsize=8)
def placement(text: str, width: int, height: int) -> tuple[int, int, tuple[str, ...]] | None:
    """Where `text`'s blocks go in width x height (left, top), and their lines, all as
    wide; None when it is too small for blocks. Centred by the glyphs' whole width, blank
    columns included: 2:51 stands where 2:52 does (its 1 has no lit last column, and the
    clock hopped sideways and back every ten seconds, drawn whole each time)."""
    if natural_width(text) > width or height < ROWS:
        return None
    scale = fitting_scale(text, width, height)
    drawn = big_lines(text, scale)
    wide = natural_width(text) * scale
    lines = tuple(line.ljust(wide) for line in drawn)
    return max(0, (width - wide) // 2), max(0, (height - len(lines)) // 2), lines


REVERSED = Style(reverse=True)
BOLD = Style(bold=True)


class BigClock(OwnLines):
    """A time in block digits, scaled to fill the widget, centred in it."""

    DEFAULT_CSS = "BigClock { width: 1fr; height: 1fr; }"

    text: reactive[str] = reactive("0:00", repaint=False)
    _style: Style | None = None  # the widget's colours, until they change
    _lines: dict[tuple[str, int, int], Strip]  # one line of blocks, by what it shows

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines = {}

    def lines_key(self) -> tuple[object, ...]:
        return (self.text,)

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        strips = self._strips(width, height, self._base_style())
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width, self._base_style())

    def _strips(self, width: int, height: int, base: Style) -> list[Strip]:
        """The widget's lines. Each line of blocks is built once and kept while it shows the
        same blocks: a new second builds the lines of the font rows that changed (a font row
        is `scale` lines alike), at most seven strips."""
        blank = Strip.blank(width, base)
        placed = placement(self.text, width, height)
        if placed is None:  # too small for blocks: plain digits
            left = max(0, (width - len(self.text)) // 2)
            segments = [Segment(" " * left, base), Segment(self.text, base + BOLD)]
            middle = max(0, (height - 1) // 2)
            strips = [blank] * height
            if middle < height:
                strips[middle] = Strip(segments).adjust_cell_length(width, base)
            return strips
        left, top, lines = placed
        strips = [blank] * top
        for line in lines:
            key = (line, left, width)
            strip = self._lines.get(key)
            if strip is None:
                if len(self._lines) > 64:  # old seconds' lines
                    self._lines.clear()
                # Lit cells are reversed spaces: solid in any terminal and in a screenshot.
                lit = base + REVERSED
                segments = [Segment(" " * left, base)] + [
                    Segment(" " * len(list(run)), lit if on else base)
                    for on, run in groupby(line, key=lambda ch: ch == "█")
                ]
                strip = self._lines[key] = Strip(segments).adjust_cell_length(width, base)
            strips.append(strip)
        strips.extend([blank] * (height - len(strips)))
        return strips

    def watch_text(self, old: str, new: str) -> None:
        # Only the cells that change are drawn again: 2:59 -> 2:58 is a part of one digit's
        # rows, not the clock (Textual draws again each line a region meets, and writes it
        # from the widget's left edge to the region's right one).
        regions = self._changed_cells(old, new)
        if regions is None:
            self.refresh()
        elif regions:
            self.refresh(*regions)

    def _placed(self, text: str) -> tuple[int, int, tuple[str, ...]] | None:
        """Where `text`'s blocks go (left, top) and their lines; None when too small."""
        return placement(text, self.size.width, self.size.height)

    def _changed_cells(self, old: str, new: str) -> list[Region] | None:
        """For each font row, the cells from the first to the last that differ between `old`
        and `new` as placed in the widget; None (all of it) unless both are blocks of the
        same size at the same height."""
        before, after = self._placed(old), self._placed(new)
        if before is None or after is None or before[1] != after[1]:
            return None
        if len(before[2]) != len(after[2]):
            return None  # another scale
        left, top, lines = after
        scale = len(lines) // ROWS
        if before[0] != left:  # moved sideways: both blocks' width, every row
            start = min(left, before[0])
            end = max(left + len(lines[0]), before[0] + len(before[2][0]))
            return [Region(start, top, end - start, len(lines))]
        regions = []
        for row, (was, now) in enumerate(zip(pixel_rows(old), pixel_rows(new), strict=True)):
            if was == now:
                continue
            wide = max(len(was), len(now))
            was, now = was.ljust(wide), now.ljust(wide)
            first = next(x for x in range(wide) if was[x] != now[x])
            last = next(x for x in reversed(range(wide)) if was[x] != now[x])
            cell = 2 * scale  # a font pixel's width in cells
            regions.append(
                Region(left + first * cell, top + row * scale, (last + 1 - first) * cell, scale)
            )
        return regions

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style = None  # new colours (over, paused, the flash, a theme)
        self._lines.clear()

    def _base_style(self) -> Style:
        if self._style is None:
            self._style = self.rich_style
        return self._style

    def render(self) -> Text:
        """The clock as Text, uncentred: what render_line draws (tests count its cells)."""
        width, height = self.size.width, self.size.height
        if natural_width(self.text) > width or height < ROWS:
            return Text(self.text, style="bold")  # too small for blocks: plain digits
        lines = big_lines(self.text, fitting_scale(self.text, width, height))
        wide = max(len(line) for line in lines)
        drawn = Text()
        for n, line in enumerate(lines):
            # Lit cells are reversed spaces: solid in any terminal and in a screenshot alike.
            for lit, run in groupby(line.ljust(wide), key=lambda ch: ch == "█"):
                cells = len(list(run))
                drawn.append(" " * cells, style="reverse" if lit else "")
            if n < len(lines) - 1:
                drawn.append("\n")
        return drawn
