"""A monkey that never stops: random keys through the real app, with a clock that jumps.

Run: uv run python benchmarks/monkey.py [--keys 100000] [--seeds 5]

Keys are the app's own bindings on every screen, digits, letters, markup characters, escape,
tab, arrows and bursts of enter (delivered in one read, as a paste or a bouncing key is). The
fake clock jumps minutes, hours and days. After every hundred keys: the app is alive, SQLite's
integrity_check is ok, and every stored set passes the validation the set dialog applies.
Prints what it found; asserts nothing. tests/test_monkey.py runs a short seed set.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from textual import events

from gymtui.core.models import SET_KINDS
from gymtui.core.rest import ManualClock
from gymtui.core.values import MAX_REPS, MAX_WEIGHT_KG
from gymtui.paths import resolve_paths
from gymtui.ui.app import GymApp, build_app

KEYS = [
    *"trh?wedafsux",  # Today and the app
    *"123456789m",  # History tabs and ranges, digits for the dialogs
    "space",
    "plus",
    "minus",
    "l",
    "g",  # Rest and History
    *"0.,",
    *"[]/\\$@",  # markup
    "y",
    "n",  # confirms
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "backspace",
    "end",
    "home",
]
STALL_S = 10  # a key not handled in this long: the app is stuck
CHARS = {
    "space": " ",
    "plus": "+",
    "minus": "-",
    "enter": "\r",
    "tab": "\t",
    "backspace": "\x7f",
    "escape": "\x1b",
}


@dataclass
class Report:
    """What one run found."""

    seed: int
    keys: int = 0
    checks: int = 0
    problems: list[str] = field(default_factory=list)
    recent: deque[str] = field(default_factory=lambda: deque(maxlen=40))  # keys, with screens

    def crashed(self, error: BaseException) -> None:
        """Note an exception that ended the app, with the keys that led to it."""
        if not any(p.startswith("crashed") for p in self.problems):
            self.problems.append(f"crashed: {error!r}\n    after: {' '.join(self.recent)}")


def stored_set_problems(database: Path) -> list[str]:
    """Integrity, and sets the dialog would have refused."""
    conn = sqlite3.connect(database)
    try:
        found = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        problems = [] if found == ["ok"] else [f"integrity_check: {found[:3]}"]
        for set_id, weight, reps, rpe, kind, side in conn.execute(
            "SELECT id, weight_kg, reps, rpe, kind, side FROM sets"
        ):
            ok = (
                0 <= weight <= MAX_WEIGHT_KG + 1e-9
                and isinstance(reps, int)
                and 1 <= reps <= MAX_REPS
                and (rpe is None or (1 <= rpe <= 10 and (rpe * 2) == int(rpe * 2)))
                and kind in SET_KINDS
                and side in (None, "L", "R")
            )
            if not ok:
                problems.append(f"set {set_id} invalid: {weight} kg x {reps} rpe {rpe} {kind}")
        return problems
    finally:
        conn.close()


def key_event(key: str) -> events.Key:
    return events.Key(key, CHARS.get(key, key if len(key) == 1 else None))


async def run_monkey(folder: Path, seed: int, keys: int) -> Report:
    """Drive the app with `keys` random keys; check every hundred."""
    rng = random.Random(seed)
    clock = ManualClock(datetime(2026, 3, 20, 17, 30, tzinfo=UTC))
    report = Report(seed)
    app: GymApp = build_app(resolve_paths(folder), clock=clock, notifier=lambda t, b: None)
    app.TICK_S = 3600  # the monkey ticks by hand, after clock jumps
    database = resolve_paths(folder).database
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            while report.keys < keys and app.is_running:
                roll = rng.random()
                screen = type(app.screen).__name__
                try:
                    if roll < 0.08:  # a burst in one read: a paste, a bounce
                        burst = [rng.choice(["enter", *rng.sample(KEYS, 3)]) for _ in range(5)]
                        report.recent.append(f"{screen}:[{' '.join(burst)}]")
                        for key in burst:
                            app.post_message(key_event(key))
                        await asyncio.wait_for(pilot.pause(), STALL_S)
                        report.keys += len(burst)
                    else:
                        key = rng.choice(KEYS)
                        report.recent.append(f"{screen}:{key}")
                        await asyncio.wait_for(pilot.press(key), STALL_S)
                        report.keys += 1
                except TimeoutError:
                    report.problems.append(
                        f"stalled: a key on {screen} not handled in {STALL_S} s"
                        f"\n    after: {' '.join(report.recent)}"
                    )
                    break
                if roll > 0.97:
                    clock.advance(rng.choice([30, 200, 3600, 4 * 3600, 86400, 3 * 86400]))
                    report.recent.append("(clock)")
                    app.tick()
                if report.keys // 100 > report.checks:
                    report.checks += 1
                    if app._exception is not None:
                        report.crashed(app._exception)
                        break
                    report.problems += stored_set_problems(database)
                    app.clear_notifications()
    except Exception as error:  # run_test raises what ended the app: reported, not fatal
        report.crashed(error)
    if report.keys < keys and app._exception is None and not report.problems:
        # No key the monkey presses quits: an app that ended early is a problem too.
        report.problems.append(
            f"ended after {report.keys} keys, return code {app.return_code}"
            f"\n    after: {' '.join(report.recent)}"
        )
    if app._exception is not None:
        report.crashed(app._exception)
    report.problems += stored_set_problems(database)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=100_000)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--first-seed", type=int, default=0, help="seeds run from this one")
    args = parser.parse_args()
    per_seed = args.keys // args.seeds
    began = time.perf_counter()
    total = 0
    found = 0
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        with tempfile.TemporaryDirectory() as tmp:
            report = asyncio.run(run_monkey(Path(tmp), seed, per_seed))
        total += report.keys
        found += len(report.problems)
        print(f"seed {seed}: {report.keys} keys, {report.checks} checks, ", end="")
        print(f"{len(report.problems)} problems" + "".join(f"\n  {p}" for p in report.problems))
    took = time.perf_counter() - began
    print(f"{total} keys in {took:.0f} s ({total / took:.0f} keys/s); {found} problems found")


if __name__ == "__main__":
    main()
