"""The rack view: the rest in digits as large as the terminal allows, the next set and its
plates, and the whole screen flashing when the rest ends. The Rest screen's keys work here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from gymtui.core.rest import RestView
from gymtui.ui.css import css_beside
from gymtui.ui.screens.base import GymScreen
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.text import markup
from gymtui.ui.widgets.big_clock import BigClock

FLASH_S = 8  # the screen flashes this long once the rest is over, then stays red
RACK_HELP = "[b]v[/] back  [b]enter[/] log  [b]space[/] pause  [b]+[/]/[b]-[/] 15 s  [b]s[/] skip"


class RackScreen(RestScreen):
    """The rest for reading from two metres away."""

    DEFAULT_CSS = css_beside(__file__, "rack.tcss")

    BINDINGS = [
        *RestScreen.BINDINGS,
        Binding("v,escape", "app.switch_mode('rest')", "Back", tooltip="Back to the Rest screen"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="rack-body"):
            yield Static(id="rack-state")
            yield BigClock(id="rack-clock")
            yield Static(id="rack-next")
            yield Static(id="rack-plates")
            yield Static(RACK_HELP, id="rack-help")

    def show_rest(self, view: RestView) -> None:
        GymScreen.show_rest(self, view)
        if not self._ready:
            return
        self._follow_state(view)
        self.query_one("#rack-state", Static).update(view.headline)
        self.query_one(BigClock).text = view.digits
        flashing = view.state == "over" and -view.remaining_s < FLASH_S
        self.set_class(flashing and int(-view.remaining_s * 2) % 2 == 0, "-flash")
        nxt = view.next_up or "Nothing planned: add an exercise on Today (t, then x)"
        self.query_one("#rack-next", Static).update(markup("$next", next=nxt))
        self.query_one("#rack-plates", Static).update(
            markup("$plates", plates=view.next_plates) if view.next_plates else ""
        )
