"""What every gymtui screen shares: the Gym, the rest line, and redraws when data changes."""

from __future__ import annotations

from textual import events, on
from textual.screen import Screen
from textual.widgets import Static

from gymtui.core.rest import RestView, next_change_s
from gymtui.gym import Gym
from gymtui.ui.host import GymHost, host_of
from gymtui.ui.widgets.rest_status import RestStatus


class GymScreen(Screen[None]):
    """A screen of the app: it shows the rest line and follows the data."""

    @property
    def host(self) -> GymHost:
        return host_of(self)

    @property
    def gym(self) -> Gym:
        return self.host.gym

    def on_mount(self) -> None:
        self.mount(
            Static(
                "Make the window larger: gymtui needs at least 60 columns and 18 rows.\n"
                "Every set is saved; q quits.",
                id="too-small",
            )
        )

    resumed = False
    stale = False  # the data changed while the screen was out of sight

    @on(events.ScreenResume)
    def resume(self, event: events.ScreenResume) -> None:
        """Every screen, on coming to the front: follow the rest and the data (a subclass's
        on_screen_resume runs first: Textual calls each class's own handler)."""
        if not self.resumed:
            # Mounting has just styled every widget; Textual would style them all again on
            # this first resume, in the first frame. Later resumes restyle as usual.
            event.refresh_styles = False
            self.resumed = True
        host = self.host
        # Re-subscribing on every resume: a screen of another mode may have been dropped.
        host.rest_changed.unsubscribe(self)
        host.rest_changed.subscribe(self, self._rest_changed, immediate=True)
        host.data_changed.unsubscribe(self)
        host.data_changed.subscribe(self, self._data_changed, immediate=True)
        if self.stale:
            self.stale = False
            self.data_changed()
        self.show_rest(self.gym.rest_view())
        host.schedule_tick()  # this screen may show the rest in finer steps than the last
        host.release_toasts()

    def _rest_changed(self, view: RestView) -> None:
        # A screen of another mode is out of sight: it catches up when it comes back (resume).
        if self in self.app.screen_stack:
            self.show_rest(view)

    _statuses: list[RestStatus] | None = None

    def show_rest(self, view: RestView) -> None:
        """Show the rest as it stands (every tick)."""
        if self._statuses is None:  # a screen's status lines are there from its compose on
            self._statuses = list(self.query(RestStatus))
            if not self._statuses and not self.is_mounted:
                self._statuses = None  # too early: look again at the next tick
                return
        for status in self._statuses:
            status.show(view)

    def rest_changes_in(self, view: RestView) -> float | None:
        """Seconds until what this screen shows of the rest changes (the status line's M:SS);
        None while nothing on it moves."""
        return next_change_s(view)

    def _data_changed(self, _: None) -> None:
        # Out of sight (another mode's screen), it redraws when it comes back (resume).
        if self in self.app.screen_stack:
            self.data_changed()
        else:
            self.stale = True

    def data_changed(self) -> None:
        """The file changed (a write, another window, a setting): redraw from the Gym."""
