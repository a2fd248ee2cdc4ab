"""Every key gymtui has, by screen, the one in front first; it scrolls."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from gymtui.ui.dialogs.base import GymDialog

Sections = list[tuple[str, list[tuple[str, str]]]]


class HelpDialog(GymDialog[None]):
    """Every key, in one place: ↑ ↓ and page keys scroll, esc closes."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, sections: Sections) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        # A grid, so that a long line wraps under its own column, not under the keys.
        grid = Table.grid(padding=(0, 2))
        grid.add_column(justify="right", style="bold", min_width=9)
        grid.add_column(ratio=1)
        for n, (title, rows) in enumerate(self.sections):
            if n:
                grid.add_row("", "")
            grid.add_row("", Text(title, style="bold underline"))
            for key, what in rows:
                grid.add_row(Text(key), Text(what))
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label("Keys", id="dialog-title")
            yield VerticalScroll(Static(grid, id="help-keys"))
            yield Static(
                "[b]↑ ↓ pgup pgdn[/] scroll   [b]esc[/] close   [b]ctrl+p[/] command palette",
                id="dialog-help",
            )

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
