"""Assembling today's session from the store and the training model (no UI here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from gymtui.models import Exercise, LoggedSet, Program, ProgramDay, Session
from gymtui.store import Store
from gymtui.training import (
    PlanRow,
    Recovery,
    build_plan,
    next_day,
    next_row_index,
    recovery,
    week_start,
    weekly_text,
)

CHOSEN_DAY = "chosen_day"


@dataclass(frozen=True)
class TodayView:
    """Everything the Today screen shows, read from the file in one go."""

    day: ProgramDay
    session: Session | None
    rows: list[PlanRow]
    session_sets: list[LoggedSet]
    last_sets: dict[str, list[LoggedSet]]
    recovery: Recovery
    weekly: str
    next_index: int | None


def all_exercises(store: Store, program: Program) -> dict[str, Exercise]:
    """The user's own exercises from the file plus the program's catalogue (with cues)."""
    return {**store.exercises(), **program.exercises}


def planned_day(store: Store, program: Program, session: Session | None) -> ProgramDay:
    """The open session's day, else the user's choice, else the day after the last trained."""
    if session is not None:
        day = program.day(session.day_key)
        return day or ProgramDay(
            key=session.day_key or "", name=session.day_name, focus="", exercises=()
        )
    last = store.last_session()
    chosen = store.setting(CHOSEN_DAY)
    if chosen:
        key, _, after = chosen.partition("@")
        day = program.day(key)
        if day is not None and after == str(last.id if last else ""):
            return day
    return next_day(program, last.day_key if last else None)


def choose_day(store: Store, program: Program, key: str) -> None:
    """Train another day than the rotation says, until the next session is logged."""
    last = store.last_session()
    store.set_setting(CHOSEN_DAY, f"{key}@{last.id if last else ''}")


def load_today(
    store: Store, program: Program, exercises: dict[str, Exercise], now: datetime
) -> TodayView:
    """Read the file and lay today's sets over the plan."""
    session = store.open_session(now)
    day = planned_day(store, program, session)
    session_sets = store.sets_in_session(session.id) if session else []
    ids = [p.exercise_id for p in day.exercises] + [s.exercise_id for s in session_sets]
    before = session.id if session else None
    last_sets = {
        ex_id: store.last_sets_for(ex_id, before_session=before) for ex_id in dict.fromkeys(ids)
    }
    rows = build_plan(day, exercises, session_sets, last_sets)
    previous = store.last_trained_at(before=session.started_at if session else None)
    start = week_start(now)
    done = len(store.sessions_between(start, start + timedelta(days=7)))
    return TodayView(
        day=day,
        session=session,
        rows=rows,
        session_sets=session_sets,
        last_sets=last_sets,
        recovery=recovery(previous, now if session is None else session.started_at),
        weekly=weekly_text(done, program.goal_per_week),
        next_index=next_row_index(rows),
    )
