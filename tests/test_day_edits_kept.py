"""Today's plan as the lifter sees it survives a change to the program in mid-session: its
order stays, and a swap of an exercise the program no longer has stays too."""

from __future__ import annotations

from test_today_plan_flow import go_to, row_of

from gymtui.core.day_edits import DayEdit, apply_edits
from gymtui.core.models import PlannedExercise, SetInput
from gymtui.core.program import load_program
from gymtui.core.training import TodayView
from gymtui.gym import Gym
from gymtui.paths import Paths
from gymtui.ui.dialogs.set_dialog import SetDialog

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of


def order(view: TodayView) -> list[str]:
    return [p.exercise_id for p in view.day.exercises]


def test_todays_order_and_swap_survive_a_program_edit(paths: Paths, clock: FakeClock) -> None:
    gym = Gym.open(paths, clock)
    ex = gym.exercises.get
    gym.log_set(SetInput("back_squat", 100, 6))  # mid-session
    gym.plan.move(ex("standing_calf_raise"), -1)  # calves before the curls today
    gym.plan.swap(ex("deadlift"), ex("trap_bar_deadlift"))
    seen = order(gym.today())
    assert seen == [
        "back_squat",
        "trap_bar_deadlift",
        "bulgarian_split_squat",
        "standing_calf_raise",
        "hamstring_curl",
    ]
    # Edit program…: leg extensions after the split squats, and no more deadlifts
    gym.program_file.add("A", PlannedExercise("leg_extension", 3, 12), at=3)
    gym.program_file.remove("A", "deadlift")
    view = gym.today()
    assert order(view) == [
        "back_squat",
        "trap_bar_deadlift",  # today's swap stays, with the deadlift's 4 x 5
        "bulgarian_split_squat",
        "leg_extension",  # the program's new exercise where the program puts it
        "standing_calf_raise",  # still before the curls, as moved today
        "hamstring_curl",
    ]
    swapped = view.day.exercises[1]
    assert (swapped.sets, swapped.reps) == (4, 5)
    gym.close()
    again = Gym.open(paths, clock)  # and so after a restart
    assert order(again.today()) == order(view)
    again.close()


def test_an_edits_order_wins_over_its_steps_on_a_changed_day() -> None:
    day = load_program().days[0]
    move = DayEdit("move", "standing_calf_raise", by=-1)  # calves before the curls
    seen = tuple(p.exercise_id for p in apply_edits(day, [move]).day.exercises)
    extension = PlannedExercise("leg_extension", 3, 12)
    changed = day._replace(exercises=(*day.exercises[:4], extension, day.exercises[4]))

    def ids(edits: list[DayEdit]) -> list[str]:
        return [p.exercise_id for p in apply_edits(changed, edits).day.exercises]

    assert ids([move])[-3:] == ["hamstring_curl", "standing_calf_raise", "leg_extension"]
    kept = ids([move._replace(ids=seen)])
    assert kept.index("standing_calf_raise") < kept.index("hamstring_curl")  # as seen
    assert kept[-3:] == [
        "standing_calf_raise",
        "leg_extension",  # the program's new one: after the exercise before it, unmoved
        "hamstring_curl",
    ]


async def test_logging_a_skipped_exercise_asks_and_saves_the_same_set_and_unskips_it(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("k")  # skip the back squat
        assert table_rows(app)[2][4] == "skipped"
        await go_to(pilot, app, row_of(app, "Back squat", "3/4"))
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        # the set it will be saved as, whichever row enter was pressed on
        assert "Back squat · set 1 of 4" in text_of(app, "#dialog-title")
        await pilot.press("1", "0", "0", "enter")
        await pilot.pause()
        assert db_rows(paths.database, "SELECT exercise_id, set_number FROM sets") == [
            ("back_squat", 1)
        ]
        rows = table_rows(app)
        assert rows[0][5] == "✓ 100 × 6"
        assert all(r[4] != "skipped" for r in rows[1:4])  # logged: back in the plan
        assert "Back squat is back in today's plan (k skips it again)" in notifications(app)
        assert app.gym.rest_view().next_up.startswith("Set 2 of 4 - Back squat")
        await pilot.press("z")  # the skip's undo is no longer on offer: nothing changes
        assert all(r[4] != "skipped" for r in table_rows(app)[1:4])
