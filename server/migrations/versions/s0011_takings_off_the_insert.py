"""The takings roll-up off the events INSERT: the statement trigger ``events_takings`` goes;
storing a push notes its receipts in ``takings_pending`` instead, and the roll-up is brought up
to date from those notes before each read (``server.takings_rollup``). The roll-up tables are
exact when this runs (the trigger kept them), so nothing is noted for the events already stored.

Revision ID: s0011
Revises: s0010
Create Date: 2026-12-07 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from server.migrations.versions.s0004_web_back_office import _rollup_sql

revision = "s0011"
down_revision = "s0010"
branch_labels = None
depends_on = None

APP_ROLE = "omigjen_app"
_POLICY = (
    "current_setting('app.scope', true) = 'admin' OR "
    "tenant_id = ANY (string_to_array(current_setting('app.tenant_ids', true), ','))"
)


def upgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS events_takings ON events")
    op.execute("DROP FUNCTION IF EXISTS takings_rollup()")
    op.create_table(
        "takings_pending",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.Text(), nullable=False),
        sa.Column("event_ids", postgresql.ARRAY(sa.BigInteger()), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # UPDATE: a reader locks the notes (FOR UPDATE) before it folds and deletes them.
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON takings_pending TO {APP_ROLE}")
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE takings_pending_id_seq TO {APP_ROLE}")
    op.execute("ALTER TABLE takings_pending ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE takings_pending FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY takings_pending_scope ON takings_pending USING ({_POLICY}) "
        f"WITH CHECK ({_POLICY})"
    )


def downgrade() -> None:
    # Fold what is noted (RLS is forced for the owner too, so say admin), then the trigger
    # keeps the roll-up again.
    op.execute("SELECT set_config('app.scope', 'admin', true)")
    noted = "(SELECT * FROM events WHERE id IN (SELECT unnest(event_ids) FROM takings_pending))"
    for sql in _rollup_sql(noted):
        op.execute(sql)
    op.drop_table("takings_pending")
    body = ";\n".join(_rollup_sql("new_rows"))
    op.execute(
        "CREATE OR REPLACE FUNCTION takings_rollup() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n{body};\nRETURN NULL;\nEND $$"
    )
    op.execute(
        "CREATE TRIGGER events_takings AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION takings_rollup()"
    )
