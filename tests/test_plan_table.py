"""PlanTable renders one-line text cells itself, for speed: it must paint exactly what
DataTable's own path paints, for any text, style, width, padding, cursor and hover."""

from __future__ import annotations

import random

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from gymtui.ui.widgets.plan_table import PlanTable

WORDS = ["Back squat", "×6/leg", "✓ 100×6", "日本語", "💪 PR", "", " ", "a[b]c", "[bold]x[/]", "ok"]
STYLES = ["", "bold", "dim", "italic yellow", "bold yellow", "green on red", "underline #ff8800"]


def random_cell(rng: random.Random) -> object:
    kind = rng.randrange(4)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 4)))
    if kind == 0:
        return words  # DataTable reads a str as markup
    if kind == 1:
        return None
    text = Text(
        words,
        style=rng.choice(STYLES),
        overflow=rng.choice([None, "ellipsis", "crop", "fold"]),
        justify=rng.choice([None, "left", "right", "center"]),
    )
    for _ in range(rng.randrange(3) if kind == 3 else 0):
        start = rng.randrange(len(words) + 1)
        text.stylize(rng.choice(STYLES[1:]), start, rng.randrange(start, len(words) + 1))
    if kind == 3 and rng.random() < 0.5:
        text.append(" ★", style="bold yellow")
    return text


class TableApp(App[None]):
    def __init__(self, padding: int) -> None:
        super().__init__()
        self.padding = padding

    def compose(self) -> ComposeResult:
        yield PlanTable(id="plan", cursor_type="row", cell_padding=self.padding)


def simplified(lines: list[list[Segment]]) -> list[list[Segment]]:
    return [list(Segment.simplify(line)) for line in lines]


async def test_text_cells_paint_as_datatable_paints_them() -> None:
    rng = random.Random(20261122)
    compared = 0
    for padding in (0, 1, 2):
        app = TableApp(padding)
        async with app.run_test(size=(120, 30)) as pilot:
            table = app.query_one(PlanTable)
            # fixed widths below the text's length crop it; auto widths fit it
            for width in (None, 3, 8, 14, None, 1):
                label = rng.choice([f"Last {width}", Text(f"Set {width}", style="italic")])
                table.add_column(label, width=width)
            for _ in range(25):
                table.add_row(*[random_cell(rng) for _ in range(6)])
            await pilot.pause()
            widths = [column.get_render_width(table) for column in table.ordered_columns]
            for row in range(-1, table.row_count):  # -1: the header
                for column, width in enumerate(widths):
                    base = Style(bgcolor=rng.choice(["#202020", "blue"]))
                    for cursor, hover in ((False, False), (True, False), (False, True)):
                        mine = table._render_text_cell(row, column, base, width, cursor, hover)
                        if mine is None:  # too narrow for its padding: DataTable's path
                            assert width - 2 * padding < 1
                            continue
                        theirs = DataTable._render_cell(
                            table, row, column, base, width, cursor, hover
                        )
                        assert simplified(mine) == simplified(theirs), (row, column, width)
                        compared += 1
    assert compared > 1000


async def test_a_plan_table_shows_its_rows() -> None:
    app = TableApp(1)
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(PlanTable)
        table.add_columns("Exercise", "Set", "Next")
        table.show(
            [
                [Text("Back squat", style="bold"), Text("▶1/4", style="bold yellow"), "100"],
                ["", " 2/4", Text("new", style="italic yellow")],
            ]
        )
        await pilot.pause()
        lines = [
            "".join(segment.text for segment in strip)
            for strip in table.render_lines(table.region.reset_offset)
        ]
        assert lines[1].startswith(" Back squat  ▶1/4  100")
        assert lines[2].startswith("              2/4  new")


async def test_rows_paint_as_datatable_paints_them() -> None:
    """The whole line of a row, the filler right of the last column included, with the
    cursor and the mouse on it or elsewhere, in a table wider than its columns."""
    rng = random.Random(22)
    app = TableApp(1)
    async with app.run_test(size=(120, 30)) as pilot:
        table = app.query_one(PlanTable)
        table.add_columns("Exercise", "Set", "Target", "Last time", "Next", "Logged")
        for _ in range(12):
            table.add_row(*[random_cell(rng) for _ in range(6)])
        await pilot.pause()
        compared = 0
        for row in range(table.row_count):
            key = table._row_locations.get_key(row)
            assert key is not None
            for cursor, hover in ((row, 0), (0, row), (row, row), (-1, -1)):
                at, over = Coordinate(cursor, 0), Coordinate(hover, 0)
                base = Style(bgcolor="#202020")
                mine = table._render_data_row(row, 0, base, at, over)
                assert mine is not None
                theirs = DataTable._render_line_in_row(table, key, 0, base, at, over)
                assert [simplified(part) for part in mine] == [
                    simplified(part) for part in theirs
                ], (row, cursor, hover)
                compared += 1
        assert compared == 48


async def test_a_changed_cell_is_repainted_and_the_rest_kept() -> None:
    """`show` repaints only the rows that changed, unless a column grew: what the widget
    paints (its cached lines included) is what the rows now hold."""
    app = TableApp(1)
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(PlanTable)
        table.add_columns(Text("Exercise"), Text("Next"))
        rows = [[Text("Back squat"), Text("100")], [Text("Deadlift"), Text("140")]]
        table.show(rows)
        await pilot.pause()

        def painted() -> list[str]:
            strips = table.render_lines(table.region.reset_offset)
            return ["".join(segment.text for segment in strip).rstrip() for strip in strips]

        assert painted()[1:3] == [" Back squat  100", " Deadlift    140"]
        table.show([rows[0], [Text("Deadlift"), Text("145")]])  # same width
        await pilot.pause()
        assert painted()[1:3] == [" Back squat  100", " Deadlift    145"]
        table.show([[Text("Back squat (high bar)"), Text("100")], rows[1]])  # a wider column
        await pilot.pause()
        assert painted()[:3] == [
            " Exercise               Next",
            " Back squat (high bar)  100",
            " Deadlift               140",
        ]


class TwoTables(App[None]):
    def compose(self) -> ComposeResult:
        yield PlanTable(id="plan")
        yield DataTable(id="plain")


async def test_columns_are_measured_as_datatable_measures_them() -> None:
    rng = random.Random(7)
    app = TwoTables()
    async with app.run_test(size=(120, 40)) as pilot:
        mine, theirs = app.query_one(PlanTable), app.query_one("#plain", DataTable)
        for table in (mine, theirs):
            table.add_columns("Exercise", Text("Set"), "Target", "Last time", "Next", "")
        for _ in range(3):  # rows added in three goes, as Today's days are
            rows = [[random_cell(rng) for _ in range(6)] for _ in range(rng.randrange(1, 8))]
            cells = [
                [cell if isinstance(cell, Text) else Text(cell or "") for cell in row]
                for row in rows
            ]
            mine.show(
                [
                    *[
                        [mine.get_cell_at(Coordinate(y, x)) for x in range(6)]
                        for y in range(mine.row_count)
                    ],
                    *cells,
                ]
            )
            for row in cells:
                theirs.add_row(*row)
            await pilot.pause()
            assert [c.content_width for c in mine.ordered_columns] == [
                c.content_width for c in theirs.ordered_columns
            ]
            assert mine.virtual_size == theirs.virtual_size
        for _ in range(12):  # then cells change, narrower or wider, as a logged set does
            rows = [
                [mine.get_cell_at(Coordinate(y, x)) for x in range(6)]
                for y in range(mine.row_count)
            ]
            for _ in range(rng.randrange(1, 4)):
                y, x = rng.randrange(len(rows)), rng.randrange(6)
                new = rng.choice([Text(), Text("✓ 100 kg × 6 ★"), Text(rng.choice(WORDS))])
                rows[y][x] = new
                theirs.update_cell_at(Coordinate(y, x), new, update_width=True)
            mine.show(rows)
            await pilot.pause()
            assert [c.content_width for c in mine.ordered_columns] == [
                c.content_width for c in theirs.ordered_columns
            ]
            assert mine.virtual_size == theirs.virtual_size


async def test_a_column_growing_past_the_width_brings_the_scrollbar() -> None:
    """Columns that move within the table's width only repaint; growing past it lays out,
    so the horizontal scrollbar comes, and goes again when the cell narrows."""
    app = TableApp(1)
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(PlanTable)
        table.add_columns(Text("Exercise"), Text("Logged"))
        table.show([[Text("Back squat"), Text("✓ 100 kg × 6")]])
        await pilot.pause()
        assert not table.show_horizontal_scrollbar
        table.show([[Text("Back squat"), Text("✓ 100 kg × 6 @8.5")]])  # still within 40
        await pilot.pause()
        assert not table.show_horizontal_scrollbar
        assert table.virtual_size.width <= table.container_size.width
        table.show([[Text("Back squat"), Text("✓ 100 kg × 6 @8.5 L 100 kg × 6 R")]])
        await pilot.pause()
        assert table.virtual_size.width > 40 and table.show_horizontal_scrollbar
        table.show([[Text("Back squat"), Text("✓ 100 kg × 6")]])
        await pilot.pause()
        assert not table.show_horizontal_scrollbar
