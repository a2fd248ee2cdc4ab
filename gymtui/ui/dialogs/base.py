"""What every dialog shares: it closes once, whatever keys keep arriving."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual import events
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

from gymtui.ui.css import css_beside

if TYPE_CHECKING:
    from gymtui.ui.app import GymApp

ResultT = TypeVar("ResultT")


class GymDialog(ModalScreen[ResultT]):
    """A modal dialog that is dismissed once.

    Keys that arrive in one read (a paste, a bouncing enter, `tmux send-keys Enter Enter`)
    reach the dialog before Textual has popped it. Without this a second enter would dismiss
    it again, popping the screen beneath (ScreenStackError), or save the set twice. Keys that
    reach a closing dialog are dropped: a bounce is not a second set.
    """

    DEFAULT_CSS = css_beside(__file__, "dialogs.tcss")

    closing = False

    def on_mount(self) -> None:
        cast("GymApp", self.app).hide_toasts()

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self.closing:
            return AwaitComplete()
        self.closing = True
        return super().dismiss(result)

    def on_key(self, event: events.Key) -> None:
        if self.closing:
            event.stop()
            event.prevent_default()
