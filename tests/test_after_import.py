"""What a lifter sees after importing years of someone else's app: the unit, History's list
at 80 columns, durations the file never gave, and Weeks from this week to the first."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from test_leg_days import strong_file

from gymtui.cli import main
from gymtui.ui.screens.history import HistoryScreen
from gymtui.ui.widgets.plan_table import PlanTable

from conftest import FakeClock
from helpers import db_rows, make_app, table_rows, text_of

HEADER_LB = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Weight Unit"


def pound_file(tmp: Path) -> Path:
    path = tmp / "lb.csv"
    path.write_text(
        HEADER_LB
        + "\n2025-09-15 07:48:00,Legs,Squat (Barbell),1,225,5,lbs"
        + "\n2025-09-15 07:48:00,Legs,Squat (Barbell),2,225,5,lbs\n",
        encoding="utf-8",
    )
    return path


def test_a_pound_file_into_a_new_database_shows_pounds_and_says_so(
    tmp_path: Path, data_dir: Path, capsys: object
) -> None:
    assert main(["import", str(pound_file(tmp_path))]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "weights are shown in lb from now on, as the file has them" in out
    assert "leg days: 1 of 1 session" in out
    assert db_rows(data_dir / "gymtui.db", "SELECT value FROM settings WHERE key = 'unit'") == [
        ("lb",)
    ]


async def test_an_import_without_durations_shows_a_dash_not_0_00(
    tmp_path: Path, clock: FakeClock
) -> None:
    assert main(["import", str(pound_file(tmp_path))]) == 0  # Strong 2016: no Duration
    from gymtui.paths import resolve_paths

    app = make_app(resolve_paths(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        [row] = table_rows(app, "#sessions-table")
        assert row[1:5] == ["Legs", "—", "2", "2250 lb"]
        await pilot.press("enter")
        await pilot.pause()
        assert "Duration —" in text_of(app, "#summary-lines")


def test_a_pound_file_leaves_a_kg_lifters_unit_alone(
    tmp_path: Path, data_dir: Path, capsys: object, clock: FakeClock
) -> None:
    from gymtui.core.models import SetInput
    from gymtui.gym import Gym
    from gymtui.paths import resolve_paths

    gym = Gym.open(resolve_paths(), clock)
    gym.log_set(SetInput("back_squat", 100, 5))
    gym.close()
    assert main(["import", str(pound_file(tmp_path))]) == 0
    assert "shown in lb" not in capsys.readouterr().out  # type: ignore[attr-defined]
    assert db_rows(data_dir / "gymtui.db", "SELECT value FROM settings WHERE key = 'unit'") == []


async def test_history_fits_80_columns_and_weeks_reach_the_first_week(
    tmp_path: Path, clock: FakeClock
) -> None:
    now = clock.now()
    sessions = [
        (
            now - timedelta(days=3 * n + 400),
            "Push - Shoulders / Bench Press Heavy #36" if n % 2 else "Legs - Heavy",
            [("Squat (Barbell)", 4)] if n % 2 == 0 else [("Bench Press (Barbell)", 5)],
        )
        for n in range(120)
    ]
    assert main(["import", str(strong_file(tmp_path, sessions)), "--unit", "kg"]) == 0
    from gymtui.paths import resolve_paths

    app = make_app(resolve_paths(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        legs, push = table_rows(app, "#sessions-table")[:2]
        # the workout's name is cut; the time, the volume and the PR column are whole
        assert push[1] == "Push - Shoulders …"
        assert (push[2], push[4]) == ("1:00", "2000 kg")
        assert legs[1:5] == ["Legs - Heavy", "1:00", "4", "1600 kg"]
        table = app.screen.query_one("#sessions-table")
        assert table.virtual_size.width <= table.size.width  # no column runs off the screen
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 119  # every page read: the last row is the first session
        assert table.scroll_x == 0
        await pilot.press("2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "end: first week" in text_of(app, "#weeks-summary")
        weeks = app.screen.query_one("#weeks-table")
        await pilot.press("end")
        await pilot.pause()
        assert weeks.scroll_x == 0  # end goes down the rows, never sideways
        last = table_rows(app, "#weeks-table")[weeks.cursor_row]
        assert last[1].endswith("1/2")  # the week of the first (leg) session
        await pilot.press("home")
        await pilot.pause()
        assert weeks.cursor_row == 0


async def test_today_at_80_columns_cuts_nothing_a_lifter_needs(
    clock: FakeClock, data_dir: Path
) -> None:
    from gymtui.core.models import SetInput
    from gymtui.gym import Gym
    from gymtui.paths import resolve_paths

    paths = resolve_paths()
    gym = Gym.open(paths, clock)
    gym.log_set(SetInput("back_squat", 102.5, 12, rpe=8.5))
    gym.log_set(SetInput("bulgarian_split_squat", 20, 8, side="L"))
    gym.log_set(SetInput("bulgarian_split_squat", 22.5, 8, side="R", rpe=9))
    gym.log_set(SetInput("bulgarian_split_squat", 20, 8, side="L"))
    gym.log_set(SetInput("bulgarian_split_squat", 20, 7, side="R"))
    gym.close()
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#plan", PlanTable)
        assert table.virtual_size.width <= table.size.width  # no sideways scrollbar
        rows = table_rows(app)
        logged = [r[5] for r in rows if r[5]]
        assert "✓ 102.5 × 12 @8.5" in logged
        assert "✓ L 20×8 R 22.5×8 ★" in logged  # the right leg beat the left: a PR
        assert "✓ 20 × 8/7 L/R" in logged
        header = [label.plain for label in table.labels]
        assert header[3:] == ["Last (kg)", "Next", "Logged (kg)"]
        await pilot.press("u")
        await pilot.pause()
        header = [label.plain for label in table.labels]
        assert header[3:] == ["Last (lb)", "Next", "Logged (lb)"]
        assert "✓ 226 × 12 @8.5" in [r[5] for r in table_rows(app)]


def test_blank_unit_cells_of_body_weight_rows_do_not_outvote_the_pounds(
    tmp_path: Path, data_dir: Path, capsys: object
) -> None:
    path = tmp_path / "mixed.csv"
    rows = [HEADER_LB]
    rows += [f"2025-09-15 07:48:00,Legs,Squat (Barbell),{n},225,5,lbs" for n in range(1, 3)]
    rows += [f"2025-09-15 07:48:00,Legs,Pull Up,{n},0,10," for n in range(1, 6)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["import", str(path)]) == 0
    assert "shown in lb" in capsys.readouterr().out  # type: ignore[attr-defined]


def test_gaps_and_time_since_legs_read_in_the_unit_that_fits() -> None:
    from datetime import UTC, datetime

    from gymtui.core.training import gap_text, recovery

    assert gap_text(60) == "60 h"
    assert gap_text(83) == "3.5 days"
    assert gap_text(96) == "4 days"
    assert gap_text(24 * 150) == "5 months"
    assert gap_text(24 * 3921) == "11 years"
    now = datetime(2026, 12, 6, tzinfo=UTC)
    assert (
        recovery(now - timedelta(days=3921), now).text == "Ready: it has been 11 years since legs"
    )
    assert recovery(None, now, trained=True).text == "No leg day yet: your legs are fresh"


async def test_an_old_history_fills_muscles_and_progress_instead_of_zeros(
    tmp_path: Path, clock: FakeClock
) -> None:
    now = clock.now()
    sessions = [
        (now - timedelta(days=400 + 3 * n), "Legs", [("Squat (Barbell)", 4), ("Pull Up", 3)])
        for n in range(10)
    ]
    assert main(["import", str(strong_file(tmp_path, sessions)), "--unit", "kg"]) == 0
    from gymtui.paths import resolve_paths

    app = make_app(resolve_paths(), clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Nothing in the last 6 weeks: the weeks up to your last leg day" in text_of(
            app, "#muscles-summary"
        )
        quads = next(r for r in table_rows(app, "#muscles-table") if r[0] == "Quadriceps")
        assert any(cell not in ("0", "") for cell in quads[2:])
        await pilot.press("4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # the default year holds nothing: all time, not "No working sets in this range"
        assert text_of(app, "#chart-title").startswith("Back squat · all time")
