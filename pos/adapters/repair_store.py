"""Write side (and the look-ups writes need) of the repair counter's tables.

Runs on the current unit of work's connection through the Store's raw cursor; never commits.
Deposit vouchers are rows of ``credit_notes`` with kind 'deposit' and the ticket id as number.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from pos.adapters.repositories import Store
from pos.clock import Stamp
from pos.model.deposits import DepositLedger
from pos.model.notification import DEFAULT_RULES, ChannelChoice, NotifyRule, OutgoingMessage
from pos.model.repair import RepairStatus, RepairTicket
from pos.sync_protocol import TICKET_FIELDS

_ACTIVE_LINES = (
    "SELECT l.* FROM repair_lines l LEFT JOIN repair_line_removals r ON r.line_id = l.id "
    "WHERE l.ticket_id = ? AND r.line_id IS NULL ORDER BY l.created_at, l.rowid"
)
_DEPOSIT_USES = (
    "SELECT tn.id, tn.amount FROM tenders tn LEFT JOIN credit_notes cn ON cn.id = "
    "tn.credit_note_id WHERE tn.kind = 'deposit' AND tn.amount > 0 AND ((cn.number = :t AND "
    "cn.kind = 'deposit') OR (tn.credit_note_id IS NULL AND tn.reference = :t))"
)
"""Deposit payments at pickups here: against this counter's voucher, or (a deposit taken at
another counter) naming the ticket as the payment's reference."""


class RepairStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- tickets -----------------------------------------------------------------------------
    def insert_ticket(self, row: Mapping[str, Any]) -> None:
        self.store.insert("repair_tickets", row)

    # -- what happens to a ticket, each kept as its own record ---------------------------------
    def add_status_change(
        self,
        history_id: str,
        ticket_id: str,
        from_status: str | None,
        to_status: str,
        staff_id: str,
        stamp: Stamp,
        *,
        note: str = "",
        notification_id: str | None = None,
    ) -> None:
        """A move between statuses (``from_status`` None: taken in), with the message it sent."""
        self.store.insert("repair_status_history", {
            "id": history_id, "ticket_id": ticket_id, "from_status": from_status,
            "to_status": to_status, "staff_id": staff_id, "created_at": stamp.utc_iso,
            "note": note, "notification_id": notification_id,
        })  # fmt: skip

    def queue_message(
        self, notification_id: str, ticket_id: str, trigger_status: str, message: OutgoingMessage,
        stamp: Stamp,
    ) -> None:  # fmt: skip
        """A message to the customer, waiting to be sent."""
        self.store.insert("notifications", {
            "id": notification_id, "ticket_id": ticket_id, "trigger_status": trigger_status,
            "channel": message.channel.value, "recipient": message.to,
            "subject": message.subject, "body": message.body, "state": "pending",
            "created_at": stamp.utc_iso, "updated_at": stamp.utc_iso,
        })  # fmt: skip

    def add_note(
        self, note_id: str, ticket_id: str, text: str, staff_id: str, stamp: Stamp, hlc: str
    ) -> None:
        self.store.insert("repair_notes", {
            "id": note_id, "ticket_id": ticket_id, "text": text, "staff_id": staff_id,
            "created_at": stamp.utc_iso, "hlc": hlc,
        })  # fmt: skip

    def add_photo(self, ticket_id: str, path: str, sha256: str, created_at: str) -> None:
        self.store.insert("repair_photos", {
            "id": str(uuid.uuid4()), "ticket_id": ticket_id, "path": path, "sha256": sha256,
            "created_at": created_at,
        })  # fmt: skip

    def add_line(self, line: Mapping[str, Any], staff_id: str, stamp: Stamp) -> None:
        """A part or labour line on the ticket (``line``: id, ticket_id, kind, item_id,
        description, qty, minutes, unit_price, amount)."""
        self.store.insert(
            "repair_lines", {**line, "staff_id": staff_id, "created_at": stamp.utc_iso}
        )

    def remove_line(self, line_id: str, staff_id: str, stamp: Stamp, reason: str) -> None:
        self.store.insert("repair_line_removals", {
            "line_id": line_id, "staff_id": staff_id, "created_at": stamp.utc_iso,
            "reason": reason,
        })  # fmt: skip

    def add_approval(
        self, approval_id: str, ticket_id: str, amount: int, method: str, note: str,
        staff_id: str, stamp: Stamp,
    ) -> None:  # fmt: skip
        """The price the customer approved, how, and who took it."""
        self.store.insert("repair_approvals", {
            "id": approval_id, "ticket_id": ticket_id, "amount": amount, "method": method,
            "note": note, "staff_id": staff_id, "created_at": stamp.utc_iso,
        })  # fmt: skip

    def add_deposit(
        self, deposit_id: str, ticket_id: str, tenant_id: str, receipt_id: str, amount: int,
        stamp: Stamp,
    ) -> None:  # fmt: skip
        """A deposit taken on its receipt, and (when money came in) the voucher it leaves for
        the pickup: a credit note of kind 'deposit' numbered with the ticket id."""
        if amount > 0:
            self.store.insert("credit_notes", {
                "id": str(uuid.uuid4()), "number": ticket_id, "tenant_id": tenant_id,
                "amount": amount, "issued_receipt_id": receipt_id,
                "created_at": stamp.utc_iso, "kind": "deposit",
            })  # fmt: skip
        self.store.insert("repair_deposits", {
            "id": deposit_id, "ticket_id": ticket_id, "receipt_id": receipt_id,
            "amount": amount, "created_at": stamp.utc_iso,
        })  # fmt: skip

    def update_ticket(self, ticket_id: str, **fields: Any) -> None:
        known = {c for c in self._columns()} - {"id", "created_at", "created_by", "register_id"}
        if not fields or set(fields) - known:
            raise KeyError(sorted(set(fields) - known))
        assignments = ", ".join(f"{name} = :{name}" for name in fields)
        self.store._raw.execute(
            f"UPDATE repair_tickets SET {assignments} WHERE id = :id", {**fields, "id": ticket_id}
        )

    @staticmethod
    def _columns() -> list[str]:
        from pos.adapters.tables import repair_tickets

        return [c.name for c in repair_tickets.c]

    def ended_between(self, date_from: str, date_to: str, final: list[str]) -> list[dict]:
        """Tickets whose last move into a final status falls in [from, to] (Oslo dates,
        compared on the UTC timestamp with a day's margin, then exactly by the caller)."""
        marks = ", ".join("?" * len(final))
        return self.store.rows(
            "SELECT t.*, te.code AS tenant_code, h.created_at AS ended_at "
            "FROM repair_tickets t JOIN tenants te ON te.id = t.tenant_id "
            "JOIN repair_status_history h ON h.ticket_id = t.id "
            f"WHERE t.status IN ({marks}) AND h.to_status = t.status "
            "AND h.created_at >= date(?, '-1 day') AND h.created_at < date(?, '+2 day') "
            "ORDER BY h.created_at, t.id",
            [*final, date_from, date_to],
        )

    def customers(self, phone_like: str, name_words: list[str], limit: int) -> list[dict]:
        """Customers of earlier jobs whose phone contains ``phone_like`` (when given) and whose
        name holds every one of ``name_words`` (case-folded), one row per phone and name with
        the newest job's name and e-mail, newest first."""
        where, params = [], []
        if phone_like:
            where.append("customer_phone LIKE ?")
            params.append(f"%{phone_like}%")
        for word in name_words:
            where.append("customer_search LIKE ?")
            params.append(f"%{word}%")
        if not where:
            return []
        # SQLite takes the bare columns from the row that holds MAX(created_at).
        return self.store.rows(
            "SELECT customer_name, customer_phone, customer_email, "
            "MAX(created_at) AS last_job, COUNT(*) AS jobs FROM repair_tickets "
            f"WHERE {' AND '.join(where)} GROUP BY customer_phone, customer_search "
            "ORDER BY last_job DESC LIMIT ?",
            [*params, limit],
        )

    def ticket_row(self, ticket_id: str) -> dict | None:
        rows = self.store.rows("SELECT * FROM repair_tickets WHERE id = ?", (ticket_id,))
        return rows[0] if rows else None

    def ticket_state(self, row: Mapping[str, Any]) -> RepairTicket:
        """The rules' view of a ticket row: status, limits, approvals, actual price."""
        approved = self.store._raw.execute(
            "SELECT COALESCE(MAX(amount), 0) FROM repair_approvals WHERE ticket_id = ?",
            (row["id"],),
        ).fetchone()[0]
        return RepairTicket(
            id=row["id"],
            tenant_id=row["tenant_id"],
            status=RepairStatus(row["status"]),
            approval_limit=row["approval_limit"],
            approved_amount=int(approved),
            actual=sum(line["amount"] for line in self.active_lines(row["id"])),
        )

    def active_lines(self, ticket_id: str) -> list[dict]:
        return self.store.rows(_ACTIVE_LINES, (ticket_id,))

    def line(self, line_id: str) -> dict | None:
        rows = self.store.rows(
            "SELECT l.*, r.line_id AS removed FROM repair_lines l "
            "LEFT JOIN repair_line_removals r ON r.line_id = l.id WHERE l.id = ?",
            (line_id,),
        )
        return rows[0] if rows else None

    def photos(self, ticket_id: str) -> list[dict]:
        return self.store.rows(
            "SELECT * FROM repair_photos WHERE ticket_id = ? ORDER BY rowid", (ticket_id,)
        )

    def history(self, ticket_id: str) -> list[dict]:
        return self.store.rows(
            "SELECT h.*, s.name AS staff_name FROM repair_status_history h "
            "JOIN staff s ON s.id = h.staff_id WHERE h.ticket_id = ? ORDER BY h.rowid",
            (ticket_id,),
        )

    def notes(self, ticket_id: str) -> list[dict]:
        return self.store.rows(
            "SELECT n.*, s.name AS staff_name FROM repair_notes n JOIN staff s "
            "ON s.id = n.staff_id WHERE n.ticket_id = ? ORDER BY n.hlc, n.id",
            (ticket_id,),
        )

    # -- per-field clocks (last writer wins across counters) ----------------------------------
    def field_clock(self, ticket_id: str) -> dict[str, str]:
        rows = self.store._raw.execute(
            "SELECT field, hlc FROM repair_field_clock WHERE ticket_id = ?", (ticket_id,)
        ).fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    def set_field_clock(self, ticket_id: str, stamps: Mapping[str, str]) -> None:
        self.store._raw.executemany(
            "INSERT INTO repair_field_clock (ticket_id, field, hlc) VALUES (?, ?, ?) "
            "ON CONFLICT(ticket_id, field) DO UPDATE SET hlc = excluded.hlc",
            [(ticket_id, name, stamp) for name, stamp in stamps.items()],
        )

    # -- merging pulled tickets ---------------------------------------------------------------
    # -- a pulled ticket's append-only parts, each added where this counter lacks it --------------
    def add_pulled_history(self, rows: list[dict[str, Any]]) -> None:
        self._insert_missing("repair_status_history", rows)

    def add_pulled_notes(self, rows: list[dict[str, Any]]) -> None:
        self._insert_missing("repair_notes", rows)

    def add_pulled_lines(self, rows: list[dict[str, Any]]) -> None:
        self._insert_missing("repair_lines", rows)

    def add_pulled_removals(self, rows: list[dict[str, Any]]) -> None:
        self._insert_missing("repair_line_removals", rows)

    def add_pulled_approvals(self, rows: list[dict[str, Any]]) -> None:
        self._insert_missing("repair_approvals", rows)

    def known_staff(self, ids: set[str]) -> set[str]:
        """Which of ``ids`` are staff members here."""
        return self._known_ids("staff", ids)

    def known_items(self, ids: set[str]) -> set[str]:
        return self._known_ids("items", ids)

    def known_lines(self, ids: set[str]) -> set[str]:
        """Which of ``ids`` are repair lines here (a removal needs its line)."""
        return self._known_ids("repair_lines", ids)

    def _insert_missing(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows whose primary key is not there yet (append-only parts from the server)."""
        from pos.adapters.tables import metadata

        if not rows:
            return
        columns = [c.name for c in metadata.tables[table].c]
        marks = ", ".join("?" for _ in columns)
        self.store._raw.executemany(
            f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})",
            [tuple(row.get(c) for c in columns) for row in rows],
        )

    def _known_ids(self, table: str, ids: set[str]) -> set[str]:
        """Which of ``ids`` exist in ``table`` (staff, items, lines: foreign keys of parts)."""
        if table not in ("staff", "items", "repair_lines") or not ids:
            return set()
        marks = ", ".join("?" for _ in ids)
        rows = self.store._raw.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", list(ids))
        return {str(r[0]) for r in rows}

    def has_unpushed_status(self, ticket_id: str, acked_through: int) -> bool:
        """A status change of this ticket still waiting in the outbox (the server decides it)."""
        row = self.store._raw.execute(
            "SELECT 1 FROM outbox WHERE device_seq > ? AND type IN ('repair.status_changed', "
            "'repair.reopened') AND json_extract(payload, '$.ticket') = ? LIMIT 1",
            (acked_through, ticket_id),
        ).fetchone()
        return row is not None

    def unpushed_fields(self, ticket_id: str, acked_through: int) -> set[str]:
        """The descriptive fields of this ticket edited here and not yet taken by the server."""
        rows = self.store._raw.execute(
            "SELECT type, json_extract(payload, '$.fields') FROM outbox WHERE device_seq > ? "
            "AND type IN ('repair.updated', 'repair.ticket_created') "
            "AND json_extract(payload, '$.ticket') = ?",
            (acked_through, ticket_id),
        ).fetchall()
        if any(kind == "repair.ticket_created" for kind, _ in rows):
            return set(TICKET_FIELDS)
        return {name for _, fields in rows for name in json.loads(fields or "{}")}

    def status_conflicts(self, ticket_id: str) -> list[dict]:
        """This counter's status changes of the ticket that the server flagged status_conflict
        (among its flags: a clamped stamp comes first)."""
        return self.store.rows(
            "SELECT p.recorded_at, json_extract(o.payload, '$.from') AS from_status, "
            "json_extract(o.payload, '$.to') AS to_status FROM sync_problems p "
            "JOIN outbox o ON o.event_id = p.event_id WHERE (p.code = 'status_conflict' OR EXISTS "
            "(SELECT 1 FROM json_each(p.codes) WHERE value = 'status_conflict')) "
            "AND json_extract(o.payload, '$.ticket') = ? ORDER BY p.device_seq",
            (ticket_id,),
        )

    # -- deposits ----------------------------------------------------------------------------
    def deposit_held(self, ticket_id: str) -> int:
        """Deposits paid in, minus paid back, minus what pickups have deducted: at every
        counter of the site, as far as this one knows (``deposit_ledger``)."""
        return self.deposit_ledger(ticket_id).held

    def deposit_ledger(self, ticket_id: str) -> DepositLedger:
        """The job's deposits here and, from the pulled ticket, at the site's other counters
        (each deposit and each deduction counted once, by its id)."""
        raw = self.store._raw
        mine = raw.execute(
            "SELECT id, amount FROM repair_deposits WHERE ticket_id = ?", [ticket_id]
        )
        taken = {str(r[0]): int(r[1]) for r in mine}
        used = {str(r[0]): int(r[1]) for r in raw.execute(_DEPOSIT_USES, {"t": ticket_id})}
        tenant = raw.execute("SELECT tenant_id FROM repair_tickets WHERE id = ?", (ticket_id,))
        found = tenant.fetchone()
        pulled = self._pulled_ticket(str(found[0]), ticket_id) if found else {}
        far = [d for d in _parts(pulled, "deposits") if _amount(d) and d.get("id") not in taken]
        far_used = [u for u in _parts(pulled, "deposits_used")
                    if _amount(u) and u.get("id") not in used]  # fmt: skip
        return DepositLedger(
            sum(taken.values()),
            sum(used.values()),
            sum(_amount(d) for d in far),
            sum(_amount(u) for u in far_used),
            tuple(sorted({str(d.get("register_id") or "?") for d in far})),
        )

    def _pulled_ticket(self, tenant_id: str, ticket_id: str) -> dict[str, Any]:
        """The server's copy of the ticket as pulled; empty when there is none or when it is
        another site's job with the same id."""
        row = self.store._raw.execute(
            "SELECT data FROM ref_entities WHERE entity = 'ticket' AND id = ?",
            (f"{tenant_id}/{ticket_id}",),
        ).fetchone()
        data = json.loads(row[0]) if row is not None else None
        if not isinstance(data, dict):
            return {}
        if "site_id" in data:
            site = self.store._raw.execute("SELECT site_id FROM sync_device WHERE id = 1")
            found = site.fetchone()
            if data["site_id"] != (None if found is None else str(found[0])):
                return {}
        return data

    def lines_elsewhere(self, tenant_id: str, ticket_id: str) -> int:
        """Lines of the pulled ticket, not removed there, that this counter lacks (their item
        or staff member is not known here): it cannot charge them at pickup."""
        mine = {str(r[0]) for r in self.store._raw.execute(
            "SELECT id FROM repair_lines WHERE ticket_id = ?", (ticket_id,)
        )}  # fmt: skip
        pulled = self._pulled_ticket(tenant_id, ticket_id)
        removed = {str(p.get("id")) for p in _parts(pulled, "removals")}
        return sum(1 for p in _parts(pulled, "lines") if str(p.get("id")) not in mine | removed)

    def deposit_voucher(self, number: str) -> tuple[dict, int] | None:
        """The deposit voucher of a ticket (number = ticket id) and what its deposits still
        hold. A deposit taken only at another counter of the site has no voucher here: it is
        named by the ticket (``id`` None), as last pulled."""
        rows = self.store.rows(
            "SELECT * FROM credit_notes WHERE number = ? AND kind = 'deposit'", (number,)
        )
        if rows:
            return rows[0], self.deposit_held(number)
        ledger = self.deposit_ledger(number)
        ticket = self.ticket_row(number)
        if ticket is None or not ledger.taken_elsewhere:
            return None
        voucher = {"id": None, "number": number, "tenant_id": ticket["tenant_id"],
                   "kind": "deposit"}  # fmt: skip
        return voucher, ledger.held

    # -- messages to customers ---------------------------------------------------------------
    def withdraw_waiting_messages(self, ticket_id: str, at: str) -> list[str]:
        """Mark the ticket's messages still waiting to be sent as withdrawn; returns their ids."""
        rows = self.store._raw.execute(
            "UPDATE notifications SET state = 'withdrawn', updated_at = ? "
            "WHERE ticket_id = ? AND state = 'pending' RETURNING id",
            (at, ticket_id),
        ).fetchall()
        return sorted(str(r[0]) for r in rows)

    def record_delivery(self, outcomes: Sequence[tuple[str, str, str, str]]) -> None:
        """The server's word on messages queued here: (the id of the event that asked for it,
        state, error, at). A message the server sent or gave up on is no longer pending (nor
        withdrawn: it went out all the same); one the server withdrew is withdrawn here too."""
        self.store._raw.executemany(
            "UPDATE notifications SET state = ?2, error = ?3, updated_at = ?4 WHERE id = ("
            "SELECT json_extract(payload, '$.notification_id') FROM outbox WHERE event_id = ?1 "
            "AND type = 'notification.requested') "
            "AND (state = 'pending' OR (state = 'withdrawn' AND ?2 IN ('sent', 'failed')))",
            outcomes,
        )

    # -- notification rules ------------------------------------------------------------------
    def notify_rule(self, status: RepairStatus) -> NotifyRule | None:
        rows = self.store.rows(
            "SELECT * FROM repair_notify_rules WHERE status = ?", (status.value,)
        )
        if not rows:
            return DEFAULT_RULES.get(status)
        row = rows[0]
        return NotifyRule(
            status, bool(row["enabled"]), ChannelChoice(row["channel"]), row["subject"], row["body"]
        )

    def set_notify_rule(self, rule: NotifyRule) -> None:
        self.store._raw.execute(
            "INSERT INTO repair_notify_rules(status, enabled, channel, subject, body) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(status) DO UPDATE SET enabled = excluded.enabled, "
            "channel = excluded.channel, subject = excluded.subject, body = excluded.body",
            (rule.status.value, rule.enabled, rule.channel.value, rule.subject, rule.body),
        )


def _amount(part: dict[str, Any]) -> int:
    """A pulled part's amount in øre (0 when it has none it could use)."""
    value = part.get("amount")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**11:
        return value
    return 0


def _parts(pulled: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """One list of a pulled ticket, only its well-formed entries."""
    parts = pulled.get(name)
    return [p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else []
