"""The program editor's forms: a day's exercise (sets, reps or seconds, rule, RPE target,
back-offs, rest, warm-up, superset), a day (key, name, focus) and the warm-up ramp. Each
dismisses the fields to write; before it does, `check` runs them through the program's
checker without writing (the message it gives, with the file's line, keeps the form open)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from gymtui.core.models import PlannedExercise, WarmupScheme
from gymtui.core.program_edit import parse_count, parse_share, parse_target, target_text
from gymtui.core.values import format_duration, parse_rest
from gymtui.errors import InvalidValue
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.dialogs.set_dialog import SAVE_HELP, form_keys
from gymtui.ui.text import plain
from gymtui.ui.widgets.gym_input import ChoiceField, GymInput, choice_keys

Fields = dict[str, Any]
Check = Callable[[Fields], str | None]  # the checker's refusal, or None

RULE_CHOICES = [
    ("default", "Default", "f"),
    ("linear", "Linear", "l"),
    ("double", "Double", "o"),
]
WARMUP_CHOICES = [(None, "As the program says", "p"), (True, "Yes", "y"), (False, "No", "n")]
RAMP_CHOICES = [
    ("first", "First barbell", "f"),
    ("barbell", "Every barbell", "b"),
    ("off", "Off", "o"),
]


class _Form(GymDialog[Fields | None]):
    """A form of GymInputs and ChoiceFields: enter saves when `fields()` and `check` agree."""

    BINDINGS = form_keys("")

    def __init__(self, title: str, check: Check) -> None:
        super().__init__()
        self.title_text = title
        self.check = check

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        first = self.query("#set-fields Input, #set-fields ChoiceField").first()
        first.focus()

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def fields(self) -> Fields:
        """The form's fields to write; an InvalidValue names the field at fault."""
        raise NotImplementedError

    def refuse(self, problem: str, field_id: str | None = None) -> None:
        if field_id is not None:
            field = self.query_one(f"#{field_id}")
            field.add_class("-invalid")
            field.focus()
        self.query_one("#dialog-error", Static).update(plain(problem))

    @on(Input.Submitted)
    @on(ChoiceField.Submitted)
    def action_save(self) -> None:
        if self.closing:
            return
        for field in self.query(".-invalid"):
            field.remove_class("-invalid")
        try:
            fields = self.fields()
        except _FieldError as problem:
            self.refuse(str(problem.error), problem.field_id)
            return
        refused = self.check(fields)
        if refused is not None:
            self.refuse(refused)
            return
        self.dismiss(fields)

    def action_cancel(self) -> None:
        self.dismiss(None)


class _FieldError(Exception):
    def __init__(self, field_id: str, error: InvalidValue) -> None:
        super().__init__(str(error))
        self.field_id = field_id
        self.error = error


def _parsed(field_id: str, parse: Callable[[], Any]) -> Any:
    try:
        return parse()
    except InvalidValue as error:
        raise _FieldError(field_id, error) from None


class EntryDialog(_Form):
    """A day's exercise: its sets and target, progression rule, RPE target and back-offs,
    rest, warm-up and superset."""

    HELP_TITLE = "Editing a day's exercise (Edit program)"
    FIELD_KEYS = [
        choice_keys("Progression", RULE_CHOICES),
        choice_keys("Warm-up ramp", WARMUP_CHOICES),
    ]

    def __init__(self, title: str, planned: PlannedExercise, check: Check) -> None:
        super().__init__(title, check)
        self.planned = planned

    def compose(self) -> ComposeResult:
        planned = self.planned
        rule = planned.progression
        superset = getattr(planned, "superset", None) or ""
        with Vertical(classes="dialog", id="program-entry-dialog"):
            yield Label(plain(self.title_text), id="dialog-title")
            with Grid(id="set-fields", classes="-wide"):
                yield Label("Sets")
                yield GymInput(str(planned.sets), id="sets", compact=True)
                yield Label("Reps, range or hold")
                yield GymInput(
                    target_text(planned), id="target", compact=True, placeholder="8, 10-12, 45s"
                )
                yield Label("Progression")
                yield ChoiceField[str](RULE_CHOICES, rule.kind, id="rule")
                yield Label("Deload after misses")
                yield GymInput(
                    "" if rule.deload_after == 3 else str(rule.deload_after),
                    id="deload-after",
                    compact=True,
                    placeholder="3 sessions (linear)",
                )
                yield Label("Deload by %")
                yield GymInput(
                    "" if rule.deload_pct == 10 else f"{rule.deload_pct:g}",
                    id="deload-pct",
                    compact=True,
                    placeholder="10 (linear)",
                )
                yield Label("Rest after a set")
                yield GymInput(
                    format_duration(planned.rest_s) if planned.rest_s else "",
                    id="rest",
                    compact=True,
                    placeholder="the exercise's own",
                )
                yield Label("Warm-up ramp before")
                yield ChoiceField[bool | None](WARMUP_CHOICES, planned.warmup, id="warmup")
                yield Label("Superset label")
                yield GymInput(
                    superset, id="superset", compact=True, placeholder='none; "a" on neighbours'
                )
                yield Label("RPE target")
                yield GymInput(
                    "" if planned.rpe is None else f"{planned.rpe:g}",
                    id="rpe",
                    compact=True,
                    placeholder="none; 6.5-10: weight by the RPE chart",
                )
                yield Label("Back-off % of set 1")
                yield GymInput(
                    "" if planned.backoff_pct is None else f"{planned.backoff_pct:g}",
                    id="backoff",
                    compact=True,
                    placeholder="none; 90: set 1 a top set",
                )
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    def fields(self) -> Fields:
        target = _parsed("target", lambda: parse_target(self.value("target")))
        sets = _parsed("sets", lambda: parse_count(self.value("sets"), "Sets"))
        if sets is None:
            raise _FieldError("sets", InvalidValue("Sets must be a whole number, like 3."))
        rule = self.query_one("#rule", ChoiceField).chosen
        ranged = isinstance(target.get("reps"), str)
        if ranged and rule == "default":  # a range is climbed through: double, as the file says
            rule = "double"
        superset = self.value("superset").strip()
        return {
            "sets": sets,
            **target,
            # the rule a target implies is left unsaid, as the built-in file does
            "progression": None if rule == ("double" if ranged else "default") else rule,
            "deload_after": _parsed(
                "deload-after",
                lambda: parse_count(self.value("deload-after"), "Deload after"),
            ),
            "deload_pct": _parsed(
                "deload-pct", lambda: parse_share(self.value("deload-pct"), "Deload by")
            ),
            "rpe": _parsed("rpe", lambda: parse_share(self.value("rpe"), "RPE target")),
            "backoff_pct": _parsed(
                "backoff", lambda: parse_share(self.value("backoff"), "Back-offs at")
            ),
            "rest_s": _parsed("rest", lambda: parse_rest(self.value("rest"))),
            "warmup": self.query_one("#warmup", ChoiceField).chosen,
            "superset": superset or None,
        }


class DayDialog(_Form):
    """A day: its key (for a new day), name and focus line."""

    def __init__(self, title: str, check: Check, key: str | None, name: str, focus: str) -> None:
        super().__init__(title, check)
        self.key, self.day_name, self.day_focus = key, name, focus

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="program-day-dialog"):
            yield Label(plain(self.title_text), id="dialog-title")
            with Grid(id="set-fields", classes="-wide"):
                if self.key is None:
                    yield Label("Key")
                    yield GymInput("", id="key", compact=True, placeholder="C: short, kept")
                yield Label("Name")
                yield GymInput(self.day_name, id="name", compact=True, placeholder="Day C")
                yield Label("Focus")
                yield GymInput(self.day_focus, id="focus", compact=True, placeholder="optional")
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    def fields(self) -> Fields:
        made: Fields = {"name": self.value("name").strip(), "focus": self.value("focus").strip()}
        if self.key is None:
            key = self.value("key").strip()
            if not key:
                raise _FieldError("key", InvalidValue("A new day needs a key, like C."))
            made["key"] = key
            made["name"] = made["name"] or f"Day {key}"
        return made


class WarmupDialog(_Form):
    """The warm-up ramp: which exercises get one, and its steps."""

    FIELD_KEYS = [choice_keys("Ramp before", RAMP_CHOICES)]

    def __init__(self, check: Check, scheme: WarmupScheme) -> None:
        super().__init__("Warm-up ramp", check)
        self.scheme = scheme

    def compose(self) -> ComposeResult:
        steps = ", ".join(s.text.replace(" × ", " x ") for s in self.scheme.steps)
        with Vertical(classes="dialog", id="program-warmup-dialog"):
            yield Label("Warm-up ramp", id="dialog-title")
            with Grid(id="set-fields", classes="-wide"):
                yield Label("Ramp before")
                yield ChoiceField[str](RAMP_CHOICES, self.scheme.applies_to, id="applies")
                yield Label("Steps")
                yield GymInput(steps, id="steps", compact=True, placeholder="bar x 10, 40% x 5")
            yield Static("Percentages are of the first working set.", id="dialog-hint")
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    def fields(self) -> Fields:
        steps = [s.strip() for s in self.value("steps").split(",") if s.strip()]
        return {"exercises": self.query_one("#applies", ChoiceField).chosen, "steps": steps or None}


class ProgramInfoDialog(_Form):
    """The program's name and its weekly goal of leg sessions."""

    def __init__(self, check: Check, name: str, goal: int) -> None:
        super().__init__("The program", check)
        self.program_name, self.goal = name, goal

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="program-info-dialog"):
            yield Label("The program", id="dialog-title")
            with Grid(id="set-fields", classes="-wide"):
                yield Label("Name")
                yield GymInput(self.program_name, id="name", compact=True)
                yield Label("Leg sessions a week")
                yield GymInput(str(self.goal), id="goal", compact=True, placeholder="2")
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    def fields(self) -> Fields:
        goal = _parsed("goal", lambda: parse_count(self.value("goal"), "Sessions a week"))
        return {"name": self.value("name").strip() or None, "goal_per_week": goal}
