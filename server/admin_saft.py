"""``omigjen-server admin saft``: a tenant's SAF-T Cash Register file for a period, covering
every register of the centre that pushed its sales. It is the same file the centre manager
downloads from the web back office: written under the manager's row-level security scope of
the tenant's site, so the operator gets nothing another site's manager could not see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from server import centre_name
from server.db import Scope, scoped
from server.problems import Problem
from server.web.saft_writer import file_name, saft_stream

MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class SaftWritten:
    path: Path
    tenant: str
    site: str
    registers: list[str]
    transactions: int


def _day(value: str, what: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise Problem(
            422, "invalid_date", f"{what} must be a date YYYY-MM-DD, not {value!r}"
        ) from None


def _period(start: str, end: str) -> tuple[str, str]:
    first, last = _day(start, "--from"), _day(end, "--to")
    if first > last:
        raise Problem(422, "invalid_period", f"--from {first} is after --to {last}")
    if (date.fromisoformat(last) - date.fromisoformat(first)).days >= MAX_DAYS:
        raise Problem(422, "invalid_period", "a file covers at most 3 years: split the period")
    return first, last


def _tenant(conn: Connection, key: str, site: str | None) -> tuple[dict, dict]:
    """The tenant (by id, or by code at the site) and the site it is the centre's tenant of."""
    found = conn.execute(
        text(
            "SELECT t.id, t.code, t.name, t.org_no, t.vat_registered, s.id AS site_id, "
            "s.name AS site_name FROM tenants t JOIN site_tenants m ON m.tenant_id = t.id "
            "JOIN sites s ON s.id = m.site_id WHERE (t.id = :k OR t.code = :k) "
            "AND (CAST(:s AS text) IS NULL OR s.name = :s) ORDER BY s.name"
        ),
        {"k": key, "s": site},
    ).mappings()
    rows = [dict(r) for r in found]
    if not rows:
        where = f" at site {site!r}" if site else ""
        raise Problem(404, "not_found", f"no tenant {key!r}{where} (see: admin tenants)")
    if len({(r["id"], r["site_id"]) for r in rows}) > 1:
        names = ", ".join(f"{r['name']} at {r['site_name']}" for r in rows)
        raise Problem(409, "ambiguous", f"{key!r} is {names}: name the tenant's id and --site")
    row = rows[0]
    tenant = {k: row[k] for k in ("id", "code", "name", "org_no", "vat_registered")}
    return tenant, {"id": row["site_id"], "name": centre_name.of_site(conn, row["site_id"])}


def _site_scope(conn: Connection, site_id: str) -> Scope:
    tenants = conn.execute(
        text("SELECT tenant_id FROM site_tenants WHERE site_id = :s ORDER BY 1"), {"s": site_id}
    ).scalars()
    return Scope("manager", tuple(str(t) for t in tenants), str(site_id))


def write_saft(
    engine: Engine, tenant_key: str, start: str, end: str, out: Path, site: str | None = None
) -> SaftWritten:
    """Write the file (``out`` a directory: the standard file name inside it), through a
    ``.part`` file so a failed run leaves no half file under the real name."""
    first, last = _period(start, end)
    with scoped(engine, Scope.admin()) as conn:
        tenant, centre = _tenant(conn, tenant_key, site)
        scope = _site_scope(conn, centre["id"])
    moment = datetime.now(UTC)
    path = out / file_name(tenant["org_no"], moment) if out.is_dir() else out
    part = path.with_name(path.name + ".part")
    with scoped(engine, scope) as conn, part.open("wb") as handle:
        for chunk in saft_stream(conn, tenant, first, last, centre["name"], moment):
            handle.write(chunk)
        registers, transactions = _covered(conn, tenant["id"], first, last)
    part.replace(path)
    return SaftWritten(path, tenant["name"], centre["name"], registers, transactions)


def _covered(conn: Connection, tenant_id: str, start: str, end: str) -> tuple[list[str], int]:
    found = conn.execute(
        text(
            "SELECT payload->'receipt'->>'register_id', count(*) FROM events "
            "WHERE tenant_id = :t AND type IN ('sale.completed', 'return.completed', "
            "'deposit.completed') AND receipt_date BETWEEN CAST(:f AS date) AND CAST(:e AS date) "
            "GROUP BY 1 ORDER BY 1"
        ),
        {"t": tenant_id, "f": start, "e": end},
    ).all()
    return [str(r[0]) for r in found], sum(int(r[1]) for r in found)


def described(done: SaftWritten) -> str:
    registers = ", ".join(done.registers) or "none (no sales in the period)"
    return (
        f"{done.path}\n{done.tenant} at {done.site}: {done.transactions} transactions "
        f"from registers {registers}"
    )
