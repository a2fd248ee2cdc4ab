"""Importing 150,000 rows: a Strong export written for the purpose, read and imported.

Run: uv run python benchmarks/import_scale.py [--rows 150000]
Prints how long reading and importing took (one transaction, PR flags included).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from gymtui.core.program import load_program
from gymtui.importers import parse
from gymtui.store import Store, db_size

EXERCISES = [
    "Squat (Barbell)",
    "Deadlift (Barbell)",
    "Leg Press",
    "Lying Leg Curl (Machine)",
    "Seated Calf Raise (Machine)",
    "Romanian Deadlift (Barbell)",
    "Hack Squat",
]


def write_strong(path: Path, rows: int) -> None:
    rng = random.Random(3)
    start = datetime(2010, 1, 4, 7, 30)
    lines = [
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration"
    ]
    workout = 0
    while len(lines) <= rows:
        when = start + timedelta(days=3.5 * workout)
        workout += 1
        stamp = when.strftime("%Y-%m-%d %H:%M:%S")
        for exercise in rng.sample(EXERCISES, 5):
            for order in ["W", "1", "2", "3", "4"]:
                weight = round(60 + rng.random() * 100, 1)
                reps = rng.randint(5, 12)
                lines.append(f"{stamp};Legs;{exercise};{order};{weight};kg;{reps};;;;;;;1h 5m")
    path.write_text("\n".join(lines[: rows + 1]) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=150_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "strong.csv"
        write_strong(source, args.rows)
        source_bytes = source.stat().st_size
        store = Store.open(Path(tmp) / "gymtui.db")
        store.sync_exercises(load_program().exercises.values())
        began = time.perf_counter()
        parsed = parse(source)
        read = time.perf_counter() - began
        summary = store.import_parsed(parsed)
        total = time.perf_counter() - began
        size = db_size(Path(tmp) / "gymtui.db")
        store.close()
    sets = sum(summary.sets_by_kind.values())
    print(f"{args.rows:,} rows in a {source_bytes / 1e6:.1f} MB Strong export")
    print(
        f"read and checked: {read:.2f} s; imported {sets:,} sets in "
        f"{summary.sessions_added:,} sessions: {total:.2f} s in all; file {size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
