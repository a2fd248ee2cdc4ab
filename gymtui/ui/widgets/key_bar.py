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
    the screen's bindings as they change (focus, check_action), as the Footer does. A screen
    may rank its keys (FOOTER_ORDER) and say which matter in its state (footer_key); when the
    window is too narrow, the last ranked keys go first; `?` and `q` always stay.
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
        keys = self._fitted(self._ordered(keys), self.size.width or 80)
        parts: list[tuple[str, str]] = []
        for binding, enabled in keys:
            dim = "" if enabled else " dim"
            parts.append((f"{self._key(binding)} ", f"bold $footer-key-foreground{dim}"))
            parts.append((f"{binding.description}  ", dim.strip()))
        line = Content.assemble(*parts)
        if line != self._line:  # bindings are re-announced often; most times nothing changed
            self._line = line
            self.update(line, layout=False)  # one line, always: no layout pass for it

    def _ordered(self, keys: list[tuple[Binding, bool]]) -> list[tuple[Binding, bool]]:
        """The screen's FOOTER_ORDER first (its actions, most wanted first), then the other
        keys as bound, `?` and `q` last; keys side by side with one label share it (`+/- 15s`)."""
        order: tuple[str, ...] = getattr(self.screen, "FOOTER_ORDER", ())

        def rank(item: tuple[int, tuple[Binding, bool]]) -> tuple[int, int]:
            index, (binding, _) = item
            if binding.action in ALWAYS:
                return (len(order) + 1, index)
            return (order.index(binding.action) if binding.action in order else len(order), index)

        ranked = [item for _, item in sorted(enumerate(keys), key=rank)]
        merged: list[tuple[Binding, bool]] = []
        for binding, enabled in ranked:
            if merged and merged[-1][0].description == binding.description:
                before, was_enabled = merged[-1]
                both = f"{self._key(before)}/{self._key(binding)}"
                merged[-1] = (replace(before, key_display=both), was_enabled or enabled)
            else:
                merged.append((binding, enabled))
        return merged

    def _fitted(self, keys: list[tuple[Binding, bool]], width: int) -> list[tuple[Binding, bool]]:
        """As many keys as fit, in order: one too wide leaves its place to smaller ones after
        it; `?` and `q` always stay."""
        room = width + 2 - sum(self._width(b) for b, _ in keys if b.action in ALWAYS)
        kept: list[tuple[Binding, bool]] = []
        for binding, enabled in keys:
            if binding.action in ALWAYS:
                kept.append((binding, enabled))
            elif self._width(binding) <= room:
                room -= self._width(binding)
                kept.append((binding, enabled))
        return kept

    def _key(self, binding: Binding) -> str:
        return binding.key_display or self.app.get_key_display(binding)

    def _width(self, binding: Binding) -> int:
        """Its cells on the line: the key, a space, the label and two spaces."""
        return len(self._key(binding)) + len(binding.description) + 3
