"""What every dialog shares: it closes once, whatever keys keep arriving."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual import events
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen
from textual.worker import NoActiveWorker, Worker, WorkerState, get_current_worker

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

    @property
    def busy(self) -> bool:
        """A flow of this dialog's (a worker) is between two dialogs it opens: a key that
        reaches this one in that gap (escape meant for the next) must not close it or start
        another flow. Closing it then cancelled the flow mid-way, and Textual passed the
        CancelledError on to the app's message loop, which ended: the app gone, no error."""
        try:
            current: Worker[object] | None = get_current_worker()
        except NoActiveWorker:
            current = None
        return any(
            w.node is self and w.state is WorkerState.RUNNING and w is not current
            for w in self.app.workers
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return False if self.busy else super().check_action(action, parameters)

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self.closing or self.busy:
            return AwaitComplete()
        self.closing = True
        return super().dismiss(result)

    def on_key(self, event: events.Key) -> None:
        if self.closing:
            event.stop()
            event.prevent_default()
