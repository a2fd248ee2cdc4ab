"""Your own exercises, first-class, through the screens: create one with its muscles, barbell,
step and rest; rename it; merge an import's near duplicate into a built-in exercise; delete
one that has no sets. Each flow checks the screen and the file."""

from __future__ import annotations

from datetime import timedelta

from gymtui.core.exercises import ExerciseEdit
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.dialogs.confirm import ConfirmDialog
from gymtui.ui.dialogs.exercise import ExercisePickerDialog
from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog
from gymtui.ui.dialogs.exercises import ExercisesDialog
from gymtui.ui.writes import write

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (80, 24)


def seed(paths: Paths, clock: FakeClock) -> str:
    """Back squat 100 x 6 a week ago; an import's "Squat (Barbell)" 110 x 5 two weeks ago;
    an unused "Sissy squat". Returns the import's exercise id."""
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    imported = store.exercises.create(ExerciseEdit("Squat (Barbell)"))
    store.exercises.create(ExerciseEdit("Sissy squat"))
    for days, exercise, weight, reps in ((14, imported.id, 110.0, 5), (7, "back_squat", 100, 6)):
        when = clock.now() - timedelta(days=days)
        for n in range(2):
            store.sessions.log_set(
                SetInput(exercise, weight, reps), program.days[0], when + timedelta(minutes=3 * n)
            )
        session = store.sessions.current()
        assert session is not None
        store.sessions.finish(session.id, when + timedelta(minutes=10))
    store.close()
    return imported.id


async def open_list(pilot, find: str = "") -> ExercisesDialog:  # type: ignore[no-untyped-def]
    await pilot.press("h")
    await pilot.app.workers.wait_for_complete()
    await pilot.press("e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExercisesDialog)
    if find:
        await pilot.press("slash", *find, "enter")
        await pilot.pause()
    return dialog


async def test_create_an_exercise_with_everything_set(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, find="Belt squat")  # nothing matches: enter makes it
        assert isinstance(app.screen, ExerciseEditDialog)
        # name kept; quads and glutes; core; equipment barbell; per leg no; no body weight;
        # step 5; rest 2:30
        await pilot.press("tab", "q", "g", "tab", "c", "tab", "b", "tab", "tab", "tab")
        await pilot.press("ctrl+u", "5", "tab", *"2:30", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExercisesDialog)
        assert "Created Belt squat: x on Today logs it." in notifications(app)
        row = next(r for r in table_rows(app, "#exercise-table") if r[0] == "Belt squat")
        assert row[1:3] == ["quads, glutes", "—"]
        assert "Belt squat: your own · barbell · step 5 kg · rest 2:30" in text_of(
            app, "#exercise-detail"
        )
    assert db_rows(
        paths.database,
        "SELECT name, muscles, stabilisers, equipment, one_legged, increment_kg, rest_s, custom "
        "FROM exercises WHERE name = 'Belt squat'",
    ) == [("Belt squat", "quadriceps,glutes", "core", "barbell", 0, 5.0, 150, 1)]


async def test_bad_fields_are_refused_with_a_reason(paths: Paths, clock: FakeClock) -> None:
    seed(paths, clock)
    before = db_rows(paths.database, "SELECT * FROM exercises ORDER BY id")
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")
        assert text_of(app, "#dialog-error") == "Name the exercise (it cannot be empty)."
        await pilot.press(*"back SQUAT", "enter")
        assert "There is already an exercise called Back squat" in text_of(app, "#dialog-error")
        await pilot.press("ctrl+u", *"Belt squat", *["tab"] * 6)
        await pilot.press("ctrl+u", *"lots", "enter")
        assert text_of(app, "#dialog-error").startswith("Step must be a number of kg from 0 to 50")
        await pilot.press("ctrl+u", "5", "tab", *"9 min", "enter")
        assert text_of(app, "#dialog-error").startswith("Rest must look like 2:30 or 150")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExercisesDialog)
    assert db_rows(paths.database, "SELECT * FROM exercises ORDER BY id") == before


async def test_rename_keeps_the_sets_and_the_old_name(paths: Paths, clock: FakeClock) -> None:
    imported = seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, find="Squat (B")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseEditDialog)
        await pilot.press("ctrl+u", *"Low-bar squat", "enter")
        await pilot.pause()
        assert "Saved Low-bar squat." in notifications(app)
        await pilot.press("escape", "escape")  # the filter, then the list
        await pilot.pause()
        await pilot.press("1", "down", "enter")  # the older session, in History
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [r[0] for r in table_rows(app, "#session-sets")] == ["Low-bar squat"] * 2
    assert db_rows(paths.database, f"SELECT name FROM exercises WHERE id = '{imported}'") == [
        ("Low-bar squat",)
    ]
    assert db_rows(
        paths.database, f"SELECT count(*) FROM sets WHERE exercise_id = '{imported}'"
    ) == [(2,)]
    assert db_rows(paths.database, "SELECT name_key, exercise_id FROM exercise_aliases") == [
        ("squat (barbell)", imported)
    ]


async def test_merge_a_near_duplicate_into_back_squat(paths: Paths, clock: FakeClock) -> None:
    imported = seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        # Merging the built-in one away is refused, with what to do instead.
        await open_list(pilot, find="Back squat")
        await pilot.press("m")
        await pilot.pause()
        assert any("highlight the other exercise" in n for n in notifications(app))
        await pilot.press("escape")  # clear the filter
        await pilot.press("slash", *"Squat (B", "enter", "m")
        await pilot.pause()
        assert isinstance(app.screen, ExercisePickerDialog)
        await pilot.press(*"back sq", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = text_of(app, "#confirm-question")
        assert question.startswith("Merge Squat (Barbell) (2 sets) into Back squat?")
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExercisesDialog)
        assert "Merged Squat (Barbell) into Back squat: 2 sets moved." in notifications(app)
        names = [r[0] for r in table_rows(app, "#exercise-table")]
        assert "Squat (Barbell)" not in names
        back = next(r for r in table_rows(app, "#exercise-table") if r[0] == "Back squat")
        assert back[2] == "4"
    # The heavier imported sets came first: the first ever beat nothing, the later 100s
    # beat nothing either.
    assert db_rows(
        paths.database, "SELECT exercise_id, weight_kg, pr FROM sets ORDER BY logged_at"
    ) == [
        ("back_squat", 110.0, 0),
        ("back_squat", 110.0, 0),
        ("back_squat", 100.0, 0),
        ("back_squat", 100.0, 0),
    ]
    assert db_rows(paths.database, f"SELECT id FROM exercises WHERE id = '{imported}'") == []


async def test_delete_only_an_unused_exercise(paths: Paths, clock: FakeClock) -> None:
    seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, find="Squat (B")
        await pilot.press("d")
        await pilot.pause()
        assert "Squat (Barbell) has 2 sets: merge it into another exercise instead (m)." in (
            notifications(app)
        )
        assert isinstance(app.screen, ExercisesDialog)
        await pilot.press("escape", "slash", *"Sissy", "enter", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "Deleted Sissy squat." in notifications(app)
    assert db_rows(paths.database, "SELECT name FROM exercises WHERE custom = 1") == [
        ("Squat (Barbell)",)
    ]


async def test_a_built_in_exercise_changes_only_its_rest(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, find="Deadlift")
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExerciseEditDialog)
        assert dialog.query_one("#name").disabled and dialog.query_one("#step").disabled
        assert text_of(app, "#dialog-hint").startswith(
            "Comes with gymtui or your program file: only"
        )
        await pilot.press(*"4:00", "enter")
        await pilot.pause()
        assert "Saved Deadlift." in notifications(app)
        assert "rest 4:00" in text_of(app, "#exercise-detail")
    assert db_rows(
        paths.database, "SELECT name, increment_kg, rest_s FROM exercises WHERE id = 'deadlift'"
    ) == [("Deadlift", 5.0, 240)]


async def test_body_weight_counts_in_the_load_when_switched_on(
    paths: Paths, clock: FakeClock
) -> None:
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    pistol = store.exercises.create(ExerciseEdit("Pistol squat"))
    when = clock.now() - timedelta(days=2)
    store.body_weights.record(when.astimezone().date(), 80.0, when)
    store.sessions.log_set(SetInput(pistol.id, 10, 5), program.days[0], when)
    store.sessions.log_set(SetInput(pistol.id, 0, 8), program.days[0], when + timedelta(minutes=3))
    store.close()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app, "#chart-title").startswith("Pistol squat")
        assert table_rows(app, "#records")[0][:2] == ["Heaviest", "10 kg × 5"]
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("slash", *"Pistol", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseEditDialog)
        await pilot.press(*["tab"] * 5, "y", "enter")
        await pilot.pause()
        assert "load: body weight + added" in text_of(app, "#exercise-detail")
        await pilot.press("escape", "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        records = table_rows(app, "#records")
        assert records[0][:2] == ["Heaviest", "90 kg × 5"]  # 80 kg of body + 10 kg held
        assert records[1][:2] == ["Best e1RM", "105 kg (90 × 5)"]
        assert records[-1][:2] == ["Load", "weight + the day's body weight"]
    assert db_rows(
        paths.database, "SELECT body_weight_load FROM exercises WHERE name = 'Pistol squat'"
    ) == [(1,)]


async def test_the_list_follows_a_merge_in_another_window(paths: Paths, clock: FakeClock) -> None:
    imported = seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        assert "Squat (Barbell)" in [r[0] for r in table_rows(app, "#exercise-table")]
        other = Store.open(paths.database)  # another window merges it away
        other.exercises.merge(imported, "back_squat")
        other.close()
        for _ in range(app.CHECK_OTHERS_EVERY):  # one second of ticks
            app.tick()
        await pilot.pause()
        rows = table_rows(app, "#exercise-table")
        assert "Squat (Barbell)" not in [r[0] for r in rows]
        assert next(r for r in rows if r[0] == "Back squat")[2] == "4"
        # This window still had it highlighted for a merge: the write is refused, not misfiled.
        assert not write(app, lambda: app.gym.exercises.merge(imported, "deadlift")).saved
        await pilot.pause()
        assert any("that exercise is gone" in n for n in notifications(app))
    assert db_rows(paths.database, "SELECT count(*) FROM sets WHERE exercise_id = 'deadlift'") == [
        (0,)
    ]


async def test_a_name_with_markup_shows_as_typed(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    name = "[b]Zerch[/b] squat [red"  # 23 characters: the list shows it whole
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*name, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExercisesDialog)
        assert f"Created {name}: x on Today logs it." in notifications(app)
        assert name in [r[0] for r in table_rows(app, "#exercise-table")]
        assert text_of(app, "#exercise-detail").startswith(f"{name}: your own")
    assert db_rows(paths.database, "SELECT name FROM exercises WHERE custom = 1") == [(name,)]


async def test_the_exercise_list_counts_a_left_and_a_right_set_as_one(
    paths: Paths, clock: FakeClock
) -> None:
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    when = clock.now() - timedelta(days=2)
    for n, side in enumerate(("L", "R", "L", "R", None)):
        entry = SetInput("bulgarian_split_squat", 20, 8, side=side)  # type: ignore[arg-type]
        store.sessions.log_set(entry, program.days[0], when + timedelta(minutes=n))
    store.close()
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "bulgarian")
        rows = table_rows(app, "#exercise-table")
        row = next(r for r in rows if r[0] == "Bulgarian split squat")
        assert row[2] == "3"  # two pairs and a both-legs set: three sets, not five
