"""Finding every key at 80x24: the footer shows what matters on the screen and in its state,
`?` lists every key of every screen and scrolls, and the palette's Screenshot saves a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll

from gymtui.paths import Paths
from gymtui.ui.dialogs.help import HelpDialog
from gymtui.ui.widgets.key_bar import KeyBar

from conftest import FakeClock
from helpers import db_rows, make_app, notifications

SIZE = (80, 24)


def footer(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(KeyBar).render())


async def test_the_footer_follows_the_row_the_session_and_the_rest(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer(app).startswith("⏎ Log  w Warm-up  s Switch day  r Rest")  # no t on Today
        assert "Finish" not in footer(app) and "Delete" not in footer(app)
        await pilot.press("enter", *"100", "enter", "up")  # back on the logged set
        await pilot.pause()
        assert footer(app).startswith("⏎ Edit  d Delete  f Finish  r Rest")
        assert "Switch day" not in footer(app) and "Warm-up" not in footer(app)
        await pilot.press("down")
        await pilot.pause()
        assert footer(app).startswith("⏎ Log  w Warm-up  f Finish")
        await pilot.press("r")
        await pilot.pause()
        assert footer(app).startswith("space Pause  + 15s  - 15s  s Skip  ⏎ Log")
        await pilot.press("space")
        await pilot.pause()
        assert footer(app).startswith("space Resume  + 15s")
        await pilot.press("s")
        await pilot.pause()
        assert footer(app).startswith("space Start rest  ⏎ Log")
        assert "Skip" not in footer(app)
        assert footer(app).endswith("? Help  q Quit  ")


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
