"""A question with a few answers, each picked with one key."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.text import plain


class ChoiceDialog(GymDialog[str | None]):
    """Pick an answer by its key (the first one also with `enter`); `escape` picks none."""

    BINDINGS = [
        Binding("escape", "pick('')", "Cancel"),
        Binding("enter", "pick_first", "Choose", show=False),
    ]

    def __init__(self, question: str, answers: list[tuple[str, str]]) -> None:
        """`answers`: (key, what it does), the first being what `enter` picks."""
        super().__init__()
        self.question = question
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choice-dialog"):
            yield Static(plain(self.question), id="choice-question")
            shown = "   ".join(f"[b]{key}[/] {what}" for key, what in self.answers)
            yield Static(f"{shown}   [b]esc[/] cancel", id="dialog-help")

    def on_key(self, event: events.Key) -> None:
        if any(event.key == key for key, _ in self.answers):
            event.stop()
            self.action_pick(event.key)

    def action_pick_first(self) -> None:
        self.action_pick(self.answers[0][0])

    def action_pick(self, key: str) -> None:
        self.dismiss(key or None)
