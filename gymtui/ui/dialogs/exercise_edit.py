"""Create or edit an exercise of your own: name, muscles, equipment and its kit, per leg, step
and rest (of the catalogue's: your rest, body weight switch and kit)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from gymtui.core.equipment import kit_text, parse_kit
from gymtui.core.exercises import (
    ExerciseEdit,
    ExerciseInfo,
    muscle_groups,
    parse_exercise_name,
    parse_step,
    same_name,
)
from gymtui.core.models import MUSCLES, STABILISERS
from gymtui.core.rest import fallback_rest
from gymtui.core.values import Unit, format_duration, format_weight, parse_rest, to_kg
from gymtui.errors import InvalidValue
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.dialogs.set_dialog import SAVE_HELP, form_keys
from gymtui.ui.text import plain
from gymtui.ui.widgets.gym_input import ChoiceField, GymInput, TogglesField, choice_keys

if TYPE_CHECKING:
    from gymtui.gym import Gym

MUSCLE_CHOICES = [(m, m, k) for m, k in zip(MUSCLES, ("q", "h", "g", "c"), strict=True)]
STABILISER_CHOICES = [(m, m, k) for m, k in zip(STABILISERS, ("c", "l"), strict=True)]
EQUIPMENT_CHOICES = [
    ("barbell", "barbell", "b"),
    ("dumbbells", "dumbbells", "d"),
    ("machine", "machine", "m"),
    ("bodyweight", "bodyweight", "w"),
    ("other", "other", "o"),
]
PER_LEG_CHOICES = [(False, "No", "n"), (True, "Yes: log left and right", "y")]
TIMED_CHOICES = [(False, "No: reps", "n"), (True, "Yes: a hold, timed in seconds", "y")]
BODY_WEIGHT_CHOICES = [(False, "No", "n"), (True, "Yes: Progress adds it to the weight", "y")]
BUILT_IN_HINT = (
    "Comes with gymtui or your program file: only your rest, body weight and kit change "
    "here (for more: its [exercises] table in your program file)."
)
EDIT_HELP = (
    "[b]space[/] or a letter ticks; a muscle's letter again: [b]½[/], a muscle it works "
    "second (half a set)   " + SAVE_HELP
)


class ExerciseEditDialog(GymDialog[ExerciseEdit | None]):
    """Every field of an exercise of your own; for the catalogue's, only your rest."""

    BINDINGS = form_keys("")
    HELP_TITLE = "Editing an exercise"
    FIELD_KEYS = [
        choice_keys("Muscles", MUSCLE_CHOICES, toggles=True, halves=True),
        choice_keys("Stabilisers", STABILISER_CHOICES, toggles=True),
        choice_keys("Equipment", EQUIPMENT_CHOICES),
        choice_keys("Per leg", PER_LEG_CHOICES),
        choice_keys("Body weight load", BODY_WEIGHT_CHOICES),
        choice_keys("Timed hold", TIMED_CHOICES),
    ]

    def __init__(
        self,
        info: ExerciseInfo | None,
        unit: Unit,
        taken: Mapping[str, str],
        rest_fallback_s: int,
        name: str = "",
    ) -> None:
        """`info` None makes a new exercise (named `name`); `taken` maps the exercises'
        `same_name` keys to their names; `rest_fallback_s` is the rest without one."""
        super().__init__()
        self.info = info
        self.unit: Unit = unit
        self.taken = dict(taken)
        self.rest_fallback_s = rest_fallback_s
        self.new_name = name

    @classmethod
    def of(cls, gym: Gym, info: ExerciseInfo | None, name: str = "") -> ExerciseEditDialog:
        """The editor for `info` (None: a new exercise named `name`), with the names the
        exercise may not take and the rest it gets when none is typed."""
        taken = {same_name(ex.name): ex.name for ex in gym.exercises.by_id.values()}
        fallback = fallback_rest(info.exercise if info else None, gym.settings.rest_default_s)
        return cls(info, gym.settings.unit, taken, fallback, name)

    @property
    def editable(self) -> bool:
        return self.info is None or self.info.editable

    def compose(self) -> ComposeResult:
        info, unit = self.info, self.unit
        ex = info.exercise if info else None
        locked = not self.editable
        if ex is None:
            title, step_kg = "New exercise", 2.5 if unit == "kg" else to_kg(5, "lb")
        else:
            title = f"Edit {ex.name}" + ("" if ex.custom else " (from the catalogue)")
            step_kg = ex.increment_kg
        rest = info.own_rest_s if info else None
        with Vertical(id="exercise-edit-dialog", classes="dialog"):
            yield Label(plain(title), id="dialog-title")
            with Grid(id="set-fields", classes="-wide"):
                yield Label("Name")
                yield GymInput(
                    ex.name if ex else self.new_name,
                    id="name",
                    compact=True,
                    placeholder="e.g. Belt squat",
                    disabled=locked,
                    select_on_focus=False,
                )
                yield Label("Muscles worked")
                yield TogglesField[str](
                    MUSCLE_CHOICES,
                    ex.muscles if ex else (),
                    id="muscles",
                    disabled=locked,
                    halves=ex.synergists if ex else (),
                )
                yield Label("Stabilisers")
                yield TogglesField[str](
                    STABILISER_CHOICES,
                    ex.stabilisers if ex else (),
                    id="stabilisers",
                    disabled=locked,
                )
                yield Label("Equipment")
                kind = ex.equipment if ex else "other"
                known = [c for c in EQUIPMENT_CHOICES if c[0] == kind]
                yield ChoiceField[str](
                    EQUIPMENT_CHOICES if known else [*EQUIPMENT_CHOICES, (kind, kind, "e")],
                    kind,
                    id="equipment",
                    disabled=locked,
                )
                yield Label("Per leg")
                yield ChoiceField[bool](
                    PER_LEG_CHOICES, bool(ex and ex.one_legged), id="per-leg", disabled=locked
                )
                yield Label("Body weight load")
                yield ChoiceField[bool](
                    BODY_WEIGHT_CHOICES, bool(ex and ex.body_weight_load), id="body-weight"
                )
                yield Label(f"Step ({unit})")
                yield GymInput(
                    format_weight(step_kg, unit, with_unit=False),
                    id="step",
                    compact=True,
                    placeholder="added when the targets are met; 0: reps only",
                    disabled=locked,
                )
                yield Label("Rest after a set")
                yield GymInput(
                    format_duration(rest) if rest else "",
                    id="rest",
                    compact=True,
                    placeholder=f"default {format_duration(self.rest_fallback_s)}",
                )
                yield Label(f"Bar or stack ({unit})")
                yield GymInput(
                    kit_text(ex, unit) if ex else "",
                    id="kit",
                    compact=True,
                    placeholder="bar: 25 (else yours) · stack: 5 + 1.25",
                )
                yield Label("Timed hold")
                yield ChoiceField[bool](
                    TIMED_CHOICES, bool(ex and ex.timed), id="timed", disabled=locked
                )
            if locked:
                yield Static(plain(BUILT_IN_HINT), id="dialog-hint")
            yield Static("", id="dialog-error")
            yield Static(EDIT_HELP, id="dialog-help")

    def on_mount(self) -> None:
        # A key in the same read (escape) may have closed the dialog before it mounted: its
        # fields are gone then, and there is nothing to focus.
        for field in self.query("#name" if self.editable else "#rest").results(Input):
            field.focus()

    def _refuse(self, field: Widget, problem: InvalidValue) -> None:
        field.add_class("-invalid")
        field.focus()
        self.query_one("#dialog-error", Static).update(plain(str(problem)))

    @on(Input.Submitted)
    @on(ChoiceField.Submitted)
    @on(TogglesField.Submitted)
    def action_save(self) -> None:
        if self.closing:
            return
        own = same_name(self.info.exercise.name) if self.info else None
        kind: str = self.query_one("#equipment", ChoiceField).chosen
        checks: dict[str, Callable[[str], object]] = {
            "name": lambda t: parse_exercise_name(
                t, {k: v for k, v in self.taken.items() if k != own}
            ),
            "step": lambda t: parse_step(t, self.unit),
            "rest": parse_rest,
            "kit": lambda t: parse_kit(t, kind, self.unit),
        }
        parsed: dict[str, object] = {}
        for field_id, check in checks.items():
            field = self.query_one(f"#{field_id}", Input)
            try:
                parsed[field_id] = check(field.value)
            except InvalidValue as problem:
                self._refuse(field, problem)
                return
            field.remove_class("-invalid")
        chosen = (
            *self.query_one("#muscles", TogglesField).chosen,
            *self.query_one("#stabilisers", TogglesField).chosen,
        )
        muscles, stabilisers = muscle_groups(chosen)
        synergists = self.query_one("#muscles", TogglesField).at_half  # worked second
        name, step, rest, kit = parsed["name"], parsed["step"], parsed["rest"], parsed["kit"]
        assert isinstance(name, str) and isinstance(step, float)
        assert rest is None or isinstance(rest, int)
        assert isinstance(kit, tuple)
        bar_kg, stack_step_kg, small_plate_kg = kit
        self.dismiss(
            ExerciseEdit(
                name=name,
                muscles=muscles,
                stabilisers=stabilisers,
                synergists=tuple(synergists),
                equipment=self.query_one("#equipment", ChoiceField).chosen,
                one_legged=self.query_one("#per-leg", ChoiceField).chosen,
                increment_kg=step,
                rest_s=rest,
                body_weight_load=self.query_one("#body-weight", ChoiceField).chosen,
                bar_kg=bar_kg,
                stack_step_kg=stack_step_kg,
                small_plate_kg=small_plate_kg,
                timed=self.query_one("#timed", ChoiceField).chosen,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
