"""The History screen: sessions, weeks against the goal, sets per muscle, exercise progress."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import (
    DataTable,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from gymtui.core.metrics import (
    E1RM_FORMULA,
    Overview,
    Progress,
    SessionSummary,
    WeekRow,
    leg_days,
    record_lines,
)
from gymtui.core.training import gap_text, week_start
from gymtui.core.values import format_number, format_weight, from_kg, session_clock
from gymtui.errors import GymtuiError
from gymtui.gym import MUSCLE_WEEKS, RANGES
from gymtui.ui.css import css_beside
from gymtui.ui.dialogs.base import ask
from gymtui.ui.marks import session_marks_cell
from gymtui.ui.muscles import muscle_rows
from gymtui.ui.screens.base import GymScreen
from gymtui.ui.text import clip, markup, plain
from gymtui.ui.widgets.key_bar import KeyBar
from gymtui.ui.widgets.paged_table import PagedTable
from gymtui.ui.widgets.progress_chart import plot_body_weight, plot_progress
from gymtui.ui.widgets.rest_status import RestStatus
from gymtui.ui.writes import read, write

if TYPE_CHECKING:
    from textual_plotext import PlotextPlot

BODY_WEIGHT = "__body_weight__"  # the Progress list's entry for body weight
WEEKS_PAGE = 104  # two years of weeks at a time
GAPS_WIDTH = 52  # five leg days in a week still fit at 80 columns, with an ellipsis
DAY_NAME_WIDTH = 18  # an imported workout's name is cut here, so Volume and PR fit at 80


BODY_WEIGHT_LOAD = "weight + the day's body weight"


class HistoryScreen(GymScreen):
    """Every session and set, and progress you can see."""

    DEFAULT_CSS = css_beside(__file__, "history.tcss")

    BINDINGS = [
        Binding("1", "tab('sessions')", "Sessions", tooltip="Sessions, newest first"),
        Binding("2", "tab('weeks')", "Weeks", tooltip="Weeks against the goal of two"),
        Binding("3", "tab('muscles')", "Muscles", tooltip="Working sets per muscle"),
        Binding("4", "tab('progress')", "Progress", tooltip="Exercise progress chart and PRs"),
        Binding("m", "range('3m')", "3 mo", show=False, tooltip="Progress over 3 months"),
        Binding("y", "range('1y')", "1 yr", show=False, tooltip="Progress over 1 year"),
        Binding("a", "range('all')", "All", show=False, tooltip="Progress over all time"),
        Binding("g", "targets", "Targets", show=False, tooltip="Set the weekly sets target"),
        Binding(
            "e",
            "exercises",
            "Exercises",
            tooltip="Every exercise: edit, rename, merge or delete your own",
        ),
    ]

    overview: Overview | None = None
    sessions: list[SessionSummary] = []
    total = 0
    range_key = "1y"
    range_chosen = False  # m, y or a pressed: the range stays even when it holds nothing
    exercise_id: str | None = None
    _listed: list[tuple[str, str]] = []  # the Progress list as last filled, replaced whole

    def compose(self) -> ComposeResult:
        with TabbedContent(id="history-tabs", initial="sessions"):
            with TabPane("1 Sessions", id="sessions"):
                yield PagedTable(id="sessions-table", cursor_type="row")
                yield Static(id="sessions-note")
            with TabPane("2 Weeks", id="weeks"):
                yield Static(id="weeks-summary")
                yield PagedTable(id="weeks-table", cursor_type="row")
            with TabPane("3 Muscles", id="muscles"):
                yield Static(id="muscles-summary")
                yield DataTable(id="muscles-table", cursor_type="row")
            with TabPane("4 Progress", id="progress"), Horizontal():
                yield OptionList(id="exercise-list")
                with Vertical(id="chart-box"):
                    yield Static(id="chart-title")
                    yield Vertical(id="chart-holder")
                    yield DataTable(id="records", cursor_type="none", show_header=False)
        yield RestStatus(id="rest-status")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#sessions-table", DataTable)
        table.add_columns("Date", "Day", "Time", "Sets", "Volume", "PR")

    class Drawn(Message):
        """A part of History reached the screen: "sessions", "overview" (the weeks and muscles
        tabs) or "chart" (benchmarks/history_scale.py times them by these)."""

        def __init__(self, part: str) -> None:
            super().__init__()
            self.part = part

    def _drawn(self, part: str) -> None:
        """Say `part` is on screen once the repaint that shows it is done."""
        self.call_after_refresh(self.post_message, self.Drawn(part))

    def on_screen_resume(self) -> None:
        # (GymScreen.resume runs after this one and redraws: Textual calls each class's own
        # handler.) Every visit reads again: the weeks and the last 7 days move on.
        self.stale = True

    def data_changed(self) -> None:
        # One page of sessions is a few indexed lookups: read it now so that it is in the
        # first paint; the weeks and muscles read more and go to a worker.
        page = read(
            self.host, lambda: (self.gym.history.sessions_page(), self.gym.history.session_count())
        )
        if page is None:
            return
        self.sessions, self.total = page
        self._show_sessions()
        self._drawn("sessions")
        self.load_overview()
        if self.query_one(TabbedContent).active == "progress":
            self._fill_exercises()
            self.load_progress()

    # -- loading, in a thread with its own read-only connection -----------------------

    @work(thread=True, exclusive=True, group="overview")
    def load_overview(self) -> None:
        """Read weeks and muscles off the event loop, then draw them."""
        try:
            overview = self.gym.history.overview()
        except GymtuiError as problem:
            self.app.call_from_thread(self.host.show_problem, str(problem))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_overview, overview)

    def _show_overview(self, overview: Overview) -> None:
        self.overview = overview
        self._show_weeks(overview)
        self._show_muscles(overview)
        self._drawn("overview")

    def _show_sessions(self) -> None:
        table = self.query_one("#sessions-table", DataTable)
        keep = table.cursor_row
        table.clear()
        self._add_session_rows(self.sessions)
        table.move_cursor(row=min(keep, max(0, table.row_count - 1)))
        self._show_sessions_note()

    def _add_session_rows(self, summaries: list[SessionSummary]) -> None:
        table = self.query_one("#sessions-table", DataTable)
        unit = self.gym.settings.unit
        for summary in summaries:
            session = summary.session
            table.add_row(
                session.started_at.strftime("%a %d %b %Y"),
                plain(clip(session.day_name, DAY_NAME_WIDTH)),
                session_clock(summary.duration),
                str(summary.working_sets),
                f"{format_number(round(from_kg(summary.volume_kg, unit)))} {unit}"
                if summary.volume_kg > 0
                else "—",  # body weight only: no load to add up
                session_marks_cell(summary.has_pr, summary.has_pain),
                key=str(session.id),
            )

    def _show_sessions_note(self) -> None:
        note = self.query_one("#sessions-note", Static)
        if not self.sessions:
            note.update("No sessions yet - press [b]t[/b] and log your first set.")
        else:
            shown = (
                f" · {len(self.sessions)} of {self.total}"
                if self.total > len(self.sessions)
                else ""
            )
            note.update(
                f"[b]enter[/b] open or correct a session{shown} · volume leaves out warm-ups"
            )

    @on(PagedTable.WantsAll)
    def _every_page(self, event: PagedTable.WantsAll) -> None:
        """`end`: the rest of the sessions (or weeks), so that the last row is the first
        session's."""
        if event.table.id == "weeks-table" and self.overview is not None:
            self._add_week_rows(self.overview.weeks[event.table.row_count :])
        elif event.table.id == "sessions-table" and len(self.sessions) < self.total:
            offset = len(self.sessions)
            rest = read(self.host, lambda: self.gym.history.sessions_page(offset, limit=None))
            if rest:
                self.sessions = self.sessions + rest
                self._add_session_rows(rest)
                self._show_sessions_note()
        event.table.move_cursor(row=max(0, event.table.row_count - 1))

    @on(DataTable.RowHighlighted, "#sessions-table")
    def _more_sessions(self, event: DataTable.RowHighlighted) -> None:
        """Reaching the last row reads the next page."""
        if event.cursor_row < len(self.sessions) - 1 or len(self.sessions) >= self.total:
            return
        page = read(self.host, lambda: self.gym.history.sessions_page(offset=len(self.sessions)))
        if page is None:
            return
        self.sessions = self.sessions + page
        self._add_session_rows(page)
        self._show_sessions_note()

    def _show_weeks(self, overview: Overview) -> None:
        now = self.gym.clock.now()
        goal = self.gym.program.goal_per_week
        run = overview.streak
        recent = leg_days(s for s in overview.starts if now - s < timedelta(days=7))
        self.query_one("#weeks-summary", Static).update(
            f"Streak: [b]{run}[/b] week{'s' if run != 1 else ''} at {goal} leg sessions"
            f" · last 7 days: {len(recent)} · [b]end[/b]: first week"
            + (" · opened at your last leg day" if overview.weeks_until else "")
        )
        table = self.query_one("#weeks-table", DataTable)
        table.clear(columns=True)  # a Block column while the program has blocks
        table.add_columns("Week of", "Sessions", *(["Block"] if overview.blocks else []), "Gaps")
        self._add_week_rows(overview.weeks[:WEEKS_PAGE])
        if overview.weeks_until is not None:  # months since the last leg day: open at it
            newest = next((n for n, w in enumerate(overview.weeks) if w.sessions), 0)
            while table.row_count <= newest:
                self._add_week_rows(overview.weeks[table.row_count : table.row_count + WEEKS_PAGE])
            table.move_cursor(row=newest)

    @on(DataTable.RowHighlighted, "#weeks-table")
    def _more_weeks(self, event: DataTable.RowHighlighted) -> None:
        """Reaching the last row shows the next page of weeks (decades are thousands)."""
        table = self.query_one("#weeks-table", DataTable)
        shown = table.row_count
        if self.overview is not None and event.cursor_row >= shown - 1:
            self._add_week_rows(self.overview.weeks[shown : shown + WEEKS_PAGE])

    def _add_week_rows(self, rows: list[WeekRow]) -> None:
        table = self.query_one("#weeks-table", DataTable)
        block = (self.overview.blocks or {}) if self.overview else {}
        for row in rows:
            dots = "●" * min(row.sessions, 7) + "○" * max(0, row.goal - row.sessions)
            style = "green" if row.met else ("yellow" if row.sessions else "dim")
            gaps = clip(
                ", ".join(f"{gap_text(hours)} {verdict}" for hours, verdict in row.gaps),
                GAPS_WIDTH - 10 if block else GAPS_WIDTH,  # the Block column takes 10
            )
            label = block.get(row.start, "")
            table.add_row(
                row.start.strftime("%d %b %Y"),
                Text(f"{dots} {row.sessions}/{row.goal}", style=style),
                *([Text(label, style="yellow" if "deload" in label else "")] if block else []),
                gaps or Text("-", style="dim"),
            )

    def _show_muscles(self, overview: Overview) -> None:
        low, high = self.gym.settings.muscle_target
        until = overview.weeks_until
        quiet = (
            f" Nothing in the last {MUSCLE_WEEKS} weeks: the weeks up to your last leg day,"
            f" {until.strftime('%d %b %Y')}."
            if until
            else ""
        )
        self.query_one("#muscles-summary", Static).update(
            "Working sets per muscle (a set counts for each of its exercise's main muscles, "
            "half for a muscle it works second; warm-ups excluded). "
            f"Weekly target [b]{low}-{high}[/b] (g to change).{quiet}"
        )
        table = self.query_one("#muscles-table", DataTable)
        table.clear(columns=True)
        end = until or self.gym.clock.now()  # the summary names a quiet spell's year
        labels = [
            week_start(end, back).strftime("%d %b") for back in range(MUSCLE_WEEKS - 1, -1, -1)
        ]
        table.add_columns("Muscle", "7 days", *labels)
        for cells in muscle_rows(overview.last_7_days, overview.per_week, (low, high)):
            table.add_row(*cells)

    # -- sessions ---------------------------------------------------------------------

    @on(DataTable.RowSelected, "#sessions-table")
    def _open_session(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None:
            return
        from gymtui.ui.dialogs.session import SessionDialog

        self.app.push_screen(SessionDialog(int(event.row_key.value)))

    # -- progress ---------------------------------------------------------------------

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        focus = {
            "sessions": "#sessions-table",
            "weeks": "#weeks-table",
            "muscles": "#muscles-table",
            "progress": "#exercise-list",
        }
        if event.pane.id in focus:
            self.query_one(focus[event.pane.id]).focus()
        if event.pane.id == "progress":
            self._fill_exercises()
            self.load_progress()

    def _fill_exercises(self) -> None:
        """The exercises with sets, then Body weight once weighed; filled again only when
        they change (a first set, a rename, a merge), the highlighted one kept."""
        order = self.gym.history.exercises_with_sets()
        weighed = read(self.host, self.gym.corrections.body_weight) is not None
        wanted = [(ex_id, self.gym.exercises.get(ex_id).name) for ex_id in order]
        if weighed:
            wanted.append((BODY_WEIGHT, "Body weight"))
        if not wanted:
            self.query_one("#chart-title", Static).update(
                "No sets yet - press [b]t[/b] and log your first set; progress shows here."
            )
        if wanted == self._listed:
            return
        self._listed = wanted
        options = self.query_one("#exercise-list", OptionList)
        options.clear_options()
        if not wanted:
            return
        options.add_options(
            [
                Option(
                    Text(name, style="italic") if ex_id == BODY_WEIGHT else plain(name), id=ex_id
                )
                for ex_id, name in wanted
            ]
        )
        ids = [ex_id for ex_id, _ in wanted]
        keep = self.exercise_id if self.exercise_id in ids else ids[0]
        options.highlighted = ids.index(keep)
        self.exercise_id = keep

    @on(OptionList.OptionHighlighted, "#exercise-list")
    def _exercise_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.exercise_id:
            self.exercise_id = event.option.id
            self.load_progress()

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_range(self, key: str) -> None:
        self.range_key = key
        self.range_chosen = True
        self.query_one(TabbedContent).active = "progress"
        self.load_progress()

    @work(thread=True, exclusive=True, group="progress")
    def load_progress(self) -> None:
        """Read one exercise's points and records off the event loop."""
        exercise_id = self.exercise_id
        if exercise_id is None:
            return
        try:
            if exercise_id == BODY_WEIGHT:
                weights = self.gym.corrections.body_weights(self.range_key)
                if not get_current_worker().is_cancelled:
                    self.app.call_from_thread(self._show_body_weight, weights)
                return
            progress = self.gym.history.progress(exercise_id, self.range_key)
            if not progress.points and not self.range_chosen and self.range_key != "all":
                # the default year holds nothing (an old import): all time, rather than empty
                self.range_key = "all"
                progress = self.gym.history.progress(exercise_id, "all")
        except GymtuiError as problem:
            self.app.call_from_thread(self.host.show_problem, str(problem))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_progress, progress)

    def _chart(self) -> PlotextPlot:
        """The chart, mounted on first use, its data and figure cleared."""
        # Imported on first use so that start-up does not pay for plotting.
        from textual_plotext import PlotextPlot

        holder = self.query_one("#chart-holder", Vertical)
        if not holder.children:
            holder.mount(PlotextPlot(id="chart"))
        chart = holder.query_one(PlotextPlot)
        chart.plt.clear_data()
        chart.plt.clear_figure()
        return chart

    def _records(self) -> DataTable[object]:
        """The records beside the chart, emptied."""
        records: DataTable[object] = self.query_one("#records", DataTable)
        records.clear(columns=True)
        records.add_columns("Record", "Value", "Date")
        return records

    def _show_progress(self, progress: Progress) -> None:
        chart = self._chart()
        exercise = self.gym.exercises.get(progress.exercise_id)
        unit = self.gym.settings.unit
        label, _ = RANGES[self.range_key]
        points = progress.points
        body_weight = bool(points) and all(p.top_weight <= 0 for p in points)
        self.query_one("#chart-title", Static).update(
            markup(
                "[b]$name[/b] · $range ([b]m[/b] 3 mo [b]y[/b] 1 yr [b]a[/b] all) · $unit",
                name=exercise.name,
                range=label,
                unit=("s" if exercise.timed else "reps") if body_weight else unit,
            )
        )
        plot_progress(chart, points, unit, body_weight, hold=exercise.timed)
        chart.refresh()
        records = self._records()
        rows = record_lines(progress.records, unit) if progress.records else []
        for label, value, when in rows:
            records.add_row(
                Text(label, style="bold"),
                value,
                Text(when.astimezone().date().isoformat(), style="dim"),
            )
        if rows and not body_weight:
            records.add_row(Text("e1RM", style="dim"), Text(E1RM_FORMULA, style="dim"), "")
        if rows and exercise.body_weight_load:
            records.add_row(Text("Load", style="dim"), Text(BODY_WEIGHT_LOAD, style="dim"), "")
        self._drawn("chart")

    def _show_body_weight(self, weights: list[tuple[date, float]]) -> None:
        """Body weight over the range as a line, with the latest, lowest and highest."""
        chart = self._chart()
        unit = self.gym.settings.unit
        label, _ = RANGES[self.range_key]
        self.query_one("#chart-title", Static).update(
            f"[b]Body weight[/b] · {label} ([b]m[/b] 3 mo [b]y[/b] 1 yr [b]a[/b] all) · {unit}"
        )
        plot_body_weight(chart, weights, unit)
        records = self._records()
        if weights:
            latest = weights[-1]
            lowest = min(weights, key=lambda w: w[1])
            highest = max(weights, key=lambda w: w[1])
            for name, (day, kg) in (("Latest", latest), ("Lowest", lowest), ("Highest", highest)):
                records.add_row(
                    Text(name, style="bold"),
                    format_weight(kg, unit),
                    Text(day.isoformat(), style="dim"),
                )
            change = latest[1] - weights[0][1]
            records.add_row(
                Text("Change", style="bold"), f"{from_kg(change, unit):+.1f} {unit}", ""
            )
        chart.refresh()
        self._drawn("chart")

    def action_exercises(self) -> None:
        from gymtui.ui.dialogs.exercises import ExercisesDialog

        self.app.push_screen(ExercisesDialog())

    # -- targets ----------------------------------------------------------------------

    def action_targets(self) -> None:
        from gymtui.ui.dialogs.targets import TargetDialog

        def done(result: tuple[int, int] | None) -> None:
            if result is not None:  # the muscles tab redraws from the data_changed
                write(self.host, lambda: self.gym.update_settings(muscle_target=result))

        ask(self, TargetDialog(*self.gym.settings.muscle_target), done)
