"""Read side for day end: the figures of X/Z reports, till closes and settlements, and the
streams the SAF-T export writes. Raw SQL on the unit of work's connection, one transaction.

A report covers a journal range ``(lo, hi]`` of one tenant on one register: the receipts whose
journal rows fall in the range, and the events journaled in it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Connection

from pos.adapters.repositories import dict_rows

Params = Mapping[str, Any]

RECEIPT_ROW = (
    "(j.event_code IN (13012, 13013, 13017) OR (j.event_code = 13999 "
    "AND json_extract(j.details, '$.kind') = 'sale_receipt')) "
    "AND instr(j.details, '\"digest\"') > 0"
)
"""The journal row that records a sale, return or training receipt with its content digest
(13999 ``sale_receipt`` for sales; 13012 in stores written before a sales receipt waited for
its printout). Print events (13012, 13030, copies) carry no digest and are never counted."""
NOT_USE = (
    "(13001, 13002, 13003, 13004, 13008, 13009, 13020) AND NOT (event_code = 13018 "
    "AND json_extract(details, '$.kind') = 'z_report_copy') AND NOT (event_code = 13999 "
    "AND json_extract(details, '$.kind') IN ('till_close', 'till_close_note') "
    "AND COALESCE(json_extract(details, '$.local_date'), local_date) < local_date)"
)
"""X, Z, journal exports and copies of a Z read the record, and the counter's start and stop
and a person's log-in and log-out only lead to it; they are not use of the register that needs
a Z (completes ``event_code NOT IN``): logging in at 00:10 to close yesterday's till does not
make today a day with use. Nor does a till close (or the note on its variance) that counted an
earlier business day than the calendar day it was made on (``model.business_day``): it is that
day's, which has use of its own. They are all still in the next Z's journal range."""
_RANGE = (
    "WITH rc AS (SELECT r.id, r.kind, r.total, r.total_ex_vat, r.rounding, r.sale_id "
    "FROM journal j JOIN receipts r ON r.id = j.ref_id "
    "WHERE j.tenant_id = :t AND j.register_id = :r AND j.seq > :lo AND j.seq <= :hi "
    f"AND {RECEIPT_ROW}) "
)


class ReportQueries:
    def __init__(self, conn: Connection) -> None:
        self._raw = cast(sqlite3.Connection, conn.connection.driver_connection)

    def rows(self, sql: str, params: Params | Sequence[Any] = ()) -> list[dict[str, Any]]:
        return dict_rows(self._raw, sql, params)

    def stream(self, sql: str, params: Params | Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows one at a time from a cursor of its own (bounded memory for exports)."""
        cursor = self._raw.cursor()
        cursor.arraysize = 500
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany():
            for row in batch:
                yield dict(zip(names, row, strict=True))
        cursor.close()

    def scalar(self, sql: str, params: Params | Sequence[Any] = ()) -> Any:
        row = self._raw.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # -- journal ranges --------------------------------------------------------------------
    def max_seq(self) -> int:
        return int(self.scalar("SELECT COALESCE(MAX(seq), 0) FROM journal"))

    def max_seq_through(self, local_date: str, after: int) -> int:
        """The last journal row dated ``local_date`` or earlier (seq grows with time)."""
        last = self.rows("SELECT seq, local_date FROM journal ORDER BY seq DESC LIMIT 1")
        if not last or last[0]["local_date"] <= local_date:
            return int(last[0]["seq"]) if last else 0
        found = self.scalar(
            "SELECT MAX(seq) FROM journal WHERE seq > ? AND local_date <= ?", (after, local_date)
        )
        return int(found) if found is not None else after

    def journal_head(self) -> tuple[int, str] | None:
        """The journal's last row number and hash (None before the first row)."""
        rows = self.rows("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")
        return (int(rows[0]["seq"]), str(rows[0]["hash"])) if rows else None

    def last_z_journal_row(self) -> tuple[int, str] | None:
        """The row number and hash of the newest Z report's journal row (13009)."""
        rows = self.rows(
            "SELECT seq, hash FROM journal WHERE seq = (SELECT MAX(seq) FROM journal "
            "WHERE event_code = 13009)"
        )
        return (int(rows[0]["seq"]), str(rows[0]["hash"])) if rows else None

    def journal_hash_at(self, seq: int) -> str | None:
        """The journal's hash at row ``seq`` (None: the journal does not reach it)."""
        found = self.scalar("SELECT hash FROM journal WHERE seq = ?", (seq,))
        return None if found is None else str(found)

    def last_z(self, tenant_id: str, register_id: str) -> dict[str, Any] | None:
        rows = self.rows(
            "SELECT * FROM z_reports WHERE tenant_id = ? AND register_id = ? "
            "ORDER BY z_number DESC LIMIT 1",
            (tenant_id, register_id),
        )
        return rows[0] if rows else None

    def z_reports(
        self, tenant_id: str, register_id: str | None = None, date_from: str = "", date_to: str = ""
    ) -> list[dict[str, Any]]:
        sql = "SELECT * FROM z_reports WHERE tenant_id = :t"
        if register_id:
            sql += " AND register_id = :r"
        if date_from:
            sql += " AND business_date >= :f"
        if date_to:
            sql += " AND business_date <= :to"
        sql += " ORDER BY register_id, z_number"
        return self.rows(sql, {"t": tenant_id, "r": register_id, "f": date_from, "to": date_to})

    def last_z_through(self, tenant_id: str, register_id: str, day: str) -> dict[str, Any] | None:
        """The tenant's newest Z on the register for a business day up to ``day``."""
        rows = self.rows(
            "SELECT * FROM z_reports WHERE tenant_id = ? AND register_id = ? "
            "AND business_date <= ? ORDER BY z_number DESC LIMIT 1",
            (tenant_id, register_id, day),
        )
        return rows[0] if rows else None

    def z_taken_after(self, register_id: str, day: str) -> list[dict[str, Any]]:
        """The register's Z reports for business days after ``day``, with their tenant's
        code, by tenant code and number."""
        return self.rows(
            "SELECT z.tenant_id, t.code, z.z_number, z.business_date FROM z_reports z "
            "JOIN tenants t ON t.id = z.tenant_id WHERE z.register_id = ? "
            "AND z.business_date > ? ORDER BY t.code, z.z_number",
            (register_id, day),
        )

    def last_z_day(self, register_id: str) -> str | None:
        """The newest business day any tenant's Z closed on the register (None: none yet)."""
        day = self.scalar(
            "SELECT MAX(business_date) FROM z_reports WHERE register_id = ?", (register_id,)
        )
        return None if day is None else str(day)

    def taken_z(self, register_id: str, limit: int) -> list[dict[str, Any]]:
        """The Z reports of the register's latest ``limit`` days with any, newest day first."""
        return self.rows(
            "SELECT business_date, tenant_id, z_number FROM z_reports WHERE register_id = :r "
            "AND business_date IN (SELECT DISTINCT business_date FROM z_reports "
            "WHERE register_id = :r ORDER BY business_date DESC LIMIT :n) "
            "ORDER BY business_date DESC, tenant_id",
            {"r": register_id, "n": limit},
        )

    def use_days(self, tenant_id: str, register_id: str, lo: int, drawer_owner: bool) -> list[str]:
        """The dates with use of a tenant on a register after journal row ``lo``; the drawer's
        owner also has the register's shared events (float, drawer, log in)."""
        shared = " OR tenant_id IS NULL" if drawer_owner else ""
        rows = self._raw.execute(
            "SELECT DISTINCT local_date FROM journal WHERE register_id = ? AND seq > ? "
            f"AND (tenant_id = ?{shared}) AND event_code NOT IN {NOT_USE} ORDER BY 1",
            (register_id, lo, tenant_id),
        ).fetchall()
        return [str(row[0]) for row in rows]

    def has_activity(self, tenant_id: str | None, register_id: str, lo: int, hi: int) -> bool:
        op = "IS" if tenant_id is None else "="
        return (
            self.scalar(
                f"SELECT 1 FROM journal WHERE tenant_id {op} ? AND register_id = ? "
                f"AND seq > ? AND seq <= ? AND event_code NOT IN {NOT_USE} LIMIT 1",
                (tenant_id, register_id, lo, hi),
            )
            is not None
        )

    # -- receipts of a range ---------------------------------------------------------------
    def receipt_totals(self, p: Params) -> list[dict[str, Any]]:
        return self.rows(
            _RANGE + "SELECT kind, COUNT(*) AS num, COALESCE(SUM(total), 0) AS total, "
            "COALESCE(SUM(total_ex_vat), 0) AS ex_vat, COALESCE(SUM(rounding), 0) AS rounding "
            "FROM rc GROUP BY kind",
            p,
        )

    def deposits(self, p: Params) -> dict[str, list[int]]:
        """Repair deposits taken (+) and paid back (-) in the range: they are not sales but
        money received on the tenant's behalf (SAF-T 11005), reported as pay-ins/pay-outs."""
        rows = self._raw.execute(
            "SELECT r.total > 0, COUNT(*), COALESCE(SUM(r.total + r.rounding), 0) "
            "FROM journal j JOIN receipts r ON r.id = j.ref_id "
            "WHERE j.tenant_id = :t AND j.register_id = :r AND j.seq > :lo AND j.seq <= :hi "
            "AND j.event_code = 13999 AND r.kind = 'deposit' "
            "AND json_extract(j.details, '$.kind') = 'deposit_receipt' GROUP BY 1",
            p,
        ).fetchall()
        found = {"in": [0, 0], "out": [0, 0]}
        for positive, num, amount in rows:
            found["in" if positive else "out"] = [int(num), abs(int(amount))]
        return found

    def deposit_tenders(self, p: Params) -> dict[str, int]:
        """Repair deposits taken less paid back in the range, per tender kind (signed)."""
        rows = self._raw.execute(
            "SELECT t.kind, COALESCE(SUM(t.amount), 0) FROM journal j "
            "JOIN receipts r ON r.id = j.ref_id JOIN tenders t ON t.sale_id = r.sale_id "
            "WHERE j.tenant_id = :t AND j.register_id = :r AND j.seq > :lo AND j.seq <= :hi "
            "AND j.event_code = 13999 AND r.kind = 'deposit' "
            "AND json_extract(j.details, '$.kind') = 'deposit_receipt' GROUP BY 1",
            p,
        ).fetchall()
        return {str(kind): int(amount) for kind, amount in rows if amount}

    def deposits_used(self, p: Params) -> int:
        """Of the repair deposits taken in the range, what a pickup journaled by its end paid
        with (the ticket's deposit voucher spent): no longer held."""
        found = self._raw.execute(
            "SELECT COALESCE(SUM(d.amount), 0) FROM journal j "
            "JOIN receipts r ON r.id = j.ref_id JOIN repair_deposits d ON d.receipt_id = r.id "
            "WHERE j.tenant_id = :t AND j.register_id = :r AND j.seq > :lo AND j.seq <= :hi "
            "AND j.event_code = 13999 AND r.kind = 'deposit' AND d.amount > 0 "
            "AND json_extract(j.details, '$.kind') = 'deposit_receipt' AND EXISTS ("
            "SELECT 1 FROM credit_notes c JOIN tenders t ON t.credit_note_id = c.id "
            "JOIN receipts pr ON pr.sale_id = t.sale_id JOIN journal pj ON pj.ref_id = pr.id "
            "WHERE c.kind = 'deposit' AND c.number = d.ticket_id AND t.kind = 'deposit' "
            "AND t.amount > 0 AND pj.seq <= :hi)",
            p,
        ).fetchone()
        return int(found[0])

    def lines(self, p: Params) -> list[tuple[Any, ...]]:
        """(receipt kind, staff id, article group, qty, amount, VAT class, VAT, discount)."""
        return self._raw.execute(
            _RANGE + "SELECT rc.kind, s.staff_id, l.article_group_id, l.qty, l.amount, "
            "l.vat_class, l.vat_amount, l.discount FROM rc "
            "JOIN sale_lines l ON l.receipt_id = rc.id JOIN sales s ON s.id = rc.sale_id",
            p,
        ).fetchall()

    def payments(self, p: Params) -> list[dict[str, Any]]:
        """Per operator and payment means, money in (sales) apart from money out (refunds)."""
        return self.rows(
            _RANGE + "SELECT s.staff_id, t.kind, p.amount < 0 AS negative, COUNT(*) AS num, "
            "SUM(p.amount) AS amount FROM rc JOIN receipt_payments p ON p.receipt_id = rc.id "
            "JOIN tenders t ON t.id = p.tender_id JOIN sales s ON s.id = rc.sale_id "
            "WHERE rc.kind != 'training' GROUP BY 1, 2, 3",
            p,
        )

    def credit_notes_issued(self, p: Params) -> dict[str, Any]:
        return self.rows(
            _RANGE + "SELECT COUNT(*) AS num, COALESCE(SUM(cn.amount), 0) AS amount "
            "FROM rc JOIN credit_notes cn ON cn.issued_receipt_id = rc.id",
            p,
        )[0]

    def tenant_events(self, p: Params) -> list[dict[str, Any]]:
        """Copies, price look-ups, parked baskets, voids and other events of the tenant in the
        range."""
        return self.rows(
            "SELECT j.event_code, j.amount, j.details, i.article_group_id FROM journal j "
            "LEFT JOIN items i ON j.event_code = 13022 "
            "AND i.id = json_extract(j.details, '$.item_id') "
            "WHERE j.tenant_id = :t AND j.register_id = :r AND j.seq > :lo AND j.seq <= :hi "
            "AND j.event_code IN (13010, 13014, 13022, 13028, 13999)",
            p,
        )

    def register_events(self, p: Params) -> list[dict[str, Any]]:
        """Events of the shared drawer (no tenant): float, no-sale openings, cash in/out, parks."""
        return self.rows(
            "SELECT event_code, amount, details FROM journal "
            "WHERE tenant_id IS NULL AND register_id = :r AND seq > :lo AND seq <= :hi "
            "AND event_code IN (13005, 13010, 13019, 13999) ORDER BY seq",
            p,
        )

    def float_before(self, register_id: str, seq: int) -> int:
        found = self.scalar(
            "SELECT amount FROM journal WHERE tenant_id IS NULL AND register_id = ? "
            "AND seq <= ? AND event_code = 13999 AND json_extract(details, '$.kind') = 'till_open' "
            "ORDER BY seq DESC LIMIT 1",
            (register_id, seq),
        )
        return int(found or 0)

    def session_start(self, session_id: str) -> dict[str, Any] | None:
        """The journal row that began a till session: its ``seq`` and ``kind`` (``till_open``,
        or ``shift_change`` for a session handed over)."""
        rows = self.rows(
            "SELECT seq, json_extract(details, '$.kind') AS kind FROM journal "
            "WHERE ref_id = ? AND event_code = 13999 ORDER BY seq LIMIT 1",
            (session_id,),
        )
        return rows[0] if rows else None

    def first_login_after(self, register_id: str, seq: int) -> str | None:
        """Who logged in first at the register after journal row ``seq`` (staff id)."""
        found = self.scalar(
            "SELECT staff_id FROM journal WHERE tenant_id IS NULL AND event_code = 13003 "
            "AND register_id = ? AND seq > ? ORDER BY seq LIMIT 1",
            (register_id, seq),
        )
        return None if found is None else str(found)

    def till_opened_before(self, register_id: str, seq: int) -> dict[str, Any] | None:
        """The last opening with a float (13999 ``till_open``) at or before ``seq``: its
        ``staff_id`` and ``created_at``."""
        rows = self.rows(
            "SELECT staff_id, created_at FROM journal WHERE tenant_id IS NULL "
            "AND register_id = ? AND seq <= ? AND event_code = 13999 "
            "AND json_extract(details, '$.kind') = 'till_open' ORDER BY seq DESC LIMIT 1",
            (register_id, seq),
        )
        return rows[0] if rows else None

    def staff_names(self) -> dict[str, tuple[str, str]]:
        return {
            r["id"]: (r["staff_no"], r["name"])
            for r in self.rows("SELECT id, staff_no, name FROM staff")
        }

    def article_group_names(self) -> dict[str, tuple[str, str]]:
        return {
            r["id"]: (r["name"], r["saft_code"])
            for r in self.rows("SELECT id, name, saft_code FROM article_groups")
        }

    # -- till session ------------------------------------------------------------------------
    def session_cash_net(self, session_id: str) -> int:
        return int(
            self.scalar(
                "SELECT COALESCE(SUM(cash_net), 0) FROM sales "
                "WHERE till_session_id = ? AND training = 0",
                (session_id,),
            )
        )

    def session_movements(self, session_id: str) -> dict[str, int]:
        rows = self.rows(
            "SELECT kind, COALESCE(SUM(amount), 0) AS amount FROM cash_movements "
            "WHERE till_session_id = ? GROUP BY kind",
            (session_id,),
        )
        return {row["kind"]: int(row["amount"]) for row in rows}

    def batch_tender_parts(self, session_id: str) -> dict[str, dict[str, int]]:
        """Tender kind -> sale kind (sale, return, deposit) -> signed amount, over the session
        and every session it was handed over from (shift changes back to the last till close):
        a card terminal's or Vipps' batch runs from one till close to the next."""
        rows = self.rows(
            "WITH RECURSIVE chain(id) AS (SELECT ? UNION "
            "SELECT c.till_session_id FROM chain JOIN journal j ON j.ref_id = chain.id "
            "AND j.event_code = 13999 AND json_extract(j.details, '$.kind') = 'shift_change' "
            "JOIN till_closes c ON c.id = json_extract(j.details, '$.after_close')) "
            "SELECT t.kind, s.kind AS sale_kind, SUM(t.amount) AS amount FROM tenders t "
            "JOIN sales s ON s.id = t.sale_id "
            "WHERE s.till_session_id IN (SELECT id FROM chain) AND s.training = 0 "
            "GROUP BY t.kind, s.kind",
            (session_id,),
        )
        found: dict[str, dict[str, int]] = {}
        for row in rows:
            found.setdefault(row["kind"], {})[row["sale_kind"]] = int(row["amount"])
        return found

    def session_cash_by_tenant(self, session_id: str) -> dict[str, int]:
        rows = self.rows(
            "SELECT r.tenant_id, SUM(p.amount) AS amount FROM sales s "
            "JOIN receipts r ON r.sale_id = s.id JOIN receipt_payments p ON p.receipt_id = r.id "
            "JOIN tenders t ON t.id = p.tender_id "
            "WHERE s.till_session_id = ? AND s.training = 0 AND t.kind = 'cash' GROUP BY 1",
            (session_id,),
        )
        return {row["tenant_id"]: int(row["amount"]) for row in rows}

    def till_closes(self, register_id: str, local_date: str) -> list[dict[str, Any]]:
        """The day's closes; a note given after the count (``till_close_note``) as their note."""
        return self.rows(
            "SELECT c.*, coalesce(nullif(c.note, ''), (SELECT json_extract(j.details, '$.note') "
            "FROM journal j WHERE j.ref_id = c.id AND j.event_code = 13999 "
            "AND json_extract(j.details, '$.kind') = 'till_close_note' ORDER BY j.seq DESC "
            "LIMIT 1), '') AS note FROM till_closes c WHERE c.register_id = ? "
            "AND c.local_date = ? ORDER BY c.closed_at",
            (register_id, local_date),
        )

    def last_till_close(self, register_id: str) -> dict[str, Any] | None:
        """The register's close written last (in the order of records, not their clock)."""
        rows = self.rows(
            "SELECT * FROM till_closes WHERE register_id = ? ORDER BY rowid DESC LIMIT 1",
            (register_id,),
        )
        return rows[0] if rows else None

    def restore_losing_records_since(self, register_id: str, after: str) -> str | None:
        """The backup time of the newest restore made after ``after`` (UTC) whose replaced
        store could not be read after the backup (None: none)."""
        found = self.scalar(
            "SELECT json_extract(details, '$.records_may_be_lost.since') FROM journal "
            "WHERE register_id = ? AND event_code = 13999 AND created_at >= ? "
            "AND json_extract(details, '$.kind') = 'restore' "
            "AND json_extract(details, '$.records_may_be_lost') IS NOT NULL "
            "ORDER BY seq DESC LIMIT 1",
            (register_id, after),
        )
        return None if found is None else str(found)

    def till_close(self, close_id: str) -> dict[str, Any] | None:
        rows = self.rows("SELECT * FROM till_closes WHERE id = ?", (close_id,))
        return rows[0] if rows else None

    def till_close_tenants(self, close_id: str) -> dict[str, dict[str, int]]:
        rows = self.rows("SELECT * FROM till_close_tenants WHERE till_close_id = ?", (close_id,))
        return {
            r["tenant_id"]: {"expected": r["expected_cash"], "variance": r["variance"]}
            for r in rows
        }
