"""Back office: PIN lockout on staff, item condition/purchase price/label reprint flag, and the
per-register block that keeps in-store label numbers unique across offline counters.

Revision ID: 0006
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("failed_pins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("condition", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("purchase_price", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("label_reprint", sa.Boolean(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("registers") as batch:
        batch.add_column(sa.Column("label_block", sa.Integer(), nullable=True))
        batch.create_unique_constraint("uq_registers_label_block", ["label_block"])


def downgrade() -> None:
    with op.batch_alter_table("registers") as batch:
        batch.drop_constraint("uq_registers_label_block", type_="unique")
        batch.drop_column("label_block")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("label_reprint")
        batch.drop_column("purchase_price")
        batch.drop_column("condition")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("locked")
        batch.drop_column("failed_pins")
