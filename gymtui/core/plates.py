"""Plates per side: what goes on the bar for a weight, from the user's bar and plates.

Plates are counted in pairs (one on each side). A load is read inside to outside, heaviest
first, as a lifter slides them on. Sums are worked in whole steps of the plates' greatest
common divisor, so 1.25 kg and 2.5 lb plates never meet a float rounding error.
"""

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from gymtui.core.values import KG_PER_LB, Unit, format_number, to_kg
from gymtui.errors import InvalidValue

DEFAULT_BAR = {"kg": 20.0, "lb": 45.0}
DEFAULT_PLATES = {"kg": "25 20 15 10 5 2.5 1.25", "lb": "45 35 25 10 5 2.5"}
DEFAULT_DUMBBELLS = {"kg": "2-50 step 2", "lb": "5-100 step 5"}
# A machine's stack step when it names none: 2.5 kg, so that the catalogue's 2.5 kg steps are
# made (a 5 kg stack with its 2.5 kg add-on plate); set it to your gym's in "Bar and plates".
DEFAULT_STACK = {"kg": 2.5, "lb": 5.0}
MAX_DUMBBELLS = 200  # sizes in a set: a rack of them, not a typo's million
MAX_PAIRS = 20  # "plenty": more pairs than any bar holds
NEAR_STEPS = 40  # how far from a weight to look for a loadable one, in plate steps

_PLATE = re.compile(r"^(\d{1,3}(?:[.,]\d{1,3})?)(?:\s*[x×*]\s*(\d{1,2}))?$")


class Inventory(NamedTuple):
    """The user's kit, in their unit: the bar and plates (`pairs` None means as many as
    needed), the dumbbells and a machine's usual stack step (core/equipment.py uses those)."""

    unit: Unit
    bar: float
    plates: tuple[tuple[float, int | None], ...]  # (size, pairs available), heaviest first
    collar: float = 0.0  # each collar, in the unit; 0 when none are used
    dumbbells: tuple[float, ...] = ()  # a weight per hand, lightest first; () unknown
    stack_step: float = 0.0  # a machine's stack step when it names none; 0 unknown
    own_bar: bool = False  # the bar is the exercise's own (a trap bar), not the user's

    @property
    def empty(self) -> float:
        """The bar with its collars, in the unit: the lightest load."""
        return self.bar + 2 * self.collar

    def plates_text(self) -> str:
        """`25 20 15 10 5 2.5 1.25`, with `x2` after a size there are only two pairs of."""
        return " ".join(
            format_number(size) + (f"x{pairs}" if pairs is not None else "")
            for size, pairs in self.plates
        )


def parse_plates(text: str, unit: Unit) -> tuple[tuple[float, int | None], ...]:
    """Plate sizes as typed: `25 20 15 10 5 2.5 1.25`, or `20x2` for two pairs of 20."""
    sizes: dict[float, int | None] = {}
    for word in re.split(r"[\s;]+", text.replace(", ", " ").strip().rstrip(",")):
        if not word:
            continue
        match = _PLATE.match(word)
        if match is None:
            raise InvalidValue(
                f"Plates must be sizes in {unit} like 25 20 10 5 2.5, with 20x2 for two pairs "
                f"(got {word!r})."
            )
        size = float(match.group(1).replace(",", "."))
        pairs = int(match.group(2)) if match.group(2) else None
        if not 0 < size <= 100:
            raise InvalidValue(f"A plate must weigh more than 0 and at most 100 {unit}.")
        if pairs == 0:
            raise InvalidValue(f"{word}: leave out a plate you have none of.")
        if size in sizes:
            raise InvalidValue(f"The {format_number(size)} {unit} plate is listed twice.")
        sizes[size] = pairs
    if not sizes:
        raise InvalidValue(f"List at least one plate size in {unit}, like 20 10 5 2.5.")
    return tuple(sorted(sizes.items(), key=lambda p: -p[0]))


def default_inventory(unit: Unit) -> Inventory:
    """A standard bar, a full set of plates, a rack of dumbbells and 2.5 kg (5 lb) stack steps."""
    return Inventory(
        unit,
        DEFAULT_BAR[unit],
        parse_plates(DEFAULT_PLATES[unit], unit),
        dumbbells=parse_dumbbells(DEFAULT_DUMBBELLS[unit], unit),
        stack_step=DEFAULT_STACK[unit],
    )


# -- the user's dumbbells ---------------------------------------------------------------


def parse_dumbbells(text: str, unit: Unit) -> tuple[float, ...]:
    """The dumbbells you have, a weight per hand in `unit`, lightest first: sizes and runs,
    as `2-30 step 2, 32.5 35 40` (a run without `step` goes up 1 at a time)."""
    words = text.replace(", ", " ").replace(";", " ").strip().rstrip(",").lower().split()
    sizes: set[float] = set()
    example = "like 2-30 step 2, 32.5 35 40"
    i = 0
    while i < len(words):
        word = words[i]
        low_text, dash, high_text = word.partition("-")
        step = 1.0
        if dash:
            if i + 2 < len(words) and words[i + 1] == "step":
                step = _size(words[i + 2], unit, example, what="A step")
                i += 2
            low = _size(low_text, unit, example)
            high = _size(high_text, unit, example)
            if high < low:
                raise InvalidValue(f"{word}: a run of dumbbells goes from light to heavy.")
            count = math.floor((high - low) / step + 1e-9) + 1
            if len(sizes) + count > MAX_DUMBBELLS:
                raise InvalidValue(f"At most {MAX_DUMBBELLS} dumbbell sizes ({word} makes more).")
            sizes.update(round(low + n * step, 2) for n in range(count))
        elif word == "step":
            raise InvalidValue(f"'step' goes after a run, {example}.")
        else:
            sizes.add(_size(word, unit, example))
        i += 1
    if not sizes:
        raise InvalidValue(f"List the dumbbells you have in {unit}, {example}.")
    return tuple(sorted(sizes))


def _size(word: str, unit: Unit, example: str, what: str = "A dumbbell") -> float:
    try:
        value = float(word.replace(",", "."))
    except ValueError:
        raise InvalidValue(
            f"Dumbbells must be weights per hand in {unit}, {example} (got {word!r})."
        ) from None
    if not 0 < value <= 100 or not math.isfinite(value):
        raise InvalidValue(f"{what} must weigh more than 0 and at most 100 {unit} (got {word}).")
    return round(value, 2)


def dumbbells_text(sizes: tuple[float, ...]) -> str:
    """Sizes as the setting keeps them: runs of three or more with one step written `2-30
    step 2`, the rest one by one."""
    parts: list[str] = []
    i = 0
    while i < len(sizes):
        j = i + 1
        step = round(sizes[j] - sizes[i], 2) if j < len(sizes) else 0.0
        while j + 1 < len(sizes) and abs(round(sizes[j + 1] - sizes[j], 2) - step) < 1e-9:
            j += 1
        if j - i >= 2:
            run = f"{format_number(sizes[i])}-{format_number(sizes[j])}"
            parts.append(run if step == 1 else f"{run} step {format_number(step)}")
            i = j + 1
        else:
            parts.append(format_number(sizes[i]))
            i += 1
    return ", ".join(parts)


class Loading(NamedTuple):
    """A weight on the bar: the plates per side (heaviest first) and what they make."""

    inventory: Inventory
    target_kg: float
    per_side: tuple[float, ...]  # plate sizes in the unit, inside to outside

    @property
    def total(self) -> float:
        """What the loaded bar weighs, in the unit."""
        return self.inventory.empty + 2 * sum(self.per_side)

    @property
    def total_kg(self) -> float:
        """What the loaded bar weighs, in kilograms."""
        return to_kg(self.total, self.inventory.unit)

    @property
    def exact(self) -> bool:
        """The plates make the weight asked for (to a hundredth of the unit)."""
        target = _in_unit(self.target_kg, self.inventory.unit)
        return abs(self.total - target) < 0.01

    def plates_text(self) -> str:
        """`25 + 15 a side`, `3x20 + 2.5 a side` (times sign), or `empty bar`."""
        if not self.per_side:
            return "empty bar" if not self.inventory.collar else "bar and collars"
        groups: list[str] = []
        for size in dict.fromkeys(self.per_side):
            n = self.per_side.count(size)
            plate = format_number(size)
            groups.append(f"{n}×{plate}" if n >= 3 else " + ".join([plate] * n))
        return " + ".join(groups) + " a side"

    def text(self) -> str:
        """`100 kg: 25 + 15 a side` (`... on the 25 kg bar` for an exercise's own bar); a
        weight the plates can't make says what they make."""
        unit = self.inventory.unit
        made = f"{format_number(self.total)} {unit}"
        if self.exact:
            bar = f" on the {format_number(self.inventory.bar)} {unit} bar"
            own = self.inventory.own_bar and self.per_side
            return f"{made}: {self.plates_text()}{bar if own else ''}"
        wanted = f"{format_number(round(_in_unit(self.target_kg, unit), 2))} {unit}"
        if self.total_kg > self.target_kg and not self.per_side:
            return f"{wanted} is lighter than the {made} bar"
        return f"{wanted} can't be loaded: {made} is {self.plates_text()}"


def _in_unit(kg: float, unit: Unit) -> float:
    return kg if unit == "kg" else kg / KG_PER_LB


def _step(inventory: Inventory) -> tuple[int, tuple[tuple[int, int], ...]]:
    """The plates in hundredths of the unit divided by their common step, and that step."""
    hundredths = [round(size * 100) for size, _ in inventory.plates]
    step = math.gcd(*hundredths)
    plates = tuple(
        (h // step, MAX_PAIRS if pairs is None else pairs)
        for h, (_, pairs) in zip(hundredths, inventory.plates, strict=True)
    )
    return step, plates


@lru_cache(maxsize=4096)
def _fewest(plates: tuple[tuple[int, int], ...], steps: int) -> tuple[int, ...] | None:
    """The fewest plates (in steps, heaviest first) that make `steps` a side, or None."""
    if steps == 0:
        return ()
    if not plates:
        return None
    (size, pairs), rest = plates[0], plates[1:]
    best: tuple[int, ...] | None = None
    for n in range(min(pairs, steps // size), -1, -1):
        tail = _fewest(rest, steps - n * size)
        if tail is not None and (best is None or n + len(tail) < len(best)):
            best = (size,) * n + tail
    return best


def load(kg: float, inventory: Inventory, *, up: bool = False) -> Loading:
    """The plates for a weight, or for the nearest weight they can make (`up`: on a tie, the
    heavier one, which is what a progression that adds weight wants)."""
    step, plates = _step(inventory)
    unit = inventory.unit
    side = (_in_unit(kg, unit) - inventory.empty) / 2 * 100 / step
    if side <= 0:
        return Loading(inventory, kg, ())
    low = math.floor(side + 1e-9)
    candidates: list[tuple[float, int, tuple[int, ...]]] = []
    for distance in range(NEAR_STEPS + 1):
        for steps in {low - distance, low + 1 + distance}:
            if steps < 0:
                continue
            found = _fewest(plates, steps)
            if found is not None:
                gap = abs(steps - side)
                candidates.append((round(gap, 6), -steps if up else steps, found))
        if candidates:
            break
    if not candidates:
        return Loading(inventory, kg, ())
    *_, found = min(candidates)
    return Loading(inventory, kg, tuple(round(s * step / 100, 2) for s in found))


def nearest_kg(kg: float, inventory: Inventory, *, up: bool = False) -> float:
    """The nearest weight the bar and plates can make, in kilograms (kg itself when exact)."""
    loading = load(kg, inventory, up=up)
    return kg if loading.exact else loading.total_kg


def simple_kg(kg: float, inventory: Inventory, tolerance: float = 0.05) -> float:
    """A weight near `kg` (within `tolerance` of it) that takes the fewest plates, nearest
    first: a warm-up at 50 kg (one 15 a side) beats 47.5 kg (10 + 2.5 + 1.25) for 48 kg."""
    step, plates = _step(inventory)
    unit = inventory.unit
    wanted = _in_unit(kg, unit)
    low = math.ceil((wanted * (1 - tolerance) - inventory.empty) / 2 * 100 / step - 1e-9)
    high = math.floor((wanted * (1 + tolerance) - inventory.empty) / 2 * 100 / step + 1e-9)
    best: tuple[int, float, float] | None = None
    for steps in range(max(low, 0), high + 1):
        found = _fewest(plates, steps)
        if found is None:
            continue
        total = inventory.empty + 2 * steps * step / 100
        candidate = (len(found), round(abs(total - wanted), 6), total)
        if best is None or candidate < best:
            best = candidate
    return to_kg(best[2], unit) if best is not None else nearest_kg(kg, inventory)


# -- a session's plate plan ----------------------------------------------------------


class PlanStep(NamedTuple):
    """One set's load in a plate plan, and the change from the load before it."""

    loading: Loading
    removed: tuple[float, ...]  # plates taken off each side, outermost first
    added: tuple[float, ...]  # plates put on each side, inside to outside

    @property
    def changes(self) -> int:
        """Plates moved on one side."""
        return len(self.removed) + len(self.added)

    def change_text(self, *, each_side: bool = True) -> str:
        """`+2.5 each side`, `-5 +2.5 each side`, `no change`."""
        if not self.removed and not self.added:
            return "no change"
        off = " ".join(f"-{format_number(p)}" for p in self.removed)
        on = " ".join(f"+{format_number(p)}" for p in self.added)
        return " ".join(part for part in (off, on) if part) + (" each side" if each_side else "")


EXTRA_PLATE_COST = 2  # a plate more than the fewest costs two moves: stacks of 15s lose


LAYOUTS = 48  # ways to load one weight that a plan weighs: the heaviest-first ones


@lru_cache(maxsize=1024)
def _layouts(
    plates: tuple[tuple[int, int], ...], steps: int, most: int
) -> tuple[tuple[int, ...], ...]:
    """Ways to make `steps` a side with at most `most` plates, heaviest inside (the first
    LAYOUTS of them, heaviest plates first: a kit of many small plates has thousands)."""
    if steps == 0:
        return ((),)
    if not plates or most == 0 or steps > most * plates[0][0]:
        return ()
    (size, pairs), rest = plates[0], plates[1:]
    found: list[tuple[int, ...]] = []
    for n in range(min(pairs, steps // size, most), -1, -1):
        for tail in _layouts(rest, steps - n * size, most - n):
            found.append((size,) * n + tail)
            if len(found) == LAYOUTS:
                return tuple(found)
    return tuple(found)


def _moves(before: tuple[int, ...], after: tuple[int, ...]) -> int:
    keep = 0
    while keep < min(len(before), len(after)) and before[keep] == after[keep]:
        keep += 1
    return len(before) - keep + len(after) - keep


def plate_plan(weights_kg: Sequence[float], inventory: Inventory) -> tuple[PlanStep, ...]:
    """The plate plan for a run of loads (see `_plate_plan`), kept: Today redraws often."""
    return _plate_plan(tuple(weights_kg), inventory)


@lru_cache(maxsize=256)
def _plate_plan(weights_kg: tuple[float, ...], inventory: Inventory) -> tuple[PlanStep, ...]:
    """Loads for a run of sets on one bar, laid out so the whole run moves the fewest plates
    (a plate more than a load needs counts against it): the warm-ups build toward the working
    weight, and a plate that stays on for the next set is never taken off and put back."""
    step, plates = _step(inventory)
    loadings = [load(kg, inventory) for kg in weights_kg]
    options: list[list[tuple[int, ...]]] = []
    for loading in loadings:
        steps = round(sum(loading.per_side) * 100 / step)
        fewest = _fewest(plates, steps) or ()
        options.append(list(_layouts(plates, steps, len(fewest) + 1)) or [fewest])
    # cost[i][j]: the cheapest run up to load i ending in its layout j, and where it came from
    cost: list[list[tuple[int, int]]] = []
    for i, layouts in enumerate(options):
        least = min(len(layout) for layout in layouts)
        row: list[tuple[int, int]] = []
        for layout in layouts:
            extra = EXTRA_PLATE_COST * (len(layout) - least)
            if i == 0:
                row.append((len(layout) + extra, -1))
                continue
            row.append(
                min(
                    (cost[i - 1][k][0] + _moves(before, layout) + extra, k)
                    for k, before in enumerate(options[i - 1])
                )
            )
        cost.append(row)
    chosen: list[tuple[int, ...]] = []
    j = min(range(len(cost[-1])), key=lambda k: cost[-1][k][0]) if cost else -1
    for i in range(len(options) - 1, -1, -1):
        chosen.append(options[i][j])
        j = cost[i][j][1]
    chosen.reverse()
    steps_out: list[PlanStep] = []
    on_bar: tuple[int, ...] = ()
    for kg, layout in zip(weights_kg, chosen, strict=True):
        keep = 0
        while keep < min(len(on_bar), len(layout)) and on_bar[keep] == layout[keep]:
            keep += 1

        def sizes(part: tuple[int, ...]) -> tuple[float, ...]:
            return tuple(round(p * step / 100, 2) for p in part)

        steps_out.append(
            PlanStep(
                Loading(inventory, kg, sizes(layout)),
                sizes(tuple(reversed(on_bar[keep:]))),
                sizes(layout[keep:]),
            )
        )
        on_bar = layout
    return tuple(steps_out)
