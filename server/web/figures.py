"""The takings the pages show, read from the roll-up (brought up to date first, in the same
transaction: ``server.takings_rollup``) and folded by the counter's own rules
(``pos.model.takings``): per tenant, per register, and the receipts themselves page by page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from pos.model.takings import Takings, fold_takings
from server.takings_rollup import bring_up_to_date

_DAYS = (
    "SELECT {by} kind, sum(num) AS num, sum(amount) AS amount, sum(ex_vat) AS ex_vat, "
    "sum(rounding) AS rounding, sum(discount_num) AS discount_num, "
    "sum(discount_amount) AS discount_amount FROM takings_days WHERE {where} GROUP BY {by} kind"
)
_VAT = (
    "SELECT {by} kind, vat_class, sum(gross) AS gross, sum(vat) AS vat "
    "FROM takings_vat WHERE {where} GROUP BY {by} kind, vat_class"
)
_PAYMENTS = (
    "SELECT {by} kind, means, negative, sum(num) AS num, sum(amount) AS amount "
    "FROM takings_payments WHERE {where} GROUP BY {by} kind, means, negative"
)


@dataclass(frozen=True)
class Period:
    start: str
    end: str

    @property
    def one_day(self) -> bool:
        return self.start == self.end


def _grouped(
    conn: Connection, period: Period, tenant_ids: list[str], site_id: str, by: tuple[str, ...]
) -> dict[tuple, Takings]:
    """Takings per value of the ``by`` columns, read from the three roll-up tables."""
    bring_up_to_date(conn)
    where = "tenant_id = ANY(:t) AND day BETWEEN :f AND :e" + (
        " AND site_id = :s" if site_id else ""
    )
    params = {"t": tenant_ids, "f": period.start, "e": period.end, "s": site_id}
    columns = "".join(f"{c}, " for c in by)
    parts: list[dict[tuple, list[dict[str, Any]]]] = []
    for sql in (_DAYS, _VAT, _PAYMENTS):
        rows: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for row in conn.execute(text(sql.format(by=columns, where=where)), params).mappings():
            rows[tuple(row[c] for c in by)].append(dict(row))
        parts.append(rows)
    days, vat, payments = parts
    return {key: fold_takings(days[key], vat.get(key, []), payments.get(key, [])) for key in days}


def per_tenant(
    conn: Connection, period: Period, tenant_ids: list[str], site_id: str = ""
) -> dict[str, Takings]:
    """Each tenant's takings over the period, on every counter (of ``site_id`` if given)."""
    return {
        key[0]: t for key, t in _grouped(conn, period, tenant_ids, site_id, ("tenant_id",)).items()
    }


def together(
    conn: Connection, period: Period, tenant_ids: list[str], site_id: str = ""
) -> Takings | None:
    """All these tenants as one (the manager's bottom line), by the same fold."""
    return _grouped(conn, period, tenant_ids, site_id, ()).get(())


def per_register(
    conn: Connection, period: Period, tenant_id: str, site_id: str = ""
) -> dict[tuple[str, str], Takings]:
    """One tenant's takings per (device, register)."""
    found = _grouped(conn, period, [tenant_id], site_id, ("device_id", "register_id"))
    return {(str(k[0]), str(k[1])): t for k, t in sorted(found.items())}


RECEIPTS_PER_PAGE = 50
_RECEIPTS = (
    "SELECT e.id, e.device_id, e.payload->'receipt'->>'number_text' AS number, "
    "e.payload->'receipt'->>'kind' AS kind, e.payload->'receipt'->>'register_id' AS register, "
    "e.payload->'receipt'->>'local_date' AS day, e.payload->'receipt'->>'local_time' AS time, "
    "takings_int(e.payload->'receipt'->>'total') AS total FROM events e "
    "WHERE e.tenant_id = :t AND e.type IN ('sale.completed', 'return.completed', "
    "'deposit.completed') AND e.receipt_date BETWEEN CAST(:f AS date) AND CAST(:e AS date) "
    "AND (CAST(:before AS bigint) IS NULL OR e.id < :before) {site} ORDER BY e.id DESC LIMIT :n"
)


def receipts(
    conn: Connection, period: Period, tenant_id: str, before: int | None, site_id: str = ""
) -> tuple[list[dict[str, Any]], int | None]:
    """A page of the tenant's receipts, last received first; and where the next page starts."""
    sql = _RECEIPTS.format(site="AND e.site_id = :s" if site_id else "")
    params = {
        "t": tenant_id,
        "f": period.start,
        "e": period.end,
        "before": before,
        "s": site_id,
        "n": RECEIPTS_PER_PAGE + 1,
    }
    # A plan for this period and cursor, never a generic one: for unknown dates PostgreSQL would
    # read the whole period by date and sort it, where the newest receipts of a busy month are
    # found faster by id (a prepared statement switches to a generic plan after five runs).
    conn.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    rows = [dict(r) for r in conn.execute(text(sql), params).mappings()]
    more = rows[RECEIPTS_PER_PAGE] if len(rows) > RECEIPTS_PER_PAGE else None
    return rows[:RECEIPTS_PER_PAGE], (int(rows[RECEIPTS_PER_PAGE - 1]["id"]) if more else None)
