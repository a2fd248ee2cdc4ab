"""What every dialog shares: it closes once, whatever keys keep arriving; and the one way a
result comes back from a dialog (`ask`: push_screen with a callback)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

from gymtui.ui.css import css_beside
from gymtui.ui.host import host_of

if TYPE_CHECKING:
    from gymtui.gym import Gym
    from gymtui.ui.host import GymHost

ResultT = TypeVar("ResultT")
AnswerT = TypeVar("AnswerT")


class GymDialog(ModalScreen[ResultT]):
    """A modal dialog that is dismissed once.

    Keys that arrive in one read (a paste, a bouncing enter, `tmux send-keys Enter Enter`)
    reach the dialog before Textual has popped it. Without this a second enter would dismiss
    it again, popping the screen beneath (ScreenStackError), or save the set twice. Keys that
    reach a closing dialog are dropped: a bounce is not a second set.
    """

    DEFAULT_CSS = css_beside(__file__, "dialogs.tcss")

    closing = False
    _asking = 0  # dialogs this one opened whose answer it has not had yet
    _taking_keys = False  # its fields are up and one has the focus
    _early: list[events.Key] | None = None  # keys that came before that, in order

    @property
    def host(self) -> GymHost:
        return host_of(self)

    @property
    def gym(self) -> Gym:
        return self.host.gym

    def on_mount(self) -> None:
        self.host.hide_toasts()
        # Keys read with the one that opened this dialog (enter, 1 5 0, enter: a paste, or
        # fast typing over ssh) reach it before any field has the focus: they are kept and
        # given again, in order, once one has it. They were lost, and the enter after them
        # saved what the dialog started with.
        self.call_after_refresh(self._take_keys)

    def _take_keys(self) -> None:
        # To the field with the focus, in order; keys that reached it meanwhile waited
        # behind these (hold_key), and keys after this go to it behind them.
        self._taking_keys = True
        target = self.focused or self
        for key in self._early or ():
            target.post_message(events.Key(key.key, key.character))
        self._early = None

    def hold_key(self, event: events.Key) -> bool:
        """Keep a key that reached a field while keys from before its focus wait: it goes
        after them. False: nothing waits, the field takes it."""
        if self._early is None:
            return False
        self._early.append(event)
        event.stop()
        event.prevent_default()
        return True

    @property
    def busy(self) -> bool:
        """A flow of this dialog's is between two dialogs it opens (the answer of one is on
        its way): a key that reaches this one in that gap (escape meant for the next) must not
        close it or start another flow. Closing it then lost the flow mid-way."""
        return self._asking > 0

    def ask(self, dialog: Screen[AnswerT], then: Callable[[AnswerT | None], None]) -> None:
        """Open `dialog` over this one; `then` gets its answer. Until then this one is busy."""
        self._asking += 1

        def answered(answer: AnswerT | None) -> None:
            self._asking -= 1
            then(answer)

        self.app.push_screen(dialog, answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self._taking_keys:  # the key goes to on_key, kept for when the fields are up
            return False
        return False if self.busy else super().check_action(action, parameters)

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self.closing or self.busy:
            return AwaitComplete()
        self.closing = True
        return super().dismiss(result)

    def on_key(self, event: events.Key) -> None:
        if not self._taking_keys and not self.closing:
            self._early = [*(self._early or ()), event]
        if self.closing or self._early:
            event.stop()
            event.prevent_default()


def ask(
    asker: Screen[Any], dialog: Screen[AnswerT], then: Callable[[AnswerT | None], None]
) -> None:
    """Open `dialog` over `asker` (a screen or a dialog); `then` gets the dialog's answer."""
    if isinstance(asker, GymDialog):
        asker.ask(dialog, then)
    else:
        asker.app.push_screen(dialog, then)
