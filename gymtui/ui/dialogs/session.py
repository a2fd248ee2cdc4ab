"""Every set of a session, in order, with the rest taken after it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Label, Static

from gymtui.core.models import Exercise, LoggedSet, Session
from gymtui.core.summary import Summary
from gymtui.core.values import Unit, format_duration, format_set
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.text import lines_text, plain


class SessionDialog(GymDialog[None]):
    """Every set of a session, in order, with the rest taken after it."""

    BINDINGS = [Binding("escape,enter,q", "close", "Close")]

    def __init__(
        self,
        session: Session,
        sets: list[LoggedSet],
        exercises: dict[str, Exercise],
        unit: Unit,
        summary: Summary | None = None,
    ) -> None:
        super().__init__()
        self.summary = summary
        self.session = session
        self.sets = sets
        self.exercises = exercises
        self.unit = unit

    def compose(self) -> ComposeResult:
        when = self.session.started_at.strftime("%a %d %b %Y, %H:%M")
        with Vertical(classes="dialog", id="session-dialog"):
            yield Label(plain(f"{self.session.day_name} · {when}"), id="dialog-title")
            if self.summary is not None:
                lines = lines_text(self.summary.lines(self.unit))
                yield VerticalScroll(Static(lines), id="session-summary")
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
                plain(exercise.name if exercise else s.exercise_id),
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
