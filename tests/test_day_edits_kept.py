"""Today's plan as the lifter sees it survives a change to the program in mid-session: its
order stays, and a swap of an exercise the program no longer has stays too."""

from __future__ import annotations

from gymtui.core.day_edits import DayEdit, apply_edits
from gymtui.core.models import PlannedExercise, SetInput
from gymtui.core.program import load_program
from gymtui.core.training import TodayView
from gymtui.gym import Gym
from gymtui.paths import Paths

from conftest import FakeClock


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
