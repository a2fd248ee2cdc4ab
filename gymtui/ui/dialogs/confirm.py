"""A yes/no question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.text import plain


class ConfirmDialog(GymDialog[bool]):
    """A yes/no question; `y` or `enter` confirms, `n` or `escape` does not."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Static(plain(self.question), id="confirm-question")
            yield Static("[b]y[/] yes   [b]n[/] no", id="dialog-help")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
