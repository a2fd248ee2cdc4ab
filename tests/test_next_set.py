"""The order rule: which set comes next after the one logged last (property-tested)."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.models import LoggedSet, ProgramDay
from gymtui.core.next_set import last_logged, next_row_index
from gymtui.core.program import load_program
from gymtui.core.training import build_plan

NOW = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
PROGRAM = load_program()
DAY_B = PROGRAM.days[1]  # front squat, RDL, walking lunge (per leg), leg press, seated calf


def two_legged(day: ProgramDay) -> ProgramDay:
    """The day without its one-legged exercise (a pair's halves have their own rule)."""
    kept = tuple(p for p in day.exercises if not PROGRAM.exercises[p.exercise_id].one_legged)
    return day._replace(exercises=kept)


def log(ids: list[str]) -> list[LoggedSet]:
    """Working sets of these exercises, one a minute, in this order."""
    return [
        LoggedSet(n, 1, ex, n, "working", 100, 8, NOW + timedelta(minutes=n))
        for n, ex in enumerate(ids, 1)
    ]


def plan(day: ProgramDay, done: list[LoggedSet]) -> list:  # type: ignore[type-arg]
    rows, _ = build_plan(day, PROGRAM.exercises, done, {})
    return rows


def test_a_calf_set_out_of_order_is_followed_by_the_next_calf_set() -> None:
    # The issue: on Day B, a set of seated calf raise sent the cursor back to leg press.
    rows = plan(DAY_B, log(["seated_calf_raise"]))
    at = next_row_index(rows, log(["seated_calf_raise"])[0])
    assert at is not None and rows[at].exercise.id == "seated_calf_raise"
    assert rows[at].label == "2/3"


def test_a_finished_exercise_hands_over_to_the_next_unfinished_one_below_then_above() -> None:
    day = two_legged(DAY_B)  # front squat, RDL, leg press, seated calf
    done = log(["leg_press"] * 3)
    rows = plan(day, done)
    at = next_row_index(rows, done[-1])
    assert at is not None and rows[at].exercise.id == "seated_calf_raise"
    done = log(["leg_press"] * 3 + ["seated_calf_raise"] * 3)
    rows = plan(day, done)
    at = next_row_index(rows, done[-1])  # nothing below: wrap to the top
    assert at is not None and rows[at].exercise.id == "front_squat"


def test_skipped_rows_are_never_next() -> None:
    rows = [r._replace(skipped=r.exercise.id == "front_squat") for r in plan(DAY_B, [])]
    at = next_row_index(rows, None)
    assert at is not None and rows[at].exercise.id == "romanian_deadlift"


ids = st.sampled_from([p.exercise_id for p in two_legged(DAY_B).exercises] + ["hip_thrust"])


@given(st.lists(ids, max_size=20))
def test_the_next_set_is_never_a_logged_one_and_none_only_when_nothing_is_due(
    order: list[str],
) -> None:
    done = log(order)
    rows = plan(two_legged(DAY_B), done)
    at = next_row_index(rows, last_logged(done))
    if at is None:
        assert not any(r.due for r in rows)
    else:
        assert rows[at].logged is None and rows[at].due


@given(st.lists(ids, min_size=1, max_size=20))
def test_after_a_set_with_sets_left_the_same_exercise_is_next(order: list[str]) -> None:
    done = log(order)
    rows = plan(two_legged(DAY_B), done)
    last = done[-1]
    left = [i for i, r in enumerate(rows) if r.exercise.id == last.exercise_id and r.due]
    at = next_row_index(rows, last)
    if left:
        assert at == left[0]
    elif at is not None:  # the first unfinished exercise below, else from the top
        ex_rows = [i for i, r in enumerate(rows) if r.exercise.id == last.exercise_id]
        below = [i for i, r in enumerate(rows) if r.due and i > ex_rows[-1]]
        assert at == (below[0] if below else min(i for i, r in enumerate(rows) if r.due))


@given(st.integers(min_value=0, max_value=13))
def test_sets_logged_top_down_keep_the_classic_order(n: int) -> None:
    day = two_legged(DAY_B)
    top_down = [p.exercise_id for p in day.exercises for _ in range(p.sets)]
    done = log(top_down[:n])
    rows = plan(day, done)
    first_due = next((i for i, r in enumerate(rows) if r.due), None)
    assert next_row_index(rows, last_logged(done)) == first_due


@given(
    st.lists(st.sampled_from([p.exercise_id for p in DAY_B.exercises]), max_size=16),
    st.lists(st.sampled_from([None, "L", "R"]), max_size=16),
    st.sets(st.sampled_from([p.exercise_id for p in DAY_B.exercises])),
)
def test_with_pairs_and_skips_the_next_set_is_due_or_the_other_leg(
    order: list[str], sides: list[str | None], skipped: set[str]
) -> None:
    done = [
        s._replace(side=side if s.exercise_id == "walking_lunge" else None)  # type: ignore[arg-type]
        for s, side in zip(log(order), sides + [None] * len(order), strict=False)
    ]
    rows = [r._replace(skipped=r.exercise.id in skipped) for r in plan(DAY_B, done)]
    at = next_row_index(rows, last_logged(done))
    if at is None:
        assert not any(r.due or (r.missing_side and not r.skipped) for r in rows)
    else:
        row = rows[at]
        assert not row.skipped
        assert row.due or row.missing_side is not None
