"""The Rest screen's digits draw what Textual's Digits draws, cell for cell and style for
style, for every value a rest shows, in each of its colours."""

from __future__ import annotations

from textual.app import App, ComposeResult
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
