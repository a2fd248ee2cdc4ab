"""Battery: CPU used per minute by gymtui on each screen, against a Textual app that redraws a
clock once a second (started from the same venv, measured over the same seconds); and the
resident memory after an hour on the Rest screen against after a minute.

Run: uv run python benchmarks/battery.py [--seconds 30] [--part cpu|rss|all] [--only rack]

CPU: both programs run in tmux (100x30). gymtui starts on a fresh data folder whose program's
day is the back squat and a plank held for minutes; a set is logged through the keyboard so a
rest runs, then it shows the Rest screen (r), the rack view (v), Today (t), Today with no rest
(r, s, t), then the plank's hold counting down on the Rest screen (its row, enter) and on the
rack view (v). For each (or those whose name has `--only` in it; the keys of the others are
still pressed), the CPU seconds of both process trees over the same `--seconds` of wall time
are given per minute, with the ratio, measured two ways: utime + stime from /proc/<pid>/stat
(the process and its children, waited-for ones included), in 10 ms clock ticks, and each
thread's run time from /proc/<pid>/task/*/schedstat, in nanoseconds (the finer of the two: a
run's few ticks make the first ratio jump).

RSS: the real app headless on a ManualClock moved on to each moment the app would wake at,
on the Rest screen, through 30 s rests started one after another for a simulated hour
(alerts on). Resident memory after a simulated minute and after the hour, the app's toasts
cleared and a collection run before each reading. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import math
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

CLOCK_APP = """
import time
from textual.app import App
from textual.widgets import Static

class ClockApp(App[None]):
    def compose(self):
        yield Static(time.strftime("%H:%M:%S"), id="clock")

    def on_mount(self):
        self.set_interval(1, self.tick)

    def tick(self):
        self.query_one("#clock", Static).update(time.strftime("%H:%M:%S"))

ClockApp().run()
"""
TICKS = os.sysconf("SC_CLK_TCK")
REST_SHOWN = re.compile(r"Rest \d+:\d\d")
HOLD_SHOWN = "Hold: enter when you stop"
SCENARIOS: list[tuple[str, list[str], str | re.Pattern[str]]] = [  # name, keys, shown throughout
    ("Rest, rest running", ["r"], "Resting"),
    ("Rack view, rest running", ["v"], "Resting"),
    ("Today, rest running", ["t"], REST_SHOWN),
    ("Today, no rest", ["r", "s", "t"], "No rest running"),
    # The plank is the day's last row: four down from the squat's second set
    ("Rest, hold counting down", ["Down", "Down", "Down", "Down", "Enter"], HOLD_SHOWN),
    ("Rack view, hold", ["v"], HOLD_SHOWN),
]
PROGRAM = """name = "Battery"
goal_per_week = 2

[[days]]
key = "A"
name = "Day A"
exercises = [
  {{ exercise = "back_squat", sets = 4, reps = 6 }},
  {{ exercise = "plank", sets = 1, seconds = {hold_s} }},
]
"""


def tree_cpu(root: int) -> tuple[float, float]:
    """CPU seconds used by `root` and every process below it: from /proc/<pid>/stat's clock
    ticks (utime, stime, and their waited-for children's), and from each thread's schedstat,
    in nanoseconds (a tick is 10 ms: over 45 s one tick is 0.013 CPU-s/min, a tenth of the
    clock app's, so the ticks' ratio moves by 0.1x or more from run to run)."""
    parents: dict[int, int] = {}
    used: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        used[pid] = sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    ran_ns = 0
    for pid in tree:
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in threads:
            try:
                with open(f"/proc/{pid}/task/{tid}/schedstat") as schedstat:
                    ran_ns += int(schedstat.read().split()[0])
            except OSError:
                continue
    return sum(used.get(pid, 0) for pid in tree) / TICKS, ran_ns / 1e9


TMUX = ["tmux", "-L", "gymtui-battery"]  # a server of its own: other benchmarks use tmux too


def tmux(*args: str) -> str:
    return subprocess.run([*TMUX, *args], capture_output=True, text=True).stdout


def start(session: str, command: list[str], env: dict[str, str]) -> int:
    """Start `command` in a detached tmux session; the pane's process id."""
    tmux("kill-session", "-t", session)
    settings = [f"{key}={env[key]}" for key in ("GYMTUI_DATA_DIR", "TERM") if key in env]
    shell = " ".join(
        shlex.quote(part) for part in ["env", "-u", "PYTHONDONTWRITEBYTECODE", *settings, *command]
    )
    subprocess.run(
        [*TMUX, "new-session", "-d", "-x", "100", "-y", "30", "-s", session, shell],
        env=env,
        check=True,
    )
    return int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())


def wait_for(session: str, shown: str | re.Pattern[str], timeout: float = 20) -> str:
    began = time.monotonic()
    while True:
        screen = tmux("capture-pane", "-p", "-t", session)
        found = shown.search(screen) if isinstance(shown, re.Pattern) else shown in screen
        if found:
            return screen
        if time.monotonic() - began > timeout:
            raise SystemExit(f"{session}: never saw {shown!r}:\n{screen}")
        time.sleep(0.05)


def keys(session: str, *pressed: str) -> None:
    for key in pressed:
        tmux("send-keys", "-t", session, key)
        time.sleep(0.3)


def cpu_part(seconds: float, only: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clock_app = folder / "clock_app.py"
        clock_app.write_text(CLOCK_APP)
        (folder / "data").mkdir()
        # The hold outlasts its two screens measured (at most the ten minutes a plan allows)
        hold_s = min(600, math.ceil(2 * (seconds + 8) + 20))
        (folder / "data" / "program.toml").write_text(PROGRAM.format(hold_s=hold_s))
        env = {**os.environ, "GYMTUI_DATA_DIR": str(folder / "data")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        try:
            clock_pid = start("battery-clock", [sys.executable, str(clock_app)], env)
            gym_pid = start("battery-gym", [sys.executable, "-m", "gymtui"], env)
            wait_for("battery-clock", re.compile(r"\d\d:\d\d:\d\d"))
            wait_for("battery-gym", "Back squat")
            time.sleep(1)
            keys("battery-gym", "Enter")
            wait_for("battery-gym", "Weight")
            keys("battery-gym", "1", "0", "0", "Enter")
            wait_for("battery-gym", REST_SHOWN)
            # The 3:00 rest must outlast the three screens measured with it running: +15 s
            # on the Rest screen as often as that takes.
            more = math.ceil(max(0.0, 3 * (seconds + 8) - 170) / 15)
            if more:
                keys("battery-gym", "r", *["+"] * more, "t")
            rows = []
            for name, pressed, shown in SCENARIOS:
                keys("battery-gym", *pressed)
                wait_for("battery-gym", shown)
                if only.lower() not in name.lower():
                    continue
                time.sleep(6)  # past the first paint and the "Saved" toast: the screen left on
                gym0, clock0 = tree_cpu(gym_pid), tree_cpu(clock_pid)
                time.sleep(seconds)
                gym1, clock1 = tree_cpu(gym_pid), tree_cpu(clock_pid)
                wait_for("battery-gym", shown, timeout=0)  # still there: the rest still runs
                per_min = 60 / seconds
                gym = [(gym1[n] - gym0[n]) * per_min for n in (0, 1)]
                clock = [(clock1[n] - clock0[n]) * per_min for n in (0, 1)]
                rows.append((name, gym[0], gym[1], clock[0], clock[1]))
        finally:
            tmux("kill-session", "-t", "battery-gym")
            tmux("kill-session", "-t", "battery-clock")
    print(f"CPU seconds per minute of wall time, over {seconds:.0f} s each (tmux, 100x30):")
    print(f"  {'':<26} {'clock ticks (/proc/pid/stat)':^28}   {'run time (schedstat, ns)':^28}")
    print(f"  {'screen':<26} {'gymtui':>8} {'clock app':>10} {'ratio':>7}   ", end="")
    print(f"{'gymtui':>8} {'clock app':>10} {'ratio':>7}")
    for name, gym, gym_ns, clock, clock_ns in rows:
        ratio = gym / clock if clock else float("inf")
        ratio_ns = gym_ns / clock_ns if clock_ns else float("inf")
        print(f"  {name:<26} {gym:8.3f} {clock:10.3f} {ratio:6.2f}x   ", end="")
        print(f"{gym_ns:8.3f} {clock_ns:10.3f} {ratio_ns:6.2f}x")
    print("  (goal: every row at most 1.5x)")


def resident_mib() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


async def rss_part() -> None:
    from gymtui.core.rest import ManualClock, RestLengths
    from gymtui.paths import resolve_paths
    from gymtui.ui.app import build_app

    clock = ManualClock(datetime(2026, 11, 22, 18, 0, tzinfo=UTC))
    readings: dict[int, float] = {}
    wakes = rests = 0
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(resolve_paths(tmp), clock=clock, notifier=lambda title, body: None)
        app.TICK_S = 3600  # the clock is moved by hand, to each moment the app would wake
        async with app.run_test(size=(100, 30)) as pilot:
            app.gym.set_rest_lengths("back_squat", RestLengths(30, None, None))
            await pilot.press("enter", "1", "0", "0", "enter", "r")
            began = clock.elapsed()
            marks = [60, 600, 1800, 3600]
            while marks:
                clock.advance(min(app.next_tick_s or 1.0, 1.0))  # as TICK_S = 1 would
                app.tick()
                await pilot.pause()
                wakes += 1
                view = app.gym.rest_view()
                if view.state == "over" and -view.remaining_s >= 5:
                    await pilot.press("s", "space")  # the next rest, as a lifter starts one
                    rests += 1
                if clock.elapsed() - began >= marks[0]:
                    app.clear_notifications()
                    await pilot.pause(0.1)
                    gc.collect()
                    readings[marks.pop(0)] = resident_mib()
    print(
        f"RSS on the Rest screen, headless, a ManualClock moved to each wake-up ({wakes} wakes, "
        f"{rests} rests of 30 s):"
    )
    for mark, mib in readings.items():
        label = f"{mark // 60} min"
        print(f"  after {label:>6}: {mib:6.1f} MiB ({(mib / readings[60] - 1) * 100:+.1f} %)")
    print("  (goal: after an hour within 5 % of after a minute)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--part", choices=("cpu", "rss", "all"), default="all")
    parser.add_argument("--only", default="", help="measure the screens whose name has this")
    args = parser.parse_args()
    if args.part in ("cpu", "all"):
        if shutil.which("tmux") is None:
            raise SystemExit("needs tmux (apt-get install tmux)")
        cpu_part(args.seconds, args.only)
    if args.part in ("rss", "all"):
        asyncio.run(rss_part())


if __name__ == "__main__":
    main()
