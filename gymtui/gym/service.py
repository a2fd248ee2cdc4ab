"""Gym: the one service where a user's intent becomes store calls (no Textual here).

Screens ask Gym for views (TodayView, RestView) and tell it what the user did (log_set, ...);
its parts do the rest: `gym.history`, `gym.exercises`, `gym.corrections`, `gym.feedback`
(effort, pain). Each action is one transaction and returns what the screen redraws from.
"""

import contextlib
import copy
import json
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from gymtui.core.metrics import Beaten, beaten
from gymtui.core.models import Exercise, LoggedSet, Program, ProgramDay, SetInput, SetKind
from gymtui.core.prefill import next_plates_text
from gymtui.core.progression import Suggestion, suggest
from gymtui.core.rest import (
    ADJUST_STEP_S,
    Clock,
    RestLengths,
    RestTimer,
    RestView,
    SystemClock,
    rest_length,
    rest_view,
)
from gymtui.core.settings import Settings
from gymtui.core.supersets import next_up, superset_of
from gymtui.core.training import TodayView
from gymtui.core.values import format_done
from gymtui.errors import DatabaseFileError, ImportRunning
from gymtui.gym.coach import Coach, sync_program
from gymtui.gym.corrections import Corrections
from gymtui.gym.exercises import ExerciseCatalogue
from gymtui.gym.feedback import Feedback
from gymtui.gym.history import History
from gymtui.gym.holds import Holds
from gymtui.gym.plan_edits import TodayPlan
from gymtui.gym.program_file import ProgramFile, load_running
from gymtui.gym.recent import RecentSets
from gymtui.gym.supersets import Supersets
from gymtui.gym.today import CHOSEN_DAY, chosen_after, read_today
from gymtui.paths import Paths
from gymtui.store import StaleSession, StorageError, Store
from gymtui.store.base import DatabaseMoved

TIMER_KEY = "rest_timer"
# How long a window's write waits for another's (another window logs a set in milliseconds):
# it waits on the event loop, so never SQLite's usual seconds. A `gymtui import` holds the file
# longer; the window then says so (ImportRunning) at once.
WINDOW_BUSY_MS = 300


class Logged(NamedTuple):
    """What logging a set gives back: the set, the new Today, the rest that started."""

    set: LoggedSet
    exercise: Exercise
    today: TodayView
    rest: RestView
    records: tuple[Beaten, ...] = ()  # the records the set broke, for the toast
    back_in_plan: bool = False  # its exercise was skipped today: the set took the skip back


class Gym:
    """The training log: today's plan, logging, the rest timer and settings. Its parts hold
    the rest: `gym.exercises` (the catalogue), `gym.history` (History's reads) and
    `gym.corrections` (changes to what is logged, the body weight)."""

    def __init__(
        self,
        store: Store,
        program: Program,
        clock: Clock | None = None,
        paths: Paths | None = None,
        program_problem: str | None = None,
    ) -> None:
        self._store = store
        self.program = program
        self.clock: Clock = clock or SystemClock()
        self._recent = RecentSets(store, program, self.clock.now)
        self.exercises = ExerciseCatalogue(store, program, self._after_change)
        self.history = History(
            store, program, self.clock, self.exercises, lambda: self.settings, self._recent.depth
        )
        # the program file (gym.program_file): its problem, and the changes written for good
        self.program_file = ProgramFile(
            paths,
            lambda new: sync_program(store, new, self.clock.now()),
            self._use_program,
            lambda ex_id: self.exercises.by_id.get(ex_id),
            program_problem,
        )
        self.corrections = Corrections(store, self.clock, self._after_change, self._deleted)
        self.plan = TodayPlan(
            store,
            lambda: self.program,
            self.clock,
            self.today,
            self._after_change,
            self.program_file.swap,
            self.program_file.keep_day,
        )
        self.holds = Holds(self.clock)
        self.coach = Coach(store, self.clock, lambda: self.settings, self._after_change)
        stored = store.settings()
        self.settings = Settings.from_stored(stored)
        self.supersets = Supersets(store, self)
        self.feedback = Feedback(store, self)
        self.timer = self._timer_from(stored.get(TIMER_KEY))
        self._today: TodayView | None = None
        self._read_at = 0.0
        self._next_up = ""
        self._next_plates = ""
        self._version = store.data_version()

    @classmethod
    def open(cls, paths: Paths, clock: Clock | None = None) -> "Gym":
        """Open the program and the database at `paths` (writes only if the catalogue changed).
        A program file broken by hand leaves the last good program running, and says why."""
        program, program_problem = load_running(paths)
        store = Store.open(paths.database, busy_ms=WINDOW_BUSY_MS)
        try:
            store.check_writable()
            sync_program(store, program, (clock or SystemClock()).now())
        except ImportRunning as running:
            store.close()
            raise DatabaseFileError(
                running.saying("gymtui did not start; start it again")
            ) from None
        except StorageError as problem:
            store.close()
            raise DatabaseFileError(
                f"gymtui cannot write to {paths.database} ({problem}). Make the file writable "
                "(chmod u+w), or choose another folder with --data-dir DIR or GYMTUI_DATA_DIR."
            ) from None
        return cls(store, program, clock, paths, program_problem)

    def _use_program(self, program: Program) -> None:
        """A new program runs from now on (written by the editor, or edited by hand)."""
        self.program = program
        self._recent = RecentSets(self._store, program, self.clock.now)
        self.exercises.use_program(program)
        settings, depth = (lambda: self.settings), self._recent.depth
        self.history = History(self._store, program, self.clock, self.exercises, settings, depth)
        self.refresh()

    def close(self) -> None:
        """Close the file."""
        self._store.close()

    # -- today ----------------------------------------------------------------------

    def today(self, max_age_s: float | None = None) -> TodayView:
        """Today's plan with what is logged, as last read (re-read when older than max_age_s)."""
        if self._today is None:
            return self.refresh()
        if max_age_s is not None and self.clock.elapsed() - self._read_at > max_age_s:
            return self.refresh()
        return self._today

    def refresh(self) -> TodayView:
        """Close sessions left idle (a named write, only when there are any), then read today."""
        now = self.clock.now()
        if self._store.sessions.close_idle(now):
            self._recent.clear()
        self._today = read_today(
            self._store, self.program, self.exercises.by_id, self._recent, self.settings, now
        )
        self._read_at = self.clock.elapsed()
        self._next_up = next_up(self._today, self.settings.unit)  # with "(superset)" after a member
        self._next_plates = next_plates_text(self._today)
        self._end_rest_without_session(self._today)
        return self._today

    def _end_rest_without_session(self, view: TodayView) -> None:
        """A rest belongs to its session: when that session has ended (f, the idle limit, or
        another window), so has the rest."""
        timer = self.timer
        if timer.state == "idle" or timer.after_set_id is None:
            return
        if any(s.id == timer.after_set_id for s in view.session_sets):
            return
        ended = copy.copy(timer)
        ended.skip()
        with contextlib.suppress(StorageError):  # not the user's data; ended in memory anyway
            self._store.set_setting(TIMER_KEY, self._timer_text(ended))
        self.timer = ended

    def suggestion(self, exercise_id: str) -> tuple[Suggestion, list[LoggedSet]]:
        """An off-plan exercise's suggestion, and its sets last time."""
        view = self.today()
        recent = self._recent.judged(exercise_id, view.session.id if view.session else None)
        settings = self.settings
        made = suggest(
            self.exercises.get(exercise_id),
            self.program.plan_for(exercise_id),
            recent,
            settings.unit,
            settings.inventory(),
            self.clock.now(),
        )
        return made, recent[0] if recent else []

    def file_problem(self) -> str | None:
        """Something wrong with the file that the user must act on now (checked every second)."""
        if self._store.moved():  # first: the -wal beside a replaced file is not this one's
            return self._store.settle_moved()
        if self._store.wal_missing():
            return (
                f"{self._store.path.name}-wal was deleted while gymtui ran: the latest sets are "
                "only in this window's open file. Quit now (q): a clean quit writes them into "
                f"{self._store.path.name}."
            )
        return None

    def integrity_problem(self) -> str | None:
        """SQLite's full integrity check on a connection of its own (for a worker thread)."""
        reader = Store.open_reader(self._store.path)
        try:
            found = reader.integrity_problem()
        finally:
            reader.close()
        if found is None:
            return None
        return (
            f"{self._store.path.name} failed SQLite's integrity check ({found}). Keep a copy now: "
            "'gymtui backup', then see the README's section on damaged files."
        )

    def changed_elsewhere(self) -> bool:
        """True (once) when another window or process wrote to the file; everything is re-read."""
        version = self._store.data_version()
        if version == self._version:
            return False
        self._version = version
        self._recent.clear()
        self.exercises.reload()
        stored = self._store.settings()
        self.settings = Settings.from_stored(stored)
        self.timer = self._timer_from(stored.get(TIMER_KEY))
        self.refresh()
        return True

    # -- writes: each one transaction, on disk before it returns ---------------------

    # The last set this window logged: its stored time, and the steady clock then.
    _last_logged: tuple[datetime, float] | None = None

    def log_set(self, entry: SetInput) -> Logged:
        """Log a set into today's session (starting it if needed) and start the rest after it.
        The set, the PR flags, the rest taken, the new rest timer (and a skip it takes back) are
        one transaction. A session that another window ended meanwhile refuses the set
        (StaleSession) and today is re-read, so nothing is filed in the wrong place; one it just
        started takes the set; one idle past the limit is finished and the set starts a new
        one. A file replaced or deleted under the app refuses every write (DatabaseMoved)."""
        view = self.today()
        now, at = self.clock.now(), self.clock.elapsed()
        if self._last_logged is not None:
            # A wall clock set back since the last set: time still moved on by the steady
            # clock, so the rest taken is measured rather than 0 (the store keeps the order).
            wall, steady = self._last_logged
            now = max(now, wall + timedelta(seconds=at - steady))
        timer = copy.copy(self.timer)
        expected = view.session.id if view.session else None
        group = superset_of(view.rows, entry.exercise_id)
        # The first leg of a one-legged pair: the other leg follows, after the short rest.
        first_leg = (
            entry.side is not None
            and entry.kind != "warmup"
            and not any(
                r.exercise.id == entry.exercise_id and r.missing_side == entry.side
                for r in view.rows
            )
        )
        try:
            with self._store.transaction():
                back = entry.kind != "warmup" and self.plan.back_if_skipped(view, entry.exercise_id)
                before = self._store.sessions.bests(entry)
                logged = self._store.sessions.log_set(
                    entry, view.day, now, session=expected, superset=group and group.label
                )
                if first_leg:
                    self._start_rest_between_legs(timer, logged)
                else:
                    self._start_rest(timer, logged, view)
                self._store.set_setting(TIMER_KEY, self._timer_text(timer))
        except StaleSession:
            self.changed_elsewhere() or self.refresh()
            raise
        except DatabaseMoved:
            # The dialog is gone: the message keeps what was typed, to note down or log again.
            what = format_done(entry, self.settings.unit)
            raise DatabaseMoved(
                f"Not saved: {self.exercises.get(entry.exercise_id).name} {what}. "
                + self._store.settle_moved()
            ) from None
        self.timer = timer
        self._last_logged = (logged.logged_at, at)
        if logged.session_id != expected:  # a new session, or one another window started
            self._recent.clear()
        today = self.refresh()
        records = beaten(before, logged.weight_kg, logged.reps, logged.kind, logged.seconds)
        return Logged(
            logged, self.exercises.get(logged.exercise_id), today, self.rest_view(), records, back
        )

    def _start_rest(self, timer: RestTimer, logged: LoggedSet, before: TodayView) -> None:
        """The rest after a set; in a superset, the short one while its round goes on and
        the longest of its members' after the round (`before`: Today before the set)."""
        if not self.settings.rest_autostart:
            timer.skip()
            timer.after_set_id = logged.id
            return
        seconds = self.supersets.rest_after(logged, before, logged=False)
        timer.start(seconds, self.clock.elapsed(), after_set_id=logged.id)

    def _start_rest_between_legs(self, timer: RestTimer, logged: LoggedSet) -> None:
        seconds = self.settings.rest_between_legs_s
        if seconds and self.settings.rest_autostart:
            timer.start(seconds, self.clock.elapsed(), after_set_id=logged.id)
        else:
            timer.skip()  # no rest by default: straight to the other leg
            timer.after_set_id = logged.id

    def rest_for(self, exercise_id: str, kind: SetKind, day: ProgramDay) -> int:
        """The rest after a set: the user's lengths, then the program's, then the default."""
        exercise = self.exercises.get(exercise_id)
        planned = next((p for p in day.exercises if p.exercise_id == exercise_id), None)
        lengths = self.rest_lengths(exercise.id)
        return rest_length(
            exercise, planned, kind, lengths.exercise, lengths.warmup, lengths.default
        )

    def add_set(self, session_id: int, entry: SetInput) -> LoggedSet:
        """A set added from History: into today's session as if logged now (the rest starts),
        into a finished one right after its last set."""
        view = self.today()
        if view.session is not None and view.session.id == session_id:
            return self.log_set(entry).set
        added = self._store.sessions.add_set(session_id, entry)
        self._after_change()
        return added

    def _after_change(self) -> TodayView:
        """Forget what was read from past sessions and read Today again (after a correction,
        or a change to the exercises)."""
        self._recent.clear()
        return self.refresh()

    def _deleted(self, gone: LoggedSet) -> None:
        """A deleted set can be put back (z) for a few seconds."""
        name = self.exercises.get(gone.exercise_id).name
        what = "warm-up" if gone.kind == "warmup" else f"set {gone.set_number}"
        self.plan.offer_undo(f"Deleted {what} of {name}", gone)

    def finish_session(self, session_id: int) -> TodayView:
        """Finish the session now; the rest ends with it."""
        timer = copy.copy(self.timer)
        timer.skip()
        with self._store.transaction():
            self._store.sessions.finish(session_id, self.clock.now())
            self._store.set_setting(TIMER_KEY, self._timer_text(timer))
        self.timer = timer
        return self.refresh()

    def choose_day(self, key: str) -> ProgramDay:
        """Train another day than the rotation says, until the next session is logged."""
        after = chosen_after(self._store.sessions.last())
        self._store.set_setting(CHOSEN_DAY, f"{key}@{after}")
        return self.refresh().day

    def following_day(self) -> ProgramDay:
        """The day after today's in the program's order (what `switch day` moves to)."""
        days = self.program.days
        keys = [d.key for d in days]
        key = self.today().day.key
        return days[(keys.index(key) + 1) % len(days)] if key in keys else days[0]

    # -- settings -------------------------------------------------------------------

    def update_settings(self, **changes: Any) -> Settings:
        """Change settings and store them; the new Settings come back."""
        new = self.settings.changed(**changes)
        stored = new.to_stored()
        self._store.write_settings({k: stored[k] for k in changes})
        self.settings = new
        # Suggestions are loadable in the unit, on the plates, with the ramp: read them again.
        self.refresh()
        return new

    def rest_lengths(self, exercise_id: str | None) -> RestLengths:
        """The user's rest settings: for this exercise, for warm-ups, and the default."""
        own = self._store.exercises.rest(exercise_id) if exercise_id else None
        settings = self.settings
        return RestLengths(
            own,
            settings.rest_warmup_s,
            settings.rest_default_s,
            settings.rest_between_legs_s,
            settings.superset_rest_s,
        )

    def set_rest_lengths(self, exercise_id: str | None, lengths: RestLengths) -> Settings:
        """Store the user's rest settings in one transaction."""
        new = self.settings.changed(
            rest_warmup_s=lengths.warmup,
            rest_default_s=lengths.default,
            rest_between_legs_s=lengths.between_legs,
            superset_rest_s=lengths.superset,
        )
        stored = new.to_stored()
        keys = ("rest_warmup_s", "rest_default_s", "rest_between_legs_s", "superset_rest_s")
        with self._store.transaction():
            if exercise_id:
                self._store.exercises.set_rest(exercise_id, lengths.exercise)
            self._store.write_settings({k: stored[k] for k in keys})
        self.settings = new
        return new

    # -- the rest timer -------------------------------------------------------------

    def rest_view(self) -> RestView:
        """The rest as it stands now: one value for every place that shows it."""
        held = self.holds.view(self.timer.after_set_id)  # a hold shows in the rest's place
        return held or rest_view(self.timer, self.clock.elapsed(), self._next_up, self._next_plates)

    def poll_rest_alert(self) -> bool:
        """True exactly once per rest, when it is first seen to be over.

        A rest over for longer than OVER_LIMIT_S ends here, with no alert.
        """
        at = self.clock.elapsed()
        if self.holds.current is not None:
            return False  # the lifter is holding: the rest before it is behind them
        if self.timer.expire(at):
            with contextlib.suppress(StorageError):
                self._store.set_setting(TIMER_KEY, self._timer_text(self.timer))
            return False
        if not self.timer.poll_alert(at):
            return False
        # The alert is not the user's data: if the file refuses the flag, it still fires once.
        with contextlib.suppress(StorageError):
            self._store.set_setting(TIMER_KEY, self._timer_text(self.timer))
        return True

    def rest_toggle_pause(self) -> None:
        """Pause or resume the rest."""
        timer = copy.copy(self.timer)
        timer.toggle_pause(self.clock.elapsed())
        self._save_timer(timer)

    def rest_adjust(self, sign: int) -> None:
        """Add or take away 15 s."""
        timer = copy.copy(self.timer)
        timer.adjust(sign * ADJUST_STEP_S, self.clock.elapsed())
        self._save_timer(timer)

    def rest_start(self) -> bool:
        """Start a rest after the last set of today's session (when auto-start is off, or the
        rest was skipped); False when no set is logged yet."""
        view = self.today()
        if not view.session_sets:
            return False
        last = max(view.session_sets, key=lambda s: (s.logged_at, s.id))
        timer = copy.copy(self.timer)
        seconds = self.supersets.rest_after(last, view, logged=True)
        timer.start(seconds, self.clock.elapsed(), after_set_id=last.id)
        self._save_timer(timer)
        return True

    def rest_skip(self) -> None:
        """End the rest now."""
        timer = copy.copy(self.timer)
        timer.skip()
        self._save_timer(timer)

    def _save_timer(self, timer: RestTimer) -> None:
        self._store.set_setting(TIMER_KEY, self._timer_text(timer))
        self.timer = timer

    def _timer_text(self, timer: RestTimer) -> str:
        return json.dumps(timer.to_saved(self.clock.elapsed(), self.clock.now()))

    def _timer_from(self, raw: str | None) -> RestTimer:
        if not raw:
            return RestTimer()
        try:
            return RestTimer.from_saved(json.loads(raw), self.clock.elapsed(), self.clock.now())
        except (ValueError, KeyError, TypeError):
            return RestTimer()

    def find_set(self, set_id: int | None) -> LoggedSet | None:
        """A set by id (None when it is gone)."""
        return self._store.sessions.find_set(set_id) if set_id is not None else None
