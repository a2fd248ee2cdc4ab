"""PlanTable: what it paints after `show`, that a changed row is painted again and an unchanged
one comes from the cache, its cursor, keys, mouse and messages; and that it paints what a
DataTable with a row cursor paints for the same cells (random text, styles, spans, cursor,
hover, focus). tests/test_plan_table_look.py compares Today itself with its old look."""

from __future__ import annotations

import random

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable, Static

from gymtui.ui.widgets.plan_table import Look, PlanTable

WORDS = ["Back squat", "×6/leg", "✓ 100×6", "日本語", "💪 PR", "", " ", "a[b]c", "[bold]x[/]", "ok"]
STYLES = ["", "bold", "dim", "italic yellow", "bold yellow", "green on red", "underline #ff8800"]


def random_cell(rng: random.Random) -> Text:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(0, 4)))
    text = Text(
        words,
        style=rng.choice(STYLES),
        overflow=rng.choice([None, "ellipsis", "crop", "fold"]),
        justify=rng.choice([None, "left", "right", "center"]),
    )
    for _ in range(rng.randrange(3)):
        start = rng.randrange(len(words) + 1)
        text.stylize(rng.choice(STYLES[1:]), start, rng.randrange(start, len(words) + 1))
    if rng.random() < 0.3:
        text.append(" ★", style="bold yellow")
    return text


class Counting(PlanTable):
    """Records which rows it painted (-1: the header), rather than took from its cache."""

    def __init__(self) -> None:
        super().__init__(id="plan")
        self.painted: list[int] = []

    def _render_row(self, look: Look, row: int, cursor: bool, hover: bool) -> Strip:
        self.painted.append(row)
        return super()._render_row(look, row, cursor, hover)


class TableApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.highlighted: list[int] = []
        self.activated: list[int] = []

    def compose(self) -> ComposeResult:
        yield Counting()

    @on(PlanTable.Highlighted)
    def _highlighted(self, event: PlanTable.Highlighted) -> None:
        self.highlighted.append(event.row)

    @on(PlanTable.Activated)
    def _activated(self, event: PlanTable.Activated) -> None:
        self.activated.append(event.row)


def painted(widget: Widget) -> list[str]:
    strips = widget.render_lines(Region(0, 0, *widget.size))
    return ["".join(segment.text for segment in strip).rstrip() for strip in strips]


def runs(widget: Widget) -> list[list[tuple[str, str]]]:
    """Each line as runs of (text, style) with equal styles merged; meta left out."""
    lines = []
    for strip in widget.render_lines(Region(0, 0, *widget.size)):
        line: list[tuple[str, str]] = []
        for segment in strip:
            style = str(segment.style or Style())
            if line and line[-1][1] == style:
                line[-1] = (line[-1][0] + segment.text, style)
            else:
                line.append((segment.text, style))
        lines.append(line)
    return lines


def texts(*rows: tuple[str, ...]) -> list[list[Text]]:
    return [[Text(cell) for cell in row] for row in rows]


async def test_a_plan_table_shows_its_rows() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(PlanTable)
        table.set_labels([Text("Exercise"), Text("Set"), Text("Next")])
        table.show(
            [
                [Text("Back squat", style="bold"), Text("▶1/4", style="bold yellow"), Text("100")],
                [Text(""), Text(" 2/4"), Text("new", style="italic yellow")],
            ]
        )
        await pilot.pause()
        lines = painted(table)
        assert lines[0] == " Exercise    Set   Next"
        assert lines[1] == " Back squat  ▶1/4  100"
        assert lines[2] == "              2/4  new"
        assert [[cell.plain for cell in row] for row in table.rows] == [
            ["Back squat", "▶1/4", "100"],
            ["", " 2/4", "new"],
        ]
        assert [label.plain for label in table.labels] == ["Exercise", "Set", "Next"]


async def test_a_changed_row_is_painted_again_and_the_rest_come_from_the_cache() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(Counting)
        table.set_labels([Text("Exercise"), Text("Next")])
        rows = [
            [Text("Back squat"), Text("100")],
            [Text("Deadlift"), Text("140")],
            [Text("Leg press"), Text("200")],
        ]
        table.show(rows)
        await pilot.pause()
        assert painted(table)[1:4] == [" Back squat  100", " Deadlift    140", " Leg press   200"]
        table.painted.clear()
        table.show([rows[0], [Text("Deadlift"), Text("145")], rows[2]])  # the same widths
        table.refresh()  # every line asked for again: only the changed one is painted anew
        await pilot.pause()
        assert painted(table)[1:4] == [" Back squat  100", " Deadlift    145", " Leg press   200"]
        assert table.painted == [1]
        # Text's == ignores a cell's style: the table does not, and paints the row again
        table.painted.clear()
        table.show([rows[0], [Text("Deadlift"), Text("145", style="bold")], rows[2]])
        await pilot.pause()
        assert table.painted == [1]
        line = runs(table)[2]
        assert ("145", line[-2][1]) == line[-2] and "bold" in line[-2][1]
        # nothing changed: nothing painted
        table.painted.clear()
        table.show([rows[0], [Text("Deadlift"), Text("145", style="bold")], rows[2]])
        table.refresh()
        await pilot.pause()
        assert table.painted == []
        # a wider cell widens its column: every row is painted at the new widths
        table.show([[Text("Back squat (high bar)"), Text("100")], *rows[1:]])
        await pilot.pause()
        assert painted(table)[:4] == [
            " Exercise               Next",
            " Back squat (high bar)  100",
            " Deadlift               140",
            " Leg press              200",
        ]


async def test_the_cursor_stays_within_the_rows() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(PlanTable)
        table.set_labels([Text("Exercise")])
        assert table.cursor_row == 0 and table.row_count == 0
        table.move_cursor(3)
        assert table.cursor_row == 0  # no rows: nowhere else to be
        table.show(texts(*[(f"row {n}",) for n in range(5)]))
        table.move_cursor(99)
        assert table.cursor_row == 4
        table.move_cursor(-3)
        assert table.cursor_row == 0
        table.move_cursor(4)
        table.show(texts(("a",), ("b",)))  # fewer rows: the cursor comes up to the last
        assert table.cursor_row == 1
        table.show([])
        assert table.cursor_row == 0
        await pilot.pause()
        assert painted(table) == [" Exercise"]  # the header alone


async def test_keys_move_the_cursor_and_keep_it_in_view() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(PlanTable)
        table.styles.height = 10
        table.set_labels([Text("Row")])
        table.show(texts(*[(f"row {n}",) for n in range(30)]))
        await pilot.pause()
        await pilot.press("down", "down")
        assert table.cursor_row == 2 and app.highlighted[-2:] == [1, 2]
        await pilot.press("up")
        assert table.cursor_row == 1
        await pilot.press("pagedown")  # nine lines below the header: a page of 8 rows... or 9
        page = table.cursor_row - 1
        assert page == table.scrollable_content_region.height - 1
        await pilot.press("pagedown")
        assert table.cursor_row == 1 + 2 * page
        await pilot.press("pageup")
        assert table.cursor_row == 1 + page
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 29
        lines = painted(table)
        assert lines[0] == " Row" and lines[-1] == " row 29"  # the header stays on top
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0 and painted(table)[1] == " row 0"
        await pilot.press("up")
        assert table.cursor_row == 0
        await pilot.press("enter")  # not the table's: it moves nothing and activates nothing
        assert table.cursor_row == 0 and app.activated == []


async def test_a_click_moves_the_cursor_and_a_second_activates_the_row() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(PlanTable)
        table.set_labels([Text("Row")])
        table.show(texts(*[(f"row {n}",) for n in range(5)]))
        await pilot.pause()
        await pilot.click(PlanTable, offset=(2, 3))  # line 3: the header, then rows 0, 1, 2
        assert table.cursor_row == 2 and app.highlighted[-1] == 2 and app.activated == []
        await pilot.click(PlanTable, offset=(30, 3))  # right of the cells, the same row
        assert table.cursor_row == 2 and app.activated == [2]
        await pilot.click(PlanTable, offset=(2, 0))  # the header: nothing
        await pilot.click(PlanTable, offset=(2, 8))  # below the rows: nothing
        assert table.cursor_row == 2 and app.activated == [2]


async def test_a_column_growing_past_the_width_brings_the_scrollbar() -> None:
    """Columns that move within the table's width only repaint; growing past it lays out,
    so the horizontal scrollbar comes, and goes again when the cell narrows."""
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(PlanTable)
        table.set_labels([Text("Exercise"), Text("Logged")])
        table.show([[Text("Back squat"), Text("✓ 100 kg × 6")]])
        await pilot.pause()
        assert not table.show_horizontal_scrollbar
        table.show([[Text("Back squat"), Text("✓ 100 kg × 6 @8.5")]])  # still within 40
        await pilot.pause()
        assert not table.show_horizontal_scrollbar
        assert table.virtual_size.width <= table.container_size.width
        assert painted(table)[1] == " Back squat  ✓ 100 kg × 6 @8.5"
        table.show([[Text("Back squat"), Text("✓ 100 kg × 6 @8.5 L 100 kg × 6 R")]])
        await pilot.pause()
        assert table.virtual_size.width > 40 and table.show_horizontal_scrollbar
        table.show([[Text("Back squat"), Text("✓ 100 kg × 6")]])
        await pilot.pause()
        assert not table.show_horizontal_scrollbar


class TwoTables(App[None]):
    CSS = "#plan, #plain { height: 14; }"

    def compose(self) -> ComposeResult:
        yield PlanTable(id="plan")
        yield DataTable(id="plain", cursor_type="row")
        yield Static("the mouse rests here", id="elsewhere")


async def test_it_paints_what_a_datatable_paints() -> None:
    """The same random cells in both, shown in three goes and then changed a few at a time
    (as logged sets change them), with the cursor anywhere (the rows overflow: both scroll),
    the mouse over a row or not, the table focused or not."""
    rng = random.Random(20261122)
    app = TwoTables()
    async with app.run_test(size=(120, 40)) as pilot:
        mine, theirs = app.query_one(PlanTable), app.query_one("#plain", DataTable)

        async def seen(table: Widget, focus: bool, hover: int | None) -> list[list[str]]:
            app.screen.set_focus(table if focus else None)
            if hover is None:
                await pilot.hover("#elsewhere")
            else:
                await pilot.hover(f"#{table.id}", offset=(1, hover))
            await pilot.pause()
            return [[f"{text}|{style}" for text, style in line] for line in runs(table)]

        labels = [Text("Exercise"), Text("Set", style="italic"), Text("Target"), Text("")]
        mine.set_labels(labels)
        theirs.add_columns(*labels)
        rows: list[list[Text]] = []
        compared = 0
        for go in range(12):
            if go < 3:  # rows added, as Today's days are
                new = [[random_cell(rng) for _ in range(4)] for _ in range(rng.randrange(4, 9))]
                rows += new
                for row in new:
                    theirs.add_row(*row)
            else:  # then a few cells change, narrower or wider, as a logged set does
                for _ in range(rng.randrange(1, 4)):
                    y, x = rng.randrange(len(rows)), rng.randrange(4)
                    rows[y][x] = random_cell(rng)
                    theirs.update_cell_at(Coordinate(y, x), rows[y][x], update_width=True)
            mine.show(rows)
            cursor = rng.randrange(len(rows))
            mine.move_cursor(cursor)
            theirs.move_cursor(row=cursor)
            await pilot.pause()
            assert mine.virtual_size == theirs.virtual_size, go
            assert mine.scroll_offset == theirs.scroll_offset, go
            for focus, hover in ((True, None), (False, None), (True, rng.randrange(14))):
                assert await seen(mine, focus, hover) == await seen(theirs, focus, hover), go
                compared += 1
        assert compared == 36
