"""The one-line rest status shown on every screen."""

from __future__ import annotations

from textual.widgets import Static


class RestStatus(Static):
    """`Rest 2:41`, `Rest 2:41 paused`, `Rest over +0:42`: the timer wherever you are."""

    DEFAULT_CSS = """
    RestStatus {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    RestStatus.-running { background: $primary-darken-2; color: $text; text-style: bold; }
    RestStatus.-paused { background: $warning-darken-3; color: $text; text-style: bold; }
    RestStatus.-over { background: $error-darken-1; color: $text; text-style: bold; }
    """

    _shown: tuple[str, str] | None = None

    def show(self, text: str, state: str) -> None:
        """Show `text` styled for `state` (idle, running, paused, over); no-op when unchanged."""
        if self._shown == (text, state):
            return
        self._shown = (text, state)
        self.update(text)
        for name in ("running", "paused", "over"):
            self.set_class(state == name, f"-{name}")
