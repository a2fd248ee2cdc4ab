"""Planned blocks (mesocycles): where the lifter is in one, and the deload week's cut to the
plan (`[block]` in the program file). Pure: the dates come in, the plan goes out.

A block is `weeks` calendar weeks of progression and then one deload week; the next block
starts the Monday after it. The first block starts the week of the first leg session at or
after the moment the app first saw the `[block]` table (the palette's "Start a new block" is
another such moment), so an imported history months old starts no block in the past.
"""

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from gymtui.core.models import Block, Exercise, PlannedExercise, ProgramDay
from gymtui.core.plates import Inventory
from gymtui.core.progression import Suggestion, heaviest_loadable
from gymtui.core.values import Unit, format_weight


class BlockWeek(NamedTuple):
    """One week's place in the blocks: the block's number (1, 2, ...) and its week (1 to
    `weeks`; `weeks + 1` is the deload week)."""

    block: Block
    number: int
    week: int

    @property
    def deload(self) -> bool:
        """The deload week, after the weeks of progression."""
        return self.week > self.block.weeks

    def text(self) -> str:
        """`Week 3 of 4`, `Week 4 of 4 · deload next week`, `Deload week (-40 % sets, ...)`."""
        b = self.block
        if self.deload:
            return f"Deload week (-{b.deload_sets_pct} % sets, -{b.deload_load_pct} % load)"
        to_go = b.weeks + 1 - self.week
        after = "deload next week" if to_go == 1 else f"deload in {to_go} weeks"
        return f"Week {self.week} of {b.weeks} · {after}"

    def brief(self) -> str:
        """`Week 3 of 4`, `Deload week`: where a line has no room for more."""
        return "Deload week" if self.deload else f"Week {self.week} of {self.block.weeks}"

    def short(self) -> str:
        """History's cell: `B2 W3`, `B2 deload`."""
        return f"B{self.number} " + ("deload" if self.deload else f"W{self.week}")


def monday(day: date) -> date:
    """The Monday of the week that holds `day`."""
    return day - timedelta(days=day.weekday())


def block_starts(seen: Sequence[datetime], leg_days: Sequence[datetime], today: date) -> list[date]:
    """The Mondays blocks started: for each moment a block was begun (`seen`), the week of
    the first leg day at or after it (local times), else this week; in order, each once."""
    starts: list[date] = []
    for moment in sorted(seen):
        first = next((d for d in sorted(leg_days) if d >= moment), None)
        start = monday(first.astimezone().date() if first else today)
        if start not in starts:
            starts.append(start)
    return sorted(starts)


def week_in_blocks(block: Block, starts: Sequence[date], day: date) -> BlockWeek | None:
    """Where the week holding `day` is in the blocks (None: before the first began). Blocks
    cut short by a new start count as blocks."""
    week = monday(day)
    cycle = block.weeks + 1
    number = 0
    for n, start in enumerate(starts):
        ends = starts[n + 1] if n + 1 < len(starts) else None
        if ends is not None and week >= ends:
            number += math.ceil((ends - start).days / 7 / cycle)
            continue
        if week < start:
            return None
        weeks_in = (week - start).days // 7
        return BlockWeek(block, number + weeks_in // cycle + 1, weeks_in % cycle + 1)
    return None


def _share_off(count: float, pct: int) -> int:
    """`pct` % of `count`, rounded half up (40 % of 4 sets: 2)."""
    return math.floor(count * pct / 100 + 0.5)


def deload_sets(
    planned: PlannedExercise | None, week: BlockWeek | None, program_day: ProgramDay | None
) -> PlannedExercise | None:
    """An entry's sets in a deload week: the block's share of the program's sets fewer
    (rounded, at least one left); a set added or removed today still counts once."""
    if planned is None or week is None or not week.deload:
        return planned
    own = (
        next((p for p in program_day.exercises if p.exercise_id == planned.exercise_id), None)
        if program_day
        else None
    )
    fewer = _share_off(own.sets if own else planned.sets, week.block.deload_sets_pct)
    return planned._replace(sets=max(1, planned.sets - fewer))


def deload_weight(
    suggestion: Suggestion,
    week: BlockWeek | None,
    exercise: Exercise,
    unit: Unit,
    inventory: Inventory | None,
) -> Suggestion:
    """The suggestion in a deload week: the block's share off the load, rounded down to a
    weight the exercise's kit makes (never above the suggestion); the reason says so."""
    if week is None or not week.deload or not suggestion.weight_kg:
        return suggestion
    pct = week.block.deload_load_pct
    was = suggestion.weight_kg
    kg = lighter_by(was, pct, exercise, unit, inventory)
    reason = f"deload week: -{pct} % from {format_weight(was, unit)}"
    cause, _, rest = suggestion.reason.partition(":")
    if "pain" in cause:  # the weight it comes off was already backed off for pain: say so
        swap = rest[rest.index(", or c:") :] if ", or c:" in rest else ""
        reason = f"{reason} (after {cause.removesuffix(' last time')}){swap}"
    return suggestion._replace(weight_kg=kg, reason=reason)


def lighter_by(
    kg: float, pct: float, exercise: Exercise, unit: Unit, inventory: Inventory | None
) -> float:
    """`pct` % off `kg`, rounded down to what the exercise's kit loads; never above `kg`
    (the kit's lightest load, an empty bar, may be over the cut: then `kg` stays)."""
    return min(kg, heaviest_loadable(kg * (1 - pct / 100), exercise, unit, inventory))
