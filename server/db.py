"""Engines, migrations and scoped transactions on the server's PostgreSQL.

Every request runs in one transaction that first states its scope with ``SET LOCAL``-style
settings (``app.scope``, ``app.tenant_ids``, ``app.site_id``); the row-level security policies
read them. Connections switch to the non-owner app role, so the policies apply to the app.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import NullPool

from server.schema import APP_ROLE

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(url: str) -> None:
    """Create or upgrade the schema (run as the database owner)."""
    command.upgrade(alembic_config(url), "head")


def schema_revisions(url: str) -> tuple[str | None, str | None]:
    """(the database's schema revision, the newest this code knows); None: no schema yet."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()
    return current, head


EVENT_MONTHS_AHEAD = 24


def add_event_months(url: str) -> int:
    """Create the monthly partitions of ``events`` up to two years ahead (migration s0012);
    run at every start, so a server restarted at least every other year never stores events in
    ``events_default``. Returns the partitions made."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            made = conn.execute(
                text("SELECT events_add_months(now(), :n)"), {"n": EVENT_MONTHS_AHEAD}
            ).scalar()
    finally:
        engine.dispose()
    return int(made or 0)


def may_take_app_role(url: str, role: str = APP_ROLE) -> bool:
    """Whether the URL's user may ``SET ROLE`` to the app role, as every request does (the
    migration grants it when the user may grant roles, and goes on when it may not)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            found = conn.execute(
                text("SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles "
                     "WHERE rolname = :r"),  # fmt: skip
                {"r": role},
            ).scalar()
    finally:
        engine.dispose()
    return bool(found)


def make_engine(url: str, *, role: str | None = APP_ROLE, pool_size: int = 10) -> Engine:
    """The app's engine: each new connection takes the app role (RLS applies to it)."""
    engine = create_engine(  # hide_parameters: token hashes and customer data stay out of logs
        url, pool_size=pool_size, max_overflow=20, pool_pre_ping=True, hide_parameters=True
    )
    if role:

        @event.listens_for(engine, "connect")
        def _take_role(dbapi_connection: Any, _record: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET ROLE {role}")
            dbapi_connection.commit()

    return engine


@dataclass(frozen=True)
class Scope:
    """What one request may see: everything (admin) or a set of tenants (and a site)."""

    kind: str  # "admin", "device", "tenant", "none"
    tenant_ids: tuple[str, ...] = ()
    site_id: str = ""

    @staticmethod
    def admin() -> Scope:
        return Scope("admin")

    @staticmethod
    def none() -> Scope:
        return Scope("none")


def apply_scope(conn: Connection, scope: Scope) -> None:
    conn.execute(
        text(
            "SELECT set_config('app.scope', :k, true), set_config('app.tenant_ids', :t, true), "
            "set_config('app.site_id', :s, true)"
        ),
        {"k": scope.kind, "t": ",".join(scope.tenant_ids), "s": scope.site_id},
    )


@contextmanager
def past_scope(conn: Connection) -> Iterator[None]:
    """Inside the caller's transaction, read as admin for one narrow query the caller bounds
    (the site's staff a tenant's own receipts name, its centre's name), then back to the
    caller's scope whatever happens."""
    saved = conn.execute(text(
        "SELECT current_setting('app.scope', true), current_setting('app.tenant_ids', true), "
        "current_setting('app.site_id', true)")).one()  # fmt: skip
    apply_scope(conn, Scope.admin())
    try:
        yield
    finally:
        kind, tenants, site = (str(v or "") for v in saved)
        apply_scope(conn, Scope(kind, tuple(t for t in tenants.split(",") if t), site))


@contextmanager
def scoped(engine: Engine, scope: Scope) -> Iterator[Connection]:
    """One transaction with the scope set; committed when the block ends without error."""
    with engine.begin() as conn:
        apply_scope(conn, scope)
        yield conn


def rows(conn: Connection, sql: str, params: dict[str, Any] | None = None) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(text(sql), params or {})]
