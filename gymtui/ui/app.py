"""The gymtui App: a shell of modes, global keys, the palette, the tick and notifications."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gc
import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from textual import events
from textual._context import active_app
from textual.app import SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer

from gymtui.core.metrics import beaten_text
from gymtui.core.models import SetInput
from gymtui.core.rest import Clock, RestView, next_change_s
from gymtui.core.values import format_set
from gymtui.errors import GymtuiError, ImportRunning, StaleSession
from gymtui.gym import Gym, Logged
from gymtui.paths import Paths
from gymtui.ui.screens.base import GymScreen
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.text import shown
from gymtui.ui.toasts import ToastApp

T = TypeVar("T")


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


def silence_a_hung_up_terminal() -> None:
    """After SIGHUP the terminal may be gone (ssh dropped): standard output and error then
    point at /dev/null, so that the last flush on the way out is not an error (exit 2)."""
    try:
        import termios
    except ImportError:
        return
    for fd in (1, 2):
        try:
            termios.tcgetattr(fd)
        except termios.error as problem:
            if problem.args and problem.args[0] == errno.EIO:  # hung up, not "not a tty"
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, fd)
                os.close(null)


def _today_screen() -> Screen[None]:
    # Textual re-parses every stylesheet (about 10 ms) for a mode's first screen when the CSS
    # counter moved since the app began, as setting the theme in __init__ does. The stylesheet
    # already holds this theme's variables (GymApp.__init__ sets them), so the screen is
    # marked current and the first frame comes without the second parse.
    screen = TodayScreen()
    app = active_app.get()
    if app.stylesheet._variables == app.get_css_variables():
        screen._css_update_count = app._css_update_count
    return screen


def _rest_screen() -> Screen[None]:
    # Rest and History (with its chart library) load on first use, not at start-up.
    from gymtui.ui.screens.rest import RestScreen

    return RestScreen()


def _rack_screen() -> Screen[None]:
    from gymtui.ui.screens.rack import RackScreen

    return RackScreen()


def _history_screen() -> Screen[None]:
    from gymtui.ui.screens.history import HistoryScreen

    return HistoryScreen()


def collect_again() -> None:
    """After the first frame: the cyclic collector back on if the start turned it off
    (cli.run_app), with the objects start-up made frozen out of later collections."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def build_app(
    paths: Paths,
    clock: Clock | None = None,
    notifier: Callable[[str, str], None] = desktop_notify,
) -> GymApp:
    """Open the program and the database at `paths` and make the app (tests use this too)."""
    return GymApp(Gym.open(paths, clock), notifier, screenshots=paths.data_dir / "screenshots")


MIN_WIDTH, MIN_HEIGHT = 60, 18


APP_KEYS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [  # on every screen
    Binding("t", "switch_mode('today')", "Today", tooltip="Today's session"),
    Binding("r", "switch_mode('rest')", "Rest", tooltip="The rest timer"),
    Binding("h", "switch_mode('history')", "History", tooltip="Sessions and progress"),
    Binding(
        "v",
        "switch_mode('rack')",
        "Rack view",
        show=False,
        tooltip="The rack view: the rest in huge digits, readable from two metres",
    ),
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


class GymApp(ToastApp):
    """A terminal gym companion for leg training."""

    CSS_PATH = "gymtui.tcss"
    TITLE = "gymtui"
    MODES = {
        "today": _today_screen,
        "rest": _rest_screen,
        "rack": _rack_screen,
        "history": _history_screen,
    }
    DEFAULT_MODE = "today"
    # The tick comes when what is shown of the rest changes (the next second, the bar's next
    # step, the deadline) and at least every TICK_S: another window's writes show within a
    # second. Tests, screenshots and the monkey set TICK_S far higher and tick by hand.
    TICK_S = 1.0
    TICK_LATE_S = 0.002  # just past a change, so that the redraw shows it
    CHECK_OTHERS_EVERY = 1  # ticks: every one looks for other windows' writes
    BINDINGS = APP_KEYS

    def __init__(
        self,
        gym: Gym,
        notifier: Callable[[str, str], None] = desktop_notify,
        screenshots: Path | None = None,
    ) -> None:
        super().__init__()
        # No animation: nothing on a gym screen needs one, every frame costs battery, and a
        # tab's underline animation restarted by "2 1 2" in one read never ended (monkey
        # seed 27: the app answered keys, but Pilot waited on it forever).
        self.animation_level = "none"
        self.gym = gym
        self.notifier = notifier
        self.screenshots = screenshots or Path.cwd()
        self.rest_changed: Signal[RestView] = Signal(self, "rest-changed")
        self.data_changed: Signal[None] = Signal(self, "data-changed")
        self.next_tick_s: float | None = None  # from the last tick (tests, benchmarks)
        self._next_tick: Timer | None = None
        self.crash: BaseException | None = None  # an unexpected error that ended the app
        self._problem_shown: str | None = None
        self._caught: list[int] = []  # the signals whose handlers on_mount added
        self.stopped_by: signal.Signals | None = None  # SIGTERM or SIGHUP, when one ended it
        # A stored setting that cannot be read is its default, said once at start (on_mount).
        self._unreadable = [f"{name} = {text[:20]!r}" for name, text in gym.settings.unreadable]
        if gym.settings.theme:
            try:
                self.theme = gym.settings.theme
            except Exception:  # an unknown theme (a removed one, or garbage): the default
                self._unreadable.append(f"theme = {gym.settings.theme[:20]!r}")
        self.stylesheet.set_variables(self.get_css_variables())  # the theme's, before any parse

    # -- writes: a refused one is a message, never a traceback --------------------------

    def saving(
        self, action: Callable[[], T], not_done: str = "nothing was saved; do it again"
    ) -> T | None:
        """Run a write; on failure say why (nothing was saved) and give back None. While a
        `gymtui import` holds the file the write is refused at once (never a wait on the
        event loop), saying so and `not_done`."""
        try:
            return action()
        except ImportRunning as running:
            self.notify(
                running.saying(not_done),
                title="Not saved",
                severity="warning",
                timeout=15,
                markup=False,
            )
        except StaleSession as problem:
            self.notify(
                shown(str(problem)), title="Not saved", severity="warning", timeout=10, markup=False
            )
            self.data_changed.publish(None)
        except GymtuiError as problem:
            self.notify(
                shown(str(problem)), title="Not saved", severity="error", timeout=15, markup=False
            )
        return None

    def reading(self, action: Callable[[], T]) -> T | None:
        """Run a read; when the file cannot be read, say so (once) and give back None."""
        try:
            return action()
        except GymtuiError as problem:
            self.show_problem(str(problem))
        return None

    def show_problem(self, text: str) -> None:
        """A problem with the file, shown until dismissed; the same one is not repeated."""
        if text != self._problem_shown:
            self._problem_shown = text
            self.notify(
                shown(text), title="The database", severity="error", timeout=60, markup=False
            )

    def log_set(self, entry: SetInput) -> Logged | None:
        """Log a set; say "Saved" only once it is on disk (the rest starts with it)."""
        logged = self.saving(lambda: self.gym.log_set(entry), "the set was not saved; log it again")
        if logged is None:
            return None
        done = logged.set
        kind = " (warm-up)" if done.kind == "warmup" else ""
        what = format_set(done.weight_kg, done.reps, self.gym.settings.unit)
        self.notify(shown(f"Saved: {logged.exercise.name} {what}{kind}"), markup=False)
        if logged.records:
            text = beaten_text(logged.records, self.gym.settings.unit)
            self.notify(text, title=f"★ {shown(logged.exercise.name)}", timeout=10, markup=False)
        self.tick()
        return logged

    def toggle_unit(self) -> None:
        """Switch between kg and lb."""
        new = "kg" if self.gym.settings.unit == "lb" else "lb"
        if self.saving(lambda: self.gym.update_settings(unit=new)):
            self.notify(f"Weights now shown in {new}.")
            self.data_changed.publish(None)
            self.tick()

    def toggle_flag(self, name: str, label: str) -> None:
        """Turn an on/off setting over and say what it is now."""
        new = not getattr(self.gym.settings, name)
        if self.saving(lambda: self.gym.update_settings(**{name: new})):
            self.notify(f"{label}: {'on' if new else 'off'}")
            self.data_changed.publish(None)  # the ramp's rows come and go with its flag
            self.tick()

    def watch_theme(self, theme: str) -> None:
        if self.is_running and theme != self.gym.settings.theme:
            self.saving(lambda: self.gym.update_settings(theme=theme))

    # -- the tick: one RestView for every view that shows the rest ----------------------

    def tick(self) -> None:
        """Bring everything up to date: notice other windows, alert once when the rest ends,
        publish the rest as it stands; then sleep until what is shown of it next changes."""
        if self.reading(self.gym.changed_elsewhere):
            self.data_changed.publish(None)
        problem = self.gym.file_problem()
        if problem is not None:
            self.show_problem(problem)
        if self.gym.poll_rest_alert():
            self.alert_rest_over()
        view = self.gym.rest_view()
        self.rest_changed.publish(view)
        self.schedule_tick(view)

    @property
    def ticks_by_hand(self) -> bool:
        """Tests, screenshots and the monkey call tick() themselves (TICK_S set far above a
        second): then no tick is scheduled on the event loop."""
        return self.TICK_S > 60

    def schedule_tick(self, view: RestView | None = None) -> None:
        """The next tick: when what the screen on top shows of the rest next changes, and
        within TICK_S. Every tick reads the clock, so a late one (a blocked loop, SIGSTOP)
        shows the truth; the one at the deadline rings the alert."""
        view = view or self.gym.rest_view()
        screen = next((s for s in reversed(self.screen_stack) if isinstance(s, GymScreen)), None)
        change = screen.rest_changes_in(view) if screen is not None else next_change_s(view)
        wait = self.TICK_S if change is None else min(change + self.TICK_LATE_S, self.TICK_S)
        self.next_tick_s = wait
        if self._next_tick is not None:
            self._next_tick.stop()
            self._next_tick = None
        if not self.ticks_by_hand:
            self._next_tick = self.set_timer(wait, self.tick, name="tick")

    def alert_rest_over(self) -> None:
        """Bell, toast and desktop notification, each unless switched off."""
        body = self.gym.rest_view().next_up or "Time for the next set."
        settings = self.gym.settings
        if settings.alert_bell:
            self.bell()
        if settings.alert_toast:
            self.notify(shown(body), title="Rest over", timeout=8, markup=False)
        if settings.alert_desktop:
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

    # -- an unexpected error: the CLI writes a crash file and says where, in one line --------

    def _handle_exception(self, error: Exception) -> None:
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        if self.crash is None:
            super()._print_error_renderables()

    # -- SIGTERM and SIGHUP (kill, the terminal closed, ssh dropped): a clean exit ----------

    STOP_SIGNALS = tuple(
        getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
    )

    def _catch_stop_signals(self) -> None:
        """Let SIGTERM and SIGHUP end the app as q does: Textual restores the terminal and
        on_unmount closes the file (which checkpoints the WAL). Handled on the event loop, so
        never in the middle of a write; the exit status is 128 + the signal, as a shell says."""
        loop = asyncio.get_running_loop()
        for sig in self.STOP_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._stop_on_signal, sig)
                self._caught.append(sig)

    def _release_stop_signals(self) -> None:
        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            for sig in self._caught:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.remove_signal_handler(sig)
        self._caught.clear()

    def _stop_on_signal(self, sig: int) -> None:
        self.stopped_by = signal.Signals(sig)
        self.exit(return_code=128 + sig)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().run(*args, **kwargs)  # the exit value: a snapshot's screenshot
        finally:
            if self.stopped_by is not None:
                silence_a_hung_up_terminal()

    def on_mount(self) -> None:
        self._catch_stop_signals()
        if self._unreadable:
            one = len(self._unreadable) == 1
            self.notify(
                shown(
                    f"Could not read the stored setting{'' if one else 's'} "
                    + ", ".join(self._unreadable)
                    + (": its default is used" if one else ": their defaults are used")
                    + " until set again."
                ),
                title="Settings",
                severity="warning",
                timeout=20,
                markup=False,
            )
        self.schedule_tick()
        self.call_after_refresh(self._load_the_rest)
        self._fit(self.size.width, self.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    async def on_event(self, event: events.Event) -> None:
        """Below the minimum size only the message shows: a key there must not log a set
        unseen. Keys other than q (and ctrl+q) and pastes and clicks are dropped; a dialog
        still open on top keeps its keys, as it is drawn."""
        if (
            isinstance(event, events.Key | events.Paste | events.MouseEvent)
            and not event.is_forwarded
            and self.has_class("-too-small")
            and isinstance(self.screen, GymScreen)
        ):
            if isinstance(event, events.Key) and event.key in ("q", "ctrl+q"):
                await self.run_action("quit")
            return
        await super().on_event(event)

    def _fit(self, width: int, height: int) -> None:
        """Below 60x18 the screens cannot be read: say so instead of drawing them broken."""
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")

    def _load_the_rest(self) -> None:
        """After the first frame: load what the next key will need, so it opens at once, and
        start the full integrity check (start-up runs only SQLite's quick one)."""
        import gymtui.ui.dialogs.set_dialog
        import gymtui.ui.screens.rest  # noqa: F401

        self.run_worker(self._check_integrity, thread=True, group="integrity")
        collect_again()

    def _check_integrity(self) -> None:
        try:
            problem = self.gym.integrity_problem()
        except GymtuiError as error:
            problem = str(error)
        if problem is not None:
            self.call_from_thread(self.show_problem, problem)

    def on_unmount(self) -> None:
        self._release_stop_signals()
        self.gym.close()

    # -- help and the command palette -----------------------------------------------

    def action_help(self) -> None:
        from gymtui.ui.commands import key_sections
        from gymtui.ui.dialogs.help import HelpDialog

        self.push_screen(HelpDialog(key_sections(self, self.screen)))

    def key_bindings(self, screen: Screen[object]) -> list[Binding]:
        return [
            binding
            for binding in [*screen.BINDINGS, *self.BINDINGS]
            if isinstance(binding, Binding) and binding.description
        ]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from gymtui.ui.commands import gym_commands

        yield from gym_commands(self, screen)
        # q is in the keys above, said as gymtui says it: Textual's own Quit would be a second
        yield from (c for c in super().get_system_commands(screen) if c.title != "Quit")

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save an SVG of the screen and say where. Textual's own saves to ~/Downloads, which
        many machines lack ("Failed"): this uses it when it exists, else the data folder."""
        from platformdirs import user_downloads_path

        downloads = user_downloads_path()
        folder = Path(path) if path else downloads if downloads.is_dir() else self.screenshots
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(filename, str(folder), time_format)
        except OSError as problem:
            self.notify(
                shown(f"Could not save the screenshot in {folder}: {problem.strerror}."),
                title="Screenshot",
                severity="error",
                markup=False,
            )
            return None
        self.notify(shown(f"Saved {saved}"), title="Screenshot", markup=False)
        return saved
