"""Importing 150,000 rows in each app's format, and the real exports in ../shared/real-exports.

Run: uv run python benchmarks/import_scale.py [--rows 150000] [--formats strong,hevy,...]
Prints, per format, how long reading alone took, and the import (read as it is written, one
transaction, PR flags included), then the time of each real export (the largest,
fitbod_datojulien, has 16,067 rows), in-process and as `gymtui import` end to end.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from gymtui.core.program import load_program
from gymtui.importers import stream
from gymtui.store import Store


def db_size(path: Path) -> int:
    """Bytes on disk, the write-ahead log included."""
    return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if os.path.exists(p))


EXERCISES = [
    "Squat (Barbell)",
    "Deadlift (Barbell)",
    "Leg Press",
    "Lying Leg Curl (Machine)",
    "Seated Calf Raise (Machine)",
    "Romanian Deadlift (Barbell)",
    "Hack Squat",
]


def workouts(rows: int) -> Iterator[tuple[datetime, str, str, int, float, int]]:
    """(start, exercise, order, index in workout, kg, reps) for `rows` sets: a workout of 25
    a day (three, 8 hours apart, past 400,000 rows: imports refuse dates before 1970), ending
    before today (and dates in the future)."""
    rng = random.Random(3)
    apart = timedelta(days=1) if rows <= 400_000 else timedelta(hours=8)
    start = datetime(2026, 1, 5, 7, 30) - apart * (rows // 25 + 1)
    made = 0
    workout = 0
    while made < rows:
        when = start + apart * workout
        workout += 1
        n = 0
        for exercise in rng.sample(EXERCISES, 5):
            for order in ["W", "1", "2", "3", "4"]:
                n += 1
                made += 1
                yield (
                    when,
                    exercise,
                    order,
                    n,
                    round(60 + rng.random() * 100, 1),
                    rng.randint(5, 12),
                )
                if made == rows:
                    return


def write(fmt: str, path: Path, rows: int) -> None:
    """`rows` sets in one app's format, written line by line (a million rows fit nowhere)."""
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADERS[fmt] + "\n")
        for when, exercise, order, n, kg, reps in workouts(rows):
            out.write(line(fmt, when, exercise, order, n, kg, reps) + "\n")


def line(fmt: str, when: datetime, exercise: str, order: str, n: int, kg: float, reps: int) -> str:
    warm = order == "W"
    if fmt == "strong":
        stamp = when.strftime("%Y-%m-%d %H:%M:%S")
        return f"{stamp};Legs;{exercise};{order};{kg};kg;{reps};;;;;;;1h 5m"
    if fmt == "hevy":
        stamp = when.strftime("%d %b %Y, %H:%M")
        end = (when + timedelta(hours=1)).strftime("%d %b %Y, %H:%M")
        kind = "warmup" if warm else "normal"
        return f'"Legs","{stamp}","{end}","","{exercise}","","",{n},"{kind}",{kg},{reps},,,'
    if fmt == "fitnotes":
        return f"{when:%Y-%m-%d},{exercise},Legs,{kg},kgs,{reps},,,,"
    stamp = when.strftime("%Y-%m-%d %H:%M:%S +0000")  # fitbod
    return f"{stamp},{exercise}, {reps},{kg},0.0,0.0,0.0,0.0,{str(warm).lower()},, 1.0"


HEADERS = {
    "strong": "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
    "hevy": '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"',
    "fitnotes": "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,"
    "Comment",
    "fitbod": "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,"
    "Note,multiplier",
}
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "real-exports"
POUNDS_BY_VALUES = ("faw01", "dericmei", "shreybirmiwal")  # files that do not say their unit


def timed_import(source: Path, folder: Path, unit: str = "kg") -> tuple[float, float, int, int]:
    """Read seconds (the file read and checked, nothing written), then seconds for the import
    as `gymtui import` runs it (read as it is written, one transaction, PR flags included),
    sets and sessions, for one file into a new database."""
    began = time.perf_counter()
    with stream(source, unit=unit, skip_bad_rows=True) as parsed:
        for _ in parsed.sessions:
            pass
    read = time.perf_counter() - began
    store = Store.open(folder / "gymtui.db")
    store.exercises.sync(load_program().exercises.values())
    began = time.perf_counter()
    with stream(source, unit=unit, skip_bad_rows=True) as parsed:
        summary = store.imports.write(parsed)
    total = time.perf_counter() - began
    store.close()
    return read, total, sum(summary.sets_by_kind.values()), summary.sessions_added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument("--formats", default="strong,hevy,fitnotes,fitbod,gymtui")
    args = parser.parse_args()
    formats = args.formats.split(",")
    print(
        f"{args.rows:,} rows per format (read and checked alone; then imported, one transaction):"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            folder = Path(tmp) / fmt
            folder.mkdir()
            source = folder / f"{fmt}.csv"
            if fmt == "gymtui":  # gymtui's own export of the Strong import
                strong = Path(tmp) / "strong" / "gymtui.db"
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "gymtui",
                        "--data-dir",
                        str(strong.parent),
                        "export",
                        "-o",
                        str(source),
                    ],
                    check=True,
                    capture_output=True,
                )
            else:
                write(fmt, source, args.rows)
            read, total, sets, sessions = timed_import(source, folder)
            size = db_size(folder / "gymtui.db")
            print(
                f"  {fmt:9} {source.stat().st_size / 1e6:5.1f} MB: read {read:5.2f} s, "
                f"{sets:,} sets in {sessions:,} sessions, imported in {total:5.2f} s; "
                f"database {size / 1e6:.1f} MB"
            )
        if CORPUS.is_dir():
            print(f"real exports in {CORPUS} (in-process read + import):")
            for n, path in enumerate(sorted(CORPUS.glob("*.csv"))):
                if path.name.startswith("gymbook"):
                    continue
                unit = "lb" if any(k in path.name for k in POUNDS_BY_VALUES) else "kg"
                folder = Path(tmp) / f"real{n}"
                folder.mkdir()
                read, total, sets, sessions = timed_import(path, folder, unit)
                print(f"  {path.name:55} {sets:6,} sets {total:5.2f} s")
            biggest = CORPUS / "fitbod_datojulien_workoutdashboard_2025.csv"
            if biggest.exists():
                folder = Path(tmp) / "cli"
                began = time.perf_counter()
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "gymtui",
                        "--data-dir",
                        str(folder),
                        "import",
                        str(biggest),
                    ],
                    check=True,
                    capture_output=True,
                )
                print(
                    f"`gymtui import {biggest.name}` end to end (a new process): "
                    f"{time.perf_counter() - began:.2f} s"
                )


if __name__ == "__main__":
    main()
