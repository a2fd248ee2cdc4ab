"""Where a key, paste or click goes before Textual routes it: nowhere below the minimum size,
and again, as new, to a dialog that opened while it was on its way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from textual import events
from textual.screen import Screen

from gymtui.ui.screens.base import GymScreen

if TYPE_CHECKING:
    from textual.app import App


class KeyGate:
    """The App's first look at input events (its on_event asks `held` first)."""

    def __init__(self) -> None:
        self._routed: WeakKeyDictionary[events.Key, Screen[Any]] = WeakKeyDictionary()

    async def held(self, app: App[Any], event: events.Event) -> bool:
        """True when the event is dealt with here and Textual must not route it."""
        # Below the minimum size only the message shows: a key there must not log a set
        # unseen. Keys other than q (and ctrl+q), pastes and clicks are dropped; a dialog
        # still open on top keeps its keys, as it is drawn.
        if (
            isinstance(event, events.Key | events.Paste | events.MouseEvent)
            and not event.is_forwarded
            and app.has_class("-too-small")
            and isinstance(app.screen, GymScreen)
        ):
            if isinstance(event, events.Key) and event.key in ("q", "ctrl+q"):
                await app.run_action("quit")
            return True
        if isinstance(event, events.Key):
            # A key comes back to the App, after its screen, for that screen's bindings.
            # When a key before it opened a dialog meanwhile (enter, then 1 5 0 enter in one
            # read), the dialog's bindings would take it (its enter saved the weight it
            # started with) and its text would be lost: it goes again, as new, to the dialog.
            if not event.is_forwarded:
                self._routed[event] = app.screen
            elif self._routed.get(event, app.screen) is not app.screen:
                app.post_message(events.Key(event.key, event.character))
                return True
        return False
