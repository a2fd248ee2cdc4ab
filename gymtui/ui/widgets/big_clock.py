"""The rack view's clock: digits as large as the space allows, readable from two metres."""

from __future__ import annotations

from itertools import groupby

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

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


def big_lines(text: str, scale: int) -> list[str]:
    """`text` drawn in full blocks, `scale` times the font's size."""
    lines: list[str] = []
    for row in range(ROWS):
        cells = (" " * GAP).join(g[row] for g in glyphs(text))
        drawn = "".join(("██" if px == "#" else "  ") * scale for px in cells)
        lines.extend([drawn.rstrip()] * scale)
    return lines


class BigClock(Widget):
    """A time in block digits, scaled to fill the widget."""

    DEFAULT_CSS = "BigClock { width: 1fr; height: 1fr; content-align: center middle; }"

    text: reactive[str] = reactive("0:00")

    def render(self) -> Text:
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
