"""Helpers for the day-end tests: simulated days, a manager's context, independent sums."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from pos.adapters.db import DB_FILE
from pos.clock import OSLO, SteppingClock
from pos.counter import Counter
from pos.demo.simulation import Simulation, SimulationStats
from pos.services import auth
from pos.services.context import TillContext


class Days:
    """Simulated days of counter use (10:00 to about 17:00) through the real services, one
    simulation carried over the days so its item numbers and receipts continue."""

    def __init__(self, counter: Counter, first_day: datetime, seed: int) -> None:
        self.sim = Simulation(counter.uow, counter.signer(), "K1", seed=seed)
        self.sim.clock.current = first_day  # the test sets the days (the store refuses any
        # record dated before its last one)

    def run(self, day: datetime, sales: int) -> SimulationStats:
        self.sim.clock.current = day
        self.sim.shelf.clear()
        self.sim.fixed.clear()
        return self.sim.run(1, sales)


def manager_ctx(counter: Counter, moment: datetime) -> TillContext:
    manager = auth.authenticate(counter.uow, "9001", "9999")
    return TillContext("K1", manager, counter.signer(), SteppingClock(moment))


def evening(day: datetime) -> datetime:
    return day.astimezone(OSLO).replace(hour=20, minute=0, second=0)


def next_day(day: datetime, days: int = 1) -> datetime:
    return (day + timedelta(days=days)).replace(hour=10, minute=0)


def db_rows(counter: Counter, sql: str, params: tuple = ()) -> list[tuple]:
    """Read the database file directly, outside the store (an independent check)."""
    db = sqlite3.connect(counter.data_dir / DB_FILE)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()
