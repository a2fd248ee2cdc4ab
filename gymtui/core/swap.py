"""Swapping an exercise for another: which ones stand in best (the same movement and muscles
first; for a lift done in the rack, those that need no rack), and the weight for a first time,
from the replaced lift's e1RM and a conservative ratio. Pure."""

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from gymtui.core.models import Exercise, LoggedSet, PlannedExercise
from gymtui.core.plates import Inventory
from gymtui.core.progression import heaviest_loadable, recent_best_e1rm
from gymtui.core.strength import weight_for
from gymtui.core.values import Unit, format_e1rm, format_weight

# The movement an exercise trains, from the words of its id or name (first match wins: a
# "calf press" is a calf raise, a "split squat" a lunge, a "back extension" a hinge).
MOVEMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("calf", ("calf",)),
    ("knee curl", ("curl", "nordic", "glute ham")),
    ("lunge", ("lunge", "split", "step up", "step-up")),
    ("hip thrust", ("thrust", "bridge", "kickback")),
    ("hinge", ("deadlift", "good morning", "pull through", "swing", "hyper", "back extension")),
    ("knee extension", ("extension",)),
    ("squat", ("squat", "leg press", "hack", "sled")),
    ("hip", ("abduction", "adduction")),
)
RACK = ("barbell", "safety bar")  # lifts that take a rack (or a platform's bar)
RACK_MOVEMENTS = ("squat", "lunge")  # a deadlift starts from the floor: no rack to wait for
RACK_FREE = ("machine", "smith machine")  # what stands in for them when the rack is taken

# A first time's weight: this share of what the replaced lift's e1RM allows for the reps.
# Conservative on purpose (a leg press moves more than a squat, but a first set is a
# feeler); never above 1, so never above the replaced lift's bound for those reps.
SAME_MOVEMENT_RATIO = {
    "barbell": 0.75,
    "safety bar": 0.75,
    "trap bar": 0.8,
    "smith machine": 0.7,
    "machine": 0.6,
    "sled": 0.5,
    "cable": 0.4,
    "kettlebell": 0.3,
    "dumbbell": 0.3,
    "dumbbells": 0.25,  # per hand
}
OTHER_MOVEMENT_RATIO = 0.4
LOAD_FREE = ("body weight", "bodyweight")  # reps only: no weight is worked out


def movement(exercise: Exercise) -> str:
    """The movement pattern: squat, hinge, lunge, knee curl, calf, ... ("other" when unclear)."""
    words = f"{exercise.id.replace('_', ' ')} {exercise.name.lower()}"
    return next((m for m, keys in MOVEMENTS if any(k in words for k in keys)), "other")


def swap_rank(old: Exercise, new: Exercise) -> tuple[int, ...]:
    """How well `new` stands in for `old` (smaller first): the same movement, the same main
    muscles, rack-free for a lift done in a rack (else the same equipment), both legs or one
    alike, muscles in common."""
    muscles_same = set(old.muscles) == set(new.muscles)
    if old.equipment in RACK and movement(old) in RACK_MOVEMENTS:
        equipment = 0 if new.equipment in RACK_FREE else 1 if new.equipment in RACK else 2
    else:
        equipment = 0 if new.equipment == old.equipment else 1
    return (
        movement(old) != movement(new),
        not muscles_same,
        equipment,
        old.one_legged != new.one_legged,
        -len(set(old.muscles) & set(new.muscles)),
    )


def stand_ins(old: Exercise, catalogue: Iterable[Exercise]) -> list[Exercise]:
    """Every other exercise, best stand-in first (the catalogue's order within a rank)."""
    others = [e for e in catalogue if e.id != old.id]
    return sorted(others, key=lambda e: swap_rank(old, e))  # sorted() is stable


def swap_ratio(old: Exercise, new: Exercise) -> float | None:
    """The share of the replaced lift's strength a first time starts from (None: no load)."""
    if new.equipment in LOAD_FREE:
        return None
    if movement(old) != movement(new):
        return OTHER_MOVEMENT_RATIO
    return SAME_MOVEMENT_RATIO.get(new.equipment, OTHER_MOVEMENT_RATIO)


class FirstTime(NamedTuple):
    """A swapped-in exercise's first weight, and the tip line that says where it came from."""

    weight_kg: float
    reason: str


def first_time(
    old: Exercise,
    new: Exercise,
    old_recent: Sequence[Sequence[LoggedSet]],
    planned: PlannedExercise,
    unit: Unit,
    inventory: Inventory | None,
) -> FirstTime | None:
    """The weight for a first time at `new`, from `old`'s recent best e1RM: what it allows
    for the planned reps, times the ratio, rounded down to a load; None when there is no
    e1RM to go on, or `new` takes no load."""
    ratio = swap_ratio(old, new)
    best = recent_best_e1rm(old_recent)
    if ratio is None or best <= 0:
        return None
    weight = heaviest_loadable(weight_for(best, planned.reps) * ratio, new, unit, inventory)
    if weight <= 0:
        return None
    return FirstTime(
        weight,
        f"first time: from {old.name.lower()} e1RM {format_e1rm(best, unit)} × {ratio:g}: "
        f"{format_weight(weight, unit)}",
    )
