"""Small words that were wrong: one Quit in the palette, a record once an exercise, the
advice after a first-ever set, no filler where an exercise has no cues."""

from __future__ import annotations

from datetime import timedelta

from gymtui.core.models import Exercise, LoggedSet, Session
from gymtui.core.summary import summarise
from gymtui.paths import Paths

from conftest import START, FakeClock
from helpers import make_app, text_of


async def test_the_palette_has_one_quit(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert len([t for t in titles if t.lower().startswith("quit")]) == 1


def test_a_summary_lists_an_exercises_records_once_its_best() -> None:
    squat = Exercise("back_squat", "Back squat")
    sets = [
        LoggedSet(n, 1, "back_squat", n, "working", kg, reps, START + timedelta(minutes=n), pr=pr)
        for n, (kg, reps, pr) in enumerate([(100, 6, False), (105, 6, True), (110, 6, True)], 1)
    ]
    session = Session(1, "A", "Day A", START, START + timedelta(hours=1))
    summary = summarise(session, sets, {"back_squat": squat}, None, {}, None)
    assert summary.records == ("Back squat 110 kg × 6",)  # its best e1RM, once


async def test_after_a_first_set_ever_the_advice_says_what_it_was(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "First time: no history yet" in text_of(app, "#detail")
        await pilot.press("enter", *"100", "enter")
        await pilot.pause()
        detail = text_of(app, "#detail")
        assert "First time: set 1 was 100 kg × 6; the next starts from it" in detail
        assert "no cues" not in detail


async def test_on_a_first_time_s_logged_set_the_advice_says_next_time_starts_from_today(
    paths: Paths, clock: FakeClock
) -> None:
    # the cursor back on a logged set of a first time: not "no history yet, type the weight"
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"100", "enter")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        app.screen.table.move_cursor(row=0)  # type: ignore[attr-defined]
        await pilot.pause()
        detail = text_of(app, "#detail")
        assert "First time: 2 sets today; next time starts from them" in detail, detail
