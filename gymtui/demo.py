"""Realistic training history for demos, screenshots and benchmarks, written through the store."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from gymtui.core.models import Program, SetInput
from gymtui.core.plates import default_inventory
from gymtui.core.program import load_program
from gymtui.core.progression import aim_reps, suggest
from gymtui.core.training import next_day, ramp, week_start
from gymtui.paths import Paths
from gymtui.store import Store

# Where a lifter of a year's training might start, in kg.
START_KG = {
    "back_squat": 80.0,
    "deadlift": 100.0,
    "bulgarian_split_squat": 12.0,
    "hamstring_curl": 30.0,
    "standing_calf_raise": 60.0,
    "front_squat": 60.0,
    "romanian_deadlift": 70.0,
    "walking_lunge": 10.0,
    "leg_press": 120.0,
    "seated_calf_raise": 40.0,
}
CEILING = 1.4  # past this multiple of the starting weight, reps get harder to make
PLATES = default_inventory("kg")
WARMUP_FOR = {"back_squat", "deadlift", "front_squat", "romanian_deadlift"}


def build_history(store: Store, program: Program, end: datetime, weeks: int, seed: int = 7) -> int:
    """Log `weeks` of two-a-week leg sessions ending before `end`; returns the sets written."""
    rng = random.Random(seed)
    weight = dict(START_KG)
    written = 0
    day_key: str | None = None
    for week in range(weeks + 1):
        monday = week_start(end, weeks - week)
        sessions = 2 if rng.random() > 0.12 else 1
        offsets = [0, rng.choice([2, 3])][:sessions]
        for offset in offsets:
            day = next_day(program, day_key)
            day_key = day.key
            when = monday + timedelta(days=offset, hours=rng.choice([7, 12, 18]))
            if when >= end:
                break
            with store.transaction():
                written += _session(store, program, day.key, when, weight, rng)
    return written


def _session(
    store: Store,
    program: Program,
    day_key: str,
    when: datetime,
    weight: dict[str, float],
    rng: random.Random,
) -> int:
    day = program.day(day_key)
    assert day is not None
    clock = when
    written = 0
    for planned in day.exercises:
        exercise = program.exercises[planned.exercise_id]
        recent = store.sessions.recent_sets_for(
            exercise.id, sessions=planned.progression.deload_after
        )
        last = [s for s in recent[0] if s.is_working] if recent else []
        start_kg = weight.get(exercise.id, 20.0)
        # exactly what the app suggests: the history follows the app's own progression rule
        kg = suggest(exercise, planned, recent, "kg", PLATES).weight_kg or start_kg
        tired = max(0.0, kg / start_kg - CEILING)  # nearer a lifter's ceiling, more misses:
        # the rule then repeats the weight more often, and the lifter plateaus by itself
        if exercise.id in WARMUP_FOR:  # the app's own ramp, on a standard bar and plates
            for ramp_kg, reps, _ in ramp(kg, program.warmup.steps, exercise, "kg", PLATES):
                store.sessions.log_set(SetInput(exercise.id, ramp_kg, reps, "warmup"), day, clock)
                clock += timedelta(seconds=90)
                written += 1
        for n in range(planned.sets):
            # most sets hit the aim; a tired day misses a rep or two
            before = last[n] if n < len(last) else None
            aim = aim_reps(planned, before, before is None or before.weight_kg != kg)
            reps = aim - (rng.random() < 0.05 + tired) - (rng.random() < 0.02 + tired)
            store.sessions.log_set(SetInput(exercise.id, kg, max(1, reps)), day, clock)
            clock += timedelta(seconds=exercise.rest_s + rng.randint(-20, 40))
            written += 1
    session = store.sessions.current()
    if session is not None:
        store.sessions.finish(session.id, clock)
    return written


def make_demo(paths: Paths, now: datetime, weeks: int = 52) -> int:
    """Fill a fresh data folder with `weeks` of history ending two days before `now`."""
    program = load_program()  # the built-in program: a demo never reads the user's file
    store = Store.open(paths.database)
    try:
        store.exercises.sync(program.exercises.values())
        return build_history(store, program, now - timedelta(days=2, hours=3), weeks)
    finally:
        store.close()
