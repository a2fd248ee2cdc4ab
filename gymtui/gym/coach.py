"""The facts the plan is adjusted by, `gym.coach`: where this week is in the program's
blocks (and which sessions were deload weeks), and today's readiness answers (no Textual).

Blocks: the first starts the week of the first leg day at or after the program's `[block]`
was first seen (written when the app opens a program with one, once); the palette's "Start a
new block" begins another the same way. Readiness: answered before the session's first set,
so kept as a setting until that set starts the session, which takes them into its row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from gymtui.core.blocks import BlockWeek, block_starts, week_in_blocks
from gymtui.core.models import Program, Session
from gymtui.core.readiness import POOR_SLEEP, POOR_SORENESS, Readiness
from gymtui.core.rest import Clock
from gymtui.core.settings import Settings
from gymtui.core.training import TodayView
from gymtui.store import Store
from gymtui.store.plan_facts import Pending


def sync_program(store: Store, program: Program, now: datetime) -> None:
    """A program now runs: its exercises into the catalogue, and its blocks begun when it
    is the first program with a `[block]` (each a write only when something changed)."""
    store.exercises.sync(program.exercises.values())
    if program.block is not None and not store.plan_facts.block_starts():
        store.plan_facts.begin_block(now)


def starts(store: Store, program: Program, now: datetime) -> list[date]:
    """The Mondays the program's blocks started (none without a `[block]`)."""
    if program.block is None:
        return []
    seen = store.plan_facts.block_starts()
    if not seen:
        return [now.astimezone().date() - timedelta(days=now.astimezone().weekday())]
    legs = store.history.leg_day_starts(since=min(seen))
    return block_starts(seen, legs, now.astimezone().date())


def block_week(store: Store, program: Program, now: datetime) -> BlockWeek | None:
    """This week's place in the blocks (None: no `[block]`)."""
    if program.block is None:
        return None
    return week_in_blocks(program.block, starts(store, program, now), now.astimezone().date())


def block_labels(
    store: Store, program: Program, weeks: Iterable[date], now: datetime
) -> dict[date, BlockWeek]:
    """History's weeks in the blocks: each week's block and week (none before the first)."""
    if program.block is None:
        return {}
    begun = starts(store, program, now)
    found = {w: week_in_blocks(program.block, begun, w) for w in weeks}
    return {w: b for w, b in found.items() if b is not None}


def excused_sessions(store: Store, program: Program, now: datetime) -> dict[int, str]:
    """The sessions that judge no progression, and why: a deload week's and a poor day's
    (lighter on purpose: no miss, and no lighter start after them)."""
    found = dict.fromkeys(store.plan_facts.poor_days(POOR_SLEEP, POOR_SORENESS), "a poor day")
    found.update(dict.fromkeys(deload_sessions(store, program, now), "deload week"))
    return found


def deload_sessions(store: Store, program: Program, now: datetime) -> list[int]:
    """The sessions done in a deload week."""
    if program.block is None:
        return []
    begun = starts(store, program, now)
    if not begun:
        return []
    since = datetime(begun[0].year, begun[0].month, begun[0].day).astimezone() - timedelta(days=1)
    found = []
    for session_id, started in store.plan_facts.sessions_since(since):
        week = week_in_blocks(program.block, begun, started.astimezone().date())
        if week is not None and week.deload:
            found.append(session_id)
    return found


def after_last(store: Store) -> str:
    """The session before the one about to start, as today's settings name it (id, start)."""
    last = store.sessions.last()
    return "" if last is None else f"{last.id} {last.started_at.isoformat()}"


def readiness_of(
    store: Store, session: Session | None, after: str, now: datetime
) -> Readiness | None:
    """Today's answers: the open session's, else those given for the session about to start
    (`after`: the session before it) while they are today's; None when not asked."""
    if session is not None and session.sleep is not None:
        return Readiness(session.sleep, session.soreness)
    pending = store.plan_facts.pending_for(after, now)
    return None if pending is None else Readiness(pending.sleep, pending.soreness)


class Coach:
    """Gym's writes for blocks and readiness."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        settings: Callable[[], Settings],
        changed: Callable[[], TodayView],  # Today read again
    ) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings
        self._changed = changed

    def begin_block(self) -> TodayView:
        """A new block: from the week of the next leg day (this week's, if one is today)."""
        self._store.plan_facts.begin_block(self._clock.now())
        return self._changed()

    def readiness_due(self, view: TodayView) -> bool:
        """Whether to ask before this set: the check is on, the session has not started, and
        it was not answered or skipped for it."""
        if not self._settings().readiness_check or view.session is not None:
            return False
        return (
            self._store.plan_facts.pending_for(after_last(self._store), self._clock.now()) is None
        )

    def answer_readiness(self, sleep: int | None, soreness: int | None) -> TodayView:
        """Keep the answers (None, None: skipped) for the session about to start."""
        now = self._clock.now().isoformat()
        self._store.plan_facts.save_readiness(
            Pending(after_last(self._store), sleep, soreness, now)
        )
        return self._changed()
