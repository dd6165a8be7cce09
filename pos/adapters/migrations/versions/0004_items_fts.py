"""Full-text search over the catalogue: ``items_fts`` (SQLite FTS5) kept in step with ``items``.

An external-content index (no second copy of the text) keyed by the items' rowid; triggers keep
it current on insert, delete and a change of description or barcode. A VACUUM may renumber the
rowids of ``items``; rebuild the index after one (``INSERT INTO items_fts(items_fts)
VALUES('rebuild')``).

Revision ID: 0004
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

_INSERT = (
    "INSERT INTO items_fts(rowid, description, barcode) "
    "VALUES (new.rowid, new.description, coalesce(new.barcode, ''))"
)
_DELETE = (
    "INSERT INTO items_fts(items_fts, rowid, description, barcode) "
    "VALUES ('delete', old.rowid, old.description, coalesce(old.barcode, ''))"
)


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE items_fts USING fts5(description, barcode, "
        "content='items', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    op.execute(f"CREATE TRIGGER items_fts_after_insert AFTER INSERT ON items BEGIN {_INSERT}; END")
    op.execute(f"CREATE TRIGGER items_fts_after_delete AFTER DELETE ON items BEGIN {_DELETE}; END")
    op.execute(
        "CREATE TRIGGER items_fts_after_update AFTER UPDATE OF description, barcode ON items "
        f"BEGIN {_DELETE}; {_INSERT}; END"
    )
    op.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS items_fts_after_{trigger}")
    op.execute("DROP TABLE IF EXISTS items_fts")
