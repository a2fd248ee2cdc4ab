"""The app as its screens, dialogs and palette see it: what they may ask of it.

Screens and dialogs sit below the app (it opens them), so they never import it; they see it
through this Protocol, which GymApp meets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.notifications import SeverityLevel
    from textual.signal import Signal

    from gymtui.core.rest import RestView
    from gymtui.gym import Gym


class GymHost(Protocol):
    """The Gym, the two signals every view follows, the tick, toasts and file problems."""

    gym: Gym
    data_changed: Signal[None]  # after every write: each view redraws from the Gym
    rest_changed: Signal[RestView]  # every tick: each view that shows the rest

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def tick(self) -> None: ...

    def schedule_tick(self, view: RestView | None = None) -> None: ...

    def show_problem(self, text: str) -> None: ...

    def hide_toasts(self) -> None: ...

    def release_toasts(self) -> None: ...


def host_of(node: MessagePump) -> GymHost:
    """The app `node` belongs to, as a GymHost."""
    return cast("GymHost", node.app)
