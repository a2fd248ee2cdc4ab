"""Set the rest after one exercise, after warm-ups, the default, between legs and within a
superset."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from gymtui.core.models import Exercise
from gymtui.core.rest import DEFAULT_REST_S, DEFAULT_WARMUP_REST_S, RestLengths
from gymtui.core.supersets import DEFAULT_SUPERSET_REST_S
from gymtui.core.values import format_duration, parse_rest
from gymtui.errors import InvalidValue
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.dialogs.set_dialog import SAVE_HELP
from gymtui.ui.text import plain
from gymtui.ui.widgets.gym_input import GymInput


class RestLengthsDialog(GymDialog[RestLengths | None]):
    """Set the rest after one exercise, after warm-ups, and the default for the rest."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        exercise: Exercise | None,
        current: RestLengths,
        fallback_s: int,
        superset_s: int = DEFAULT_SUPERSET_REST_S,
    ) -> None:
        super().__init__()
        self.exercise = exercise
        self.current = current
        self.fallback_s = fallback_s
        self.superset_s = superset_s  # the program's, else 20 s: what blank means

    def compose(self) -> ComposeResult:
        def shown(seconds: int | None) -> str:
            return format_duration(seconds) if seconds else ""

        with Vertical(classes="dialog", id="rest-lengths-dialog"):
            yield Label("Rest lengths (m:ss or seconds; blank = default)", id="dialog-title")
            fields: list[tuple[str, str, int | None, int | None]] = [
                ("warmup", "Warm-ups", self.current.warmup, DEFAULT_WARMUP_REST_S),
                ("default", "Your own exercises", self.current.default, DEFAULT_REST_S),
                ("between_legs", "Between legs (L then R)", self.current.between_legs, None),
                ("superset", "Superset (A1 then A2)", self.current.superset, self.superset_s),
            ]
            if self.exercise is not None:
                fields.insert(
                    0, ("exercise", self.exercise.name, self.current.exercise, self.fallback_s)
                )
            with Grid(id="set-fields", classes="-wide"):
                for field_id, label, seconds, default in fields:
                    yield Label(plain(label))
                    yield GymInput(
                        shown(seconds),
                        id=field_id,
                        placeholder=(
                            f"default {format_duration(default)}" if default else "default: none"
                        ),
                        compact=True,
                    )
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        self.query(Input).first().focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        values: dict[str, int | None] = {
            "exercise": None,
            "warmup": None,
            "default": None,
            "between_legs": None,
            "superset": None,
        }
        for field in self.query(Input):
            try:
                values[str(field.id)] = parse_rest(field.value)
            except InvalidValue as problem:
                field.add_class("-invalid")
                field.focus()
                self.query_one("#dialog-error", Static).update(plain(str(problem)))
                return
        self.dismiss(
            RestLengths(
                values["exercise"],
                values["warmup"],
                values["default"],
                values["between_legs"],
                values["superset"],
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
