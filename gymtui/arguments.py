"""The command line's arguments: argparse, with what it prints made safe for a terminal."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import IO, Any, NoReturn

from gymtui import __version__
from gymtui.core.formats import FORMATS
from gymtui.core.text import shown_lines


class Parser(argparse.ArgumentParser):
    """argparse, whose messages quote what was typed with its control characters escaped, and
    whose writes never fail on a closed or full output."""

    def print_usage(self, file: Any = None) -> None:
        say(self.format_usage(), file or sys.stdout)

    def print_help(self, file: Any = None) -> None:
        say(self.format_help(), file or sys.stdout)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            say(message, sys.stderr)
        sys.exit(status)


class Version(argparse.Action):
    """`--version`: print it and stop (argparse's own writes without `say`)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings, dest, nargs=0, help="show program's version number and exit"
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        say(f"gymtui {__version__}\n", sys.stdout)
        parser.exit()


def say(text: str, file: IO[str] | None) -> None:
    """Write `text` with its control characters escaped; a closed output is no error."""
    if file is None:  # started with it closed (`>&-`)
        return
    with contextlib.suppress(OSError, ValueError):
        file.write(shown_lines(text))
        file.flush()


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = Parser(prog="gymtui", description="A terminal gym companion for leg training.")
    parser.add_argument("--version", action=Version)
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (default: GYMTUI_DATA_DIR, else the platform's user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open on a throwaway database holding a year of realistic history "
        "(your own data is never touched)",
    )
    # `gymtui where --data-dir X` as well as `gymtui --data-dir X where`: each command takes it
    # too (SUPPRESS: left out, it keeps the value given before the command)
    folder = Parser(add_help=False)
    folder.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="data folder")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser(
        "where", parents=[folder], help="print the data folder, database and config paths"
    )
    bring = commands.add_parser(
        "import",
        parents=[folder],
        help="import a Strong, Hevy, FitNotes, Fitbod or gymtui CSV export",
    )
    bring.add_argument("file", type=Path)
    bring.add_argument(
        "--from",
        dest="source",
        choices=FORMATS,
        help="the app that wrote it (default: recognised from the header)",
    )
    bring.add_argument(
        "--unit", choices=("kg", "lb"), help="weights' unit, when the file does not say"
    )
    bring.add_argument(
        "--dry-run", action="store_true", help="show what would be imported, write nothing"
    )
    bring.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the rows that can be read and list the lines left out (default: a bad "
        "row refuses the whole file)",
    )
    out = commands.add_parser(
        "export", parents=[folder], help="every set with its session and exercise"
    )
    out.add_argument("--format", choices=("csv", "json"), default="csv")
    out.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    out.add_argument("--force", action="store_true", help="replace the output file if it exists")
    copy = commands.add_parser("backup", parents=[folder], help="a consistent copy of the database")
    copy.add_argument(
        "file", type=Path, nargs="?", help="a new file, or a folder for a dated file inside"
    )
    back = commands.add_parser(
        "restore",
        parents=[folder],
        help="replace the database with a backup (the current one is kept first)",
    )
    back.add_argument("file", type=Path, help="a backup made by 'gymtui backup'")
    return parser
