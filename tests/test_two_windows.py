"""Two windows (or processes) on one file: no write fails, none lands in the wrong session,
and each window sees the other's changes within a second."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)
WRITER = """
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.store import Store
store = Store.open(Path(sys.argv[1]))
day = load_program().days[0]
start = datetime(2026, 11, 22, 18, tzinfo=timezone.utc)
for n in range(int(sys.argv[2])):
    store.sessions.log_set(SetInput("back_squat", 100, 6), day, start + timedelta(milliseconds=n))
print("ok")
"""


def test_two_processes_writing_at_once_never_fail(paths: Paths) -> None:
    store = Store.open(paths.database)
    store.exercises.sync(load_program().exercises.values())
    store.close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(paths.database), "400"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == "ok"
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(800,)]
    assert db_rows(paths.database, "PRAGMA integrity_check") == [("ok",)]


def other_window(path: Path) -> Store:
    return Store.open(path)


async def test_a_set_against_a_session_finished_elsewhere_is_refused_not_misfiled(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        other = other_window(paths.database)
        session = other.sessions.current()
        assert session is not None
        other.sessions.finish(session.id, clock.now())  # window 1 finishes it
        clock.advance(60)
        await pilot.press("enter", "enter")  # window 2 still shows it in progress
        assert any("finished or changed in another window" in n for n in notifications(app))
        assert db_rows(paths.database, "SELECT count(*) FROM sessions") == [(1,)]
        assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(1,)]
        await pilot.pause()
        assert text_of(app, "#day-title").startswith("Day B")  # refreshed: the next day
        await pilot.press("enter", "8", "0", "enter")  # and now it logs where it should
        other.close()
    rows = db_rows(paths.database, "SELECT day_key, finished_at IS NULL FROM sessions")
    assert rows == [("A", 0), ("B", 1)]


async def test_a_window_shows_sets_logged_in_another_within_a_second(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        other = other_window(paths.database)
        day = load_program().days[0]
        other.sessions.log_set(
            SetInput("back_squat", 102.5, 6), day, clock.now() + timedelta(seconds=90)
        )
        other.close()
        for _ in range(app.CHECK_OTHERS_EVERY):  # one second of ticks
            app.tick()
        await pilot.pause()
        assert table_rows(app)[1][5] == "✓ 102.5 × 6 ★"  # heavier than set 1: a PR
        assert "next: Set 3 of 4 - Back squat 102.5 kg × 6" in text_of(app, "#rest-status")


async def test_a_session_another_window_just_started_takes_this_windows_first_set(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        other = other_window(paths.database)  # both windows show no session yet
        day = load_program().days[0]
        other.sessions.log_set(SetInput("back_squat", 100, 6), day, clock.now(), session=None)
        other.close()
        await pilot.press("enter", "1", "0", "0", "enter")  # before the one-second check
        await pilot.pause()
        assert not any("another window" in n for n in notifications(app))
        assert any(n.startswith("Saved") for n in notifications(app))
    assert db_rows(paths.database, "SELECT count(*) FROM sessions") == [(1,)]
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(2,)]


FIRST_SET = """
import sys, time
from pathlib import Path
from gymtui.core.models import SetInput
from gymtui.gym import Gym
from gymtui.paths import Paths, resolve_paths
gym = Gym.open(resolve_paths())
assert gym.today().session is None
Path(sys.argv[1]).touch()  # ready: today is read, no session
while not Path(sys.argv[2]).exists():
    time.sleep(0.001)
gym.log_set(SetInput("back_squat", 100, 6))
gym.close()
print("ok")
"""


def test_two_processes_logging_the_first_set_at_the_same_instant_both_save(
    paths: Paths, tmp_path: Path
) -> None:
    Store.open(paths.database).close()
    go = tmp_path / "go"
    windows = []
    for n in range(2):
        ready = tmp_path / f"ready{n}"
        windows.append(
            (
                ready,
                subprocess.Popen(
                    [sys.executable, "-c", FIRST_SET, str(ready), str(go)],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                ),
            )
        )
    for ready, window in windows:
        while not ready.exists():
            assert window.poll() is None, window.communicate()
            time.sleep(0.01)
    go.touch()
    for _, window in windows:
        out, err = window.communicate(timeout=60)
        assert window.returncode == 0, err
        assert out.strip() == "ok"
    assert db_rows(paths.database, "SELECT count(*) FROM sessions") == [(1,)]
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(2,)]
