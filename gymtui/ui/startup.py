"""What gymtui does to show its first frame sooner, in one place (benchmarks/startup.py
measures it; tests/test_startup.py fails when Textual changes what these touch).

- The cyclic collector is off from before Textual is imported until the first frame is up:
  start-up makes a few hundred thousand objects and next to no garbage, and the collector
  would walk them again and again. Once the first frame is up it comes back on, with what
  start-up made frozen out of later collections, so the ones between sets stay short.
- A chosen theme, set as the app is made, moves Textual's stylesheet counter: the first
  screen would have every stylesheet parsed again, although nothing changed (the app
  parses its stylesheet with the theme's variables already set, and the theme's own
  refresh follows anyway). Today's screen is marked as styled for the counter as it stands.
- After the first frame: the modules the next key needs load (the set dialog, Rest), and
  SQLite's full integrity check starts in a thread (start-up ran only the quick one).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # this module is imported before Textual, to turn the collector off first
    from collections.abc import Callable

    from textual.app import App
    from textual.screen import Screen

    from gymtui.gym import Gym


@contextmanager
def collector_off() -> Iterator[None]:
    """The cyclic collector off while the block runs, until `collector_back_on` (the first
    frame) turns it on earlier; on again when the block ends, whatever happened."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def collector_back_on() -> None:
    """The collector on again if `collector_off` turned it off, what start-up made frozen."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def styled_as_of_now(screen: Screen[None], app: App[None]) -> Screen[None]:
    """`screen`, marked as styled for the app's stylesheet as it stands, so that Textual does
    not parse every stylesheet again when it becomes a mode's first screen."""
    # Private name 1 of the 3 gymtui uses (Textual has no public way to say a screen's styles
    # are current); tests/test_startup.py fails when it no longer saves the parse.
    screen._css_update_count = app._css_update_count
    return screen


def after_first_frame(app: App[None], gym: Gym, show_problem: Callable[[str], None]) -> None:
    """Load what the next key will need, start the full integrity check (a problem found is
    given to `show_problem`), and turn the collector back on."""
    import gymtui.ui.dialogs.set_dialog
    import gymtui.ui.screens.rest  # noqa: F401
    from gymtui.errors import GymtuiError

    def check() -> None:
        try:
            problem = gym.integrity_problem()
        except GymtuiError as error:
            problem = str(error)
        if problem is not None:
            app.call_from_thread(show_problem, problem)

    app.run_worker(check, thread=True, group="integrity")
    collector_back_on()
