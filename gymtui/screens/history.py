"""The History screen (sessions, weeks, muscles and progress land with the History issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from gymtui.widgets.rest_status import RestStatus

if TYPE_CHECKING:
    from gymtui.app import GymApp


class HistoryScreen(Screen[None]):
    """Placeholder until History lands: says so plainly."""

    def compose(self) -> ComposeResult:
        yield Static(
            "[b]History[/b]\n\nSession history, weekly goal, muscles and progress charts are "
            "coming in the next release.\nEverything you log is already kept in the database "
            "(gymtui where shows it).\n\nPress [b]t[/b] for Today.",
            id="history-placeholder",
        )
        yield RestStatus(id="rest-status")
        yield Footer(compact=True)

    def on_screen_resume(self) -> None:
        cast("GymApp", self.app).tick()
