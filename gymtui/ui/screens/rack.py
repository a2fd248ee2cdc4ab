"""The rack view: the rest in digits as large as the terminal allows, the next set and its
plates, and the whole screen flashing when the rest ends. The Rest screen's keys work here."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from gymtui.core.rest import RestView, next_change_s
from gymtui.ui.css import css_beside
from gymtui.ui.screens.base import GymScreen
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.text import markup
from gymtui.ui.widgets.big_clock import BigClock

FLASH_S = 8  # the screen flashes this long once the rest is over, then stays red
RACK_HELP = "[b]v[/] back  [b]enter[/] log  [b]space[/] pause  [b]+[/]/[b]-[/] 15 s  [b]s[/] skip"
# The keys line as the rest stands: what space does, and +/- and s only while a rest is on
RACK_KEYS = {
    "running": RACK_HELP,
    "paused": RACK_HELP.replace("[b]space[/] pause", "[b]space[/] resume"),
    "over": "[b]v[/] back  [b]enter[/] log",
    "idle": "[b]v[/] back  [b]enter[/] log  [b]space[/] start rest",
    "hold": "[b]enter[/] stop and save  [b]s[/] cancel  [b]v[/] back",
}


class RackScreen(RestScreen):
    """The rest for reading from two metres away."""

    DEFAULT_CSS = css_beside(__file__, "rack.tcss")

    BINDINGS = [
        *RestScreen.BINDINGS,
        Binding("v,escape", "app.switch_mode('rest')", "Back", tooltip="Back to the Rest screen"),
    ]

    def compose(self) -> ComposeResult:
        # Textual's compositor renders, at every frame, each widget on the screen itself and
        # each widget inside a container that meets the changed cells. The lines under the
        # clock are in one container below it, away from the digit that changes each second:
        # one render a frame instead of three.
        yield Static(id="rack-state")
        yield BigClock(id="rack-clock")
        with Vertical(id="rack-foot"):
            yield Static(id="rack-next")
            yield Static(id="rack-plates")
            yield Static(RACK_HELP, id="rack-help")

    def show_rest(self, view: RestView) -> None:
        GymScreen.show_rest(self, view)
        if not self._ready:
            return
        self._follow_state(view)
        if self._changed("#rack-state", view.headline):
            self.query_one("#rack-state", Static).update(view.headline)
        self.query_one(BigClock).text = view.digits
        flashing = view.state == "over" and -view.remaining_s < FLASH_S
        self.set_class(flashing and int(-view.remaining_s * 2) % 2 == 0, "-flash")
        keys = RACK_KEYS.get(view.state, RACK_HELP)
        if self._changed("#rack-help", keys):
            self.query_one("#rack-help", Static).update(keys)
        nxt = view.next_up or "Nothing planned: add an exercise on Today (t, then x)"
        if self._changed("#rack-next", nxt):
            self.query_one("#rack-next", Static).update(markup("$next", next=nxt))
        if self._changed("#rack-plates", view.next_plates):
            self.query_one("#rack-plates", Static).update(
                markup("$plates", plates=view.next_plates) if view.next_plates else ""
            )

    def rest_changes_in(self, view: RestView) -> float | None:
        """The digits' next second and, while the screen flashes, its next half second."""
        change = next_change_s(view)
        over = -view.remaining_s
        if view.state == "over" and over < FLASH_S:
            flip = (math.floor(over * 2) + 1) / 2 - over
            change = flip if change is None else min(change, flip)
        return change
