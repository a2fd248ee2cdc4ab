"""The rest timer in the app: starts itself, shows everywhere, alerts once, survives restarts."""

import pytest

from gymtui.paths import Paths
from gymtui.ui.app import GymApp
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.settings import toggle_flag
from gymtui.ui.widgets.rest_digits import RestDigits

from conftest import FakeClock
from helpers import Alerts, db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)


def bells(app: GymApp, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    rung: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(1))
    return rung


async def log_first_squat(pilot, weight: str = "100") -> None:  # type: ignore[no-untyped-def]
    await pilot.press("enter", *weight, "enter")


async def test_logging_a_set_starts_the_rest_and_every_screen_shows_it(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert text_of(app, "#rest-status").startswith("No rest running")
        await log_first_squat(pilot)
        assert text_of(app, "#rest-status").startswith("Rest 3:00")
        assert "next: Set 2 of 4 - Back squat 100 kg × 6" in text_of(app, "#rest-status")
        clock.advance(19)
        app.tick()
        assert text_of(app, "#rest-status").startswith("Rest 2:41")
        await pilot.press("h")
        assert text_of(app, "#rest-status").startswith("Rest 2:41")
        await pilot.press("r")
        assert isinstance(app.screen, RestScreen)
        assert text_of(app, "#rest-next") == "Next: Set 2 of 4 - Back squat 100 kg × 6"
        assert text_of(app, "#rest-last").startswith("Last: Back squat 100 kg × 6")
        assert app.screen.query_one("#rest-digits", RestDigits).value == "2:41"  # 161 s


async def test_alert_fires_once_on_every_channel(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    alerts = Alerts()
    app = make_app(paths, clock, alerts)
    async with app.run_test(size=SIZE) as pilot:
        rung = bells(app, monkeypatch)
        await log_first_squat(pilot)
        clock.advance(179)
        app.tick()
        assert rung == [] and alerts.sent == []
        for _ in range(5):
            clock.advance(1)
            app.tick()
        await pilot.press("h")  # another screen: still once
        clock.advance(40)
        app.tick()
        assert rung == [1]
        assert alerts.sent == [("Rest over", "Set 2 of 4 - Back squat 100 kg × 6")]
        assert notifications(app).count("Set 2 of 4 - Back squat 100 kg × 6") == 1
        assert text_of(app, "#rest-status").startswith("Rest +0:44 over")
        assert app.screen.query_one("#rest-status").has_class("-over")


async def test_alert_channels_can_be_switched_off(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    alerts = Alerts()
    app = make_app(paths, clock, alerts)
    async with app.run_test(size=SIZE) as pilot:
        rung = bells(app, monkeypatch)
        toggle_flag(app, "alert_bell", "Bell")
        toggle_flag(app, "alert_desktop", "Desktop")
        await log_first_squat(pilot)
        clock.advance(181)
        app.tick()
        await pilot.pause()
        assert rung == [] and alerts.sent == []
        assert "Set 2 of 4 - Back squat 100 kg × 6" in notifications(app)


async def test_rest_screen_keys(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await log_first_squat(pilot)
        await pilot.press("r")
        clock.advance(30)
        await pilot.press("space")
        assert text_of(app, "#rest-status").startswith("Rest 2:30 paused")
        assert text_of(app, "#rest-state").startswith("Paused")
        clock.advance(300)
        await pilot.press("space", "plus", "plus", "minus")
        assert text_of(app, "#rest-status").startswith("Rest 2:45")
        await pilot.press("s")
        assert text_of(app, "#rest-status").startswith("No rest running")
        await pilot.press("enter")  # log the next set straight from here
        await pilot.press("enter")
        assert isinstance(app.screen, RestScreen)
        assert text_of(app, "#rest-status").startswith("Rest 3:00")
        await pilot.press("t")
        assert isinstance(app.screen, TodayScreen)
        assert "▶3/4" in [r[1] for r in table_rows(app)]
    assert db_rows(paths.database, "SELECT weight_kg, reps FROM sets") == [(100, 6), (100, 6)]
    assert db_rows(paths.database, "SELECT rest_taken_s FROM sets WHERE id = 1") == [(330,)]


async def test_quitting_mid_rest_and_reopening_shows_the_same_countdown(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await log_first_squat(pilot)
        clock.advance(40)
        await pilot.press("q")
    clock.advance(20)
    clock.steady = 3.0  # a new process: its steady clock has another origin
    again = make_app(paths, clock)
    async with again.run_test(size=SIZE):
        assert text_of(again, "#rest-status").startswith("Rest 2:00")


async def test_auto_start_can_be_turned_off(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        toggle_flag(app, "rest_autostart", "Auto-start rest")
        await log_first_squat(pilot)
        assert text_of(app, "#rest-status").startswith("No rest running")


async def test_warmups_and_own_rest_lengths(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "6", "0", "enter")
        assert text_of(app, "#rest-status").startswith("Rest 0:45")
        await pilot.press("r", "l")
        await pilot.press(*"2:30", "tab", *"30", "enter")
        assert app.gym.rest_lengths("back_squat").exercise == 150
        await pilot.press("t", "enter", *"100", "enter")
        assert text_of(app, "#rest-status").startswith("Rest 2:30")
        await pilot.press("w", "enter")
        assert text_of(app, "#rest-status").startswith("Rest 0:30")


async def test_a_tick_while_the_rest_screen_is_being_built_is_harmless(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await log_first_squat(pilot)
        app.switch_mode("rest")
        app.tick()  # before the Rest screen has mounted its widgets
        await pilot.pause()
        app.tick()
        assert isinstance(app.screen, RestScreen)
        assert text_of(app, "#rest-state") == "Resting"


async def test_a_toast_waits_for_an_open_dialog(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gymtui.ui.dialogs.set_dialog import SetDialog

    alerts = Alerts()
    app = make_app(paths, clock, alerts)
    async with app.run_test(size=(80, 24)) as pilot:
        rung = bells(app, monkeypatch)
        await log_first_squat(pilot)
        assert any(n.startswith("Saved:") for n in notifications(app))
        await pilot.press("enter")  # set 2's dialog, while the rest runs
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        assert notifications(app) == []  # the "Saved" toast no longer covers the fields
        clock.advance(200)
        app.tick()
        await pilot.pause()
        assert rung == [1] and alerts.sent  # the bell and the desktop alert do not wait
        assert notifications(app) == []  # the toast does
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SetDialog)
        assert notifications(app) == ["Set 2 of 4 - Back squat 100 kg × 6"]
