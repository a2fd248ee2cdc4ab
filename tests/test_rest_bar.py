"""The Rest screen's bar draws what Textual's ProgressBar's Bar draws, cell for cell and style
for style, for a rest's every share done, in each of its colours."""

from __future__ import annotations

from test_rest_digits import cells
from textual.app import App, ComposeResult
from textual.widgets._progress_bar import Bar

from gymtui.ui.widgets.rest_bar import BAR_CELLS, RestBar, bar_pieces

SHARES = [0.0, 0.01, 0.02, 0.1, 0.25, 1 / 3, 0.5, 0.51, 0.99, 1.0, 1.4]


class Both(App[None]):
    CSS = f"""
    Bar, RestBar {{ width: {BAR_CELLS}; }}
    .paused > .bar--bar {{ color: $warning; }}
    .over > .bar--complete {{ color: $error; }}
    """

    def compose(self) -> ComposeResult:
        yield Bar(id="theirs")
        yield RestBar(id="mine")


async def test_rest_bar_draws_what_textuals_bar_draws() -> None:
    app = Both()
    async with app.run_test(size=(60, 6)) as pilot:
        theirs, mine = app.query_one(Bar), app.query_one(RestBar)
        for classes in ("", "paused", "over"):
            for share in SHARES:
                theirs.set_classes(classes)
                mine.set_classes(classes)
                theirs.percentage = min(share, 1.0)  # the ProgressBar's clamp
                mine.update(total=BAR_CELLS, progress=share * BAR_CELLS)
                await pilot.pause()
                assert mine.size == theirs.size
                assert cells(mine.render_line(0)) == cells(theirs.render_line(0)), (share, classes)


async def test_rest_bar_centres_itself_in_a_wider_widget() -> None:
    class Wide(App[None]):
        def compose(self) -> ComposeResult:
            yield RestBar(id="mine")

    app = Wide()
    async with app.run_test(size=(80, 4)) as pilot:
        mine = app.query_one(RestBar)
        mine.update(total=BAR_CELLS, progress=5.25)
        await pilot.pause()
        done, rest = bar_pieces(mine.percentage, BAR_CELLS)
        assert (done, rest) == ("━" * 5, "╺" + "━" * 44)
        line = cells(mine.render_line(0))
        assert "".join(ch for ch, _ in line) == " " * 15 + done + rest + " " * 15
        assert all(style[0] is None for _, style in line[:15])  # type: ignore[index]


def test_bar_pieces_fill_the_cells() -> None:
    for cells_wide in (1, 7, 50):
        for step in range(0, 41):
            done, rest = bar_pieces(step / 40, cells_wide)
            assert len(done) + len(rest) == cells_wide
