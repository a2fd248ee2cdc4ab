"""Sets and the clock: the idle limit on the log path, a clock set back, two windows starting
a session at once, and a file swapped under the running app (issue 20)."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.errors import StaleSession
from gymtui.gym import Gym
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.store.base import DatabaseMoved

from conftest import START, FakeClock
from helpers import db_rows, make_app, notifications

SIZE = (100, 30)
SQUAT = "back_squat"


def gym_on(paths: Paths, clock: FakeClock) -> Gym:
    return Gym.open(paths, clock)


def open_store(path: Path) -> Store:
    store = Store.open(path)
    store.exercises.sync(load_program().exercises.values())
    return store


def sets_by_session(path: Path) -> list[tuple[int, float, str, int | None]]:
    return db_rows(
        path, "SELECT session_id, weight_kg, logged_at, rest_taken_s FROM sets ORDER BY id"
    )


# -- 3: the idle limit applies when a set is logged, not only when Today is read -------------


def test_a_set_logged_a_day_later_starts_a_new_session(paths: Paths, clock: FakeClock) -> None:
    gym = gym_on(paths, clock)
    gym.log_set(SetInput(SQUAT, 100, 6))
    clock.advance(24 * 3600 + 8)  # the laptop was shut overnight, Today still shows the session
    logged = gym.log_set(SetInput(SQUAT, 100, 6))
    gym.close()
    rows = db_rows(paths.database, "SELECT id, started_at, finished_at FROM sessions ORDER BY id")
    assert len(rows) == 2
    (first, started, finished), (second, _, still_open) = rows
    assert finished == started  # finished at its last (only) set, not a day later
    assert still_open is None
    assert logged.set.session_id == second
    assert [(s, r) for s, _, _, r in sets_by_session(paths.database)] == [
        (first, None),  # the last set of a session has no rest after it
        (second, None),
    ]
    assert logged.today.session is not None and logged.today.session.id == second


def test_the_store_starts_a_new_session_when_the_expected_one_went_idle(paths: Paths) -> None:
    store = open_store(paths.database)
    day = load_program().days[0]
    first = store.sessions.log_set(SetInput(SQUAT, 100, 6), day, START, session=None)
    late = START + timedelta(hours=3, seconds=1)
    second = store.sessions.log_set(SetInput(SQUAT, 100, 6), day, late, session=first.session_id)
    assert second.session_id != first.session_id
    old = store.sessions.find(first.session_id)
    assert old is not None and old.finished_at == START
    store.close()


def test_a_rest_over_an_hour_is_not_stored_as_a_rest(paths: Paths, clock: FakeClock) -> None:
    gym = gym_on(paths, clock)
    gym.log_set(SetInput(SQUAT, 100, 6))
    clock.advance(90)
    gym.log_set(SetInput(SQUAT, 100, 6))
    clock.advance(2 * 3600)  # within the idle limit, but no rest lasts two hours
    gym.log_set(SetInput(SQUAT, 100, 6))
    gym.close()
    rows = sets_by_session(paths.database)
    assert len({s for s, _, _, _ in rows}) == 1
    assert [r for _, _, _, r in rows] == [90, None, None]


async def test_the_app_files_a_set_after_a_night_away_in_a_new_session(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        clock.advance(24 * 3600 + 8)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert any(n.startswith("Saved") for n in notifications(app)[-3:])
    rows = db_rows(paths.database, "SELECT finished_at IS NULL FROM sessions ORDER BY id")
    assert rows == [(0,), (1,)]
    assert db_rows(paths.database, "SELECT max(rest_taken_s) FROM sets") == [(None,)]


# -- 4: a clock set back mid-session keeps the order --------------------------------------


def test_a_clock_set_back_mid_session_never_stores_an_earlier_time(
    paths: Paths, clock: FakeClock
) -> None:
    gym = gym_on(paths, clock)
    gym.log_set(SetInput(SQUAT, 100, 6))
    clock.advance(120)
    second = gym.log_set(SetInput(SQUAT, 102.5, 6))
    assert second.set.pr
    clock.wall -= timedelta(hours=1)  # the wall clock jumps back an hour
    clock.advance(90)
    third = gym.log_set(SetInput(SQUAT, 102.5, 6))
    session = third.today.session
    assert session is not None
    times = [s.logged_at for s in third.today.session_sets]
    assert times == sorted(times) and times[0] >= session.started_at
    # the steady clock measured 90 s since set 2: the set is stored 90 s after it
    assert third.set.logged_at == second.set.logged_at + timedelta(seconds=90)
    assert not third.set.pr  # a tie with set 2 is no record: the flag stays on set 2
    assert [s.pr for s in gym._store.sessions.sets(session.id)][1:] == [True, False]
    assert third.today.recovery.state == "first"  # not "1 h since legs" during the session
    assert gym._store.sessions.get_set(second.set.id).rest_taken_s == 90  # not 0
    gym.close()


def test_the_store_never_stores_a_set_before_its_session_started(paths: Paths) -> None:
    store = open_store(paths.database)
    day = load_program().days[0]
    first = store.sessions.log_set(SetInput(SQUAT, 100, 6), day, START, session=None)
    earlier = START - timedelta(hours=1)
    second = store.sessions.log_set(SetInput(SQUAT, 100, 6), day, earlier, session=first.session_id)
    assert second.logged_at == START
    assert all(s.logged_at >= START for s in store.sessions.sets(first.session_id))
    store.close()


# -- 24: two windows start a session at the same instant ----------------------------------


def test_two_windows_logging_the_first_set_at_once_both_land_in_one_session(
    paths: Paths,
) -> None:
    one, two = open_store(paths.database), open_store(paths.database)
    day = load_program().days[0]
    a = one.sessions.log_set(SetInput(SQUAT, 100, 6), day, START, session=None)
    b = two.sessions.log_set(
        SetInput("leg_press", 200, 10), day, START, session=None
    )  # no StaleSession
    assert a.session_id == b.session_id
    one.close()
    two.close()
    assert db_rows(paths.database, "SELECT count(*) FROM sessions") == [(1,)]


def test_a_set_against_a_session_that_ended_elsewhere_is_still_refused(paths: Paths) -> None:
    one, two = open_store(paths.database), open_store(paths.database)
    day = load_program().days[0]
    a = one.sessions.log_set(SetInput(SQUAT, 100, 6), day, START, session=None)
    two.sessions.finish(a.session_id, START + timedelta(minutes=1))
    with pytest.raises(StaleSession, match="another window"):
        one.sessions.log_set(
            SetInput(SQUAT, 100, 6), day, START + timedelta(minutes=2), a.session_id
        )
    one.close()
    two.close()
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(1,)]


# -- 1: the file swapped or deleted under the running app ---------------------------------


def other_database(tmp_path: Path) -> Path:
    """A gymtui file from another machine, with one set of its own."""
    other = tmp_path / "other" / "gymtui.db"
    other.parent.mkdir()
    store = open_store(other)
    store.sessions.log_set(
        SetInput(SQUAT, 140, 3), load_program().days[0], START - timedelta(days=9)
    )
    store.close()
    return other


def swap_in(other: Path, database: Path) -> None:
    """What a sync tool or a restore does: a copy beside the file, renamed over it."""
    staged = database.with_name(".gymtui.db.sync")
    shutil.copyfile(other, staged)
    staged.replace(database)


def test_a_file_swapped_under_the_store_refuses_the_write(paths: Paths, tmp_path: Path) -> None:
    other = other_database(tmp_path)
    store = open_store(paths.database)
    day = load_program().days[0]
    first = store.sessions.log_set(SetInput(SQUAT, 100, 6), day, START)
    assert not store.moved()
    swap_in(other, paths.database)
    before = paths.database.read_bytes()
    assert store.moved()
    with pytest.raises(DatabaseMoved, match="Not saved") as refused:
        store.sessions.log_set(SetInput(SQUAT, 100, 6), day, START + timedelta(minutes=2))
    # another gymtui opening the new file now reads it, not the old file's write-ahead log
    assert db_rows(paths.database, "SELECT weight_kg FROM sets") == [(140,)]
    with pytest.raises(DatabaseMoved):
        store.set_setting("unit", "lb")
    assert store.sessions.get_set(first.id).weight_kg == 100  # the open file is still readable
    assert paths.database.read_bytes() == before
    store.close()
    assert db_rows(paths.database, "SELECT weight_kg FROM sets") == [(140,)]
    assert db_rows(paths.database, "PRAGMA integrity_check") == [("ok",)]
    [kept] = (paths.data_dir / "backups").glob("gymtui-replaced-*.db")
    assert str(kept) in str(refused.value)
    assert db_rows(kept, "SELECT weight_kg FROM sets") == [(100,)]  # the set saved before
    assert kept.stat().st_mode & 0o077 == 0


def test_a_second_window_after_the_swap_never_reads_the_old_files_log(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    other = other_database(tmp_path)
    gym = gym_on(paths, clock)
    gym.log_set(SetInput(SQUAT, 100, 6))  # in the -wal, not yet in gymtui.db
    swap_in(other, paths.database)
    assert gym.file_problem() is not None  # the once-a-second check
    second = open_store(paths.database)  # the user starts gymtui again beside the old one
    assert [s.weight_kg for s in second.sessions.recent_sets_for(SQUAT)[0]] == [140]
    second.sessions.log_set(SetInput(SQUAT, 145, 3), load_program().days[0], START)
    second.close()
    gym.close()
    assert db_rows(paths.database, "SELECT weight_kg FROM sets ORDER BY id") == [(140,), (145,)]
    assert db_rows(paths.database, "PRAGMA integrity_check") == [("ok",)]


def test_a_deleted_data_folder_refuses_the_write(paths: Paths) -> None:
    store = open_store(paths.database)
    day = load_program().days[0]
    store.sessions.log_set(SetInput(SQUAT, 100, 6), day, START)
    shutil.rmtree(paths.database.parent)
    assert store.moved()
    with pytest.raises(DatabaseMoved, match="was deleted while gymtui ran"):
        store.sessions.log_set(SetInput(SQUAT, 100, 6), day, START + timedelta(minutes=2))
    store.close()
    assert not paths.database.exists()
    [kept] = (paths.data_dir / "backups").glob("gymtui-replaced-*.db")
    assert db_rows(kept, "SELECT count(*) FROM sets") == [(1,)]


def test_gym_says_quit_and_start_again_when_the_file_was_replaced(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    other = other_database(tmp_path)
    gym = gym_on(paths, clock)
    gym.log_set(SetInput(SQUAT, 100, 6))
    assert gym.file_problem() is None
    swap_in(other, paths.database)
    problem = gym.file_problem()
    assert problem is not None
    assert "was replaced while gymtui ran" in problem and "start gymtui again" in problem
    with pytest.raises(DatabaseMoved) as refused:
        gym.log_set(SetInput(SQUAT, 102.5, 6))
    assert "102.5" in str(refused.value)  # what was typed is in the message
    gym.close()
    assert db_rows(paths.database, "SELECT weight_kg FROM sets") == [(140,)]


async def test_the_app_says_not_saved_after_the_file_is_swapped(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    other = other_database(tmp_path)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        swap_in(other, paths.database)
        before = paths.database.read_bytes()
        for _ in range(app.CHECK_OTHERS_EVERY):
            app.tick()
        await pilot.pause()
        assert any("was replaced while gymtui ran" in n for n in notifications(app))
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert not any(n.startswith("Saved") for n in notifications(app)[-2:])
        assert any("Not saved" in n for n in notifications(app))
        assert paths.database.read_bytes() == before
    assert db_rows(paths.database, "SELECT weight_kg FROM sets") == [(140,)]
    assert sqlite3.connect(paths.database).execute("PRAGMA integrity_check").fetchone() == ("ok",)


class Tmux:
    """gymtui in a real process in a tmux window of its own (100x30), on its own server
    (its socket beside the data folder, gone with the test's folder)."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None) -> None:
        self.socket = str(data_dir.parent / "tmux")
        settings = {"TZ": "UTC", "TERM": "xterm-256color", "GYMTUI_DATA_DIR": str(data_dir)}
        settings |= env or {}
        command = [
            "env",
            *(f"{k}={v}" for k, v in settings.items()),
            sys.executable,
            "-m",
            "gymtui",
        ]
        self.tmux("new-session", "-d", "-x", "100", "-y", "30", shlex.join(command))

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, timeout=20
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J")

    def wait_for(self, text: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while text not in self.screen():
            assert time.monotonic() < end, f"{text!r} not shown:\n{self.screen()}"
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def pid(self) -> int:
        return int(self.tmux("list-panes", "-F", "#{pane_pid}").split()[0])

    def quit(self) -> None:
        """q, then wait (20 s at most) for the process and its window to end."""
        self.keys("q")
        end = time.monotonic() + 20
        while self.tmux("list-panes") and time.monotonic() < end:
            time.sleep(0.1)

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_the_running_app_refuses_a_set_after_mv_swaps_its_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    other = other_database(tmp_path)
    app = Tmux(data)
    try:
        app.wait_for("Back squat")
        app.keys("Enter")
        app.wait_for("Weight")
        app.keys("100", "Enter")
        app.wait_for("Saved")
        staged = data / ".x"
        shutil.copyfile(other, staged)
        os.rename(staged, data / "gymtui.db")  # cp other.db d/.x; mv d/.x d/gymtui.db
        before = (data / "gymtui.db").read_bytes()
        app.wait_for("The database")  # the once-a-second check: a toast of its own
        app.keys("Enter")
        app.wait_for("Weight")
        app.keys("Enter")
        app.wait_for("Not saved: Back squat 100 kg")
        app.quit()
    finally:
        app.close()
    assert (data / "gymtui.db").read_bytes() == before  # the new file untouched
    assert db_rows(data / "gymtui.db", "SELECT weight_kg FROM sets") == [(140,)]
    assert db_rows(data / "gymtui.db", "PRAGMA integrity_check") == [("ok",)]
    [kept] = (data / "backups").glob("gymtui-replaced-*.db")
    assert db_rows(kept, "SELECT weight_kg FROM sets") == [(100,)]


LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")


@pytest.mark.skipif(
    shutil.which("tmux") is None or not LIBFAKETIME.exists(), reason="needs tmux and libfaketime"
)
def test_a_set_after_a_night_suspended_starts_a_new_session_in_the_real_app(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    offset = tmp_path / "faketime"
    offset.write_text("+0\n")
    env = {
        "LD_PRELOAD": str(LIBFAKETIME),
        "FAKETIME_TIMESTAMP_FILE": str(offset),
        "FAKETIME_NO_CACHE": "1",
    }
    app = Tmux(data, env=env)
    try:
        app.wait_for("Back squat")
        app.keys("Enter")
        app.wait_for("Weight")
        app.keys("100", "Enter")
        app.wait_for("Saved")
        pid = app.pid()
        os.kill(pid, signal.SIGSTOP)  # the laptop shut overnight
        offset.write_text("+24h\n")
        os.kill(pid, signal.SIGCONT)
        app.keys("Enter")
        app.wait_for("Weight")
        app.keys("Enter")
        app.wait_for("in progress · 0 min")
        app.quit()
    finally:
        app.close()
    database = data / "gymtui.db"
    sessions = db_rows(database, "SELECT started_at, finished_at FROM sessions ORDER BY id")
    assert len(sessions) == 2
    assert sessions[0][1] == sessions[0][0]  # finished at its only set, not 24 h later
    assert db_rows(database, "SELECT session_id, rest_taken_s FROM sets ORDER BY id") == [
        (1, None),
        (2, None),
    ]


def test_a_symlinked_database_is_watched_at_its_real_file(paths: Paths, tmp_path: Path) -> None:
    real = tmp_path / "synced" / "gymtui.db"
    real.parent.mkdir()
    open_store(real).close()
    paths.database.parent.mkdir(parents=True, exist_ok=True)
    paths.database.symlink_to(real)
    store = open_store(paths.database)
    day = load_program().days[0]
    store.sessions.log_set(SetInput(SQUAT, 100, 6), day, START)
    assert not store.moved()
    swap_in(other_database(tmp_path), real)  # the sync tool replaces the real file
    with pytest.raises(DatabaseMoved):
        store.sessions.log_set(SetInput(SQUAT, 100, 6), day, START + timedelta(minutes=2))
    store.close()
    assert db_rows(real, "SELECT weight_kg FROM sets") == [(140,)]
