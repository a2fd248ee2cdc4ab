"""Body weight: b on Today logs one value a day (a second replaces it), bad input is refused,
and Progress charts it with its latest, lowest and highest."""

from __future__ import annotations

from datetime import timedelta

from gymtui.paths import Paths
from gymtui.ui.dialogs.body_weight import BodyWeightDialog

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)


async def test_body_weight_is_one_value_a_day_and_progress_charts_it(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BodyWeightDialog)
        await pilot.press(*"heavy", "enter")
        assert isinstance(app.screen, BodyWeightDialog)
        assert text_of(app, "#dialog-error") == (
            "Body weight must be a number from 20 to 400 kg (got 'heavy')."
        )
        await pilot.press("ctrl+u", *"5", "enter")  # 5 kg is not a body weight
        assert isinstance(app.screen, BodyWeightDialog)
        assert db_rows(paths.database, "SELECT count(*) FROM body_weights") == [(0,)]
        await pilot.press("ctrl+u", *"84,5", "enter")
        await pilot.pause()
        assert "Body weight 84.5 kg saved for Sun 22 Nov." in notifications(app)
        await pilot.press("b")  # the same day again: it replaces, prefilled with the last
        assert text_of(app, "#dialog-hint").startswith("Last: 84.5 kg on Sun 22 Nov.")
        await pilot.press("ctrl+u", *"84", "enter")
        clock.advance(timedelta(days=7).total_seconds())
        await pilot.press("b", "ctrl+u", *"83.2", "enter")
        await pilot.pause()
        assert db_rows(paths.database, "SELECT day, weight_kg FROM body_weights") == [
            ("2026-11-22", 84.0),
            ("2026-11-29", 83.2),
        ]
        await pilot.press("h", "4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app, "#chart-title").startswith("Body weight · 1 year")
        records = table_rows(app, "#records")
        assert records[0] == ["Latest", "83.2 kg", "2026-11-29"]
        assert records[1][:2] == ["Lowest", "83.2 kg"] and records[2][:2] == ["Highest", "84 kg"]
        assert records[3][:2] == ["Change", "-0.8 kg"]
