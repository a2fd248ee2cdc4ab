"""When the app next wakes: at the next change of what is shown of the rest (its M:SS, which
the bar follows, the rack's flash, the deadline), and no more often than that; idle, only the
once-a-second look at the file."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.rest import RestView, next_change_s
from gymtui.paths import Paths
from gymtui.ui.screens.rack import RackScreen
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.widgets.rest_bar import RestBar
from gymtui.ui.widgets.rest_digits import RestDigits

from conftest import FakeClock
from helpers import Alerts, make_app
from test_rest_flow import bells


def view(state: str, remaining: float, length: float = 180.0) -> RestView:
    return RestView(state, remaining, length, "", None)  # type: ignore[arg-type]


def test_the_next_change_is_the_next_whole_second_of_the_shown_time() -> None:
    assert next_change_s(view("running", 179.7)) == pytest.approx(0.7)  # 3:00 -> 2:59
    assert next_change_s(view("running", 179.0)) == pytest.approx(1.0)  # 2:59 -> 2:58
    assert next_change_s(view("running", 0.25)) == pytest.approx(0.25)  # the deadline itself
    assert next_change_s(view("over", -0.3)) == pytest.approx(0.7)  # +0:01 -> +0:02


def test_nothing_changes_while_no_rest_runs_or_it_is_paused() -> None:
    assert next_change_s(view("idle", 0.0)) is None
    assert next_change_s(view("paused", 42.4)) is None


def test_the_bar_moves_with_the_digits() -> None:
    # 50 cells over 100 s: the bar shows the whole seconds the digits show, so it moves
    # when they turn, never between two of them
    assert view("running", 99.5, 100).shown_done_s == 0.0  # 1:40 shown
    assert view("running", 98.9, 100).shown_done_s == 1.0  # 1:39 shown
    assert view("running", 0.2, 100).shown_done_s == 99.0  # 0:01 shown
    assert view("over", -3, 100).shown_done_s == 100.0


@given(st.floats(1, 900), st.floats(0.001, 1.0), st.sampled_from([0, 25, 50, 100]), st.booleans())
def test_nothing_shown_changes_before_the_next_change_and_something_does_at_it(
    length: float, share: float, steps: int, over: bool
) -> None:
    left = -share * length if over else share * length
    now = view("over" if over else "running", left, length)
    wait = next_change_s(now)
    assert wait is not None and 0 <= wait <= 1.0 + 1e-9

    def shown(at: float) -> tuple[str, int]:
        remaining = left - at
        moved = view("over" if over or remaining <= 0 else "running", remaining, length)
        return moved.digits, int(moved.shown_done_s / max(length, 1.0) * steps)

    if wait > 2e-6:
        assert shown(wait - 1e-6) == shown(0)
    assert shown(wait + 1e-6) != shown(0)


async def test_today_wakes_at_the_next_second_of_the_rest(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *"100", "enter")  # a 3:00 rest
        clock.advance(0.3)
        app.tick()
        assert app.next_tick_s == pytest.approx(0.7 + app.TICK_LATE_S)
        await pilot.press("r", "s", "t")  # no rest: only the file's look, every TICK_S
        app.tick()
        assert app.next_tick_s == app.TICK_S


async def test_the_rest_screens_bar_moves_on_the_seconds_tick(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *"100", "enter", "r")
        await pilot.pause()
        assert isinstance(app.screen, RestScreen)
        bar = app.screen.query_one("#rest-bar", RestBar)
        # 3:00 over the bar's 50 cells: 3.6 s a cell. The bar follows the seconds shown,
        # so the screen wakes once a second, not also for the cell between two of them
        clock.advance(3.3)
        app.tick()
        assert app.next_tick_s == pytest.approx(0.7 + app.TICK_LATE_S)
        assert int(bar.progress) == 0  # 2:57 shown: 3 s of 180 is under one cell
        clock.advance(0.7 + app.TICK_LATE_S)
        app.tick()
        await pilot.pause()
        assert app.next_tick_s == pytest.approx(1.0)  # the next second: 175.998 s left
        assert int(bar.progress) == 1  # 2:56 shown: 4 s done, a cell
        assert "2:56" in app.screen.query_one("#rest-digits", RestDigits).value


async def test_the_tick_at_the_deadline_rings_the_alert(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    alerts = Alerts()
    app = make_app(paths, clock, alerts)
    async with app.run_test(size=(100, 30)) as pilot:
        rung = bells(app, monkeypatch)
        await pilot.press("enter", *"100", "enter")
        clock.advance(179.75)
        app.tick()
        assert app.next_tick_s == pytest.approx(0.25 + app.TICK_LATE_S)
        assert rung == [] and alerts.sent == []
        assert app.next_tick_s is not None
        clock.advance(app.next_tick_s)
        app.tick()
        assert rung == [1] and [title for title, _ in alerts.sent] == ["Rest over"]


async def test_the_rack_wakes_each_half_second_while_it_flashes(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *"100", "enter", "v")
        await pilot.pause()
        assert isinstance(app.screen, RackScreen)
        clock.advance(180.2)
        app.tick()
        assert app.next_tick_s == pytest.approx(0.3 + app.TICK_LATE_S)  # the flash flips
        clock.advance(30)
        app.tick()
        assert app.next_tick_s == pytest.approx(0.8 + app.TICK_LATE_S)  # only +0:31 -> +0:32


async def test_a_paused_rest_wakes_only_for_the_file(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *"100", "enter", "r", "space")
        app.tick()
        assert app.next_tick_s == app.TICK_S


async def test_no_bar_wakes_the_app_between_ticks(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual's ProgressBar redraws itself every second for its ETA, from a timer of its
    # own, even on a screen out of sight: the rest's bar runs on the app's tick alone.
    calls: list[object] = []
    monkeypatch.setattr(RestBar, "update", lambda self, **changes: calls.append(changes))
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *"100", "enter", "r")
        await pilot.pause()
        calls.clear()
        await pilot.pause(1.3)  # real time: Textual's interval timers run on it
        assert calls == []
