"""Alembic migrations of the local store (applied on every start by ``pos.adapters.db``)."""
