"""The tables the code declares are exactly what the migrations build (the FTS index aside,
which is a virtual table SQLAlchemy Core cannot declare)."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pos.adapters.db import open_store
from pos.adapters.tables import metadata


def test_the_migrated_database_matches_the_declared_schema(tmp_path):
    engine = open_store(tmp_path)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    unexpected = [
        d
        for d in diffs
        if not (d[0] == "remove_table" and d[1].name.startswith(("items_fts", "items_trigram")))
    ]
    assert unexpected == []
