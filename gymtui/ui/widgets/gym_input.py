"""Fields that apply every key in the order it was typed: a text field and a choice field."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input

from gymtui.ui.text import shown

T = TypeVar("T")


def held(widget: Widget, event: events.Key) -> bool:
    """A dialog that kept keys from before a field had the focus takes this one after them
    (its `hold_key`): keys typed together with the one that opened it keep their order."""
    hold = getattr(widget.screen, "hold_key", None)
    return bool(hold is not None and hold(event))


def pass_on(widget: Widget, event: events.Key) -> bool:
    """Hand a key that arrived after focus moved on to the widget that has focus now.

    Textual's App picks a key's target when it takes the key from its queue; if a tab earlier
    in the same read has not been handled yet, the keys after it go to the old field. The old
    field passes them on, one by one, so they keep their order.
    """
    focused = widget.screen.focused
    if focused is None or focused is widget:
        return False
    event.stop()
    event.prevent_default()
    focused.post_message(events.Key(event.key, event.character))
    return True


def move_focus(widget: Widget, event: events.Key) -> bool:
    """Tab and shift+tab, handled as they arrive."""
    if event.key not in ("tab", "shift+tab"):
        return False
    event.stop()
    event.prevent_default()
    if event.key == "tab":
        widget.screen.focus_next()
    else:
        widget.screen.focus_previous()
    return True


def choice_keys(
    label: str,
    choices: Sequence[tuple[object, str, str]],
    *,
    toggles: bool = False,
    halves: bool = False,
) -> tuple[str, str]:
    """The help's line for a ChoiceField or TogglesField: its keys, and what each picks
    (`k w d f`, `In Kind: working, warm-up, drop, failure`)."""
    keys = " ".join(key for _, _, key in choices)
    names = ", ".join(name.split(":")[0].lower() for _, name, _ in choices)
    how = " on, at half (worked second) or off" if halves else " on or off" if toggles else ""
    return keys, f"In {label}: {names}{how}"


def _editing_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for binding in Input.BINDINGS:
        if isinstance(binding, Binding):
            for key in binding.key.split(","):
                keys[key.strip()] = binding.action
    return keys


class GymInput(Input):
    """An Input whose editing keys keep their order within one read of the terminal.

    Textual's Input inserts a printable key at once, while an editing key (end, backspace,
    enter, ...) is matched against its bindings only after the event has bubbled up to the
    App as a message. When several keys arrive in one read (`End BSpace BSpace 1 2`, a
    paste, a fast typist over SSH), the letters land first: "6" became "" instead of "12",
    and `BSpace a b c` on "xyz" gave "xyzab". Here the editing keys, and tab between fields,
    run as they arrive; Input's own key handler runs after this one (Textual calls each
    class's), and for an editing key it only restarts the cursor's blink.
    """

    EDITING_KEYS = _editing_keys()

    def __init__(
        self,
        value: str | None = None,
        placeholder: str = "",
        *,
        shortcuts: Mapping[str, Callable[[], object]] | None = None,
        **kwargs: Any,
    ) -> None:
        """`shortcuts`: keys that never belong in this field (a letter in a number) and run
        something else instead of being typed, such as choosing the side from the weight."""
        super().__init__(value, placeholder, **kwargs)
        self.shortcuts = dict(shortcuts or {})

    async def on_key(self, event: events.Key) -> None:
        if held(self, event) or pass_on(self, event) or move_focus(self, event):
            return
        shortcut = self.shortcuts.get(event.key)
        if shortcut is not None:
            event.stop()
            event.prevent_default()  # not typed
            shortcut()
            return
        action = self.EDITING_KEYS.get(event.key)
        if action is not None:
            event.stop()  # no binding runs it a second time
            await self.run_action(action)


class ChoiceField(Widget, Generic[T], can_focus=True):
    """One of a few values, chosen with a single key or left/right; enter submits the form."""

    DEFAULT_CSS = """
    ChoiceField { height: 1; width: 1fr; }
    """

    class Submitted(Message):
        """Enter was pressed on the field."""

    value: reactive[int] = reactive(0)

    def __init__(
        self, choices: Sequence[tuple[T, str, str]], value: T, *, id: str, disabled: bool = False
    ) -> None:
        """`choices` are (value, label, key); the key picks the value at once."""
        super().__init__(id=id, disabled=disabled)
        self.choices = list(choices)
        self.set_reactive(
            ChoiceField.value, next((i for i, c in enumerate(choices) if c[0] == value), 0)
        )

    @property
    def chosen(self) -> T:
        """The value chosen."""
        return self.choices[self.value][0]

    def pick(self, key: str) -> None:
        """Choose the value whose key is `key` (from another field: the side from the weight)."""
        found = next((i for i, c in enumerate(self.choices) if c[2] == key), None)
        if found is not None:
            self.value = found

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        for i, (_value, label, key) in enumerate(self.choices):
            line.append(f"{key} ", style="bold" if i == self.value else "dim")
            line.append(shown(label), style="reverse bold" if i == self.value else "")
            line.append("  ")
        return line

    async def on_key(self, event: events.Key) -> None:
        if held(self, event) or pass_on(self, event) or move_focus(self, event):
            return
        count = len(self.choices)
        if event.key in ("left", "right", "space"):
            self.value = (self.value + (-1 if event.key == "left" else 1)) % count
        elif event.key == "enter":
            self.post_message(self.Submitted())
        else:
            found = next((i for i, c in enumerate(self.choices) if c[2] == event.key), None)
            if found is None:
                return
            self.value = found
        event.stop()
        event.prevent_default()


class TogglesField(Widget, Generic[T], can_focus=True):
    """Any of a few values, each switched on and off with its key (or left/right and space);
    enter submits the form. The keys keep their order within one read, as in ChoiceField.
    With `halves`, a key goes on, then at half (½: a muscle worked second), then off."""

    DEFAULT_CSS = """
    TogglesField { height: 1; width: 1fr; }
    """

    class Submitted(Message):
        """Enter was pressed on the field."""

    picked: reactive[frozenset[int]] = reactive(frozenset())
    halved: reactive[frozenset[int]] = reactive(frozenset())
    cursor: reactive[int] = reactive(0)

    def __init__(
        self,
        choices: Sequence[tuple[T, str, str]],
        values: Collection[T],
        *,
        id: str,
        disabled: bool = False,
        halves: Collection[T] | None = None,
    ) -> None:
        """`choices` are (value, label, key); the key switches the value on or off (and, when
        `halves` is given, those at half to start with, at half in between)."""
        super().__init__(id=id, disabled=disabled)
        self.choices = list(choices)
        self.three_state = halves is not None
        self.set_reactive(
            TogglesField.picked, frozenset(i for i, c in enumerate(choices) if c[0] in values)
        )
        self.set_reactive(
            TogglesField.halved,
            frozenset(i for i, c in enumerate(choices) if c[0] in (halves or ())) - self.picked,
        )

    @property
    def chosen(self) -> tuple[T, ...]:
        """The values switched on, in the order of the choices."""
        return tuple(c[0] for i, c in enumerate(self.choices) if i in self.picked)

    @property
    def at_half(self) -> tuple[T, ...]:
        """The values at half (three-state only), in the order of the choices."""
        return tuple(c[0] for i, c in enumerate(self.choices) if i in self.halved)

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        for i, (_value, label, key) in enumerate(self.choices):
            picked, half = i in self.picked, i in self.halved
            line.append(f"{key} ", style="bold" if picked or half else "dim")
            style = "reverse bold" if picked else ("reverse" if half else "")
            if self.has_focus and i == self.cursor:
                style += " underline"
            mark = "✓" if picked else ("½" if half else " ")
            line.append(mark + shown(label), style=style.strip())
            line.append("  ")
        return line

    def _toggle(self, index: int) -> None:
        self.cursor = index
        if not self.three_state:
            self.picked = self.picked ^ {index}
        elif index in self.picked:  # on -> at half -> off
            self.picked, self.halved = self.picked - {index}, self.halved | {index}
        elif index in self.halved:
            self.halved = self.halved - {index}
        else:
            self.picked = self.picked | {index}

    async def on_key(self, event: events.Key) -> None:
        if held(self, event) or pass_on(self, event) or move_focus(self, event):
            return
        count = len(self.choices)
        if event.key in ("left", "right"):
            self.cursor = (self.cursor + (-1 if event.key == "left" else 1)) % count
        elif event.key == "space":
            self._toggle(self.cursor)
        elif event.key == "enter":
            self.post_message(self.Submitted())
        else:
            found = next((i for i, c in enumerate(self.choices) if c[2] == event.key), None)
            if found is None:
                return
            self._toggle(found)
        event.stop()
        event.prevent_default()
