"""The summary shown when a session is finished."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from gymtui.core.summary import Summary
from gymtui.core.values import Unit
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.text import lines_text, plain


class SummaryDialog(GymDialog[None]):
    """Duration, sets, volume, records, rest, and what moves next time."""

    BINDINGS = [Binding("escape,enter,q,f", "close", "Close")]

    def __init__(self, summary: Summary, unit: Unit) -> None:
        super().__init__()
        self.summary = summary
        self.unit = unit

    def compose(self) -> ComposeResult:
        session = self.summary.session
        when = session.started_at.strftime("%a %d %b")
        with Vertical(classes="dialog", id="summary-dialog"):
            yield Label(plain(f"{session.day_name} done · {when}"), id="dialog-title")
            with VerticalScroll(id="summary-scroll"):
                yield Static(lines_text(self.summary.lines(self.unit)), id="summary")
            yield Static("[b]enter[/] close", id="dialog-help")

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        self.query_one("#summary-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
