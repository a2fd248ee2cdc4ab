"""The app's four modes, each screen made when first shown: Rest, the rack view and History
(with its chart library) load on first use, not at start-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.startup import styled_as_of_now


def today_screen() -> Screen[None]:
    screen = TodayScreen()
    return styled_as_of_now(screen, screen.app)


def rest_screen() -> Screen[None]:
    from gymtui.ui.screens.rest import RestScreen

    return RestScreen()


def rack_screen() -> Screen[None]:
    from gymtui.ui.screens.rack import RackScreen

    return RackScreen()


def history_screen() -> Screen[None]:
    from gymtui.ui.screens.history import HistoryScreen

    return HistoryScreen()


MODES: dict[str, str | Callable[[], Screen[Any]]] = {
    "today": today_screen,
    "rest": rest_screen,
    "rack": rack_screen,
    "history": history_screen,
}
