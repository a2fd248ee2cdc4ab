"""Logging latency: enter in the set dialog -> set on disk -> Today repainted, against moving
the cursor (the cheapest thing a key can do), on an empty file and on a 149k-set one.

Sets are logged as a lifter does: enter on the next planned set, enter to save; a finished
day is closed with f and the next day begins.

Run: uv run python benchmarks/log_latency.py [--sets 40] [--big 149000] [--keep DIR]

The real app runs headless on the real clock and a real file (WAL, synchronous=FULL, so every
set is fsynced). Each figure is from the key press to the end of the repaint that follows it
(the frame handed to the terminal that shows it). Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from gymtui.core.rest import SystemClock
from gymtui.demo import make_demo
from gymtui.paths import resolve_paths
from gymtui.store import Store
from gymtui.ui.app import GymApp, build_app
from gymtui.ui.screens.today import TodayScreen

SETS_PER_WEEK = 37.8


class Frames:
    """When each frame was handed to the terminal, and whether it showed what was awaited."""

    def __init__(self, app: GymApp) -> None:
        self.shown: list[float] = []
        self.ready: Callable[[], bool] = lambda: False
        original = app._display

        def display(screen: Screen[object], renderable: object) -> None:
            if renderable is not None and self.ready():
                self.shown.append(time.perf_counter())
            original(screen, renderable)  # type: ignore[arg-type]

        app._display = display  # type: ignore[method-assign]

    async def time_key(self, pilot: Pilot[None], key: str, ready: Callable[[], bool]) -> float:
        """Seconds from pressing `key` to the first frame for which `ready()` holds."""
        self.shown.clear()
        self.ready = ready
        began = time.perf_counter()
        await pilot.press(key)
        while not self.shown:
            await asyncio.sleep(0.001)
            if time.perf_counter() - began > 10:
                raise SystemExit(f"no frame showed the result of {key!r}")
        self.ready = lambda: False
        return self.shown[0] - began


def moved_to(today: TodayScreen, row: int) -> Callable[[], bool]:
    return lambda: today.table.cursor_row == row


def logged_more(app: GymApp, today: TodayScreen) -> Callable[[], bool]:
    before = len(app.gym.today().session_sets)
    return lambda: app.screen is today and len(app.gym.today().session_sets) > before


async def measure(folder: Path, sets: int) -> tuple[float, float]:
    app = build_app(resolve_paths(folder), clock=SystemClock(), notifier=lambda t, b: None)
    frames = Frames(app)
    logs: list[float] = []
    moves: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        today = app.screen
        assert isinstance(today, TodayScreen)
        await pilot.press("down")
        for n in range(sets):
            del n
            at_end = today.table.cursor_row >= today.table.row_count - 1
            pair = (("up", -1), ("down", 1)) if at_end else (("down", 1), ("up", -1))
            for key, step in pair:
                target = today.table.cursor_row + step
                moves.append(await frames.time_key(pilot, key, moved_to(today, target)))
            if today.gym.today().next_row is None:  # the day is done: finish, the next begins
                await pilot.press("f", "y")
                await pilot.pause(0.05)
                await pilot.press("escape")  # close the session summary
                await pilot.pause(0.05)
            await pilot.press("enter")  # the next planned set: the dialog opens prefilled
            await pilot.pause(0.05)
            if not app.screen.query_one("#weight", Input).value:
                await pilot.press("6", "0")  # an exercise's first set has no weight to prefill
            logs.append(await frames.time_key(pilot, "enter", logged_more(app, today)))
            app.clear_notifications()
            await pilot.pause(0.05)
    return statistics.median(logs), statistics.median(moves)


def build(folder: Path, sets: int) -> None:
    paths = resolve_paths(folder)
    if sets and not paths.database.exists():
        began = time.perf_counter()
        written = make_demo(
            paths, datetime.now().astimezone(), weeks=math.ceil(sets / SETS_PER_WEEK)
        )
        print(f"built {written:,} sets in {time.perf_counter() - began:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", type=int, default=40, help="sets logged per file")
    parser.add_argument("--big", type=int, default=149_000, help="sets in the large file")
    parser.add_argument("--keep", type=Path, help="build the large file in (or reuse) this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for label, folder, size in (
            ("empty file", Path(tmp) / "empty", 0),
            ("large file", args.keep or Path(tmp) / "big", args.big),
        ):
            build(folder, size)
            if size:
                store = Store.open(resolve_paths(folder).database)
                count = store.conn.execute("SELECT count(*) FROM sets").fetchone()[0]
                store.close()
                label = f"{count:,} sets"
            log, move = asyncio.run(measure(folder, args.sets))
            print(
                f"{label}: log a set {log * 1000:.1f} ms, move the cursor {move * 1000:.1f} ms, "
                f"difference {(log - move) * 1000:.1f} ms (goal <= 12 ms; median of {args.sets})"
            )


if __name__ == "__main__":
    main()
