"""The training model: rotation, recovery, progression, plan rows."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.models import LoggedSet, Progression
from gymtui.core.next_set import next_row_index
from gymtui.core.program import load_program
from gymtui.core.progression import suggest
from gymtui.core.training import (
    build_plan,
    gap_text,
    next_day,
    recovery,
    week_start,
    weekly_text,
)

NOW = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
PROGRAM = load_program()
SQUAT = PROGRAM.exercises["back_squat"]


def logged(
    n: int, weight: float, reps: int, kind: str = "working", ex: str = "back_squat"
) -> LoggedSet:
    return LoggedSet(n, 1, ex, n, kind, weight, reps, NOW + timedelta(minutes=n))  # type: ignore[arg-type]


def test_rotation_alternates_and_starts_with_day_a() -> None:
    assert next_day(PROGRAM, None).key == "A"
    assert next_day(PROGRAM, "A").key == "B"
    assert next_day(PROGRAM, "B").key == "A"
    assert next_day(PROGRAM, "gone").key == "A"


def test_default_program_is_the_two_leg_days() -> None:
    day_a, day_b = PROGRAM.days
    assert [(p.exercise_id, p.sets, p.reps) for p in day_a.exercises] == [
        ("back_squat", 4, 6),
        ("deadlift", 4, 5),
        ("bulgarian_split_squat", 3, 8),
        ("hamstring_curl", 3, 12),
        ("standing_calf_raise", 3, 15),
    ]
    assert [(p.exercise_id, p.sets, p.reps_top) for p in day_b.exercises] == [
        ("front_squat", 3, 10),
        ("romanian_deadlift", 3, 12),
        ("walking_lunge", 3, 15),
        ("leg_press", 3, 12),
        ("seated_calf_raise", 3, 15),
    ]
    assert {p.progression.kind for p in day_a.exercises} == {"linear"}
    assert {p.progression.kind for p in day_b.exercises} == {"double"}
    assert PROGRAM.exercises["bulgarian_split_squat"].one_legged
    assert set(PROGRAM.exercises["deadlift"].muscles) == {"hamstrings", "glutes"}


def test_recovery_window() -> None:
    assert recovery(None, NOW).state == "first"
    early = recovery(NOW - timedelta(hours=34), NOW)
    assert (early.state, early.text) == (
        "recovering",
        "Recovering: ready in 14 h (34 h since legs)",
    )
    assert recovery(NOW - timedelta(hours=50), NOW).state == "ready"
    late = recovery(NOW - timedelta(days=6), NOW)
    assert (late.state, late.text) == ("overdue", "Ready: it has been 6 days since legs")


def test_week_starts_on_monday_and_counts_against_goal() -> None:
    assert week_start(NOW) == datetime(2026, 11, 16, tzinfo=UTC)  # 22 Nov 2026 is a Sunday
    assert weekly_text(1, 2) == "1 of 2 leg sessions this week"
    assert weekly_text(2, 2).endswith("✓")


PLANNED_SQUAT = PROGRAM.days[0].exercises[0]  # 4x6, linear
DEFAULT_RULE = PLANNED_SQUAT._replace(progression=Progression())


def test_default_rule_adds_the_step_when_every_set_met_its_reps() -> None:
    all_met = [logged(i, 100, 6) for i in range(1, 5)]
    added = suggest(SQUAT, DEFAULT_RULE, [all_met])
    assert (added.weight_kg, added.reason) == (102.5, "all 4×6 met last time: +2.5 kg")
    one_short = [*all_met[:3], logged(4, 100, 5)]
    missed = suggest(SQUAT, DEFAULT_RULE, [one_short])
    assert (missed.weight_kg, missed.reason) == (
        100,
        "not every set hit 6 last time: repeat 100 kg",
    )
    assert suggest(SQUAT, DEFAULT_RULE, [all_met[:2]]).weight_kg == 100  # not every set done
    assert suggest(SQUAT, DEFAULT_RULE, []).weight_kg is None


def test_suggestions_can_be_loaded_in_either_unit() -> None:
    in_lb = [[logged(i, 225 * 0.45359237, 6) for i in range(1, 5)]]  # 225 lb, typed in lb mode
    assert suggest(SQUAT, DEFAULT_RULE, in_lb, "lb").weight_kg == 230 * 0.45359237
    assert suggest(SQUAT, DEFAULT_RULE, in_lb, "kg").weight_kg == 104.5  # not 104.56
    heavy = [[logged(i, 140, 6) for i in range(1, 4)] + [logged(4, 140, 5)]]
    missed = suggest(SQUAT, DEFAULT_RULE, heavy, "lb")
    assert missed.weight_kg == 310 * 0.45359237  # repeat 140 kg is 308.6 lb: load 310
    short = [[logged(i, 140, 5) for i in range(1, 5)]]  # e1RM 163.3 allows 136.1 kg for 6
    capped = suggest(SQUAT, DEFAULT_RULE, short, "lb")
    assert capped.weight_kg == 305 * 0.45359237  # + a step is 305.6 lb: down to 305, not 310
    assert capped.reason == "not every set hit 6 last time: e1RM 360 lb caps 6 reps at 305 lb"


def test_warmups_do_not_count_for_progression() -> None:
    sets = [logged(1, 60, 3, "warmup"), *[logged(i, 100, 6) for i in range(2, 6)]]
    assert suggest(SQUAT, DEFAULT_RULE, [sets]).weight_kg == 102.5


def test_plan_lays_sets_over_slots_with_warmups_and_extras() -> None:
    day = PROGRAM.days[0]
    done = [logged(1, 60, 8, "warmup"), logged(2, 100, 6), logged(3, 100, 6)]
    last = {"back_squat": [[logged(i, 97.5, 6) for i in range(1, 5)]]}
    rows, _ = build_plan(day, PROGRAM.exercises, done, last)
    squat = [r for r in rows if r.exercise.id == "back_squat"]
    assert [r.label for r in squat] == ["W", "1/4", "2/4", "3/4", "4/4"]
    assert squat[1].logged == done[1] and squat[1].last_time == last["back_squat"][0][0]
    assert rows[next_row_index(rows)].label == "3/4"  # type: ignore[index]
    extra, _ = build_plan(day, PROGRAM.exercises, [logged(i, 100, 6) for i in range(1, 6)], {})
    assert [r.label for r in extra if r.exercise.id == "back_squat"][-1] == "+1"
    off_plan, _ = build_plan(day, PROGRAM.exercises, [logged(1, 50, 10, ex="hip_thrust")], {})
    assert off_plan[-1].exercise.name == "Hip thrust"


@given(st.lists(st.sampled_from([None, "L", "R"]), max_size=12))
def test_left_and_right_sets_pair_into_planned_sets(sides: list[str | None]) -> None:
    from gymtui.core.training import pair_sides

    when = datetime(2026, 1, 1, tzinfo=UTC)
    sets = [
        LoggedSet(n, 1, "bulgarian_split_squat", n, "working", 20, 8, when, side=side)  # type: ignore[arg-type]
        for n, side in enumerate(sides)
    ]
    slots = pair_sides(sets)
    left, right, both = sides.count("L"), sides.count("R"), sides.count(None)
    assert len(slots) == both + max(left, right)
    assert sorted(s.id for first, partner in slots for s in (first, partner) if s) == list(
        range(len(sides))
    )
    for first, partner in slots:
        if partner is not None:
            assert {first.side, partner.side} == {"L", "R"} and first.id < partner.id


def test_hours_since_legs_are_whole_hours_gone_so_the_edge_of_the_window_reads_true() -> None:
    # 47 h 36 min after legs: still recovering, and it says 47 h (it said "48 h since legs"
    # beside "ready in 1 h"); History's gap says the same
    last = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    now = last + timedelta(hours=47, minutes=36)
    assert recovery(last, now).text == "Recovering: ready in 1 h (47 h since legs)"
    assert gap_text(47.6) == "47 h"
    assert gap_text(72.02) == "3.1 days"  # just past the window: not "3 days", which reads inside
    assert gap_text(96.5) == "4 days"
    assert recovery(last, last + timedelta(hours=60, minutes=50)).text == (
        "Ready: 60 h since legs, inside 48-72 h"
    )
