"""Search by any part of an item's name: ``items_trigram`` (SQLite FTS5, trigram tokenizer), so
"pumpe" finds "Sykkelpumpe" (Norwegian joins words into one). Case-insensitive; SQLite's
trigram tokenizer cannot fold accents before 3.45, which ``items_fts`` (whole words and their
starts, accents folded) still does.

The same triggers as ``items_fts`` (0004) keep it current: each now updates both indexes.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_FTS_INSERT = (
    "INSERT INTO items_fts(rowid, description, barcode) "
    "VALUES (new.rowid, new.description, coalesce(new.barcode, ''))"
)
_FTS_DELETE = (
    "INSERT INTO items_fts(items_fts, rowid, description, barcode) "
    "VALUES ('delete', old.rowid, old.description, coalesce(old.barcode, ''))"
)
_TRIGRAM_INSERT = (
    "INSERT INTO items_trigram(rowid, description) VALUES (new.rowid, new.description)"
)
_TRIGRAM_DELETE = (
    "INSERT INTO items_trigram(items_trigram, rowid, description) "
    "VALUES ('delete', old.rowid, old.description)"
)


def _triggers(insert: list[str], delete: list[str]) -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS items_fts_after_{trigger}")
    adding, removing = "; ".join(insert), "; ".join(delete)
    op.execute(f"CREATE TRIGGER items_fts_after_insert AFTER INSERT ON items BEGIN {adding}; END")
    op.execute(f"CREATE TRIGGER items_fts_after_delete AFTER DELETE ON items BEGIN {removing}; END")
    op.execute(
        "CREATE TRIGGER items_fts_after_update AFTER UPDATE OF description, barcode ON items "
        f"BEGIN {removing}; {adding}; END"
    )


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE items_trigram USING fts5(description, "
        "content='items', content_rowid='rowid', tokenize='trigram')"
    )
    _triggers([_FTS_INSERT, _TRIGRAM_INSERT], [_FTS_DELETE, _TRIGRAM_DELETE])
    op.execute("INSERT INTO items_trigram(items_trigram) VALUES ('rebuild')")


def downgrade() -> None:
    _triggers([_FTS_INSERT], [_FTS_DELETE])
    op.execute("DROP TABLE IF EXISTS items_trigram")
