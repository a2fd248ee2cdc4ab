"""RPE moves the weights, end to end: RPE typed in the set dialog steers next session's tip;
an RPE target with back-offs in program.toml gives each row its weight; fatigue deloads."""

from datetime import timedelta

from textual.widgets import Input

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import db_rows, make_app, table_rows, text_of

SIZE = (100, 30)

TOP_SET_PROGRAM = """name = "Top sets"
[[days]]
key = "A"
name = "Day A"
exercises = [
  { exercise = "back_squat", sets = 4, reps = 5, rpe = 9, backoff_pct = 90, warmup = false },
]
"""


def seed(
    paths: Paths, clock: FakeClock, sessions: list[list[tuple[float, int, float | None]]]
) -> None:
    """Back squat sessions of Day A (newest last), three days apart, the last three days ago."""
    program = load_program(paths.program_file)
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    for n, sets in enumerate(sessions):
        when = clock.now() - timedelta(days=3 * (len(sessions) - n))
        for i, (kg, reps, rpe) in enumerate(sets):
            store.sessions.log_set(
                SetInput("back_squat", kg, reps, rpe=rpe),
                program.days[0],
                when + timedelta(minutes=i),
            )
        s = store.sessions.current()
        assert s is not None
        store.sessions.finish(s.id, when + timedelta(minutes=10))
    store.close()


async def test_rpe_typed_in_the_set_dialog_turns_next_session_s_step_into_a_repeat(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "tab", "tab", "1", "0")
        assert isinstance(app.screen, SetDialog)
        assert app.screen.query_one("#rpe", Input).value == "10"
        await pilot.press("enter")
        for _ in range(3):
            clock.advance(120)
            await pilot.press("enter", "tab", "tab", "1", "0", "enter")
        assert (
            db_rows(paths.database, "SELECT weight_kg, reps, rpe FROM sets")
            == [(100.0, 6, 10.0)] * 4
        )
        await pilot.press("f", "y")
        # the finish summary's "next time" says it too
        assert "all 4×6 met at RPE 10: repeat 100 kg" in text_of(app, "#summary")
        await pilot.press("enter")
    clock.advance(3 * 24 * 3600)
    again = make_app(paths, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # Day B is next: switch to Day A
        assert isinstance(again.screen, TodayScreen)
        assert text_of(again, "#day-title").startswith("Day A")
        rows = table_rows(again)
        squat = next(r for r in rows if r[1].strip().lstrip("▶") == "1/4")
        assert squat[3:5] == ["100 × 6", "100"]  # last time, and today: a repeat
        for _ in range(rows.index(squat)):
            await pilot.press("down")
        assert "Next 100 kg: all 4×6 met at RPE 10: repeat 100 kg" in text_of(again, "#detail")


async def test_an_rpe_target_with_back_offs_gives_each_row_its_weight(
    paths: Paths, clock: FakeClock
) -> None:
    paths.program_file.parent.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(TOP_SET_PROGRAM)
    seed(paths, clock, [[(120, 5, 8)] + [(107.5, 5, 7)] * 3])
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        rows = table_rows(app)
        assert [r[4] for r in rows[:4]] == ["122.5", "110", "110", "110"]
        assert "Next 122.5 kg: e1RM 148 kg from 120 kg×5 @8; 5 @ RPE 9: 122.5 kg" in text_of(
            app, "#detail"
        )
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        assert app.screen.query_one("#weight", Input).value == "122.5"
        await pilot.press("tab", "tab", "9", "enter")  # the top set, at RPE 9
        assert [r[4] for r in table_rows(app)[1:4]] == ["110", "110", "110"]
        await pilot.press("r")
        assert isinstance(app.screen, RestScreen)
        assert text_of(app, "#rest-next") == "Next: Set 2 of 4 - Back squat 110 kg × 5"
        await pilot.press("t")
        assert "Back-off 110 kg: 90% of the top set (set 1)" in text_of(app, "#detail")
        await pilot.press("enter")
        assert app.screen.query_one("#weight", Input).value == "110"
        await pilot.press("enter")
    assert db_rows(paths.database, "SELECT weight_kg, reps, rpe FROM sets WHERE id > 4") == [
        (122.5, 5, 9.0),
        (110.0, 5, None),
    ]


async def test_rpe_rising_at_one_load_deloads_with_the_reason_on_today(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock, [[(120, 6, rpe)] * 4 for rpe in (7.5, 8.5, 9.5)])
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        rows = table_rows(app)
        squat = next(r for r in rows if r[1].strip().lstrip("▶") == "1/4")
        assert squat[4] == "107.5"
        for _ in range(rows.index(squat)):
            await pilot.press("down")
        assert "Next 107.5 kg: RPE 7.5 → 8.5 → 9.5 at 120 kg: deload to 107.5 kg" in text_of(
            app, "#detail"
        )
