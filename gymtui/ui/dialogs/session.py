"""A session from History: every set with its rest and note, and the corrections a lifter
makes after the fact (edit, delete or add a set, the session's note, delete or reopen it)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Label, Static

from gymtui.core.models import Exercise, LoggedSet, Session, SetInput
from gymtui.core.readiness import Readiness
from gymtui.core.supersets import set_markers
from gymtui.core.training import set_numbers
from gymtui.core.values import format_duration, format_set
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.dialogs.set_edits import delete_set, edit_set
from gymtui.ui.marks import set_marks_cell
from gymtui.ui.text import lines_text, markup, plain, shown
from gymtui.ui.writes import read, write

HELP = (
    "Set: [b]e[/] edit  [b]d[/] delete  [b]a[/] add one  [b]x[/] add another exercise\n"
    "Session: [b]n[/] note  [b]o[/] reopen  [b]D[/] delete   [b]esc[/] close   ★ = PR"
)


class SessionDialog(GymDialog[None]):
    """Every set of a session, in order, with the rest taken after it; corrections in place."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", tooltip="Back to History"),
        # a modal dialog stops the App's own ?: the help opens here with this one first
        Binding("question_mark", "app.help", "Help", show=False, tooltip="Every key"),
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted set (or enter)"),
        Binding("d,delete", "delete", "Delete", tooltip="Delete the highlighted set"),
        Binding("a", "add", "Add set", tooltip="Add a set of the highlighted exercise"),
        Binding("x", "add_other", "Other exercise", tooltip="Add a set of another exercise"),
        Binding("n", "note", "Note", tooltip="Write the session's note"),
        Binding("o", "reopen", "Reopen", tooltip="Reopen the session to log more from Today"),
        Binding("D", "delete_session", "Delete session", tooltip="Delete the whole session"),
        Binding("z", "undo", "Undo", show=False, tooltip="Undo the set just deleted (10 s)"),
    ]

    HELP_TITLE = "A session (History, enter)"
    TOASTS = True  # no fields to cover: what a correction did shows at once
    deleting = False  # the session is being deleted from here

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.session: Session | None = None
        self.sets: list[LoggedSet] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="session-dialog"):
            yield Label(id="dialog-title")
            yield Static(id="session-note")
            yield VerticalScroll(Static(id="summary-lines"), id="session-summary")
            table: DataTable[object] = DataTable(id="session-sets", cursor_type="row")
            yield table
            yield Static(id="set-note")
            yield Static(HELP, id="dialog-help")

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        table = self.query_one("#session-sets", DataTable)
        table.add_columns("Exercise", "Set", "Weight × reps", "RPE", "Rest after", "", "Note")
        self.load()
        table.focus()
        self.host.data_changed.subscribe(self, lambda _: self.load(), immediate=True)

    def on_screen_resume(self) -> None:
        self.host.release_toasts()

    def load(self) -> None:
        """Read the session again and show it (closes when it is gone)."""
        if self.closing or self.deleting:
            return
        gym = self.gym
        found = read(self.host, lambda: gym.history.session_detail(self.session_id))
        if found is None:
            self.notify("That session is gone (deleted in another window?).", severity="warning")
            self.dismiss(None)
            return
        self.session, self.sets = found
        session = self.session
        when = session.started_at.strftime("%a %d %b %Y, %H:%M")
        state = " · in progress" if session.finished_at is None else ""
        self.query_one("#dialog-title", Label).update(plain(f"{session.day_name} · {when}{state}"))
        note = self.query_one("#session-note", Static)
        ready = Readiness(session.sleep, session.soreness)
        said = f" · {ready.record()}" if ready.answered else ""
        if session.note:
            note.update(markup("[b]Note[/b] $note[dim]$said[/]", note=session.note, said=said))
        else:
            note.update(markup("[dim]No note: n adds one$said[/dim]", said=said))
        summary = read(self.host, lambda: gym.history.summary(self.session_id))
        lines = summary.lines(gym.settings.unit) if summary is not None else []
        self.query_one("#summary-lines", Static).update(lines_text(lines))
        self.query_one("#session-summary").display = bool(lines)
        self._fill_table()

    def _fill_table(self) -> None:
        gym = self.gym
        unit = gym.settings.unit
        table = self.query_one("#session-sets", DataTable)
        keep = table.cursor_row
        table.clear()
        markers = set_markers(self.sets)  # A1, A2: the sets of a superset
        for s, n, marker in zip(self.sets, set_numbers(self.sets), markers, strict=True):
            number = str(n or "")
            kind = {"warmup": "W", "drop": f"{number}D", "failure": f"{number}F"}.get(
                s.kind, number
            )
            side = f" {s.side}" if s.side else ""
            name = plain(gym.exercises.get(s.exercise_id).name)
            if marker:
                name = Text.assemble((marker, "bold cyan"), " ", name)
            table.add_row(
                name,
                kind,
                format_set(s.weight_kg, s.reps, unit, seconds=s.seconds) + side,
                set_marks_cell(s),
                format_duration(s.rest_taken_s) if s.rest_taken_s is not None else "",
                Text("★", style="bold yellow") if s.pr else "",
                plain(s.note or "", style="italic"),
                key=str(s.id),
            )
        if not self.sets:
            table.add_row("No sets in this session: a adds one", *[""] * 6)
        table.move_cursor(row=min(keep, max(0, table.row_count - 1)))
        self._show_set_note()

    @on(DataTable.RowHighlighted, "#session-sets")
    def _show_set_note(self) -> None:
        chosen = self._highlighted()
        note = chosen.note if chosen is not None else None
        line = self.query_one("#set-note", Static)
        line.update(markup("[b]Set note[/b] $note", note=note) if note else "")
        line.display = bool(note)

    def _highlighted(self) -> LoggedSet | None:
        if not self.sets:
            return None
        row = self.query_one("#session-sets", DataTable).cursor_row
        return self.sets[row] if 0 <= row < len(self.sets) else None

    # -- corrections: each one write; the session is read again through data_changed ---

    @on(DataTable.RowSelected, "#session-sets")
    def action_edit(self) -> None:
        chosen = self._highlighted()
        if chosen is None:
            self.notify("No set to edit here: a adds one.", severity="warning")
            return
        edit_set(self, self.gym.exercises.get(chosen.exercise_id), chosen)

    def action_delete(self) -> None:
        chosen = self._highlighted()
        if chosen is None:
            self.notify("No set to delete here.", severity="warning")
            return
        delete_set(self, self.gym.exercises.get(chosen.exercise_id), chosen)

    def action_undo(self) -> None:
        gym = self.gym
        if not gym.plan.can_undo():
            self.notify("Nothing to undo: z works for 10 s after a delete.")
            return
        done = write(self.host, gym.plan.undo_last)
        if done.saved:
            self.notify(shown(f"Undone: {done.value}"), markup=False)

    def action_add(self) -> None:
        chosen = self._highlighted()
        if chosen is None:
            self.action_add_other()
        else:
            self._add(chosen.exercise_id, chosen)

    def action_add_other(self) -> None:
        from gymtui.ui.dialogs.exercise import pick_exercise

        def picked(exercise: Exercise) -> None:
            like = next((s for s in reversed(self.sets) if s.exercise_id == exercise.id), None)
            self._add(exercise.id, like)

        pick_exercise(self, picked)

    def _add(self, exercise_id: str, like: LoggedSet | None) -> None:
        """A set for this session, prefilled like the exercise's last set in it."""
        from gymtui.ui.dialogs.set_dialog import SetDialog, SetDialogRequest

        gym = self.gym
        exercise = gym.exercises.get(exercise_id)
        session = self.session
        assert session is not None
        day = session.started_at.strftime("%a %d %b")
        request = SetDialogRequest(
            exercise,
            f"Add to {session.day_name}, {day}: {exercise.name}",
            gym.settings.unit,
            like.weight_kg if like else None,
            like.reps if like else None,
            "working" if like is None or like.kind == "warmup" else like.kind,
            side=like.side if like else None,
        )

        def done(entry: SetInput | None) -> None:
            if entry is None:
                return
            added = write(self.host, lambda: gym.add_set(self.session_id, entry))
            if added.saved:
                what = format_set(
                    added.value.weight_kg,
                    added.value.reps,
                    gym.settings.unit,
                    seconds=added.value.seconds,
                )
                self.notify(shown(f"Added {exercise.name} {what}."), markup=False)

        self.ask(SetDialog(request), done)

    def action_note(self) -> None:
        from gymtui.ui.dialogs.note import NoteDialog

        session = self.session
        assert session is not None
        gym = self.gym

        def done(text: str | None) -> None:
            if text is None:
                return
            if write(
                self.host, lambda: gym.corrections.set_session_note(self.session_id, text)
            ).saved:
                self.notify("Note saved." if text else "Note cleared.")

        self.ask(NoteDialog(f"Note for {session.day_name}", session.note), done)

    def action_reopen(self) -> None:
        gym = self.gym
        if write(self.host, lambda: gym.corrections.reopen_session(self.session_id)).saved:
            self.notify("Session reopened: Today logs into it (t).")

    def action_delete_session(self) -> None:
        from gymtui.ui.dialogs.confirm import ConfirmDialog

        session = self.session
        assert session is not None
        gym = self.gym
        when = session.started_at.strftime("%a %d %b %Y")
        what = f"{session.day_name} of {when}"

        def done(yes: bool | None) -> None:
            if not yes:
                return
            self.deleting = True  # the data_changed the write publishes finds it gone
            deleted = write(self.host, lambda: gym.corrections.delete_session(self.session_id))
            self.deleting = False
            if deleted.saved:
                self.notify(shown(f"Deleted {what} and its {deleted.value} sets."), markup=False)
                self.dismiss(None)
            else:
                self.load()

        self.ask(
            ConfirmDialog(
                f"Delete {what} and all {len(self.sets)} of its sets? This cannot be undone."
            ),
            done,
        )

    def action_close(self) -> None:
        self.dismiss(None)
