"""Tables of day end, X/Z reports and tenant settlement (migrations 0003, 0015)."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from pos.adapters.metadata import metadata

IMMUTABLE: tuple[str, ...] = (
    "z_reports",
    "till_closes",
    "till_close_tenants",
    "settlements",
    "settlement_lines",
)

z_reports = Table(
    "z_reports",
    metadata,
    Column("id", String, primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("register_id", String, nullable=False),
    Column("z_number", Integer, nullable=False),
    Column("business_date", String, nullable=False),
    Column("from_seq", Integer, nullable=False),
    Column("through_seq", Integer, nullable=False),
    Column("created_at", String, nullable=False),
    Column("staff_id", String),
    Column("journal_seq", Integer, nullable=False),
    Column("grand_total_sales", Integer, nullable=False),
    Column("grand_total_returns", Integer, nullable=False),
    Column("content", Text, nullable=False),
    UniqueConstraint("tenant_id", "register_id", "z_number"),
    Index("z_reports_by_day", "tenant_id", "register_id", "business_date"),
)
"""A business day may have two Z reports: one taken ahead (``pos/services/records_ahead.py``)."""

till_closes = Table(
    "till_closes",
    metadata,
    Column("id", String, primary_key=True),
    Column("till_session_id", ForeignKey("till_sessions.id"), nullable=False, unique=True),
    Column("register_id", String, nullable=False),
    Column("closed_at", String, nullable=False),
    Column("local_date", String, nullable=False),
    Column("staff_id", String, nullable=False),
    Column("approved_by", String),
    Column("float_amount", Integer, nullable=False),
    Column("expected_cash", Integer, nullable=False),
    Column("counted_cash", Integer, nullable=False),
    Column("variance", Integer, nullable=False),
    Column("variance_rule", String, nullable=False),
    Column("note", Text, nullable=False),
    Column("content", Text, nullable=False),
)

till_close_tenants = Table(
    "till_close_tenants",
    metadata,
    Column("till_close_id", ForeignKey("till_closes.id"), primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), primary_key=True),
    Column("expected_cash", Integer, nullable=False),
    Column("variance", Integer, nullable=False),
)

tenant_terms = Table(
    "tenant_terms",
    metadata,
    Column("tenant_id", ForeignKey("tenants.id"), primary_key=True),
    Column("commission_bp", Integer, nullable=False, server_default="0"),
    Column("monthly_rent", Integer, nullable=False, server_default="0"),
    Column("bank_account", String, nullable=False, server_default=""),
    Column("updated_at", String, nullable=False),
)

tenant_group_commissions = Table(
    "tenant_group_commissions",
    metadata,
    Column("tenant_id", ForeignKey("tenants.id"), primary_key=True),
    Column("article_group_id", ForeignKey("article_groups.id"), primary_key=True),
    Column("commission_bp", Integer, nullable=False),
)

settlements = Table(
    "settlements",
    metadata,
    Column("id", String, primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("period_from", String, nullable=False),
    Column("period_to", String, nullable=False),
    Column("corrects_id", ForeignKey("settlements.id")),
    Column("created_at", String, nullable=False),
    Column("staff_id", String),
    Column("net_payable", Integer, nullable=False),
    Column("content", Text, nullable=False),
    UniqueConstraint("tenant_id", "number"),
)

settlement_lines = Table(
    "settlement_lines",
    metadata,
    Column("settlement_id", ForeignKey("settlements.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("description", String, nullable=False),
    Column("base", Integer, nullable=False),
    Column("amount", Integer, nullable=False),
)
