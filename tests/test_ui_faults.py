"""Bad input through the UI: a clear message or the default, never a traceback (issue 20)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest
from textual import events

from gymtui.core.settings import DEFAULT_MUSCLE_TARGET, Settings
from gymtui.core.values import parse_reps, parse_whole
from gymtui.errors import InvalidValue
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.dialogs.exercise import ExercisePickerDialog
from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog
from gymtui.ui.dialogs.exercises import ExercisesDialog
from gymtui.ui.dialogs.session import SessionDialog
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.dialogs.targets import TargetDialog
from gymtui.ui.screens.history import HistoryScreen
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, text_of

SIZE = (100, 30)
NOT_ASCII_DIGITS = ["²", "¹-²", "٣", "1²", "", "-1", "+5", " ", "1e3", "\x00"]
FIVE_THOUSAND_NINES = "9" * 5000  # int() refuses 4,300 digits or more


def key(name: str) -> events.Key:
    chars = {"enter": "\r", "escape": "\x1b"}
    return events.Key(name, chars.get(name, name if len(name) == 1 else None))


# -- 12. digits int() refuses ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [*NOT_ASCII_DIGITS, pytest.param(FIVE_THOUSAND_NINES, id="9x5000")]
)
def test_parse_whole_takes_ascii_digits_only(text: str) -> None:
    assert parse_whole(text) is None


def test_reps_of_superscripts_or_five_thousand_digits_are_refused_with_a_reason() -> None:
    for text in ("²", "1²", FIVE_THOUSAND_NINES):
        with pytest.raises(InvalidValue, match="Reps must be a whole number"):
            parse_reps(text)


async def test_a_superscript_in_the_target_dialog_is_refused_not_a_crash(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("g")
        assert isinstance(app.screen, TargetDialog)
        await pilot.press("ctrl+a", "backspace", "backspace", "backspace")
        await pilot.press("²", "enter")
        assert isinstance(app.screen, TargetDialog) and app.is_running
        assert "Use whole numbers from 0 to 60" in text_of(app, "#dialog-error")
    assert app._exception is None
    assert db_rows(paths.database, "SELECT value FROM settings WHERE key = 'muscle_target'") == []


# -- 13. a bad stored setting is its default, said once ----------------------------------------


def write_setting(paths: Paths, name: str, value: object) -> None:
    Store.open(paths.database).close()  # a fresh file with its schema
    conn = sqlite3.connect(paths.database)
    with conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [name, value])
    conn.close()


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("rest_default_s", "²"),
        pytest.param("rest_default_s", FIVE_THOUSAND_NINES, id="rest_default_s-9x5000"),
        ("muscle_target", "¹-²"),
        ("muscle_target", "20-10"),
        ("muscle_target", "garbage"),
        ("unit", "stone"),
        ("bar_kg", "nan"),
        ("rest_autostart", "maybe"),
        ("plates_kg", "25 ² 10"),
    ],
)
def test_an_unreadable_stored_setting_is_the_default_and_named(name: str, text: str) -> None:
    settings = Settings.from_stored({name: text, "rest_warmup_s": "60"})
    assert getattr(settings, name) == getattr(Settings(), name)
    assert settings.rest_warmup_s == 60
    assert settings.unreadable == ((name, text),)
    assert "unreadable" not in settings.to_stored()


async def test_a_garbage_rest_setting_starts_with_the_default_and_a_warning(
    paths: Paths, clock: FakeClock
) -> None:
    write_setting(paths, "rest_default_s", "²")
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, TodayScreen)
        assert app.gym.settings.rest_default_s is None
        warnings = [n for n in notifications(app) if "rest_default_s" in n]
        assert len(warnings) == 1 and "default" in warnings[0] and "'²'" in warnings[0]
    assert app._exception is None


async def test_a_garbage_muscle_target_starts_and_history_shows_the_default(
    paths: Paths, clock: FakeClock
) -> None:
    write_setting(paths, "muscle_target", "¹-²")
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert app.gym.settings.muscle_target == DEFAULT_MUSCLE_TARGET
        assert any("muscle_target" in n for n in notifications(app))
        await pilot.press("h", "g")
        assert isinstance(app.screen, TargetDialog)
        low, high = DEFAULT_MUSCLE_TARGET
        assert app.screen.query_one("#low").value == str(low)  # type: ignore[attr-defined]
        assert app.screen.query_one("#high").value == str(high)  # type: ignore[attr-defined]
    assert app._exception is None


async def test_an_unknown_stored_theme_is_named_and_the_app_starts(
    paths: Paths, clock: FakeClock
) -> None:
    write_setting(paths, "theme", "no-such-theme")
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, TodayScreen)
        assert any("theme" in n and "no-such-theme" in n for n in notifications(app))
    assert app._exception is None


# -- 16. a dialog's handlers after it was dismissed in the same read ----------------------------


async def test_a_burst_on_the_exercise_list_never_queries_a_gone_dialog(
    paths: Paths, clock: FakeClock
) -> None:
    """The monkey's seed 0: `enter f e escape w` in one read on the exercise list."""
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "e")
        assert isinstance(app.screen, ExercisesDialog)
        await pilot.press("slash", *"3+ [l30y59x+")  # the filter matches nothing
        for name in ["enter", "f", "e", "escape", "w"]:
            app.post_message(key(name))
        await pilot.pause()
        await pilot.pause()
        assert app._exception is None
        assert isinstance(app.screen, ExerciseEditDialog | ExercisesDialog)
        await pilot.press("escape", "escape", "escape")
        assert isinstance(app.screen, HistoryScreen)
    assert app._exception is None


# -- 17. below the minimum size, only q --------------------------------------------------------


async def test_below_the_minimum_size_keys_do_nothing_but_q(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(50, 15)) as pilot:
        assert app.has_class("-too-small")
        await pilot.press("enter", "1", "0", "0", "enter", "enter", "enter")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("h", "question_mark", "w")
        assert isinstance(app.screen, TodayScreen)
        assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(0,)]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not app.has_class("-too-small")
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        await pilot.press("escape")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        await pilot.press("q")
    assert app.return_code == 0 and app._exception is None


# -- 5. SIGTERM and SIGHUP: the terminal restored, the file whole ------------------------------


class Terminal:
    """gymtui in a real process on a pseudo-terminal (100x30), its output collected."""

    def __init__(self, data_dir: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "GYMTUI_DATA_DIR": str(data_dir)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gymtui", "--data-dir", str(data_dir)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            env=env,
        )
        os.close(slave)
        self.output = bytearray()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for(self, text: bytes, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while text not in self.output:
            assert time.monotonic() < end, f"{text!r} not shown: {bytes(self.output[-300:])!r}"
            assert self.process.poll() is None, bytes(self.output[-600:])
            time.sleep(0.05)

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.master)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def log_a_set_in(terminal: Terminal) -> None:
    terminal.wait_for(b"Back squat")
    terminal.type(b"\r")
    terminal.wait_for(b"Weight")
    terminal.type(b"100\r")
    terminal.wait_for(b"Saved")


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
@pytest.mark.parametrize(
    ("sig", "terminal_gone"),
    [(signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGHUP, True)],
    ids=["sigterm", "sighup", "sighup-terminal-closed"],
)
def test_a_stop_signal_restores_the_terminal_and_checkpoints_the_set(
    tmp_path: Path, sig: signal.Signals, terminal_gone: bool
) -> None:
    data = tmp_path / "data"
    terminal = Terminal(data)
    try:
        log_a_set_in(terminal)
        wal = data / "gymtui.db-wal"
        assert wal.exists() and wal.stat().st_size > 0  # the set is in the WAL so far
        if terminal_gone:  # ssh dropped: the terminal is gone before the signal comes
            os.close(terminal.master)
        terminal.process.send_signal(sig)
        status = terminal.process.wait(timeout=20)
        assert status == 128 + sig, bytes(terminal.output[-1500:])
        if not terminal_gone:
            time.sleep(0.2)  # the last bytes from the pty
            out = bytes(terminal.output)
            assert out.rfind(b"\x1b[?1049l") > out.rfind(b"\x1b[?1049h")  # main screen back
            assert out.rfind(b"\x1b[?1000l") > out.rfind(b"\x1b[?1000h")  # mouse tracking off
        assert not wal.exists() or wal.stat().st_size == 0  # all in gymtui.db
        with contextlib.closing(sqlite3.connect(data / "gymtui.db")) as conn:
            assert conn.execute("SELECT weight_kg, reps FROM sets").fetchall() == [(100.0, 6)]
    finally:
        terminal.close()


async def test_a_new_exercise_editor_closed_in_the_read_that_opened_it_keeps_the_app(
    paths: Paths, clock: FakeClock
) -> None:
    """The monkey's seed 5: `enter escape` in one read on the exercise picker of a session,
    with a new name typed. The escape reached the session between the picker and the new
    exercise's editor and closed it, cancelling the flow; Textual passed the CancelledError to
    the app's message loop, which ended (no exception: the app simply gone)."""
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"100", "enter")  # a session to open in History
        await pilot.press("h", "1", "enter")
        assert isinstance(app.screen, SessionDialog)
        await pilot.press("x")
        assert isinstance(app.screen, ExercisePickerDialog)
        await pilot.press(*"rl6")
        for name in ["enter", "escape", "minus", "l", "up"]:
            app.post_message(key(name))
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app._exception is None
        assert isinstance(app.screen, ExerciseEditDialog)  # the escape came before it
        await pilot.press("escape")
        assert isinstance(app.screen, SessionDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("t", "enter")
        assert isinstance(app.screen, SetDialog)  # the app still answers
    assert app._exception is None
