"""The gymtui App: a shell of modes, global keys, the palette, the tick and notifications."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer

from gymtui.core.rest import Clock, RestView, next_change_s
from gymtui.gym import Gym
from gymtui.paths import Paths
from gymtui.ui.desktop import desktop_notify
from gymtui.ui.holds import finish_due_hold
from gymtui.ui.key_gate import KeyGate
from gymtui.ui.modes import MODES
from gymtui.ui.screens.base import GymScreen
from gymtui.ui.sets import log_set
from gymtui.ui.settings import unreadable_notice
from gymtui.ui.startup import after_first_frame
from gymtui.ui.stop_signals import StopSignals
from gymtui.ui.text import shown
from gymtui.ui.toasts import ToastApp
from gymtui.ui.writes import read, write


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
    MODES = MODES
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
        self.key_gate = KeyGate()
        self.crash: BaseException | None = None  # an unexpected error that ended the app
        self._problem_shown: str | None = None
        self._program_problem_shown: str | None = None
        self.stop_signals = StopSignals(lambda status: self.exit(return_code=status))
        self._theme_refused = False
        if gym.settings.theme:
            try:
                self.theme = gym.settings.theme
            except Exception:  # an unknown theme (a removed one, or garbage): the default
                self._theme_refused = True
        self.stylesheet.set_variables(self.get_css_variables())  # the theme's, before any parse

    async def action_quit(self) -> None:
        """Quit; a hold under way is saved first, what was held so far (as `enter` saves it),
        and the terminal is told. Its save refused: the app stays, with the error shown."""
        entry = self.gym.holds.stop()
        if entry is None:
            self.exit()
            return
        written = log_set(self, entry)
        if written.saved:
            name, held = written.value.exercise.name, written.value.set.seconds
            self.exit(message=shown(f"Saved the hold under way before quitting: {name} {held} s."))

    def watch_theme(self, theme: str) -> None:
        if self.is_running and theme != self.gym.settings.theme:
            write(self, lambda: self.gym.update_settings(theme=theme))

    def show_problem(self, text: str) -> None:
        """A problem with the file, shown until dismissed; the same one is not repeated."""
        if text != self._problem_shown:
            self._problem_shown = text
            self.notify(
                shown(text), title="The database", severity="error", timeout=60, markup=False
            )

    def _program_changed(self) -> bool:
        """program.toml edited by hand while the app runs: the new program runs, or, when it
        is broken, the one running goes on and the toast says where the file is wrong."""
        before = self.gym.program_file.problem
        changed = bool(read(self, self.gym.program_file.reload_if_changed))
        self.show_program_problem()
        return changed or self.gym.program_file.problem != before  # Today's title says it

    def show_program_problem(self) -> None:
        """The program file's problem (file, line, what), shown once until it changes."""
        problem = self.gym.program_file.problem
        if problem is not None and problem != self._program_problem_shown:
            self.notify(
                shown(problem), title="Program file", severity="error", timeout=60, markup=False
            )
        elif problem is None and self._program_problem_shown is not None:
            self.clear_notifications()  # the problem's toast goes with the problem
            self.notify("The program file is fixed: its program runs now.", title="Program file")
        self._program_problem_shown = problem

    # -- the tick: one RestView for every view that shows the rest ----------------------

    def tick(self) -> None:
        """Bring everything up to date: notice other windows, alert once when the rest ends,
        publish the rest as it stands; then sleep until what is shown of it next changes."""
        if bool(read(self, self.gym.changed_elsewhere)) | self._program_changed():
            self.data_changed.publish(None)
        problem = self.gym.file_problem()
        if problem is not None:
            self.show_problem(problem)
        if self.gym.poll_rest_alert():
            self.alert_rest_over()
        finish_due_hold(self, self.alert)  # a hold at its target is saved, the rest begins
        view = self.gym.rest_view()
        self.rest_changed.publish(view)
        self.schedule_tick(view)

    @property
    def ticks_by_hand(self) -> bool:
        """Tests, screenshots and the monkey tick by hand (TICK_S far above a second)."""
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
        self.alert("Rest over", self.gym.rest_view().next_up or "Time for the next set.")

    def alert(self, title: str, body: str) -> None:
        """The rest-over alert's bell, toast and desktop notification (a hold's end too)."""
        settings = self.gym.settings
        if settings.alert_bell:
            self.bell()
        if settings.alert_toast:
            self.notify(shown(body), title=title, timeout=8, markup=False)
        if settings.alert_desktop:
            self.notifier(title, body)

    # -- running, and an unexpected error: the CLI writes a crash file and says where -------

    def _handle_exception(self, error: Exception) -> None:
        # Private name 2 of 3: Textual has no public hook for an error no handler caught.
        # tests/test_cli.py (an unexpected error exits 1 with a crash file) fails without it.
        if self.crash is None:
            self.crash = error
            # The CLI says it in one line; Textual would print its traceback here too.
            self.error_console = Console(file=io.StringIO())
        super()._handle_exception(error)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().run(*args, **kwargs)  # the exit value: a snapshot's screenshot
        finally:
            self.stop_signals.after_run()

    def on_mount(self) -> None:
        self.stop_signals.catch()
        unreadable_notice(self, self._theme_refused)
        self.show_program_problem()
        self.schedule_tick()
        self.call_after_refresh(after_first_frame, self, self.gym, self.show_problem)
        self._fit(self.size.width, self.size.height)

    def on_unmount(self) -> None:
        self.stop_signals.release()
        self.gym.close()

    # -- too small to read: only the message shows ----------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Below 60x18 the screens cannot be read: say so instead of drawing them broken."""
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")

    async def on_event(self, event: events.Event) -> None:
        if not await self.key_gate.held(self, event):
            await super().on_event(event)

    # -- keys, help and the command palette -----------------------------------------

    def action_suspend_process(self) -> None:
        """Suspend the whole job, as ctrl+z does in a shell, so that `fg` brings it back."""
        from gymtui.ui.suspend import suspend_job

        suspend_job(self)

    def action_help(self) -> None:
        from gymtui.ui.dialogs.help import HelpDialog
        from gymtui.ui.key_help import key_sections

        self.push_screen(HelpDialog(key_sections(self, self.screen)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from gymtui.ui.commands import gym_commands

        yield from gym_commands(self, screen)
        # q is in the keys above, said as gymtui says it: Textual's own Quit would be a second
        yield from (c for c in super().get_system_commands(screen) if c.title != "Quit")

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save an SVG of the screen where there is a place for it, and say where."""
        from gymtui.ui.screenshots import save_screenshot_in

        return save_screenshot_in(self, self.screenshots, filename, path, time_format)
