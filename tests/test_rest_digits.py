"""The Rest screen's digits draw what Textual's Digits draws, cell for cell and style for
style, for every value a rest shows, in each of its colours."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Digits

from gymtui.ui.widgets.rest_digits import RestDigits, digit_rows

VALUES = ["0:00", "3:00", "2:59", "1:05", "+0:07", "12:30", "+15:00", "9:59", "—"]


class Both(App[None]):
    CSS = """
    Digits, RestDigits { color: $success; width: auto; }
    .bold { text-style: bold; }
    .over { color: $error; }
    """

    def compose(self) -> ComposeResult:
        yield Digits("0:00", id="theirs")
        yield RestDigits("0:00", id="mine")


def cells(strip: object) -> list[tuple[str, object]]:
    """A strip's characters with each one's colour and boldness."""
    out = []
    for segment in strip:  # type: ignore[attr-defined]
        style = segment.style
        for ch in segment.text:
            out.append((ch, (style.color, style.bgcolor, style.bold) if style else None))
    return out


async def test_rest_digits_draw_what_digits_draw() -> None:
    app = Both()
    async with app.run_test(size=(40, 10)) as pilot:
        theirs, mine = app.query_one("#theirs", Digits), app.query_one("#mine", RestDigits)
        for classes in ("", "bold", "over", "bold over"):
            for value in VALUES:
                for widget in (theirs, mine):
                    widget.set_classes(classes)
                    widget.update(value)
                await pilot.pause()
                assert mine.size == theirs.size, (value, classes)
                assert mine.value == value
                for y in range(3):
                    want = cells(theirs.render_line(y))
                    got = cells(mine.render_line(y))
                    assert got == want, (value, classes, y)


def test_digit_rows_are_the_three_line_font() -> None:
    top, middle, bottom = digit_rows("1:05", bold=False)
    assert (top, middle, bottom) == ("╶╮    ╭─╮╭─╴", " │  : │ │╰─╮", "╶┴╴   ╰─╯╶─╯")
    assert digit_rows("—", bold=False) == (" ", " ", "—")  # not in the font: one cell


class Wide(App[None]):
    CSS = "RestDigits { color: $success; width: 100%; }"

    def compose(self) -> ComposeResult:
        yield RestDigits("3:00", id="mine")


async def test_rest_digits_centre_themselves_in_a_wider_widget() -> None:
    """The Rest screen has no Center container (a render less each second): the digits are
    centred in the widget as the container centred them, the cells around them background
    only, and a new second of the same width draws only the digits' own cells again."""
    app = Wide()
    async with app.run_test(size=(41, 5)) as pilot:
        mine = app.query_one(RestDigits)
        refreshed: list[tuple[object, ...]] = []
        original = mine.refresh

        def spy(*regions: object, **kwargs: object) -> object:
            refreshed.append(regions)
            return original(*regions, **kwargs)  # type: ignore[arg-type]

        mine.refresh = spy  # type: ignore[method-assign]
        for value in ("2:59", "12:30", "+0:07"):
            refreshed.clear()
            mine.update(value)
            await pilot.pause()
            rows = digit_rows(value, bold=False)
            left = (41 - len(rows[0])) // 2
            for y, row in enumerate(rows):
                line = cells(mine.render_line(y))
                assert "".join(ch for ch, _ in line) == (" " * left + row).ljust(41)
                assert all(style[0] is None for _, style in line[:left])  # type: ignore[index]
                assert line[left][1][0] is not None  # type: ignore[index]
            if value == "2:59":  # as wide as 3:00: only its cells
                [(region,)] = refreshed
                assert region == Region(left, 0, len(rows[0]), 3)
