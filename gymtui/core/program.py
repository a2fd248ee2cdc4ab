"""Loading the exercise catalogue and the program from TOML, with errors a user can act on."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any, Literal, cast

from gymtui.core.effort import effort_problem
from gymtui.core.equipment import equipment_of
from gymtui.core.exercises import MAX_NAME, same_name, synergist_problem, tidy_name
from gymtui.core.lines import Lines
from gymtui.core.models import (
    MUSCLES,
    STABILISERS,
    Block,
    Exercise,
    PlannedExercise,
    Program,
    ProgramDay,
    Progression,
    ProgressionKind,
    RampStep,
    WarmupScheme,
)
from gymtui.core.supersets import MAX_LABEL, MAX_SUPERSET, superset_runs
from gymtui.core.values import count
from gymtui.data import read_data
from gymtui.errors import InvalidValue, ProgramError

BUILT_IN = "built-in"


BUILTIN_FILES = ("exercises.toml", "program.toml")
MAX_SETS = 20  # a day's exercise: the most sets it plans (today's edits too)
MAX_FOCUS = 120  # a day's focus line ("Quads and glutes")
BUILTIN_JSON = "builtin.json"


def builtin_from_toml() -> dict[str, dict[str, Any]]:
    """The built-in catalogue and program files parsed: what data/builtin.json holds."""
    import tomllib

    return {name: tomllib.loads(read_data(name)) for name in BUILTIN_FILES}


def _read_builtin(name: str) -> dict[str, Any]:
    """A built-in TOML file's data. The TOML files are the source (a user copies
    program.toml to start their own); builtin.json is them parsed, written by
    scripts/builtin_json.py and checked by a test, so that a start reads JSON, which is
    loaded anyway, instead of loading a TOML parser at every start (benchmarks/startup.py)."""
    data: dict[str, Any] = json.loads(read_data(BUILTIN_JSON))[name]
    return data


class _Checker:
    """Reads typed fields out of TOML tables, naming file, line (when the text is known) and
    entry in every error."""

    def __init__(self, source: str, text: str | None = None) -> None:
        self.source = source
        self.lines = Lines(text) if text is not None else None

    def fail(self, entry: str, problem: str, key: str | None = "") -> ProgramError:
        """The error, with the line of the `key` at fault or else of its entry ("" for the
        entry itself)."""
        line = self.lines.find(entry, key) if self.lines is not None and key is not None else None
        where = f"{self.source}, line {line}" if line else self.source
        return ProgramError(f"{where}: {entry}: {problem}")

    def name(
        self,
        table: dict[str, Any],
        key: str,
        entry: str,
        default: str | None = None,
        top: int = MAX_NAME,
    ) -> str:
        """A name a person reads (an exercise's, a day's): tidied (no control characters),
        1 to 60 characters like the exercise editor's; an empty default may stay empty."""
        raw: str = self.get(table, key, str, entry, ... if default is None else default)
        name = tidy_name(raw)
        if not name and default != "":
            raise self.fail(entry, f"'{key}' is empty", key)
        if len(name) > top:
            raise self.fail(
                entry, f"'{key}' must be at most {top} characters (it has {len(name)})", key
            )
        return name

    def get(
        self, table: dict[str, Any], key: str, kind: type, entry: str, default: Any = ...
    ) -> Any:
        if key not in table:
            if default is ...:
                raise self.fail(entry, f"'{key}' is missing")
            return default
        value = table[key]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if not ok:
            raise self.fail(entry, f"'{key}' must be {_describe(kind)}, not {value!r}", key)
        return value

    def positive_int(self, table: dict[str, Any], key: str, entry: str, top: int) -> int:
        value: int = self.get(table, key, int, entry)
        if not 1 <= value <= top:
            raise self.fail(entry, f"'{key}' must be from 1 to {top}, not {value}", key)
        return value


def _describe(kind: type) -> str:
    return {int: "a whole number", float: "a number", str: "text", bool: "true or false"}.get(
        kind, "a list"
    )


def parse_exercises(
    table: dict[str, Any], source: str, text: str | None = None
) -> dict[str, Exercise]:
    """Turn `[exercise_id]` tables into exercises (`text`, the file's, gives errors lines)."""
    check = _Checker(source, text)
    known = set(MUSCLES) | set(STABILISERS)
    exercises: dict[str, Exercise] = {}
    for ex_id, body in table.items():
        entry = f"exercise '{ex_id}'"
        if not ex_id.strip() or len(ex_id) > MAX_NAME or ex_id != tidy_name(ex_id):
            raise check.fail(
                entry,
                f"the id must be 1 to {MAX_NAME} characters, without control characters or "
                "doubled spaces (like my_squat)",
                "",
            )
        if not isinstance(body, dict):
            raise check.fail(entry, "must be a table of fields")
        muscles = tuple(check.get(body, "muscles", list, entry, []))
        stabilisers = tuple(check.get(body, "stabilisers", list, entry, []))
        synergists = tuple(check.get(body, "synergists", list, entry, []))
        for muscle in (*muscles, *stabilisers):
            if muscle not in known:
                raise check.fail(
                    entry, f"unknown muscle {muscle!r} (use {', '.join(sorted(known))})"
                )
        for muscle in synergists:
            if muscle not in MUSCLES or muscle in muscles:
                raise check.fail(entry, synergist_problem(muscle, muscles), "synergists")
        cues = tuple(str(c) for c in check.get(body, "cues", list, entry, []))
        increment = check.get(body, "increment_kg", float, entry, 2.5)
        if not 0 <= increment <= 50:
            raise check.fail(entry, f"'increment_kg' must be from 0 to 50, not {increment}")
        exercises[ex_id] = Exercise(
            id=ex_id,
            name=check.name(body, "name", entry),
            muscles=muscles,
            stabilisers=stabilisers,
            one_legged=check.get(body, "one_legged", bool, entry, False),
            increment_kg=increment,
            rest_s=check.positive_int(body, "rest_s", entry, 3600) if "rest_s" in body else 90,
            cues=cues,
            **_equipment(check, body, entry),
            timed=check.get(body, "timed", bool, entry, False),
            synergists=synergists,
        )
    return exercises


# An exercise's own kit: (field, lightest, heaviest), in kg
_KIT_FIELDS = (("bar_kg", 1.0, 100.0), ("stack_step_kg", 0.5, 50.0), ("small_plate_kg", 0.25, 10.0))


def _equipment(check: _Checker, body: dict[str, Any], entry: str) -> dict[str, Any]:
    """An exercise's equipment in the one vocabulary (a "trap bar" is a barbell with a 25 kg
    bar) and its own kit: `bar_kg` for a barbell, `stack_step_kg`, `small_plate_kg` for a
    machine."""
    try:
        kind, bar = equipment_of(check.get(body, "equipment", str, entry, "other"))
    except InvalidValue as problem:
        raise check.fail(entry, str(problem), "equipment") from None
    fields: dict[str, Any] = {"equipment": kind, "bar_kg": bar}
    for key, low, high in _KIT_FIELDS:
        if key not in body:
            continue
        value = check.get(body, key, float, entry)
        if not low <= value <= high:
            raise check.fail(entry, f"'{key}' must be from {low:g} to {high:g}, not {value:g}", key)
        wants = "barbell" if key == "bar_kg" else "machine"
        if kind != wants:
            raise check.fail(entry, f"'{key}' is for a {wants}, and this is {kind}", key)
        fields[key] = value
    return fields


def builtin_catalogue() -> dict[str, Exercise]:
    """The exercises gymtui knows out of the box."""
    return parse_exercises(_read_builtin("exercises.toml"), BUILT_IN)


def parse_program(data: dict[str, Any], source: str, text: str | None = None) -> Program:
    """Build a program from parsed TOML; its own `[exercises]` extend the catalogue (or
    replace a built-in one of the same id). `text`, the file's, lets errors name lines."""
    check = _Checker(source, text)
    catalogue = builtin_catalogue()
    extra = check.get(data, "exercises", dict, "top level", {})
    own = parse_exercises(extra, source, text)
    taken = {same_name(ex.name): ex for ex_id, ex in catalogue.items() if ex_id not in own}
    for ex_id, exercise in own.items():
        other = taken.setdefault(same_name(exercise.name), exercise)
        if other is not exercise:
            raise check.fail(
                f"exercise '{ex_id}'",
                f"'name' {exercise.name!r} is the name of another exercise, '{other.id}' "
                f"({other.name}): give it another name, or use '{other.id}'",
                "name",
            )
    catalogue.update(own)
    raw_days = check.get(data, "days", list, "top level")
    if not raw_days:
        raise check.fail("top level", "'days' must list at least one day")
    days: list[ProgramDay] = []
    for d, raw_day in enumerate(raw_days, start=1):
        entry = f"day {d}"
        if not isinstance(raw_day, dict):
            raise check.fail(entry, "must be a table with key, name and exercises")
        key = check.get(raw_day, "key", str, entry)
        if not key.strip() or key != tidy_name(key):
            problem = "is empty" if not key.strip() else f"{key!r} has control characters"
            raise check.fail(entry, f"'key' {problem}", "key")
        if len(key) > MAX_NAME:
            raise check.fail(entry, f"'key' must be at most {MAX_NAME} characters", "key")
        entry = f"day {d} ('{key}')"
        if any(existing.key == key for existing in days):
            raise check.fail(entry, f"the key '{key}' is used by another day")
        planned: list[PlannedExercise] = []
        raw_exercises = check.get(raw_day, "exercises", list, entry)
        if not raw_exercises:
            raise check.fail(entry, "'exercises' must list at least one exercise")
        for e, raw in enumerate(raw_exercises, start=1):
            where = f"{entry}, exercise {e}"
            if not isinstance(raw, dict):
                raise check.fail(
                    where, "must be a table like { exercise = ..., sets = 3, reps = 8 }"
                )
            ex_id = check.get(raw, "exercise", str, where)
            if ex_id not in catalogue:
                near = difflib.get_close_matches(ex_id, list(catalogue), n=1)
                guess = f"did you mean '{near[0]}'? or" if near else "not in the catalogue:"
                raise check.fail(
                    where, f"unknown exercise '{ex_id}' ({guess} define it under [exercises])"
                )
            rest = check.positive_int(raw, "rest_s", where, 3600) if "rest_s" in raw else None
            label = check.get(raw, "superset", str, where, None)
            if label is not None and (
                not label.strip() or len(label) > MAX_LABEL or label != tidy_name(label)
            ):
                raise check.fail(
                    where,
                    f"'superset' must be a short label of 1 to {MAX_LABEL} characters, like "
                    f'"a", not {label!r}',
                    "superset",
                )
            low, top, timed = _target(check, raw, where, catalogue[ex_id])
            sets = check.positive_int(raw, "sets", where, MAX_SETS)
            planned.append(
                PlannedExercise(
                    exercise_id=ex_id,
                    sets=sets,
                    reps=low,
                    rest_s=rest,
                    reps_top=top,
                    progression=_progression(check, raw, where, top),
                    warmup=check.get(raw, "warmup", bool, where, None),
                    superset=label,
                    timed=timed,
                    **_effort(check, raw, where, sets, timed),
                )
            )
        _check_supersets(check, entry, planned)
        days.append(
            ProgramDay(
                key=key,
                name=check.name(raw_day, "name", entry, f"Day {key}"),
                focus=check.name(raw_day, "focus", entry, "", MAX_FOCUS),
                exercises=tuple(planned),
            )
        )
    goal = (
        check.positive_int(data, "goal_per_week", "top level", 7) if "goal_per_week" in data else 2
    )
    superset_rest = (
        check.positive_int(data, "superset_rest_s", "top level", 600)
        if "superset_rest_s" in data
        else None
    )
    return Program(
        name=check.name(data, "name", "top level", "My program"),
        days=tuple(days),
        exercises=catalogue,
        goal_per_week=goal,
        source=source,
        warmup=_warmup(check, check.get(data, "warmup", dict, "top level", {})),
        superset_rest_s=superset_rest,
        block=_block(check, data["block"]) if "block" in data else None,
    )


def _check_supersets(check: _Checker, day: str, planned: list[PlannedExercise]) -> None:
    """A superset is 2 or 3 adjacent entries of a day sharing a label."""
    for first, last, label in superset_runs(planned):
        where = f"{day}, exercise {first + 1}"
        size = last - first + 1
        span = f"exercise {first + 1}" if size == 1 else f"exercises {first + 1}-{last + 1}"
        again = next((n for n, p in enumerate(planned) if p.superset == label and n > last), None)
        if again is not None:
            raise check.fail(
                f"{day}, exercise {again + 1}",
                f"superset {label!r} must be on exercises next to each other: it is on "
                f"{span} and again here (or use another label)",
                "superset",
            )
        if not 2 <= size <= MAX_SUPERSET:
            fix = (
                "give the entry after it the same label, or take the label off"
                if size == 1
                else "take the label off the others, or give them another"
            )
            raise check.fail(
                where,
                f"superset {label!r} is on {count(size, 'exercise')}: a superset has 2 or 3 in "
                f"a row ({fix})",
                "superset",
            )


_RANGE = re.compile(r"^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$")
_RAMP = re.compile(r"^\s*(?:(bar)|(\d{1,2}(?:\.\d+)?)\s*%)\s*[x×]\s*(\d{1,2})\s*$", re.IGNORECASE)
RULES: tuple[ProgressionKind, ...] = ("default", "linear", "double")


MAX_HOLD_S = 600  # a planned hold of ten minutes; longer is a typo (minutes for seconds)


def _target(
    check: _Checker, raw: dict[str, Any], where: str, exercise: Exercise
) -> tuple[int, int | None, bool]:
    """The entry's target: reps, or `seconds` for a hold (a timed exercise must have them);
    a number or a range for double progression. Its bottom, its top and whether timed."""
    if "seconds" in raw and "reps" in raw:
        raise check.fail(where, "give 'reps' or 'seconds' (a hold), not both", "seconds")
    if "seconds" in raw:
        low, top = _range(check, raw, "seconds", where, MAX_HOLD_S, '"30-45"')
        return low, top, True
    if exercise.timed:
        raise check.fail(
            where,
            f"{exercise.name} is a hold: give its target in seconds (seconds = 45, or "
            'seconds = "30-45"), not reps',
            "reps" if "reps" in raw else "",
        )
    if "reps" not in raw:
        raise check.fail(where, "'reps' is missing")
    low, top = _range(check, raw, "reps", where, 100, '"10-12"')
    return low, top, False


def _range(
    check: _Checker, raw: dict[str, Any], key: str, where: str, most: int, example: str
) -> tuple[int, int | None]:
    """`key = 6`, or a range `key = "10-12"` (its bottom and its top)."""
    value = raw.get(key)
    if not isinstance(value, str):
        return check.positive_int(raw, key, where, most), None
    match = _RANGE.match(value)
    if match is None:
        raise check.fail(
            where, f"'{key}' must be a whole number or a range like {example}, not {value!r}", key
        )
    low, top = int(match.group(1)), int(match.group(2))
    if not 1 <= low < top <= most:
        raise check.fail(
            where, f"'{key}' range {value!r} must go up, from 1 to {most}, like {example}", key
        )
    return low, top


def _progression(check: _Checker, raw: dict[str, Any], where: str, top: int | None) -> Progression:
    """The entry's rule: `progression = "linear"` (with `deload_after`, `deload_pct`),
    `"double"` (needs a rep range), or today's rule; a rep range alone means double."""
    kind = check.get(raw, "progression", str, where, "double" if top else "default")
    if kind not in RULES:
        raise check.fail(where, f"'progression' must be one of {', '.join(RULES)}, not {kind!r}")
    if kind == "double" and top is None:
        raise check.fail(
            where,
            'double progression needs a rep range, like reps = "10-12" (a hold: seconds = "30-45")',
        )
    if kind != "double" and top is not None:
        raise check.fail(where, f'a range goes with progression = "double", not {kind!r}')
    after = check.positive_int(raw, "deload_after", where, 20) if "deload_after" in raw else 3
    pct = check.get(raw, "deload_pct", float, where, 10.0)
    if not 0 < pct <= 50:
        raise check.fail(where, f"'deload_pct' must be more than 0 and at most 50, not {pct:g}")
    return Progression(cast(ProgressionKind, kind), after, pct)


def _effort(
    check: _Checker, raw: dict[str, Any], where: str, sets: int, timed: bool
) -> dict[str, float]:
    """`rpe = 8` (an RPE target) and `backoff_pct = 90` (top set and back-offs), checked."""
    fields: dict[str, float] = {}
    for key in ("rpe", "backoff_pct"):
        if key in raw:
            fields[key] = check.get(raw, key, float, where)
            problem = effort_problem(key, fields[key], sets, timed)
            if problem:
                raise check.fail(where, problem, key)
    return fields


def _warmup(check: _Checker, table: dict[str, Any]) -> WarmupScheme:
    """`[warmup]`: `steps = ["bar x 10", "40% x 5", ...]`, `exercises = "first"`."""
    entry = "[warmup]"
    applies = check.get(table, "exercises", str, entry, "first")
    if applies not in ("first", "barbell", "off"):
        raise check.fail(entry, f"'exercises' must be first, barbell or off, not {applies!r}")
    raw_steps = check.get(table, "steps", list, entry, None)
    if raw_steps is None:
        return WarmupScheme(applies_to=cast(Literal["first", "barbell", "off"], applies))
    steps: list[RampStep] = []
    for text in raw_steps:
        match = _RAMP.match(text) if isinstance(text, str) else None
        if match is None:
            raise check.fail(
                entry, f'each step must look like "bar x 10" or "60% x 3", not {text!r}'
            )
        bar, percent, reps = match.groups()
        share = None if bar else float(percent)
        if share is not None and not 0 < share < 100:
            raise check.fail(entry, f"a step's percentage must be below 100, not {text!r}")
        if not 1 <= int(reps) <= 30:
            raise check.fail(entry, f"a step's reps must be from 1 to 30, not {text!r}")
        steps.append(RampStep(share, int(reps)))
    return WarmupScheme(tuple(steps), cast(Literal["first", "barbell", "off"], applies))


def _block(check: _Checker, table: object) -> Block:
    """`[block]`: `weeks = 4` of progression, then a deload week (`deload_sets_pct`,
    `deload_load_pct`: the share of sets and of load it takes off)."""
    entry = "[block]"
    if not isinstance(table, dict):
        raise check.fail("top level", f"'block' must be a table ([block]), not {table!r}", "block")
    for key in table.keys() - Block._fields:
        raise check.fail(entry, f"unknown key '{key}' (use {', '.join(Block._fields)})", key)
    shares = {}
    for key, top in (("deload_sets_pct", 90), ("deload_load_pct", 50)):
        value: int = check.get(table, key, int, entry, Block._field_defaults[key])
        if not 0 <= value <= top:
            raise check.fail(entry, f"'{key}' must be from 0 to {top}, not {value}", key)
        shares[key] = value
    return Block(check.positive_int(table, "weeks", entry, 12), **shares)


def check_text(text: str, source: str) -> Program:
    """A program file's text read and checked: the one path for a hand-edited file and for
    one the app wrote (errors name the file, the line and what is wrong)."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProgramError(f"{source}: not valid TOML: {exc}") from None
    return parse_program(data, source, text)


def read_program_text(user_file: Path) -> str:
    """A program file's text (Notepad saves a BOM: it is dropped)."""
    try:
        return user_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProgramError(f"{user_file}: cannot be read: {exc}") from None


def builtin_program_text() -> str:
    """The built-in program file's text, comments and all (a user's file starts as it)."""
    return read_data("program.toml")


def load_program(user_file: Path | None = None) -> Program:
    """The user's program file when it exists, else the built-in program."""
    if user_file is not None and user_file.exists():
        return check_text(read_program_text(user_file), str(user_file))
    return parse_program(_read_builtin("program.toml"), BUILT_IN)
