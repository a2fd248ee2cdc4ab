"""A `gymtui import` while the app is open: the import holds the file for seconds in its one
transaction; a window's write is refused at once, saying an import is running, and is saved
once it ends. A marker left by a killed import changes nothing."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gymtui.core.models import SetInput
from gymtui.errors import ImportRunning
from gymtui.gym.service import Gym
from gymtui.paths import Paths
from gymtui.store import StorageError
from gymtui.store.importing import announcing_import, marker_path, running_import
from gymtui.ui.sets import log_set

from conftest import FakeClock
from helpers import db_rows, make_app, notifications

HEADER = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration"
)
EXERCISES = ["Squat (Barbell)", "Deadlift (Barbell)", "Leg Press", "Hack Squat"]


def big_strong_csv(path: Path, rows: int) -> Path:
    """A Strong export of `rows` sets, 20 a workout, one workout a day, all in the past."""
    rng = random.Random(23)
    start = datetime(2025, 1, 5, 7, 30) - timedelta(days=rows // 20 + 1)
    lines = [HEADER]
    for n in range(rows):
        when = start + timedelta(days=n // 20)
        exercise = EXERCISES[(n // 5) % len(EXERCISES)]
        order = "W" if n % 5 == 0 else str(n % 5)
        kg = round(60 + rng.random() * 100, 1)
        lines.append(
            f"{when:%Y-%m-%d %H:%M:%S};Legs;{exercise};{order};{kg};kg;{rng.randint(5, 12)};"
            ";;;;;;1h 5m"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_locked(database: Path) -> bool:
    """Another connection holds the write lock now."""
    conn = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def start_import(paths: Paths, csv: Path) -> subprocess.Popen[str]:
    """`gymtui import` in its own process; back once it holds the write lock."""
    importer = subprocess.Popen(
        [sys.executable, "-m", "gymtui", "import", str(csv), "--unit", "kg"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "GYMTUI_DATA_DIR": str(paths.data_dir)},
    )
    deadline = time.monotonic() + 120
    held = 0  # polls in a row: the import's one long transaction, not a short one before it
    while held < 5:
        held = (
            held + 1 if marker_path(paths.database).exists() and write_locked(paths.database) else 0
        )
        assert importer.poll() is None, importer.communicate()
        assert time.monotonic() < deadline, "the import never held the file"
        time.sleep(0.04)
    return importer


async def test_a_set_logged_during_a_big_import_is_refused_at_once_then_saved(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    csv = big_strong_csv(tmp_path / "big.csv", 60_000)
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        importer = start_import(paths, csv)
        try:
            began = time.monotonic()
            assert not log_set(app, SetInput("back_squat", 100, 6)).saved
            took = time.monotonic() - began
            await pilot.pause()
            shown = notifications(app)[-1]
            assert took < 0.5, f"the window waited {took:.2f} s on the import"
            assert shown.startswith("An import is running (gymtui import, started ")
            assert shown.endswith("the set was not saved; log it again when it ends.")
            # the tick (and its read of the file) does not wait on the import either
            began = time.monotonic()
            for _ in range(app.CHECK_OTHERS_EVERY):
                app.tick()
            assert time.monotonic() - began < 0.5
            out, err = importer.communicate(timeout=300)
            assert importer.returncode == 0, err
            assert "Imported" in out
        finally:
            if importer.poll() is None:
                importer.kill()
                importer.wait()
        assert not marker_path(paths.database).exists()
        logged = log_set(app, SetInput("back_squat", 100, 6))
        await pilot.pause()
        assert logged.saved
        assert notifications(app)[-1].startswith("Saved: Back squat")
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(60_000 + 1,)]


def test_a_stale_marker_from_a_killed_import_is_ignored(paths: Paths, clock: FakeClock) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    gym = Gym.open(paths, clock)
    try:
        marker_path(paths.database).write_text(f"{gone.pid} 2026-11-22T17:59:00+00:00\n")
        assert running_import(paths.database) is None
        began = time.monotonic()
        logged = gym.log_set(SetInput("back_squat", 100, 6))
        assert time.monotonic() - began < 0.5
        assert logged.set.weight_kg == 100
    finally:
        gym.close()


def test_a_garbled_marker_or_this_process_own_is_no_import(paths: Paths) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    marker = marker_path(paths.database)
    marker.write_text("not a pid\n")
    assert running_import(paths.database) is None
    marker.write_text(f"{os.getpid()} 2026-11-22T17:59:00+00:00\n")
    assert running_import(paths.database) is None


def test_the_marker_goes_when_the_import_ends_by_an_error_or_ctrl_c(paths: Paths) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    marker = marker_path(paths.database)
    with pytest.raises(KeyboardInterrupt), announcing_import(paths.database):
        assert marker.read_text().split()[0] == str(os.getpid())
        assert oct(marker.stat().st_mode & 0o777) == "0o600"
        raise KeyboardInterrupt
    assert not marker.exists()


def test_a_lock_held_elsewhere_without_a_marker_costs_a_window_a_moment_not_seconds(
    paths: Paths, clock: FakeClock
) -> None:
    gym = Gym.open(paths, clock)
    holder = sqlite3.connect(paths.database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        began = time.monotonic()
        with pytest.raises(StorageError, match="another program is writing to"):
            gym.log_set(SetInput("back_squat", 100, 6))
        assert time.monotonic() - began < 1.0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        gym.close()


def test_a_live_import_marker_is_said_at_once(paths: Paths, clock: FakeClock) -> None:
    """The marker of a live import (here a sleeping process standing in for it) and a held
    lock: the write is tried once without waiting and refused naming the import."""
    gym = Gym.open(paths, clock)
    stand_in = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    holder = sqlite3.connect(paths.database, isolation_level=None)
    try:
        marker_path(paths.database).write_text(f"{stand_in.pid} 2026-11-22T17:59:00+00:00\n")
        holder.execute("BEGIN IMMEDIATE")
        began = time.monotonic()
        with pytest.raises(ImportRunning) as refused:
            gym.log_set(SetInput("back_squat", 100, 6))
        assert time.monotonic() - began < 0.1
        assert "(gymtui import, started 17:59)" in str(refused.value)
        # what suppresses a refused write (the rest flag written by the tick) suppresses it
        assert isinstance(refused.value, StorageError)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        stand_in.kill()
        stand_in.wait()
        gym.close()
