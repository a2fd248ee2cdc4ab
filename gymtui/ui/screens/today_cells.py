"""Today's cells: a set as done (a hold in seconds), a left and right pair as one set; a
name with its pain flag; the tip line for a row."""

from __future__ import annotations

from rich.text import Text

from gymtui.core.models import LoggedSet
from gymtui.core.pain import PAIN_MARK, pain_facts, read_pain
from gymtui.core.pairs import pair_text
from gymtui.core.summary import planned_sets
from gymtui.core.training import PlanRow, TodayView
from gymtui.core.values import Unit, count, format_number, format_set, format_weight, from_kg
from gymtui.ui.text import clip, plain

NAME_WIDTH = 22  # an imported name is cut here: at 80 columns every other column fits whole


def logged_text(
    logged: LoggedSet, unit: Unit, partner: LoggedSet | None, missing: str | None
) -> Text:
    """A logged set's cell: `✓ 100 x 6 @8`, `✓ 45 s` for a hold, a pair as one, half a pair
    with the leg still to do; a pain mark after it (`⚡knee!`: sharp)."""
    mark = {"warmup": "W", "drop": "D", "failure": "F"}.get(logged.kind, "✓")
    # a pair's effort is its first leg's (a digit rates both legs); its pain, either leg's
    pain = read_pain(partner.pain) if partner is not None else None
    pain = pain or read_pain(logged.pain)
    rpe = (f" @{logged.rpe:g}" if logged.rpe else "") + (f" {pain.short}" if pain else "")
    style = "dim" if logged.kind == "warmup" else "green"
    done = format_set(logged.weight_kg, logged.reps, unit, with_unit=False, seconds=logged.seconds)
    if missing is not None:  # half a one-legged pair
        return Text(f"{logged.side} {done}{rpe} · {missing} next", style="yellow")
    if partner is not None:
        return Text(f"{mark} {pair_text(logged, partner, unit)}{rpe}", style=style)
    side = f" {logged.side}" if logged.side else ""
    return Text(f"{mark} {done}{side}{rpe}", style=style)


def name_cell(name: str, width: int, hurt_twice: bool) -> Text:
    """An exercise's name, with `⚡` after it when it hurt two sessions running."""
    if not hurt_twice:
        return plain(clip(name, width), style="bold")
    cell = plain(clip(name, width - 2), style="bold")
    cell.append(f" {PAIN_MARK}", style="bold red")
    return cell


def hurt_twice(view: TodayView, exercise_id: str) -> bool:
    """The exercise had a pain mark in each of its last two sessions."""
    return pain_facts(view.recent.get(exercise_id, [])).twice


def advice_text(view: TodayView, row: PlanRow, unit: Unit) -> str:
    """The detail's tip line for a row: the next weight and why, a warm-up's step, a back-off's
    share of the top set, a skip, a hold; a first time starts from its sets so far."""
    ex = row.exercise
    suggestion = view.suggestions.get(ex.id)
    if row.skipped and row.logged is None:
        advice = "Skipped today, no miss for progression: k brings it back"
    elif row.ramp is not None:
        advice = f"Warm-up {row.ramp.number} of {row.ramp.of}: {row.ramp.step.text}"
    elif suggestion is not None and row.timed:
        held = view.reps_for(row)
        aim = format_set(view.weight_for(row) or 0.0, 1, unit, seconds=held)
        advice = f"Next {aim}: {suggestion.reason} · enter starts the hold"
    elif suggestion is None:
        advice = ""
    elif row.planned and row.planned.backoff_pct and (row.slot or 0) > 1 and not row.logged:
        shown_kg = format_weight(view.weight_for(row) or 0.0, unit)
        advice = f"Back-off {shown_kg}: {row.planned.backoff_pct:g}% of the top set (set 1)"
    elif suggestion.weight_kg is not None:
        kg = suggestion.weight_kg
        shown_kg = format_weight(kg, unit) if kg else "body weight"
        advice = f"Next {shown_kg}: {suggestion.reason}"
    else:
        done = [s for s in view.session_sets if s.exercise_id == ex.id and s.is_working]
        advice = f"First time: {suggestion.reason}"
        if done and row.logged is None:  # its first session: the sets so far go first
            last = format_set(done[-1].weight_kg, done[-1].reps, unit, seconds=done[-1].seconds)
            number = planned_sets(done)  # a left and a right set are one set
            advice = f"First time: set {number} was {last}; the next starts from it"
        elif done:  # its first session, on a set logged: next time starts from today's
            sets = count(planned_sets(done), "set")
            advice = f"First time: {sets} today; next time starts from them"
    return advice


def row_cells(
    view: TodayView, row: PlanRow, *, is_next: bool, first: bool, unit: Unit
) -> list[Text]:
    """A plan row's cells: name (on an exercise's first row), set label, target, last time,
    next (the weight to put on, or warm-up, skipped, new) and logged (a PR starred: the file's
    flag, the first set of an exercise ever beat nothing and has none)."""
    hurt = first and hurt_twice(view, row.exercise.id)
    name = name_cell(row.exercise.name if first else "", NAME_WIDTH, hurt)
    marker = "▶" if is_next else " "
    label = Text(f"{marker}{row.label}", style="bold yellow" if is_next else "")
    per_leg = "/leg" if row.exercise.one_legged else ""
    target = Text()
    if row.ramp is not None:
        share = row.ramp.step.percent
        target = Text(f"×{row.ramp.reps} {'bar' if share is None else f'{share:g}%'}")
        target.stylize("dim")
    elif row.planned and row.slot:
        times = "" if row.planned.timed else "×"  # a hold's target reads `45 s`
        target = Text(f"{times}{row.planned.reps_text}{per_leg}")
    last = Text(
        format_set(
            row.last_time.weight_kg,
            row.last_time.reps,
            unit,
            with_unit=False,
            seconds=row.last_time.seconds,
        )
        if row.last_time
        else ""
    )
    nxt = Text()
    logged = Text()
    if row.ramp is not None and row.logged is None:
        nxt = Text(format_number(from_kg(row.ramp.weight_kg, unit)), style="dim")
    elif row.logged is not None:
        logged = logged_text(row.logged, unit, row.partner, row.missing_side)
        if row.logged.pr or (row.partner is not None and row.partner.pr):
            logged.append(" ★", style="bold yellow")
    elif row.skipped:
        nxt = Text("skipped", style="dim italic")
    elif row.slot is not None and row.timed:
        load = view.weight_for(row) or 0.0
        nxt = Text(format_set(load, 1, unit, with_unit=False, seconds=view.reps_for(row)))
    elif row.slot is not None:
        weight = view.weight_for(row)
        nxt = (
            Text(format_number(from_kg(weight, unit)) if weight else "BW")
            if weight is not None
            else Text("new", style="italic yellow")
        )
        reps = view.reps_for(row)
        ranged = row.planned is not None and (row.planned.reps_top or weight == 0)
        if ranged and reps is not None:  # the rep to beat: in a range, or at body weight
            nxt.append(f" ×{reps}", style="dim")
    if row.skipped and row.logged is None:
        for cell in (name, label, target, last):
            cell.stylize("dim")
    return [name, label, target, last, nxt, logged]
