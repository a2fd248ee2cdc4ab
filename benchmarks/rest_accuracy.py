"""How true the rest timer stays: a real app, the real clock, a blocked loop and SIGSTOP/SIGCONT.

Run: uv run python benchmarks/rest_accuracy.py

A 12 s rest is started by logging a set through the keyboard. During it, the event loop is
blocked for 1.5 s (as a slow query would) and the whole process is stopped with SIGSTOP for
2 s and continued (as ctrl+z / fg does). Every rest the app publishes (the Rest screen shows
each as it comes) is recorded with the remaining time in it and the true remaining time at that
instant; each change of the shown
M:SS is compared with the moment the true remaining time made it due; the alert's firing time
is compared with the true deadline. Prints the figures; it asserts nothing.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import statistics
import subprocess
import tempfile
import time

from gymtui.core.rest import RestLengths, RestView, SystemClock
from gymtui.paths import resolve_paths
from gymtui.ui.app import build_app
from gymtui.ui.screens.rest import RestScreen

REST_S = 12
BLOCK_AT, BLOCK_S = 2.0, 1.5
STOP_AT, STOP_S = 5.0, 2.0


async def run() -> None:
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(resolve_paths(tmp), clock=clock, notifier=lambda title, body: None)
        redraws: list[tuple[float, float, float, str]] = []  # (when, shown, true, digits)
        fired: list[float] = []
        original_alert = app.alert_rest_over

        def alert() -> None:
            fired.append(clock.elapsed())
            original_alert()

        app.alert_rest_over = alert  # type: ignore[method-assign]
        async with app.run_test(size=(80, 24)) as pilot:
            app.gym.set_rest_lengths("back_squat", RestLengths(REST_S, None, None))
            await pilot.press("enter", "1", "0", "0", "enter", "r")
            start = clock.elapsed()
            deadline = app.gym.timer.deadline
            assert isinstance(app.screen, RestScreen)

            def shown(view: RestView) -> None:  # the Rest screen shows each one as it comes
                now = clock.elapsed()
                redraws.append((now - start, view.remaining_s, deadline - now, view.digits))

            app.rest_changed.subscribe(app, shown, immediate=True)
            await asyncio.sleep(BLOCK_AT)
            time.sleep(BLOCK_S)  # the event loop is blocked: nothing redraws
            await asyncio.sleep(STOP_AT - BLOCK_AT - BLOCK_S)
            subprocess.Popen(
                ["sh", "-c", f"kill -STOP {os.getpid()}; sleep {STOP_S}; kill -CONT {os.getpid()}"]
            )
            await asyncio.sleep(REST_S - STOP_AT + 1.5)
    errors = [abs(shown - true) for _, shown, true, _ in redraws]
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(redraws)]
    free_gaps = [g for g in gaps if g < 1.1]
    longest = gaps.index(max(gaps))
    after = redraws[longest + 1]
    late_changes = []  # how long after the true moment each new M:SS appeared (loop free)
    for (then, _, _, before), (now, _, true, digits) in itertools.pairwise(redraws):
        if now - then > 1.1 or digits == before:
            continue  # across the block or the stop; or the same time shown
        parts = digits.lstrip("+").split(":")
        seconds = sum(int(part) * 60**n for n, part in enumerate(reversed(parts)))
        if digits.startswith("+"):  # +0:03 is due once over by more than 2 s
            late_changes.append(-true - (seconds - 1))
        else:  # 0:07 is due once 7 s or less are left
            late_changes.append(seconds - true)
    late = fired[0] - deadline if fired else float("nan")
    print(
        f"rest {REST_S} s; loop blocked {BLOCK_S} s at {BLOCK_AT} s; "
        f"SIGSTOP {STOP_S} s at {STOP_AT} s"
    )
    print(f"redraws: {len(redraws)}")
    print(
        "error of shown remaining vs true deadline at each redraw: "
        f"max {max(errors) * 1000:.2f} ms, median {statistics.median(errors) * 1000:.3f} ms"
    )
    print(
        "time between redraws while the loop is free (one a second, or a bar cell): "
        f"median {statistics.median(free_gaps) * 1000:.0f} ms, max {max(free_gaps) * 1000:.0f} ms"
    )
    print(
        f"each new M:SS ({len(late_changes)} changes with the loop free) appeared after the "
        f"moment it was due by: median {statistics.median(late_changes) * 1000:.1f} ms, "
        f"min {min(late_changes) * 1000:.1f} ms, max {max(late_changes) * 1000:.1f} ms"
    )
    print(
        f"longest gap (blocked loop / stopped process): {max(gaps):.2f} s; the first redraw "
        f"after it showed {after[1]:.2f} s left, truth {after[2]:.2f} s"
    )
    print(f"alerts fired: {len(fired)}; late by {late * 1000:.0f} ms after the deadline")


if __name__ == "__main__":
    asyncio.run(run())
