"""The quarantine's stream index in the exact order a release reads it (device, epoch,
sequence number, then id), so a release batch reads its next rows and stops.

With ``quarantine_by_stream`` ending at the sequence number, the ``id`` that breaks ties was
sorted by PostgreSQL; without fresh statistics (a quarantine just filled by a catch-up) it
planned a full sort of every open row of the stream for each batch of 5 000: 100 000, then
95 000, then 90 000 ... rows read with their payloads and sorted on disk (140 MB a batch),
about half of a release's database time. In this order no sort is needed, whatever the
statistics say.

Revision ID: s0016
Revises: s0015
Create Date: 2026-12-07 17:30:00
"""

from __future__ import annotations

from alembic import op

revision = "s0016"
down_revision = "s0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "quarantine_by_stream_seq",
        "quarantine",
        ["device_id", "device_epoch", "device_seq", "id"],
    )
    op.drop_index("quarantine_by_stream", table_name="quarantine")


def downgrade() -> None:
    op.create_index(
        "quarantine_by_stream", "quarantine", ["device_id", "device_epoch", "device_seq"]
    )
    op.drop_index("quarantine_by_stream_seq", table_name="quarantine")
