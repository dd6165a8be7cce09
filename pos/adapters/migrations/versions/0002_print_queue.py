"""Print queue and per-register printer settings; a printed job can never change again.

Revision ID: 0002
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "printer_settings",
        sa.Column("register_id", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("profile", sa.String(), nullable=False),
        sa.Column("columns", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["register_id"], ["registers.id"]),
        sa.PrimaryKeyConstraint("register_id", "role"),
    )
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("receipt_ids", sa.Text(), server_default="[]", nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.Column("printed_at", sa.String(), nullable=True),
        sa.Column("retry_of", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["register_id"], ["registers.id"]),
        sa.ForeignKeyConstraint(["retry_of"], ["print_jobs.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("seq"),
        sa.UniqueConstraint("retry_of"),
    )
    op.create_index("print_jobs_by_register_status", "print_jobs", ["register_id", "status", "seq"])
    # A job that reached the paper is final: no retry, restart or bug may send it again.
    op.execute(
        "CREATE TRIGGER print_jobs_printed_is_final BEFORE UPDATE ON print_jobs "
        "WHEN OLD.status = 'printed' "
        "BEGIN SELECT RAISE(ABORT, 'print_jobs: a printed job is final'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS print_jobs_printed_is_final")
    op.drop_index("print_jobs_by_register_status", table_name="print_jobs")
    op.drop_table("print_jobs")
    op.drop_table("printer_settings")
