"""Every key, in one place."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpDialog(ModalScreen[None]):
    """Every key, in one place."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        lines = "\n".join(f"[b]{escape(key):>9}[/]  {escape(what)}" for key, what in self.rows)
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label("Keys", id="dialog-title")
            yield Static(lines, id="help-keys")
            yield Static("[b]esc[/] close   [b]ctrl+p[/] command palette", id="dialog-help")

    def action_close(self) -> None:
        self.dismiss(None)
