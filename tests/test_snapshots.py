"""Snapshots of the screens at 80x24 (the smallest supported) and 160x50, with a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable

from gymtui.core.program import load_program
from gymtui.demo import build_history, make_demo
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.app import GymApp
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import make_app

SnapCompare = Callable[..., bool]


def with_history(paths: Paths, clock: FakeClock) -> None:
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    build_history(store, program, clock.now() - timedelta(days=2, hours=3), weeks=6)
    store.close()


def mid_session(clock: FakeClock) -> Callable[[Pilot[Any]], Any]:
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("w", "enter")
        clock.advance(100)
        await pilot.press("enter", "enter")
        clock.advance(65)
        pilot.app.tick()  # type: ignore[attr-defined]
        pilot.app.clear_notifications()
        await pilot.pause()

    return steps


def test_today_first_run(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    assert snap_compare(make_app(paths, clock), terminal_size=(80, 24))


def test_today_mid_session(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    with_history(paths, clock)
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=mid_session(clock))


def test_today_mid_session_large(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    with_history(paths, clock)
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(160, 50), run_before=mid_session(clock))


def test_set_dialog_with_error(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), press=["enter", "tab", "x", "enter"])


def rest_state(
    clock: FakeClock, keys: tuple[str, ...], advance: float
) -> Callable[[Pilot[Any]], Any]:
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("enter", "1", "0", "0", "enter", "r")
        clock.advance(advance)
        await pilot.press(*keys)
        pilot.app.tick()  # type: ignore[attr-defined]
        pilot.app.clear_notifications()
        await pilot.pause()

    return steps


def test_rest_running(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=rest_state(clock, (), 19))


def test_rest_paused(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=rest_state(clock, ("space",), 50))


def test_rest_over(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=rest_state(clock, (), 222))


def history(keys: tuple[str, ...]) -> Callable[[Pilot[Any]], Any]:
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("h")
        await pilot.app.workers.wait_for_complete()
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if "4" in keys:  # the chart is drawn after its worker, then painted: wait for it
            for _ in range(50):
                if pilot.app.screen.query_one("#records", DataTable).row_count:
                    break
                await pilot.pause(0.02)
            await pilot.pause()

    return steps


def test_history_empty(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=history(()))


def test_history_full(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    make_demo(paths, clock.now(), weeks=30)
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=history(()))


def test_history_weeks(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    make_demo(paths, clock.now(), weeks=30)
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=history(("2",)))


def test_history_progress(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    make_demo(paths, clock.now(), weeks=30)
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=history(("4",)))


def program_editor(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def steps(pilot: Pilot[Any]) -> None:
        from gymtui.ui.commands import open_program

        open_program(pilot.app)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return steps


def test_program_editor(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=program_editor("tab", "down"))


def test_program_editor_exercise_form(
    snap_compare: SnapCompare, paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    assert snap_compare(
        app, terminal_size=(80, 24), run_before=program_editor("down", "tab", "enter")
    )


def superset_round(clock: FakeClock) -> Callable[[Pilot[Any]], Any]:
    """Day A's hamstring curl and calf raise paired for today (g), A1 and A2 logged."""

    async def steps(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, GymApp)
        if app.gym.today().day.key != "A":
            await pilot.press("s")
        rows = app.gym.today().rows
        curl = next(n for n, r in enumerate(rows) if r.exercise.id == "hamstring_curl")
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        await pilot.press(*["down"] * (curl - screen.table.cursor_row), "g")
        await pilot.press("enter", "enter")
        clock.advance(40)
        await pilot.press("enter", "enter")
        clock.advance(30)
        app.tick()
        app.clear_notifications()
        await pilot.pause()

    return steps


def test_today_superset(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    with_history(paths, clock)
    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=superset_round(clock))


HOLDS = """
name = "Holds"
[[days]]
key = "A"
name = "Day A"
focus = "Holds"
exercises = [
  { exercise = "wall_sit", sets = 3, seconds = 45 },
  { exercise = "copenhagen_plank", sets = 2, seconds = "20-30" },
]
"""


def test_a_hold_counting_down(snap_compare: SnapCompare, paths: Paths, clock: FakeClock) -> None:
    paths.program_file.parent.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(HOLDS)

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("enter")  # the first wall sit: held to its 45 s
        clock.advance(45.5)
        pilot.app.tick()  # type: ignore[attr-defined]
        clock.advance(60)
        await pilot.press("enter")  # the second, from Rest: 17 s in
        clock.advance(17.5)
        pilot.app.tick()  # type: ignore[attr-defined]
        pilot.app.clear_notifications()
        await pilot.pause()

    app = make_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)
