"""Search by any part of an item's name: ``items_trigram`` (SQLite FTS5, trigram tokenizer), so
"pumpe" finds "Sykkelpumpe" (Norwegian joins words into one). Case-insensitive; SQLite's
trigram tokenizer cannot fold accents before 3.45, which ``items_fts`` (whole words and their
starts, accents folded) still does.

The same triggers as ``items_fts`` (0004) keep it current: each now updates both indexes.
Building the index over the items already stored takes about 20 s for 1 000 000 items (more
on a slow PC), at the first start after the upgrade: it is built in chunks and says how far it is
(``pos.adapters.slow_steps``: the log, and whoever opens the store).

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pos.adapters import slow_steps

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
    _index_the_items()


_INDEX_CHUNK = (
    "INSERT INTO items_trigram(rowid, description) "
    "SELECT rowid, description FROM items WHERE rowid > :after AND rowid <= :last"
)


def _index_the_items() -> None:
    """What FTS5's ``rebuild`` does on this new, empty index (every item's row added), in
    chunks of rowids so the start can say how far it is."""
    bind = op.get_bind()
    count, top = bind.execute(sa.text("SELECT count(*), coalesce(max(rowid), 0) FROM items")).one()
    step = slow_steps.Step("items_trigram", int(count))
    for after in range(0, int(top), slow_steps.CHUNK):
        added = bind.execute(
            sa.text(_INDEX_CHUNK), {"after": after, "last": after + slow_steps.CHUNK}
        )
        step.advanced(added.rowcount)
    step.finished()


def downgrade() -> None:
    _triggers([_FTS_INSERT], [_FTS_DELETE])
    op.execute("DROP TABLE IF EXISTS items_trigram")
