"""Regenerate screenshots/*.svg from a throwaway database with a few weeks of history.

Run: uv run python scripts/screenshots.py [--size 80x24]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gymtui.core.rest import ManualClock
from gymtui.demo import make_demo
from gymtui.paths import Paths, resolve_paths
from gymtui.ui.app import build_app
from gymtui.ui.screens.today import TodayScreen

OUT = Path(__file__).resolve().parent.parent / "screenshots"
NOW = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)


def demo(paths: Paths) -> None:
    make_demo(paths, NOW, weeks=52)


@asynccontextmanager
async def shooting(
    size: tuple[int, int], seed: Callable[[Paths], None]
) -> AsyncIterator[tuple[Any, Any, ManualClock]]:
    """The app on a throwaway folder `seed` fills, at NOW on a clock the shots move, with its
    tick slowed so that only the shots' keys move it: (app, pilot, clock)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(tmp)
        seed(paths)
        clock = ManualClock(NOW)
        app = build_app(paths, clock=clock, notifier=lambda title, body: None)
        app.TICK_S = 3600
        async with app.run_test(size=size) as pilot:
            yield app, pilot, clock


async def shoot(size: tuple[int, int], suffix: str) -> None:
    async with shooting(size, demo) as (app, pilot, clock):
        await pilot.press("w", "enter")
        clock.advance(100)
        await pilot.press("enter", "enter")
        clock.advance(65)
        app.tick()
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"today{suffix}.svg"))
        await pilot.press("r")
        await pilot.pause()
        app.save_screenshot(str(OUT / f"rest{suffix}.svg"))
        await pilot.press("v", "enter", "enter")  # the next warm-up, logged from the rack
        clock.advance(20)
        app.tick()
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"rack{suffix}.svg"))
        clock.advance(app.gym.rest_view().remaining_s + 2)  # over: the rack flashes
        app.tick()
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"rack-over{suffix}.svg"))
        await pilot.press("v")
        await pilot.press("t", "enter")
        await pilot.pause()
        app.save_screenshot(str(OUT / f"log-dialog{suffix}.svg"))
        await pilot.press("escape", "p")
        await pilot.pause()
        app.save_screenshot(str(OUT / f"plate-plan{suffix}.svg"))
        await pilot.press("escape")
        for _ in range(3):  # the last warm-up and two working sets
            await pilot.press("enter", "enter")
            clock.advance(150)
        await pilot.press("f", "y")
        await pilot.pause()
        app.clear_notifications()
        app.save_screenshot(str(OUT / f"summary{suffix}.svg"))
        await pilot.press("enter", "h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"history{suffix}.svg"))
        await pilot.press("enter", "n", *"Knee fine, belt on for the top sets", "enter")
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"session{suffix}.svg"))
        await pilot.press("escape")
        await pilot.press("3")  # sets per muscle, synergists at half
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"muscles{suffix}.svg"))
        await pilot.press("4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"progress{suffix}.svg"))
        await pilot.press("e")
        await pilot.pause()
        app.save_screenshot(str(OUT / f"exercises{suffix}.svg"))
        await pilot.press("slash", *"Belt squat", "enter")
        await pilot.press("tab", "q", "g", "h", "h", "tab", "c", "tab", "y")  # hams at ½
        await pilot.pause()
        app.save_screenshot(str(OUT / f"exercise-edit{suffix}.svg"))


async def shoot_superset(size: tuple[int, int], suffix: str) -> None:
    """Today with its 4th and 5th exercises paired for today (g), a round and a half in."""
    async with shooting(size, demo) as (app, pilot, clock):
        if app.gym.today().day.key != "A":
            await pilot.press("s")  # Day A: hamstring curl and standing calf raise
        view = app.gym.today()
        row = next(n for n, r in enumerate(view.rows) if r.exercise.id == "hamstring_curl")
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        await pilot.press(*["down"] * (row - screen.table.cursor_row), "g")
        for _ in range(3):  # A1, A2, then A1 again
            await pilot.press("enter", "enter")
            clock.advance(40)
        clock.advance(-32)
        app.tick()
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"superset{suffix}.svg"))


HOLDS_PROGRAM = """
name = "Legs with holds"
warmup = { exercises = "off" }

[[days]]
key = "A"
name = "Day A"
focus = "Squat, then holds"
exercises = [
  { exercise = "back_squat", sets = 2, reps = 5 },
  { exercise = "wall_sit", sets = 3, seconds = 45 },
  { exercise = "copenhagen_plank", sets = 2, seconds = "20-30" },
]
"""


def seed_holds(paths: Paths) -> None:
    """The holds program, and last week's session of it: squats, three wall sits, planks."""
    from datetime import timedelta

    from gymtui.core.models import SetInput
    from gymtui.core.program import load_program
    from gymtui.store import Store

    paths.program_file.write_text(HOLDS_PROGRAM)
    program = load_program(paths.program_file)
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    when = NOW - timedelta(days=3)
    done = [SetInput("back_squat", 100.0, 5)] * 2
    done += [SetInput("wall_sit", 0.0, 1, seconds=s) for s in (45, 47, 45)]
    done += [
        SetInput("copenhagen_plank", 0.0, 1, side=side, seconds=s)
        for side, s in (("L", 22), ("R", 20), ("L", 20), ("R", 20))
    ]
    for n, entry in enumerate(done):
        store.sessions.log_set(entry, program.days[0], when + timedelta(minutes=2 * n))
    session = store.sessions.current()
    assert session is not None
    store.sessions.finish(session.id, when + timedelta(minutes=30))
    store.close()


async def shoot_holds(size: tuple[int, int], suffix: str) -> None:
    """Today with timed sets, and a hold counting down on Rest and the rack view."""
    async with shooting(size, seed_holds) as (app, pilot, clock):
        for _ in range(2):  # the squats
            await pilot.press("enter", "enter")
            clock.advance(150)
        await pilot.press("t", "enter")  # the first wall sit, held to its 50 s
        clock.advance(51)
        app.tick()
        clock.advance(70)
        app.tick()
        await pilot.press("t")
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"today-holds{suffix}.svg"))
        await pilot.press("enter")  # the second wall sit: the countdown
        clock.advance(17.5)
        app.tick()
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"hold{suffix}.svg"))
        await pilot.press("v")
        await pilot.pause()
        app.save_screenshot(str(OUT / f"rack-hold{suffix}.svg"))


def seed_pain(paths: Paths) -> None:
    """Two Day A sessions of 4 x 100 x 6 squats, the first with mild knee pain on its last
    set, the second with sharp: Today's squat backs off, offers a swap and is flagged."""
    from datetime import timedelta

    from gymtui.core.models import SetInput
    from gymtui.core.program import load_program
    from gymtui.store import Store

    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    for days_ago, pain in ((6, "knee mild"), (3, "knee sharp")):
        when = NOW - timedelta(days=days_ago)
        for n in range(4):
            logged = store.sessions.log_set(
                SetInput("back_squat", 100.0, 6, rpe=8.0 + n / 2),
                program.days[0],
                when + timedelta(minutes=3 * n),
            )
        store.sessions.mark_set(logged.id, "pain", pain)
        session = store.sessions.current()
        assert session is not None
        store.sessions.finish(session.id, when + timedelta(minutes=30))
    store.close()


async def shoot_pain(size: tuple[int, int], suffix: str) -> None:
    """Today after two sessions of knee pain: the squat flagged, backed off, a swap offered."""
    async with shooting(size, seed_pain) as (app, pilot, _clock):
        if app.gym.today().day.key != "A":
            await pilot.press("s")
        view = app.gym.today()
        row = next(n for n, r in enumerate(view.rows) if r.slot == 1)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        await pilot.press(*["down"] * (row - screen.table.cursor_row))
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"today-pain{suffix}.svg"))


def seed_block(paths: Paths) -> None:
    """The demo's year, with a [block] of 4 weeks begun five weeks ago: NOW is its deload."""
    from datetime import timedelta

    from gymtui.core.program import builtin_program_text
    from gymtui.store import Store

    demo(paths)
    paths.program_file.parent.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(builtin_program_text() + "\n[block]\nweeks = 4\n")
    store = Store.open(paths.database)
    store.plan_facts.begin_block(NOW - timedelta(weeks=5, hours=-6))  # Mon 19 Oct 2026, 0:00
    store.close()


async def shoot_block(size: tuple[int, int], suffix: str) -> None:
    """Today in a block's deload week, on a poor day (readiness: slept 2/5)."""
    async with shooting(size, seed_block) as (app, pilot, _clock):
        app.gym.update_settings(readiness_check=True)
        await pilot.press("enter", "2", "3")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("down", "down", "down", "down")  # the first working set's tip
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"block{suffix}.svg"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="100x30")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    suffix = "" if args.size == "100x30" else f"-{args.size}"
    OUT.mkdir(exist_ok=True)
    asyncio.run(shoot((width, height), suffix))
    asyncio.run(shoot_superset((width, height), suffix))
    asyncio.run(shoot_holds((width, height), suffix))
    asyncio.run(shoot_pain((width, height), suffix))
    asyncio.run(shoot_block((width, height), suffix))


if __name__ == "__main__":
    main()
