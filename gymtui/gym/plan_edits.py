"""Today's changes to the plan, `gym.plan`: skip, swap, add or remove sets and exercises,
reorder, and undo (of those and of a deleted set) for a few seconds; no Textual.

The edits belong to today's session: before its first set, to the session about to start
(kept with the last session then, as a day chosen by hand is); once it starts, to it. They
are one settings row on file, so they survive a restart and a kill; a session finished ends
them. Each write is one transaction, and Today is read again after it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from gymtui.core.day_edits import DayEdit, EditedDay, apply_edits, edits_from_text, edits_to_text
from gymtui.core.models import Exercise, LoggedSet, PlannedExercise, Program, ProgramDay, Session
from gymtui.core.program import MAX_SETS
from gymtui.core.rest import Clock
from gymtui.core.training import TodayView
from gymtui.errors import Refused
from gymtui.gym.recent import SKIPPED
from gymtui.store import Store

EDITS = "today_edits"  # the setting: {"after": ..., "day": key, "edits": [...]}
UNDO_S = 10.0  # how long an undo is offered (the toast stays as long)


class Undo(NamedTuple):
    """What `z` can take back, until `until` on the steady clock."""

    text: str  # "Skipped Leg press", "Deleted set 2 of Back squat"
    until: float
    edit_index: int | None = None  # an edit to take back out of today's list
    deleted: LoggedSet | None = None  # a set to put back
    marked: tuple[LoggedSet, ...] = ()  # sets whose effort and pain marks to put back


def belongs_to(store: Store, session: Session | None) -> str:
    """Which session today's edits are for, named by the session before it (by id and start:
    SQLite gives a deleted last session's id to the next one)."""
    before = store.sessions.last(before=session.started_at) if session else store.sessions.last()
    return "" if before is None else f"{before.id} {before.started_at.isoformat()}"


def todays_edits(store: Store, session: Session | None, day: ProgramDay) -> list[DayEdit]:
    """The edits on file for today's session and day (none when they were another's)."""
    raw = store.setting(EDITS)
    if not raw:
        return []
    try:
        saved = json.loads(raw)
    except ValueError:
        return []
    if not isinstance(saved, dict):
        return []
    if saved.get("after") != belongs_to(store, session) or saved.get("day") != day.key:
        return []
    return edits_from_text(json.dumps(saved.get("edits", [])))


def edited_day(store: Store, session: Session | None, day: ProgramDay) -> EditedDay:
    """The day as it is today, with its edits applied."""
    return apply_edits(day, todays_edits(store, session, day))


class TodayPlan:
    """Gym's writes that change today's plan, and the undo offered after a skip or delete."""

    def __init__(
        self,
        store: Store,
        program: Callable[[], Program],  # the one running (a program file edit changes it)
        clock: Clock,
        today: Callable[[], TodayView],
        changed: Callable[[], TodayView],
        swap_in_program: Callable[[str, str, str], object],
        keep_in_program: Callable[
            [str, ProgramDay, Sequence[PlannedExercise], Mapping[str, str]], object
        ],
    ) -> None:
        self._store = store
        self._program = program
        self._clock = clock
        self._today = today
        self._changed = changed  # Today read again
        self._swap_in_program = swap_in_program  # gym.program_file.swap: program.toml written
        self._keep_in_program = keep_in_program  # gym.program_file.keep_day
        self.undo: Undo | None = None

    # -- reading ----------------------------------------------------------------------

    def _edits(self, view: TodayView) -> list[DayEdit]:
        program_day = self._program().day(view.day.key) or view.day
        return todays_edits(self._store, view.session, program_day)

    def _planned_ids(self, view: TodayView) -> list[str]:
        return [p.exercise_id for p in view.day.exercises]

    def _need(self, view: TodayView, exercise_id: str) -> None:
        if exercise_id not in self._planned_ids(view):
            raise Refused("That exercise is not in today's plan.")

    # -- writing ----------------------------------------------------------------------

    def _save(self, view: TodayView, edits: list[DayEdit]) -> None:
        """Today's edits on file, and the sessions where a skip came after sets: together."""
        saved = {
            "after": belongs_to(self._store, view.session),
            "day": view.day.key,
            "edits": json.loads(edits_to_text(edits)),
        }
        changes: dict[str, str | None] = {EDITS: json.dumps(saved)}
        skipped = self._mark_skipped(view, edits)
        if skipped is not None:
            changes[SKIPPED] = skipped
        self._store.write_settings(changes)

    def _add(self, edit: DayEdit, undo: str | None = None) -> TodayView:
        """Today's edits with one more, and the order the lifter now sees after it (which
        keeps that order when the program changes under it: core.day_edits.apply_edits)."""
        view = self._today()
        edits = [*self._edits(view), edit]
        if edit.kind in ("move", "add_exercise", "swap"):  # what places an exercise
            program_day = self._program().day(view.day.key) or view.day
            seen = apply_edits(program_day, edits).day.exercises
            edits[-1] = edit._replace(ids=tuple(p.exercise_id for p in seen))
        self._save(view, edits)
        if undo is not None:
            self.undo = Undo(undo, self._clock.elapsed() + UNDO_S, edit_index=len(edits) - 1)
        return self._changed()

    def skip(self, exercise: Exercise) -> bool:
        """Skip an exercise for today, or take a skip back; True when it is now skipped."""
        view = self._today()
        self._need(view, exercise.id)
        skipped = not any(r.skipped for r in view.rows if r.exercise.id == exercise.id)
        if skipped and not any(r.due for r in view.rows if r.exercise.id == exercise.id):
            raise Refused(f"{exercise.name} is done: nothing left to skip.")
        what = "Skipped" if skipped else "Back in the plan:"
        self._add(DayEdit("skip", exercise.id), undo=f"{what} {exercise.name}")
        return skipped

    def back_if_skipped(self, view: TodayView, exercise_id: str) -> bool:
        """A working set of an exercise skipped today takes the skip back (in the set's
        transaction): the lifter is doing it after all. True when it was skipped."""
        if not any(r.skipped for r in view.rows if r.exercise.id == exercise_id):
            return False
        self._save(view, [*self._edits(view), DayEdit("skip", exercise_id)])
        if self.undo is not None and self.undo.edit_index is not None:
            self.undo = None  # undoing the skip now would skip it again
        return True

    def _mark_skipped(self, view: TodayView, edits: list[DayEdit]) -> str | None:
        """The sessions where an exercise was skipped after some of its sets, with today's
        as the edits leave it (None: unchanged)."""
        session = view.session
        if session is None:
            return None
        try:
            entries = json.loads(self._store.setting(SKIPPED) or "[]")
        except ValueError:
            entries = []
        mine = [session.id, session.started_at.isoformat()]
        kept = [e for e in entries if isinstance(e, list) and e[:2] != mine]
        program_day = self._program().day(view.day.key) or view.day
        skipped = apply_edits(program_day, edits).skipped
        done = {s.exercise_id for s in view.session_sets if s.is_working}
        now = [[*mine, ex_id] for ex_id in sorted(skipped & done)]
        return None if kept + now == entries else json.dumps(kept + now)

    def swap(self, old: Exercise, new: Exercise, *, for_good: bool = False) -> TodayView:
        """Do `new` instead of `old` today, with its sets, reps and rule; `for_good`: in the
        program file too (written first: refused, nothing changes)."""
        view = self._today()
        self._need(view, old.id)
        if new.id in self._planned_ids(view):
            raise Refused(f"{new.name} is in today's plan already.")
        if old.timed != new.timed:  # a target in seconds is no target in reps, and back
            how = {True: "a hold, in seconds", False: "done in reps"}
            raise Refused(
                f"{new.name} is {how[new.timed]} and {old.name} {how[old.timed]}: take "
                f"{old.name} out (X) and add {new.name} (i) instead."
            )
        if any(s.exercise_id == old.id for s in view.session_sets):
            raise Refused(
                f"{old.name} has sets logged today: skip it (k) and add {new.name} (i) instead."
            )
        # its sets and target go with it: today keeps them if the program drops `old`
        was = next(p for p in view.day.exercises if p.exercise_id == old.id)
        swap = DayEdit(
            "swap",
            old.id,
            new.id,
            sets=was.sets,
            reps=was.reps,
            reps_top=was.reps_top,
            timed=was.timed,
        )
        if for_good:
            self._swap_in_program(view.day.key, old.id, new.id)
            # kept for today too: a first time's weight still comes from the replaced lift
            return self._add(swap)
        return self._add(swap, undo=f"Swapped {old.name} for {new.name}")

    def add_set(self, exercise: Exercise) -> TodayView:
        """One more planned set of an exercise, today (up to the program file's 20)."""
        view = self._today()
        self._need(view, exercise.id)
        planned = next(p for p in view.day.exercises if p.exercise_id == exercise.id)
        if planned.sets >= MAX_SETS:
            raise Refused(
                f"{exercise.name} has {MAX_SETS} sets planned today: the most a plan has."
            )
        return self._add(DayEdit("add_set", exercise.id))

    def remove_set(self, exercise: Exercise) -> TodayView:
        """One planned set fewer, today: only one not logged yet goes."""
        view = self._today()
        self._need(view, exercise.id)
        planned = [r for r in view.rows if r.exercise.id == exercise.id and r.slot is not None]
        if not any(r.logged is None for r in planned):
            raise Refused(f"Every planned set of {exercise.name} is logged: none to remove.")
        if len(planned) <= 1:
            raise Refused(f"The last set of {exercise.name}: skip it (k) or take it out (X).")
        return self._add(
            DayEdit("remove_set", exercise.id), undo=f"Removed a set of {exercise.name}"
        )

    def move(self, exercise: Exercise, by: int) -> TodayView:
        """Move an exercise up (-1) or down (+1) in today's order."""
        view = self._today()
        self._need(view, exercise.id)
        ids = self._planned_ids(view)
        at = ids.index(exercise.id)
        if not 0 <= at + by < len(ids):
            raise Refused(f"{exercise.name} is {'first' if by < 0 else 'last'} already.")
        return self._add(DayEdit("move", exercise.id, by=by))

    def add_exercise(self, exercise: Exercise, after: str | None) -> TodayView:
        """Put an exercise into today's plan, after `after` (else at the end): the sets and
        reps the program gives it on another day, else 3 x 10."""
        view = self._today()
        ids = self._planned_ids(view)
        if exercise.id in ids:
            raise Refused(f"{exercise.name} is in today's plan already.")
        plan = self._program().plan_for(exercise.id)
        # the program's sets and target for it elsewhere, else 3 x 10 (a hold: 3 x 30 s)
        default = (3, 30, None) if exercise.timed else (3, 10, None)
        sets, reps, top = (plan.sets, plan.reps, plan.reps_top) if plan else default
        at = ids.index(after) + 1 if after in ids else None
        timed = plan.timed if plan else exercise.timed
        return self._add(
            DayEdit(
                "add_exercise",
                exercise.id,
                sets=sets,
                reps=reps,
                reps_top=top,
                at=at,
                timed=timed,
            ),
            undo=f"Added {exercise.name}",
        )

    def remove_exercise(self, exercise: Exercise) -> TodayView:
        """Take an exercise out of today's plan (one with sets logged stays: skip it)."""
        view = self._today()
        self._need(view, exercise.id)
        if any(s.exercise_id == exercise.id for s in view.session_sets):
            raise Refused(f"{exercise.name} has sets logged today: skip it (k) instead.")
        return self._add(DayEdit("remove_exercise", exercise.id), undo=f"Removed {exercise.name}")

    def keep_for_good(self) -> TodayView:
        """Today's order, sets and exercises (added, removed, swapped in) into the program
        file for this day, in one write; a skip stays today's. Refused by the file: nothing
        changes, today's edits included."""
        view = self._today()
        program_day = self._program().day(view.day.key)
        if program_day is None:
            raise Refused(f"{view.day.name} is not a day of your program: nothing to keep.")
        edits = self._edits(view)
        edited = apply_edits(program_day, edits)
        planned_ids = {p.exercise_id for p in program_day.exercises}
        changes = [
            e
            for e in edits
            if e.kind != "skip" and not (e.kind == "swap" and e.exercise_id not in planned_ids)
        ]
        if not changes:
            raise Refused("Today's plan is your program's already: nothing to keep.")
        self._keep_in_program(view.day.key, program_day, edited.day.exercises, edited.swapped)
        # what the program now has is no longer today's change; a skip stays, and a swap
        # stays too (a first time's weight still comes from the lift it replaced)
        self._save(view, [e for e in edits if e.kind in ("skip", "swap")])
        self.undo = None
        return self._changed()

    # -- undo -------------------------------------------------------------------------

    def can_undo(self) -> bool:
        """Whether an undo is on offer now."""
        return self.undo is not None and self._clock.elapsed() <= self.undo.until

    def offer_undo(self, text: str, deleted: LoggedSet) -> None:
        """A deleted set can be put back for a few seconds."""
        self.undo = Undo(text, self._clock.elapsed() + UNDO_S, deleted=deleted)

    def offer_marks_undo(self, text: str, before: tuple[LoggedSet, ...]) -> None:
        """Sets' effort or pain marks, just written, can be put back for a few seconds."""
        self.undo = Undo(text, self._clock.elapsed() + UNDO_S, marked=before)

    def undo_last(self) -> str:
        """Take back the last skip, plan change or deleted set; what was undone."""
        undo = self.undo
        if undo is None or self._clock.elapsed() > undo.until:
            self.undo = None
            raise Refused("Nothing to undo: an undo is offered for 10 s after a change.")
        self.undo = None
        if undo.marked:
            with self._store.transaction():
                for marked in undo.marked:
                    self._store.sessions.mark_set(marked.id, "rpe", marked.rpe)
                    self._store.sessions.mark_set(marked.id, "pain", marked.pain)
            self._changed()
            return undo.text
        if undo.deleted is not None:
            self._store.sessions.restore_set(undo.deleted)
            self._changed()
            return undo.text
        view = self._today()
        edits = self._edits(view)
        index = undo.edit_index
        if index is None or index >= len(edits):
            raise Refused("Nothing to undo: today's plan changed since.")
        del edits[index]
        self._save(view, edits)
        self._changed()
        return undo.text
