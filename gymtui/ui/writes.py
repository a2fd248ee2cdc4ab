"""The UI's one way to write: run the write, say why when it is refused, and tell every view.

Every key that changes the file goes through `write`. A refused write is a message (nothing
was saved), never a traceback, and it comes back as `Written.saved` False; a saved one
publishes `data_changed` once, from which every view redraws, and ticks, so the rest shown
is the rest as it now stands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar, cast

from gymtui.errors import GymtuiError, ImportRunning, Refused, StaleSession
from gymtui.ui.host import GymHost
from gymtui.ui.text import shown

T = TypeVar("T")
NOT_DONE = "nothing was saved; do it again"


class Written(Generic[T]):
    """What a write did: saved, with what the write gave back, or not (the user was told)."""

    __slots__ = ("_value", "saved")

    def __init__(self, saved: bool, value: T | None = None) -> None:
        self.saved = saved
        self._value = value

    @property
    def value(self) -> T:
        """What the write gave back (None is a value too); a refused write has none."""
        if not self.saved:
            raise ValueError("a refused write gave nothing back")
        return cast(T, self._value)

    def __repr__(self) -> str:
        return f"Written(saved={self.saved}, value={self._value!r})"


def write(host: GymHost, action: Callable[[], T], not_done: str = NOT_DONE) -> Written[T]:
    """Run a write through the Gym. While a `gymtui import` holds the file it is refused at
    once (never a wait on the event loop), saying so and `not_done`."""
    try:
        value = action()
    except ImportRunning as running:
        host.notify(
            running.saying(not_done),
            title="Not saved",
            severity="warning",
            timeout=15,
            markup=False,
        )
        return Written(False)
    except StaleSession as problem:  # the session changed under us: show it as it is
        host.notify(
            shown(str(problem)), title="Not saved", severity="warning", timeout=10, markup=False
        )
        changed(host)
        return Written(False)
    except Refused as why:  # nothing was wrong with the file: the change does not apply
        host.notify(shown(str(why)), severity="warning", markup=False)
        return Written(False)
    except GymtuiError as problem:
        host.notify(
            shown(str(problem)), title="Not saved", severity="error", timeout=15, markup=False
        )
        return Written(False)
    changed(host)
    return Written(True, value)


def changed(host: GymHost) -> None:
    """The file changed: every view redraws from the Gym, and the rest is brought up to date."""
    host.data_changed.publish(None)
    host.tick()


def read(host: GymHost, action: Callable[[], T]) -> T | None:
    """Run a read; when the file cannot be read, say so (once) and give back None."""
    try:
        return action()
    except GymtuiError as problem:
        host.show_problem(str(problem))
    return None
