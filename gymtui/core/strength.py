"""Estimated strength: the one-rep max a set implies (Epley) and the weight it allows for reps.

History's e1RM, the PR flags and the ceiling on every suggested weight use these two, so they
can never disagree.
"""

# Epley: weight x (1 + reps / 30). Past about 10 reps a set says more about endurance than
# about strength, so reps are capped there; a single is its own 1RM.
E1RM_REP_CAP = 10
E1RM_FORMULA = "Epley, reps ≤ 10"


def e1rm(weight_kg: float, reps: int) -> float:
    """Estimated one-rep max (Epley, reps capped at 10; a single is its own max)."""
    if reps <= 1:
        return weight_kg
    return weight_kg * (1 + min(reps, E1RM_REP_CAP) / 30)


def weight_for(one_rm_kg: float, reps: int) -> float:
    """The heaviest weight whose e1RM for `reps` is `one_rm_kg`: e1rm's inverse, so that
    `e1rm(weight_for(m, n), n) == m` for every n."""
    if reps <= 1:
        return one_rm_kg
    return one_rm_kg / (1 + min(reps, E1RM_REP_CAP) / 30)
