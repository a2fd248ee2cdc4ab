"""The Today table: a ScrollView that owns its rows of Text cells and paints them line by line,
each line remembered by what it shows."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

PADDING = 1  # blank cells either side of a cell's text
LINES_KEPT = 1000  # rendered lines remembered; a screenful is about 20, and moving the cursor
# or the mouse over it paints each row two or three ways


def cell_key(cell: Text) -> Hashable:
    """All that decides how a cell looks. (Text's own == compares only the characters and
    the spans: two cells differing only in their style are equal to it.)"""
    return (cell.plain, cell.style, tuple(cell.spans), cell.justify, cell.overflow)


def cell_width(cell: Text) -> int:
    """The columns a cell's text takes: its longest line's."""
    lines = cell.plain.splitlines()
    return max(map(cell_len, lines)) if lines else 0


class Look(NamedTuple):
    """What every line's paint depends on besides its own row: the widget's width and
    scroll, the columns' widths and the styles (theme, focus)."""

    width: int
    scroll_x: int
    widths: tuple[int, ...]
    base: Style
    header: Style
    cursor: Style
    hover: Style
    header_hover: Style


class PlanTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Today's sets: a header and rows of one-line Text cells, with a row cursor.

    `show(rows)` replaces the rows. A line is painted from its row, and remembered (an LRU
    cache) by everything that decides it: the row's cells, its index, whether the cursor
    or the mouse is on it, and the Look (widths, scroll, theme and focus styles). A line
    whose row changed is looked up under a new key, so no paint can show an old cell; after
    a logged set only the rows that changed are painted again.
    It looks as Textual's DataTable with a row cursor looks (tests/test_plan_table_look.py
    compares it with what the DataTable-based table painted).
    """

    # No enter of its own: Today's enter (log the set) then goes the same way as down, so
    # "down enter" in one read logs the row the cursor reached.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "cursor_page_up", "Page up", show=False),
        Binding("pagedown", "cursor_page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first_row", "First row", show=False),
        Binding("end,ctrl+end", "last_row", "Last row", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("ctrl+pageup", "page_left", "Page left", show=False),
        Binding("ctrl+pagedown", "page_right", "Page right", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "plan-table--header",
        "plan-table--cursor",
        "plan-table--hover",
        "plan-table--header-hover",
    }

    # DataTable's own rules for what Today uses of it
    DEFAULT_CSS = """
    PlanTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .plan-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .plan-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .plan-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .plan-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .plan-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .plan-table--header-hover {
            background: $accent 30%;
        }
        & > .plan-table--hover {
            background: $block-hover-background;
        }
    }
    """

    ALLOW_SELECT = False

    class RowMessage(Message):
        """Something happened to a row of the table."""

        def __init__(self, table: PlanTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> PlanTable:
            return self.table

    class Highlighted(RowMessage):
        """The cursor is on another row (or the first row came)."""

    class Activated(RowMessage):
        """The row under the cursor was clicked."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._labels: tuple[Text, ...] = ()
        self._label_keys: tuple[Hashable, ...] = ()
        self._rows: tuple[tuple[Text, ...], ...] = ()
        self._keys: list[tuple[Hashable, ...]] = []  # each row's cell keys
        self._row_widths: list[tuple[int, ...]] = []  # each row's cells' widths
        self._widths: tuple[int, ...] = ()  # each column's, padding included
        self._cursor = 0
        self._hover: int | None = None  # the row under the mouse (-1: the header)
        self._look: Look | None = None
        self._styles: tuple[Style, Style, Style, Style, Style] | None = None
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(LINES_KEPT)

    # -- what it shows ------------------------------------------------------------------

    @property
    def labels(self) -> tuple[Text, ...]:
        """The header's labels, one a column."""
        return self._labels

    @property
    def rows(self) -> tuple[tuple[Text, ...], ...]:
        """The rows shown, top to bottom."""
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def set_labels(self, labels: Sequence[Text]) -> None:
        """Name the columns (the header)."""
        self._labels = tuple(labels)
        self._label_keys = tuple(map(cell_key, self._labels))
        self._measure()
        self.refresh()

    def show(self, rows: Sequence[Sequence[Text]]) -> None:
        """Show these rows (each as many cells as there are labels); only the lines whose row
        changed are painted again, unless a column's width changed with them."""
        new = tuple(tuple(row) for row in rows)
        keys = [tuple(map(cell_key, row)) for row in new]
        old_keys = self._keys
        changed = {y for y, key in enumerate(keys) if y >= len(old_keys) or old_keys[y] != key}
        if not changed and len(keys) == len(old_keys):
            self._rows = new
            return
        was_empty = not self._rows
        self._rows = new
        self._row_widths = [
            self._row_widths[y] if y not in changed else tuple(map(cell_width, row))
            for y, row in enumerate(new)
        ]
        self._keys = keys
        widths = self._widths
        self._measure()
        if widths != self._widths or len(keys) != len(old_keys):
            self.refresh()
        else:
            for y in sorted(changed):
                self._refresh_row(y)
        if self._cursor >= len(new):
            self.move_cursor(len(new) - 1)
        elif was_empty and new:
            self.post_message(self.Highlighted(self, self._cursor))

    def _measure(self) -> None:
        """Columns as wide as their widest cell or label; the virtual size to match."""
        labels = tuple(map(cell_width, self._labels))
        columns = zip(labels, *self._row_widths, strict=True)  # a cell for every label
        self._widths = tuple(max(column) + 2 * PADDING for column in columns)
        size = Size(sum(self._widths), len(self._rows) + 1)
        old = self.virtual_size
        if size == old:
            return
        fits = max(size.width, old.width) <= self.container_size.width
        sized_by_content = self.styles.width is not None and self.styles.width.is_auto
        if size.height == old.height and fits and not sized_by_content:
            # The columns moved within the table's width: no scrollbar comes or goes and the
            # table keeps its size, so this needs a repaint, not a layout of the screen
            # (which repaints every widget).
            self.set_reactive(PlanTable.virtual_size, size)
        else:
            self.virtual_size = size
            # the scroll limits follow the layout: bring the cursor into view after it
            self.call_after_refresh(self._scroll_to_cursor)

    # -- the cursor -----------------------------------------------------------------------

    @property
    def cursor_row(self) -> int:
        """The highlighted row's index (0 when there are no rows)."""
        return self._cursor

    def move_cursor(self, row: int) -> None:
        """Highlight this row (kept within the rows) and scroll it into view."""
        row = max(0, min(row, len(self._rows) - 1))
        if row != self._cursor:
            old, self._cursor = self._cursor, row
            self._refresh_row(old)
            self._refresh_row(row)
            if row < len(self._rows):
                self.post_message(self.Highlighted(self, row))
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        region = Region(
            int(self.scroll_x), self._cursor + 1, max(self.size.width, sum(self._widths)), 1
        )
        self.scroll_to_region(region, animate=False, spacing=Spacing(1, 0, 0, 0), force=True)

    def action_cursor_up(self) -> None:
        self._set_hover(None)
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._set_hover(None)
        self.move_cursor(self._cursor + 1)

    def action_cursor_page_up(self) -> None:
        self._set_hover(None)
        page = max(0, self.scrollable_content_region.height - 1)  # rows below the header
        self.scroll_relative(y=-page, animate=False)
        self.move_cursor(self._cursor - page)

    def action_cursor_page_down(self) -> None:
        self._set_hover(None)
        page = max(0, self.scrollable_content_region.height - 1)
        self.scroll_relative(y=page, animate=False, force=True)
        self.move_cursor(self._cursor + page)

    def action_first_row(self) -> None:
        self._set_hover(None)
        self.move_cursor(0)

    def action_last_row(self) -> None:
        self._set_hover(None)
        self.move_cursor(len(self._rows) - 1)

    # -- the mouse ------------------------------------------------------------------------

    def _refresh_row(self, row: int) -> None:
        if row >= 0:
            self.refresh_line(row + 1)  # line 0 is the header, which does not scroll
        else:
            self.refresh(Region(0, 0, self.size.width, 1))

    def _set_hover(self, row: int | None) -> None:
        if row != self._hover:
            for line in (self._hover, row):
                if line is not None:
                    self._refresh_row(line)
            self._hover = row

    def on_mouse_move(self, event: events.MouseMove) -> None:
        row = event.style.meta.get("row")  # what render_line put in each line's segments
        self._set_hover(row if isinstance(row, int) else None)

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("row")
        if not isinstance(row, int) or not 0 <= row < len(self._rows):
            return  # the header, or below the rows
        self._set_hover(row)
        again = row == self._cursor
        self.move_cursor(row)
        if again:
            self.post_message(self.Activated(self, row))
        event.stop()

    # -- painting -------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self.refresh()  # theme or focus: the component styles (in every line's key) changed

    def _current_look(self) -> Look:
        base = self.rich_style
        if self._styles is None or self._styles[0] != base:
            # Textual forgets component styles on every refresh, and working them out walks
            # the ancestors; they change only with the CSS (notify_style_update) or with
            # what the table stands on (the base style, from its ancestors).
            get = self.get_component_rich_style
            self._styles = (
                base,
                get("plan-table--header"),
                get("plan-table--cursor"),
                get("plan-table--hover"),
                get("plan-table--header-hover"),
            )
        return Look(self.size.width, int(self.scroll_x), self._widths, *self._styles)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._look = self._current_look()  # once a paint, not once a line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        look = self._look or self._current_look()
        row = -1 if y == 0 else y - 1 + int(self.scroll_y)  # the header stays put
        if row >= len(self._rows):
            return Strip.blank(look.width, look.base)
        cursor = row == self._cursor
        hover = row == self._hover
        key = (look, row, self._keys[row] if row >= 0 else self._label_keys, cursor, hover)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._render_row(look, row, cursor, hover)
            self._lines[key] = strip
        return strip

    def _render_row(self, look: Look, row: int, cursor: bool, hover: bool) -> Strip:
        """A row's line as DataTable paints it: each cell padded and styled over the row's
        style, the cursor's or the mouse's style on top, the cursor's colour over the cell's
        own; then a filler to the widget's edge in the row's style."""
        header = row == -1
        component = Style()
        if hover:
            component += look.hover
            if header:
                component += look.header_hover
        if cursor:
            component += look.cursor
        post = Style.from_color(color=component.color)
        row_style = look.header if header else look.base
        cells = self._labels if header else self._rows[row]
        segments: list[Segment] = []
        for column, (cell, width) in enumerate(zip(cells, look.widths, strict=False)):
            style = row_style + Style.from_meta({"row": row, "column": column}) + component
            segments.extend(Segment.apply_style(self._cell(cell, width), style, post))
        filler = max(0, look.width - sum(look.widths))
        meta = Style.from_meta({"row": row, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * filler, row_style + component + meta))
        strip = Strip(segments).crop(look.scroll_x, look.scroll_x + look.width)
        return strip.adjust_cell_length(look.width, look.base).simplify()

    def _cell(self, cell: Text, width: int) -> list[Segment]:
        """A cell's text on one line, `width` wide with its padding, as Rich renders it."""
        console = self.app.console
        options = self.app.console_options
        inner = width - 2 * PADDING
        plain = cell.plain
        justify = cell.justify or options.justify or "default"
        segments: list[Segment]
        if not plain:
            segments = []  # an empty cell is blank whatever its style, as in a DataTable
        elif (
            not cell.spans
            and justify == "default"
            and cell_len(plain) <= inner
            and "\n" not in plain
            and "\t" not in plain
        ):
            # Today's usual cell: one style, and it fits, so Rich's wrap would not touch it
            segments = [Segment(plain, console.get_style(cell.style))]
        else:
            line = cell.wrap(
                console,
                inner,
                justify=justify,
                overflow=cell.overflow or options.overflow or "fold",
                no_wrap=True,
            )[0]
            # Rich renders a text's own style as a span of a joined text, as here
            segments = list(Text("\n").join([line]).render(console, end=""))
        padding = [Segment(" " * PADDING)]
        return [*padding, *Segment.adjust_line_length(segments, inner), *padding]
