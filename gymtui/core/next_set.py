"""Which set comes next: the order rule that Today's highlighted row, Rest's "next:" line and
Rest's `enter` follow. Pure: the plan's rows and the set logged last decide it."""

from collections.abc import Sequence

from gymtui.core.models import LoggedSet
from gymtui.core.supersets import next_row_in_round
from gymtui.core.training import PlanRow


def next_row_index(rows: Sequence[PlanRow], last: LoggedSet | None = None) -> int | None:
    """The set to do next: the other leg of a half-done pair first; then the next set of the
    exercise logged last (`last`) until it is done; then the first unfinished exercise below
    it, wrapping to those above; with nothing logged, the first set due from the top. None
    when nothing is due (a skipped exercise's sets never are)."""
    half = [i for i, r in enumerate(rows) if r.missing_side is not None and not r.skipped]
    due = [i for i, r in enumerate(rows) if r.due]
    if last is not None:
        # The pair being done first, then any other: a leg left waiting is the next set.
        own_half = [i for i in half if rows[i].exercise.id == last.exercise_id]
        if own_half:
            return own_half[0]
    if half:
        return half[0]
    if not due:
        return None
    if last is None:
        return due[0]
    in_round = next_row_in_round(rows, last)  # a superset's member: the round's next member
    if in_round is not None:
        return in_round
    own = [i for i in due if rows[i].exercise.id == last.exercise_id]
    if own:
        return own[0]
    at = [i for i, r in enumerate(rows) if r.exercise.id == last.exercise_id]
    if not at:  # its rows are gone (deleted, removed from today): from the top
        return due[0]
    below = [i for i in due if i > at[-1]]
    return below[0] if below else due[0]


def last_logged(session_sets: Sequence[LoggedSet]) -> LoggedSet | None:
    """The set logged last in the session (by its time, then its id), if any."""
    return max(session_sets, key=lambda s: (s.logged_at, s.id), default=None)
