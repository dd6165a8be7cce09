"""Opening the local store: SQLite in WAL mode with synchronous=FULL, foreign keys, and
BEGIN IMMEDIATE so a write transaction holds the lock from its first statement (no lost update
between reading a counter and writing it). Migrations run on open; an old database is upgraded.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event

MIGRATIONS = Path(__file__).with_name("migrations")
DB_FILE = "omigjen.sqlite3"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Autocommit at the driver level: SQLAlchemy's "begin" hook below issues the real BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(db_path: Path | str) -> Engine:
    """An engine on the SQLite file; builds nothing and migrates nothing by itself."""
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _on_connect)

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Any) -> None:
        readonly = conn.get_execution_options().get("omigjen_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


def connect(engine: Engine, *, readonly: bool = False) -> Connection:
    """A connection with its transaction begun (IMMEDIATE unless ``readonly``)."""
    conn = engine.connect()
    if readonly:
        conn = conn.execution_options(omigjen_readonly=True)
    conn.begin()
    return conn


__all__ = ["Connection", "Engine", "connect", "make_engine", "migrate", "open_store"]


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    script = ScriptDirectory.from_config(_bare_config())
    head = script.get_current_head()
    assert head is not None
    return head


def _bare_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision``; cheap when it is already there."""
    if revision == "head" and current_revision(engine) == head_revision():
        return
    command.upgrade(alembic_config(engine), revision)


def open_store(data_dir: Path) -> Engine:
    """The engine for a data directory, migrated to the current schema."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / DB_FILE
    if not db_path.exists():  # readable by the counter's user only; SQLite's -wal/-shm follow
        os.close(os.open(db_path, os.O_CREAT | os.O_WRONLY, 0o600))
    engine = make_engine(db_path)
    migrate(engine)
    return engine
