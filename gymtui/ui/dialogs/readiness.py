"""The readiness check at a session's first set: sleep, then soreness, one key (1-5) each."""

from __future__ import annotations

from rich.markup import escape
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from gymtui.core.readiness import LOAD_CUT_PCT, POOR_SLEEP, POOR_SORENESS, Readiness
from gymtui.ui.dialogs.base import GymDialog

QUESTIONS = (
    ("How did you sleep?", "1 very badly … 5 very well"),
    ("How sore are your legs?", "1 not at all … 5 very sore"),
)


class ReadinessDialog(GymDialog[Readiness]):
    """Two questions, one key each; `escape` skips the check for this session (both None)."""

    BINDINGS = [Binding("escape", "skip", "Skip")]

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="readiness-dialog"):
            yield Static("Readiness, before the first set", id="dialog-title")
            yield Static(id="readiness-question")
            yield Static(
                f"A poor day (slept {POOR_SLEEP} or less, or sore {POOR_SORENESS} or more) "
                f"takes {LOAD_CUT_PCT} % off today's loads.",
                id="dialog-hint",
            )
            yield Static("[b]1[/]-[b]5[/] answer   [b]esc[/] skip today", id="dialog-help")

    def on_mount(self) -> None:
        super().on_mount()
        self._ask()

    def _ask(self) -> None:
        question, scale = QUESTIONS[len(self.answers)]
        step = f"{len(self.answers) + 1} of {len(QUESTIONS)}"
        self.query_one("#readiness-question", Static).update(
            f"[b]{question}[/b]  [dim]({step})[/]\n{scale}"
        )

    def on_key(self, event: events.Key) -> None:
        if event.key in ("1", "2", "3", "4", "5") and not self.closing:
            event.stop()
            self.answers.append(int(event.key))
            if len(self.answers) == len(QUESTIONS):
                self.dismiss(Readiness(*self.answers))
            else:
                self._ask()
            return
        if (event.is_printable or event.key == "enter") and not self.closing:
            event.stop()  # a key meant for Today or the set dialog: say what this asks for
            shown = "enter" if event.key == "enter" else event.character or event.key
            self.query_one("#dialog-help", Static).update(
                f"[b]{escape(shown)}[/] is no answer here: [b]1[/]-[b]5[/] answer   "
                "[b]esc[/] skip today"
            )
            return
        super().on_key(event)

    def action_skip(self) -> None:
        self.dismiss(Readiness(None, None))
