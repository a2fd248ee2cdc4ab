"""The weekly working-sets target per muscle."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from gymtui.core.values import parse_whole
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.dialogs.set_dialog import SAVE_HELP
from gymtui.ui.widgets.gym_input import GymInput


class TargetDialog(GymDialog[tuple[int, int] | None]):
    """The weekly working-sets target per muscle, as a range."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, low: int, high: int) -> None:
        super().__init__()
        self.low, self.high = low, high

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="target-dialog"):
            yield Label("Weekly working sets per muscle", id="dialog-title")
            with Grid(id="set-fields", classes="-wide"):
                yield Label("At least")
                yield GymInput(str(self.low), id="low", compact=True)
                yield Label("At most")
                yield GymInput(str(self.high), id="high", compact=True)
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    @on(Input.Submitted)
    def _save(self) -> None:
        if self.closing:
            return
        low, high = (parse_whole(self.query_one(f"#{n}", Input).value) for n in ("low", "high"))
        if low is None or high is None or not 0 <= low <= high <= 60:
            self.query_one("#dialog-error", Static).update(
                "Use whole numbers from 0 to 60, the first no larger than the second."
            )
            return
        self.dismiss((low, high))

    def action_cancel(self) -> None:
        self.dismiss(None)
