"""The Rest screen's digits and bar hand Textual their lines themselves (OwnLines): the same
lines its styles cache would make, in every state of the rest and through the line filters."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widget import Widget

from gymtui.paths import Paths
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.widgets.own_lines import OwnLines
from gymtui.ui.widgets.rest_bar import RestBar
from gymtui.ui.widgets.rest_digits import RestDigits

from conftest import FakeClock
from helpers import make_app


def same_lines(widget: OwnLines) -> None:
    whole = widget.size.region
    for crop in (whole, Region(2, 0, 9, 1)):
        mine = [list(strip) for strip in widget.render_lines(crop)]
        assert mine == [list(strip) for strip in Widget.render_lines(widget, crop)], crop


@pytest.mark.parametrize("no_color", [False, True])
async def test_the_rest_screen_hands_textual_the_lines_its_styles_cache_would(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:  # Textual's monochrome line filter
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"100", "enter", "r")
        await pilot.pause()
        assert isinstance(app.screen, RestScreen)
        widgets: list[OwnLines] = [app.screen.query_one(RestDigits), app.screen.query_one(RestBar)]

        async def check(seconds: float) -> None:
            clock.advance(seconds)
            app.tick()
            await pilot.pause()
            for widget in widgets:
                same_lines(widget)

        await check(0)  # running
        await check(61)  # a minute on: the bar moved
        await pilot.press("space")  # paused: other colours
        await check(0)
        await pilot.press("space")
        await check(200)  # over
        assert app.screen.has_class("-over")
        app.theme = "textual-light"  # another theme: its colours
        await check(1)
