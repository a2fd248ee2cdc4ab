"""A snapshot of Today's plan changed for today: an exercise swapped, one skipped (80x24)."""

from __future__ import annotations

from typing import Any

from test_snapshots import SnapCompare, with_history
from textual.pilot import Pilot

from gymtui.paths import Paths

from conftest import FakeClock
from helpers import make_app


def test_today_swapped_and_skipped(
    snap_compare: SnapCompare, paths: Paths, clock: FakeClock
) -> None:
    """Day B with the rack taken and the back grumpy: front squat swapped for hack squat (a
    first time, from the front squat's e1RM, the tip line says), Romanian deadlift skipped
    (dim, 'skipped'); the next set stays on the hack squat."""
    with_history(paths, clock)

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("c", *"hack", "enter", "t")
        await pilot.press(*["down"] * 3, "k", "up", "up", "up")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(paths, clock), terminal_size=(80, 24), run_before=steps)
