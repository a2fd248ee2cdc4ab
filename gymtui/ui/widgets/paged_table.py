"""A table whose rows are read a page at a time, where home and end mean rows."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable


class PagedTable(DataTable[object]):
    """`home` and `end` go to the first and the last row (DataTable's scroll the columns
    sideways, away from the dates they name); `end` asks for every page first."""

    BINDINGS = [
        Binding("home", "first_row", "First", show=False, tooltip="The first row"),
        Binding("end", "last_row", "Last", show=False, tooltip="The last row: every page"),
    ]

    class WantsAll(Message):
        """Every page is wanted: the screen adds the rows not shown yet."""

        def __init__(self, table: PagedTable) -> None:
            super().__init__()
            self.table = table

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1))
        self.post_message(self.WantsAll(self))  # the screen adds the rest and moves there
