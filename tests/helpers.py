"""Helpers for flow tests: make an app on the temp data folder, read what the screen shows."""

from __future__ import annotations

import io
import os
import pty
import select
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, Static

from gymtui.paths import Paths
from gymtui.ui.app import GymApp, build_app
from gymtui.ui.widgets.plan_table import PlanTable

from conftest import FakeClock


class Alerts:
    """Records desktop notifications instead of sending them."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def __call__(self, title: str, body: str) -> None:
        self.sent.append((title, body))


def make_app(paths: Paths, clock: FakeClock, alerts: Alerts | None = None) -> GymApp:
    app = build_app(paths, clock=clock, notifier=alerts or Alerts())
    app.TICK_S = 3600  # tests drive the tick by hand
    return app


def text_of(app: GymApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    content = widget.content
    if isinstance(content, Text | Content):
        return content.plain
    if not isinstance(content, str):  # a Rich renderable (the help's grid): as printed
        console = Console(width=widget.size.width or 80, record=True, file=io.StringIO())
        console.print(content)
        return console.export_text()
    return Text.from_markup(content).plain


def table_rows(app: GymApp, selector: str = "#plan") -> list[list[str]]:
    table = app.screen.query_one(selector)
    if isinstance(table, PlanTable):
        return [[cell.plain for cell in row] for row in table.rows]
    assert isinstance(table, DataTable)
    return [
        [cell.plain if isinstance(cell, Text) else str(cell) for cell in table.get_row_at(i)]
        for i in range(table.row_count)
    ]


def notifications(app: GymApp) -> list[str]:
    return [n.message for n in app._notifications]


def db_rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def on_a_terminal(*args: str, timeout: float = 60) -> tuple[int, str]:
    """Run gymtui with a terminal as standard output: status and what the terminal got."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "gymtui", *args],
        stdout=follower,
        stderr=follower,
        stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    got = b""
    while True:
        ready, _, _ = select.select([leader], [], [], timeout)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        got += chunk
    os.close(leader)
    return process.wait(timeout=timeout), got.decode("utf-8")
