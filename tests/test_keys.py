"""Finding every key at 80x24: the footer shows what matters on the screen and in its state,
`?` lists every key of every screen and scrolls, and the palette's Screenshot saves a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input

from gymtui.paths import Paths
from gymtui.ui.dialogs.help import HelpDialog
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.rack import RackScreen
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.widgets.big_clock import BigClock
from gymtui.ui.widgets.gym_input import ChoiceField
from gymtui.ui.widgets.key_bar import KeyBar

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (80, 24)


def footer(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(KeyBar).render())


async def test_the_footer_follows_the_row_the_session_and_the_rest(
    paths: Paths, clock: FakeClock
) -> None:
    """At 80 columns the footer shows what matters now, most wanted first: space and +/- only
    while a rest runs, w only where a warm-up fits (before an exercise's first working set), a
    and d on a logged set, p when a set has plates, x when there is room; `?` has the rest."""
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer(app) == (  # no t on Today, no rest keys with no rest
            "⏎ Log  w Warm-up  s Switch day  x Add exercise  r Rest  ? Help  q Quit  "
        )
        await pilot.press("enter", *"100", "enter")  # the rest runs; on to set 2
        await pilot.pause()
        assert footer(app) == (  # a working set is logged: no warm-up before set 2
            "⏎ Log  space Pause  +/- 15s  v Rack  f Finish  p Plates  r Rest  ? Help  q Quit  "
        )
        await pilot.press("up")  # back on the logged set
        await pilot.pause()
        assert footer(app) == (
            "⏎ Edit  d Delete  space Pause  +/- 15s  v Rack  a Extra set  ? Help  q Quit  "
        )
        assert "Switch day" not in footer(app) and "Warm-up" not in footer(app)
        await pilot.press("space")  # pause from Today
        await pilot.pause()
        assert footer(app).startswith("⏎ Edit  d Delete  space Resume  +/- 15s")
        await pilot.press("space", "down")
        clock.advance(181)
        app.tick()
        await pilot.pause()
        assert footer(app) == (  # the rest is over: nothing to pause or move
            "⏎ Log  v Rack  f Finish  p Plates  x Add exercise  r Rest  ? Help  q Quit  "
        )
        await pilot.press("r")
        await pilot.pause()
        assert footer(app) == (
            "s Skip  ⏎ Log  v Rack  t Today  l Lengths  h History  ? Help  q Quit  "
        )
        await pilot.press("s")
        await pilot.pause()
        assert footer(app).startswith("space Start rest  ⏎ Log")
        assert "Skip" not in footer(app)
        await pilot.press("space")
        await pilot.pause()
        assert footer(app) == (
            "space Pause  +/- 15s  s Skip  ⏎ Log  v Rack  t Today  l Lengths  ? Help  q Quit  "
        )
        await pilot.press("space")
        await pilot.pause()
        assert footer(app).startswith("space Resume  +/- 15s  s Skip")
        assert footer(app).endswith("? Help  q Quit  ")
        assert len(footer(app).rstrip()) <= SIZE[0]


async def test_at_100_columns_the_footer_has_room_for_more(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert footer(app) == (
            "⏎ Log  w Warm-up  s Switch day  x Add exercise  r Rest  h History  ? Help  q Quit  "
        )
        await pilot.press("enter", *"100", "enter")
        await pilot.pause()
        assert footer(app) == (
            "⏎ Log  space Pause  +/- 15s  v Rack  f Finish  p Plates  x Add exercise  r Rest  "
            "? Help  q Quit  "
        )
        await pilot.press("r")
        await pilot.pause()
        assert footer(app) == (
            "space Pause  +/- 15s  s Skip  ⏎ Log  v Rack  t Today  l Lengths  h History  "
            "? Help  q Quit  "
        )


def saved_timer(paths: Paths) -> dict[str, object]:
    [(raw,)] = db_rows(paths.database, "SELECT value FROM settings WHERE key = 'rest_timer'")
    timer = json.loads(raw)
    assert isinstance(timer, dict)
    return timer


async def test_space_plus_and_minus_work_on_today(paths: Paths, clock: FakeClock) -> None:
    """The rest's keys without going to Rest: pause, +15 s twice, -15 s, resume; with no
    rest, space starts one after the last set, and before any set it says why not."""
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        assert "Log a set first: the rest follows a set." in notifications(app)
        assert text_of(app, "#rest-status").startswith("No rest running")
        await pilot.press("enter", *"100", "enter")
        clock.advance(30)
        await pilot.press("space")
        assert isinstance(app.screen, TodayScreen)
        assert text_of(app, "#rest-status").startswith("Rest 2:30 paused")
        assert saved_timer(paths)["state"] == "paused"
        assert saved_timer(paths)["paused_left"] == 150
        await pilot.press("plus", "plus", "minus")
        assert text_of(app, "#rest-status").startswith("Rest 2:45 paused")
        assert saved_timer(paths)["paused_left"] == 165
        await pilot.press("space")
        assert text_of(app, "#rest-status").startswith("Rest 2:45")
        assert saved_timer(paths)["state"] == "running"
        await pilot.press("r", "s", "t")  # the rest skipped on Rest; back on Today
        assert text_of(app, "#rest-status").startswith("No rest running")
        assert saved_timer(paths)["state"] == "idle"
        await pilot.press("space")  # a rest after the last set, from Today
        assert text_of(app, "#rest-status").startswith("Rest 3:00")
        assert saved_timer(paths)["state"] == "running"
        await pilot.press("v")  # and the rack view has them too
        await pilot.pause()
        assert isinstance(app.screen, RackScreen)
        await pilot.press("minus", "minus")
        assert app.screen.query_one(BigClock).text == "2:30"
        await pilot.press("space")
        assert app.screen.has_class("-paused")
        assert saved_timer(paths) == {**saved_timer(paths), "state": "paused", "paused_left": 150}


async def test_side_keys_work_from_the_weight_field(paths: Paths, clock: FakeClock) -> None:
    """One leg logged without five tabs: l, r or b typed in the weight picks the side (a
    number never holds them), the weight keeps what was typed, and the hint says so."""
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        split = next(i for i, r in enumerate(table_rows(app)) if r[0] == "Bulgarian split squat")
        today.table.move_cursor(row=split)
        await pilot.press("enter", "2", "0")
        assert isinstance(app.screen, SetDialog)
        assert app.focused is not None and app.focused.id == "weight"
        assert text_of(app, "#dialog-help").startswith("l r b side   enter save")
        await pilot.press("l")
        assert app.screen.query_one("#side", ChoiceField).chosen == "L"
        assert app.screen.query_one("#weight", Input).value == "20"
        await pilot.press("r", "l", ".", "5", "enter")  # r then l: the last one wins
        assert isinstance(app.screen, TodayScreen)
        assert table_rows(app)[split][5] == "L 20.5 × 8 · R next"
        await pilot.press("enter")  # the other leg comes prefilled as the right
        assert isinstance(app.screen, SetDialog)
        assert app.screen.query_one("#side", ChoiceField).chosen == "R"
        await pilot.press("b")
        assert app.screen.query_one("#side", ChoiceField).chosen is None
        await pilot.press("r", "enter")
    rows = db_rows(paths.database, "SELECT side, weight_kg, reps FROM sets ORDER BY id")
    assert rows == [("L", 20.5, 8), ("R", 20.5, 8)]


async def test_a_two_legged_set_types_no_side_keys(paths: Paths, clock: FakeClock) -> None:
    """Back squat has no Side: l in its weight is a typo, refused as before, and saves nothing."""
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "l")
        assert isinstance(app.screen, SetDialog)
        assert app.screen.query_one("#weight", Input).value == "100l"
        assert "left" not in text_of(app, "#dialog-help")
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        assert "Weight must be a number" in text_of(app, "#dialog-error")
    assert db_rows(paths.database, "SELECT COUNT(*) FROM sets") == [(0,)]


async def test_help_lists_every_screen_here_first_and_scrolls(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        titles = [title for title, _ in app.screen.sections]
        assert titles == [
            "Here: Rest (r)",
            "Everywhere",
            "Today (t)",
            "Rack view (v)",
            "History (h)",
            "A session (History, enter)",
            "Logging or editing a set",
            "Exercises (History, e)",
            "Editing an exercise",
            "Edit program (palette)",
            "Editing a day's exercise (Edit program)",
        ]
        keys = {key for _, rows in app.screen.sections for key, _ in rows}
        wanted = {"enter", "w", "f", "p", "space", "v", "D", "n", "ctrl+p", "esc, q", "/", "m"}
        assert wanted <= keys
        today = dict(next(rows for title, rows in app.screen.sections if title == "Today (t)"))
        for key in ("a", "x", "u", "b", "p", "space", "+", "-"):  # what the footer leaves out
            assert key in today
        form = dict(app.screen.sections[6][1])
        assert form["b l r"] == "In Side and Weight: both legs, left, right"
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0  # more keys than fit at 80x24
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpDialog)


async def test_the_palette_screenshot_is_saved_where_it_says(
    paths: Paths, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "no-downloads")
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"screenshot")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.5)
        saved = list((paths.data_dir / "screenshots").glob("*.svg"))
        assert len(saved) == 1 and "Day&#160;A" in saved[0].read_text()  # Today, as shown
        assert f"Saved {saved[0]}" in notifications(app)
        (tmp_path / "downloads").mkdir()
        monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "downloads")
        app.deliver_screenshot()
        assert len(list((tmp_path / "downloads").glob("*.svg"))) == 1


async def test_the_chosen_theme_is_kept_and_painted_from_the_first_frame(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "gruvbox"
        await pilot.pause()
    assert db_rows(paths.database, "SELECT value FROM settings WHERE key = 'theme'") == [
        ("gruvbox",)
    ]
    again = make_app(paths, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "gruvbox"
        theme = again.get_theme("gruvbox")
        assert theme is not None and theme.background is not None
        assert again.screen.styles.background.hex.lower() == theme.background.lower()


async def test_keys_in_one_read_act_on_the_row_the_cursor_reached(
    paths: Paths, clock: FakeClock
) -> None:
    """Down then enter in one read (a quick thumb; tmux send-keys Down Enter): the set dialog
    opens for the row below, not for the one the cursor was leaving."""
    from textual import events

    from gymtui.ui.dialogs.set_dialog import SetDialog

    from test_today_flow import seed_last_day_a

    seed_last_day_a(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")  # Day A: its warm-up ramp, W1 highlighted
        await pilot.pause()
        for key, char in (("down", None), ("enter", "\r")):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        assert "warm-up 2 of 4" in app.screen.request.title


async def test_what_is_typed_with_the_key_that_opens_a_dialog_reaches_the_dialog(
    paths: Paths, clock: FakeClock
) -> None:
    """Enter, 150, enter in one read (a paste, a fast typist over ssh): the weight typed goes
    into the set dialog that the first enter opens. It was dropped, and the enter after it
    saved the weight the dialog started with (140 instead of 150), with 'Saved' on screen."""
    from textual import events

    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *"140", "enter")
        await pilot.pause()
        burst = [("enter", "\r"), ("1", "1"), ("5", "5"), ("0", "0"), ("enter", "\r")]
        for key, char in burst:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        rows = db_rows(paths.database, "SELECT weight_kg, reps FROM sets ORDER BY id")
        assert rows == [(140.0, 6), (150.0, 6)]
        assert "150 kg × 6" in " ".join(notifications(app))


async def test_help_opens_from_a_session_and_the_exercise_list(
    paths: Paths, clock: FakeClock
) -> None:
    """? in History's session dialog and in its exercise list: the help, that one first."""
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"100", "enter", "h", "enter")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert app.screen.sections[0][0] == "Here: A session (History, enter)"
        await pilot.press("escape", "escape", "e")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert app.screen.sections[0][0] == "Here: Exercises (History, e)"


def test_with_nothing_planned_enter_says_add_and_x_is_not_said_twice() -> None:
    from gymtui.ui.screens.today_keys import footer_label

    assert footer_label("log", None, None, "idle") == "Add"
    assert footer_label("add_exercise", None, None, "idle") is False
    assert footer_label("log_warmup", None, None, "idle") is False
    assert footer_label("pause", None, None, "idle") is False  # it starts one; ? says so
    assert footer_label("pause", None, None, "paused") == "Resume"
    assert footer_label("adjust(-1)", None, None, "over") is False
    assert footer_label("switch_mode('rack')", None, None, "over") == "Rack"
