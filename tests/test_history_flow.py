"""History in the app: sessions, opening one, weeks, muscles, progress ranges, live updates."""

from textual.message import Message
from textual.widgets import DataTable, OptionList

from gymtui.demo import make_demo
from gymtui.paths import Paths
from gymtui.ui.dialogs.session import SessionDialog
from gymtui.ui.screens.history import HistoryScreen

from conftest import FakeClock
from helpers import make_app, text_of

SIZE = (100, 30)


def rows(app, selector: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(selector, DataTable)
    return [
        [getattr(c, "plain", str(c)) for c in table.get_row_at(i)] for i in range(table.row_count)
    ]


async def open_history(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("h")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_empty_history_says_what_to_do(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        assert text_of(app, "#sessions-note") == "No sessions yet - press t and log your first set."
        await pilot.press("4")
        await pilot.app.workers.wait_for_complete()
        assert text_of(app, "#chart-title").startswith("No sets yet - press t")


async def test_a_set_logged_today_shows_in_history_at_once(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "6", "0", "enter", "enter", "1", "0", "0", "enter")
        await open_history(pilot)
        [row] = rows(app, "#sessions-table")
        assert row == [
            "Sun 22 Nov 2026",
            "Day A",
            "0:00",
            "1",
            "600 kg",
            "",
        ]  # the first set ever beats nothing: no star
        await pilot.press("t", "enter", "enter")
        clock.advance(60)
        await open_history(pilot)
        assert rows(app, "#sessions-table")[0][3:5] == ["2", "1200 kg"]


async def test_sessions_open_with_every_set_and_rest(paths: Paths, clock: FakeClock) -> None:
    make_demo(paths, clock.now(), weeks=8)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        sessions = rows(app, "#sessions-table")
        assert len(sessions) >= 14
        assert sessions[0][0].startswith(("Mon", "Tue", "Wed", "Thu", "Fri"))
        await pilot.press("down", "enter")
        assert isinstance(app.screen, SessionDialog)
        detail = rows(app, "#session-sets")
        assert detail[0][1] == "W"  # the warm-up ramp comes first
        first = next(r for r in detail if r[1] != "W")
        assert first[1] == "1" and first[4]  # first working set, with its rest
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_weeks_and_muscles(paths: Paths, clock: FakeClock) -> None:
    make_demo(paths, clock.now(), weeks=8)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("2")
        assert text_of(app, "#weeks-summary").startswith("Streak: ")
        weeks = rows(app, "#weeks-table")
        assert len(weeks) == 9  # from the first session's week (eight weeks ago) to this one
        assert weeks[-1][1] != "○○ 0/2"  # no empty weeks before the first session
        assert any("in window" in w[2] for w in weeks)
        await pilot.press("3")
        muscles = rows(app, "#muscles-table")
        assert [m[0] for m in muscles] == ["Quadriceps", "Hamstrings", "Glutes", "Calves"]
        await pilot.press("g")
        await pilot.press("8", "tab", "1", "6", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Weekly target 8-16" in text_of(app, "#muscles-summary")


async def test_progress_switches_exercise_and_range(paths: Paths, clock: FakeClock) -> None:
    make_demo(paths, clock.now(), weeks=60)
    app = make_app(paths, clock)
    seen: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await open_history(pilot)
        await pilot.press("4")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app, "#chart-title").startswith("Back squat · 1 year")
        records = rows(app, "#records")
        assert [r[0] for r in records][:2] == ["Heaviest", "Best e1RM"]
        assert app.screen.query_one(OptionList).has_focus
        await pilot.press("down")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app, "#chart-title").startswith("Deadlift · 1 year")
        await pilot.press("m")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app, "#chart-title").startswith("Deadlift · 3 months")
        await pilot.press("a")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app, "#chart-title").startswith("Deadlift · all time")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert any(isinstance(m, HistoryScreen.Drawn) and m.part == "chart" for m in seen)


async def test_sessions_load_a_page_at_a_time(paths: Paths, clock: FakeClock) -> None:
    make_demo(paths, clock.now(), weeks=40)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        total = app.gym.history.session_count()
        assert total > 50
        assert len(rows(app, "#sessions-table")) == 50
        assert f"50 of {total}" in text_of(app, "#sessions-note")
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert len(rows(app, "#sessions-table")) == total
        assert f"of {total}" not in text_of(app, "#sessions-note")


async def test_one_session_charts_its_own_date_and_body_weight_charts_reps(
    paths: Paths, clock: FakeClock, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text
    from textual_plotext import PlotextPlot

    from gymtui.cli import main

    export = tmp_path / "fitnotes.csv"
    export.write_text(
        "Date,Exercise,Category,Weight (kgs),Reps\n"
        "2026-11-18,Barbell Squat,Legs,100,6\n"
        "2026-11-18,Pistol Squat,Legs,0,8\n"
        "2026-11-20,Pistol Squat,Legs,0,12\n"
    )
    assert main(["import", str(export)]) == 0
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("4")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

        def chart_text() -> str:
            plot = app.screen.query_one(PlotextPlot)
            return Text.from_ansi(plot.plt.build()).plain

        assert text_of(app, "#chart-title").startswith("Back squat · 1 year")
        axis = chart_text()
        assert axis.count("18 Nov") == 1 and "19" not in axis.split("└")[-1].replace("18 Nov", "")
        await pilot.press("down")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app, "#chart-title").endswith("· reps")
        assert [r[:2] for r in rows(app, "#records")] == [["Most reps", "12 reps"]]
        assert "most reps" in chart_text() and "e1RM" not in chart_text()


async def test_weeks_scroll_back_to_the_first_session(paths: Paths, clock: FakeClock) -> None:
    make_demo(paths, clock.now(), weeks=150)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert len(rows(app, "#weeks-table")) == 104  # two years first
        assert app.focused is app.screen.query_one("#weeks-table")
        await pilot.press("ctrl+end")
        await pilot.pause()
        weeks = rows(app, "#weeks-table")
        assert len(weeks) == 151  # then the rest, back to the first session's week
        assert weeks[-1][1].endswith("/2") and not weeks[-1][1].startswith("○○")
