"""What gymtui/ui/startup.py and the three private names of Textual that gymtui uses rely on:
each test here fails when Textual changes what it touches (the third, the App's
`_handle_exception`, is tests/test_cli.py's crash test)."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet

from gymtui.gym import Gym
from gymtui.paths import Paths
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import make_app, notifications, text_of

SIZE = (100, 30)


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    parses: list[int] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        parses.append(1)
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    return parses


@pytest.mark.parametrize("theme", [None, "nord"])
async def test_a_start_parses_the_stylesheets_no_more_than_a_chosen_theme_needs(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, theme: str | None
) -> None:
    """`_css_update_count`: Today, the first screen, is marked as styled for the stylesheet as
    it stands, so that a chosen theme's start parses every stylesheet once (its own refresh),
    not a second time when Today becomes the mode's first screen."""
    if theme:
        gym = Gym.open(paths, clock)
        gym.update_settings(theme=theme)
        gym.close()
    parses = count_parses(monkeypatch)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.theme == (theme or "textual-dark")
        assert text_of(app, "#day-title").startswith("Day A")
    assert len(parses) == (1 if theme else 0)


async def test_a_warning_on_screen_waits_out_a_dialog_and_comes_back(
    paths: Paths, clock: FakeClock
) -> None:
    """`_notifications`: the toasts on screen when a dialog opens; a warning goes away for the
    dialog's fields and comes back when it closes, a plain confirmation does not."""
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.notify("Saved: something")
        app.notify("Mind the file", severity="warning")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        assert notifications(app) == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert notifications(app) == ["Mind the file"]
