"""Plates per side, the warm-up ramp and the progression rules, as a lifter meets them."""

from gymtui.paths import Paths
from gymtui.ui.dialogs.plates import PlatePlanDialog, PlatesDialog
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.settings import edit_plates, toggle_flag

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of
from test_today_flow import seed_last_day_a

SIZE = (100, 30)


async def open_day_a(pilot: object) -> None:
    await pilot.press("s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_today_shows_the_plates_and_the_rest_screen_the_next_sets(
    paths: Paths, clock: FakeClock
) -> None:
    seed_last_day_a(paths, clock)  # 4 x 100 kg x 6: today's squat is 102.5
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_day_a(pilot)
        detail = text_of(app, "#detail")
        assert "Warm-up 1 of 4: bar × 10" in detail
        assert "Plates 20 kg: empty bar" in detail
        await pilot.press("down", "down", "down", "down")  # the first working set
        detail = text_of(app, "#detail")
        assert "Next 102.5 kg: all 4×6 met last time: +2.5 kg" in detail
        assert "Plates 102.5 kg: 20 + 20 + 1.25 a side · -10 +20 +1.25 each side" in detail
        await pilot.press("up", "up", "up", "up", "enter", "enter")  # the bar x 10
        assert db_rows(paths.database, "SELECT weight_kg, reps, kind FROM sets WHERE id > 4") == [
            (20, 10, "warmup")
        ]
        await pilot.press("r")
        assert isinstance(app.screen, RestScreen)
        assert text_of(app, "#rest-next") == "Next: Warm-up 2 of 4 - Back squat 40 kg × 5"
        assert text_of(app, "#rest-plates") == "Plates 40 kg: 10 a side (+10 each side)"
        await pilot.press("t", "p")
        assert isinstance(app.screen, PlatePlanDialog)
        plan = table_rows(app, "#plate-plan")
        assert plan[0] == ["Back squat", "W1", "20 kg", "empty bar", ""]
        assert plan[1] == ["", "W2", "40 kg", "10", "+10"]
        assert plan[4] == ["", "1/4", "102.5 kg", "20 + 20 + 1.25", "-10 +20 +1.25"]
        assert plan[5][4] == ""  # the same load again: nothing to change
        assert "Deadlift" in [row[0] for row in plan] or len(plan) == 8


async def test_your_own_plates_round_the_suggestion_and_say_so(
    paths: Paths, clock: FakeClock
) -> None:
    seed_last_day_a(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_day_a(pilot)
        edit_plates(app)
        await pilot.pause()
        assert isinstance(app.screen, PlatesDialog)
        await pilot.press("tab", *"20 10 5 2,5x", "enter")
        assert isinstance(app.screen, PlatesDialog)  # refused, nothing stored
        assert "(got '2,5x')" in text_of(app, "#dialog-error")
        assert db_rows(
            paths.database, "SELECT count(*) FROM settings WHERE key LIKE 'plates%'"
        ) == [(0,)]
        await pilot.press("ctrl+u", *"25 20 10 5", "enter")
        assert not isinstance(app.screen, PlatesDialog)
        assert db_rows(paths.database, "SELECT value FROM settings WHERE key = 'plates_kg'") == [
            ("25 20 10 5",)
        ]
        await pilot.press("down", "down", "down", "down")
        # no 1.25s: 102.5 can't be made, and 110 is more than 4x6 at 100 says you can do for 6
        assert table_rows(app)[4][4] == "100"
        assert "all 4×6 met last time: e1RM 120 kg caps 6 reps at 100 kg" in text_of(app, "#detail")
        assert "(102.5 kg can't be loaded on your plates)" in text_of(app, "#detail")
        assert "Plates 100 kg: 20 + 20 a side" in text_of(app, "#detail")


async def test_the_warm_up_ramp_can_be_switched_off(paths: Paths, clock: FakeClock) -> None:
    seed_last_day_a(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_day_a(pilot)
        assert table_rows(app)[0][1] == "▶W1"
        toggle_flag(app, "warmup_ramp", "Warm-up ramp")
        await pilot.pause()
        assert "Warm-up ramp: off" in notifications(app)
        assert table_rows(app)[0][1] == "▶1/4"
        assert db_rows(paths.database, "SELECT value FROM settings WHERE key = 'warmup_ramp'") == [
            ("off",)
        ]
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, SetDialog) and dialog.request.kind == "working"


async def test_day_b_climbs_reps_through_its_range(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_day_a(pilot)  # the first session: switch to Day B
        assert text_of(app, "#day-title").startswith("Day B")
        row = table_rows(app)[0]
        assert row[:3] == ["Front squat", "▶1/3", "×8-10"]
        for reps in ("10", "9", "8"):
            await pilot.press("enter", *"60", "tab", *reps, "enter")
            clock.advance(120)
        await pilot.press("f", "y")
        clock.advance(3 * 86400)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_day_a(pilot)  # today would be A again: back to B
        rows = [r for r in table_rows(app) if r[0] in ("Front squat", "")][:7]
        working = [r for r in rows if r[1].strip("▶ ").endswith("/3")]
        # last time 10, 9, 8: the same weight, a rep more on each set (to the top, 10)
        assert [r[4] for r in working] == ["60 ×10", "60 ×10", "60 ×9"]
        await pilot.press("down", "down", "down", "down")  # past the ramp
        assert "Next 60 kg: 10, 9, 8 last time (8-10): same weight, a rep more a set" in text_of(
            app, "#detail"
        )


async def test_finishing_shows_the_summary_and_history_shows_it_again(
    paths: Paths, clock: FakeClock
) -> None:
    from gymtui.ui.dialogs.session import SessionDialog
    from gymtui.ui.dialogs.summary import SummaryDialog

    seed_last_day_a(paths, clock)  # 4 x 100 x 6 = 2400 kg three days ago
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_day_a(pilot)
        toggle_flag(app, "warmup_ramp", "Warm-up ramp")
        await pilot.pause()
        for reps in ("6", "6", "6", "5"):
            await pilot.press("enter", "tab", reps, "enter")
            clock.advance(150)
        assert "in progress · 7 min" in text_of(app, "#day-title")
        await pilot.press("f", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryDialog)
        assert text_of(app, "#summary").splitlines() == [
            "Duration 10 min  ·  4 working sets  ·  average rest 2:30",
            "Volume 2357.5 kg (-2% on the last Day A)",
            "Records: Back squat 102.5 kg × 6",
            "Next time:",
            "  Back squat: 1st miss: repeat 102.5 kg -> 102.5 kg next time",
        ]
        assert db_rows(paths.database, "SELECT finished_at IS NOT NULL FROM sessions") == [
            (1,),
            (1,),
        ]
        await pilot.press("enter", "h")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionDialog)
        summary = app.screen.query_one("#session-summary Static")
        assert "Records: Back squat 102.5 kg × 6" in str(summary.render())
