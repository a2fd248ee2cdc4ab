"""Planned blocks and the readiness check on Today, driven by key presses: what the screen
says and what the file holds, week by week through a deload and after it."""

from datetime import timedelta

from gymtui.paths import Paths
from gymtui.ui.dialogs.readiness import ReadinessDialog
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)
PROGRAM = """\
name = "Squat block"
goal_per_week = 1

[warmup]
exercises = "off"

[block]
weeks = 4
deload_sets_pct = 40
deload_load_pct = 10

[[days]]
key = "A"
name = "Day A"
exercises = [
  { exercise = "back_squat", sets = 4, reps = 6, progression = "linear" },
]
"""


def write_program(paths: Paths) -> None:
    paths.program_file.parent.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(PROGRAM)


async def squat_week(
    paths: Paths, clock: FakeClock, first_weight: str | None = None
) -> dict[str, object]:
    """Open the app, note what Today says, log every planned squat set (enter, enter), quit."""
    app = make_app(paths, clock)
    seen: dict[str, object] = {}
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen)
        seen["coach"] = text_of(app, "#coach")
        rows = [r for r in table_rows(app) if r[0] or r[1]]
        seen["rows"] = rows
        seen["detail"] = text_of(app, "#detail")
        for n in range(len(rows)):
            await pilot.press("enter")
            assert isinstance(app.screen, SetDialog)
            if first_weight and n == 0:
                await pilot.press(*first_weight, "enter")
            else:
                await pilot.press("enter")
            assert isinstance(app.screen, TodayScreen)
            clock.advance(180)
    return seen


async def test_a_block_counts_its_weeks_deloads_and_goes_on_where_progression_was(
    paths: Paths, clock: FakeClock
) -> None:
    write_program(paths)
    clock.advance(24 * 3600)  # Monday 23 Nov 2026, 18:00
    weeks = [await squat_week(paths, clock, first_weight="100")]
    # the block was seen when the app opened this program: once, in the file
    assert len(db_rows(paths.database, "SELECT seen_at FROM block_starts")) == 1
    assert weeks[0]["coach"] == "Week 1 of 4 · deload in 4 weeks"
    for _ in range(4):
        clock.advance(7 * 24 * 3600 - 4 * 180)
        weeks.append(await squat_week(paths, clock))
    assert [w["coach"] for w in weeks] == [
        "Week 1 of 4 · deload in 4 weeks",
        "Week 2 of 4 · deload in 3 weeks",
        "Week 3 of 4 · deload in 2 weeks",
        "Week 4 of 4 · deload next week",
        "Deload week (-40 % sets, -10 % load)",
    ]
    # the deload week: 2 sets of 4, and 10 % off what week 5 would have been (110 kg)
    # rounded down to the plates: 99 kg is no pair of plates on a 20 kg bar, so 97.5
    deload = weeks[4]
    assert [r[1].strip("▶ ") for r in deload["rows"]] == ["1/2", "2/2"]  # type: ignore[union-attr]
    assert "Next 97.5 kg: deload week: -10 % from 110 kg" in str(deload["detail"])
    logged = db_rows(
        paths.database,
        "SELECT s.id, count(*), max(t.weight_kg) FROM sessions s JOIN sets t"
        " ON t.session_id = s.id GROUP BY s.id ORDER BY s.started_at",
    )
    assert [(n, kg) for _, n, kg in logged] == [
        (4, 100.0),
        (4, 102.5),
        (4, 105.0),
        (4, 107.5),
        (2, 97.5),
    ]
    # its summary: the deload is no miss, and after it the rule goes on from week 4
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        summary = app.gym.history.summary(logged[-1][0])
        assert summary is not None
        assert summary.next_time == ("Back squat: deload week, no miss -> 110 kg after it",)
    # the week after: a new block, and the weight goes on from week 4 (107.5 met: +2.5),
    # not from the deload's 100 kg, and the deload's two sets were no miss
    clock.advance(7 * 24 * 3600 - 2 * 180)
    after = await squat_week(paths, clock)
    assert after["coach"] == "Week 1 of 4 · deload in 4 weeks"
    # Last shows the deload's sets as done (and pain noted then would count); the rule reads week 4
    assert [r[3] for r in after["rows"]] == ["97.5 × 6", "97.5 × 6", "", ""]  # type: ignore[union-attr]
    assert "all 4×6 met last time: +2.5 kg" in str(after["detail"])
    assert db_rows(
        paths.database,
        "SELECT count(*), max(weight_kg) FROM sets WHERE session_id ="
        " (SELECT max(id) FROM sessions)",
    ) == [(4, 110.0)]


async def test_start_a_new_block_from_the_palette(paths: Paths, clock: FakeClock) -> None:
    write_program(paths)
    clock.advance(24 * 3600)
    await squat_week(paths, clock, first_weight="100")
    clock.advance(14 * 24 * 3600)  # week 3
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert text_of(app, "#coach") == "Week 3 of 4 · deload in 2 weeks"
        await pilot.press("ctrl+p")
        await pilot.press(*"Start a new block")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#coach") == "Week 1 of 4 · deload in 4 weeks"
        assert any("New block: Week 1 of 4" in n for n in notifications(app))
    assert len(db_rows(paths.database, "SELECT seen_at FROM block_starts")) == 2


async def test_no_block_table_no_line_and_nothing_written(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        assert not app.screen.query_one("#coach").display
    assert db_rows(paths.database, "SELECT count(*) FROM block_starts") == [(0,)]


async def test_readiness_at_the_first_set_trims_a_poor_day_s_loads(
    paths: Paths, clock: FakeClock
) -> None:
    write_program(paths)
    await squat_week(paths, clock, first_weight="100")  # last week: 4 x 6 at 100 kg
    clock.advance(7 * 24 * 3600)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym.update_settings(readiness_check=True)
        assert "Next 102.5 kg: all 4×6 met last time: +2.5 kg" in text_of(app, "#detail")
        await pilot.press("enter")
        assert isinstance(app.screen, ReadinessDialog)
        assert "How did you sleep?" in text_of(app, "#readiness-question")
        await pilot.press("2")
        assert "How sore are your legs?" in text_of(app, "#readiness-question")
        await pilot.press("3")
        await pilot.pause()
        # on disk before the set dialog opens, kept for the session about to start
        assert (
            '"sleep": 2, "soreness": 3'
            in db_rows(paths.database, "SELECT value FROM settings WHERE key = 'readiness_today'")[
                0
            ][0]
        )
        assert isinstance(app.screen, SetDialog)
        await pilot.press("escape")  # no set after all: asked once, not again
        assert isinstance(app.screen, TodayScreen)
        assert text_of(app, "#coach").endswith("Readiness: slept 2/5 · loads -5 % today")
        assert "a poor day: -5 % to 95 kg" in text_of(app, "#detail")
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("h", "enter")  # History's session says what the day was
        await pilot.pause()
        assert text_of(app, "#session-note") == (
            "No note: n adds one · Readiness: slept 2/5, sore 3/5 (a poor day: loads -5 %)"
        )
    # the first set started the session, which took the answers into its row
    assert db_rows(
        paths.database,
        "SELECT s.sleep, s.soreness, t.weight_kg FROM sessions s JOIN sets t ON t.session_id = s.id"
        " WHERE s.id = (SELECT max(id) FROM sessions)",
    ) == [(2, 3, 95.0)]
    # a week later the poor day judges nothing: the rule goes on from the week before it
    clock.advance(7 * 24 * 3600)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        assert "Next 102.5 kg: all 4×6 met last time: +2.5 kg" in text_of(app, "#detail")
        assert "Readiness" not in text_of(app, "#coach")  # not asked yet this session


async def test_a_good_day_changes_nothing_and_escape_skips_for_the_session(
    paths: Paths, clock: FakeClock
) -> None:
    write_program(paths)
    await squat_week(paths, clock, first_weight="100")
    clock.advance(7 * 24 * 3600)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym.update_settings(readiness_check=True)
        await pilot.press("enter", "4", "2")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        await pilot.press("escape")
        assert "Readiness: slept 4/5, sore 2/5 · as planned" in text_of(app, "#coach")
        assert "Next 102.5 kg: all 4×6 met last time: +2.5 kg" in text_of(app, "#detail")
        # a week later: asked again; escape skips it, and the set dialog opens at once
        await pilot.press("enter", "enter")
        clock.advance(7 * 24 * 3600)
        app.gym.refresh()
        app.screen.data_changed()  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert isinstance(app.screen, ReadinessDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        await pilot.press("escape")
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)  # asked once a session
    assert db_rows(paths.database, "SELECT sleep, soreness FROM sessions ORDER BY id") == [
        (None, None),
        (4, 2),
    ]


def seed_squats(paths: Paths, days_ago: list[int], clock: FakeClock, block: bool) -> None:
    """A squat session (4 x 6 at 100 kg) on each of these days before now."""
    from gymtui.core.models import SetInput
    from gymtui.core.program import load_program
    from gymtui.store import Store

    program = load_program(paths.program_file if paths.program_file.exists() else None)
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    first = clock.now() - timedelta(days=max(days_ago))
    if block:
        store.plan_facts.begin_block(first - timedelta(hours=1))
    for ago in sorted(days_ago, reverse=True):
        when = clock.now() - timedelta(days=ago)
        for n in range(4):
            store.sessions.log_set(
                SetInput("back_squat", 100, 6), program.days[0], when + timedelta(minutes=n)
            )
        session = store.sessions.current()
        assert session is not None
        store.sessions.finish(session.id, when + timedelta(minutes=5))
    store.close()


async def test_history_weeks_show_each_week_s_block_and_the_deload(
    paths: Paths, clock: FakeClock
) -> None:
    write_program(paths)
    # Sunday 22 Nov: sessions on the Mondays of six weeks back, the first starting the block
    seed_squats(paths, [48, 41, 34, 27, 20, 13, 6], clock, block=True)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        weeks = table_rows(app, "#weeks-table")
        assert [(w[0], w[2]) for w in weeks] == [
            ("16 Nov 2026", "B2 W2"),
            ("09 Nov 2026", "B2 W1"),
            ("02 Nov 2026", "B1 deload"),
            ("26 Oct 2026", "B1 W4"),
            ("19 Oct 2026", "B1 W3"),
            ("12 Oct 2026", "B1 W2"),
            ("05 Oct 2026", "B1 W1"),
        ]
        assert weeks[0][1].endswith("1/1")
        table = app.screen.query_one("#weeks-table")
        assert table.virtual_size.width <= table.size.width  # the Block column fits at 80
    app = make_app(paths, clock)  # Today, in the week of 16 Nov, agrees
    async with app.run_test(size=SIZE):
        assert text_of(app, "#coach") == "Week 2 of 4 · deload in 3 weeks"


async def test_history_weeks_open_at_the_last_leg_day_months_ago(
    paths: Paths, clock: FakeClock
) -> None:
    seed_squats(paths, [200, 197, 190], clock, block=False)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#weeks-table")
        row = table_rows(app, "#weeks-table")[table.cursor_row]  # type: ignore[attr-defined]
        assert row[0] == "11 May 2026" and row[1].endswith("1/2")
        assert "opened at your last leg day" in text_of(app, "#weeks-summary")
        assert len(table_rows(app, "#weeks-table")[0]) == 3  # no Block column without [block]


async def test_the_program_editor_keeps_the_block_table(paths: Paths, clock: FakeClock) -> None:
    write_program(paths)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        app.gym.program_file.set_sets("A", "back_squat", 5)  # what the editor's save does
        assert app.gym.program.block is not None and app.gym.program.block.weeks == 4
    text = paths.program_file.read_text()
    assert "sets = 5" in text
    assert "[block]\nweeks = 4\ndeload_sets_pct = 40\ndeload_load_pct = 10\n" in text


async def test_readiness_is_asked_when_the_first_set_comes_from_the_rest_screen(
    paths: Paths, clock: FakeClock
) -> None:
    from gymtui.ui.screens.rest import RestScreen

    write_program(paths)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym.update_settings(readiness_check=True)
        await pilot.press("r")
        assert isinstance(app.screen, RestScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ReadinessDialog)
        await pilot.press("1", "5")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)  # then the set, as enter on Rest does
        await pilot.press(*"80", "enter")
        await pilot.pause()
    assert db_rows(
        paths.database, "SELECT s.sleep, s.soreness, t.weight_kg FROM sessions s JOIN sets t"
    ) == [(1, 5, 80.0)]


async def test_pain_noted_in_the_deload_week_still_backs_off_the_week_after(
    paths: Paths, clock: FakeClock
) -> None:
    """The deload week judges no progression, but what hurt in it counts (HB's pain)."""
    from gymtui.store import Store

    write_program(paths)
    # Mondays 19 Oct (W1) to 16 Nov (the deload week), 4 x 6 at 100 kg each; the knee hurt
    # on the deload's last set
    seed_squats(paths, [34, 27, 20, 13, 6], clock, block=True)
    store = Store.open(paths.database)
    [(last_set,)] = store.query(
        "SELECT max(id) FROM sets WHERE session_id = (SELECT max(id) FROM sessions)"
    )
    store.sessions.mark_set(last_set, "pain", "knee mild")
    store.close()
    clock.advance(24 * 3600)  # Monday 23 Nov: block 2, week 1
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        assert text_of(app, "#coach") == "Week 1 of 4 · deload in 4 weeks"
        detail = text_of(app, "#detail")
        # the rule reads week 4 (100 met: +2.5 to 102.5), then pain backs it off 10 % (92.25
        # kg, down to the plates: 90)
        assert "Next 90 kg: mild knee pain last time: 10 % back to 90 kg" in detail, detail


async def test_answers_given_and_no_set_logged_do_not_carry_into_a_later_day(
    paths: Paths, clock: FakeClock
) -> None:
    # a poor day answered, the set dialog cancelled, the app closed; two days later the
    # answers say nothing of that day: no trim, asked again, the session keeps the new ones
    write_program(paths)
    await squat_week(paths, clock, first_weight="100")
    clock.advance(7 * 24 * 3600)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym.update_settings(readiness_check=True)
        await pilot.press("enter", "1", "5")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        await pilot.press("escape")
        assert "loads -5 % today" in text_of(app, "#coach")
    clock.advance(2 * 24 * 3600)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert "Readiness" not in text_of(app, "#coach")
        assert "Next 102.5 kg: all 4×6 met last time: +2.5 kg" in text_of(app, "#detail")
        await pilot.press("enter")
        assert isinstance(app.screen, ReadinessDialog)  # asked again: a new day
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        await pilot.press("enter")
    assert db_rows(paths.database, "SELECT sleep, soreness FROM sessions ORDER BY id") == [
        (None, None),
        (None, None),
    ]


async def test_a_key_that_is_no_answer_says_what_the_check_asks_for(
    paths: Paths, clock: FakeClock
) -> None:
    write_program(paths)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym.update_settings(readiness_check=True)
        await pilot.press("enter")
        assert isinstance(app.screen, ReadinessDialog)
        await pilot.press("8", "enter")
        assert (
            text_of(app, "#dialog-help") == "enter is no answer here: 1-5 answer   esc skip today"
        )
        await pilot.press("9")
        assert text_of(app, "#dialog-help").startswith("9 is no answer here")
        assert "How did you sleep?" in text_of(app, "#readiness-question")  # still asking
        await pilot.press("3", "2")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)


async def test_an_exercise_first_done_in_the_deload_week_goes_on_from_it(
    paths: Paths, clock: FakeClock
) -> None:
    # a one-week block: week 1 deadlifts only; the deload week is squat's first time (2 sets
    # of 4, 100 kg typed). Its summary says a first time, not "skipped"; the week after,
    # Today goes on from it (all met: +2.5 kg), not "new" beside a Last of 100 x 6
    from gymtui.core.models import SetInput
    from gymtui.core.program import load_program
    from gymtui.store import Store

    paths.program_file.parent.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(
        PROGRAM.replace("weeks = 4", "weeks = 1").replace(
            '  { exercise = "back_squat", sets = 4, reps = 6, progression = "linear" },\n',
            '  { exercise = "back_squat", sets = 4, reps = 6, progression = "linear" },\n'
            '  { exercise = "deadlift", sets = 4, reps = 5, progression = "linear" },\n',
        )
    )
    program = load_program(paths.program_file)
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    store.plan_facts.begin_block(clock.now() - timedelta(hours=1))
    for n in range(4):
        store.sessions.log_set(
            SetInput("deadlift", 140, 5), program.days[0], clock.now() + timedelta(minutes=n)
        )
    first = store.sessions.current()
    assert first is not None
    store.sessions.finish(first.id, clock.now() + timedelta(minutes=5))
    store.close()
    clock.advance(7 * 24 * 3600)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert text_of(app, "#coach") == "Deload week (-40 % sets, -10 % load)"
        for weight in ("100", ""):  # squat 1/2 and 2/2
            await pilot.press("enter")
            assert isinstance(app.screen, SetDialog)
            await pilot.press(*weight, "enter")
            assert isinstance(app.screen, TodayScreen)
            clock.advance(180)
    session = db_rows(paths.database, "SELECT max(id) FROM sessions")[0][0]
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        summary = app.gym.history.summary(session)
        assert summary is not None
        assert summary.next_time[0] == (
            "Back squat: a first time (deload week): all 2×6 met: +2.5 kg -> 102.5 kg"
        )
    clock.advance(7 * 24 * 3600)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        rows = [r for r in table_rows(app) if r[0] or r[1]]
        assert [r[3] for r in rows][:2] == ["100 × 6", "100 × 6"]
        assert "Next 102.5 kg: all 2×6 met last time: +2.5 kg" in text_of(app, "#detail")
