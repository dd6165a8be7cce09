"""What a failed print job left on paper, and which jobs carried which receipts.

``print_jobs.unsent`` is set only when the transport proved the printer took none of the job, so
its receipts are certainly not on paper and their next print is the original. The link table
``print_job_receipts`` answers "which jobs carried this receipt" through an index instead of
reading every job's JSON list; it is filled from the jobs already in the store.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("print_jobs", recreate="never") as batch:
        batch.add_column(sa.Column("unsent", sa.Boolean(), server_default="0", nullable=False))
    op.create_table(
        "print_job_receipts",
        sa.Column("receipt_id", sa.String(), nullable=False),
        sa.Column("job_id", sa.String(), sa.ForeignKey("print_jobs.id"), nullable=False),
        sa.PrimaryKeyConstraint("receipt_id", "job_id"),
    )
    op.execute(
        "INSERT OR IGNORE INTO print_job_receipts (receipt_id, job_id) "
        "SELECT e.value, j.id FROM print_jobs j, json_each(j.receipt_ids) e"
    )


def downgrade() -> None:
    op.drop_table("print_job_receipts")
    with op.batch_alter_table("print_jobs", recreate="never") as batch:
        batch.drop_column("unsent")
