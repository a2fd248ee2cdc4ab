"""Which sessions are leg days, in SQL: core.training.is_leg_day over each session's sets."""

from gymtui.core.training import LEG_DAY_SETS

# Per session: `n` working sets and `legs` of them on an exercise with a main (leg) muscle.
# Only leg muscles are main muscles (core.models.MUSCLES); core and lower back are
# stabilisers, so an exercise's muscles are empty when it trains no leg.
LEG_COUNTS = """
    SELECT t.session_id, count(*) AS n, sum(e.muscles != '') AS legs
    FROM sets t JOIN exercises e ON e.id = t.exercise_id
    WHERE t.kind != 'warmup' AND t.session_id >= ? GROUP BY t.session_id
"""
# The rule, for a row of LEG_COUNTS; its one parameter is LEG_DAY_SETS.
LEG_DAY = "legs > 0 AND legs >= min(?, n)"
__all__ = ["LEG_COUNTS", "LEG_DAY", "LEG_DAY_SETS"]
