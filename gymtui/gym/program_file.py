"""The user's program file: read with its last good copy kept, and written by the program
editor and the "for good" changes on Today (no Textual).

Every write edits the file's TOML in place (core.program_edit: comments and layout stay),
checks the result with the same checker as a hand edit (core.program.check_text), writes it
atomically (a temporary file, fsync, os.replace) and hands the new program to Gym. A file
broken by hand never stops the app: the last good program keeps running (a copy of its text
is kept in the data folder) and `problem` says what is wrong, and where.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from gymtui.core.models import Exercise, PlannedExercise, Program, ProgramDay
from gymtui.core.program import (
    builtin_catalogue,
    builtin_program_text,
    check_text,
    load_program,
    read_program_text,
)
from gymtui.errors import ProgramError
from gymtui.paths import PRIVATE_FILE, Paths, make_private_folder

if TYPE_CHECKING:
    from gymtui.core.program_edit import ProgramText

LAST_GOOD = "program.last-good.toml"  # in the data folder: the last text that loaded


class ProgramLoad(NamedTuple):
    """The program to run, and what is wrong with the user's file when it could not be."""

    program: Program
    problem: str | None = None


def load_running(paths: Paths, *, keep: bool = True) -> ProgramLoad:
    """The user's program; when their file is broken, the last good one (else the built-in
    one) with the problem to show. A good file's text is kept as the last good (`keep`)."""
    user_file = paths.program_file
    if not user_file.exists():
        return ProgramLoad(load_program())
    try:
        text = read_program_text(user_file)
        program = check_text(text, str(user_file))
    except ProgramError as problem:
        return _fallback(paths, str(problem))
    if keep:
        with contextlib.suppress(OSError):  # a copy for a bad day; the app runs without one
            _keep(paths, text)
    return ProgramLoad(program)


def _fallback(paths: Paths, problem: str) -> ProgramLoad:
    kept = paths.data_dir / LAST_GOOD
    try:
        program = check_text(read_program_text(kept), str(paths.program_file))
    except ProgramError:
        return ProgramLoad(
            load_program(), f"{problem}\nThe built-in program runs until it is fixed."
        )
    return ProgramLoad(program, f"{problem}\nThe last good program runs until it is fixed.")


def _keep(paths: Paths, text: str) -> None:
    kept = paths.data_dir / LAST_GOOD
    with contextlib.suppress(OSError, ProgramError):
        if read_program_text(kept) == text:
            return
    replace_file(kept, text)


def replace_file(path: Path, text: str) -> None:
    """Write `path` whole or not at all: a temporary file beside it, flushed to disk, renamed
    over it (the folder flushed too). An existing file keeps its permissions."""
    make_private_folder(path.parent)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = PRIVATE_FILE
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        view = memoryview(text.encode("utf-8"))
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temporary.unlink(missing_ok=True)
        raise
    os.close(fd)
    os.chmod(temporary, mode)
    os.replace(temporary, path)
    with contextlib.suppress(OSError):  # a folder that cannot be opened (Windows): renamed
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _stamp(path: Path | None) -> tuple[int, int, int] | None:
    if path is None:
        return None
    try:
        seen = path.stat()
    except OSError:
        return None
    return seen.st_mtime_ns, seen.st_size, seen.st_ino


class ProgramFile:
    """`gym.program_file`: the program file's text, its changes, and its problem if any.

    `sync` makes the database hold a new program's own exercises (before the file is
    written); `use` hands Gym the program once it is; `lookup` finds an exercise the app
    knows (one of the user's own is written into the file when a day takes it)."""

    def __init__(
        self,
        paths: Paths | None,
        sync: Callable[[Program], object],
        use: Callable[[Program], None],
        lookup: Callable[[str], Exercise | None],
        problem: str | None = None,
    ) -> None:
        self._paths = paths
        self._lookup = lookup  # the app's exercises, the user's own included
        self._sync = sync
        self._use = use
        self.problem = problem  # the user's file is broken: the last good program runs
        self._seen = _stamp(self.path)

    @property
    def path(self) -> Path | None:
        """Where the program file is (or will be, on the first change)."""
        return self._paths.program_file if self._paths is not None else None

    def text(self) -> str:
        """The file's text; before the first change, the built-in file's (comments and all)."""
        path = self.path
        if path is None or not path.exists():
            return builtin_program_text()
        return read_program_text(path)

    def short_problem(self) -> str:
        """The problem in a few words, for Today's title ("" when there is none)."""
        if self.problem is None:
            return ""
        path = self.path
        name = path.name if path is not None else "program.toml"
        line = re.search(r", line (\d+):|at line (\d+)", self.problem.split("\n")[0])
        where = f":{line.group(1) or line.group(2)}" if line else ""
        return f"{name}{where} broken"

    # -- changes: each one edit of the file, checked, written, and the program reloaded ----

    def check(self, change: Callable[[ProgramText], None]) -> tuple[str, Program]:
        """The file's text with `change` made, and its program, checked as a hand edit is;
        nothing is written. A refused change (or a file broken by hand, until it is fixed by
        hand) raises ProgramError."""
        path = self.path
        if path is None:
            raise ProgramError("This window has no program file to write.")
        from gymtui.core.program_edit import ProgramText  # tomlkit: only when a change is made

        source = str(path)
        text = self.text()
        check_text(text, source)
        document = ProgramText(text, source)
        change(document)
        # an exercise of the user's own (made in the app) is written out under [exercises]
        for ex_id in sorted(
            document.used_ids() - set(builtin_catalogue()) - document.defined_ids()
        ):
            exercise = self._lookup(ex_id)
            if exercise is not None:
                document.define_exercise(exercise)
        new_text = document.text()
        return new_text, check_text(new_text, source)

    def edit(self, change: Callable[[ProgramText], None]) -> Program:
        """Make `change` to the file and write it (see `check`); the program runs at once."""
        new_text, program = self.check(change)
        path = self.path
        assert path is not None and self._paths is not None
        self._sync(program)
        try:
            replace_file(path, new_text)
        except OSError as problem:
            raise ProgramError(f"{path} cannot be written ({problem}): nothing changed.") from None
        with contextlib.suppress(OSError):
            _keep(self._paths, new_text)
        self._seen = _stamp(path)
        self.problem = None
        self._use(program)
        return program

    def swap(self, day_key: str, old_id: str, new_id: str) -> Program:
        """For good: `new_id` takes `old_id`'s place on the day, with its sets and rule."""
        return self.edit(
            lambda doc: doc.set_entry(day_key, doc.index_of(day_key, old_id), {"exercise": new_id})
        )

    def add(self, day_key: str, planned: PlannedExercise, at: int | None = None) -> Program:
        """For good: a planned exercise on the day, at `at` (None: last)."""
        from gymtui.core.program_edit import planned_fields

        return self.edit(lambda doc: doc.add_entry(day_key, planned_fields(planned), at))

    def remove(self, day_key: str, exercise_id: str) -> Program:
        """For good: the exercise off the day."""
        return self.edit(lambda doc: doc.remove_entry(day_key, doc.index_of(day_key, exercise_id)))

    def move(self, day_key: str, exercise_id: str, to_index: int) -> Program:
        """For good: the exercise at `to_index` of the day."""
        return self.edit(
            lambda doc: doc.move_entry(day_key, doc.index_of(day_key, exercise_id), to_index)
        )

    def set_sets(self, day_key: str, exercise_id: str, sets: int) -> Program:
        """For good: how many sets of the exercise the day plans."""
        return self.edit(
            lambda doc: doc.set_entry(day_key, doc.index_of(day_key, exercise_id), {"sets": sets})
        )

    def keep_day(
        self,
        day_key: str,
        before: ProgramDay,
        after: Sequence[PlannedExercise],
        swapped: Mapping[str, str],
    ) -> Program:
        """For good: the day's exercises as `after` has them (today's order and sets, the
        exercises added, removed or swapped in), in one write. An entry that stays keeps its
        fields and comments; a swapped-in one takes its place (`swapped`: new id -> old)."""
        from gymtui.core.program_edit import planned_fields

        sets_before = {p.exercise_id: p.sets for p in before.exercises}
        wanted = [p.exercise_id for p in after]

        def change(doc: ProgramText) -> None:
            for new_id, old_id in swapped.items():
                ids = doc.entry_ids(day_key)
                if old_id in ids and new_id not in ids and new_id in wanted:
                    doc.set_entry(day_key, ids.index(old_id), {"exercise": new_id})
                    sets_before[new_id] = sets_before.get(old_id, 0)
            for index in reversed(range(len(doc.entry_ids(day_key)))):
                if doc.entry_ids(day_key)[index] not in wanted:
                    doc.remove_entry(day_key, index)
            for planned in after:
                ids = doc.entry_ids(day_key)
                if planned.exercise_id not in ids:
                    doc.add_entry(day_key, planned_fields(planned))
                elif planned.sets != sets_before.get(planned.exercise_id):
                    doc.set_entry(day_key, ids.index(planned.exercise_id), {"sets": planned.sets})
            for to, exercise_id in enumerate(wanted):
                at = doc.entry_ids(day_key).index(exercise_id)
                if at != to:
                    doc.move_entry(day_key, at, to)

        return self.edit(change)

    # -- a hand edit while the app runs ------------------------------------------------------

    def reload_if_changed(self) -> bool:
        """Read the file again when it changed on disk (checked every tick: one stat). True
        when a new program now runs; a broken one keeps the running program and sets
        `problem`."""
        stamp = _stamp(self.path)
        if stamp == self._seen or self._paths is None:
            return False
        self._seen = stamp
        loaded = load_running(self._paths)
        if loaded.problem is not None:
            self.problem = loaded.problem.split("\n")[0] + "\nThe program as it was keeps running."
            return False
        self.problem = None
        self._sync(loaded.program)
        self._use(loaded.program)
        return True
