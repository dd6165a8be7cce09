"""The first start after the upgrade that adds the trigram item search (migration 0017) builds
its index over every item stored, minutes on a big catalogue: it is built in chunks and says
what it does, how long it will take and how far it is, to whoever opens the store (the
command line prints it in the person's language) and in the log; the index it builds finds
every item by any part of its name, as FTS5's own rebuild did. A small store says nothing."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime

import pytest

from cli.bootstrap import Settings, open_app
from pos.adapters import slow_steps
from pos.adapters.db import DB_FILE, alembic_config, current_revision, head_revision, make_engine
from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.demo.centre import seed_demo

ITEMS = 2_500


def _store_before_the_search(data_dir, extra: int) -> int:
    """A counter's store at 0016 with ``extra`` items besides the demo's; returns the count."""
    from alembic import command

    with open_counter(data_dir) as counter:
        seed_demo(
            counter.uow, counter.signer(), clock=SteppingClock(datetime(2026, 3, 2, 9, tzinfo=OSLO))
        )
    engine = make_engine(data_dir / DB_FILE)
    command.downgrade(alembic_config(engine), "0016")
    engine.dispose()
    db = sqlite3.connect(data_dir / DB_FILE)
    tenant, group = db.execute("SELECT tenant_id, article_group_id FROM items LIMIT 1").fetchone()
    db.executemany(
        "INSERT INTO items (id, tenant_id, kind, description, vat_class, article_group_id, "
        "status, updated_at) VALUES (?, ?, 'one_off', ?, '25', ?, 'available', '2026-01-01')",
        [(f"x{n}", tenant, f"Sykkelpumpe nr {n}", group) for n in range(extra)],
    )
    db.commit()
    (count,) = db.execute("SELECT count(*) FROM items").fetchone()
    db.close()
    return int(count)


@pytest.fixture
def big_enough(monkeypatch):
    monkeypatch.setattr(slow_steps, "ANNOUNCE_FROM", 1_000)
    monkeypatch.setattr(slow_steps, "CHUNK", 700)


def test_the_index_build_is_said_before_and_as_it_goes(tmp_path, big_enough, caplog):
    count = _store_before_the_search(tmp_path, ITEMS)
    heard: list[slow_steps.SlowStep] = []
    with (
        caplog.at_level(logging.WARNING, "pos.store"),
        open_counter(tmp_path, on_slow_step=heard.append) as counter,
    ):
        assert current_revision(counter.engine) == head_revision()
        with counter.engine.connect() as conn:
            found = conn.exec_driver_sql(
                "SELECT count(*) FROM items_trigram WHERE items_trigram MATCH '\"kkelpum\"'"
            ).scalar()
            indexed = conn.exec_driver_sql(
                "SELECT count(*) FROM items_trigram WHERE items_trigram MATCH '\"nr \"'"
            ).scalar()
    assert found == ITEMS and indexed >= ITEMS
    assert [s.done for s in heard] == [0, 700, 1400, 2100, count]  # by rowid: 33 demo items
    assert all(s.key == "items_trigram" and s.total == count for s in heard)
    assert heard[0].expected_s == pytest.approx(count * 20 / 1_000_000)
    first = heard[0].said("nb")
    assert first.startswith(
        f"Forbereder varesøket for {count:,} varer".replace(",", "\N{NO-BREAK SPACE}")
    )
    assert "(omtrent 1 s, bare denne gangen)" in first and first.endswith("0 % ferdig")
    assert heard[-1].said("en").endswith("100 % done")
    logged = [r.getMessage() for r in caplog.records]
    assert any("items_trigram" in m and f"0 of {count}" in m for m in logged)
    assert any("items_trigram done in" in m for m in logged)


def test_the_command_line_prints_it_in_the_persons_language(tmp_path, big_enough, capsys):
    count = _store_before_the_search(tmp_path, ITEMS)
    app = open_app(Settings(tmp_path, lang="en"))
    assert app is not None
    app.close()
    said = capsys.readouterr().err.splitlines()
    spelled = f"{count:,}".replace(",", "\N{NO-BREAK SPACE}")
    assert said[0] == (
        f"Preparing the item search for {spelled} items after the upgrade "
        "(about 1 s, only this once): 0 % done"
    )
    assert said[-1].endswith("100 % done") and len(said) >= 4


def test_a_small_store_says_nothing(tmp_path, capsys):
    _store_before_the_search(tmp_path, 10)
    heard: list[slow_steps.SlowStep] = []
    with open_counter(tmp_path, on_slow_step=heard.append) as counter:
        with counter.engine.connect() as conn:
            assert (
                conn.exec_driver_sql(
                    "SELECT count(*) FROM items_trigram WHERE items_trigram MATCH '\"kkelpum\"'"
                ).scalar()
                == 10
            )
    assert heard == [] and capsys.readouterr().err == ""
