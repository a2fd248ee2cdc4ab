"""Terminal escapes in stored text (an old import, another tool's edit) reach the screen as
visible escapes, never as bytes a terminal would run: one rule with the command line."""

from __future__ import annotations

import sqlite3

from test_history_edit import open_latest_session

from gymtui.core.models import SetInput
from gymtui.gym import Gym
from gymtui.paths import Paths

from conftest import FakeClock
from helpers import make_app, table_rows, text_of

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\u202eevil"


async def test_escapes_in_notes_and_names_are_shown_not_run(paths: Paths, clock: FakeClock) -> None:
    gym = Gym.open(paths, clock)
    gym.log_set(SetInput("back_squat", 100, 6, note="ok"))
    gym.close()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE sets SET note = ?", [HOSTILE])
        conn.execute("UPDATE sessions SET note = ?", [HOSTILE])
        conn.execute(
            "INSERT INTO exercises (id, name, custom) VALUES ('x', ?, 1)", ["Squat" + HOSTILE]
        )
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_latest_session(pilot)
        note = text_of(app, "#set-note")
        assert "\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil" in note
        assert "\x1b" not in note and "\u202e" not in note
        assert "\x1b" not in text_of(app, "#session-note")
        cells = [c for row in table_rows(app, "#session-sets") for c in row]
        assert not any("\x1b" in c or "\x07" in c for c in cells)
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\x07" not in svg and "\u202e" not in svg


async def test_an_exercise_name_with_escapes_never_reaches_the_rest_line(
    paths: Paths, clock: FakeClock
) -> None:
    gym = Gym.open(paths, clock)
    with sqlite3.connect(paths.database) as conn:
        conn.execute("INSERT INTO exercises (id, name, custom) VALUES ('x', ?, 1)", [HOSTILE])
    gym.close()
    gym = Gym.open(paths, clock)
    gym.log_set(SetInput("x", 50, 8))
    gym.close()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rest = text_of(app, "#rest-status")
        svg = app.export_screenshot()
        assert "\x1b" not in rest and "\x1b" not in svg and "\x07" not in svg
