"""Start-up: time to the first frame showing today's plan, against a Textual hello world.

Run: uv run python benchmarks/startup.py [--runs 15] [--theme NAME]

Both programs start from the same venv's python inside tmux (a real terminal); the clock runs
from launching the command to the frame being on tmux's screen (polled every 5 ms). Peak memory
is each process's maximum resident set. The breakdown times gymtui's stages in one process.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO = """
from textual.app import App
from textual.widgets import Footer, Static

class Hello(App[None]):
    def compose(self):
        yield Static("Hello, world")
        yield Footer()

Hello().run()
"""
MAXRSS = """
import atexit, resource, runpy, sys
out = sys.argv.pop(1)
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # noqa: E731
atexit.register(lambda: open(out, "w").write(str(peak())))
target = sys.argv[1]
if target == "-m":
    sys.argv = [sys.argv[2], *sys.argv[3:]]
    runpy.run_module(sys.argv[0], run_name="__main__")
else:
    sys.argv = sys.argv[1:]
    runpy.run_path(target, run_name="__main__")
"""
BREAKDOWN = """
import time
t0 = time.perf_counter()
import textual.app
t1 = time.perf_counter()
import gymtui.ui.app
t2 = time.perf_counter()
from gymtui.paths import resolve_paths
from gymtui.gym import Gym
gym = Gym.open(resolve_paths())
t3 = time.perf_counter()
gym.refresh()
t4 = time.perf_counter()
import sys
print(f"{t1-t0:.3f} {t2-t1:.3f} {t3-t2:.3f} {t4-t3:.3f} {'sqlite_utils' in sys.modules}")
"""


# Its own tmux session: two runs at once (or another benchmark) do not kill each other's.
SESSION = f"gymtui-startup-{os.getpid()}"


def first_frame(command: list[str], marker: str, env: dict[str, str], rss_file: Path) -> float:
    """Seconds from launch to `marker` on the screen; then quit it with q."""
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    # tmux runs a command in its server's environment, not ours: pass ours along with env.
    settings = [f"{key}={env[key]}" for key in ("GYMTUI_DATA_DIR", "TERM") if key in env]
    wrapped = [
        "env",
        "-u",
        "PYTHONDONTWRITEBYTECODE",
        *settings,
        sys.executable,
        "-c",
        MAXRSS,
        str(rss_file),
        *command,
    ]
    shell = " ".join(shlex.quote(part) for part in wrapped)
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", "100", "-y", "30", "-s", SESSION, shell],
        env=env,
        check=True,
    )
    while True:
        screen = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", SESSION], capture_output=True, text=True
        ).stdout
        if marker in screen:
            shown = time.perf_counter() - start
            break
        if time.perf_counter() - start > 20:
            raise SystemExit(f"never saw {marker!r}:\n{screen}")
        time.sleep(0.005)
    subprocess.run(["tmux", "send-keys", "-t", SESSION, "C-q"], check=True)
    for _ in range(400):
        if rss_file.exists() and rss_file.read_text():
            break
        time.sleep(0.01)
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    return shown


def choose_theme(data_dir: Path, theme: str) -> None:
    """Store a theme, as choosing one in the palette does."""
    from gymtui.gym import Gym
    from gymtui.paths import resolve_paths

    gym = Gym.open(resolve_paths(str(data_dir)))
    try:
        gym.update_settings(theme=theme)
    finally:
        gym.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--theme", help="start gymtui with this theme chosen (as a user may)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("needs tmux (apt-get install tmux)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        hello = folder / "hello.py"
        hello.write_text(HELLO)
        env = {**os.environ, "GYMTUI_DATA_DIR": str(folder / "data")}
        # As on a user's machine, Python keeps compiled modules: this machine's environment
        # sets PYTHONDONTWRITEBYTECODE, which would recompile every module on every start of
        # both programs until something writes the caches.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        programs = {
            "hello world": ([str(hello)], "Hello, world"),
            "gymtui": (["-m", "gymtui"], "Back squat"),
        }
        times: dict[str, list[float]] = {name: [] for name in programs}
        memory: dict[str, list[int]] = {name: [] for name in programs}
        for command, marker in programs.values():  # warm the file cache, make the db
            first_frame(command, marker, env, folder / "warm")
        if args.theme:
            choose_theme(folder / "data", args.theme)
        for run in range(args.runs):
            for name, (command, marker) in programs.items():
                rss = folder / f"rss-{run}-{name.replace(' ', '')}"
                times[name].append(first_frame(command, marker, env, rss))
                memory[name].append(int(rss.read_text()) if rss.exists() else 0)
        hello_t = statistics.median(times["hello world"])
        gym_t = statistics.median(times["gymtui"])
        hello_m = statistics.median(memory["hello world"]) / 1024
        gym_m = statistics.median(memory["gymtui"]) / 1024
        print(f"first frame, median of {args.runs} (tmux, 100x30):")
        print(f"  hello world  {hello_t * 1000:6.0f} ms   peak memory {hello_m:5.1f} MiB")
        print(f"  gymtui       {gym_t * 1000:6.0f} ms   peak memory {gym_m:5.1f} MiB")
        ratio, mem = gym_t / hello_t, gym_m / hello_m
        # Each run starts both programs back to back, so a run's ratio cancels the machine's
        # drift (the hello world alone moves by 20% over minutes on a shared machine).
        paired = statistics.median(
            g / h for g, h in zip(times["gymtui"], times["hello world"], strict=True)
        )
        print(f"  ratio        {ratio:6.2f}x (goal <= 1.25x)   memory {mem:.2f}x (goal <= 1.3x)")
        print(f"  ratio run by run, median {paired:.2f}x")
        parts = subprocess.run(
            [sys.executable, "-c", BREAKDOWN], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        print("breakdown (one process, warm cache):")
        print(f"  import textual.app       {float(parts[0]) * 1000:6.0f} ms")
        print(f"  import gymtui.ui.app     {float(parts[1]) * 1000:6.0f} ms (on top of Textual)")
        print(f"  Gym.open (checks, no write when nothing changed) {float(parts[2]) * 1000:.0f} ms")
        print(f"  today's view (the first read) {float(parts[3]) * 1000:.0f} ms")
        print(f"  sqlite_utils imported at start: {parts[4]}")


if __name__ == "__main__":
    main()
