"""A hold under way when the lifter quits or answers no to finishing: what was held is saved
before quitting (and said), and a declined finish saves nothing and leaves the hold running."""

from __future__ import annotations

import pytest
from test_hold_flow import PROGRAM, SETS

from gymtui.paths import Paths
from gymtui.ui.dialogs.confirm import ConfirmDialog
from gymtui.ui.screens.rest import RestScreen

from conftest import FakeClock
from helpers import db_rows, make_app, notifications


@pytest.fixture
def holds(paths: Paths) -> Paths:
    paths.program_file.parent.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(PROGRAM)
    return paths


async def test_q_during_a_hold_saves_the_seconds_held_then_quits(
    holds: Paths, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the wall sit's hold starts
        clock.advance(12.2)
        app.tick()
        await pilot.press("q")
        await pilot.pause()
        assert "Saved: Wall sit 12 s" in notifications(app)
    assert db_rows(holds.database, SETS) == [("wall_sit", 0.0, 1, 12, None, "working")]
    said = " ".join(capsys.readouterr().err.split())  # printed as the terminal comes back
    assert "Saved the hold under way before quitting: Wall sit 12 s." in said


async def test_f_during_a_hold_declined_saves_nothing_and_the_hold_goes_on(
    holds: Paths, clock: FakeClock
) -> None:
    app = make_app(holds, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        clock.advance(10.2)
        await pilot.press("t", "f")
        assert isinstance(app.screen, ConfirmDialog)
        assert db_rows(holds.database, "SELECT count(*) FROM sets") == [(0,)]
        await pilot.press("n")
        assert db_rows(holds.database, "SELECT count(*) FROM sets") == [(0,)]
        assert app.gym.holds.current is not None  # still holding
        clock.advance(5)
        await pilot.press("r")
        assert isinstance(app.screen, RestScreen)
        await pilot.press("enter")  # stopped: 15 s held, the no changed nothing
        assert db_rows(holds.database, SETS) == [("wall_sit", 0.0, 1, 15, None, "working")]
        assert db_rows(holds.database, "SELECT finished_at IS NULL FROM sessions") == [(1,)]
