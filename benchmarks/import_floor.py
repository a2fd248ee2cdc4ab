"""`gymtui import` of a big Hevy export against the floor, side by side in one run.

Run: uv run python benchmarks/import_floor.py [--rows 150000,300000,600000] [--runs 3]

For each size it writes a Hevy CSV, then, alternating, runs (each in a new process):

- the floor: `csv.reader` over the file and one `executemany` of its rows, as they are,
  into a table indexed as gymtui's `sets` is (five indexes on the same kinds of columns,
  two of them partial, one on an expression), WAL, synchronous=FULL, a new file, one
  transaction;
- the same with one index only (exercise, time), for comparison;
- `gymtui import FILE` into a new data folder, as a user runs it (the console script, its
  bytecode compiled).

Each is timed from start to exit; its peak RSS is /usr/bin/time's (%M).

Prints the median of each, and gymtui's time against the floor's. Goals (issue 22): peak
under 80 MB at 300,000 rows and flat in the row count; time at most 1.5x the floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from import_scale import write  # beside this file, so on the path when it runs

FLOOR = """
import csv, sqlite3, sys
source, database, indexes = sys.argv[1], sys.argv[2], sys.argv[3]
conn = sqlite3.connect(database, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA synchronous=FULL")
with open(source, newline="", encoding="utf-8-sig") as handle:
    rows = csv.reader(handle)
    header = next(rows)
    columns = ", ".join(f"c{i}" for i in range(len(header)))
    conn.execute(f"CREATE TABLE sets (id INTEGER PRIMARY KEY, {columns})")
    # c4 is exercise_title, c1 start_time, c0 title, c9 weight_kg
    conn.execute("CREATE INDEX sets_by_exercise ON sets(c4, c1)")
    if indexes == "gymtui":  # as many indexes as gymtui's sets table has
        conn.execute("CREATE INDEX sets_by_time ON sets(c1)")
        conn.execute("CREATE INDEX sets_by_session ON sets(c0, c1)")
        conn.execute("CREATE INDEX sets_best_weight ON sets(c4, c9) WHERE c8 != 'warmup'")
        conn.execute("CREATE INDEX sets_best_e1rm ON sets(c4, c9 * c10) WHERE c8 != 'warmup'")
    marks = ", ".join("?" * len(header))
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO sets ({columns}) VALUES ({marks})", rows)
    conn.execute("COMMIT")
conn.close()
"""


TIME = Path("/usr/bin/time")


def measured(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds from start to exit, and peak RSS in MB, of one new process. The peak comes from
    /usr/bin/time, whose child starts from its small footprint: a child forked from this
    process would carry this process's peak into its own (Linux keeps the larger at exec).
    Without it, wait4's figure is shown, which is at least this process's size."""
    timed = [str(TIME), "-f", "%M", *command] if TIME.exists() else command
    began = time.perf_counter()
    child = subprocess.Popen(
        timed, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    assert child.stderr is not None
    said = child.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{said}")
    kib = int(said.split()[-1]) if TIME.exists() else usage.ru_maxrss
    return seconds, kib / 1024


def floor(source: Path, folder: Path, indexes: str) -> tuple[float, float]:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    return measured([sys.executable, "-c", FLOOR, str(source), str(folder / "f.db"), indexes])


def gymtui(source: Path, folder: Path) -> tuple[float, float]:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    script = Path(sys.executable).with_name("gymtui")
    # with its bytecode compiled, as users have it (the first run writes it)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["GYMTUI_DATA_DIR"] = str(folder)
    return measured([str(script), "import", str(source)], env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", default="150000,300000,600000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), "?")
    print(f"{os.cpu_count()} cores, {cpu}; Hevy files; median of {args.runs} runs, alternating")
    print(
        f"{'rows':>9} | {'floor s':>7} {'MB':>5} | {'1 index':>7} {'MB':>5} | "
        f"{'gymtui s':>8} {'MB':>5} | gymtui / floor"
    )
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.csv"
        write("hevy", warm, 100)
        gymtui(warm, Path(tmp) / "gymtui")  # compiles gymtui's bytecode; not measured
        for rows in (int(r) for r in args.rows.split(",")):
            source = Path(tmp) / f"hevy_{rows}.csv"
            write("hevy", source, rows)
            runs: dict[str, list[tuple[float, float]]] = {"floor": [], "one": [], "gymtui": []}
            for _ in range(args.runs):
                runs["floor"].append(floor(source, Path(tmp) / "floor", "gymtui"))
                runs["one"].append(floor(source, Path(tmp) / "floor", "one"))
                runs["gymtui"].append(gymtui(source, Path(tmp) / "gymtui"))
            (f_s, f_mb), (o_s, o_mb), (g_s, g_mb) = (
                (statistics.median(s for s, _ in found), max(mb for _, mb in found))
                for found in runs.values()
            )
            ratios = [g / f for (g, _), (f, _) in zip(runs["gymtui"], runs["floor"], strict=True)]
            print(
                f"{rows:>9,} | {f_s:7.2f} {f_mb:5.1f} | {o_s:7.2f} {o_mb:5.1f} | "
                f"{g_s:8.2f} {g_mb:5.1f} | {g_s / f_s:.2f}x (each run: "
                f"{', '.join(f'{r:.2f}' for r in ratios)})",
                flush=True,
            )
            source.unlink()


if __name__ == "__main__":
    main()
