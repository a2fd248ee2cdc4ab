"""Modal dialogs: log or edit a set, confirm, pick an exercise, help."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from gymtui.errors import InvalidValue
from gymtui.models import SET_KINDS, Exercise, LoggedSet, Session, SetInput, SetKind, Side
from gymtui.rest import DEFAULT_REST_S, DEFAULT_WARMUP_REST_S
from gymtui.today import TodayView
from gymtui.training import PlanRow, prefill_weight
from gymtui.values import (
    Unit,
    format_duration,
    format_set,
    format_weight,
    parse_reps,
    parse_rest,
    parse_rpe,
    parse_weight,
)

KIND_LABELS: dict[SetKind, str] = {
    "working": "Working set",
    "warmup": "Warm-up (no PR, no volume)",
    "drop": "Drop set",
    "failure": "To failure",
}
SIDE_BOTH = "both"
SAVE_HELP = "[b]enter[/] save   [b]tab[/] next field   [b]esc[/] cancel"


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


def set_request(
    view: TodayView, row: PlanRow, kind: SetKind, unit: Unit, *, extra: bool = False
) -> SetDialogRequest:
    """The dialog for a row of today's plan: prefilled with the set before it or the suggestion."""
    ex = row.exercise
    weight = prefill_weight(row, view.session_sets, view.last_sets.get(ex.id, []))
    reps = row.planned.reps if row.planned else None
    if kind == "warmup":
        step = ex.increment_kg or 2.5
        weight = round((weight or 0) * 0.5 / step) * step if weight else None
        reps = 8
        title = f"{ex.name} · warm-up set"
    elif row.slot is not None and row.planned is not None and not extra:
        title = f"{ex.name} · set {row.slot} of {row.planned.sets} · target {reps}"
    else:
        done = sum(1 for s in view.session_sets if s.exercise_id == ex.id and s.is_working)
        title = f"{ex.name} · extra set {done + 1}"
    return SetDialogRequest(ex, title, unit, weight, reps, kind)


class SetDialog(ModalScreen[SetInput | None]):
    """Weight and reps, prefilled; `enter` saves, `escape` cancels, nothing saved if invalid."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, request: SetDialogRequest) -> None:
        super().__init__()
        self.request = request

    def compose(self) -> ComposeResult:
        req = self.request
        weight = (
            format_weight(req.weight_kg, req.unit, with_unit=False)
            if req.weight_kg is not None
            else ""
        )
        with Vertical(id="set-dialog", classes="dialog"):
            yield Label(escape(req.title), id="dialog-title")
            with Grid(id="set-fields"):
                yield Label(f"Weight ({req.unit})")
                yield Input(weight, id="weight", compact=True, placeholder="e.g. 102.5")
                yield Label("Reps")
                yield Input(
                    "" if req.reps is None else str(req.reps),
                    id="reps",
                    compact=True,
                    placeholder="1-100",
                )
                yield Label("RPE")
                yield Input(
                    "" if req.rpe is None else f"{req.rpe:g}",
                    id="rpe",
                    placeholder="optional, 1-10",
                    compact=True,
                )
                yield Label("Note")
                yield Input(req.note or "", id="note", compact=True, placeholder="optional")
                yield Label("Kind")
                yield Select(
                    [(label, kind) for kind, label in KIND_LABELS.items()],
                    value=req.kind,
                    allow_blank=False,
                    id="kind",
                    compact=True,
                )
                if req.exercise.one_legged:
                    yield Label("Side")
                    yield Select(
                        [
                            ("Both legs (reps per leg)", SIDE_BOTH),
                            ("Left leg", "L"),
                            ("Right leg", "R"),
                        ],
                        value=req.side or SIDE_BOTH,
                        allow_blank=False,
                        id="side",
                        compact=True,
                    )
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    def on_mount(self) -> None:
        self.query_one("#weight", Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        values = {
            name: self.query_one(f"#{name}", Input).value for name in ("weight", "reps", "rpe")
        }
        parsers = {
            "weight": lambda t: parse_weight(t, self.request.unit),
            "reps": parse_reps,
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
                self.query_one("#dialog-error", Static).update(escape(str(problem)))
                return
            field.remove_class("-invalid")
        note = self.query_one("#note", Input).value.strip() or None
        chosen_kind = self.query_one("#kind", Select).value
        kind: SetKind = next((k for k in SET_KINDS if k == chosen_kind), "working")
        side: Side | None = None
        if self.request.exercise.one_legged:
            chosen = self.query_one("#side", Select).value
            side = "L" if chosen == "L" else "R" if chosen == "R" else None
        weight, reps, rpe = parsed["weight"], parsed["reps"], parsed["rpe"]
        assert isinstance(weight, float) and isinstance(reps, int)
        assert rpe is None or isinstance(rpe, float)
        self.dismiss(
            SetInput(
                exercise_id=self.request.exercise.id,
                weight_kg=weight,
                reps=reps,
                kind=kind,
                rpe=rpe,
                note=note,
                side=side,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; `y` or `enter` confirms, `n` or `escape` does not."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Static(escape(self.question), id="confirm-question")
            yield Static("[b]y[/] yes   [b]n[/] no", id="dialog-help")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ExercisePicker(ModalScreen[str | None]):
    """Choose an exercise to add: type to filter, `enter` picks; a new name creates one."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    NEW = "__new__"

    def __init__(self, exercises: dict[str, Exercise]) -> None:
        super().__init__()
        self.exercises = exercises

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="picker-dialog"):
            yield Label("Add an exercise", id="dialog-title")
            yield Input(placeholder="Type to filter, or a new name", id="filter")
            yield OptionList(id="choices")
            yield Static("[b]enter[/] add   [b]down[/] choose   [b]esc[/] cancel", id="dialog-help")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#filter", Input).focus()

    def _fill(self, text: str) -> None:
        needle = text.strip().lower()
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        matches = [
            ex
            for ex in sorted(self.exercises.values(), key=lambda e: e.name)
            if needle in ex.name.lower()
        ]
        choices.add_options([Option(escape(ex.name), id=ex.id) for ex in matches])
        exact = any(ex.name.lower() == needle for ex in matches)
        if needle and not exact:
            choices.add_option(Option(f"New exercise: {escape(text.strip())}", id=self.NEW))
        if choices.option_count:
            choices.highlighted = 0

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#filter")
    def _submit_filter(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is not None:
            self._choose(choices.get_option_at_index(choices.highlighted).id)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == self.NEW:
            self.dismiss("new:" + self.query_one("#filter", Input).value.strip())
        else:
            self.dismiss(option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)


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


@dataclass(frozen=True)
class RestLengths:
    """Rest lengths in seconds; None means "use the default"."""

    exercise: int | None
    warmup: int | None
    default: int | None


class RestLengthsDialog(ModalScreen[RestLengths | None]):
    """Set the rest after one exercise, after warm-ups, and the default for the rest."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, exercise: Exercise | None, current: RestLengths, fallback_s: int) -> None:
        super().__init__()
        self.exercise = exercise
        self.current = current
        self.fallback_s = fallback_s

    def compose(self) -> ComposeResult:
        def shown(seconds: int | None) -> str:
            return format_duration(seconds) if seconds else ""

        with Vertical(classes="dialog", id="rest-lengths-dialog"):
            yield Label("Rest lengths (m:ss or seconds; blank = default)", id="dialog-title")
            fields = [
                ("warmup", "Warm-ups", self.current.warmup, DEFAULT_WARMUP_REST_S),
                ("default", "Your own exercises", self.current.default, DEFAULT_REST_S),
            ]
            if self.exercise is not None:
                fields.insert(
                    0, ("exercise", self.exercise.name, self.current.exercise, self.fallback_s)
                )
            with Grid(id="set-fields", classes="-wide"):
                for field_id, label, seconds, default in fields:
                    yield Label(escape(label))
                    yield Input(
                        shown(seconds),
                        id=field_id,
                        placeholder=f"default {format_duration(default)}",
                        compact=True,
                    )
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        values: dict[str, int | None] = {"exercise": None, "warmup": None, "default": None}
        for field in self.query(Input):
            try:
                values[str(field.id)] = parse_rest(field.value)
            except InvalidValue as problem:
                field.add_class("-invalid")
                field.focus()
                self.query_one("#dialog-error", Static).update(escape(str(problem)))
                return
        self.dismiss(RestLengths(values["exercise"], values["warmup"], values["default"]))

    def action_cancel(self) -> None:
        self.dismiss(None)


class SessionDialog(ModalScreen[None]):
    """Every set of a session, in order, with the rest taken after it."""

    BINDINGS = [Binding("escape,enter,q", "close", "Close")]

    def __init__(
        self, session: Session, sets: list[LoggedSet], exercises: dict[str, Exercise], unit: Unit
    ) -> None:
        super().__init__()
        self.session = session
        self.sets = sets
        self.exercises = exercises
        self.unit = unit

    def compose(self) -> ComposeResult:
        when = self.session.started_at.strftime("%a %d %b %Y, %H:%M")
        with Vertical(classes="dialog", id="session-dialog"):
            yield Label(f"{escape(self.session.day_name)} · {when}", id="dialog-title")
            table: DataTable[object] = DataTable(id="session-sets", cursor_type="row")
            yield table
            yield Static("[b]esc[/] close   ★ = PR", id="dialog-help")

    def on_mount(self) -> None:
        table = self.query_one("#session-sets", DataTable)
        table.add_columns("Exercise", "Set", "Weight × reps", "RPE", "Rest after", "")
        working: dict[str, int] = {}
        for s in self.sets:
            exercise = self.exercises.get(s.exercise_id)
            if s.is_working:
                working[s.exercise_id] = working.get(s.exercise_id, 0) + 1
            number = str(working.get(s.exercise_id, 0))
            kind = {"warmup": "W", "drop": f"{number}D", "failure": f"{number}F"}.get(
                s.kind, number
            )
            side = f" {s.side}" if s.side else ""
            table.add_row(
                escape(exercise.name if exercise else s.exercise_id),
                kind,
                format_set(s.weight_kg, s.reps, self.unit) + side,
                f"{s.rpe:g}" if s.rpe else "",
                format_duration(s.rest_taken_s) if s.rest_taken_s is not None else "",
                Text("★", style="bold yellow") if s.pr else "",
            )
        if not self.sets:
            table.add_row("No sets in this session", "", "", "", "", "")
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)


class TargetDialog(ModalScreen[tuple[int, int] | None]):
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
                yield Input(str(self.low), id="low", compact=True)
                yield Label("At most")
                yield Input(str(self.high), id="high", compact=True)
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    @on(Input.Submitted)
    def _save(self) -> None:
        low, high = (self.query_one(f"#{n}", Input).value.strip() for n in ("low", "high"))
        if not (low.isdigit() and high.isdigit()) or not 0 <= int(low) <= int(high) <= 60:
            self.query_one("#dialog-error", Static).update(
                "Use whole numbers from 0 to 60, the first no larger than the second."
            )
            return
        self.dismiss((int(low), int(high)))

    def action_cancel(self) -> None:
        self.dismiss(None)
