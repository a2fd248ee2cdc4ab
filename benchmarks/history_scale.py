"""History at scale: about 150,000 sets, and how fast History and a chart are ready.

Run: uv run python benchmarks/history_scale.py [--sets 150000] [--keep DIR]

Builds the database through gymtui's own store (two leg sessions a week, the default
program's exercises with warm-ups, weights that progress, stall and deload), then runs the
real app headless with a rest running and measures, five times each:
- History ready: from pressing `h` to the sessions list being on screen;
- chart ready: from choosing an exercise to its chart and PRs being drawn;
- the longest gap between two rest-timer ticks while those load (a stall would show here).
Also the file size and what logging one more set costs on a file this size. Prints; asserts
nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import os
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from textual import events
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import OptionList

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.core.rest import SystemClock
from gymtui.demo import make_demo
from gymtui.paths import resolve_paths
from gymtui.store import Store
from gymtui.ui.app import build_app
from gymtui.ui.screens.history import HistoryScreen


def db_size(path: Path) -> int:
    """Bytes on disk, the write-ahead log included."""
    return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if os.path.exists(p))


SETS_PER_WEEK = 37.8  # the default program, two sessions a week, with warm-ups


class Marks:
    """When History said a part of it reached the screen (its Drawn messages), and when it was
    shown and an exercise chosen, seen through Textual's message hook."""

    def __init__(self) -> None:
        self.at: dict[str, float] = {}

    def __call__(self, message: Message) -> None:
        now = time.perf_counter()
        if isinstance(message, HistoryScreen.Drawn):
            self.at.setdefault(message.part, now)  # bubbling: the first dispatch
        elif isinstance(message, events.ScreenResume):
            self.at["resumed"] = now
        elif isinstance(message, OptionList.OptionHighlighted):
            self.at["chosen"] = now

    def clear(self, *parts: str) -> None:
        for part in parts:
            self.at.pop(part, None)

    async def wait(self, pilot: Pilot[None], part: str) -> float:
        """When `part` reached the screen (waiting for it, then for a repaint more)."""
        began = time.perf_counter()
        while part not in self.at:
            await asyncio.sleep(0.001)
            if time.perf_counter() - began > 30:
                raise SystemExit("History never showed its data")
        await pilot.pause(0.3)
        return self.at[part]


async def measure(folder: Path, runs: int = 5) -> None:
    clock = SystemClock()
    app = build_app(resolve_paths(folder), clock=clock, notifier=lambda title, body: None)
    ticks: list[float] = []

    def tick(_: object) -> None:
        ticks.append(time.perf_counter())

    def worst_gap() -> float:
        return max((b - a for a, b in itertools.pairwise(ticks)), default=0.0)

    ready: list[float] = []
    overviews: list[float] = []
    charts: list[float] = []
    stalls: list[float] = []
    marks = Marks()
    async with app.run_test(size=(100, 30), message_hook=marks) as pilot:
        app.rest_changed.subscribe(app, tick)  # every tick publishes the rest
        await pilot.press("enter", "1", "0", "0", "enter")  # a rest is running throughout
        await pilot.pause(0.3)
        ticks.clear()
        marks.clear("sessions", "overview", "chart")
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        first = await marks.wait(pilot, "sessions") - marks.at["resumed"]
        await pilot.press("4")
        await marks.wait(pilot, "chart")
        first_stall = worst_gap()
        for run in range(runs):
            await pilot.press("1", "t")
            await pilot.pause(0.3)
            ticks.clear()
            marks.clear("sessions", "overview", "chart")
            await pilot.press("h")
            ready.append(await marks.wait(pilot, "sessions") - marks.at["resumed"])
            overviews.append(await marks.wait(pilot, "overview") - marks.at["resumed"])
            await pilot.press("4")
            await pilot.pause(0.5)
            marks.clear("chart")
            await pilot.press("down" if run % 2 == 0 else "up")
            charts.append(await marks.wait(pilot, "chart") - marks.at["chosen"])
            stalls.append(worst_gap())

    def line(name: str, values: list[float]) -> str:
        ms = [v * 1000 for v in values]
        return f"{name}: median {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms"

    print(
        f"first visit (mounts History's widgets): data on screen {first * 1000:.0f} ms; "
        f"longest gap between timer ticks {first_stall * 1000:.0f} ms"
    )
    print(line("History ready (screen shown -> sessions painted)", ready))
    print(line("Weeks and muscles tabs filled (worker)", overviews))
    print(line("Chart ready (exercise chosen -> chart and PRs painted)", charts))
    print(line("Longest gap between rest-timer ticks (due every second) meanwhile", stalls))


def log_cost(path: Path, count: int = 50) -> None:
    program = load_program()
    store = Store.open(path)
    now = datetime.now().astimezone()
    costs = []
    for n in range(count):
        began = time.perf_counter()
        store.sessions.log_set(SetInput("back_squat", 100, 6), program.days[0], now)
        costs.append((time.perf_counter() - began) * 1000)
        del n
    store.close()
    print(
        f"log_set on this file: median {statistics.median(costs):.1f} ms, max {max(costs):.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", type=int, default=150_000)
    parser.add_argument("--keep", type=Path, help="build in (or reuse) this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        paths = resolve_paths(folder)
        if not paths.database.exists():
            weeks = math.ceil(args.sets / SETS_PER_WEEK)
            began = time.perf_counter()
            written = make_demo(paths, datetime.now().astimezone(), weeks=weeks)
            took = time.perf_counter() - began
            years = weeks / 52
            print(f"built {written:,} sets over {weeks} weeks ({years:.0f} years) in {took:.0f} s")
        store = Store.open(paths.database)
        sets = store.conn.execute("SELECT count(*) FROM sets").fetchone()[0]
        sessions = store.history.session_count()
        store.close()
        print(
            f"{sets:,} sets in {sessions:,} sessions; file {db_size(paths.database) / 1e6:.1f} MB"
        )
        asyncio.run(measure(folder))
        log_cost(paths.database)


if __name__ == "__main__":
    main()
