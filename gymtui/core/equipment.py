"""Equipment: what an exercise is loaded with, and the weights that kit can make.

One vocabulary (`EQUIPMENT`): a barbell (its own bar, a trap bar's 25 kg, in `bar_kg`),
dumbbells (a weight per hand, from the user's set), a machine (its stack's steps, with an
optional small plate), body weight, and a few kinds that keep the exercise's own step.
Weights are worked in the user's unit, as the kit is, and given back in kilograms.
"""

import math

from gymtui.core.models import Exercise
from gymtui.core.plates import Inventory, nearest_kg
from gymtui.core.values import (
    KG_PER_LB,
    Unit,
    format_number,
    format_weight,
    loadable_down,
    parse_number,
    to_kg,
)
from gymtui.errors import InvalidValue

EQUIPMENT = (
    "barbell",
    "dumbbells",
    "machine",
    "smith machine",
    "cable",
    "kettlebell",
    "bodyweight",
    "sled",
    "other",
)
# Bars of their own, by the name a lifter gives them: `equipment = "trap bar"` is a barbell
# with a 25 kg bar unless `bar_kg` says otherwise.
BARS_KG = {
    "trap bar": 25.0,
    "hex bar": 25.0,
    "safety bar": 30.0,
    "safety squat bar": 30.0,
    "ez bar": 10.0,
    "ez curl bar": 10.0,
}
_SPELLINGS = {
    "dumbbell": "dumbbells",
    "barbells": "barbell",
    "machines": "machine",
    "body weight": "bodyweight",
    "body": "bodyweight",
    "none": "bodyweight",
    "smith": "smith machine",
    "cables": "cable",
    "kettlebells": "kettlebell",
    # kit with no weights to round to: what it loads is any weight, as "other"
    "band": "other",
    "bands": "other",
    "resistance band": "other",
    "landmine": "other",
    "plate": "other",
    "medicine ball": "other",
}


def equipment_of(text: str) -> tuple[str, float | None]:
    """The vocabulary's word for what a file or a person calls the equipment, and the bar it
    implies (a trap bar is a barbell of 25 kg); an unknown word is refused, naming the list."""
    key = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    if key in EQUIPMENT:
        return key, None
    if key in BARS_KG:
        return "barbell", BARS_KG[key]
    if key in _SPELLINGS:
        return _SPELLINGS[key], None
    raise InvalidValue(
        f"unknown equipment {text!r} (use {', '.join(EQUIPMENT)}; or trap bar, safety bar, "
        "ez bar for a barbell with its own bar)"
    )


# -- the weights an exercise's kit makes ---------------------------------------------


def in_unit(kg: float, unit: Unit) -> float:
    """Kilograms in `unit`, unrounded."""
    return kg if unit == "kg" else kg / KG_PER_LB


def _kit_size(kg: float, unit: Unit, grain: float) -> float:
    """An exercise's size in kg (a bar, a stack step) in the unit: a 25 kg trap bar is 55 lb."""
    if unit == "kg":
        return kg
    return max(grain, round(kg / KG_PER_LB / grain) * grain)


def kit_for(exercise: Exercise, inventory: Inventory) -> Inventory:
    """The user's kit with the exercise's own bar (a trap bar's 25 kg) in place of theirs."""
    if exercise.bar_kg is None or not exercise.uses_bar:
        return inventory
    return inventory._replace(bar=_kit_size(exercise.bar_kg, inventory.unit, 1.0), own_bar=True)


def stack_steps(exercise: Exercise, inventory: Inventory) -> tuple[float, float]:
    """A machine's stack step and small plate in the unit (0: none), the exercise's own or the
    user's setting."""
    unit = inventory.unit
    step = (
        _kit_size(exercise.stack_step_kg, unit, 2.5)
        if exercise.stack_step_kg
        else inventory.stack_step
    )
    small = _kit_size(exercise.small_plate_kg, unit, 1.25) if exercise.small_plate_kg else 0.0
    return step, small if small < step else 0.0


def handled(exercise: Exercise, inventory: Inventory | None, unit: Unit) -> bool:
    """Whether the user's kit says what this exercise can load (else any loadable weight, or
    the exercise's own step, as before there was kit for it)."""
    if inventory is None or inventory.unit != unit:
        return False
    if exercise.uses_bar:
        return True
    if exercise.equipment == "dumbbells":
        return bool(inventory.dumbbells)
    if exercise.equipment == "machine":
        return stack_steps(exercise, inventory)[0] > 0
    return False


def _stack_values(step: float, small: float, near: float) -> list[float]:
    """Stack weights around `near`: each pin from the first, with the small plate or not."""
    base = max(1, math.floor(near / step + 1e-9))
    values: list[float] = []
    for pin in range(max(1, base - 1), base + 3):
        values.append(round(pin * step, 2))
        if small:
            values.append(round(pin * step + small, 2))
    return values


def _choices(exercise: Exercise, inventory: Inventory, value: float) -> list[float]:
    """What the kit makes around `value` (in the unit), for dumbbells and machines."""
    if exercise.equipment == "dumbbells":
        return list(inventory.dumbbells)
    step, small = stack_steps(exercise, inventory)
    return _stack_values(step, small, value)


def fit(kg: float, exercise: Exercise, inventory: Inventory, *, up: bool = False) -> float:
    """The nearest weight the exercise's kit makes, in kg (on a tie, the lighter; `up`: the
    heavier, as a progression that adds weight wants); nothing stays nothing (a body-weight
    set). Call it when `handled`."""
    if kg <= 0:
        return kg
    if exercise.uses_bar:
        return nearest_kg(kg, kit_for(exercise, inventory), up=up)
    unit = inventory.unit
    value = in_unit(kg, unit)
    made = min(
        _choices(exercise, inventory, value),
        key=lambda c: (round(abs(c - value), 6), -c if up else c),
    )
    return kg if abs(made - value) < 1e-6 else to_kg(made, unit)


def fit_down(kg: float, exercise: Exercise, inventory: Inventory) -> float:
    """The heaviest weight at or under `kg` the kit makes; the lightest it makes (the empty
    bar, the lightest dumbbell, the stack's first plate) when `kg` is under it."""
    unit = inventory.unit
    if exercise.uses_bar:
        kit = kit_for(exercise, inventory)
        fitted = loadable_down(kg, unit)
        target = fitted
        for _ in range(200):
            made = nearest_kg(target, kit)
            if made <= fitted + 1e-6:
                return made
            target -= 0.25
            if target <= 0:
                break
        return to_kg(kit.empty, unit)
    value = in_unit(kg, unit) + 1e-6
    choices = sorted(_choices(exercise, inventory, value))
    under = [c for c in choices if c <= value]
    return to_kg(under[-1] if under else choices[0], unit)


def lightest_kg(exercise: Exercise, inventory: Inventory) -> float:
    """The lightest load the kit makes, in kg: the empty bar, the lightest dumbbell, a pin."""
    return fit_down(0.0, exercise, inventory)


def cannot_text(exercise: Exercise) -> str:
    """Why a weight was rounded to the kit: `can't be loaded on your plates`, ..."""
    if exercise.equipment == "dumbbells":
        return "is no dumbbell you have"
    if exercise.equipment == "machine":
        return "is not on the stack"
    return "can't be loaded on your plates"


def load_text(exercise: Exercise, kg: float, inventory: Inventory | None) -> str:
    """How a weight is loaded off a bar: `Dumbbells 22 kg in each hand`, `Stack 45 kg + the
    2.5 kg plate`; empty for a barbell (its plates say it) or a weight of nothing."""
    if inventory is None or kg <= 0:
        return ""
    unit = inventory.unit
    if exercise.equipment == "dumbbells":
        return f"Dumbbells {format_weight(kg, unit)} in each hand"
    if exercise.equipment == "machine":
        step, small = stack_steps(exercise, inventory)
        value = in_unit(kg, unit)
        if small and step and abs(value - small - round((value - small) / step) * step) < 1e-6:
            pin = format_number(round(value - small, 2))
            return f"Stack {pin} {unit} + the {format_number(small)} {unit} plate"
        return f"Stack {format_weight(kg, unit)}"
    return ""


def describe(exercise: Exercise, unit: Unit) -> str:
    """The equipment in a few words: `barbell (25 kg bar)`, `machine (stack 5 kg + 1.25)`."""
    extra = ""
    if exercise.uses_bar and exercise.bar_kg is not None:
        extra = f" ({format_weight(exercise.bar_kg, unit)} bar)"
    elif exercise.equipment == "machine" and exercise.stack_step_kg:
        plate = exercise.small_plate_kg
        small = f" + {format_weight(plate, unit)}" if plate else ""
        extra = f" (stack {format_weight(exercise.stack_step_kg, unit)}{small})"
    return exercise.equipment + extra


# -- an exercise's own kit, as the exercise editor takes it ------------------------------


def parse_kit(
    text: str, equipment: str, unit: Unit
) -> tuple[float | None, float | None, float | None]:
    """An exercise's own kit typed in `unit`, in kg: (bar, stack step, small plate). A barbell
    takes its bar (`25`), a machine its stack step and an optional small plate (`5 + 1.25`);
    empty leaves the user's bar or stack step."""
    words = text.replace("+", " + ").split()
    if not words:
        return None, None, None
    if equipment not in ("barbell", "machine"):
        raise InvalidValue(
            "Only a barbell (its own bar, 25) or a machine (its stack, 5 + 1.25) takes a kit."
        )
    numbers = [w for w in words if w != "+"]
    values: list[float] = []
    for word in numbers:
        value = parse_number(word)
        if value is None or value <= 0:
            raise InvalidValue(f"A bar (25) or a stack (5 + 1.25) in {unit} (got {word!r}).")
        values.append(to_kg(value, unit))
    if equipment == "barbell":
        if len(values) != 1 or not 1 <= values[0] <= 100 + 1e-9:
            raise InvalidValue(
                f"A bar is one weight from 1 to 100 kg, like 25 (got {text.strip()!r})."
            )
        return values[0], None, None
    if len(values) > 2 or (len(values) == 2 and words.count("+") != 1):
        raise InvalidValue(
            f"A stack is its step and a small plate, like 5 + 1.25 (got {text.strip()!r})."
        )
    step = values[0]
    small = values[1] if len(values) == 2 else None
    if step > 50 + 1e-9:
        raise InvalidValue("A stack step must be at most 50 kg.")
    if small is not None and small >= step:
        raise InvalidValue("The small plate must be lighter than the stack step.")
    return None, step, small


def kit_text(exercise: Exercise, unit: Unit) -> str:
    """An exercise's own kit as the editor shows it: `25`, `5 + 1.25`, or empty."""
    if exercise.uses_bar and exercise.bar_kg is not None:
        return format_weight(exercise.bar_kg, unit, with_unit=False)
    if exercise.equipment == "machine" and exercise.stack_step_kg:
        step = format_weight(exercise.stack_step_kg, unit, with_unit=False)
        if exercise.small_plate_kg:
            return f"{step} + {format_weight(exercise.small_plate_kg, unit, with_unit=False)}"
        return step
    return ""
