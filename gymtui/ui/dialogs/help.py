"""Every key, in one place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.text import markup


class HelpDialog(GymDialog[None]):
    """Every key, in one place."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        lines = Content("\n").join(
            markup("[b]$key[/]  $what", key=f"{key:>9}", what=what) for key, what in self.rows
        )
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label("Keys", id="dialog-title")
            yield Static(lines, id="help-keys")
            yield Static("[b]esc[/] close   [b]ctrl+p[/] command palette", id="dialog-help")

    def action_close(self) -> None:
        self.dismiss(None)
