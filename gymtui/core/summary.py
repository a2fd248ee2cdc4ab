"""A session's summary: how long, how much, the records, the rest, and what moves next time."""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from gymtui.core.metrics import known_duration
from gymtui.core.models import Exercise, LoggedSet, Program, ProgramDay, Session
from gymtui.core.pain import after_pain, pain_facts
from gymtui.core.plates import Inventory
from gymtui.core.progression import describe_last, suggest
from gymtui.core.strength import e1rm
from gymtui.core.values import (
    Unit,
    count,
    format_done,
    format_duration,
    format_set,
    format_weight,
)


class Summary(NamedTuple):
    """What the summary screen (after f) and History's session view show."""

    session: Session
    duration: timedelta | None
    working_sets: int
    volume_kg: float
    previous_volume_kg: float | None  # the last session of the same day, for comparison
    records: tuple[str, ...]  # "Back squat 105 kg x 6" (times sign)
    average_rest_s: float | None
    next_time: tuple[str, ...]  # "Back squat: all 4x6 met: +2.5 kg -> 105 kg next time"

    def lines(self, unit: Unit) -> list[str]:
        """The summary as lines of plain text."""
        took = session_length(self.duration) if self.duration is not None else "—"
        volume = format_weight(self.volume_kg, unit)
        if self.session.finished_at is None:  # a session still running is no match for one done
            volume += " so far"
        elif self.previous_volume_kg:
            change = (self.volume_kg - self.previous_volume_kg) / self.previous_volume_kg * 100
            volume += f" ({change:+.0f}% on the last {self.session.day_name})"
        rest = format_duration(self.average_rest_s) if self.average_rest_s is not None else "—"
        sets = count(self.working_sets, "working set")
        lines = [
            f"Duration {took}  ·  {sets}  ·  average rest {rest}",
            f"Volume {volume}",
            "Records: " + (", ".join(self.records) if self.records else "none this time"),
        ]
        if self.next_time:
            lines.append("Next time:")
            lines += [f"  {line}" for line in self.next_time]
        return lines


def session_length(took: timedelta) -> str:
    """`42 min`, `1 h 05 min`: a session's length to the minute."""
    minutes = max(0, int(took.total_seconds() // 60))
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def _volume(sets: Sequence[LoggedSet]) -> float:
    return sum(s.volume_kg for s in sets if s.is_working)


def planned_sets(sets: Sequence[LoggedSet]) -> int:
    """Working sets counted as planned sets: a left and a right set are one (half a pair
    still counts as one)."""
    halves: dict[str, int] = {}
    whole = 0
    for s in sets:
        if s.is_working:
            if s.side is None:
                whole += 1
            else:
                halves[s.exercise_id] = halves.get(s.exercise_id, 0) + 1
    return whole + sum((n + 1) // 2 for n in halves.values())


def summarise(
    session: Session,
    sets: Sequence[LoggedSet],
    exercises: dict[str, Exercise],
    day: ProgramDay | None,
    earlier: dict[str, list[list[LoggedSet]]],
    previous_sets: Sequence[LoggedSet] | None,
    unit: Unit = "kg",
    inventory: Inventory | None = None,
    now: datetime | None = None,
    program: Program | None = None,
    skipped: frozenset[str] = frozenset(),
    excused: str = "",
) -> Summary:
    """Summarise a session from its sets; `earlier` holds each exercise's sessions before it
    (newest first), for the records and the rule's next step; `previous_sets` the last session
    of the same day; `skipped` the exercises skipped after some sets (no miss: next time as
    if they were not trained); `excused`, why the whole session judges no progression ("deload
    week", "a poor day": no miss either, next time is as if it was not trained)."""
    ordered = sorted(sets, key=lambda s: (s.logged_at, s.id))
    working = [s for s in ordered if s.is_working]
    duration = None
    if ordered:
        end = session.finished_at or now or ordered[-1].logged_at
        took = max(end, ordered[-1].logged_at) - min(session.started_at, ordered[0].logged_at)
        duration = known_duration(session, took)
    rests = [s.rest_taken_s for s in working if s.rest_taken_s is not None]
    planned = {p.exercise_id: p for p in day.exercises} if day else {}
    records: list[str] = []
    next_time: list[str] = []
    for ex_id in dict.fromkeys(s.exercise_id for s in working):
        exercise = exercises.get(ex_id) or Exercise(ex_id, ex_id, custom=True)
        mine = [s for s in ordered if s.exercise_id == ex_id]
        before = earlier.get(ex_id, [])
        beaten = [s for s in mine if s.pr and s.is_working]  # the file's flag: it beat something
        if beaten:  # one line an exercise: its best record of the session
            best = max(
                beaten, key=lambda s: (s.seconds or 0, e1rm(s.weight_kg, s.reps), s.weight_kg)
            )
            records.append(f"{exercise.name} {format_done(best, unit)}")
        plan = planned.get(ex_id) or (program.plan_for(ex_id) if program else None)
        if plan is None:  # no target to have met or missed: what was done, to match or beat
            if any(s.is_working for s in mine):
                holds = [f"{s.seconds}" for s in mine if s.is_working and s.is_hold]
                done = f"{', '.join(holds)} s" if holds else describe_last(mine, unit)
                next_time.append(f"{exercise.name}: not in your program, so no target ({done})")
            continue
        if excused and not before:  # a first time in a deload week or on a poor day
            had = planned_sets([s for s in mine if s.is_working])
            judged = plan._replace(sets=max(1, min(plan.sets, had)))  # a deload's sets
            made = suggest(exercise, judged, [mine], unit, inventory)
            if made.weight_kg is not None:
                weight = format_weight(made.weight_kg, unit) if made.weight_kg else "body weight"
                why = made.reason.replace(" last time", "")
                next_time.append(f"{exercise.name}: a first time ({excused}): {why} -> {weight}")
            continue
        if ex_id in skipped or excused:
            made = suggest(exercise, plan, before, unit, inventory)
            # pain noted today still counts (Today backs off after it, deload week or not)
            pain = pain_facts([mine, *before], exercises)
            made = after_pain(made, pain, exercise, unit, inventory)
            if made.weight_kg is not None and pain.last is not None:
                weight = format_weight(made.weight_kg, unit) if made.weight_kg else "body weight"
                why = excused or "skipped"
                next_time.append(f"{exercise.name}: {why}, no miss; {made.reason} -> {weight}")
            elif made.weight_kg is not None:
                weight = format_weight(made.weight_kg, unit) if made.weight_kg else "body weight"
                why, when = (
                    excused or "skipped",
                    "after it" if excused == "deload week" else "next time",
                )
                next_time.append(f"{exercise.name}: {why}, no miss -> {weight} {when}")
            else:  # nothing before today, and today's sets before the skip set no weight
                next_time.append(f"{exercise.name}: skipped, no miss -> a first time again")
            continue
        made = suggest(exercise, plan, [mine, *before], unit, inventory)
        pain = pain_facts([mine, *before], exercises)  # as Today will say it next time
        made = after_pain(made, pain, exercise, unit, inventory)
        if plan.timed and made.reps is not None:  # a hold: its seconds next time
            why = made.reason.replace(" last time", "")
            aim = format_set(made.weight_kg or 0.0, 1, unit, seconds=made.reps)
            next_time.append(f"{exercise.name}: {why} -> {aim} next time")
        elif made.weight_kg is not None:
            why = made.reason.replace(" last time", "")
            weight = format_weight(made.weight_kg, unit) if made.weight_kg else "body weight"
            next_time.append(f"{exercise.name}: {why} -> {weight} next time")
    previous = _volume(previous_sets) if previous_sets else None
    return Summary(
        session,
        duration,
        planned_sets(working),
        _volume(working),
        previous,
        tuple(records),
        sum(rests) / len(rests) if rests else None,
        tuple(next_time),
    )
