"""Log or edit a set: weight and reps prefilled; enter saves, nothing saved if invalid."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from gymtui.core.models import SET_KINDS, Exercise, SetInput, SetKind, Side
from gymtui.core.training import PlanRow, TodayView, set_prefill
from gymtui.core.values import Unit, format_weight, parse_reps, parse_rpe, parse_weight
from gymtui.errors import InvalidValue

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
    prefill = set_prefill(view, row, kind, extra=extra)
    return SetDialogRequest(
        row.exercise, prefill.title, unit, prefill.weight_kg, prefill.reps, kind
    )


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
