"""Holds logged from the keys: enter on a timed row counts down on Rest and the rack view,
enter stops it and saves the seconds held, zero saves the full hold; asserting on the screen
and on the file."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from textual.widgets import Input

from gymtui.paths import Paths
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.rack import RackScreen
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.widgets.key_bar import KeyBar
from gymtui.ui.widgets.rest_digits import RestDigits

from conftest import FakeClock
from helpers import Alerts, db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)
PROGRAM = """
name = "Holds"

[[days]]
key = "A"
name = "Day A"
focus = "Squat and holds"
exercises = [
  { exercise = "wall_sit", sets = 3, seconds = 45 },
  { exercise = "copenhagen_plank", sets = 2, seconds = "20-30" },
  { exercise = "back_squat", sets = 2, reps = 5 },
]
"""
SETS = "SELECT exercise_id, weight_kg, reps, seconds, side, kind FROM sets ORDER BY id"


@pytest.fixture
def holds(paths: Paths) -> Paths:
    paths.program_file.parent.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(PROGRAM)
    return paths


def digits(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return str(screen.query_one("#rest-digits", RestDigits).value)


async def test_a_hold_counts_down_on_rest_and_enter_saves_the_seconds_held(
    holds: Paths, clock: FakeClock
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=SIZE) as pilot:
        rows = table_rows(app)
        assert rows[0][:5] == ["Wall sit", "▶1/3", "45 s", "", "45 s"]
        assert rows[3][2] == "20-30 s/leg"
        assert "Next 45 s: no history yet: hold 45 s · enter starts the hold" in text_of(
            app, "#detail"
        )
        await pilot.press("enter")
        assert isinstance(app.screen, RestScreen)
        assert digits(app) == "0:45"
        assert text_of(app, "#rest-state").startswith("Hold: enter when you stop")
        assert text_of(app, "#rest-next") == "Now: Wall sit: hold 45 s, enter when you stop"
        assert text_of(app, "#rest-status").startswith("Hold 0:45")
        assert db_rows(holds.database, "SELECT count(*) FROM sets") == [(0,)]  # not a set yet
        clock.advance(20.4)
        app.tick()
        assert digits(app) == "0:25"
        assert db_rows(holds.database, "SELECT count(*) FROM sets") == [(0,)]
        await pilot.press("enter")  # stopped early: the 20 s the countdown showed held
        assert db_rows(holds.database, SETS) == [("wall_sit", 0.0, 1, 20, None, "working")]
        assert "Saved: Wall sit 20 s" in notifications(app)
        assert text_of(app, "#rest-status").startswith("Rest 1:00")  # the wall sit's rest
        assert text_of(app, "#rest-last").startswith("Last: Wall sit 20 s")
        await pilot.press("t")
        assert isinstance(app.screen, TodayScreen)
        rows = table_rows(app)
        assert rows[0][5] == "✓ 20 s"
        assert rows[1][:2] == ["", "▶2/3"]


async def test_a_full_hold_saves_itself_at_zero_with_the_alert_and_a_longest_hold_pr(
    holds: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    alerts = Alerts()
    app = make_app(holds, clock, alerts)
    async with app.run_test(size=SIZE) as pilot:
        rung: list[int] = []
        monkeypatch.setattr(app, "bell", lambda: rung.append(1))
        await pilot.press("enter")
        clock.advance(10)
        await pilot.press("enter")  # 10 s, the first hold ever: no record to beat
        await pilot.press("t", "enter")  # the second wall sit, from Today
        assert isinstance(app.screen, RestScreen) and digits(app) == "0:45"
        await pilot.press("v")  # the rack view shows the hold too
        assert isinstance(app.screen, RackScreen)
        assert text_of(app, "#rack-state").startswith("Hold: enter when you stop")
        assert text_of(app, "#rack-help") == "enter stop and save  s cancel  v back"
        clock.advance(44.5)
        app.tick()
        assert db_rows(holds.database, "SELECT count(*) FROM sets") == [(1,)]
        assert rung == []
        clock.advance(0.6)
        app.tick()  # zero: the full target is saved, with the rest-over alert's channels
        await pilot.pause()
        assert db_rows(holds.database, "SELECT seconds, pr FROM sets ORDER BY id") == [
            (10, 0),
            (45, 1),
        ]
        # the rest after the first hold ended when the second began (at once), not 45 s later
        rests = db_rows(holds.database, "SELECT rest_taken_s FROM sets ORDER BY id")
        assert rests[0] == (0,)
        assert rung == [1]
        assert alerts.sent == [("Hold done", "Wall sit: 45 s held")]
        shown = notifications(app)
        assert "Saved: Wall sit 45 s" in shown
        assert "New PR: longest hold 45 s (was 10)" in shown
        assert isinstance(app.screen, RackScreen)
        assert text_of(app, "#rack-state") == "Resting"
        await pilot.press("t")
        rows = table_rows(app)
        assert rows[1][5] == "✓ 45 s ★"


async def test_s_cancels_a_hold_with_nothing_saved_and_a_one_legged_hold_does_each_leg(
    holds: Paths, clock: FakeClock
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        clock.advance(5)
        await pilot.press("s")
        assert db_rows(holds.database, "SELECT count(*) FROM sets") == [(0,)]
        assert "Hold cancelled: nothing was saved." in notifications(app)
        assert text_of(app, "#rest-status").startswith("No rest running")
        await pilot.press("t", "down", "down", "down", "enter")  # Copenhagen plank, left first
        assert text_of(app, "#rest-next").startswith("Now: Copenhagen plank, left: hold 20 s")
        clock.advance(15.2)
        await pilot.press("enter")
        await pilot.press("t")
        rows = table_rows(app)
        assert rows[3][5] == "L 15 s · R next"
        await pilot.press("enter")  # the right leg aims at the target, not at the left's 15
        assert text_of(app, "#rest-next").startswith("Now: Copenhagen plank, right: hold 20 s")
        clock.advance(20)
        app.tick()
        assert db_rows(holds.database, SETS) == [
            ("copenhagen_plank", 0.0, 1, 15, "L", "working"),
            ("copenhagen_plank", 0.0, 1, 20, "R", "working"),
        ]
        await pilot.press("t")
        assert table_rows(app)[3][5] == "✓ 15/20 s L/R ★"  # longer than every hold before


async def test_a_hold_is_edited_in_seconds_and_bad_seconds_change_nothing(
    holds: Paths, clock: FakeClock
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        clock.advance(30)
        await pilot.press("enter", "t", "up", "e")
        assert isinstance(app.screen, SetDialog)
        assert text_of(app, "#dialog-title") == "Edit Wall sit · 30 s"
        await pilot.press("tab", "ctrl+u", *"long", "enter")
        assert "Seconds must look like 45 or 1:30 (got 'long')." in text_of(app, "#dialog-error")
        assert db_rows(holds.database, "SELECT seconds FROM sets") == [(30,)]
        await pilot.press("ctrl+u", *"1:10", "enter")
        assert isinstance(app.screen, TodayScreen)
        assert db_rows(holds.database, "SELECT reps, seconds FROM sets") == [(1, 70)]
        assert table_rows(app)[0][5] == "✓ 70 s"


def test_kill_9_during_a_hold_keeps_every_hold_shown_saved_and_no_half_hold(
    tmp_path: Path,
) -> None:
    """The app on a terminal: one hold saved ("Saved" on screen), a second under way, then
    SIGKILL. The file has the first and nothing of the second."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "program.toml").write_text(PROGRAM)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "gymtui", "--data-dir", str(folder)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        start_new_session=True,
    )
    os.close(follower)
    seen = bytearray()

    def wait_for(text: bytes, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in seen:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} never showed"
            ready, _, _ = select.select([leader], [], [], left)
            if ready:
                seen.extend(os.read(leader, 65536))

    try:
        wait_for(b"Wall sit")
        os.write(leader, b"\r")
        wait_for(b"Hold: enter when you stop")
        time.sleep(1.2)
        os.write(leader, b"\r")
        wait_for(b"Saved: Wall sit")
        seen.clear()
        os.write(leader, b"t")
        time.sleep(0.5)
        os.write(leader, b"\r")
        wait_for(b"Hold: enter when you stop")
        time.sleep(1.2)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    rows = db_rows(folder / "gymtui.db", "SELECT exercise_id, reps, seconds FROM sets")
    assert len(rows) == 1 and rows[0][:2] == ("wall_sit", 1) and rows[0][2] >= 1
    assert db_rows(folder / "gymtui.db", "PRAGMA integrity_check") == [("ok",)]


async def test_holds_one_after_another_from_rest_and_the_summary_says_the_seconds_next_time(
    holds: Paths, clock: FakeClock
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # from Today; the next two from Rest, as a lifter would
        for _ in range(3):
            clock.advance(45.1)
            app.tick()
            await pilot.pause()
            clock.advance(60)
            app.tick()
            if len(db_rows(holds.database, "SELECT id FROM sets")) < 3:
                assert isinstance(app.screen, RestScreen)
                await pilot.press("enter")
        assert db_rows(holds.database, "SELECT seconds, pr FROM sets") == [(45, 0)] * 3
        await pilot.press("t", "f", "y")
        await pilot.pause()
        summary = text_of(app, "#summary").splitlines()
        assert summary == [
            # 60 s between holds: the rest ends when the next hold begins (1:45 counted the hold)
            "Duration 4 min  ·  3 working sets  ·  average rest 1:00",
            "Volume 0 kg",  # a hold moves no kg
            "Records: none this time",  # the first holds ever beat nothing
            "Next time:",
            "  Wall sit: all 3 holds met (45, 45, 45 s): hold 50 s -> 50 s next time",
        ]


async def test_finishing_the_session_during_a_hold_saves_the_hold_in_it_first(
    holds: Paths, clock: FakeClock
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        clock.advance(12.2)
        await pilot.press("t", "f", "y")
        assert db_rows(holds.database, "SELECT seconds FROM sets") == [(12,)]
        assert db_rows(holds.database, "SELECT finished_at IS NOT NULL FROM sessions") == [(1,)]
        assert app.gym.holds.current is None
        clock.advance(60)
        app.tick()  # nothing left to save at the old hold's zero: no second session
        assert db_rows(holds.database, "SELECT count(*) FROM sessions") == [(1,)]


async def test_a_hold_out_of_the_plan_is_logged_in_seconds_at_body_weight(
    holds: Paths, clock: FakeClock
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", *"Plank", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        assert text_of(app, "#dialog-title") == "Plank · first set"
        await pilot.press("tab", *"1:05", "enter")  # the weight stays 0: body weight
        assert db_rows(holds.database, SETS) == [("plank", 0.0, 1, 65, None, "working")]
        assert table_rows(app)[-1][:2] == ["Plank", " +1"]
        assert table_rows(app)[-1][5] == "✓ 65 s"
        await pilot.press(*["down"] * 8, "a")  # another plank: as the hold before, in seconds
        assert isinstance(app.screen, SetDialog)
        assert app.screen.query_one("#reps", Input).value == "65"


async def test_a_warm_up_hold_is_half_the_target_in_seconds(holds: Paths, clock: FakeClock) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, SetDialog)
        assert app.screen.query_one("#reps", Input).value == "22"
        await pilot.press("enter")
        assert db_rows(holds.database, SETS) == [("wall_sit", 0.0, 1, 22, None, "warmup")]


async def test_a_hold_added_today_is_timed_and_a_hold_swaps_only_for_a_hold(
    holds: Paths, clock: FakeClock
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *"hack", "enter", "t")  # wall sit (seconds) for hack squat (reps)
        await pilot.pause()
        assert (
            "Hack squat is done in reps and Wall sit a hold, in seconds" in (notifications(app)[-1])
        )
        assert "Hack squat" not in [r[0] for r in table_rows(app)]
        await pilot.press("i", *"plank")
        await pilot.pause(0.2)
        await pilot.press("enter")  # a hold out of the program: 3 x 30 s
        await pilot.pause()
        rows = table_rows(app)
        at = next(i for i, r in enumerate(rows) if r[0] == "Plank")
        assert rows[at][2] == "30 s"
        while app.screen.table.cursor_row < at:
            await pilot.press("down")
        await pilot.press("enter")  # the countdown, not a reps dialog
        assert isinstance(app.screen, RestScreen) and digits(app) == "0:30"
        clock.advance(12)
        await pilot.press("enter")
    assert db_rows(holds.database, SETS) == [("plank", 0.0, 1, 12, None, "working")]


async def test_s_on_today_during_a_hold_cancels_it_and_switches_no_day(
    holds: Paths, clock: FakeClock
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "t")  # the hold runs; back on Today
        assert isinstance(app.screen, TodayScreen)
        await pilot.pause()
        footer = str(app.screen.query_one(KeyBar).render())
        assert "⏎ Stop hold" in footer and "s Cancel hold" in footer and "Log" not in footer
        await pilot.press("s")
        assert "Hold cancelled: nothing was saved." in notifications(app)
        assert text_of(app, "#day-title").startswith("Day A")
        clock.advance(50)
        app.tick()
        await pilot.pause()
    assert db_rows(holds.database, "SELECT count(*) FROM sets") == [(0,)]
