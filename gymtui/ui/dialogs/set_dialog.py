"""Log or edit a set: weight and reps prefilled; enter saves, nothing saved if invalid."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from gymtui.core.equipment import kit_for
from gymtui.core.models import Exercise, LoggedSet, SetInput, SetKind, Side
from gymtui.core.prefill import set_prefill
from gymtui.core.training import PlanRow, TodayView
from gymtui.core.values import (
    Unit,
    format_done,
    format_weight,
    parse_hold,
    parse_reps,
    parse_rpe,
    parse_weight,
    to_kg,
)
from gymtui.errors import InvalidValue
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.text import plain
from gymtui.ui.widgets.gym_input import ChoiceField, GymInput, choice_keys

# (value, label, key): the key picks it from anywhere in the field.
KIND_CHOICES: list[tuple[SetKind, str, str]] = [
    ("working", "Working", "k"),
    ("warmup", "Warm-up", "w"),
    ("drop", "Drop", "d"),
    ("failure", "Failure", "f"),
]
SIDE_CHOICES: list[tuple[Side | None, str, str]] = [
    (None, "Both legs", "b"),
    ("L", "Left", "l"),
    ("R", "Right", "r"),
]
SAVE_HELP = "[b]enter[/] save   [b]tab[/] next field   [b]esc[/] cancel"
# One leg: the side is picked from the weight field too (a number never holds b, l or r)
SIDE_HELP = "[b]l[/] [b]r[/] [b]b[/] side   " + SAVE_HELP


def form_keys(what: str) -> list[BindingType]:
    """A form's keys (fields handle enter and tab themselves; these say so, for the help)."""
    return [
        Binding("enter", "save", "Save", show=False, tooltip=f"Save{what} (from any field)"),
        Binding(
            "tab",
            "app.focus_next",
            "Next field",
            show=False,
            tooltip="Next field (shift+tab: back)",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Cancel: nothing is saved"),
    ]


@dataclass(frozen=True)
class SetDialogRequest:
    """What the set dialog needs to open: the exercise, the prefill and the title."""

    exercise: Exercise
    title: str
    unit: Unit
    weight_kg: float | None
    reps: int | None
    kind: SetKind = "working"
    rpe: float | None = None
    note: str | None = None
    side: Side | None = None
    timed: bool | None = None  # None: as the exercise is (a hold asks for seconds, not reps)
    bar_kg: float | None = None  # a barbell's empty bar: a weight under it is refused
    planned_kg: float | None = None  # the weight planned: under half of it asks once more

    @property
    def is_hold(self) -> bool:
        """The set is a hold: the dialog asks for its seconds."""
        return self.exercise.timed if self.timed is None else self.timed


def set_request(
    view: TodayView, row: PlanRow, kind: SetKind, unit: Unit, *, extra: bool = False
) -> SetDialogRequest:
    """The dialog for a row of today's plan: prefilled with the set before it or the suggestion."""
    prefill = set_prefill(view, row, kind, extra=extra)
    return SetDialogRequest(
        row.exercise,
        prefill.title,
        unit,
        prefill.weight_kg,
        prefill.reps,
        kind,
        side=prefill.side,
        timed=row.timed,
        bar_kg=empty_bar_kg(row.exercise, view),
        planned_kg=prefill.weight_kg if kind == "working" and not row.timed else None,
    )


def empty_bar_kg(exercise: Exercise, view: TodayView) -> float | None:
    """A barbell exercise's empty bar (its own, else the user's, with collars), in kg; None
    for anything else or with no kit known."""
    if not exercise.uses_bar or view.inventory is None or exercise.timed:
        return None
    kit = kit_for(exercise, view.inventory)
    return to_kg(kit.empty, kit.unit)


def edit_request(exercise: Exercise, logged: LoggedSet, unit: Unit) -> SetDialogRequest:
    """The dialog for changing a logged set: every field as stored."""
    return SetDialogRequest(
        exercise,
        f"Edit {exercise.name} · {format_done(logged, unit)}",
        unit,
        logged.weight_kg,
        logged.amount,
        logged.kind,
        logged.rpe,
        logged.note,
        logged.side,
        logged.is_hold,
    )


WEIGHT_HINT = {"kg": "e.g. 102.5", "lb": "e.g. 225"}  # a weight people lift, in the unit
LIGHT_SHARE = 0.5  # a working set under this share of the weight planned asks once more


class SetDialog(GymDialog[SetInput | None]):
    """Weight and reps, prefilled; `enter` saves, `escape` cancels, nothing saved if invalid."""

    BINDINGS = form_keys(" the set")
    HELP_TITLE = "Logging or editing a set"
    FIELD_KEYS = [
        choice_keys("Kind", KIND_CHOICES),
        choice_keys("Side", SIDE_CHOICES),
        choice_keys("Weight", SIDE_CHOICES),
    ]

    def __init__(self, request: SetDialogRequest) -> None:
        super().__init__()
        self.request = request
        self._light_ok: float | None = None  # a light weight said once: enter again saves it
        self.prefilled_weight = ""  # the weight field's text as it opened

    def compose(self) -> ComposeResult:
        req = self.request
        weight = (
            format_weight(req.weight_kg, req.unit, with_unit=False)
            if req.weight_kg is not None
            else ("0" if req.is_hold else "")  # a hold is held at body weight unless loaded
        )
        self.prefilled_weight = weight
        with Vertical(id="set-dialog", classes="dialog"):
            yield Label(plain(req.title), id="dialog-title")
            with Grid(id="set-fields"):
                yield Label(f"Weight ({req.unit})")
                hint = WEIGHT_HINT[req.unit]
                if req.exercise.equipment == "dumbbells":  # a weight per hand, not both
                    hint = "one dumbbell: " + hint.replace("102.5", "22").replace("225", "50")
                yield GymInput(
                    weight,
                    id="weight",
                    compact=True,
                    placeholder=hint,
                    shortcuts=self._side_keys(),
                )
                yield Label("Seconds" if req.is_hold else "Reps")
                yield GymInput(
                    "" if req.reps is None else str(req.reps),
                    id="reps",
                    compact=True,
                    placeholder="held, e.g. 45 or 1:30" if req.is_hold else "1-100",
                )
                yield Label("RPE")
                yield GymInput(
                    "" if req.rpe is None else f"{req.rpe:g}",
                    id="rpe",
                    placeholder="optional, 1-10",
                    compact=True,
                )
                yield Label("Note")
                yield GymInput(req.note or "", id="note", compact=True, placeholder="optional")
                yield Label("Kind")
                yield ChoiceField[SetKind](KIND_CHOICES, req.kind, id="kind")
                if req.exercise.one_legged:
                    yield Label("Side")
                    yield ChoiceField[Side | None](SIDE_CHOICES, req.side, id="side")
            yield Static("", id="dialog-error")
            yield Static(SIDE_HELP if req.exercise.one_legged else SAVE_HELP, id="dialog-help")

    def _side_keys(self) -> dict[str, Callable[[], object]]:
        """b, l and r in the weight field pick the side (one-legged exercises only)."""
        if not self.request.exercise.one_legged:
            return {}

        def picker(key: str) -> Callable[[], object]:
            return lambda: self.query_one("#side", ChoiceField).pick(key)

        return {key: picker(key) for _, _, key in SIDE_CHOICES}

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        self.query_one("#weight", Input).focus()

    @on(Input.Submitted)
    @on(ChoiceField.Submitted)
    def action_save(self) -> None:
        if self.closing:
            return
        values = {
            name: self.query_one(f"#{name}", Input).value for name in ("weight", "reps", "rpe")
        }
        parsers = {
            "weight": lambda t: parse_weight(t, self.request.unit),
            "reps": parse_hold if self.request.is_hold else parse_reps,
            "rpe": parse_rpe,
        }
        parsed: dict[str, object] = {}
        for name, text in values.items():
            field = self.query_one(f"#{name}", Input)
            try:
                parsed[name] = parsers[name](text)
            except InvalidValue as problem:
                field.add_class("-invalid")
                field.focus()
                self.query_one("#dialog-error", Static).update(plain(str(problem)))
                return
            field.remove_class("-invalid")
        note = self.query_one("#note", Input).value.strip() or None
        kind: SetKind = self.query_one("#kind", ChoiceField).chosen
        side: Side | None = None
        if self.request.exercise.one_legged:
            side = self.query_one("#side", ChoiceField).chosen
        weight, reps, rpe = parsed["weight"], parsed["reps"], parsed["rpe"]
        if values["weight"].strip() == self.prefilled_weight and self.request.weight_kg is not None:
            # the weight as it opened, untouched: the kilograms it came from, not the pounds
            # shown rounded (10 kg shows as 22 lb, which is 9.979 kg) converted back
            weight = float(self.request.weight_kg)
        assert isinstance(weight, float) and isinstance(reps, int)
        bar = self.request.bar_kg
        if bar is not None and weight < bar - 0.01 and not self.request.is_hold:
            # 7 kg on a deadlift is a digit meant for something else (an effort rating)
            field = self.query_one("#weight", Input)
            field.add_class("-invalid")
            field.focus()
            unit = self.request.unit
            self.query_one("#dialog-error", Static).update(
                plain(
                    f"{format_weight(weight, unit)} is lighter than the "
                    f"{format_weight(bar, unit)} bar: type the weight with the bar on it "
                    "(a lighter bar: Bar and plates in the palette)."
                )
            )
            return
        assert rpe is None or isinstance(rpe, float)
        held = self.request.is_hold
        planned = self.request.planned_kg
        if (
            planned
            and kind == "working"  # a warm-up or a drop set chosen here is light by design
            and weight < planned * LIGHT_SHARE
            and self._light_ok != weight
        ):
            # a digit meant for something else (an effort rating) typed over the prefill
            self._light_ok = weight
            unit = self.request.unit
            self.query_one("#dialog-error", Static).update(
                plain(
                    f"{format_weight(weight, unit)} is under half the "
                    f"{format_weight(planned, unit)} planned: enter again to save it."
                )
            )
            return
        entry = SetInput(
            exercise_id=self.request.exercise.id,
            weight_kg=weight,
            reps=1 if held else reps,
            kind=kind,
            rpe=rpe,
            note=note,
            side=side,
            seconds=reps if held else None,  # a hold is one hold of its seconds
        )
        self.dismiss(entry)

    def action_cancel(self) -> None:
        self.dismiss(None)
