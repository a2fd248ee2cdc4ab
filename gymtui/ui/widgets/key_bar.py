"""The keys for the screen in front, on one line: what Textual's Footer shows, as one widget."""

from __future__ import annotations

from dataclasses import replace

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

ALWAYS = ("help", "quit")  # a narrow window drops other keys before these


class KeyBar(Static):
    """`⏎ Log  w Warm-up  ...`: the keys that matter now on the screen in front, and the app's.

    Textual's Footer builds and styles a widget per key, a dozen of them in the first frame
    (benchmarks/startup.py); this draws the same line as one Static. It follows
    the screen's bindings as they change (focus, check_action), as the Footer does. When the
    window is too narrow, the last of the screen's keys go first; `?` and `q` always stay.
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

    _line: Content | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._draw()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _bindings_changed(self, _: Screen[object]) -> None:
        self._draw()

    def _draw(self) -> None:
        keys: list[tuple[Binding, bool]] = []
        shown: set[str] = set()
        # A screen may say which keys matter now: footer_key(action) is False to leave a key
        # out, a label to show it under, or None for the binding's own `show`.
        footer_key = getattr(self.screen, "footer_key", lambda action: None)
        here = f"switch_mode('{self.app.current_mode}')"  # the key of this very screen
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            wanted = False if binding.action == here else footer_key(binding.action)
            if wanted is False or (wanted is None and not binding.show):
                continue
            if binding.action not in shown:
                shown.add(binding.action)
                if isinstance(wanted, str):
                    binding = replace(binding, description=wanted)
                keys.append((binding, enabled))
        width = self.size.width or 80
        while len(keys) > 1 and self._width(keys) > width:
            droppable = [i for i, (b, _) in enumerate(keys) if b.action not in ALWAYS]
            if not droppable:
                break
            del keys[droppable[-1]]
        parts: list[tuple[str, str]] = []
        for binding, enabled in keys:
            dim = "" if enabled else " dim"
            parts.append(
                (f"{self.app.get_key_display(binding)} ", f"bold $footer-key-foreground{dim}")
            )
            parts.append((f"{binding.description}  ", dim.strip()))
        line = Content.assemble(*parts)
        if line != self._line:  # bindings are re-announced often; most times nothing changed
            self._line = line
            self.update(line, layout=False)  # one line, always: no layout pass for it

    def _width(self, keys: list[tuple[Binding, bool]]) -> int:
        return sum(len(self.app.get_key_display(b)) + len(b.description) + 3 for b, _ in keys)
