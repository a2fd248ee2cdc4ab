"""What a fresh-clone tester found in the coach's answers, driven as a user would: the screen
and the file after sessions of warm-ups only, a first time in a deload week, a weight under
the bar."""

from datetime import timedelta

from textual.pilot import Pilot

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.app import GymApp
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import db_rows, make_app, table_rows, text_of

SIZE = (100, 30)


def seed(paths: Paths, clock: FakeClock, sessions: list[tuple[int, list[SetInput]]]) -> None:
    """Day A sessions, each (days before now, its sets), finished."""
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    for ago, sets in sessions:
        when = clock.now() - timedelta(days=ago)
        for n, entry in enumerate(sets):
            store.sessions.log_set(entry, program.days[0], when + timedelta(minutes=n))
        session = store.sessions.current()
        assert session is not None
        store.sessions.finish(session.id, when + timedelta(minutes=len(sets)))
    store.close()


async def on_day_a(app: GymApp, pilot: Pilot[None]) -> None:
    """Today on Day A: the rotation may say B after the seeded sessions (s switches)."""
    if "Day A" not in text_of(app, "#day-title"):
        await pilot.press("s")
        await pilot.pause()


async def test_a_session_of_only_warm_ups_does_not_hide_the_working_sets_before_it(
    paths: Paths, clock: FakeClock
) -> None:
    # 4 x 6 at 100 kg a week ago; three days ago only the bar x 10 warm-up of squat. Today
    # still knows the squat: Last 100 x 6, Next 102.5 (it said "new" on every row)
    squats = [SetInput("back_squat", 100, 6)] * 4
    seed(paths, clock, [(7, squats), (3, [SetInput("back_squat", 20, 10, kind="warmup")])])
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen)
        await on_day_a(app, pilot)
        assert "Day A" in text_of(app, "#day-title")
        rows = [r for r in table_rows(app) if r[1].strip().startswith(("1/4", "▶1/4"))]
        assert rows and "100 × 6" in rows[0][3] and rows[0][4].startswith("102.5")
        assert "Warm-up 1 of 4: bar × 10" in text_of(app, "#detail")  # the ramp is back too
        view = app.screen.view
        assert view is not None
        assert view.suggestions["back_squat"].reason == "all 4×6 met last time: +2.5 kg"


async def test_a_barbell_weight_under_the_empty_bar_is_refused_and_nothing_saved(
    paths: Paths, clock: FakeClock
) -> None:
    # enter on a squat set, then 7 (a digit meant to rate the last set): 7 kg is no squat on
    # a 20 kg bar. Refused with what to do; the file holds nothing; a real weight saves
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym.update_settings(warmup_ramp=False)
        await pilot.pause()
        await on_day_a(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        await pilot.press("7", "tab", "5", "enter")
        assert isinstance(app.screen, SetDialog)
        assert text_of(app, "#dialog-error") == (
            "7 kg is lighter than the 20 kg bar: type the weight with the bar on it "
            "(a lighter bar: Bar and plates in the palette)."
        )
        assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(0,)]
        await pilot.press("backspace", *"60", "enter")  # the weight field has the focus
        assert isinstance(app.screen, TodayScreen)
    assert db_rows(paths.database, "SELECT exercise_id, weight_kg, reps FROM sets") == [
        ("back_squat", 60.0, 5)
    ]


async def test_a_working_weight_under_half_the_planned_asks_once_more(
    paths: Paths, clock: FakeClock
) -> None:
    # hamstring curl planned at 35 kg; enter then 8 (an effort rating meant for the last set)
    # is not saved at once: the dialog says so; enter again saves it as typed
    seed(paths, clock, [(7, [SetInput("hamstring_curl", 35, 12)] * 3)])
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await on_day_a(app, pilot)
        view = app.screen.view
        assert view is not None
        row = next(i for i, r in enumerate(view.rows) if r.exercise.id == "hamstring_curl")
        app.screen.table.move_cursor(row=row)
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        await pilot.press("8", "enter")
        assert isinstance(app.screen, SetDialog)
        assert text_of(app, "#dialog-error") == (
            "8 kg is under half the 37.5 kg planned: enter again to save it."
        )
        assert db_rows(paths.database, "SELECT count(*) FROM sets WHERE weight_kg = 8") == [(0,)]
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
    assert db_rows(paths.database, "SELECT weight_kg FROM sets WHERE weight_kg = 8") == [(8.0,)]


async def test_after_an_x_set_with_nothing_left_a_digit_rates_that_set(
    paths: Paths, clock: FakeClock
) -> None:
    # a day of one squat set, done; then x, leg extension, 50 x 12; then 9: the leg extension
    # is rated (the cursor stayed on the squat row and the digit rated the squat)
    paths.program_file.parent.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(
        '[warmup]\nexercises = "off"\n\n[[days]]\nkey = "A"\nname = "Day A"\n'
        'exercises = [{ exercise = "back_squat", sets = 1, reps = 5 }]\n'
    )
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"100", "enter")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("x", *"leg extension", "enter")
        assert isinstance(app.screen, SetDialog)
        await pilot.press(*"50", "tab", *"12", "enter")
        assert isinstance(app.screen, TodayScreen)
        await pilot.pause()
        await pilot.press("9")
        await pilot.pause()
    assert db_rows(paths.database, "SELECT exercise_id, rpe FROM sets ORDER BY id") == [
        ("back_squat", None),
        ("leg_extension", 9.0),
    ]


async def test_a_warm_up_chosen_in_the_set_dialog_is_not_asked_about_its_light_weight(
    paths: Paths, clock: FakeClock
) -> None:
    # squat planned at 102.5: enter, 30, Kind warm-up (w in the Kind field), enter: saved at
    # once as a warm-up (it asked "under half the planned" first)
    seed(paths, clock, [(3, [SetInput("back_squat", 100, 6)] * 4)])
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym.update_settings(warmup_ramp=False)
        await pilot.pause()
        await on_day_a(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        await pilot.press(*"30", "tab", "tab", "tab", "tab")
        assert app.focused is not None and app.focused.id == "kind"
        await pilot.press("w", "enter")
        assert isinstance(app.screen, TodayScreen)
    assert db_rows(paths.database, "SELECT weight_kg, kind FROM sets WHERE weight_kg = 30") == [
        (30.0, "warmup")
    ]
