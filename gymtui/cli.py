"""The `gymtui` command: run the app, or `where` to show the paths."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gymtui import __version__
from gymtui.core.formats import FORMATS
from gymtui.core.text import json_safe, shown, shown_lines, spreadsheet_safe
from gymtui.core.values import count
from gymtui.errors import GymtuiError
from gymtui.paths import Paths, make_private_folder, resolve_paths, write_private

SHOWN_BAD_ROWS = 20
INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C

if TYPE_CHECKING:
    import argparse

    from gymtui.store import ImportSummary


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; every error the user can act on is a message and exit status 2.

    An unexpected one leaves a crash file and exits 1: one line says where the file is.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    # `gymtui` alone, the start at every session, runs the app without building the parser
    # (argparse and the subcommands would load before the first frame).
    args = parse_arguments(arguments) if arguments else None
    paths = resolve_paths(args.data_dir if args else None)
    try:
        status = _run(args, paths)
        _emit("")  # a full disk says so now, not in an ignored error at exit
        return status
    except OutputError as problem:
        return _problem(problem)
    except BrokenPipeError:
        # The reader went away (`gymtui export | head`): not a crash. Python's recipe: point
        # standard output at devnull, so the flush at exit finds nowhere to fail.
        _discard_stdout()
        return 1
    except KeyboardInterrupt:
        _say("gymtui: cancelled.")
        return INTERRUPTED
    except Exception as error:  # the last resort: a crash file, not a traceback
        _say(crash_report(paths, error))
        return 1


def parse_arguments(arguments: list[str]) -> argparse.Namespace:
    """The command line, read (argparse loads only when there are arguments)."""
    from gymtui.arguments import build_parser

    return build_parser().parse_args(arguments)


class OutputError(GymtuiError):
    """Standard output could not be written (a full disk, a closed file)."""


class ImportCancelled(GymtuiError):
    """Ctrl-C during an import: its one transaction was rolled back."""


def _discard_stdout() -> None:
    """Send what is left of standard output to devnull."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _emit(text: str, what: str = "to standard output") -> None:
    """Write to standard output and flush: every write is checked. A closed pipe raises
    BrokenPipeError (main ends quietly); any other failure is an OutputError."""
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise OutputError(f"cannot write {what}: standard output is closed.")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _discard_stdout()
        raise OutputError(f"cannot write {what}: {exc.strerror or exc}.") from None


def _say(text: str) -> None:
    """A line on standard error (already made safe for a terminal)."""
    with contextlib.suppress(OSError, ValueError):
        print(text, file=sys.stderr, flush=True)


def crash_report(paths: Paths, error: BaseException) -> str:
    """Write the traceback to a crash file in the data folder; the line that names it."""
    import tempfile
    import traceback

    text = "".join(traceback.format_exception(error))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    for folder in (paths.data_dir / "crashes", Path(tempfile.gettempdir())):
        target = folder / f"gymtui-crash-{stamp}.txt"
        try:
            make_private_folder(folder)
            # for the user alone: a traceback can quote their notes and paths
            write_private(target, f"gymtui {__version__}\n{text}".encode())
        except OSError:
            continue
        return (
            f"gymtui stopped on an unexpected error ({type(error).__name__}); every set shown "
            f"as saved is in the file. The details are in {shown(str(target))}"
        )
    return f"gymtui stopped on an unexpected error: {shown_lines(text)}"


def _has_terminal() -> bool:
    """Both ends are a terminal: without one, Textual draws to a pipe and reads no keys."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _run(args: argparse.Namespace | None, paths: Paths) -> int:
    if args is None:
        return _run_app(paths)
    try:
        if args.command == "where":
            from gymtui.gym.program_file import load_running

            problem = load_running(paths, keep=False).problem
            _emit(
                f"data folder: {shown(str(paths.data_dir))}\n"
                f"database:    {shown(str(paths.database))}\n"
                f"config:      {shown(str(paths.config_dir))}\n"
                f"program:     {shown(str(paths.program_file))}"
                + (
                    ""
                    if paths.program_file.exists()
                    else " (not present: the built-in program is used)"
                )
                + "\n"
                + (f"  problem: {shown_lines(problem)}\n" if problem else "")
            )
            return 0
        if args.command == "import":
            return run_import(
                paths, args.file, args.source, args.unit, args.dry_run, args.skip_bad_rows
            )
        if args.command == "export":
            return run_export(paths, args.format, args.output, args.force)
        if args.command == "backup":
            return run_backup(paths, args.file)
        if args.command == "restore":
            return run_restore(paths, args.file)
        if args.demo:
            return run_demo()
    except ImportCancelled as cancelled:
        _say(f"gymtui: {cancelled}")
        return INTERRUPTED
    except GymtuiError as problem:
        return _problem(problem)
    return _run_app(paths)


def _run_app(paths: Paths) -> int:
    try:
        return run_app(paths)
    except GymtuiError as problem:
        return _problem(problem)


def _problem(problem: GymtuiError) -> int:
    _say(f"gymtui: {shown_lines(str(problem))}")  # may quote a file, a name
    return 2


def run_app(paths: Paths) -> int:
    """Open the database and program, then run the app."""
    from gymtui.ui.startup import collector_off  # imports nothing of Textual

    with collector_off():  # until the first frame is up (ui/startup.py says why)
        from gymtui.ui.app import build_app  # Textual loads only when the app runs

        app = build_app(paths)  # a file problem is reported first: it is the one to act on
        if not _has_terminal():
            app.gym.close()
            raise GymtuiError(
                "the app needs a terminal on its input and output (it got a pipe or a file). "
                "Run it in a terminal; for scripts there are import, export and backup."
            )
        app.run()
    if app.crash is not None:
        _say(crash_report(paths, app.crash))
        return 1
    return app.return_code or 0


class _LateProgress:
    """A progress bar that shows itself only once the work has taken a second; once all of
    it is done, it says `then` (what is left to do, with nothing to count)."""

    def __init__(self, label: str, then: str = "") -> None:
        self.label, self.then = label, then
        self.began = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.began < 1.0 or not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        last = self.then if done >= total and self.then else None
        self.bar.update(self.task, completed=done, total=total, description=last)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def run_import(
    paths: Paths,
    file: Path,
    source: str | None,
    unit: str | None,
    dry_run: bool,
    skip_bad_rows: bool = False,
) -> int:
    """Import an export file in one transaction and print what it did."""
    from rich.markup import escape

    from gymtui.gym.program_file import load_running
    from gymtui.importers import stream
    from gymtui.store import Store
    from gymtui.store.importing import announcing_import

    summary: ImportSummary | None = None
    try:
        fmt = next((f for f in FORMATS if f == source), None)  # argparse checked it
        name = escape(shown(file.name))
        progress = _LateProgress(f"Importing {name}", f"Saving {name}")
        # the header is checked here; the rows are read as the import writes them
        with stream(file, fmt, unit, progress=progress, skip_bad_rows=skip_bad_rows) as parsed:
            store = Store.open(paths.database)
            # announced until the file is closed (its checkpoint holds the file too): an open
            # window refuses a write at once, saying why, instead of waiting for the import
            with announcing_import(store.path):
                try:
                    program, problem = load_running(paths)
                    if problem is not None:
                        _say(f"gymtui: {shown_lines(problem)}")
                    store.exercises.sync(program.exercises.values())
                    try:
                        # one transaction: a bad row or Ctrl-C inside it rolls every row back
                        summary = store.imports.write(parsed, dry_run=dry_run)
                    finally:
                        progress.stop()
                finally:
                    store.close()
    except KeyboardInterrupt:
        if summary is None:  # the transaction was rolled back
            raise ImportCancelled("Import cancelled: nothing was added.") from None
        # Ctrl-C while the file was being closed: the import itself was saved, so say what it did
    what = "the summary to standard output (the import itself is saved)"
    _emit(describe_import(summary, file) + "\n", what)
    return 0


def describe_import(summary: ImportSummary, file: Path) -> str:
    """The summary printed after an import."""
    verb = "Would import" if summary.dry_run else "Imported"
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(summary.sets_by_kind.items())) or "no sets"
    lines = [
        f"{verb} {count(summary.sessions_added, 'session')} from {shown(str(file))} "
        f"({summary.format}, {summary.rows} rows).",
        f"  sets: {kinds}",
    ]
    if summary.sessions_added:
        lines.append(
            f"  leg days: {summary.leg_days} of {count(summary.sessions_added, 'session')}"
            " (3 or more working sets on leg muscles; only these count for recovery,"
            " the week's goal and the A/B rotation)"
        )
    if summary.unit_now:
        lines.append(
            f"  weights {'would be' if summary.dry_run else 'are'} shown in {summary.unit_now}"
            " from now on, as the file has them (u on Today switches)"
        )
    if summary.sessions_already:
        lines.append(f"  {count(summary.sessions_already, 'session')} imported before: skipped.")
    if summary.matched:
        pairs = "; ".join(f"{shown(a)} -> {shown(b)}" for a, b in sorted(summary.matched.items()))
        lines.append(f"  exercises matched to the catalogue: {pairs}")
    if summary.created:
        names = ", ".join(shown(name) for name in sorted(summary.created))
        lines.append(f"  new exercises of your own: {names}")
    if summary.empty_workouts:
        lines.append(
            f"  {count(summary.empty_workouts, 'workout')} with no strength sets "
            "(cardio only, say): not added."
        )
    for reason, rows in sorted(summary.skipped.items()):
        lines.append(f"  skipped {count(rows, 'row')}: {shown(reason)}")
    for line in summary.bad_rows[:SHOWN_BAD_ROWS]:
        lines.append(f"    {shown(line)}")
    if len(summary.bad_rows) > SHOWN_BAD_ROWS:
        lines.append(f"    ... and {len(summary.bad_rows) - SHOWN_BAD_ROWS} more")
    if summary.dry_run:
        lines.append("  (dry run: nothing was written)")
    return "\n".join(lines)


def run_export(paths: Paths, fmt: str, output: Path | None, force: bool = False) -> int:
    """Write every set as CSV or JSON, to a file (atomically, for the user alone) or standard
    output; every write is checked.

    CSV cells a spreadsheet would run as formulas start with `'`; JSON escapes every control
    character; to a terminal, CSV's control characters are shown as escapes too.
    """
    import csv
    import json

    from gymtui.importers import GYMTUI_COLUMNS
    from gymtui.store import Store

    if output is not None and output.exists() and not force:
        raise GymtuiError(f"{output} already exists; add --force to replace it.")
    store = Store.open_existing_read_only(paths.database)
    try:
        rows = list(store.imports.export_rows())
    finally:
        store.close()
    if fmt == "json":
        text = json_safe(json.dumps(rows, indent=1, ensure_ascii=False)) + "\n"
    else:
        buffer = _LineEnds()
        # "\r\n" as the terminator makes csv quote a cell holding a lone \r (Python 3.11 quotes
        # only the terminator's characters); _LineEnds writes the rows' ends as "\n".
        writer = csv.DictWriter(buffer, GYMTUI_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
        text = buffer.getvalue()
    if output is None:
        if _stdout_is_terminal():
            text = shown_lines(text)  # to a file or a pipe the data stays exact
        _emit(text, "the export to standard output")
        return 0
    partial = output.with_name(output.name + ".partial")
    try:
        partial.unlink(missing_ok=True)  # left by an export that was killed
        write_private(partial, text.encode("utf-8"))
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise GymtuiError(
            f"cannot write {shown(str(output))}: {exc.strerror or exc}. Nothing was written."
        ) from None
    except BaseException:  # Ctrl-C: no half file left behind
        partial.unlink(missing_ok=True)
        raise
    _say(f"Exported {count(len(rows), 'set')} to {shown(str(output))}.")
    return 0


class _LineEnds:
    """A text buffer for csv's rows (one write each) that ends every row with "\n"."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, row: str) -> int:
        self.parts.append(row[:-2] + "\n" if row.endswith("\r\n") else row)
        return len(row)

    def getvalue(self) -> str:
        return "".join(self.parts)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (OSError, ValueError):
        return False


def run_backup(paths: Paths, target: Path | None) -> int:
    """Copy the database with SQLite's online backup, to a temporary name, then rename.

    A backup killed half-way leaves only the temporary file, never a damaged one under the
    final name; a folder as the target gets a dated file inside; names never collide.
    """
    from gymtui.store import Store

    if target is not None and not target.is_dir():
        if target.exists():
            raise GymtuiError(
                f"{shown(str(target))} already exists; choose another file name or a folder."
            )
        if not target.parent.is_dir():
            raise GymtuiError(f"{shown(str(target.parent))} is not a folder.")
    store = Store.open_existing_read_only(paths.database)  # checked before a folder is made
    if target is None or target.is_dir():
        folder = target or paths.data_dir / "backups"
        try:
            make_private_folder(folder)
        except OSError as exc:
            store.close()
            raise GymtuiError(
                f"cannot create {shown(str(folder))}: {exc.strerror or exc}."
            ) from None
        target = _unused(folder / f"gymtui-{datetime.now().strftime('%Y-%m-%d-%H%M%S')}.db")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)  # left by a backup that was killed
        store.backup(partial)
        partial.replace(target)
    except Exception as exc:
        partial.unlink(missing_ok=True)
        raise GymtuiError(f"the backup to {shown(str(target))} failed: {exc}.") from None
    except BaseException:  # Ctrl-C: no half copy left behind
        partial.unlink(missing_ok=True)
        raise
    finally:
        store.close()
    _emit(
        f"Backed up {shown(str(paths.database))} to {shown(str(target))}.\n",
        f"to standard output (the backup itself is done: {shown(str(target))})",
    )
    return 0


def run_restore(paths: Paths, source: Path) -> int:
    """Replace the database with a checked backup; the current one is kept first."""
    from gymtui.store.checks import check_folder
    from gymtui.store.restore import restore

    check_folder(paths.data_dir)
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    keep = _unused(paths.data_dir / "backups" / f"gymtui-before-restore-{stamp}.db")
    kept = restore(source, paths.database, keep)
    what = "to standard output (the restore itself is done)"
    _emit(f"Restored {shown(str(source))} into {shown(str(paths.database))}.\n", what)
    if kept:
        _emit(f"The database it replaced is kept as {shown(str(keep))}.\n", what)
    return 0


def _unused(path: Path) -> Path:
    """`path`, or `name-2.db`, `name-3.db`, ... when it is taken."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def run_demo() -> int:
    """Run the app on a year of made-up history in a temporary folder, removed afterwards."""
    import tempfile

    from gymtui.demo import make_demo

    with tempfile.TemporaryDirectory(prefix="gymtui-demo-") as folder:
        paths = resolve_paths(folder)
        _say("Building a year of demo history...")
        make_demo(paths, datetime.now().astimezone())
        return run_app(paths)


if __name__ == "__main__":
    sys.exit(main())
