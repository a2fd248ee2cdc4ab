"""Weekly sets per muscle: a synergist counts half a set (History's Muscles tab and Today's
week line agree), warm-ups count none, and the program file checks its synergists."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_exercise_flow import open_list

from gymtui.core.exercises import guessed_exercise
from gymtui.core.metrics import sets_per_muscle, sets_text
from gymtui.core.models import MUSCLES, Exercise, SetInput
from gymtui.core.program import load_program
from gymtui.errors import ProgramError
from gymtui.gym import Gym
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

CATALOGUE = load_program().exercises
LEG = st.sampled_from(MUSCLES)


@st.composite
def exercise(draw: st.DrawFn, ex_id: str) -> Exercise:
    muscles = tuple(draw(st.lists(LEG, unique=True, max_size=3)))
    others = [m for m in MUSCLES if m not in muscles]
    synergists = tuple(draw(st.lists(st.sampled_from(others), unique=True))) if others else ()
    return Exercise(ex_id, ex_id, muscles, synergists=synergists)


IDS = ("a", "b", "c", "d")


@given(
    st.tuples(*(exercise(i) for i in IDS)),
    st.lists(st.tuples(st.sampled_from(IDS), st.integers(0, 30)), max_size=8),
)
def test_a_synergist_counts_half_a_set(
    catalogue: tuple[Exercise, ...], counts: list[tuple[str, int]]
) -> None:
    by_id = {ex.id: ex for ex in catalogue}
    totals = sets_per_muscle(counts, by_id)
    for muscle in MUSCLES:
        whole = sum(n for i, n in counts if muscle in by_id[i].muscles)
        half = sum(n for i, n in counts if muscle in by_id[i].synergists)
        assert totals[muscle] == whole + half / 2
        assert (totals[muscle] * 2).is_integer()  # whole or half sets, shown as "7.5"
    # without its synergists nothing counts more: they only add
    bare = {i: ex._replace(synergists=()) for i, ex in by_id.items()}
    assert all(sets_per_muscle(counts, bare)[m] <= totals[m] for m in MUSCLES)


def test_the_catalogue_names_a_synergist_for_the_main_lifts() -> None:
    """A squat, press or lunge works the hamstrings second, a deadlift the quadriceps, a curl
    the calves; a synergist is never one of the exercise's own muscles."""
    assert CATALOGUE["back_squat"].synergists == ("hamstrings",)
    assert CATALOGUE["leg_press"].synergists == ("hamstrings",)
    assert CATALOGUE["walking_lunge"].synergists == ("hamstrings",)
    assert CATALOGUE["deadlift"].synergists == ("quadriceps",)
    assert CATALOGUE["hamstring_curl"].synergists == ("calves",)
    assert CATALOGUE["romanian_deadlift"].synergists == ()
    for ex in CATALOGUE.values():
        assert not set(ex.synergists) & set(ex.muscles), ex.id
        assert set(ex.synergists) <= set(MUSCLES), ex.id
    day_a = [("back_squat", 4), ("deadlift", 4), ("hamstring_curl", 3)]
    totals = sets_per_muscle(day_a, CATALOGUE)
    assert totals == {"quadriceps": 6, "hamstrings": 9, "glutes": 8, "calves": 1.5}
    assert [sets_text(totals[m]) for m in MUSCLES] == ["6", "9", "8", "1.5"]


@pytest.mark.parametrize(
    ("synergists", "says"),
    [
        ('["core"]', "unknown synergist 'core'"),
        ('["quadriceps"]', "quadriceps is one of its muscles"),
    ],
)
def test_a_program_file_synergist_is_checked(tmp_path: Path, synergists: str, says: str) -> None:
    path = tmp_path / "program.toml"
    path.write_text(
        '[[days]]\nkey = "A"\nname = "A"\nexercises = [{ id = "my_squat", sets = 3, reps = 5 }]\n'
        "\n[exercises.my_squat]\n"
        'name = "My squat"\nmuscles = ["quadriceps"]\n'
        f"synergists = {synergists}\n",
        encoding="utf-8",
    )
    with pytest.raises(ProgramError) as error:
        load_program(path)
    assert says in str(error.value)
    assert "line 9" in str(error.value)  # the synergists line


async def test_today_counts_the_week_as_sets_are_logged_as_history_does(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        line = "#week-muscles"
        assert text_of(app, line) == (
            "Sets this week: Quads 0 · Hams 0 · Glutes 0 · Calves 0 of 10-20"
        )
        await pilot.press("w", "ctrl+u", "6", "0", "enter")  # a warm-up counts no set
        await pilot.pause()
        assert table_rows(app)[0][5].startswith("W")
        assert "Quads 0 · Hams 0 · Glutes 0" in text_of(app, line)
        for _ in range(3):  # three working sets of back squat
            await pilot.press("enter", "ctrl+u", "1", "0", "0", "enter")
            await pilot.pause()
        assert text_of(app, line) == (
            "Sets this week: Quads 3 · Hams 1.5 · Glutes 3 · Calves 0 of 10-20"
        )
        await pilot.press("h")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        muscles = table_rows(app, "#muscles-table")
        this_week = {row[0]: row[-1] for row in muscles}
        assert this_week == {"Quadriceps": "3", "Hamstrings": "1.5", "Glutes": "3", "Calves": "0"}


async def test_your_own_exercise_takes_a_muscle_at_half(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(pilot, find="Belt squat")  # nothing matches: enter makes it
        assert isinstance(app.screen, ExerciseEditDialog)
        # quads and glutes on; hamstrings on, then at half (a muscle it works second)
        await pilot.press("tab", "q", "g", "h", "h", "enter")
        await pilot.pause()
        assert "Created Belt squat: x on Today logs it." in notifications(app)
        assert "half: hamstrings" in text_of(app, "#exercise-detail")
    assert db_rows(
        paths.database, "SELECT id, muscles, synergists FROM exercises WHERE name = 'Belt squat'"
    ) == [("user_belt_squat", "quadriceps,glutes", "hamstrings")]
    gym = Gym.open(paths, clock)
    gym.log_set(SetInput("user_belt_squat", 100, 10))
    assert gym.today().muscles == {"quadriceps": 1, "hamstrings": 0.5, "glutes": 1, "calves": 0}
    clock.advance(60)
    assert gym.history.overview().last_7_days["hamstrings"] == 0.5
    gym.close()


def test_an_imported_name_gives_its_synergists_as_the_catalogue_would(paths: Paths) -> None:
    assert guessed_exercise("Squat (Barbell)").synergists == ("hamstrings",)
    assert guessed_exercise("Deadlift (Barbell)").synergists == ("quadriceps",)
    assert guessed_exercise("Lying Leg Curl (Machine)").synergists == ("calves",)
    assert guessed_exercise("Romanian Deadlift (Dumbbell)").synergists == ()
    assert guessed_exercise("Bench Press (Barbell)").synergists == ()
    store = Store.open(paths.database)
    made = store.exercises.insert_own(
        "Squat (Barbell)", lambda _: False, like=guessed_exercise("Squat (Barbell)")
    )
    assert store.exercises.all()[made.id].synergists == ("hamstrings",)
    store.close()
