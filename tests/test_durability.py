"""A set reported as saved survives `kill -9` of the process that saved it."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

WRITER = """
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.store import Store

program = load_program()
store = Store.open(Path(sys.argv[1]))
store.exercises.sync(program.exercises.values())
start = datetime(2026, 11, 22, 18, tzinfo=timezone.utc)
n = 0
while True:
    n += 1
    when = start + timedelta(seconds=n)
    saved = store.sessions.log_set(SetInput("back_squat", 100, 6), program.days[0], when)
    print(saved.id, flush=True)
"""


def test_every_set_reported_saved_survives_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "gymtui.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    reported = [int(proc.stdout.readline()) for _ in range(40)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # whatever the writer printed after our last read may be lost in the pipe; what we read
    # had been committed before it was printed
    conn = sqlite3.connect(db)
    stored = {row[0] for row in conn.execute("SELECT id FROM sets")}
    conn.close()
    assert set(reported) <= stored
