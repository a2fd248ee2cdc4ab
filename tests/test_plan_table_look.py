"""Today's table looks as it did when it was a DataTable: every line's text and styles, in
several states (focus, blur, scrolled, hover, another theme, too narrow), against lines
captured from the DataTable-based PlanTable before it was rebuilt on ScrollView
(tests/fixtures/plan_table_look.json). Meta (the row and column DataTable put in each
segment) is not part of the look and is left out.

The fixture holds the look the app is meant to have: regenerate it (`GYMTUI_CAPTURE_LOOK=1
uv run pytest tests/test_plan_table_look.py`) only when the look is meant to change, and
look at what changed first.
"""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from test_snapshots import mid_session, with_history
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from gymtui.paths import Paths
from gymtui.ui.app import GymApp
from gymtui.ui.widgets.plan_table import PlanTable

from conftest import FakeClock
from helpers import make_app

FIXTURE = Path(__file__).parent / "fixtures" / "plan_table_look.json"
CAPTURE = os.environ.get("GYMTUI_CAPTURE_LOOK") == "1"

Steps = Callable[[Pilot[Any], FakeClock], Awaitable[None]]


def runs(widget: Widget) -> list[list[list[str]]]:
    """The widget's lines as runs of [text, style], meta left out, equal styles merged."""
    lines: list[list[list[str]]] = []
    for strip in widget.render_lines(Region(0, 0, *widget.size)):
        line: list[list[str]] = []
        for segment in strip:
            style = str(segment.style) if segment.style else ""  # str leaves meta out
            if line and line[-1][1] == style:
                line[-1][0] += segment.text
            else:
                line.append([segment.text, style])
        lines.append(line)
    return lines


def shown(app: GymApp) -> dict[str, object]:
    table = app.screen.query_one("#plan", PlanTable)
    return {
        "lines": runs(table),
        "scroll": [table.scroll_offset.x, table.scroll_offset.y],
        "scrollbars": [table.show_horizontal_scrollbar, table.show_vertical_scrollbar],
        "cursor_row": table.cursor_row,
    }


async def nothing(pilot: Pilot[Any], clock: FakeClock) -> None:
    await pilot.pause()


async def to_the_bottom(pilot: Pilot[Any], clock: FakeClock) -> None:
    await pilot.press(*["down"] * 25)
    await pilot.pause()


async def logged_some(pilot: Pilot[Any], clock: FakeClock) -> None:
    await mid_session(clock)(pilot)
    await pilot.press("down", "down")
    await pilot.pause()


async def a_record(pilot: Pilot[Any], clock: FakeClock) -> None:
    await pilot.press("enter", "1", "0", "0", "enter")
    # 100 kg for 8: a record, starred
    await pilot.press("enter", "1", "0", "0", "tab", "8", "enter")
    await pilot.pause()


async def blurred(pilot: Pilot[Any], clock: FakeClock) -> None:
    await logged_some(pilot, clock)
    pilot.app.screen.set_focus(None)
    await pilot.pause()


async def hovered(pilot: Pilot[Any], clock: FakeClock) -> None:
    await logged_some(pilot, clock)
    await pilot.hover("#plan", offset=(3, 8))
    await pilot.pause()


async def light_theme(pilot: Pilot[Any], clock: FakeClock) -> None:
    await logged_some(pilot, clock)
    pilot.app.theme = "textual-light"
    await pilot.pause()


async def in_pounds(pilot: Pilot[Any], clock: FakeClock) -> None:
    await logged_some(pilot, clock)
    await pilot.press("u")
    await pilot.pause()


async def scrolled_sideways(pilot: Pilot[Any], clock: FakeClock) -> None:
    await logged_some(pilot, clock)
    await pilot.press("right", "right", "right")
    await pilot.pause()


CASES: dict[str, tuple[tuple[int, int], bool, Steps]] = {
    "first_run_80x24": ((80, 24), False, nothing),
    "first_run_100x30": ((100, 30), False, nothing),
    "bottom_80x24": ((80, 24), False, to_the_bottom),
    "mid_session_80x24": ((80, 24), True, logged_some),
    "mid_session_100x30": ((100, 30), True, logged_some),
    "record_80x24": ((80, 24), False, a_record),
    "blurred_100x30": ((100, 30), True, blurred),
    "hovered_100x30": ((100, 30), True, hovered),
    "light_theme_100x30": ((100, 30), True, light_theme),
    "pounds_100x30": ((100, 30), True, in_pounds),
    "narrow_60x18": ((60, 18), True, logged_some),
    "sideways_60x18": ((60, 18), True, scrolled_sideways),
}


@pytest.mark.parametrize("case", sorted(CASES))
async def test_today_table_looks_as_before(case: str, paths: Paths, clock: FakeClock) -> None:
    size, history, steps = CASES[case]
    if history:
        with_history(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await steps(pilot, clock)
        now = shown(app)
    looks = json.loads(FIXTURE.read_text()) if FIXTURE.exists() else {}
    if CAPTURE:
        looks[case] = now
        FIXTURE.write_text(json.dumps(looks, indent=0, ensure_ascii=False, sort_keys=True) + "\n")
    before = looks[case]
    lines, lines_before = now["lines"], before["lines"]
    assert isinstance(lines, list) and len(lines) == len(lines_before)
    for y, (mine, theirs) in enumerate(zip(lines, lines_before, strict=True)):
        assert mine == theirs, (case, y)  # the first line that differs
    assert now == before
