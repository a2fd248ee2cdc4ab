"""What every gymtui screen shares: the Gym, the rest line, and redraws on outside changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.screen import Screen
from textual.widgets import Static

from gymtui.core.rest import RestView, next_change_s
from gymtui.gym import Gym
from gymtui.ui.widgets.rest_status import RestStatus

if TYPE_CHECKING:
    from gymtui.ui.app import GymApp


class GymScreen(Screen[None]):
    """A screen of the app: it shows the rest line and follows the data."""

    @property
    def gym_app(self) -> GymApp:
        return cast("GymApp", self.app)

    @property
    def gym(self) -> Gym:
        return self.gym_app.gym

    def on_mount(self) -> None:
        self.mount(
            Static(
                "Make the window larger: gymtui needs at least 60 columns and 18 rows.\n"
                "Every set is saved; q quits.",
                id="too-small",
            )
        )

    resumed = False

    @on(events.ScreenResume)
    def resume(self, event: events.ScreenResume) -> None:
        """Every screen, on coming to the front: follow the rest and the data (a subclass's
        on_screen_resume runs first: Textual calls each class's own handler)."""
        if not self.resumed:
            # Mounting has just styled every widget; Textual would style them all again on
            # this first resume (4 ms of the first frame). Later resumes restyle as usual.
            event.refresh_styles = False
            self.resumed = True
        app = self.gym_app
        # Re-subscribing on every resume: a screen of another mode may have been dropped.
        app.rest_changed.unsubscribe(self)
        app.rest_changed.subscribe(self, self._rest_changed, immediate=True)
        app.data_changed.unsubscribe(self)
        app.data_changed.subscribe(self, self._data_changed, immediate=True)
        self.show_rest(self.gym.rest_view())
        app.schedule_tick()  # this screen may show the rest in finer steps than the last
        app.release_toasts()

    def _rest_changed(self, view: RestView) -> None:
        # A screen of another mode is out of sight: it catches up when it comes back (resume).
        if self in self.app.screen_stack:
            self.show_rest(view)

    def show_rest(self, view: RestView) -> None:
        """Show the rest as it stands (every tick)."""
        for status in self.query(RestStatus):
            status.show(view)

    def rest_changes_in(self, view: RestView) -> float | None:
        """Seconds until what this screen shows of the rest changes (the status line's M:SS);
        None while nothing on it moves."""
        return next_change_s(view)

    def _data_changed(self, _: None) -> None:
        self.data_changed()

    def data_changed(self) -> None:
        """The file changed (another window, or a setting): redraw from the Gym."""
