"""The Rest screen's bar: Textual's ProgressBar look, as one widget drawn on the tick only."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from gymtui.ui.widgets.own_lines import OwnLines

BAR_CELLS = 50  # the bar's length, centred in the widget (narrower when the widget is)
BAR, HALF_LEFT, HALF_RIGHT = "━", "╺", "╸"  # Textual's BarRenderable glyphs


def bar_pieces(percentage: float, cells: int) -> tuple[str, str]:
    """The bar's text for a share done, as Textual's Bar draws it from 0: the done part
    (whole cells, a half cell ending on ╸), and the rest (starting on ╺ after whole cells)."""
    share = min(max(percentage, 0.0), 1.0)
    share = int(share * cells * 2) / (cells * 2) if cells else share  # Bar's own rounding
    end = round(cells * share * 2) / 2
    if end <= 0:
        return "", BAR * cells
    half = end != int(end)
    done = BAR * int(end) + (HALF_RIGHT if half else "")
    rest = ("" if half or end == cells else HALF_LEFT) + BAR * (cells - int(end) - 1)
    return done, rest


class RestBar(OwnLines):
    """The rest's bar. Textual's ProgressBar is two widgets (the bar inside it), both
    rendered at every frame, and it wakes the app every second to refresh an ETA this bar
    does not show: this one is a line drawn only when the tick moves it a cell."""

    COMPONENT_CLASSES = {"bar--bar", "bar--complete"}
    DEFAULT_CSS = """
    RestBar {
        height: 1;
        width: 100%;
        &> .bar--bar { color: $primary; background: $surface; }
        &> .bar--complete { color: $success; background: $surface; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = 1.0
        self.progress = 0.0
        self._drawn: tuple[tuple[float, int], Strip] | None = None

    @property
    def percentage(self) -> float:
        """The share done, from 0 to 1."""
        return min(max(self.progress / self.total, 0.0), 1.0) if self.total else 1.0

    @property
    def cells(self) -> int:
        """The bar's length in cells; 0 before it is laid out."""
        return min(BAR_CELLS, self.size.width)

    def update(self, *, total: float | None = None, progress: float | None = None) -> None:
        """Move the bar; it is drawn again only when what it shows changes."""
        before = self.percentage
        if total is not None:
            self.total = total
        if progress is not None:
            self.progress = progress
        if self.percentage != before:
            self.refresh()

    def lines_key(self) -> tuple[object, ...]:
        return (self.percentage,)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn = None  # paused and over have their own colours

    def render_line(self, y: int) -> Strip:
        width, cells = self.size.width, self.cells
        key = (self.percentage, width)
        if self._drawn is None or self._drawn[0] != key:
            base = self.rich_style
            blank = Style(bgcolor=base.bgcolor)
            part = "bar--bar" if self.percentage < 1 else "bar--complete"
            colours = self.get_component_rich_style(part)
            done, rest = bar_pieces(self.percentage, cells)
            segments = [
                Segment(" " * ((width - cells) // 2), blank),
                Segment(done, base + Style.from_color(colours.color)),
                Segment(rest, base + Style.from_color(colours.bgcolor)),
            ]
            strip = Strip([s for s in segments if s.text]).adjust_cell_length(width, blank)
            self._drawn = (key, strip)
        return self._drawn[1]
