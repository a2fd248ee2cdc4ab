"""The `gymtui` command: run the app, or `where` to show the paths."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence

from gymtui import __version__
from gymtui.errors import GymtuiError
from gymtui.paths import Paths, resolve_paths


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="gymtui", description="A terminal gym companion for leg training."
    )
    parser.add_argument("--version", action="version", version=f"gymtui {__version__}")
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
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("where", help="print the data folder, database and config paths")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; every error the user can act on is a message and exit status 2."""
    args = build_parser().parse_args(argv)
    paths = resolve_paths(args.data_dir)
    if args.command == "where":
        print(f"data folder: {paths.data_dir}")
        print(f"database:    {paths.database}")
        print(f"config:      {paths.config_dir}")
        print(
            f"program:     {paths.program_file}"
            + (
                ""
                if paths.program_file.exists()
                else " (not present: the built-in program is used)"
            )
        )
        return 0
    try:
        if args.demo:
            return run_demo()
        return run_app(paths)
    except GymtuiError as problem:
        print(f"gymtui: {problem}", file=sys.stderr)
        return 2


def run_app(paths: Paths) -> int:
    """Open the database and program, then run the app."""
    from gymtui.app import build_app  # Textual loads only when the app runs

    build_app(paths).run()
    return 0


def run_demo() -> int:
    """Run the app on a year of made-up history in a temporary folder, removed afterwards."""
    from datetime import datetime

    from gymtui.demo import make_demo

    with tempfile.TemporaryDirectory(prefix="gymtui-demo-") as folder:
        paths = resolve_paths(folder)
        print("Building a year of demo history...", file=sys.stderr)
        make_demo(paths, datetime.now().astimezone())
        return run_app(paths)


if __name__ == "__main__":
    sys.exit(main())
