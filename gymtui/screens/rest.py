"""The Rest screen: the countdown in large digits, what comes next, and the set just done."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Footer, ProgressBar, Static

from gymtui.models import Exercise, SetInput
from gymtui.rest import DEFAULT_REST_S
from gymtui.screens.dialogs import RestLengths, RestLengthsDialog, SetDialog, set_request
from gymtui.today import load_today
from gymtui.values import format_duration, format_set
from gymtui.widgets.rest_status import RestStatus

if TYPE_CHECKING:
    from gymtui.app import GymApp


class RestScreen(Screen[None]):
    """Time the rest between sets."""

    BINDINGS = [
        Binding("space", "pause", "Pause", tooltip="Pause or resume the rest"),
        Binding("plus,equals_sign", "adjust(1)", "+15s", key_display="+", tooltip="Add 15 seconds"),
        Binding("minus", "adjust(-1)", "-15s", key_display="-", tooltip="Take away 15 seconds"),
        Binding("s", "skip", "Skip", tooltip="End the rest now"),
        Binding("enter", "log_next", "Log", priority=True, tooltip="Log the next set from here"),
        Binding(
            "l",
            "lengths",
            "Lengths",
            show=False,
            tooltip="Set rest lengths: this exercise, warm-ups",
        ),
    ]

    shown_remaining: float | None = None  # what the last redraw showed, for the benchmark
    _ready = False  # the tick can arrive while the screen is still being composed
    _last_cache: tuple[int | None, str, str] | None = None

    @property
    def gym(self) -> GymApp:
        return cast("GymApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="rest-body"):
            yield Static(id="rest-state")
            with Center():
                yield Digits("0:00", id="rest-digits")
            with Center():
                yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="rest-bar")
            yield Static(id="rest-next")
            yield Static(id="rest-last")
        yield RestStatus(id="rest-status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._ready = True
        self.redraw()

    def on_screen_resume(self) -> None:
        self.gym.tick()

    def redraw(self) -> None:
        """Recompute the remaining time from the clock and show it."""
        if not self._ready:
            return
        gym = self.gym
        timer = gym.timer
        left = timer.remaining(gym.clock.elapsed())
        self.shown_remaining = left
        over = timer.state == "running" and left <= 0
        if timer.state == "idle":
            state, digits = "No rest running: log a set (enter) and it starts", "0:00"
        elif timer.state == "paused":
            state, digits = "Paused: space to resume", format_duration(left)
        elif over:
            state, digits = "Rest over: time for the next set", "+" + format_duration(-left)
        else:
            state, digits = "Resting", format_duration(left)
        self.query_one("#rest-state", Static).update(state)
        self.query_one("#rest-digits", Digits).update(digits)
        bar = self.query_one("#rest-bar", ProgressBar)
        total = max(timer.length_s, 1.0)
        bar.update(total=total, progress=total if over or timer.state == "idle" else total - left)
        self.set_class(over, "-over")
        self.set_class(timer.state == "paused", "-paused")
        nxt = timer.next_up or "Nothing planned yet"
        self.query_one("#rest-next", Static).update(f"[b]Next:[/b] {escape(nxt)}")
        self.query_one("#rest-last", Static).update(self._last_text(timer.after_set_id))

    def _last_text(self, set_id: int | None) -> str:
        """The "Last:" line, read from the file once per set (redraws come 10 times a second)."""
        unit = self.gym.unit
        if self._last_cache is not None and self._last_cache[:2] == (set_id, unit):
            return self._last_cache[2]
        last = self.gym.store.find_set(set_id) if set_id is not None else None
        text = "[dim]No set logged yet.[/]"
        if last is not None:
            name = self.gym.exercise(last.exercise_id).name
            done = format_set(last.weight_kg, last.reps, unit)
            text = f"[b]Last:[/b] {escape(name)} {done} at {last.logged_at.strftime('%H:%M')}"
        self._last_cache = (set_id, unit, text)
        return text

    def action_pause(self) -> None:
        self.gym.rest_toggle_pause()

    def action_adjust(self, sign: int) -> None:
        self.gym.rest_adjust(sign)

    def action_skip(self) -> None:
        self.gym.rest_skip()

    def action_lengths(self) -> None:
        gym = self.gym
        set_id = gym.timer.after_set_id
        last = gym.store.find_set(set_id) if set_id is not None else None
        exercise: Exercise | None = gym.exercise(last.exercise_id) if last else None
        fallback = exercise.rest_s if exercise and not exercise.custom else DEFAULT_REST_S
        current = gym.rest_lengths(exercise.id if exercise else None)

        def done(lengths: RestLengths | None) -> None:
            if lengths is not None:
                gym.set_rest_lengths(exercise.id if exercise else None, lengths)

        self.app.push_screen(RestLengthsDialog(exercise, current, fallback), done)

    def action_log_next(self) -> None:
        gym = self.gym
        view = load_today(gym.store, gym.program, gym.exercises, gym.clock.now())
        if view.next_index is None:
            self.notify("No planned set left: add one on Today (t).", severity="warning")
            return
        row = view.rows[view.next_index]

        def done(entry: SetInput | None) -> None:
            if entry is not None:
                gym.save_set(entry, view.day)
                self.redraw()

        self.app.push_screen(SetDialog(set_request(view, row, "working", gym.unit)), done)
