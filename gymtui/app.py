"""The gymtui App: modes for Today, Rest and History, global keys, and the one rest timer."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterable
from functools import partial

from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from gymtui.errors import DatabaseFileError
from gymtui.models import Exercise, LoggedSet, Program, ProgramDay, SetInput
from gymtui.paths import Paths
from gymtui.program import load_program
from gymtui.rest import (
    ADJUST_STEP_S,
    Clock,
    RestTimer,
    SystemClock,
    rest_length,
)
from gymtui.screens.dialogs import HelpDialog, RestLengths
from gymtui.screens.history import HistoryScreen
from gymtui.screens.rest import RestScreen
from gymtui.screens.today import TodayScreen
from gymtui.store import StorageError, Store
from gymtui.today import all_exercises, load_today
from gymtui.values import Unit, format_duration, format_set
from gymtui.widgets.rest_status import RestStatus

TIMER_SETTING = "rest_timer"
WARMUP_REST = "rest_warmup_s"
DEFAULT_REST = "rest_default_s"
ALERT_CHANNELS = {"bell": "Bell", "toast": "Toast", "desktop": "Desktop notification"}


def desktop_notify(title: str, body: str) -> None:
    """Send a desktop notification when the system has `notify-send`; skip silently if not."""
    command = shutil.which("notify-send")
    if command is None:
        return
    with contextlib.suppress(OSError):
        subprocess.Popen(
            [command, "--app-name=gymtui", title, body],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


def build_app(
    paths: Paths,
    clock: Clock | None = None,
    notifier: Callable[[str, str], None] = desktop_notify,
) -> GymApp:
    """Open the program and the database at `paths` and make the app (tests use this too)."""
    program = load_program(paths.program_file)
    store = Store.open(paths.database)
    try:
        store.sync_exercises(program.exercises.values())
    except StorageError as problem:
        store.close()
        raise DatabaseFileError(
            f"gymtui cannot write to {paths.database} ({problem}). Make the file writable "
            "(chmod u+w), or choose another folder with --data-dir DIR or GYMTUI_DATA_DIR."
        ) from None
    return GymApp(store, program, clock, notifier)


class GymApp(App[None]):
    """A terminal gym companion for leg training."""

    CSS_PATH = "gymtui.tcss"
    TITLE = "gymtui"
    MODES = {"today": TodayScreen, "rest": RestScreen, "history": HistoryScreen}
    DEFAULT_MODE = "today"
    TICK_S = 0.1
    BINDINGS = [
        Binding("t", "switch_mode('today')", "Today", tooltip="Today's session"),
        Binding("r", "switch_mode('rest')", "Rest", tooltip="The rest timer"),
        Binding("h", "switch_mode('history')", "History", tooltip="Sessions and progress"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
        Binding("q", "quit", "Quit", tooltip="Quit gymtui (everything is already saved)"),
        Binding(
            "ctrl+z",
            "suspend_process",
            "Suspend",
            show=False,
            tooltip="Suspend to the shell (fg brings it back; the rest keeps counting)",
        ),
    ]

    def __init__(
        self,
        store: Store,
        program: Program,
        clock: Clock | None = None,
        notifier: Callable[[str, str], None] = desktop_notify,
    ) -> None:
        super().__init__()
        self.store = store
        self.program = program
        self.clock: Clock = clock or SystemClock()
        self.notifier = notifier
        self.exercises: dict[str, Exercise] = all_exercises(store, program)
        self.timer = self._load_timer()

    # -- settings -------------------------------------------------------------------

    @property
    def unit(self) -> Unit:
        """kg or lb: what the user reads and types (the file always holds kg)."""
        return "lb" if self.store.setting("unit") == "lb" else "kg"

    def toggle_unit(self) -> None:
        """Switch between kg and lb."""
        new = "kg" if self.unit == "lb" else "lb"
        if self._write(lambda: self.store.set_setting("unit", new)):
            self.notify(f"Weights now shown in {new}.")

    def save_setting(self, key: str, value: str) -> bool:
        """Store a setting; False (and a message) when the file refused it."""
        return self._write(lambda: self.store.set_setting(key, value))

    def flag(self, name: str, default: bool = True) -> bool:
        """An on/off setting."""
        value = self.store.setting(name)
        return default if value is None else value == "on"

    def toggle_flag(self, name: str, label: str) -> None:
        """Turn an on/off setting over and say what it is now."""
        new = not self.flag(name)
        if self._write(lambda: self.store.set_setting(name, "on" if new else "off")):
            self.notify(f"{label}: {'on' if new else 'off'}")

    # -- writes, each on disk before the screen says so -----------------------------

    def _write(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except StorageError as problem:
            self.notify(str(problem), title="Not saved", severity="error", timeout=15)
            return False
        return True

    def save_set(self, entry: SetInput, day: ProgramDay) -> LoggedSet | None:
        """Log a set; say "Saved" only once it is on disk, then start the rest."""
        saved: list[LoggedSet] = []
        if not self._write(lambda: saved.append(self.store.log_set(entry, day, self.clock.now()))):
            return None
        logged = saved[0]
        name = self.exercise(logged.exercise_id).name
        kind = " (warm-up)" if logged.kind == "warmup" else ""
        self.notify(f"Saved: {name} {format_set(logged.weight_kg, logged.reps, self.unit)}{kind}")
        self.start_rest_after(logged, day)
        return logged

    def update_set(self, set_id: int, entry: SetInput) -> bool:
        """Change a logged set."""
        if self._write(lambda: self.store.update_set(set_id, entry)):
            self.notify("Set updated.")
            return True
        return False

    def delete_set(self, set_id: int, what: str) -> bool:
        """Delete a logged set."""
        if self._write(lambda: self.store.delete_set(set_id)):
            self.notify(f"Deleted {what}.")
            return True
        return False

    def finish_session(self, session_id: int) -> bool:
        """Finish the session now; the rest timer stops with it."""
        if self._write(lambda: self.store.finish_session(session_id, self.clock.now())):
            self.timer.skip()
            self._save_timer()
            self.notify("Session finished. Well done.")
            return True
        return False

    def add_exercise(self, name: str) -> Exercise | None:
        """Create the user's own exercise."""
        made: list[Exercise] = []
        if not name.strip() or not self._write(
            lambda: made.append(self.store.add_custom_exercise(name))
        ):
            return None
        self.exercises = all_exercises(self.store, self.program)
        return made[0]

    # -- the rest timer -------------------------------------------------------------

    def _load_timer(self) -> RestTimer:
        raw = self.store.setting(TIMER_SETTING)
        if not raw:
            return RestTimer()
        try:
            return RestTimer.from_saved(json.loads(raw), self.clock.elapsed(), self.clock.now())
        except (ValueError, KeyError, TypeError):
            return RestTimer()

    def _save_timer(self) -> None:
        data = self.timer.to_saved(self.clock.elapsed(), self.clock.now())
        self._write(lambda: self.store.set_setting(TIMER_SETTING, json.dumps(data)))

    def start_rest_after(self, logged: LoggedSet, day: ProgramDay) -> None:
        """Start the rest that follows a set (unless the user turned auto-start off)."""
        view = load_today(self.store, self.program, self.exercises, self.clock.now())
        next_row = view.rows[view.next_index] if view.next_index is not None else None
        if next_row is not None and next_row.planned is not None:
            weight = next(
                (
                    s.weight_kg
                    for s in reversed(view.session_sets)
                    if s.exercise_id == next_row.exercise.id and s.is_working
                ),
                None,
            )
            what = (
                f" {format_set(weight, next_row.planned.reps, self.unit)}"
                if weight is not None
                else f" × {next_row.planned.reps}"
            )
            self.timer.next_up = (
                f"Set {next_row.slot} of {next_row.planned.sets} - {next_row.exercise.name}{what}"
            )
        else:
            self.timer.next_up = "All planned sets done: finish the session with f"
        if not self.flag("rest_autostart"):
            self.timer.skip()
            self._save_timer()
            return
        exercise = self.exercise(logged.exercise_id)
        planned = next((p for p in day.exercises if p.exercise_id == logged.exercise_id), None)
        lengths = self.rest_lengths(exercise.id)
        length = rest_length(
            exercise, planned, logged.kind, lengths.exercise, lengths.warmup, lengths.default
        )
        self.timer.start(length, self.clock.elapsed(), after_set_id=logged.id)
        self._save_timer()
        self.tick()

    def exercise(self, exercise_id: str) -> Exercise:
        """An exercise by id (one the catalogue no longer has keeps its id as its name)."""
        return self.exercises.get(exercise_id) or Exercise(exercise_id, exercise_id, custom=True)

    def rest_lengths(self, exercise_id: str | None) -> RestLengths:
        """The user's rest settings: for this exercise, for warm-ups, and the default."""

        def number(key: str) -> int | None:
            value = self.store.setting(key)
            return int(value) if value and value.isdigit() else None

        own = self.store.exercise_rest(exercise_id) if exercise_id else None
        return RestLengths(own, number(WARMUP_REST), number(DEFAULT_REST))

    def set_rest_lengths(self, exercise_id: str | None, lengths: RestLengths) -> None:
        """Store the user's rest settings."""

        def write() -> None:
            with self.store.db.atomic():
                if exercise_id:
                    self.store.set_exercise_rest(exercise_id, lengths.exercise)
                for key, value in ((WARMUP_REST, lengths.warmup), (DEFAULT_REST, lengths.default)):
                    self.store.set_setting(key, str(value) if value else None)

        if self._write(write):
            self.notify("Rest lengths saved; they apply from the next set.")

    def rest_toggle_pause(self) -> None:
        """Pause or resume the rest."""
        self.timer.toggle_pause(self.clock.elapsed())
        self._save_timer()
        self.tick()

    def rest_adjust(self, sign: int) -> None:
        """Add or take away 15 s."""
        self.timer.adjust(sign * ADJUST_STEP_S, self.clock.elapsed())
        self._save_timer()
        self.tick()

    def rest_skip(self) -> None:
        """End the rest now."""
        self.timer.skip()
        self._save_timer()
        self.tick()

    def rest_status(self) -> tuple[str, str]:
        """The status line's text and state: idle, running, paused or over."""
        at = self.clock.elapsed()
        timer = self.timer
        left = timer.remaining(at)
        after = f"  ·  next: {timer.next_up}" if timer.next_up else ""
        if timer.state == "paused":
            return f"Rest {format_duration(left)} paused (space to resume){after}", "paused"
        if timer.state == "running" and left > 0:
            return f"Rest {format_duration(left)}{after}", "running"
        if timer.state == "running":
            return f"Rest +{format_duration(-left)} over{after}", "over"
        return "No rest running: it starts when you log a set", "idle"

    def tick(self) -> None:
        """Redraw the timer wherever it shows, and alert once when the rest ends."""
        if self.timer.poll_alert(self.clock.elapsed()):
            self._save_timer()
            self.alert_rest_over()
        text, state = self.rest_status()
        for screen in self.screen_stack:
            for status in screen.query(RestStatus):
                status.show(text, state)
            if isinstance(screen, RestScreen):
                screen.redraw()

    def alert_rest_over(self) -> None:
        """Bell, toast and desktop notification, each unless switched off."""
        body = self.timer.next_up or "Time for the next set."
        if self.flag("alert_bell"):
            self.bell()
        if self.flag("alert_toast"):
            self.notify(body, title="Rest over", timeout=8)
        if self.flag("alert_desktop"):
            self.notifier("Rest over", body)

    def action_suspend_process(self) -> None:
        """Suspend the whole job, as ctrl+z does in a shell, so that `fg` brings it back.

        Textual's own version stops only this process; under `uv run` the shell waits on uv,
        which catches SIGTSTP, so the terminal would hang. Here the terminal is restored
        first, then the whole process group stops; `fg` continues it inside `suspend()`,
        which puts the app back. The rest timer reads the clock, so it is right on return.
        """
        if not hasattr(signal, "SIGSTOP"):
            return
        try:
            with self.suspend():
                os.killpg(os.getpgrp(), signal.SIGSTOP)
        except SuspendNotSupported:
            pass

    def on_mount(self) -> None:
        self.set_interval(self.TICK_S, self.tick)

    def on_unmount(self) -> None:
        self.store.close()

    # -- help and the command palette -----------------------------------------------

    def action_help(self) -> None:
        rows = [
            (b.key_display or b.key, b.tooltip or b.description)
            for b in self._key_bindings(self.screen)
        ]
        self.push_screen(HelpDialog(rows))

    def _key_bindings(self, screen: Screen[object]) -> list[Binding]:
        seen: list[Binding] = []
        for binding in [*screen.BINDINGS, *self.BINDINGS]:
            if isinstance(binding, Binding) and binding.description:
                seen.append(binding)
        return seen

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for binding in self._key_bindings(screen):
            target = self if binding in self.BINDINGS else screen
            yield SystemCommand(
                binding.tooltip or binding.description,
                f"key: {binding.key_display or binding.key}",
                partial(target.run_action, binding.action),
            )
        yield SystemCommand("Units: switch kg / lb", "weights are stored in kg", self.toggle_unit)
        yield SystemCommand(
            "Rest: auto-start on/off",
            "start the rest when a set is logged",
            partial(self.toggle_flag, "rest_autostart", "Auto-start rest"),
        )
        for key, label in ALERT_CHANNELS.items():
            yield SystemCommand(
                f"Rest alert: {label} on/off",
                "when the rest ends",
                partial(self.toggle_flag, f"alert_{key}", f"Rest alert {label.lower()}"),
            )
        yield from super().get_system_commands(screen)
