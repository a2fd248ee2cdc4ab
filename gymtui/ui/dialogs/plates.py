"""The bar and plates you train with, and the session's plate plan."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import DataTable, Input, Label, Static

from gymtui.core.plates import (
    Inventory,
    PlanStep,
    dumbbells_text,
    parse_dumbbells,
    parse_plates,
)
from gymtui.core.training import PlanRow
from gymtui.core.values import Unit, format_number, format_weight
from gymtui.errors import InvalidValue
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.dialogs.set_dialog import SAVE_HELP
from gymtui.ui.text import plain
from gymtui.ui.widgets.gym_input import GymInput


@dataclass(frozen=True)
class Kit:
    """The bar and plates as the dialog returns them, in the unit, as the settings keep them."""

    unit: Unit
    bar: float
    plates: str
    collar: float
    dumbbells: str = ""  # "2-30 step 2, 32.5, 35, 40"
    stack_step: float = 0.0


def _number(text: str, what: str, unit: Unit, top: float) -> float:
    cleaned = text.strip().replace(",", ".")
    try:
        value = float(cleaned) if cleaned else 0.0
    except ValueError:
        raise InvalidValue(f"{what} must be a number of {unit}, like 20 (got {text!r}).") from None
    if not 0 <= value <= top:
        raise InvalidValue(f"{what} must be from 0 to {top:g} {unit}.")
    return value


class PlatesDialog(GymDialog[Kit | None]):
    """Your bar, your plates (in pairs) and collars, for plates per side and rounding; your
    dumbbells and a machine's usual stack step, for what those exercises suggest."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, inventory: Inventory) -> None:
        super().__init__()
        self.inventory = inventory

    def compose(self) -> ComposeResult:
        kit = self.inventory
        unit = kit.unit
        with Vertical(classes="dialog", id="plates-dialog"):
            yield Label(f"Bar and plates ({unit})", id="dialog-title")
            with Grid(id="set-fields", classes="-wide"):
                yield Label("Bar")
                yield GymInput(format_number(kit.bar), id="bar", compact=True)
                yield Label("Plates (pairs)")
                yield GymInput(kit.plates_text(), id="plates", compact=True)
                yield Label("Collars, each")
                yield GymInput(
                    format_number(kit.collar) if kit.collar else "",
                    id="collar",
                    placeholder="none",
                    compact=True,
                )
                yield Label("Dumbbells, a hand")
                yield GymInput(dumbbells_text(kit.dumbbells), id="dumbbells", compact=True)
                yield Label("Machine stack step")
                yield GymInput(format_number(kit.stack_step), id="stack", compact=True)
            yield Static(
                f"Sizes in {unit}: plates heaviest first, 20x2 for only two pairs; dumbbells "
                "like 2-30 step 2, 32.5 35. A machine's own stack is set in its editor.",
                id="plates-hint",
            )
            yield Static("", id="dialog-error")
            yield Static(SAVE_HELP, id="dialog-help")

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        self.query_one("#bar", Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        unit = self.inventory.unit
        fields = {str(f.id): f for f in self.query(Input)}
        try:
            field = fields["bar"]
            bar = _number(field.value, "The bar", unit, 100)
            field = fields["plates"]
            plates = Inventory(unit, bar, parse_plates(field.value, unit)).plates_text()
            field = fields["collar"]
            collar = _number(field.value, "A collar", unit, 10)
            field = fields["dumbbells"]
            dumbbells = dumbbells_text(parse_dumbbells(field.value, unit))
            field = fields["stack"]
            stack = _number(field.value, "A stack step", unit, 50)
            if not stack:
                raise InvalidValue(f"A stack step must be more than 0 {unit}, like 5.")
        except InvalidValue as problem:
            field.add_class("-invalid")
            field.focus()
            self.query_one("#dialog-error", Static).update(plain(str(problem)))
            return
        self.dismiss(Kit(unit, bar, plates, collar, dumbbells, stack))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PlatePlanDialog(GymDialog[None]):
    """Every barbell set of today's session with its plates and the change from the set
    before: the loads laid out so the session moves the fewest plates."""

    BINDINGS = [Binding("escape,enter,q,p", "close", "Close")]

    def __init__(self, rows: list[tuple[PlanRow, PlanStep]], unit: Unit) -> None:
        super().__init__()
        self.rows = rows
        self.unit = unit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="plate-plan-dialog"):
            yield Label("Plate plan: per side, inside to outside", id="dialog-title")
            yield DataTable(id="plate-plan", cursor_type="row")
            moves = sum(step.changes for _, step in self.rows)
            yield Static(f"[b]esc[/] close   {moves} plate moves a side in all", id="dialog-help")

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        table: DataTable[object] = self.query_one("#plate-plan", DataTable)
        table.add_columns("Exercise", "Set", "Weight", "Plates a side", "Change")
        previous = None
        for row, step in self.rows:
            first = row.exercise.id != previous
            previous = row.exercise.id
            done = row.logged is not None
            table.add_row(
                plain(row.exercise.name if first else ""),
                row.label,
                format_weight(step.loading.total_kg, self.unit),
                Text(
                    step.loading.plates_text().removesuffix(" a side"), style="dim" if done else ""
                ),
                Text(
                    step.change_text(each_side=False) if step.changes else "",
                    style="dim" if done else "bold",
                ),
            )
        if not self.rows:
            table.add_row("No barbell sets with a weight today", "", "", "", "")
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
