"""History's reads, `gym.history`: sessions, a session's summary, weeks, muscles and
progress (no Textual).

The overview and progress readers open a connection of their own, so History's workers can
call them from a thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from gymtui.core.metrics import (
    Overview,
    Progress,
    SessionSummary,
    sets_per_muscle,
    streak,
    weeks,
)
from gymtui.core.models import LoggedSet, Program, ProgramDay, Session
from gymtui.core.rest import Clock
from gymtui.core.settings import Settings
from gymtui.core.training import week_start
from gymtui.gym.coach import block_labels, excused_sessions
from gymtui.gym.plan_edits import edited_day
from gymtui.gym.recent import skipped_in
from gymtui.store import Store

if TYPE_CHECKING:
    from gymtui.core.summary import Summary
    from gymtui.gym.exercises import ExerciseCatalogue

PAGE = 50  # sessions read at a time: one page costs a few ms even with 150k sets
MUSCLE_WEEKS = 6
RANGES = {"3m": ("3 months", 91), "1y": ("1 year", 365), "all": ("all time", None)}


class History:
    """Gym's reads for the History screen."""

    def __init__(
        self,
        store: Store,
        program: Program,
        clock: Clock,
        exercises: ExerciseCatalogue,
        settings: Callable[[], Settings],
        depth: int,
    ) -> None:
        self._store = store
        self._program = program
        self._clock = clock
        self._exercises = exercises
        self._settings = settings  # the settings as they are now (they change while it runs)
        self._depth = depth  # earlier sessions read per exercise for a summary's suggestions

    def sessions_page(self, offset: int = 0, limit: int | None = PAGE) -> list[SessionSummary]:
        """A page of sessions, newest first (`limit` None: all the rest)."""
        return self._store.history.session_summaries(-1 if limit is None else limit, offset=offset)

    def session_count(self) -> int:
        """How many sessions there are."""
        return self._store.history.session_count()

    def session_detail(self, session_id: int) -> tuple[Session, list[LoggedSet]] | None:
        """A session and every set in it, in order."""
        session = self._store.sessions.find(session_id)
        if session is None:
            return None
        return session, self._store.sessions.sets(session_id)

    def summary(self, session_id: int) -> Summary | None:
        """A session's summary: duration, sets, volume against the last session of the same
        day, records, rest, and what each exercise's rule says for next time."""
        from gymtui.core.summary import summarise  # not needed for the first frame

        found = self.session_detail(session_id)
        if found is None:
            return None
        session, sets = found
        store = self._store
        first = min((s.logged_at for s in sets), default=session.started_at)
        skips = skipped_in(store)  # sets before a skip count for no progression
        excused = excused_sessions(store, self._program, self._clock.now())  # a deload's too
        earlier = {
            ex_id: store.sessions.recent_sets_for(
                ex_id,
                session_id,
                self._depth,
                until=first,
                leave_out=skips.get(ex_id, []) + list(excused),
            )
            for ex_id in dict.fromkeys(s.exercise_id for s in sets)
        }
        previous = (
            store.sessions.previous_of_day(session.day_key, session.started_at)
            if session.day_key
            else None
        )
        settings = self._settings()
        return summarise(
            session,
            sets,
            self._exercises.by_id,
            self._day_of(session),
            earlier,
            store.sessions.sets(previous.id) if previous else None,
            settings.unit,
            settings.inventory(),
            self._clock.now(),
            self._program,
            frozenset(ex_id for ex_id, ids in skips.items() if session_id in ids),
            excused.get(session_id, ""),
        )

    def _day_of(self, session: Session) -> ProgramDay | None:
        """The session's day as it was trained: with its edits while they are on file (a
        swapped-in exercise keeps the sets, reps and rule it stood in for)."""
        day = self._program.day(session.day_key)
        return edited_day(self._store, session, day).day if day is not None else None

    def exercises_with_sets(self) -> list[str]:
        """Exercises that have sets: the program's in its order, then the rest by id."""
        used = set(self._store.history.exercises_with_sets())
        planned = [p.exercise_id for d in self._program.days for p in d.exercises]
        return [e for e in dict.fromkeys(planned) if e in used] + sorted(used - set(planned))

    def _reader(self) -> Store:
        return Store.open_reader(self._store.path)

    def overview(self) -> Overview:
        """Weeks and muscles, read on a connection of its own (safe from a worker thread)."""
        now = self._clock.now()
        reader = self._reader()
        try:
            starts = reader.history.leg_day_starts()  # all: the Weeks tab runs back to the first
            run = streak(starts, self._program.goal_per_week, now)
            last_7 = sets_per_muscle(
                reader.history.working_sets_by_exercise(now - timedelta(days=7), now),
                self._exercises.by_id,
            )
            # Nothing in the last weeks (a history imported from long ago): the weeks up to
            # the last leg day, so the tab shows training rather than six columns of zeros.
            quiet = bool(starts) and now - starts[-1] > timedelta(weeks=MUSCLE_WEEKS)
            until = starts[-1] if quiet else now
            rows = weeks(starts, self._program.goal_per_week, now)
            blocks = block_labels(reader, self._program, [r.start for r in rows], now)
            per_week = [
                sets_per_muscle(
                    reader.history.working_sets_by_exercise(
                        week_start(until, back), week_start(until, back - 1)
                    ),
                    self._exercises.by_id,
                )
                for back in range(MUSCLE_WEEKS - 1, -1, -1)
            ]
        finally:
            reader.close()
        return Overview(
            starts,
            rows,
            run,
            last_7,
            per_week,
            until if quiet else None,
            {w: b.short() for w, b in blocks.items()} or None,
        )

    def progress(self, exercise_id: str, range_key: str) -> Progress:
        """One exercise's chart points and records (a connection of its own, for a worker)."""
        days = RANGES[range_key][1]
        since = self._clock.now() - timedelta(days=days) if days else None
        reader = self._reader()
        try:
            known = self._exercises.by_id.get(exercise_id)
            body_weight = known is not None and known.body_weight_load
            return Progress(
                exercise_id,
                reader.history.progress(exercise_id, since, body_weight=body_weight),
                reader.history.records(exercise_id, body_weight=body_weight),
            )
        finally:
            reader.close()
