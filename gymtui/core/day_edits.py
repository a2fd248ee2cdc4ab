"""Today's changes to the plan (skip, swap, sets added or removed, the order, exercises added
or removed), kept as a list of edits and applied to the program's day: Today, Rest and the
summary all read the day as it is today from here. Pure: no file, no screen."""

import json
from collections.abc import Sequence
from typing import Literal, NamedTuple

from gymtui.core.models import PlannedExercise, ProgramDay

EditKind = Literal[
    "skip",  # toggles: skipping a skipped exercise takes the skip back
    "swap",  # exercise_id -> other, keeping the sets, reps and rule
    "add_set",
    "remove_set",
    "move",  # by `by` places (-1 up, +1 down)
    "add_exercise",  # `sets` x `reps` (to `reps_top`), at index `at` (None: the end)
    "remove_exercise",
]
EDIT_KINDS: tuple[EditKind, ...] = (
    "skip",
    "swap",
    "add_set",
    "remove_set",
    "move",
    "add_exercise",
    "remove_exercise",
)


class DayEdit(NamedTuple):
    """One change to today's plan."""

    kind: EditKind
    exercise_id: str
    other: str | None = None  # a swap's new exercise
    by: int = 0  # a move's places
    sets: int = 0  # an added exercise's sets, reps and place
    reps: int = 0
    reps_top: int | None = None
    at: int | None = None
    timed: bool = False  # an added hold: its reps are seconds
    # the order the lifter saw after a move, an exercise added or a swap (apply_edits)
    ids: tuple[str, ...] = ()


class EditedDay(NamedTuple):
    """The day as it is today: its exercises in today's order, the ones skipped, and what
    each swapped exercise replaced (new id -> the program's)."""

    day: ProgramDay
    skipped: frozenset[str] = frozenset()
    swapped: dict[str, str] = {}


def in_order(planned: Sequence[PlannedExercise], ids: Sequence[str]) -> list[PlannedExercise]:
    """`planned` in the order `ids` gives; one it does not list (the program's new exercise)
    comes right after the exercise before it in `planned`."""
    rank = {ex_id: n for n, ex_id in enumerate(ids)}
    out = sorted((p for p in planned if p.exercise_id in rank), key=lambda p: rank[p.exercise_id])
    for n, entry in enumerate(planned):
        if entry.exercise_id in rank:
            continue
        before = planned[n - 1].exercise_id if n else None
        out.insert(next((k + 1 for k, q in enumerate(out) if q.exercise_id == before), 0), entry)
    return out


def apply_edits(day: ProgramDay, edits: Sequence[DayEdit]) -> EditedDay:
    """The day with today's edits applied in order; an edit that no longer fits (its
    exercise gone from the day) changes nothing. The steps alone would give another order
    over a day the program changed in mid-session (a move is one place up or down), so an
    edit that places an exercise keeps the order the lifter then saw (`ids`), which wins;
    and a swap carries its sets and reps, so it stays when the program drops the lift."""
    planned = list(day.exercises)
    skipped: set[str] = set()
    swapped: dict[str, str] = {}
    for edit in edits:
        _step(planned, skipped, swapped, edit)
        if edit.ids:
            planned[:] = in_order(planned, edit.ids)
    return EditedDay(day._replace(exercises=tuple(planned)), frozenset(skipped), swapped)


def _step(
    planned: list[PlannedExercise], skipped: set[str], swapped: dict[str, str], edit: DayEdit
) -> None:
    """One edit applied to the day's exercises, the skips and the swaps."""

    def find(exercise_id: str) -> int | None:
        return next((i for i, p in enumerate(planned) if p.exercise_id == exercise_id), None)

    at = find(edit.exercise_id)
    if edit.kind == "add_exercise":
        if at is None and edit.sets > 0:
            new = PlannedExercise(
                edit.exercise_id,
                edit.sets,
                max(1, edit.reps),
                reps_top=edit.reps_top,
                timed=edit.timed,
            )
            where = len(planned) if edit.at is None else max(0, min(edit.at, len(planned)))
            planned.insert(where, new)
        return
    if at is None:
        if edit.kind == "swap" and edit.other and find(edit.other) is not None:
            # swapped for good: the program has it in place already; today's weight can
            # still come from the lift it replaced
            swapped.setdefault(edit.other, edit.exercise_id)
        elif edit.kind == "swap" and edit.other and edit.sets > 0:
            # the program no longer has the lift it replaced: today keeps its sets
            planned.append(
                PlannedExercise(
                    edit.other,
                    edit.sets,
                    max(1, edit.reps),
                    reps_top=edit.reps_top,
                    timed=edit.timed,
                )
            )
            swapped.setdefault(edit.other, edit.exercise_id)
        return
    entry = planned[at]
    if edit.kind == "skip":
        skipped.symmetric_difference_update({edit.exercise_id})
    elif edit.kind == "swap" and edit.other and find(edit.other) is None:
        planned[at] = entry._replace(exercise_id=edit.other)
        swapped[edit.other] = swapped.pop(edit.exercise_id, edit.exercise_id)
        if edit.exercise_id in skipped:
            skipped.discard(edit.exercise_id)
    elif edit.kind == "add_set":
        planned[at] = entry._replace(sets=entry.sets + 1)
    elif edit.kind == "remove_set":
        planned[at] = entry._replace(sets=max(0, entry.sets - 1))
    elif edit.kind == "move":
        to = max(0, min(at + edit.by, len(planned) - 1))
        planned.insert(to, planned.pop(at))
    elif edit.kind == "remove_exercise":
        planned.pop(at)
        skipped.discard(edit.exercise_id)
        swapped.pop(edit.exercise_id, None)


def edits_to_text(edits: Sequence[DayEdit]) -> str:
    """The edits as JSON, for the file."""
    defaults = DayEdit._field_defaults
    return json.dumps(
        [
            {k: v for k, v in e._asdict().items() if k not in defaults or v != defaults[k]}
            for e in edits
        ]
    )


def edits_from_text(text: str) -> list[DayEdit]:
    """Edits read back from the file; anything unreadable is left out (never stops a start)."""
    try:
        raw = json.loads(text)
    except ValueError:
        return []
    edits: list[DayEdit] = []
    for item in raw if isinstance(raw, list) else []:
        try:
            edit = DayEdit(**item)
        except TypeError:
            continue
        if not isinstance(edit.ids, list | tuple):
            continue
        if edit.kind in EDIT_KINDS and isinstance(edit.exercise_id, str):
            edits.append(edit._replace(ids=tuple(str(i) for i in edit.ids)))
    return edits


def judged_by(
    planned: PlannedExercise, in_program: PlannedExercise | None, sets_last_time: int
) -> PlannedExercise:
    """What last time is judged against (every planned set met?): the program's sets, not
    today's: a set added today (or a day edited to plan more) makes no miss of last time. An
    exercise the program does not plan on this day (swapped or added in today) is judged by
    the sets it had last time, up to today's."""
    if in_program is not None:
        return planned._replace(sets=min(planned.sets, in_program.sets))
    return planned._replace(sets=max(1, min(planned.sets, sets_last_time)))
