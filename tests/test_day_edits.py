"""Today's edits to the plan, and a swap's stand-ins and first weight: pure rules."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.day_edits import (
    EDIT_KINDS,
    DayEdit,
    apply_edits,
    edits_from_text,
    edits_to_text,
)
from gymtui.core.models import LoggedSet, PlannedExercise
from gymtui.core.program import load_program
from gymtui.core.progression import recent_best_e1rm
from gymtui.core.strength import weight_for
from gymtui.core.swap import first_time, movement, stand_ins, swap_ratio

PROGRAM = load_program()
DAY_A = PROGRAM.days[0]
IDS = [p.exercise_id for p in DAY_A.exercises]
CATALOGUE = list(PROGRAM.exercises.values())
NOW = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)

edits = st.builds(
    DayEdit,
    kind=st.sampled_from(EDIT_KINDS),
    exercise_id=st.sampled_from([*IDS, "hip_thrust", "leg_press"]),
    other=st.sampled_from([None, "hack_squat", "deadlift"]),
    by=st.integers(-3, 3),
    sets=st.integers(0, 5),
    reps=st.integers(0, 12),
    at=st.one_of(st.none(), st.integers(-2, 8)),
    ids=st.lists(st.sampled_from([*IDS, "hip_thrust", "hack_squat"]), unique=True).map(tuple),
)


@given(st.lists(edits, max_size=15))
def test_edits_keep_a_day_whole(changes: list[DayEdit]) -> None:
    edited = apply_edits(DAY_A, changes)
    ids = [p.exercise_id for p in edited.day.exercises]
    assert len(ids) == len(set(ids))  # never the same exercise twice
    assert edited.skipped <= set(ids)
    assert all(p.sets >= 0 for p in edited.day.exercises)
    assert set(edited.swapped) <= set(ids)
    assert edits_from_text(edits_to_text(changes)) == changes  # kept on file as they were


@given(st.lists(edits, max_size=15), st.sampled_from(IDS))
def test_a_skip_twice_is_no_skip(changes: list[DayEdit], exercise_id: str) -> None:
    twice = [*changes, DayEdit("skip", exercise_id), DayEdit("skip", exercise_id)]
    assert apply_edits(DAY_A, twice) == apply_edits(DAY_A, changes)


def test_moves_swaps_and_added_exercises() -> None:
    edited = apply_edits(
        DAY_A,
        [
            DayEdit("move", "back_squat", by=1),
            DayEdit("swap", "back_squat", "hack_squat"),
            DayEdit("add_exercise", "hip_thrust", sets=3, reps=10, at=1),
            DayEdit("remove_set", "deadlift"),
            DayEdit("skip", "hamstring_curl"),
        ],
    )
    assert [p.exercise_id for p in edited.day.exercises][:3] == [
        "deadlift",
        "hip_thrust",
        "hack_squat",
    ]
    assert edited.day.exercises[0].sets == 3  # deadlift 4 - 1
    assert edited.day.exercises[2].reps == 6  # the squat's 4 x 6, done on the hack squat
    assert edited.swapped == {"hack_squat": "back_squat"}
    assert edited.skipped == {"hamstring_curl"}


def test_unreadable_edits_are_left_out() -> None:
    assert edits_from_text("not json") == []
    assert edits_from_text('[{"kind": "explode", "exercise_id": "x"}, {"nope": 1}]') == []


def test_a_taken_rack_brings_hack_squat_leg_press_and_smith_squat_first() -> None:
    squat = PROGRAM.exercises["back_squat"]
    assert {e.id for e in stand_ins(squat, CATALOGUE)[:3]} == {
        "hack_squat",
        "leg_press",
        "smith_squat",
    }
    deadlift = PROGRAM.exercises["deadlift"]  # from the floor: no rack, the bar stays first
    assert [e.id for e in stand_ins(deadlift, CATALOGUE)[:2]] == [
        "romanian_deadlift",
        "good_morning",
    ]
    curl = PROGRAM.exercises["hamstring_curl"]
    assert all(movement(e) == "knee curl" for e in stand_ins(curl, CATALOGUE)[:3])


def sets_of(weight: float, reps: int) -> list[list[LoggedSet]]:
    return [
        [
            LoggedSet(n, 1, "back_squat", n, "working", weight, reps, NOW + timedelta(minutes=n))
            for n in range(3)
        ]
    ]


@given(
    st.sampled_from(CATALOGUE),
    st.sampled_from(CATALOGUE),
    st.floats(20, 300),
    st.integers(1, 12),
    st.integers(1, 20),
    st.sampled_from(["kg", "lb"]),
)
def test_a_first_time_is_never_above_the_replaced_lifts_bound(
    old,
    new,
    weight: float,
    reps: int,
    planned_reps: int,
    unit: str,  # type: ignore[no-untyped-def]
) -> None:
    recent = sets_of(weight, reps)
    planned = PlannedExercise(new.id, 3, planned_reps)
    made = first_time(old, new, recent, planned, unit, None)  # type: ignore[arg-type]
    ratio = swap_ratio(old, new)
    assert ratio is None or 0 < ratio <= 1
    if made is not None:
        bound = weight_for(recent_best_e1rm(recent), planned_reps)
        assert 0 < made.weight_kg <= bound * (ratio or 0) + 1e-9 <= bound + 1e-9
        assert made.reason.startswith(f"first time: from {old.name.lower()} e1RM")


def test_the_tip_says_where_a_first_time_came_from() -> None:
    squat, hack = PROGRAM.exercises["back_squat"], PROGRAM.exercises["hack_squat"]
    made = first_time(squat, hack, sets_of(140, 2), PlannedExercise("hack_squat", 4, 6), "kg", None)
    assert made is not None
    # e1RM 140 x 2 = 149.3: 6 reps allow 124.4; x 0.6 = 74.7, down to the machine's 5 kg steps
    assert made.reason == "first time: from back squat e1RM 149.5 kg × 0.6: 70 kg"
