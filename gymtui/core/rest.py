"""The rest timer: a deadline read against a clock that keeps counting through suspend."""

import math
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, NamedTuple, Protocol

from gymtui.core.models import Exercise, PlannedExercise, SetKind
from gymtui.core.values import format_duration

RestState = Literal["idle", "running", "paused"]
ADJUST_STEP_S = 15
DEFAULT_REST_S = 120
DEFAULT_WARMUP_REST_S = 45
OVER_LIMIT_S = 15 * 60  # past this, a rest nobody ended is over: the count-up stops


class Clock(Protocol):
    """Where time comes from: wall time for the record, a steady clock for counting."""

    def now(self) -> datetime:
        """The wall-clock time, time-zone aware."""
        ...

    def elapsed(self) -> float:
        """Seconds on a clock that never jumps back and keeps counting through suspend."""
        ...


class SystemClock:
    """The real clocks: CLOCK_BOOTTIME on Linux (counts while the lid is shut), else monotonic."""

    def __init__(self) -> None:
        self._boottime: int | None = getattr(time, "CLOCK_BOOTTIME", None)

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def elapsed(self) -> float:
        if self._boottime is not None:
            return time.clock_gettime(self._boottime)
        return time.monotonic()


class ManualClock:
    """Clocks that move only when told to: for tests, screenshots and demos."""

    def __init__(self, wall: datetime, steady: float = 10_000.0) -> None:
        self.wall = wall
        self.steady = steady

    def now(self) -> datetime:
        return self.wall

    def elapsed(self) -> float:
        return self.steady

    def advance(self, seconds: float) -> None:
        """Time passes on both clocks (a suspend looks the same: both jump)."""
        self.wall += timedelta(seconds=seconds)
        self.steady += seconds


@dataclass
class RestTimer:
    """A countdown to a deadline on the steady clock; it never counts ticks."""

    state: RestState = "idle"
    length_s: float = 0.0
    deadline: float = 0.0  # on the steady clock, while running
    paused_left: float = 0.0  # while paused
    alerted: bool = False
    after_set_id: int | None = None

    def start(self, seconds: float, at: float, after_set_id: int | None = None) -> None:
        """Begin a rest of `seconds` now."""
        self.state = "running"
        self.length_s = float(seconds)
        self.deadline = at + seconds
        self.paused_left = 0.0
        self.alerted = False
        self.after_set_id = after_set_id

    def remaining(self, at: float) -> float:
        """Seconds left; negative once the rest is over (time over)."""
        if self.state == "running":
            return self.deadline - at
        if self.state == "paused":
            return self.paused_left
        return 0.0

    def is_over(self, at: float) -> bool:
        """The rest has run out and was not dismissed."""
        return self.state == "running" and self.remaining(at) <= 0

    def toggle_pause(self, at: float) -> None:
        """Pause a running rest, resume a paused one (a rest already over just stays over)."""
        if self.state == "running" and not self.is_over(at):
            self.paused_left = self.deadline - at
            self.state = "paused"
        elif self.state == "paused":
            self.deadline = at + self.paused_left
            self.state = "running"

    def adjust(self, delta: float, at: float) -> None:
        """Add or take away time; taking away past zero ends the rest now."""
        if self.state == "idle":
            return
        left = max(0.0, max(self.remaining(at), 0.0) + delta)
        self.length_s = max(0.0, self.length_s + delta)
        if self.state == "paused":
            self.paused_left = left
            if left == 0:
                self.state = "running"
                self.deadline = at
        else:
            self.deadline = at + left
            if left > 0:
                self.alerted = False

    def skip(self) -> None:
        """End the rest now, with no alert: the user chose to go on."""
        self.state = "idle"

    def expire(self, at: float) -> bool:
        """End a rest that has been over for OVER_LIMIT_S; True when it just ended."""
        if self.state == "running" and self.remaining(at) < -OVER_LIMIT_S:
            self.state = "idle"
            return True
        return False

    def poll_alert(self, at: float) -> bool:
        """True exactly once per rest: the first time it is seen to be over."""
        if self.is_over(at) and not self.alerted:
            self.alerted = True
            return True
        return False

    def to_saved(self, at: float, wall: datetime) -> dict[str, Any]:
        """The state as plain data, with the deadline on the wall clock for a restart."""
        data: dict[str, Any] = {
            "state": self.state,
            "length_s": self.length_s,
            "alerted": self.alerted,
            "after_set_id": self.after_set_id,
        }
        if self.state == "running":
            data["deadline"] = (wall + timedelta(seconds=self.deadline - at)).isoformat()
        elif self.state == "paused":
            data["paused_left"] = self.paused_left
        return data

    @classmethod
    def from_saved(cls, data: dict[str, Any], at: float, wall: datetime) -> "RestTimer":
        """Rebuild a saved timer: the same countdown, not a reset one."""
        timer = cls(
            state=data.get("state", "idle"),
            length_s=float(data.get("length_s", 0)),
            alerted=bool(data.get("alerted", False)),
            after_set_id=data.get("after_set_id"),
        )
        if timer.state == "running":
            left = (datetime.fromisoformat(data["deadline"]) - wall).total_seconds()
            timer.deadline = at + left
            if left <= 0:
                timer.alerted = True  # it ran out while gymtui was closed: no alert now
        elif timer.state == "paused":
            timer.paused_left = float(data.get("paused_left", 0))
        if timer.state not in ("idle", "running", "paused"):
            timer.state = "idle"
        return timer


def rest_length(
    exercise: Exercise,
    planned: PlannedExercise | None,
    kind: SetKind,
    user_rest_s: int | None,
    warmup_rest_s: int | None = None,
    default_rest_s: int | None = None,
) -> int:
    """How long to rest after a set.

    Warm-ups get the warm-up rest. Otherwise: the user's own setting for the exercise, the
    program's value, the exercise's built-in default, and last the global default.
    """
    if kind == "warmup":
        return warmup_rest_s or DEFAULT_WARMUP_REST_S
    if user_rest_s:
        return user_rest_s
    if planned is not None and planned.rest_s:
        return planned.rest_s
    return fallback_rest(exercise, default_rest_s)


def fallback_rest(exercise: Exercise | None, default_rest_s: int | None) -> int:
    """The rest after a working set when neither the user nor the program set one: the
    catalogue's for its exercises, else the user's default for their own, else 2:00."""
    if exercise is not None and not exercise.custom and exercise.rest_s:
        return exercise.rest_s
    return default_rest_s or DEFAULT_REST_S


class RestLengths(NamedTuple):
    """The user's rest lengths in seconds; None means "use the default"."""

    exercise: int | None
    warmup: int | None
    default: int | None
    between_legs: int | None = None  # after the first leg of a one-legged pair; None: none
    superset: int | None = None  # between a superset's members; None: the program's, or 20 s


RestShown = Literal["idle", "running", "paused", "over", "hold"]  # hold: core/hold.py


class RestView(NamedTuple):
    """The rest as every screen shows it: one value, computed once per tick."""

    state: RestShown
    remaining_s: float  # negative once over
    length_s: float
    next_up: str  # "Set 2 of 4 - Back squat 100 kg x 6", or what to do when nothing is left
    after_set_id: int | None
    next_plates: str = ""  # "100 kg: 25 + 15 a side (+2.5 each side)" for a barbell set

    @property
    def status_line(self) -> str:
        """The one-line status shown at the foot of every screen."""
        after = f"  ·  next: {self.next_up}" if self.next_up else ""
        left = format_duration(self.remaining_s)
        if self.state == "paused":
            return f"Rest {left} paused (space to resume){after}"
        if self.state == "running":
            return f"Rest {left}{after}"
        if self.state == "hold":
            return f"Hold {left}  ·  {self.next_up}"
        if self.state == "over":
            return f"Rest +{format_duration(-self.remaining_s)} over{after}"
        return f"No rest running{after}" if self.next_up else "No rest running"

    @property
    def headline(self) -> str:
        """The Rest screen's line above the digits."""
        return {
            "idle": "No rest running: log a set (enter), or space to start one",
            "paused": "Paused: space to resume",
            "over": "Rest over: time for the next set",
            "running": "Resting",
            "hold": "Hold: enter when you stop (s: cancel, nothing saved)",
        }[self.state]

    @property
    def digits(self) -> str:
        """The big number: time left, or time over with a +."""
        if self.state == "idle":
            return "0:00"
        if self.state == "over":
            return "+" + format_duration(-self.remaining_s)
        return format_duration(self.remaining_s)

    @property
    def done_s(self) -> float:
        """How much of the rest has passed, for a progress bar (all of it when over or idle)."""
        total = max(self.length_s, 1.0)
        if self.state in ("over", "idle"):
            return total
        return total - self.remaining_s

    @property
    def shown_done_s(self) -> float:
        """`done_s` in the whole seconds the digits show: a bar drawn from it moves when
        they do, so one redraw a second shows both."""
        total = max(self.length_s, 1.0)
        if self.state in ("over", "idle"):
            return total
        return max(0.0, total - math.ceil(self.remaining_s - 1e-9))


def rest_view(timer: RestTimer, at: float, next_up: str, next_plates: str = "") -> RestView:
    """What the timer shows at `at` on the steady clock."""
    left = timer.remaining(at)
    state: RestShown
    state = ("running" if left > 0 else "over") if timer.state == "running" else timer.state
    return RestView(state, left, timer.length_s, next_up, timer.after_set_id, next_plates)


def next_change_s(view: RestView) -> float | None:
    """Seconds from `view` until what shows it looks different: its M:SS at the next whole
    second (the deadline is one of them); None while nothing on it moves (no rest, or
    paused). A bar drawn from `shown_done_s` moves at the same moments."""
    left = view.remaining_s
    if view.state in ("running", "hold"):
        # M:SS shows ceil(left) (format_duration): it turns when left reaches the second below
        return max(left - (math.ceil(left - 1e-9) - 1), 0.0)
    if view.state == "over":  # +M:SS shows ceil(over): it turns just past the whole second
        over = -left
        return max(math.ceil(over - 1e-9) - over, 0.0)
    return None
