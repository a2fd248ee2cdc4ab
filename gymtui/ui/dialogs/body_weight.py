"""Today's body weight: one value a day."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from gymtui.core.values import Unit, format_weight, parse_body_weight
from gymtui.errors import InvalidValue
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.dialogs.set_dialog import SAVE_HELP
from gymtui.ui.text import plain
from gymtui.ui.widgets.gym_input import GymInput

BODY_HINT = {"kg": "e.g. 82.5", "lb": "e.g. 180"}


class BodyWeightDialog(GymDialog[float | None]):
    """One field, prefilled with the last weighing; `enter` saves it for today, in kg."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, unit: Unit, last_kg: float | None, hint: str) -> None:
        super().__init__()
        self.unit = unit
        self.last_kg = last_kg
        self.hint = hint

    def compose(self) -> ComposeResult:
        value = format_weight(self.last_kg, self.unit, with_unit=False) if self.last_kg else ""
        with Vertical(classes="dialog", id="body-weight-dialog"):
            yield Label("Body weight today", id="dialog-title")
            with Grid(id="set-fields"):
                yield Label(f"Weight ({self.unit})")
                yield GymInput(
                    value, id="body-weight", compact=True, placeholder=BODY_HINT[self.unit]
                )
            yield Static(plain(self.hint), id="dialog-hint")
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        self.query_one("#body-weight", Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        field = self.query_one("#body-weight", Input)
        try:
            kg = parse_body_weight(field.value, self.unit)
        except InvalidValue as problem:
            field.add_class("-invalid")
            self.query_one("#dialog-error", Static).update(plain(str(problem)))
            return
        self.dismiss(kg)

    def action_cancel(self) -> None:
        self.dismiss(None)
