"""Alembic environment: runs migrations on the engine handed in by ``pos.adapters.db``."""

from __future__ import annotations

from alembic import context

from pos.adapters.tables import metadata

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic` on the command line, for autogenerate during development
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
