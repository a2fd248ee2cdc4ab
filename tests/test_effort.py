"""RPE moves the weights: the chart, the RPE rules, RPE targets, top sets with back-offs and
fatigue deloads (core/rpe.py, core/effort.py, core/fatigue.py through progression.suggest)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gymtui.core.models import LoggedSet, PlannedExercise, Progression
from gymtui.core.next_set import next_row_index
from gymtui.core.plates import default_inventory
from gymtui.core.prefill import next_up_text, set_prefill
from gymtui.core.program import check_text, load_program
from gymtui.core.program_edit import planned_fields
from gymtui.core.progression import ceiling_kg, recent_best_e1rm, suggest
from gymtui.core.rpe import hardest, one_rm_at, percent, weight_at
from gymtui.core.training import Plan, TodayView, build_plan, recovery
from gymtui.errors import ProgramError

NOW = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
PROGRAM = load_program()
EX = PROGRAM.exercises
SQUAT = EX["back_squat"]
FOURBYSIX = PlannedExercise("back_squat", 4, 6, progression=Progression("linear"))
TARGET = PlannedExercise("deadlift", 4, 5, rpe=8.0)
DEADLIFT = EX["deadlift"]
KIT = default_inventory("kg")  # a 20 kg bar and the usual plates, down to 1.25 kg


def session(
    sets: list[tuple[float, int, float | None]],
    days_ago: float = 3,
    ex: str = "back_squat",
    sid: int = 1,
) -> list[LoggedSet]:
    start = NOW - timedelta(days=days_ago)
    return [
        LoggedSet(sid * 100 + n, sid, ex, n, "working", kg, reps, start + timedelta(minutes=n), rpe)
        for n, (kg, reps, rpe) in enumerate(sets, 1)
    ]


def history(*sessions: list[tuple[float, int, float | None]], ex: str = "back_squat") -> list:
    """Sessions newest first, three days apart."""
    return [session(s, days_ago=3 + 3 * n, ex=ex, sid=n + 1) for n, s in enumerate(sessions)]


# -- the chart -------------------------------------------------------------------------


def test_the_chart_reads_tuchscherers_table() -> None:
    assert percent(1, 10) == 1.0
    assert percent(5, 8) == pytest.approx(0.811)
    assert percent(6, 7) == pytest.approx(0.762)
    assert percent(12, 6.5) == pytest.approx(0.586)
    assert percent(3, 6) == percent(3, 6.5)  # under the chart: its lowest RPE
    assert one_rm_at(120, 5, 8) == pytest.approx(147.97, abs=0.01)
    assert weight_at(one_rm_at(120, 5, 8), 5, 8) == pytest.approx(120)
    with pytest.raises(ValueError):
        percent(13, 8)


def test_the_hardest_rated_set_at_the_top_weight_speaks_for_the_session() -> None:
    sets = session([(120, 5, 8), (120, 5, 9), (100, 5, 10), (120, 5, None)])
    rated = hardest(sets)
    assert rated is not None and rated.rpe == 9
    assert hardest(session([(120, 5, None)])) is None


# -- RPE moves the step ----------------------------------------------------------------


def test_every_target_met_at_rpe_10_is_a_repeat() -> None:
    made = suggest(
        SQUAT, FOURBYSIX, history([(100, 6, 8), (100, 6, 9), (100, 6, 10), (100, 6, 10)])
    )
    assert made.weight_kg == 100
    assert made.reason == "all 4×6 met at RPE 10: repeat 100 kg"
    half = suggest(SQUAT, FOURBYSIX, history([(100, 6, 9.5)] * 4))
    assert half.reason == "all 4×6 met at RPE 9.5: repeat 100 kg"


def test_every_target_met_at_rpe_7_adds_at_least_the_step() -> None:
    # 100 x 6 @7 implies 136.6 kg by the chart; six reps at RPE 8 of it is 103 kg (the chart's
    # extra over the step, on kilos with no kit known); on 2.5 kg steps the step it is
    made = suggest(SQUAT, FOURBYSIX, history([(100, 6, 7)] * 4))
    assert made.weight_kg == 103
    assert made.reason == "all 4×6 met at RPE 7: +3 kg (RPE 8 by the chart)"
    on_plates = suggest(SQUAT, FOURBYSIX, history([(100, 6, 7)] * 4), "kg", KIT)
    assert on_plates.weight_kg == 102.5
    assert on_plates.reason == "all 4×6 met at RPE 7: +2.5 kg"


def test_an_easy_session_below_a_recent_best_climbs_as_the_chart_allows() -> None:
    # 4x6 at 100 kg at RPE 6.5, after 120 x 6 five weeks ago: the chart's RPE 8 for six reps
    # of the e1RM 100 x 6 @6.5 implies (133 kg) is 104.5: 104.5 rounded down to a 2.5 step
    recent = [session([(100, 6, 6.5)] * 4), session([(120, 6, None)] * 4, days_ago=30, sid=2)]
    made = suggest(SQUAT, FOURBYSIX, recent)
    assert made.weight_kg == 104.5
    assert made.reason == "all 4×6 met at RPE 6.5: +4.5 kg (RPE 8 by the chart)"


def test_rpe_8_or_none_leaves_the_rule_as_it_was() -> None:
    for rpe in (8.0, 9.0, None):
        made = suggest(SQUAT, FOURBYSIX, history([(100, 6, rpe)] * 4))
        assert made.weight_kg == 102.5
        assert made.reason == "all 4×6 met last time: +2.5 kg"


def test_a_miss_is_a_miss_whatever_the_rpe() -> None:
    made = suggest(SQUAT, FOURBYSIX, history([(100, 6, 7)] * 3 + [(100, 5, 7)]))
    assert made.reason == "1st miss: repeat 100 kg"


def test_double_progression_at_the_top_of_the_range_at_rpe_10_stays_there() -> None:
    plan = PlannedExercise("leg_press", 3, 10, reps_top=12, progression=Progression("double"))
    made = suggest(EX["leg_press"], plan, history([(150, 12, 10)] * 3, ex="leg_press"))
    assert made.weight_kg == 150 and made.reps == 12
    assert made.reason == "all 3×12 reached at RPE 10: repeat 150 kg"


# -- an RPE target ---------------------------------------------------------------------


def test_an_rpe_target_takes_its_weight_from_the_chart() -> None:
    # 120 x 5 @9 implies 143.4 kg; 5 reps at RPE 8 of it is 116.3: 115 on a 2.5 kg step
    made = suggest(DEADLIFT, TARGET, history([(120, 5, 9)] * 4, ex="deadlift"), "kg", KIT)
    assert made.weight_kg == 115
    assert made.reason == "e1RM 143.5 kg from 120 kg×5 @9; 5 @ RPE 8: 115 kg"


def test_an_rpe_target_climbs_as_the_chart_says_under_the_e1rm_ceiling() -> None:
    # 100 x 5 @6.5 implies 129 kg by the chart (four reps left: Epley's 116.7 kg would cap an
    # RPE target at a linear step forever); 5 @ RPE 8 of it is 104.8 kg, rounded down
    plan = PlannedExercise("back_squat", 4, 5, rpe=8.0)
    recent = history([(100, 5, 6.5)] * 4)
    made = suggest(SQUAT, plan, recent)
    assert made.weight_kg == 104.5
    assert made.reason == "e1RM 129 kg from 100 kg×5 @6.5; 5 @ RPE 8: 104.5 kg"
    assert made.weight_kg <= ceiling_kg(recent_best_e1rm(recent), 5, SQUAT.increment_kg)
    on_plates = suggest(SQUAT, plan, recent, "kg", KIT)
    assert on_plates.weight_kg == 102.5  # 105 is over 104.8: the plates round down


def test_an_rpe_target_without_rpe_logged_falls_back_to_the_rule() -> None:
    made = suggest(DEADLIFT, TARGET, history([(120, 5, None)] * 4, ex="deadlift"))
    assert made.weight_kg == 125
    assert made.reason == "all 4×5 met last time: +5 kg; log RPE to steer by it"


# -- fatigue ---------------------------------------------------------------------------


def test_an_e1rm_falling_three_sessions_running_deloads() -> None:
    recent = history([(120, 4, None)] * 4, [(120, 5, None)] * 4, [(120, 6, None)] * 4)
    made = suggest(SQUAT, FOURBYSIX, recent, "kg", KIT)
    assert made.weight_kg == 107.5  # 120 less 10 %, rounded down to the plates
    assert made.reason == "e1RM 144 → 140 → 136 kg over 3 sessions: deload to 107.5 kg"


def test_rpe_rising_at_one_load_deloads() -> None:
    plan = PlannedExercise("back_squat", 4, 6)
    recent = history([(120, 6, 9.5)] * 4, [(120, 6, 8.5)] * 4, [(120, 6, 7.5)] * 4)
    made = suggest(SQUAT, plan, recent, "kg", KIT)
    assert made.weight_kg == 107.5
    assert made.reason == "RPE 7.5 → 8.5 → 9.5 at 120 kg: deload to 107.5 kg"


def test_a_lighter_session_is_no_fall_and_singles_are_not_the_plan_s_work() -> None:
    lighter = history([(100, 6, None)] * 4, [(110, 6, None)] * 4, [(120, 6, None)] * 4)
    assert "deload" not in suggest(SQUAT, FOURBYSIX, lighter).reason
    singles = history([(150, 1, None)], [(120, 5, None)] * 4, [(120, 6, None)] * 4)
    assert "deload" not in suggest(SQUAT, FOURBYSIX, singles).reason


def test_after_a_deload_met_the_weight_goes_back_to_where_it_was() -> None:
    fatigued = [[(120, 4, None)] * 4, [(120, 5, None)] * 4, [(120, 6, None)] * 4]
    deload = [(107.5, 6, None)] * 4
    made = suggest(SQUAT, FOURBYSIX, history(deload, *fatigued))
    assert made.weight_kg == 120
    assert made.reason == "deload met last time: back to 120 kg"
    # the deload is no miss and no fall: back at 120 x 6 met, the step as usual
    made = suggest(SQUAT, FOURBYSIX, history([(120, 6, None)] * 4, deload, *fatigued))
    assert made.weight_kg == 122.5
    assert made.reason == "all 4×6 met last time: +2.5 kg"
    # a deload missed is repeated, as any miss (the linear rule's 1st miss)
    missed = suggest(SQUAT, FOURBYSIX, history([(107.5, 5, None)] * 4, *fatigued))
    assert missed.weight_kg == 107.5 and missed.reason == "1st miss: repeat 107.5 kg"


# -- the program file ------------------------------------------------------------------

ENTRY = (
    '[[days]]\nkey = "A"\nexercises = [\n'
    '  {{ exercise = "back_squat", sets = {sets}, reps = 5, {extra} }},\n]\n'
)


def test_rpe_and_backoff_read_from_the_program_file_and_written_back() -> None:
    program = check_text(ENTRY.format(sets=4, extra="rpe = 9, backoff_pct = 90"), "p.toml")
    planned = program.days[0].exercises[0]
    assert planned.rpe == 9 and planned.backoff_pct == 90
    assert planned_fields(planned) == {
        "exercise": "back_squat",
        "sets": 4,
        "reps": 5,
        "rpe": 9.0,
        "backoff_pct": 90.0,
    }


@pytest.mark.parametrize(
    ("sets", "extra", "message"),
    [
        (4, "rpe = 11", "'rpe' must be from 6.5 to 10 in half steps (like 8 or 8.5), not 11"),
        (4, "rpe = 8.25", "'rpe' must be from 6.5 to 10 in half steps (like 8 or 8.5), not 8.25"),
        (4, 'rpe = "hard"', "'rpe' must be a number, not 'hard'"),
        (4, "backoff_pct = 100", "'backoff_pct' must be from 50 to 99 (percent of the top set)"),
        (1, "backoff_pct = 90", "'backoff_pct' needs 2 sets or more: set 1 is the top set"),
    ],
)
def test_a_bad_rpe_or_backoff_names_file_line_and_problem(
    tmp_path: Path, sets: int, extra: str, message: str
) -> None:
    path = tmp_path / "program.toml"
    path.write_text(ENTRY.format(sets=sets, extra=extra))
    with pytest.raises(ProgramError) as problem:
        load_program(path)
    assert str(problem.value).startswith(f"{path}, line 4: day 1 ('A'), exercise 1: ")
    assert message in str(problem.value)


def test_a_hold_has_no_rpe_target(tmp_path: Path) -> None:
    text = (
        '[[days]]\nkey = "A"\n'
        'exercises = [{ exercise = "wall_sit", sets = 3, seconds = 45, rpe = 8 }]\n'
    )
    with pytest.raises(ProgramError, match="a hold has no 'rpe': it is for sets of reps"):
        check_text(text, "p.toml")


# -- top set and back-offs on Today ----------------------------------------------------


def view_of(plan: PlannedExercise, recent: list, done: list[LoggedSet]) -> TodayView:
    day = PROGRAM.days[0]._replace(exercises=(plan,))
    rows, suggestions = build_plan(
        day, EX, done, {plan.exercise_id: recent}, Plan(inventory=KIT, ramps_on=False)
    )
    return TodayView(
        day=day,
        session=None,
        rows=rows,
        session_sets=done,
        recent={plan.exercise_id: recent},
        recovery=recovery(None, NOW),
        weekly="",
        next_index=next_row_index(rows, done[-1] if done else None),
        suggestions=suggestions,
        inventory=KIT,
    )


def test_back_offs_show_their_own_weight_and_follow_the_top_set_done() -> None:
    plan = PlannedExercise("back_squat", 4, 5, rpe=9.0, backoff_pct=90.0)
    recent = history([(120, 5, 8)] + [(107.5, 5, 7)] * 3)
    view = view_of(plan, recent, [])
    weights = [view.weight_for(r) for r in view.rows if r.slot]
    # 120 x 5 @8 implies 148 kg; 5 @ RPE 9 is 123.8: 122.5, and 90 % of it 110.25: 110
    assert weights == [122.5, 110, 110, 110]
    assert view.suggestions["back_squat"].reason == (
        "e1RM 148 kg from 120 kg×5 @8; 5 @ RPE 9: 122.5 kg"
    )
    assert next_up_text(view, "kg") == "Set 1 of 4 - Back squat 122.5 kg × 5"
    # the top set done heavier than suggested: the back-offs follow it
    top = session([(125, 5, 9.5)], days_ago=0, sid=9)
    view = view_of(plan, recent, top)
    assert [view.weight_for(r) for r in view.rows if r.slot][1:] == [112.5, 112.5, 112.5]
    assert next_up_text(view, "kg") == "Set 2 of 4 - Back squat 112.5 kg × 5"
    row = view.rows[view.next_index or 0]
    assert set_prefill(view, row, "working").weight_kg == 112.5
    # a back-off done lighter: the next back-off as it was
    done = top + session([(110, 5, None)], days_ago=0, sid=10)
    view = view_of(plan, recent, done)
    assert view.weight_for(view.rows[view.next_index or 0]) == 110


def test_an_rpe_target_on_a_range_aims_its_bottom_and_holds_the_weight_when_met() -> None:
    # 3 x 10-12 @8: 80 x 10, 10, 9 at RPE 7. The weight is worked out for 10 reps at RPE 8,
    # and Today aims the 10 it was worked out for (not 11: the tip and the column agree)
    plan = PlannedExercise("romanian_deadlift", 3, 10, reps_top=12, rpe=8.0)
    recent = history([(80, 10, 7), (80, 10, 7), (80, 9, 7)], ex="romanian_deadlift")
    view = view_of(plan, recent, [])
    made = view.suggestions["romanian_deadlift"]
    assert made.reason.endswith(f"; 10 @ RPE 8: {made.weight_kg:g} kg")
    assert [view.reps_for(r) for r in view.rows if r.slot] == [10, 10, 10]
    # doing what was asked (10 reps at RPE 8, the weight given) keeps the weight: it does not
    # lighten the bar each time the target is met
    weight = made.weight_kg
    assert weight is not None
    met = history([(weight, 10, 8)] * 3, ex="romanian_deadlift")
    again = view_of(plan, met, []).suggestions["romanian_deadlift"]
    assert again.weight_kg == weight
    # more reps at the target RPE: heavier
    more = history([(weight, 12, 8)] * 3, ex="romanian_deadlift")
    assert (view_of(plan, more, []).suggestions["romanian_deadlift"].weight_kg or 0) > weight


def test_after_a_deload_week_a_range_aims_on_from_the_session_before_it() -> None:
    # 3 x 8-10 front squat: 70 x 8, 8, 8; then a deload week at 62.5 x 8 (excused). Today:
    # 70 kg again, a rep more a set (9), not the range's bottom because the deload's weight
    # differs; set 3 too
    plan = PlannedExercise("front_squat", 3, 8, reps_top=10, progression=Progression("double"))
    before = session([(70, 8, None)] * 3, days_ago=7, ex="front_squat", sid=1)
    deload = session([(62.5, 8, None)] * 2, days_ago=3, ex="front_squat", sid=2)
    day = PROGRAM.days[0]._replace(exercises=(plan,))
    recent = {"front_squat": [deload, before]}
    rows, suggestions = build_plan(
        day, EX, [], recent, Plan(inventory=KIT, ramps_on=False, excused=frozenset({2}))
    )
    view = TodayView(
        day, None, rows, [], recent, recovery(None, NOW), "", None, suggestions=suggestions
    )
    assert suggestions["front_squat"].weight_kg == 70
    slots = [r for r in rows if r.slot]
    assert [r.last_time.weight_kg for r in slots if r.last_time] == [62.5, 62.5]  # Last: as done
    assert [view.reps_for(r) for r in slots] == [9, 9, 9]


def test_an_rpe_target_with_only_a_back_off_rated_asks_for_the_top_set_s_rating() -> None:
    # 140 x 5 unrated, then back-offs 125 x 5 with the last at RPE 10: the line said "log RPE"
    # though one was logged; the top set's is what steers
    plan = PlannedExercise("deadlift", 4, 5, rpe=8.0, backoff_pct=90.0)
    recent = history([(140, 5, None), (125, 5, None), (125, 5, None), (125, 5, 10)], ex="deadlift")
    made = suggest(DEADLIFT, plan, recent, "kg", KIT)
    assert made.reason.endswith("; rate the top set to steer by it")


def test_a_deload_week_s_session_is_no_break_from_the_lift() -> None:
    # front squat 60 kg 25 days ago, then a deload-week session last week (excused: the
    # rules read the one before it). Today is no "3 weeks since last time: 10% back"
    plan = PlannedExercise("front_squat", 3, 10, reps_top=12, progression=Progression("double"))
    before = session([(60, 10, None)] * 3, days_ago=25, ex="front_squat", sid=1)
    deload = session([(52.5, 10, None)] * 2, days_ago=7, ex="front_squat", sid=2)
    day = PROGRAM.days[0]._replace(exercises=(plan,))
    recent = {"front_squat": [deload, before]}
    excused = Plan(inventory=KIT, ramps_on=False, now=NOW, excused=frozenset({2}))
    _, suggestions = build_plan(day, EX, [], recent, excused)
    made = suggestions["front_squat"]
    assert made.weight_kg == 60 and "since last time" not in made.reason, made
