"""The keys for the screen in front, on one line: what Textual's Footer shows, as one widget."""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """`⏎ Log  w Warm-up  ...`: the shown keys of the current screen and the app.

    Textual's Footer builds and styles a widget per key (about 40 ms at start-up, on a
    2-core machine, for a dozen keys); this draws the same line as one Static. It follows
    the screen's bindings as they change (focus, check_action), as the Footer does.
    """

    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-description-foreground;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._draw()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _: Screen[object]) -> None:
        self._draw()

    def _draw(self) -> None:
        parts: list[tuple[str, str]] = []
        shown: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in shown:
                continue
            shown.add(binding.action)
            dim = "" if enabled else " dim"
            key = f"{self.app.get_key_display(binding)} "
            parts.append((key, f"bold $footer-key-foreground{dim}"))
            parts.append((f"{binding.description}  ", dim.strip()))
        self.update(Content.assemble(*parts))
