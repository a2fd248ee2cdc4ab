"""The Today screen: the day's plan, set by set, logged in two keystrokes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from gymtui.core.equipment import load_text
from gymtui.core.models import Exercise, SetInput, SetKind
from gymtui.core.pain import PAIN_MARK
from gymtui.core.plates import PlanStep
from gymtui.core.rest import RestView
from gymtui.core.summary import planned_sets, session_length
from gymtui.core.training import PlanRow, TodayView
from gymtui.core.values import (
    Unit,
    count,
    format_weight,
)
from gymtui.ui.feedback import note_pain, rate
from gymtui.ui.holds import cancel_hold, start_hold, stop_hold
from gymtui.ui.muscles import week_line
from gymtui.ui.readiness import ask_readiness
from gymtui.ui.rest_keys import adjust, pause_or_start
from gymtui.ui.screens.today_cells import NAME_WIDTH, advice_text, hurt_twice, row_cells
from gymtui.ui.screens.today_keys import FOOTER_ORDER, TODAY_KEYS, footer_label
from gymtui.ui.screens.today_plan import PLAN_KEYS, PlanEditing
from gymtui.ui.sets import log_set
from gymtui.ui.settings import toggle_unit
from gymtui.ui.supersets import with_brackets
from gymtui.ui.text import markup, shown
from gymtui.ui.widgets.key_bar import KeyBar
from gymtui.ui.widgets.plan_table import PlanTable
from gymtui.ui.widgets.rest_status import RestStatus
from gymtui.ui.writes import read, write

if TYPE_CHECKING:
    from gymtui.ui.dialogs.set_dialog import SetDialog

RE_READ_AFTER_S = 30  # on coming back to Today, re-read a view older than this (time moves on)


def moved_on(before: TodayView, now: TodayView) -> bool:
    """A set more in the session, another session, or another day: on to the next set."""
    if len(now.session_sets) > len(before.session_sets) or now.day.key != before.day.key:
        return True
    return (now.session and now.session.id) != (before.session and before.session.id)


def column_labels(unit: Unit) -> tuple[Text, ...]:
    """The table's header: the weights' unit is said once, above them, not in every cell."""
    labels = ("Exercise", "Set", "Target", f"Last ({unit})", "Next", f"Logged ({unit})")
    return tuple(Text(label) for label in labels)


class TodayScreen(PlanEditing):
    """Today's leg session."""

    BINDINGS = [*TODAY_KEYS, *PLAN_KEYS]  # the plan's keys are in ? and the palette
    FOOTER_ORDER = FOOTER_ORDER

    _plates: dict[int, PlanStep] = {}  # replaced whole on every draw
    _rest_state = "idle"  # the rest's state as the footer last showed it

    def __init__(self) -> None:
        super().__init__()
        self._shown: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="day-title")
        yield Static(id="recovery")
        yield Static(id="coach")  # the block's week and today's readiness, when there are
        yield Static(id="week-muscles")
        yield PlanTable(id="plan")
        yield Static(id="detail")
        yield RestStatus(id="rest-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self._labelled: Unit = self.gym.settings.unit
        self.table.set_labels(column_labels(self._labelled))

    def on_screen_resume(self) -> None:
        # (GymScreen.resume runs after this one: Textual calls each class's own handler.)
        # Back from a dialog, the view is usually the one already drawn: draw only news
        # (a write made from another screen included).
        self.stale = False
        view = read(self.host, lambda: self.gym.today(max_age_s=RE_READ_AFTER_S))
        if view is not None and view is not self.view:
            self.draw(view, to_next=self.view is None)

    def data_changed(self) -> None:
        self.draw(self.gym.today())

    # -- drawing --------------------------------------------------------------------

    def footer_key(self, action: str) -> str | bool | None:
        """The footer shows what the highlighted row, the session and the rest allow (KeyBar
        asks)."""
        return footer_label(action, self.view, self._current(), self._rest_state)

    def draw(self, view: TodayView, *, to_next: bool = False) -> None:
        """Show today's view; put the cursor on the next set when asked, or when a set was
        logged (here or on the Rest screen), the session finished or the day switched."""
        gym = self.gym
        if self.view is not None and moved_on(self.view, view):
            to_next = True
        self.view = view
        self._plates = view.plates
        unit = gym.settings.unit
        self._show_title(view)
        rec_style = {"recovering": "yellow", "ready": "green", "overdue": "cyan"}.get(
            view.recovery.state
        )
        self._show(
            "#recovery",
            f"[{rec_style}]$recovery[/] · $weekly" if rec_style else "$recovery · $weekly",
            recovery=view.recovery.text,
            weekly=view.weekly,
        )
        self._show_coach(view)
        self._show_muscles(view)
        table = self.table
        row = table.cursor_row
        if unit != self._labelled:  # u switched kg and lb: the header says which
            self._labelled = unit
            table.set_labels(column_labels(unit))
        cells: list[list[Text]] = []
        previous_id = None
        for index, plan_row in enumerate(view.rows):
            first = plan_row.exercise.id != previous_id
            previous_id = plan_row.exercise.id
            cells.append(self._cells(plan_row, index == view.next_index, first, unit))
        with_brackets(cells, view.rows, NAME_WIDTH)  # a superset's bracket, A1 and A2
        if not view.rows:
            cells.append(
                [Text("Nothing planned: press x to add an exercise", style="dim"), *[Text()] * 5]
            )
        table.show(cells)
        if to_next and view.next_index is not None:
            row = view.next_index
        elif to_next and view.session_sets:  # nothing left to do: on the set just logged, so
            # a digit or P marks it (not the row the cursor was left on before an `x` set)
            latest = max(view.session_sets, key=lambda s: (s.logged_at, s.id))
            row = next(
                (
                    i
                    for i, r in enumerate(view.rows)
                    if latest.id in {getattr(r.logged, "id", None), getattr(r.partner, "id", None)}
                ),
                row,
            )
        table.move_cursor(row=min(row, max(0, table.row_count - 1)))
        self._show_detail()

    def on_resize(self) -> None:
        if self.view is not None:  # the coach line's words follow the width
            self._show_coach(self.view)

    def _show_coach(self, view: TodayView) -> None:
        """`Week 3 of 4 · deload next week · Readiness: slept 2/5 · loads -5 % today`."""
        coach = self.query_one("#coach", Static)
        parts = [view.block.text()] if view.block else []
        if view.readiness is not None and view.readiness.answered:
            parts.append(view.readiness.text())
            if view.block and len(" · ".join(parts)) > (self.size.width or 80) - 2:
                parts[0] = view.block.brief()  # the rows and the tip line say the rest
        if coach.display != bool(parts):  # the line comes or goes: a layout pass, once
            coach.display = bool(parts)
            self._shown.pop("#coach", None)
            coach.refresh(layout=True)
        self._show("#coach", "$coach", coach=" · ".join(parts))

    def _clock_text(self, view: TodayView) -> str:
        """`in progress · 42 min`: how long the session has run, to the minute."""
        if view.session is None:
            return "not started"
        return f"in progress · {session_length(self.gym.clock.now() - view.session.started_at)}"

    def show_rest(self, view: RestView) -> None:
        super().show_rest(view)
        if view.state != self._rest_state:  # the rest's keys come and go with it
            self._rest_state = view.state
            self.refresh_bindings()
        if self.view is not None and self.view.session is not None:  # the session clock
            self._show_title(self.view)

    def _show_title(self, view: TodayView) -> None:
        problem = self.gym.program_file.short_problem()  # program.toml broken: in the date's place
        self._show(
            "#day-title",
            "[b]$name[/b]$focus  [dim]($state)[/]  "
            + ("[$error-lighten-1]$problem[/]" if problem else "[dim]$date[/]"),
            name=view.day.name,
            focus=f" · {view.day.focus}" if view.day.focus else "",
            state=self._clock_text(view),
            date=self.gym.clock.now().strftime("%a %d %b"),
            problem=problem,
        )

    def _show_muscles(self, view: TodayView) -> None:
        """This week's working sets per muscle against the target range (History's Muscles
        tab, this week's column)."""
        target = self.gym.settings.muscle_target
        counts = tuple((muscle, f"{sets:g}") for muscle, sets in view.muscles.items())
        key = (f"{target}", counts)
        if self._shown.get("#week-muscles") != key:
            self._shown["#week-muscles"] = key
            self.query_one("#week-muscles", Static).update(
                week_line(view.muscles, target), layout=False
            )

    def _show(self, selector: str, template: str, **values: str) -> None:
        """Fill a line's template (values are plain text); update only when it changed."""
        key = (template, tuple(sorted(values.items())))
        if self._shown.get(selector) != key:
            self._shown[selector] = key
            # the title, the recovery line and the detail are fixed in height (gymtui.tcss):
            # new words need a repaint, never a layout pass
            self.query_one(selector, Static).update(markup(template, **values), layout=False)

    def _cells(self, row: PlanRow, is_next: bool, first: bool, unit: Unit) -> list[Text]:
        assert self.view is not None
        return row_cells(self.view, row, is_next=is_next, first=first, unit=unit)

    def _current(self) -> PlanRow | None:
        if self.view is None or not self.view.rows:
            return None
        index = self.table.cursor_row
        return self.view.rows[index] if 0 <= index < len(self.view.rows) else None

    @on(PlanTable.Highlighted)
    def _show_detail(self) -> None:
        self.refresh_bindings()  # the footer's keys follow the row and the session
        row = self._current()
        if row is None or self.view is None:
            self._show("#detail", "Press [b]x[/] to add an exercise, [b]s[/] to switch day.")
            return
        ex = row.exercise
        unit = self.gym.settings.unit
        muscles = ", ".join(ex.muscles) or "muscles not set"
        if ex.synergists:
            muscles += f", half: {', '.join(ex.synergists)}"
        stabilisers = f"(+ {', '.join(ex.stabilisers)})" if ex.stabilisers else ""
        cues = " · ".join(ex.cues)
        advice = advice_text(self.view, row, unit)
        if hurt_twice(self.view, ex.id):
            advice = f"{PAIN_MARK} Hurt 2 sessions running · {advice}"
        note = f"  Note: {row.logged.note}" if row.logged and row.logged.note else ""
        step = self._plates.get(self.table.cursor_row)
        plates = ""
        if step is not None:
            change = f" · {step.change_text()}" if step.changes else ""
            plates = f"Plates {step.loading.text()}{change}"
        elif row.slot is not None or row.ramp is not None or row.logged is not None:
            weight = row.logged.weight_kg if row.logged else self.view.weight_for(row)
            plates = load_text(ex, weight or 0, self.view.inventory)  # dumbbells, a stack
        self._show(
            "#detail",
            "[b]$name[/b]: $muscles [dim]$stabilisers[/]\n$advice[dim]$note[/]\n"
            "[b]$plates[/b]\n[dim]$cues[/]",
            name=ex.name,
            muscles=muscles,
            stabilisers=stabilisers,
            advice=advice,
            note=note,
            plates=plates,
            cues=cues,
        )

    # -- actions --------------------------------------------------------------------

    def action_log(self) -> None:
        row = self._current()
        if stop_hold(self.host):  # a hold under way: enter stops it, wherever the cursor is
            return
        if row is None:
            self.action_add_exercise()
        elif row.timed and (row.logged is None or row.missing_side is not None):
            if not ask_readiness(self, self.action_log):  # a hold as the first set too
                start_hold(self.host, self, row)
        elif row.logged is not None and row.missing_side is None:
            self.action_edit()
        else:
            self._open_dialog(row, "warmup" if row.ramp is not None else "working")

    def action_log_warmup(self) -> None:
        row = self._current()
        if row is not None:
            self._open_dialog(row, "warmup")

    def action_add_set(self) -> None:
        row = self._current()
        if row is not None:
            self._open_dialog(row, "working", extra=True)

    def _open_dialog(self, row: PlanRow, kind: SetKind, *, extra: bool = False) -> None:
        from gymtui.ui.dialogs.set_dialog import SetDialog, set_request

        if ask_readiness(self, lambda: self._open_dialog(row, kind, extra=extra)):
            return  # the session's first set: how did you sleep, how sore are you
        request = set_request(self.gym.today(), row, kind, self.gym.settings.unit, extra=extra)
        self._log_from(SetDialog(request))

    def _log_from(self, dialog: SetDialog) -> None:
        from gymtui.ui.dialogs.base import ask  # dialogs load after the first frame

        def logged(entry: SetInput | None) -> None:
            if entry is not None:
                log_set(self.host, entry)  # Today redraws from the data_changed it publishes

        ask(self, dialog, logged)

    def action_edit(self) -> None:
        row = self._current()
        if row is None or row.logged is None:
            self.notify("Highlight a logged set to edit it.", severity="warning")
            return
        from gymtui.ui.dialogs.set_edits import edit_set

        edit_set(self, row.exercise, row.logged)

    def action_delete(self) -> None:
        row = self._current()
        if row is not None and row.logged is None and row.slot is not None:
            self.remove_planned_set(row)  # a set not done yet: one planned set fewer today
            return
        if row is None or row.logged is None:
            self.notify("Highlight a logged set to delete it.", severity="warning")
            return
        from gymtui.ui.dialogs.set_edits import delete_set

        delete_set(self, row.exercise, row.logged)

    def action_add_exercise(self) -> None:
        from gymtui.ui.dialogs.exercise import pick_exercise

        pick_exercise(self, self._log_exercise)

    def _log_exercise(self, exercise: Exercise) -> None:
        """The set dialog for an exercise not in the plan, prefilled as last time."""
        from gymtui.ui.dialogs.set_dialog import SetDialog, SetDialogRequest

        gym = self.gym
        suggestion, last = gym.suggestion(exercise.id)
        weight = gym.today().weight_today(exercise.id, suggestion.weight_kg)
        reps = next((s.reps for s in reversed(last) if s.is_working), None)  # as last time
        done = sum(s.exercise_id == exercise.id for s in gym.today().session_sets)
        which = f"set {done + 1}" if done else "first set"
        request = SetDialogRequest(
            exercise, f"{exercise.name} · {which}", gym.settings.unit, weight, reps
        )
        self._log_from(SetDialog(request))

    def action_finish(self) -> None:
        from gymtui.ui.dialogs.base import ask
        from gymtui.ui.dialogs.confirm import ConfirmDialog

        holding = self.gym.holds.current is not None  # saved on yes, before the finish
        view = self.gym.today()
        if view.session is None and not holding:
            self.notify("No session in progress: it starts with its first set.", severity="warning")
            return

        def done(yes: bool | None) -> None:
            from gymtui.ui.dialogs.summary import SummaryDialog

            if not yes:  # no: nothing saved, a hold under way goes on
                return
            stop_hold(self.host)  # the session's last set, not the next one's
            session = self.gym.today().session
            if (
                session is not None
                and write(self.host, lambda: self.gym.finish_session(session.id)).saved
            ):
                summary = read(self.host, lambda: self.gym.history.summary(session.id))
                if summary is not None:
                    self.app.push_screen(SummaryDialog(summary, self.gym.settings.unit))

        done_sets = planned_sets(view.session_sets)  # a left and a right set are one
        name = view.session.day_name if view.session else view.day.name
        question = f"Finish {name}? {count(done_sets, 'working set')} logged."
        if holding:
            question += " The hold under way is saved first."
        ask(self, ConfirmDialog(question), done)

    def action_switch_day(self) -> None:
        if cancel_hold(self.host):  # during a hold, s cancels it, as its toast says
            return
        view = self.gym.today()
        if view.session is not None:
            self.notify("Finish this session (f) before switching day.", severity="warning")
            return
        following = self.gym.following_day()
        day = write(self.host, lambda: self.gym.choose_day(following.key))
        if day.saved:
            self.notify(shown(f"Today is {day.value.name}: {day.value.focus}"), markup=False)

    def action_pause(self) -> None:
        """Pause or resume the rest (with none running, start one), as on the Rest screen."""
        pause_or_start(self.host)

    def action_adjust(self, sign: int) -> None:
        adjust(self.host, sign)

    def _marked_set(self) -> int | None:
        """The set a digit or P marks: the highlighted logged set (of a pair, the leg done
        last), else None: the session's latest working set."""
        row = self._current()
        done = row.partner or row.logged if row is not None else None
        return done.id if done is not None else None

    def action_rate(self, key: str) -> None:
        rate(self, key, self._marked_set())

    def action_pain(self) -> None:
        note_pain(self, self._marked_set())

    def action_toggle_unit(self) -> None:
        toggle_unit(self.host)

    def action_plate_plan(self) -> None:
        from gymtui.ui.dialogs.plates import PlatePlanDialog

        view = self.gym.today()
        steps = view.plates
        rows = [(view.rows[i], steps[i]) for i in sorted(steps)]
        self.app.push_screen(PlatePlanDialog(rows, self.gym.settings.unit))

    def action_body_weight(self) -> None:
        from gymtui.ui.dialogs.base import ask
        from gymtui.ui.dialogs.body_weight import BodyWeightDialog

        gym = self.gym
        unit = gym.settings.unit
        last = read(self.host, gym.corrections.body_weight)
        hint = "One value a day: weighing again today replaces it."
        if last is not None:
            hint = f"Last: {format_weight(last[1], unit)} on {last[0]:%a %d %b}. {hint}"

        def done(kg: float | None) -> None:
            if kg is None:
                return
            day = write(self.host, lambda: gym.corrections.log_body_weight(kg))
            if day.saved:
                self.notify(
                    f"Body weight {format_weight(kg, unit)} saved for {day.value:%a %d %b}."
                )

        ask(self, BodyWeightDialog(unit, last[1] if last else None, hint), done)
