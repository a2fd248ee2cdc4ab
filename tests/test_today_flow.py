"""Flows on the Today screen, driven by key presses; asserting on the file and the screen."""

from datetime import timedelta

from textual.widgets import Input

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.dialogs.confirm import ConfirmDialog
from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.history import HistoryScreen
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)


def seed_last_day_a(paths: Paths, clock: FakeClock, weight: float = 100, reps: int = 6) -> None:
    """A Day A three days ago, every squat set at target: today is Day B, then A again."""
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    when = clock.now() - timedelta(days=3)
    for n in range(4):
        store.sessions.log_set(
            SetInput("back_squat", weight, reps), program.days[0], when + timedelta(minutes=n)
        )
    s = store.sessions.current()
    assert s is not None
    store.sessions.finish(s.id, when + timedelta(minutes=5))
    store.close()


async def test_first_run_shows_day_a_and_asks_for_a_weight(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen)
        assert text_of(app, "#day-title").startswith("Day A · Strength and power")
        assert "First session" in text_of(app, "#recovery")
        rows = table_rows(app)
        assert rows[0][:3] == ["Back squat", "▶1/4", "×6"]
        assert rows[0][4] == "new"
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        await pilot.press("enter")  # no weight yet: refused with a message
        assert "Weight must be a number of kg" in text_of(app, "#dialog-error")
        assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(0,)]
        await pilot.press("1", "0", "0", "enter")
        assert isinstance(app.screen, TodayScreen)
        assert db_rows(paths.database, "SELECT exercise_id, weight_kg, reps, kind FROM sets") == [
            ("back_squat", 100.0, 6, "working")
        ]
        rows = table_rows(app)
        assert rows[0][5] == "✓ 100 × 6"
        assert rows[1][1] == "▶2/4" and rows[1][4] == "100"
        assert "Saved: Back squat 100 kg × 6" in notifications(app)


async def test_straight_set_is_enter_enter(paths: Paths, clock: FakeClock) -> None:
    seed_last_day_a(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        # the last session was A, so today is B; switch to A to hit the progression
        assert text_of(app, "#day-title").startswith("Day B")
        await pilot.press("s")
        assert text_of(app, "#day-title").startswith("Day A")
        rows = table_rows(app)
        # the warm-up ramp to 102.5 kg, rounded to the plates, then the working sets
        assert [r[1:5] for r in rows[:5]] == [
            ["▶W1", "×10 bar", "", "20"],
            [" W2", "×5 40%", "", "40"],
            [" W3", "×3 60%", "", "60"],
            [" W4", "×2 80%", "", "80"],
            [" 1/4", "×6", "100 × 6", "102.5"],
        ]
        for _ in range(6):  # four warm-ups and two working sets, each enter, enter
            await pilot.press("enter", "enter")
            clock.advance(60)
    assert db_rows(paths.database, "SELECT weight_kg, reps, kind FROM sets WHERE id > 4") == [
        (20, 10, "warmup"),
        (40, 5, "warmup"),
        (60, 3, "warmup"),
        (80, 2, "warmup"),
        (102.5, 6, "working"),
        (102.5, 6, "working"),
    ]
    assert db_rows(paths.database, "SELECT day_key FROM sessions ORDER BY id") == [("A",), ("A",)]


async def test_invalid_reps_are_refused_inline(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "8", "0", "tab", "s", "i", "x", "enter")
        assert isinstance(app.screen, SetDialog)
        assert (
            text_of(app, "#dialog-error")
            == "Reps must be a whole number from 1 to 100 (got 'six')."
        )
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(0,)]


async def test_comma_decimal_and_pounds(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "2", ",", "5", "enter")
        await pilot.press("u")  # switch to lb
        assert table_rows(app)[0][5] == "✓ 226 × 6"
        await pilot.press("enter")
        assert app.screen.query_one("#weight", Input).value == "226"
        await pilot.press("enter")  # the weight as it opened: 102.5 kg, not 226 lb (102.51 kg)
        await pilot.press("enter")
        assert app.screen.query_one("#weight", Input).placeholder == "e.g. 225"  # not 102.5
        await pilot.press("ctrl+u", "2", "2", "5", "enter")
    rows = db_rows(paths.database, "SELECT weight_kg FROM sets ORDER BY id")
    assert rows[:2] == [(102.5,), (102.5,)]
    assert abs(rows[2][0] - 102.058) < 0.001


async def test_warmup_edit_and_delete(paths: Paths, clock: FakeClock) -> None:
    seed_last_day_a(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "w")  # on the ramp's first row: its bar x 10
        dialog = app.screen
        assert isinstance(dialog, SetDialog) and dialog.request.kind == "warmup"
        assert dialog.request.title == "Back squat · warm-up 1 of 4 (bar × 10)"
        await pilot.press("enter")
        rows = table_rows(app)
        assert rows[0][1:] == [" W1", "×10 bar", "", "", "W 20 × 10"]
        assert rows[1][1] == "▶W2"
        await pilot.press("up", "e")  # edit the warm-up: 10 reps -> 5
        await pilot.press("tab", "5", "enter")
        assert db_rows(paths.database, "SELECT reps, kind FROM sets WHERE id = 5") == [
            (5, "warmup")
        ]
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(5,)]
        await pilot.press("d", "y")
        assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(4,)]
        assert table_rows(app)[0][1] == "▶W1"


async def test_single_keys_switch_screens(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RestScreen)
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("t")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("question_mark")
        assert "Log the highlighted set" in text_of(app, "#help-keys")
        await pilot.press("escape", "q")
    assert app.return_code == 0


async def test_finished_session_stays_finished(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(
            "enter", "6", "0", "enter", "f", "y", "enter"
        )  # the summary closes with enter
        assert "(not started)" in text_of(app, "#day-title")
        assert text_of(app, "#day-title").startswith("Day B")
    again = make_app(paths, clock)
    async with again.run_test(size=SIZE):
        assert text_of(again, "#day-title").startswith("Day B")
    assert db_rows(paths.database, "SELECT finished_at IS NOT NULL FROM sessions") == [(1,)]


async def test_add_an_exercise_not_in_the_plan(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", *"sissy squat", "enter")
        # a new exercise opens the editor, named as typed: quadriceps, then enter
        assert isinstance(app.screen, ExerciseEditDialog)
        await pilot.press("tab", "q", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        await pilot.press("0", "tab", "1", "5", "enter")
        assert table_rows(app)[-1][0] == "sissy squat"
    assert db_rows(
        paths.database, "SELECT name, muscles, custom FROM exercises WHERE custom = 1"
    ) == [("sissy squat", "quadriceps", 1)]


async def test_write_refused_says_not_saved(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym._store.conn.execute("PRAGMA query_only=ON")
        await pilot.press("enter", "1", "0", "0", "enter")
        assert not any(n.startswith("Saved") for n in notifications(app))
        assert any("Not saved" in n for n in notifications(app))
        app.gym._store.conn.execute("PRAGMA query_only=OFF")
        assert table_rows(app)[0][5] == ""
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(0,)]


async def test_finish_asks_in_good_grammar(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter", "f")
        assert isinstance(app.screen, ConfirmDialog)
        assert text_of(app, "#confirm-question") == "Finish Day A? 1 working set logged."


async def test_a_narrow_window_keeps_help_and_quit_in_the_key_line(
    paths: Paths, clock: FakeClock
) -> None:
    from gymtui.ui.widgets.key_bar import KeyBar

    app = make_app(paths, clock)
    async with app.run_test(size=(60, 20)) as pilot:
        for screen_key in ("t", "r", "h"):
            await pilot.press(screen_key)
            await pilot.pause()
            line = app.screen.query_one(KeyBar).render().plain  # type: ignore[union-attr]
            assert "? Help" in line and "q Quit" in line
            assert len(line.rstrip()) <= 60


async def test_a_pr_is_toasted_and_starred_the_moment_it_is_logged(
    paths: Paths, clock: FakeClock
) -> None:
    seed_last_day_a(paths, clock)  # back squat 4 x 100 kg x 6 three days ago
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # today would be Day B: switch to A
        await pilot.pause()
        if isinstance(app.screen, ConfirmDialog):
            await pilot.press("y")
            await pilot.pause()
        assert table_rows(app)[0][0] == "Back squat"
        await pilot.press("down", "down", "down", "down")  # past the warm-up ramp
        await pilot.press("enter", "1", "0", "5", "enter")  # 105 kg x 6
        await pilot.pause()
        assert "New PR: heaviest 105 kg (was 100) · e1RM 126 kg (was 120)" in notifications(app)
        assert table_rows(app)[0][5] == "✓ 105 × 6 ★"  # the ramp left undone is gone
        assert db_rows(paths.database, "SELECT pr FROM sets ORDER BY id DESC LIMIT 1") == [(1,)]
        await pilot.press("enter", "enter")  # the same again: a record only the first time
        await pilot.pause()
        assert table_rows(app)[1][5] == "✓ 105 × 6"
        assert sum(n.startswith("New PR") for n in notifications(app)) == 1


async def test_a_first_set_ever_is_no_pr_to_celebrate(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        await pilot.pause()
        assert table_rows(app)[0][5] == "✓ 100 × 6"
        assert not any(n.startswith("New PR") for n in notifications(app))
        await pilot.press("enter", "1", "0", "0", "tab", "8", "enter")
        await pilot.pause()  # more reps at the same weight: that is a record now
        assert "New PR: e1RM 126.5 kg (was 120) · 8 reps at 100 kg (was 6)" in notifications(app)
        assert table_rows(app)[1][5] == "✓ 100 × 8 ★"


async def test_the_first_session_under_way_is_still_the_first(
    paths: Paths, clock: FakeClock
) -> None:
    """Logging the first set ever: Today said "No leg day yet: your legs are fresh · 1 of 2 leg
    sessions this week", counting the session under way as one before and none after."""
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"100", "enter")
        await pilot.pause()
        assert text_of(app, "#recovery").startswith("First session: no recovery to wait for")
