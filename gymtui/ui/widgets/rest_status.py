"""The one-line rest status shown on every screen."""

from __future__ import annotations

from textual.widgets import Static

from gymtui.core.rest import RestView
from gymtui.ui.text import plain


class RestStatus(Static):
    """`Rest 2:41`, `Rest 2:41 paused`, `Rest +0:42 over`: the timer wherever you are."""

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
    RestStatus.-hold { background: $success-darken-2; color: $text; text-style: bold; }
    """

    _shown: tuple[str, str] | None = None

    def show(self, view: RestView) -> None:
        """Show the rest; nothing to do when the text and state did not change."""
        text = view.status_line
        if self._shown == (text, view.state):
            return
        self._shown = (text, view.state)
        # plain text (exercise names may hold brackets), one line always: no layout pass
        self.update(plain(text), layout=False)
        for name in ("running", "paused", "over", "hold"):
            self.set_class(view.state == name, f"-{name}")
