"""The Today table: a DataTable measured as soon as it is filled, that re-renders only the
cells that changed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets._data_table import CellKey, ColumnKey, RowKey

SegmentLines = list[list[Segment]]  # as DataTable names it

MEMO_LIMIT = 4000  # rendered cells kept; a screenful is about 120


def text_width(value: object) -> int | None:
    """A Text cell's width as DataTable measures it (Rich's measure: the longest line),
    without the console options Rich's measure makes each time. None: not a Text."""
    if not isinstance(value, Text):
        return None
    lines = value.plain.splitlines()
    return max(map(cell_len, lines)) if lines else 0


class PlanTable(DataTable[object], inherit_bindings=False):
    """Today's sets.

    Two costs of a plain DataTable matter between sets. It measures new rows when its queue is
    idle, which comes after the next paint: `settle` measures them at once, so the first
    frame, and the frame after a logged set, already shows them. And any change re-renders
    every cell (its cache key is a table-wide update count): logging a set changes two or
    three cells, so cells are also remembered by their own version, bumped by `show`.
    Rows and one-line text cells are rendered here, straight to segments, as DataTable
    would render them (a test compares the two for random cells and rows): the first frame
    renders over 100 cells, and this halves the table's part of it (13 ms to 7).
    Textual is pinned exactly, so the DataTable internals used here are stable for it.
    """

    # No enter of its own: Today's enter (log the set) then goes the same way as down, so
    # "down enter" in one read logs the row the cursor reached.
    # (Textual merges bindings down the class tree: these are DataTable's, all but enter.)
    BINDINGS = [
        binding
        for bindings in DataTable._merge_bindings().key_to_bindings.values()
        for binding in bindings
        if binding.key != "enter"
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        # before DataTable's own set-up, which may already clear the caches (cell_padding=)
        self._versions: dict[tuple[int, int], int] = {}
        self._memo: dict[tuple[object, ...], list[list[Segment]]] = {}
        self._rows_memo: dict[tuple[object, ...], tuple[SegmentLines, SegmentLines]] = {}
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def show(self, rows: Sequence[Sequence[object]]) -> None:
        """Show these rows; when the shape is unchanged only the changed cells are touched."""
        same_shape = self.row_count == len(rows) and all(
            len(row) == len(self.columns) for row in rows
        )
        if not same_shape:
            self.clear()
            for row in rows:
                self.add_row(*row)
            self.settle()
            return
        changed: set[int] = set()
        column_keys = [column.key for column in self.ordered_columns]
        for y, row in enumerate(rows):
            row_key = self._row_locations.get_key(y)
            assert row_key is not None
            data = self._data[row_key]
            for x, value in enumerate(row):
                column_key = column_keys[x]
                if data.get(column_key) != value:
                    self._versions[(y, x)] = self._versions.get((y, x), 0) + 1
                    data[column_key] = value
                    self._updated_cells.add(CellKey(row_key, column_key))
                    changed.add(y)
        if not changed:
            return
        # DataTable.update_cell repaints the whole table for each cell; here only the rows
        # that changed are repainted, unless a column's width changed with them.
        widths = [column.get_render_width(self) for column in self.ordered_columns]
        self._update_count += 1  # DataTable's own caches are keyed by it
        self.settle()
        if widths != [column.get_render_width(self) for column in self.ordered_columns]:
            self.refresh()
        else:
            for y in sorted(changed):
                self.refresh_row(y)

    def settle(self) -> None:
        """Measure rows added or cells changed since the last paint now, not on idle."""
        if self._updated_cells:
            updated = self._updated_cells.copy()
            self._updated_cells.clear()
            self._update_column_widths(updated)
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            self._update_dimensions(new_rows)

    def _update_column_widths(self, updated_cells: set[CellKey]) -> None:
        """DataTable's rule for changed cells: a column grows to a wider cell, and when a
        cell narrows, the column is measured again (every cell of it: a logged set narrows
        the "Next" cell to nothing). Measured here as in _update_dimensions for Text."""
        columns: dict[ColumnKey, int] = {}
        for row_key, column_key in updated_cells:
            column = self.columns.get(column_key)
            if column is None or self.rows.get(row_key) is None:
                continue
            width = text_width(self._data[row_key][column_key])
            label = text_width(column.label)
            if width is None or label is None:
                super()._update_column_widths(updated_cells)
                return
            if width >= column.content_width:
                column.content_width = max(width, label)
            else:
                columns[column_key] = label
        for column_key, label in columns.items():
            widths = [text_width(cell) for cell in self.get_column(column_key)]
            if None in widths:
                super()._update_column_widths(updated_cells)
                return
            self.columns[column_key].content_width = max([label, *(w or 0 for w in widths)])
        self._require_update_dimensions = True

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Column widths and the table's size, as DataTable works them out, for rows of
        one-line Text cells (Today's): their width is the longest line's, which Rich's
        measure finds by way of console options made for each cell (2 ms of the first
        frame). Anything else goes to DataTable."""
        rows = list(new_rows)
        columns = self.ordered_columns
        widths = [column.content_width for column in columns]
        for row_key in rows:
            row = self.rows.get(row_key)
            if row is None or row_key not in self._row_locations:
                continue  # removed since
            if row.label is not None or row.auto_height:
                super()._update_dimensions(rows)
                return
            data = self._data[row_key]
            for x, column in enumerate(columns):
                width = text_width(data.get(column.key))
                if width is None:
                    super()._update_dimensions(rows)
                    return
                widths[x] = max(widths[x], width)
        for column, width in zip(columns, widths, strict=True):
            column.content_width = width
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        size = Size(width + self._row_label_column_width, self._total_row_height + header_height)
        old = self.virtual_size
        if size == old:
            return
        fits = max(size.width, old.width) <= self.container_size.width
        sized_by_content = self.styles.width is not None and self.styles.width.is_auto
        if size.height == old.height and fits and not sized_by_content:
            # Columns moved within the table's width, so no scrollbar came or went and the
            # table's own size does not follow them: it needs a repaint, not a layout of
            # the screen (which re-renders every widget: 12 ms when a logged set widened
            # the Logged column).
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
            self.refresh()
        else:
            self.virtual_size = size

    def _clear_caches(self) -> None:
        super()._clear_caches()
        self._memo.clear()  # styles or contents changed wholesale (clear, theme, CSS)
        self._rows_memo.clear()

    def clear(self, columns: bool = False) -> PlanTable:
        self._versions.clear()
        self._memo.clear()
        self._rows_memo.clear()
        super().clear(columns)
        return self

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        if row_index < -1 or column_index < 0:  # row labels
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        key = (
            row_index,
            column_index,
            self._versions.get((row_index, column_index), 0),
            base_style,
            width,
            cursor,
            hover,
            self.show_cursor,
            self._show_hover_cursor,
            self._pseudo_class_state,
        )
        lines = self._memo.get(key)
        if lines is None:
            if len(self._memo) > MEMO_LIMIT:
                self._memo.clear()
            lines = self._render_text_cell(
                row_index, column_index, base_style, width, cursor, hover
            ) or super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            self._memo[key] = lines
        return lines

    def _render_text_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool,
        hover: bool,
    ) -> SegmentLines | None:
        """A one-line text cell rendered straight to segments: the same segments as
        DataTable's own path (tests/test_plan_table.py compares them), which wraps the cell
        in Padding and Styled and lets the console render three layers; this is a third of
        the cost, and the first frame renders over 100 cells. The header's labels too
        (row -1). None: not such a cell."""
        header = row_index == -1
        row_key = self._header_row_key if header else self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        inner = width - 2 * self.cell_padding
        if (
            row_key is None
            or column_key is None
            or (self.header_height if header else self.rows[row_key].height) != 1
            or inner < 1
            or (not header and row_index < self.fixed_rows)
            or column_index < self.fixed_columns
        ):
            return None
        value: object = (
            self.columns[column_key].label if header else self._data[row_key].get(column_key)
        )
        if isinstance(value, str):
            value = Text.from_markup(value, end="")  # as DataTable's cell formatter does
        if value is None or (isinstance(value, Text) and not value):
            value = Text("")  # DataTable shows an empty cell unstyled
        if not isinstance(value, Text):
            return None
        plain = value.plain
        if "\n" in plain or "\t" in plain:
            return None
        component_style, post_style = self._get_styles_to_render_cell(
            header,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        meta = Style.from_meta({"row": row_index, "column": column_index})
        console = self.app.console
        options = self.app.console_options
        justify = value.justify or options.justify or "default"
        segments: list[Segment]
        if not value.spans and justify == "default" and cell_len(plain) <= inner:
            # Today's usual cell: one style, and it fits, so Rich's wrap would not touch it
            segments = [Segment(plain, console.get_style(value.style))] if plain else []
        else:
            line = value.wrap(
                console,
                inner,
                justify=justify,
                overflow=value.overflow or options.overflow or "fold",
                no_wrap=True,
            )[0]
            # Rich renders a text's own style as a span of a joined text, as here
            segments = list(Text("\n").join([line]).render(console, end=""))
        padding = [Segment(" " * self.cell_padding)] if self.cell_padding else []
        cell = [*padding, *Segment.adjust_line_length(segments, inner), *padding]
        return [list(Segment.apply_style(cell, base_style + meta + component_style, post_style))]

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        """A row's line, remembered by what it shows: its cells' versions, the widths, and
        whether the cursor or the hover is on it. DataTable's own cache is keyed by the
        table-wide update count and cursor, so after a logged set (a screen uncovered, two
        cells changed) it re-rendered every row; here only the changed rows are."""
        found_row = self._row_locations.get(row_key)  # None: the header
        row = -1 if found_row is None else found_row
        on_cursor = cursor_location.row == row
        on_hover = hover_location.row == row
        key = (
            row_key,
            row,
            line_no,
            base_style,
            tuple(self._versions.get((row, x), 0) for x in range(len(self.columns))),
            tuple(column.get_render_width(self) for column in self.ordered_columns),
            self.size.width,
            cursor_location if on_cursor else None,
            hover_location if on_hover else None,
            self.cursor_type,
            self.show_cursor,
            self._show_hover_cursor,
            self._pseudo_class_state,
        )
        found = self._rows_memo.get(key)
        if found is None:
            if len(self._rows_memo) > MEMO_LIMIT:
                self._rows_memo.clear()
            found = self._render_data_row(
                row, line_no, base_style, cursor_location, hover_location
            ) or super()._render_line_in_row(
                row_key, line_no, base_style, cursor_location, hover_location
            )
            self._rows_memo[key] = found
        return found

    def _render_data_row(
        self,
        row: int,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines] | None:
        """A data row's line as DataTable renders it (the test compares them), without the
        two styles DataTable works out for every row and uses only for labels, fixed columns
        or a cell cursor: each walks the widget's ancestors. None: a row this does not cover
        (the header, row labels, fixed rows or columns, zebra stripes, a cell cursor)."""
        cursor_type = self.cursor_type
        if (
            row < 0  # the header
            or row < self.fixed_rows
            or self.fixed_columns
            or cursor_type != "row"
            or self.zebra_stripes
            or (self._labelled_row_exists and self.show_row_labels)
        ):
            return None
        columns = self.ordered_columns
        widths = [column.get_render_width(self) for column in columns]
        on_cursor = cursor_location.row == row
        on_hover = hover_location.row == row
        cells: SegmentLines = [
            self._render_cell(row, x, base_style, width, cursor=on_cursor, hover=on_hover)[line_no]
            for x, width in enumerate(widths)
        ]
        extend_style, _ = self._get_styles_to_render_cell(
            False,
            False,
            False,
            on_hover,
            on_cursor,
            self.show_cursor,
            self._show_hover_cursor,
            False,
            False,
        )
        extend_style = base_style + extend_style
        extend_style += Style.from_meta({"row": row, "column": 0, "out_of_bounds": True})
        remaining = max(0, self.size.width - sum(widths) - self._row_label_column_width)
        cells.append([Segment(" " * remaining, extend_style)])
        return [], cells
