"""The rack view: block digits that fill the terminal, the next set and its plates, a flash
when the rest ends, and the Rest screen's keys."""

from __future__ import annotations

from unittest.mock import PropertyMock, patch

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text
from textual.geometry import Region, Size
from textual.widget import Widget

from gymtui.core.values import format_duration
from gymtui.paths import Paths
from gymtui.ui.screens.rack import FLASH_S, RackScreen
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.widgets.big_clock import (
    FONT,
    ROWS,
    BigClock,
    big_lines,
    fitting_scale,
    natural_width,
    placement,
)

from conftest import FakeClock
from helpers import db_rows, make_app, text_of
from test_rest_flow import bells
from test_today_flow import seed_last_day_a


def lit_cells(text: Text) -> int:
    """Cells drawn solid (reversed spaces)."""
    return sum(span.end - span.start for span in text.spans if span.style == "reverse")


times = st.from_regex(r"\+?[0-9]{1,2}:[0-5][0-9]", fullmatch=True)


@given(times, st.integers(20, 300), st.integers(7, 80))
def test_the_digits_fill_the_space_and_never_overflow_it(
    text: str, width: int, height: int
) -> None:
    scale = fitting_scale(text, width, height)
    lines = big_lines(text, scale)
    assert len(lines) == ROWS * scale
    assert max(len(line) for line in lines) <= natural_width(text) * scale
    if natural_width(text) <= width:
        assert max(len(line) for line in lines) <= width and len(lines) <= height
        bigger = scale + 1
        assert natural_width(text) * bigger > width or ROWS * bigger > height


def test_every_glyph_is_seven_rows_of_one_width() -> None:
    for glyph in FONT.values():
        assert len(glyph) == ROWS and len({len(row) for row in glyph}) == 1


def test_a_one_is_drawn_in_blocks() -> None:
    assert big_lines("1", 1) == (
        "    ██",
        "  ████",
        "    ██",
        "    ██",
        "    ██",
        "    ██",
        "  ██████",
    )


async def test_rack_view_counts_down_flashes_at_the_end_and_logs_the_next_set(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        rung = bells(app, monkeypatch)
        await pilot.press("enter", *"100", "enter")  # back squat 100 x 6: a 3:00 rest
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RackScreen)
        clock_widget = screen.query_one(BigClock)
        assert clock_widget.text == "3:00"
        drawn = clock_widget.render()
        assert drawn.plain.count("\n") + 1 == ROWS * 2  # scale 2 at 80x24: 14 rows of blocks
        assert lit_cells(drawn) == sum(line.count("█") for line in big_lines("3:00", 2))
        assert text_of(app, "#rack-next") == "Set 2 of 4 - Back squat 100 kg × 6"
        assert text_of(app, "#rack-state") == "Resting"
        assert text_of(app, "#rack-help") == "v back  enter log  space pause  +/- 15 s  s skip"
        clock.advance(150)
        app.tick()
        assert clock_widget.text == "0:30"
        assert not screen.has_class("-flash")
        clock.advance(30.2)
        app.tick()
        assert screen.has_class("-over") and screen.has_class("-flash")
        assert rung == [1]  # the bell too
        assert text_of(app, "#rack-state") == "Rest over: time for the next set"
        assert text_of(app, "#rack-help") == "v back  enter log"  # no rest to pause or skip
        clock.advance(0.5)
        app.tick()
        assert not screen.has_class("-flash")  # it blinks
        clock.advance(FLASH_S)
        app.tick()
        assert screen.has_class("-over") and not screen.has_class("-flash")
        assert clock_widget.text.startswith("+0:0")
        await pilot.press("enter")  # log from the rack
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert db_rows(paths.database, "SELECT weight_kg, reps FROM sets") == [(100, 6), (100, 6)]
        assert isinstance(app.screen, RackScreen)
        assert clock_widget.text == "3:00" and not screen.has_class("-over")
        await pilot.press("space")  # pause, as on the Rest screen
        assert screen.has_class("-paused")
        await pilot.pause()
        assert text_of(app, "#rack-help").startswith("v back  enter log  space resume")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, RestScreen) and not isinstance(app.screen, RackScreen)


@pytest.mark.parametrize("no_color", [False, True])
async def test_the_clock_hands_textual_the_lines_its_styles_cache_would(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    """BigClock.render_lines skips Textual's styles cache: its lines are the same, in every
    state's colours, cropped or whole, at a size too small for blocks, and through the app's
    line filters (NO_COLOR adds Textual's monochrome one)."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")

    def same_lines(widget: BigClock) -> None:
        whole = widget.size.region
        for crop in (whole, Region(3, 2, 20, 9)):
            mine = [list(strip) for strip in widget.render_lines(crop)]
            assert mine == [list(strip) for strip in Widget.render_lines(widget, crop)]

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"100", "enter", "v")
        await pilot.pause()
        widget = app.screen.query_one(BigClock)
        same_lines(widget)  # running
        clock.advance(9)
        app.tick()
        await pilot.pause()
        same_lines(widget)
        await pilot.press("space")  # paused: other colours
        await pilot.pause()
        same_lines(widget)
        await pilot.press("space")
        clock.advance(171.2)  # just over: the screen flashes
        app.tick()
        await pilot.pause()
        assert app.screen.has_class("-flash")
        same_lines(widget)
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        widget.text = "12:34:56"  # too wide for blocks: plain digits
        await pilot.pause()
        same_lines(widget)


async def test_rack_view_at_a_tiny_size_still_shows_the_time(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.press("enter", *"100", "enter", "v")
        await pilot.pause()
        drawn = app.screen.query_one(BigClock).render()
        assert lit_cells(drawn) == sum(line.count("█") for line in big_lines("3:00", 1))


async def test_enter_on_the_rack_logs_a_ramp_row_as_a_warm_up(
    paths: Paths, clock: FakeClock
) -> None:
    seed_last_day_a(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "enter", "enter", "v")  # Day A: the bar x 10, then the rack
        await pilot.pause()
        assert text_of(app, "#rack-next") == "Warm-up 2 of 4 - Back squat 40 kg × 5"
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert db_rows(paths.database, "SELECT weight_kg, reps, kind FROM sets WHERE id > 4") == [
            (20, 10, "warmup"),
            (40, 5, "warmup"),
        ]
        assert text_of(app, "#rack-next").startswith("Warm-up 3 of 4")


@given(
    st.integers(0, 5999),
    st.integers(0, 5999),
    st.sampled_from(["", "+"]),
    st.sampled_from([(100, 26), (80, 20), (60, 12), (200, 50)]),
)
def test_a_new_time_redraws_every_cell_that_changed(
    a: int, b: int, sign: str, size: tuple[int, int]
) -> None:
    old, new = sign + format_duration(a), sign + format_duration(b)
    clock = BigClock()
    with patch.object(BigClock, "size", new_callable=PropertyMock, return_value=Size(*size)):
        regions = clock._changed_cells(old, new)
    if regions is None:
        return  # all of it is drawn again
    before, after = shown_cells(old, size), shown_cells(new, size)
    for y, (was, now) in enumerate(zip(before, after, strict=True)):
        for x, (p, q) in enumerate(zip(was, now, strict=True)):
            if p != q:
                assert any(region.contains(x, y) for region in regions), (old, new, x, y)


@given(st.integers(0, 5998), st.sampled_from([(100, 26), (80, 20), (60, 12), (200, 50)]))
def test_the_digits_stand_still_from_one_second_to_the_next(
    seconds: int, size: tuple[int, int]
) -> None:
    old, new = format_duration(seconds + 1), format_duration(seconds)
    before, after = placement(old, *size), placement(new, *size)
    if len(old) == len(new) and before is not None and after is not None:
        assert before[:2] == after[:2], (old, new)  # 2:52 -> 2:51 -> 2:50 do not hop
        assert len(before[2][0]) == len(after[2][0])


def test_a_new_second_redraws_only_the_rows_of_its_digit_that_change() -> None:
    clock = BigClock()
    with patch.object(BigClock, "size", new_callable=PropertyMock, return_value=Size(100, 26)):
        regions = clock._changed_cells("2:59", "2:58")
        placed = placement("2:58", 100, 26)
    assert regions is not None and placed is not None
    left, _, lines = placed
    last_digit = left + len(lines[0]) - len(FONT["8"][0]) * 2 * 2  # scale 2 at 100x26
    assert all(region.x >= last_digit for region in regions)
    # 9 and 8 differ in 4 of their 7 font rows, 2 lines each
    assert sum(region.height for region in regions) == 4 * 2


def shown_cells(text: str, size: tuple[int, int]) -> list[str]:
    """The clock's cells as placed in a widget of `size`, a string a line ("█" lit)."""
    placed = placement(text, *size)
    assert placed is not None
    left, top, lines = placed
    cells = [" " * size[0]] * size[1]
    for n, line in enumerate(lines):
        cells[top + n] = (" " * left + line).ljust(size[0])
    return cells
