"""The rest belongs to its session: it ends with it, stops counting up, never alerts twice; one
RestView feeds every place that shows it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from gymtui.core.rest import OVER_LIMIT_S
from gymtui.paths import Paths
from gymtui.ui.app import GymApp
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.settings import toggle_flag
from gymtui.ui.widgets.rest_digits import RestDigits

from conftest import FakeClock
from helpers import Alerts, db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)


def status(app: GymApp) -> str:
    return text_of(app, "#rest-status")


async def test_a_rest_ends_with_its_idle_session_and_reopening_alerts_nothing(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        assert status(app).startswith("Rest 3:00")
    clock.advance(timedelta(hours=4, minutes=30).total_seconds())  # quit without f
    alerts = Alerts()
    app = make_app(paths, clock, alerts)
    async with app.run_test(size=SIZE) as pilot:
        app.tick()
        await pilot.pause()
        assert text_of(app, "#day-title").startswith("Day B")
        assert status(app).startswith("No rest running")
        assert "over" not in status(app)
        assert not any("Rest over" in n for n in notifications(app)) and alerts.sent == []
        clock.advance(timedelta(days=1).total_seconds())
        app.tick()
        assert status(app).startswith("No rest running")
    finished = db_rows(paths.database, "SELECT finished_at FROM sessions")
    assert finished[0][0] is not None


async def test_reopening_after_the_rest_ran_out_does_not_alert_again(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
    clock.advance(200)  # the rest ran out while gymtui was closed
    alerts = Alerts()
    app = make_app(paths, clock, alerts)
    async with app.run_test(size=SIZE) as pilot:
        app.tick()
        await pilot.pause()
        assert status(app).startswith("Rest +0:20 over")
        assert alerts.sent == [] and not any("Rest over" in n for n in notifications(app))


async def test_the_over_count_stops_after_the_limit_without_a_second_alert(
    paths: Paths, clock: FakeClock
) -> None:
    alerts = Alerts()
    app = make_app(paths, clock, alerts)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        clock.advance(181)
        app.tick()
        assert len(alerts.sent) == 1 and status(app).startswith("Rest +0:01 over")
        clock.advance(OVER_LIMIT_S)
        app.tick()
        await pilot.pause()
        assert status(app).startswith("No rest running")
        assert "next: Set 2 of 4 - Back squat" in status(app)
        clock.advance(3600)
        app.tick()
        assert len(alerts.sent) == 1


async def test_finishing_the_session_ends_the_rest(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(
            "enter", "1", "0", "0", "enter", "f", "y", "enter"
        )  # the summary closes with enter
        app.tick()
        await pilot.pause()
        assert status(app) == "No rest running  ·  next: Set 1 of 3 - Front squat × 8"


async def test_with_auto_start_off_space_on_rest_starts_one(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        toggle_flag(app, "rest_autostart", "Auto-start rest")
        await pilot.press("space")  # nothing logged yet: space on Today does nothing
        await pilot.press("r")
        assert isinstance(app.screen, RestScreen)
        await pilot.press("space")
        assert any("Log a set first" in n for n in notifications(app))
        await pilot.press("t", "enter", "1", "0", "0", "enter")
        assert status(app).startswith("No rest running")
        await pilot.press("r")
        assert text_of(app, "#rest-state").startswith("No rest running")
        await pilot.press("space")
        assert text_of(app, "#rest-state") == "Resting"
        assert app.screen.query_one("#rest-digits", RestDigits).value == "3:00"
        assert status(app).startswith("Rest 3:00")


async def test_every_place_follows_a_delete_a_unit_change_and_a_fresh_start(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert text_of(app, "#rest-next") == "Next: Set 1 of 4 - Back squat × 6"
        await pilot.press("t", "enter", "1", "0", "0", "enter", "enter", "enter")
        assert "next: Set 3 of 4 - Back squat 100 kg × 6" in status(app)
        await pilot.press("up", "d", "y")  # delete the second set
        assert "next: Set 2 of 4 - Back squat 100 kg × 6" in status(app)
        await pilot.press("u")
        assert "next: Set 2 of 4 - Back squat 220.5 lb × 6" in status(app)
        await pilot.press("r")
        assert text_of(app, "#rest-next") == "Next: Set 2 of 4 - Back squat 220.5 lb × 6"


@pytest.mark.parametrize("finish", ["f", "idle"])
async def test_a_new_session_after_the_last_starts_without_a_stale_rest(
    paths: Paths, clock: FakeClock, finish: str
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        if finish == "f":
            await pilot.press("f", "y", "enter")  # then close the summary
        else:
            clock.advance(3 * 3600 + 60)
        await pilot.press("h", "t")
        app.tick()
        await pilot.pause()
        assert text_of(app, "#day-title").startswith("Day B")
        assert status(app).startswith("No rest running")


async def test_a_left_and_right_are_one_planned_set_with_no_long_rest_between(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        split = next(i for i, r in enumerate(table_rows(app)) if r[0] == "Bulgarian split squat")
        today.table.move_cursor(row=split)
        await pilot.press("enter", "2", "0", *["tab"] * 5, "l", "enter")
        assert table_rows(app)[split][5] == "L 20 × 8 · R next"
        assert status(app).startswith("No rest running")  # no 1:30 between the legs
        assert "next: Set 1 of 3 - Bulgarian split squat, right leg 20 kg × 8" in status(app)
        assert today.table.cursor_row == split
        await pilot.press("enter")  # the other leg, prefilled: weight, reps and side
        assert app.screen.query_one("#side").chosen == "R"  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert table_rows(app)[split][5] == "✓ 20 × 8 L+R"
        assert table_rows(app)[split + 1][5] == ""
        assert status(app).startswith("Rest 1:30")  # the pair done: the exercise's rest
        # The lifter's order (issue 23): the exercise just logged goes on until it is done.
        assert "next: Set 2 of 3 - Bulgarian split squat 20 kg × 8" in status(app)
    rows = db_rows(paths.database, "SELECT side, weight_kg, reps FROM sets ORDER BY id")
    assert rows == [("L", 20.0, 8), ("R", 20.0, 8)]


async def test_a_rest_between_legs_when_the_user_sets_one(paths: Paths, clock: FakeClock) -> None:
    from gymtui.core.rest import RestLengths

    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym.set_rest_lengths(None, RestLengths(None, None, None, 20))
        await pilot.press("x", *"bulgarian", "enter", "2", "0", "tab", "8")
        await pilot.press(*["tab"] * 4, "r", "enter")
        assert status(app).startswith("Rest 0:20")
        assert "left leg" in status(app)
