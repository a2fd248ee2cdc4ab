"""The program file edited as text: every change is made on its TOML document (tomlkit), so
the user's comments, order and layout stay where they were. Pure text in, text out: the
caller checks the result with the same checker as a hand-edited file (program.check_text)
before it is written anywhere."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Null, Table, Whitespace

from gymtui.core.models import Exercise, PlannedExercise
from gymtui.core.program_layout import reordered_days
from gymtui.errors import InvalidValue, ProgramError

# An entry's fields in the order a new one is written (an existing entry keeps its own order).
ENTRY_ORDER = (
    "exercise",
    "sets",
    "reps",
    "seconds",
    "rpe",
    "backoff_pct",
    "progression",
    "deload_after",
    "deload_pct",
    "rest_s",
    "warmup",
    "superset",
)


def planned_fields(planned: PlannedExercise) -> dict[str, Any]:
    """A planned exercise as the fields of a program file's entry, the defaults left out."""
    fields: dict[str, Any] = {"exercise": planned.exercise_id, "sets": planned.sets}
    target = f"{planned.reps}-{planned.reps_top}" if planned.reps_top else planned.reps
    # a hold (`timed`) keeps its seconds in reps and reps_top
    fields["seconds" if planned.timed else "reps"] = target
    for key in ("rpe", "backoff_pct"):
        if getattr(planned, key) is not None:
            fields[key] = getattr(planned, key)
    rule = planned.progression
    if rule.kind != ("double" if planned.reps_top else "default"):
        fields["progression"] = rule.kind
    if rule.deload_after != 3:
        fields["deload_after"] = rule.deload_after
    if rule.deload_pct != 10.0:
        fields["deload_pct"] = rule.deload_pct
    if planned.rest_s is not None:
        fields["rest_s"] = planned.rest_s
    if planned.warmup is not None:
        fields["warmup"] = planned.warmup
    superset = getattr(planned, "superset", None)
    if superset:
        fields["superset"] = superset
    return fields


def exercise_fields(exercise: Exercise) -> dict[str, Any]:
    """An exercise as the fields of a program file's `[exercises.<id>]`, defaults left out."""
    fields: dict[str, Any] = {"name": exercise.name}
    defaults = Exercise(exercise.id, exercise.name)
    for field in ("muscles", "stabilisers", "cues"):
        if getattr(exercise, field):
            fields[field] = list(getattr(exercise, field))
    kit = ("bar_kg", "stack_step_kg", "small_plate_kg")  # its own bar, its stack
    for field in ("equipment", *kit, "one_legged", "increment_kg", "rest_s"):
        if getattr(exercise, field) != getattr(defaults, field):
            fields[field] = getattr(exercise, field)
    return fields


def _inline(fields: Mapping[str, Any]) -> InlineTable:
    """An inline table written as the built-in file writes them: `{ exercise = "x", ... }`."""
    body = ", ".join(f"{key} = {tomlkit.item(value).as_string()}" for key, value in fields.items())
    table = tomlkit.parse(f"entry = {{ {body} }}")["entry"]
    assert isinstance(table, InlineTable)
    return table


def _ordered(fields: Mapping[str, Any]) -> dict[str, Any]:
    known = {key: fields[key] for key in ENTRY_ORDER if key in fields}
    return known | {key: value for key, value in fields.items() if key not in known}


class ProgramText:
    """A program file's TOML, changed in place; `text()` is the file with the changes."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        try:
            self.doc = tomlkit.parse(text)
        except tomlkit.exceptions.ParseError as exc:
            raise ProgramError(f"{source}: not valid TOML: {exc}") from None

    def text(self) -> str:
        """The file's text with every change made so far."""
        for tables in self._tables_lists():
            _spaced(tables)
        return self.doc.as_string().rstrip("\n") + "\n"

    def _tables_lists(self) -> list[AoT]:
        days = self.doc.get("days")
        if not isinstance(days, AoT):
            return []
        nested = [d.get("exercises") for d in days if isinstance(d, Table)]
        return [*(n for n in nested if isinstance(n, AoT)), days]  # the inner ones first

    def _indent(self) -> str:
        """The indent of the file's inline entries (two spaces in the built-in file)."""
        found = re.search(r"\n([ \t]+)\{", self.doc.as_string())
        return found.group(1) if found else "  "

    def _fail(self, problem: str) -> ProgramError:
        return ProgramError(f"{self.source}: {problem}")

    # -- days ------------------------------------------------------------------------

    def _days(self) -> AoT | Array:
        days = self.doc.get("days")
        if not isinstance(days, AoT | Array):
            raise self._fail("'days' is not a list of days: fix the file first")
        return days

    def day_keys(self) -> list[str]:
        """The days' keys in the file's order."""
        return [str(day.get("key", "")) for day in self._days()]

    def _day(self, key: str) -> Table | InlineTable:
        for day in self._days():
            if isinstance(day, Table | InlineTable) and day.get("key") == key:
                return day
        raise self._fail(f"there is no day '{key}'")

    def add_day(
        self, key: str, name: str, focus: str, first: Mapping[str, Any], at: int | None = None
    ) -> None:
        """A new day (a day needs an exercise: `first`), at `at` or after the last one."""
        if key in self.day_keys():
            raise self._fail(f"the key '{key}' is used by another day")
        day = tomlkit.table()
        day["key"] = key
        day["name"] = name
        if focus:
            day["focus"] = focus
        entry = _inline(_ordered(first)).as_string()
        made = tomlkit.parse(f"exercises = [\n{self._indent()}{entry},\n]\n")["exercises"]
        day["exercises"] = made
        days = self._days()
        if at is None or at >= len(days):
            days.append(day)
        else:
            days.insert(max(0, at), day)

    def set_day(self, key: str, *, name: str | None = None, focus: str | None = None) -> None:
        """A day's name and focus line (an empty focus is taken out)."""
        day = self._day(key)
        if name is not None:
            day["name"] = name
        if focus is not None:
            if focus:
                day["focus"] = focus
            elif "focus" in day:
                del day["focus"]

    def remove_day(self, key: str) -> None:
        """Take a day out (the last one cannot go: a program has at least one day)."""
        keys = self.day_keys()
        if key not in keys:
            raise self._fail(f"there is no day '{key}'")
        if len(keys) == 1:
            raise self._fail("a program needs at least one day: add another before removing this")
        gone = keys.index(key)
        if not self._reorder_days([i for i in range(len(keys)) if i != gone]):
            del self._days()[gone]

    def move_day(self, key: str, to_index: int) -> None:
        """Put a day at `to_index` of the rotation."""
        keys = self.day_keys()
        if key not in keys:
            raise self._fail(f"there is no day '{key}'")
        order = list(range(len(keys)))
        order.insert(max(0, min(to_index, len(keys) - 1)), order.pop(keys.index(key)))
        if not self._reorder_days(order):
            _move(self._days(), keys.index(key), to_index)

    def _reorder_days(self, order: list[int]) -> bool:
        """Whole days moved as text, each with the comment lines above it (False: the file's
        layout is not one this does safely, and nothing changed)."""
        made = reordered_days(self.doc.as_string(), order)
        if made is None:
            return False
        self.doc = tomlkit.parse(made)
        return True

    # -- a day's exercises -------------------------------------------------------------

    def _entries(self, key: str) -> AoT | Array:
        entries = self._day(key).get("exercises")
        if not isinstance(entries, AoT | Array):
            raise self._fail(f"day '{key}' has no list of exercises: fix the file first")
        return entries

    def entry_ids(self, key: str) -> list[str]:
        """The exercise ids of a day's entries, in order."""
        return [str(e.get("exercise", "")) if hasattr(e, "get") else "" for e in self._entries(key)]

    def index_of(self, key: str, exercise_id: str) -> int:
        """Where an exercise is in a day (its first entry)."""
        ids = self.entry_ids(key)
        if exercise_id not in ids:
            raise self._fail(f"day '{key}' has no exercise '{exercise_id}'")
        return ids.index(exercise_id)

    def add_entry(self, key: str, fields: Mapping[str, Any], at: int | None = None) -> None:
        """A new entry in a day, at `at` (None: last)."""
        entries = self._entries(key)
        at = len(entries) if at is None else max(0, min(at, len(entries)))
        if isinstance(entries, AoT):
            table = tomlkit.table()
            table.update(_ordered(fields))
            if at == len(entries):
                entries.append(table)
            else:
                entries.insert(at, table)
        else:
            entries.insert(at, _inline(_ordered(fields)))

    def remove_entry(self, key: str, index: int) -> None:
        """Take an entry out of a day (a day keeps at least one: remove the day instead)."""
        entries = self._entries(key)
        if len(entries) == 1:
            raise self._fail(
                f"day '{key}' needs at least one exercise: remove the day instead, or add "
                "another exercise first"
            )
        del entries[index]

    def move_entry(self, key: str, index: int, to_index: int) -> None:
        """Put a day's entry at `to_index`."""
        moved = _move(self._entries(key), index, to_index)
        if moved is not self._entries(key):
            self._day(key)["exercises"] = moved

    def set_entry(self, key: str, index: int, changes: Mapping[str, Any]) -> None:
        """Change an entry's fields; a field given as None is taken out. The entry keeps its
        place, its fields' order and the comment on its line."""
        entries = self._entries(key)
        entry = entries[index]
        fields = {k: v for k, v in dict(entry).items() if changes.get(k, v) is not None}
        for field, value in changes.items():
            if value is not None:
                fields[field] = value
        if isinstance(entries, AoT):
            assert isinstance(entry, Table)
            for field in [f for f in entry if f not in fields]:
                del entry[field]
            for field, value in fields.items():
                if entry.get(field) != value or field not in entry:
                    entry[field] = value
        else:
            entries[index] = _inline(
                {k: fields[k] for k in entry if k in fields}
                | {k: v for k, v in _ordered(fields).items() if k not in entry}
            )

    def used_ids(self) -> set[str]:
        """Every exercise id the days use."""
        return {ex_id for key in self.day_keys() for ex_id in self.entry_ids(key)}

    def defined_ids(self) -> set[str]:
        """The ids the file's own `[exercises]` define."""
        table = self.doc.get("exercises")
        return set(table) if isinstance(table, Table | InlineTable) else set()

    def define_exercise(self, exercise: Exercise) -> None:
        """`[exercises.<id>]`: an exercise the built-in catalogue lacks (one of the user's own,
        made in the app), written out so that the file says what it is."""
        table = self.doc.get("exercises")
        if not isinstance(table, Table):
            self.doc["exercises"] = tomlkit.table(is_super_table=True)
            table = self.doc["exercises"]
            assert isinstance(table, Table)
        body = tomlkit.table()
        body.update(exercise_fields(exercise))
        table[exercise.id] = body

    # -- the rest of the file ----------------------------------------------------------

    def set_top(self, field: str, value: Any) -> None:
        """A top-level field (`goal_per_week`, `name`, ...); None takes it out."""
        if value is None:
            if field in self.doc:
                del self.doc[field]
            return
        if field in self.doc:
            self.doc[field] = value
            return
        # a new top-level key goes before the first table (where TOML needs it), above the
        # blank lines that set that table off
        body = self.doc.body
        at = next(
            (i for i, (k, v) in enumerate(body) if k is not None and isinstance(v, Table | AoT)),
            len(body),
        )
        while at > 0 and body[at - 1][0] is None and isinstance(body[at - 1][1], Whitespace):
            at -= 1
        body.insert(at, (tomlkit.key(field), tomlkit.item(value)))
        self.doc = tomlkit.parse(self.doc.as_string())  # its own index, as if read afresh

    def set_warmup(self, applies_to: str, steps: list[str] | None) -> None:
        """`[warmup]`: which exercises get a ramp, and its steps (None: the built-in steps)."""
        table = self.doc.get("warmup")
        if not isinstance(table, Table):
            self.doc["warmup"] = tomlkit.table()
            table = self.doc["warmup"]
            assert isinstance(table, Table)
            table.trivia.indent = ""  # text() puts a blank line before it
        table["exercises"] = applies_to
        if steps is None:
            if "steps" in table:
                del table["steps"]
        else:
            table["steps"] = steps


def _spaced(tables: AoT) -> None:
    """A blank line after each table of a list of tables, as a person writes them (a table
    moved or added last had none)."""
    for table in tables:
        written = table.as_string()
        last = written.rstrip("\n").rsplit("\n", 1)[-1]
        if last.lstrip().startswith("#"):  # a comment on the next table: it stays with it
            continue
        for _ in range(2 - (len(written) - len(written.rstrip("\n")))):
            table.add(tomlkit.nl())


def _move(items: AoT | Array, index: int, to_index: int) -> AoT | Array:
    """One item of a list moved; the list to put in the list's place. A table of a list of
    tables takes its comments along; an inline item takes the comment on its line and the
    comment lines just above it (the file's other lines stay as they were)."""
    values = list(items)
    if not 0 <= index < len(values):
        raise ProgramError(f"there is no item {index + 1} to move")
    to_index = max(0, min(to_index, len(values) - 1))
    order = list(range(len(values)))
    order.insert(to_index, order.pop(index))
    if to_index == index:
        return items
    if isinstance(items, AoT):
        for place, source in enumerate(order):
            items[place] = values[source]
        return items
    # Private names of tomlkit: an Array keeps each value in a group with its indent, comma
    # and the comment on its line (_value, _multiline). tests/test_program_edit.py fails
    # if that changes (a moved entry must take its comments along).
    blocks: list[list[Any]] = []
    pending: list[Any] = []
    for group in items._value:
        pending.append(group)
        if group.value is not None and not isinstance(group.value, Null):
            if group.comma is None:  # the last value may have none: it may not stay last
                group.comma = Whitespace(",")
            blocks.append(pending)
            pending = []
    flat = [part for i in order for group in blocks[i] for part in group]
    flat += [part for group in pending for part in group]
    return Array(flat, items.trivia, multiline=items._multiline)


_TARGET = re.compile(r"^\s*(\d{1,4})(?:\s*-\s*(\d{1,4}))?\s*(s|sec|secs|seconds)?\s*$", re.I)


def parse_target(text: str) -> dict[str, Any]:
    """What a set asks for, as typed in the program editor: `8` reps, a range `10-12`, or a
    hold in seconds `45s` (`30-45s`). The fields to write (the other one taken out: None)."""
    match = _TARGET.match(text)
    if match is None:
        raise InvalidValue(
            f"Reps look like 8 or 10-12, a hold like 45s or 30-45s (got {text.strip()!r})."
        )
    low, top, seconds = match.groups()
    value: int | str = f"{int(low)}-{int(top)}" if top else int(low)
    if seconds:
        return {"seconds": value, "reps": None}
    return {"reps": value, "seconds": None}


def target_text(planned: PlannedExercise) -> str:
    """A planned exercise's target as the editor shows it: `6`, `10-12`, `45s`."""
    target = f"{planned.reps}-{planned.reps_top}" if planned.reps_top else str(planned.reps)
    return f"{target}s" if planned.timed else target


def parse_count(text: str, what: str) -> int | None:
    """A whole number typed in the editor (blank: the default, None)."""
    if not text.strip():
        return None
    if not text.strip().isdigit():
        raise InvalidValue(f"{what} must be a whole number (got {text.strip()!r}).")
    return int(text)


def parse_share(text: str, what: str) -> float | None:
    """A number typed in the editor, like 10 or 7.5 (blank: the default, None)."""
    if not text.strip():
        return None
    try:
        value = float(text.strip().rstrip("%"))
    except ValueError:
        raise InvalidValue(f"{what} must be a number (got {text.strip()!r}).") from None
    return int(value) if value.is_integer() else value
