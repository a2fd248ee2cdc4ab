"""Equipment per exercise as a lifter meets it on Today: a trap bar's own bar, a dumbbell you
own, a machine's stack, set from the palette and the exercise editor."""

from datetime import timedelta

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog
from gymtui.ui.dialogs.plates import PlatePlanDialog, PlatesDialog
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.settings import edit_plates

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)

PROGRAM = """# my kit day
name = "Kit"

[[days]]
key = "K"
name = "Kit day"
focus = "Equipment"
exercises = [
  { exercise = "trap_bar_deadlift", sets = 3, reps = 5 },
  { exercise = "goblet_squat", sets = 3, reps = 8 },
  { exercise = "hamstring_curl", sets = 3, reps = 12 },
]
"""


def seed(paths: Paths, clock: FakeClock, program_text: str = PROGRAM) -> None:
    """The program above, and two sessions of it: 10 and 3 days ago."""
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(program_text, encoding="utf-8")
    program = load_program(paths.program_file)
    day = program.days[0]
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    for days, lifts in (
        (10, (("trap_bar_deadlift", 125), ("goblet_squat", 22), ("hamstring_curl", 45))),
        (3, (("trap_bar_deadlift", 120), ("goblet_squat", 20), ("hamstring_curl", 40))),
    ):
        when = clock.now() - timedelta(days=days)
        n = 0
        for exercise, kg in lifts:
            reps = {"trap_bar_deadlift": 5, "goblet_squat": 8, "hamstring_curl": 12}[exercise]
            for _ in range(3):
                n += 1
                store.sessions.log_set(
                    SetInput(exercise, kg, reps), day, when + timedelta(minutes=n)
                )
        session = store.sessions.current()
        assert session is not None
        store.sessions.finish(session.id, when + timedelta(minutes=n + 1))
    store.close()


def row_of(app: object, name: str, label: str) -> int:
    rows = table_rows(app)  # type: ignore[arg-type]
    current = ""
    for i, row in enumerate(rows):
        current = row[0] or current
        if current == name and row[1].strip("▶ ") == label:
            return i
    raise AssertionError(f"no row {name} {label} in {rows}")


async def move_to(pilot: object, app: object, index: int) -> None:
    for _ in range(index):
        await pilot.press("down")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_a_trap_bar_deadlift_is_loaded_on_its_own_25_kg_bar(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        # the ramp's "bar x 10" is the trap bar: 25 kg, not the 20 kg barbell
        detail = text_of(app, "#detail")
        assert "Warm-up 1 of 4: bar × 10" in detail
        assert "Plates 25 kg: empty bar" in detail
        await move_to(pilot, app, row_of(app, "Trap bar deadlift", "1/3"))
        detail = text_of(app, "#detail")
        assert "Next 125 kg: all 3×5 met last time: +5 kg" in detail
        # 125 on a 25 kg bar is 50 a side; on a 20 kg bar it would be 52.5
        assert "Plates 125 kg: 25 + 25 a side on the 25 kg bar" in detail
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlatePlanDialog)
        plan = table_rows(app, "#plate-plan")
        assert plan[0] == ["Trap bar deadlift", "W1", "25 kg", "empty bar", ""]
        assert plan[4][:4] == ["", "1/3", "125 kg", "25 + 25"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("home")
        await move_to(pilot, app, 0)
        await pilot.press("up", "up", "up", "up", "up", "up", "up", "up")
        await pilot.press("enter", "enter")  # the bar x 10, as prefilled
        await pilot.pause()
    assert db_rows(
        paths.database, "SELECT exercise_id, weight_kg, reps, kind FROM sets WHERE id > 18"
    ) == [("trap_bar_deadlift", 25, 10, "warmup")]


async def test_a_dumbbell_exercise_suggests_a_dumbbell_you_own(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await move_to(pilot, app, row_of(app, "Goblet squat", "1/3"))
        detail = text_of(app, "#detail")
        # the default rack (2-50 step 2) has 22
        assert "Next 22 kg: all 3×8 met last time: +2 kg" in detail
        assert "Dumbbells 22 kg in each hand" in detail
        edit_plates(app)
        await pilot.pause()
        assert isinstance(app.screen, PlatesDialog)
        await pilot.press("tab", "tab", "tab")  # bar, plates, collars: to the dumbbells
        await pilot.press("ctrl+u", *"2.5-20 step x", "enter")
        assert isinstance(app.screen, PlatesDialog)  # refused, nothing stored
        assert "(got 'x')" in text_of(app, "#dialog-error")
        assert db_rows(paths.database, "SELECT count(*) FROM settings WHERE key LIKE 'dumb%'") == [
            (0,)
        ]
        await pilot.press("ctrl+u", *"2.5-25 step 2.5 30", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, PlatesDialog)
        assert any("dumbbells 2.5-25 step 2.5, 30" in n for n in notifications(app)), notifications(
            app
        )
        detail = text_of(app, "#detail")
        assert "Next 22.5 kg: all 3×8 met last time: +2.5 kg (22 kg is no dumbbell you have)" in (
            detail
        )
        assert "Dumbbells 22.5 kg in each hand" in detail
        row = table_rows(app)[row_of(app, "Goblet squat", "1/3")]
        assert row[4] == "22.5"
        await pilot.press("enter", "enter")
        await pilot.pause()
    assert db_rows(paths.database, "SELECT value FROM settings WHERE key = 'dumbbells_kg'") == [
        ("2.5-25 step 2.5, 30",)
    ]
    assert db_rows(
        paths.database, "SELECT exercise_id, weight_kg, reps FROM sets WHERE id > 18"
    ) == [("goblet_squat", 22.5, 8)]


async def test_a_machine_suggests_what_its_stack_makes(paths: Paths, clock: FakeClock) -> None:
    seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await move_to(pilot, app, row_of(app, "Hamstring curl", "1/3"))
        # the default stack step, 2.5 kg, makes the curl's own 2.5 kg step
        assert "Next 42.5 kg: all 3×12 met last time: +2.5 kg" in text_of(app, "#detail")
        assert "Stack 42.5 kg" in text_of(app, "#detail")
        edit_plates(app)
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "tab", "ctrl+u", "5", "enter")  # the stack step
        await pilot.pause()
        assert not isinstance(app.screen, PlatesDialog)
        detail = text_of(app, "#detail")
        assert "Next 45 kg: all 3×12 met last time: +5 kg (42.5 kg is not on the stack)" in detail
        assert "Stack 45 kg" in detail
        # this machine has a 2.5 kg add-on plate: its editor says so
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("slash", *"Hamstring curl", "enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseEditDialog)
        await pilot.press("tab", *"5 + 9", "enter")  # rest first (a catalogue exercise)
        assert "The small plate must be lighter than the stack step." in text_of(
            app, "#dialog-error"
        )
        await pilot.press("ctrl+u", *"5 + 2.5", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExerciseEditDialog)
        assert "machine (stack 5 kg + 2.5 kg)" in text_of(app, "#exercise-detail")
        await pilot.press("escape", "escape", "t")
        await pilot.pause()
        await move_to(pilot, app, row_of(app, "Hamstring curl", "1/3"))
        detail = text_of(app, "#detail")
        assert "Next 42.5 kg: all 3×12 met last time: +2.5 kg" in detail
        assert "Stack 40 kg + the 2.5 kg plate" in detail
    assert db_rows(
        paths.database,
        "SELECT stack_step_kg, small_plate_kg FROM exercises WHERE id = 'hamstring_curl'",
    ) == [(5.0, 2.5)]
    assert db_rows(paths.database, "SELECT value FROM settings WHERE key = 'stack_step_kg'") == [
        ("5",)
    ]


async def test_the_rest_screen_says_how_the_next_set_is_loaded(
    paths: Paths, clock: FakeClock
) -> None:
    dumbbells_first = PROGRAM.replace(
        '{ exercise = "trap_bar_deadlift", sets = 3, reps = 5 },\n', ""
    ).replace(
        '{ exercise = "hamstring_curl", sets = 3, reps = 12 },\n',
        '{ exercise = "hamstring_curl", sets = 3, reps = 12 },\n'
        '  { exercise = "trap_bar_deadlift", sets = 3, reps = 5 },\n',
    )
    seed(paths, clock, dumbbells_first)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RestScreen)
        assert text_of(app, "#rest-next") == "Next: Set 1 of 3 - Goblet squat 22 kg × 8"
        assert text_of(app, "#rest-plates") == "Dumbbells 22 kg in each hand"
        await pilot.press("t")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("enter", "enter")
            await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert text_of(app, "#rest-next") == "Next: Set 1 of 3 - Hamstring curl 42.5 kg × 12"
        assert text_of(app, "#rest-plates") == "Stack 42.5 kg"
    assert db_rows(paths.database, "SELECT count(*) FROM sets WHERE id > 18") == [(3,)]


async def test_a_body_weight_exercise_aims_a_rep_higher(paths: Paths, clock: FakeClock) -> None:
    nordic = PROGRAM.replace(
        '{ exercise = "goblet_squat", sets = 3, reps = 8 },',
        '{ exercise = "goblet_squat", sets = 3, reps = 8 },\n'
        '  { exercise = "nordic_curl", sets = 3, reps = 5 },',
    )
    seed(paths, clock, nordic)
    store = Store.open(paths.database)
    day = load_program(paths.program_file).days[0]
    when = clock.now() - timedelta(days=3, minutes=-30)
    for n, reps in enumerate((5, 6, 5)):
        store.sessions.log_set(SetInput("nordic_curl", 0, reps), day, when + timedelta(minutes=n))
    session = store.sessions.current()
    assert session is not None
    store.sessions.finish(session.id, when + timedelta(minutes=5))
    store.close()
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        first = row_of(app, "Nordic curl", "1/3")
        assert table_rows(app)[first][4] == "BW ×7"
        await move_to(pilot, app, first)
        assert "Next body weight: all 3×5 met last time: a rep more a set, 7" in text_of(
            app, "#detail"
        )
        await pilot.press("enter", "enter")  # prefilled: body weight, 7 reps
        await pilot.pause()
    assert db_rows(
        paths.database, "SELECT exercise_id, weight_kg, reps FROM sets ORDER BY id DESC LIMIT 1"
    ) == [("nordic_curl", 0, 7)]
