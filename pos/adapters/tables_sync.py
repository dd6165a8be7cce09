"""Tables of the sync client: enrolment, problems, pulled reference data (migration 0005)."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Integer,
    String,
    Table,
    Text,
)

from pos.adapters.metadata import metadata

# The outbox's progress is the server's acked_through, kept in meta["outbox_acked_through"];
# the pull cursor is meta["pull_cursor"] (meta["pull_staging_cursor"] during a full resync).

sync_device = Table(
    "sync_device",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1: a counter is one device
    Column("server_url", String, nullable=False),
    Column("ca_file", String, nullable=False, server_default=""),
    Column("device_id", String, nullable=False),
    Column("device_epoch", Integer, nullable=False),
    Column("token", String, nullable=False),
    Column("site_id", String, nullable=False),
    Column("state", String, nullable=False),  # active, reenrol_needed, revoked, upgrade_required
    Column("state_detail", String, nullable=False, server_default=""),
    Column("enrolled_at", String, nullable=False),
)

sync_problems = Table(
    "sync_problems",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("device_seq", Integer, nullable=False),
    Column("type", String, nullable=False),
    Column("tenant_id", String),
    Column("status", String, nullable=False),  # flagged, rejected
    Column("code", String, nullable=False),
    Column("codes", String, nullable=False),
    Column("recorded_at", String, nullable=False),
)

ref_entities = Table(
    "ref_entities",
    metadata,
    Column("entity", String, primary_key=True),
    Column("id", String, primary_key=True),
    Column("tenant_id", String),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
)

ref_staging = Table(
    "ref_staging",
    metadata,
    Column("entity", String, primary_key=True),
    Column("id", String, primary_key=True),
    Column("tenant_id", String),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
)
