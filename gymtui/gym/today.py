"""Today's view read from the file: which day it is, its plan with what is logged, recovery
and the week's leg days (no Textual). Gym keeps the view and reads it again after a change."""

from __future__ import annotations

import json
from datetime import datetime

from gymtui.core.metrics import leg_days, sets_per_muscle
from gymtui.core.models import Exercise, Program, ProgramDay, Session
from gymtui.core.next_set import last_logged, next_row_index
from gymtui.core.pain import pain_facts
from gymtui.core.settings import Settings
from gymtui.core.supersets import Labels, with_labels
from gymtui.core.training import (
    Plan,
    TodayView,
    build_plan,
    day_of,
    next_day,
    recovery,
    week_start,
    weekly_text,
)
from gymtui.gym.coach import block_week, readiness_of
from gymtui.gym.plan_edits import edited_day
from gymtui.gym.recent import RecentSets
from gymtui.store import Store

CHOSEN_DAY = "chosen_day"  # the setting: "day key@id of the last session" when it was chosen
# The setting: today's superset labels (the palette's "Superset"), kept with the day and the
# session before today's, so they last through today's session and end with it.
TODAY_SUPERSETS = "today_supersets"


def chosen_after(last: Session | None) -> str:
    """What a day chosen by hand is kept with: the last session then, by id and start. A
    session logged since ends the choice; the id alone came back (SQLite gives a deleted
    last session's id to the next one) and revived a choice after a delete."""
    return "" if last is None else f"{last.id} {last.started_at.isoformat()}"


def _before_today(store: Store, session: Session | None) -> str:
    """The session before today's (the open one, else the next to start), as chosen_after."""
    return chosen_after(
        store.sessions.last(before=session.started_at) if session else store.sessions.last()
    )


def todays_labels(store: Store, day: ProgramDay, session: Session | None) -> dict[str, str | None]:
    """Today's superset labels for `day` (empty when none were set today)."""
    raw = store.setting(TODAY_SUPERSETS)
    try:
        saved = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    if not isinstance(saved, dict) or saved.get("day") != day.key:
        return {}
    if saved.get("after") != _before_today(store, session):
        return {}
    labels = saved.get("labels")
    if not isinstance(labels, dict):
        return {}
    return {str(k): v if isinstance(v, str) and v else None for k, v in labels.items()}


def save_labels(store: Store, day: ProgramDay, session: Session | None, labels: Labels) -> None:
    """Keep today's superset labels (for today's session, or the next to start)."""
    saved = {"day": day.key, "after": _before_today(store, session), "labels": dict(labels)}
    store.set_setting(TODAY_SUPERSETS, json.dumps(saved))


def planned_day(store: Store, program: Program, session: Session | None) -> ProgramDay:
    """The open session's day, else the user's choice, else the day after the last trained."""
    if session is not None:
        day = program.day(session.day_key)
        return day or ProgramDay(
            key=session.day_key or "", name=session.day_name, focus="", exercises=()
        )
    chosen = store.setting(CHOSEN_DAY)
    if chosen:
        key, _, after = chosen.partition("@")
        day = program.day(key)
        if day is not None and after == chosen_after(store.sessions.last()):
            return day
    # the rotation follows leg days only: an upper-body day in between changes nothing
    legs = store.history.last_leg_day()
    if legs is None:
        return next_day(program, None)
    trained = program.day(legs.session.day_key) or day_of(program, legs.exercise_ids)
    return next_day(program, trained.key if trained else None)


def read_today(
    store: Store,
    program: Program,
    exercises: dict[str, Exercise],
    recent: RecentSets,
    settings: Settings,
    now: datetime,
) -> TodayView:
    """Today as on file: the day's plan with what is logged, the suggestions, recovery and
    the week's leg days (earlier sessions' sets through `recent`, which keeps them)."""
    session = store.sessions.current()
    edited = edited_day(store, session, planned_day(store, program, session))
    day = edited.day  # as it is today: skipped, swapped, reordered, sets added or removed
    day = with_labels(day, todays_labels(store, day, session))  # and today's supersets
    session_sets = store.sessions.sets(session.id) if session else []
    ids = [p.exercise_id for p in day.exercises] + [s.exercise_id for s in session_sets]
    ids += list(edited.swapped.values())  # a first time swapped in starts from these
    before = session.id if session else None
    earlier = {ex_id: recent.sets(ex_id, before) for ex_id in dict.fromkeys(ids)}
    plan = Plan(
        settings.unit,
        settings.inventory(),
        program.warmup,
        settings.warmup_ramp,
        now,
        program,
        edited.skipped,
        edited.swapped,
        {ex_id: pain_facts(sets, exercises) for ex_id, sets in earlier.items()},
        block=block_week(store, program, now),
        excused=recent.excused(),
        readiness=readiness_of(store, session, _before_today(store, session), now)
        if settings.readiness_check  # switched off: today's answers trim nothing more
        else None,
    )
    rows, suggestions = build_plan(day, exercises, session_sets, earlier, plan)
    legs = store.history.last_leg_day(before=session.started_at if session else None)
    previous = legs.last_set if legs else None
    week = (week_start(now), week_start(now, back=-1))  # this calendar week, as History's
    done = len(leg_days(store.history.leg_day_starts(*week)))
    muscles = sets_per_muscle(store.history.working_sets_by_exercise(*week), exercises)
    return TodayView(
        day=day,
        session=session,
        rows=rows,
        session_sets=session_sets,
        recent=earlier,
        recovery=recovery(
            previous,
            now if session is None else session.started_at,
            # sessions before this one, none of them a leg day (this one is not yet one)
            trained=previous is None
            and store.sessions.last(before=session.started_at if session else None) is not None,
        ),
        weekly=weekly_text(done, program.goal_per_week),
        next_index=next_row_index(rows, last_logged(session_sets)),
        unit=settings.unit,
        suggestions=suggestions,
        inventory=plan.inventory,
        block=plan.block,
        readiness=plan.readiness,
        muscles=muscles,
    )
