"""A suggested weight is never more than the lifter's recent e1RM allows for its reps."""

from datetime import UTC, datetime, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gymtui.core.equipment import fit, handled, lightest_kg
from gymtui.core.models import LoggedSet, Session
from gymtui.core.plates import Inventory, default_inventory, parse_plates
from gymtui.core.program import load_program
from gymtui.core.progression import ceiling_kg, recent_best_e1rm, suggest
from gymtui.core.strength import e1rm, weight_for
from gymtui.core.summary import summarise
from gymtui.core.values import to_kg

NOW = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
PROGRAM = load_program()
DAY_A, DAY_B = PROGRAM.days
PLAN = {p.exercise_id: p for d in PROGRAM.days for p in d.exercises}
EX = PROGRAM.exercises


def session(
    sets: list[tuple[float, int]], days_ago: float = 3, ex: str = "back_squat", sid: int = 1
) -> list[LoggedSet]:
    start = NOW - timedelta(days=days_ago)
    return [
        LoggedSet(sid * 100 + n, sid, ex, n, "working", kg, reps, start + timedelta(minutes=n))
        for n, (kg, reps) in enumerate(sets, 1)
    ]


def test_singles_to_a_max_are_not_prescribed_for_fives() -> None:
    # the Hevy session: deadlift singles at 130/150/160/170, then Day A's 4x5
    last = session([(130, 1), (150, 1), (160, 1), (170, 1)], ex="deadlift")
    made = suggest(EX["deadlift"], PLAN["deadlift"], [last], "kg", None, NOW)
    assert made.weight_kg is not None and 137.5 <= made.weight_kg <= 145
    assert made.reason == "last time singles to 170 kg; 4×5 from e1RM 170 kg: 137.5 kg"


def test_a_ramp_down_is_worked_out_from_e1rm() -> None:
    last = session([(130, 2), (110, 8), (100, 12)])
    made = suggest(EX["back_squat"], PLAN["back_squat"], [last], "kg", None, NOW)
    assert made.weight_kg is not None and 110 <= made.weight_kg <= 117.5
    assert made.reason.startswith("last time 130 kg × 2 at the top; 4×6 from e1RM 139.5 kg")


def test_the_rule_still_adds_its_step_when_the_plan_was_met() -> None:
    last = session([(100, 6)] * 4)
    made = suggest(EX["back_squat"], PLAN["back_squat"], [last], "kg", None, NOW)
    assert made.weight_kg == 102.5
    assert made.reason == "all 4×6 met last time: +2.5 kg"


def test_a_long_break_steps_back_and_says_so() -> None:
    last = session([(100, 6)] * 4, days_ago=36)
    made = suggest(EX["back_squat"], PLAN["back_squat"], [last], "kg", None, NOW)
    assert made.weight_kg == 92.0  # 102.5 less 10 %, rounded down to a loadable weight
    assert made.reason == "5 weeks since last time: 10% back from 102.5 kg to 92 kg"
    months = session([(100, 6)] * 4, days_ago=120)
    made = suggest(EX["back_squat"], PLAN["back_squat"], [months], "kg", None, NOW)
    assert made.reason == "4 months since last time: 20% back from 102.5 kg to 82 kg"
    years = session([(100, 6)] * 4, days_ago=3000)
    made = suggest(EX["back_squat"], PLAN["back_squat"], [years], "kg", None, NOW)
    assert made.reason == "8 years since last time: 40% back from 102.5 kg to 61.5 kg"
    # three weeks is no break
    recent = session([(100, 6)] * 4, days_ago=20)
    assert suggest(EX["back_squat"], PLAN["back_squat"], [recent], "kg", None, NOW).weight_kg == (
        102.5
    )


def test_an_exercise_off_the_plan_gets_no_invented_target() -> None:
    last = session([(60, 7), (60, 8), (60, 5), (60, 3)], ex="paused_bench_press")
    from gymtui.core.models import Exercise

    bench = Exercise("paused_bench_press", "Paused Bench Press", custom=True)
    made = suggest(bench, None, [last], "kg", None, NOW)
    assert made.weight_kg == 60
    assert "met" not in made.reason
    assert made.reason == "no plan for it: last time 60 kg × 8 at the top"


def test_summary_and_today_agree_on_next_time() -> None:
    """An imported session (no program day) still gets the program's rule for back squat."""
    sets = session([(172.5, 6), (172.5, 6), (172.5, 5), (172.5, 4)])
    imported = Session(1, None, "Leg day", sets[0].logged_at, sets[-1].logged_at, "strong")
    summary = summarise(imported, sets, EX, None, {}, None, "kg", None, NOW, PROGRAM)
    today = suggest(EX["back_squat"], PLAN["back_squat"], [sets], "kg", None, NOW)
    assert today.weight_kg is not None
    assert summary.next_time == (
        f"Back squat: {today.reason.replace(' last time', '')} -> 172.5 kg next time",
    )
    assert "met" not in summary.next_time[0]
    # an exercise no program day has: what was done, no target
    sissy = session([(0, 15), (0, 12)], ex="my_sissy")
    alone = Session(2, None, "Extra", sissy[0].logged_at, sissy[-1].logged_at)
    lines = summarise(alone, sissy, {}, None, {}, None, "kg", None, NOW, PROGRAM).next_time
    assert lines == ("my_sissy: not in your program, so no target (15, 12 reps)",)


sets_strategy = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=300).map(lambda x: round(x * 4) / 4),
        st.integers(min_value=1, max_value=30),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=400, deadline=None)
@given(
    history=st.lists(
        st.tuples(sets_strategy, st.integers(min_value=1, max_value=60)), min_size=1, max_size=6
    ),
    ex_id=st.sampled_from(sorted(PLAN)),
    unit=st.sampled_from(["kg", "lb"]),
    plates=st.sampled_from(["none", "default", "sparse"]),
    days_since=st.integers(min_value=0, max_value=60),
)
# 101 x 8 on a 10-12 leg press: "same weight, a rep more" aimed the set at the range's 10
# reps, over what an e1RM of 127.9 allows for 10 (100.95 with a step); it aims at 9 now
@example(history=[([(101.0, 8)], 1)], ex_id="leg_press", unit="kg", plates="none", days_since=0)
def test_no_suggestion_for_n_reps_exceeds_the_e1rm_bound(
    history: list[tuple[list[tuple[float, int]], int]],
    ex_id: str,
    unit: str,
    plates: bool,
    days_since: int,
) -> None:
    exercise, planned = EX[ex_id], PLAN[ex_id]
    recent, ago = [], float(days_since)
    for n, (sets, gap) in enumerate(history):
        recent.append(session(sets, days_ago=ago, ex=ex_id, sid=n + 1))
        ago += gap
    inventory: Inventory | None = None
    if plates == "default":
        inventory = default_inventory(unit)  # type: ignore[arg-type]
    elif plates == "sparse":
        sparse = "25 20 10 5" if unit == "kg" else "45 25 10"
        inventory = Inventory(unit, 20 if unit == "kg" else 45, parse_plates(sparse, unit))  # type: ignore[arg-type]
    made = suggest(exercise, planned, recent, unit, inventory, NOW)  # type: ignore[arg-type]
    if not made.weight_kg:
        return
    best = recent_best_e1rm(recent)
    # the reps the suggestion is for: what it aims for (below a range: a rep more than
    # last time), else the plan's bottom (ranges climb from it)
    bound = ceiling_kg(best, made.reps or planned.reps, exercise.increment_kg)
    if inventory is not None and exercise.uses_bar:  # nothing is lighter than the empty bar
        bound = max(bound, to_kg(inventory.empty, inventory.unit))
    if inventory is not None and handled(exercise, inventory, unit):  # type: ignore[arg-type]
        # nor than the bar, the lightest dumbbell or the stack's first plate; and it is a
        # weight the kit makes
        bound = max(bound, lightest_kg(exercise, inventory))
        assert abs(fit(made.weight_kg, exercise, inventory) - made.weight_kg) < 1e-6, made
    assert made.weight_kg <= bound + 1e-6, (made, best, bound)
    assert best >= max(e1rm(s.weight_kg, s.reps) for s in recent[0])


def test_weight_for_is_the_inverse_of_e1rm() -> None:
    for reps in range(1, 31):
        assert abs(e1rm(weight_for(150, reps), reps) - 150) < 1e-9


def test_the_summary_today_s_next_column_and_its_tip_line_agree(tmp_path: object) -> None:
    """One function says what comes next: the summary after `f`, Today's Next column and the
    line under the table, for a missed set (the old summary said 'met' for 20 sets of 6)."""
    from gymtui.core.models import SetInput
    from gymtui.core.rest import ManualClock
    from gymtui.gym import Gym
    from gymtui.paths import resolve_paths

    clock = ManualClock(NOW)
    paths = resolve_paths(str(tmp_path))
    gym = Gym.open(paths, clock)
    for reps in (6, 6, 5, 6):
        gym.log_set(SetInput("back_squat", 172.5, reps))
        clock.advance(180)
    session = gym.today().session
    assert session is not None
    gym.finish_session(session.id)
    summary = gym.history.summary(session.id)
    assert summary is not None
    [line] = [t for t in summary.next_time if t.startswith("Back squat")]
    clock.advance(3 * 86400)
    gym.choose_day("A")
    today = gym.today()
    made = today.suggestions["back_squat"]
    assert made.weight_kg == 172.5
    assert line == f"Back squat: {made.reason.replace(' last time', '')} -> 172.5 kg next time"
    assert "met" not in line
    gym.close()


def test_a_machine_or_dumbbell_weight_steps_down_in_the_exercise_s_own_steps() -> None:
    # leg press (5 kg steps) after a break: 161 is no weight a stack has
    last = session([(230, 10)] * 3, days_ago=120, ex="leg_press")
    made = suggest(EX["leg_press"], PLAN["leg_press"], [last], "kg", None, NOW)
    assert made.weight_kg is not None and made.weight_kg % EX["leg_press"].increment_kg == 0
    curl = session([(55, 10)] * 3, days_ago=120, ex="hamstring_curl")
    made = suggest(EX["hamstring_curl"], PLAN["hamstring_curl"], [curl], "kg", None, NOW)
    assert made.weight_kg is not None and made.weight_kg % 2.5 == 0
