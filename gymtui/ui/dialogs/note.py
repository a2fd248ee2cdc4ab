"""A line of free text: a session's note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.text import plain
from gymtui.ui.widgets.gym_input import GymInput

NOTE_MAX = 500


class NoteDialog(GymDialog[str | None]):
    """One line of text; `enter` saves (empty clears it), `escape` cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, note: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.note = note or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Label(plain(self.title_text), id="dialog-title")
            yield GymInput(self.note, id="note", placeholder="e.g. slept badly, knee ok")
            yield Static("", id="dialog-error")
            yield Static("[b]enter[/] save (empty clears it)   [b]esc[/] cancel", id="dialog-help")

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        text = " ".join(self.query_one("#note", Input).value.split())
        if len(text) > NOTE_MAX:
            self.query_one("#dialog-error", Static).update(
                f"A note holds at most {NOTE_MAX} characters; this one has {len(text)}."
            )
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
