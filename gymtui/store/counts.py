"""Counting in SQL as core counts: which sessions are leg days (core.training.is_leg_day),
and what a set is worth (a left or a right set is half of one planned set: LoggedSet.share)."""

from gymtui.core.training import LEG_DAY_SETS

# Per session: `n` working sets and `legs` of them on an exercise with a main (leg) muscle.
# Only leg muscles are main muscles (core.models.MUSCLES); core and lower back are
# stabilisers, so an exercise's muscles are empty when it trains no leg.
# `{sessions}` is a subquery of the session ids to count, read through the by-session index:
# Today asks about one week, and must not scan a decade of sets on every logged set.
LEG_COUNTS = """
    SELECT t.session_id, count(*) AS n, sum(e.muscles != '') AS legs
    FROM sets t JOIN exercises e ON e.id = t.exercise_id
    WHERE t.kind != 'warmup' AND t.session_id IN ({sessions}) GROUP BY t.session_id
"""
# The rule, for a row of LEG_COUNTS; its one parameter is LEG_DAY_SETS.
LEG_DAY = "legs > 0 AND legs >= min(?, n)"
# A set's share of a planned set, and so of sets counted and of volume: a left and a right
# set together are one set, with the volume of a both-legs set of the same reps per leg.
SHARE = "(CASE WHEN side IS NULL THEN 1.0 ELSE 0.5 END)"
# A hold (seconds, core.models.LoggedSet.volume_kg) moves no kg: it counts no volume.
VOLUME = f"(CASE WHEN seconds IS NULL THEN weight_kg * reps * {SHARE} ELSE 0 END)"
# Working sets counted as planned sets, whole: half a pair still counts as one.
SETS = "CAST((sum(CASE WHEN side IS NULL THEN 2 ELSE 1 END) + 1) / 2 AS INTEGER)"
__all__ = ["LEG_COUNTS", "LEG_DAY", "LEG_DAY_SETS", "SETS", "SHARE", "VOLUME"]
