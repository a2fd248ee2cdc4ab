"""Per-set commit cost: how long `log_set` takes to put one set on disk (WAL, synchronous=FULL).

Run: uv run python benchmarks/commit_cost.py [--sets 500] [--dir DIR]
Use --dir to measure on the disk where your data really lives (the default is a temp folder).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", type=int, default=500)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    program = load_program()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        store = Store.open(Path(tmp) / "gymtui.db")
        store.exercises.sync(program.exercises.values())
        start = datetime(2026, 1, 1, tzinfo=UTC)
        timings = []
        for n in range(args.sets):
            entry = SetInput("back_squat", 100 + n % 10, 6)
            began = time.perf_counter()
            store.sessions.log_set(entry, program.days[0], start + timedelta(seconds=n))
            timings.append((time.perf_counter() - began) * 1000)
        store.close()
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"log_set on {args.sets} sets (WAL, synchronous=FULL, fsync per set)")
    median = statistics.median(timings)
    print(f"  median {median:.2f} ms   p95 {p95:.2f} ms   max {timings[-1]:.2f} ms")


if __name__ == "__main__":
    main()
