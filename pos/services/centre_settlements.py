"""The centre's statements reach every counter of the site: the server publishes each one it
stores as ``site_settlement`` reference data, and a counter keeps it with its own settlements,
so its back office lists and reprints it (PDF, CSV) and starts the tenant's next period after
it. It was made by the server, not at this register: the counter journals only that it arrived
(13999 ``settlement_received``, ``by: server``, under the register of changes made outside this
till); the 13018 report is the asking counter's alone."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pos.adapters.settlement_queries import SettlementQueries
from pos.clock import Stamp
from pos.model.events import EventCode
from pos.model.settlement import SettlementDoc, SettlementLine
from pos.services.auth import SYSTEM_REGISTER
from pos.services.settlement import pending_key
from pos.unit_of_work import UnitOfWork

ENTITY = "site_settlement"
RECEIVED = "settlement_received"


def take_pulled(uow: UnitOfWork, data: dict[str, Any], now: datetime | None = None) -> bool:
    """Keep a statement the server stored for this counter's site; True when it was new here.
    One this counter holds already (it asked for it), one it asked for whose answer was lost
    (kept, journaled and filed once when the manager asks again), or whose number it holds for
    another statement (made here alone before the centre settled) is left as it is."""
    device = uow.sync.device()
    statement = data.get("statement")
    if device is None or data.get("site_id") != device["site_id"]:
        return False
    doc = _doc(statement)
    if doc is None or uow.tenants.tenant(doc.tenant_id) is None:
        return False
    waiting = uow.sync.meta(pending_key(doc.tenant_id)) or ""
    if doc.settlement_id in waiting:
        return False  # asked here, its answer lost: kept once, with its files, when asked again
    q = SettlementQueries(uow.reports)
    if q.by_id(doc.settlement_id) is not None or q.settlement(doc.tenant_id, doc.number):
        return False
    corrects = q.settlement(doc.tenant_id, _number(doc.corrects_number))
    floor = uow.journal.last_journal_time()
    when = now or datetime.now(UTC)
    stamp = Stamp.of(floor if floor is not None and when < floor else when)
    assert isinstance(statement, dict)
    uow.day_end.add_settlement(doc, statement, corrects_id=corrects["id"] if corrects else None,
                               staff_id="", stamp=stamp)  # fmt: skip
    uow.journal.append_journal(
        register_id=SYSTEM_REGISTER,
        event_code=EventCode.OTHER,
        stamp=stamp,
        staff_id=None,
        tenant_id=doc.tenant_id,
        amount=doc.net_payable,
        ref_id=doc.settlement_id,
        details={"kind": RECEIVED, "number": doc.number_text, "period_from": doc.period_from,
                 "period_to": doc.period_to, "registers": doc.registers, "by": "server"},
    )  # fmt: skip
    return True


def _doc(statement: Any) -> SettlementDoc | None:
    if not isinstance(statement, dict):
        return None
    try:
        values = dict(statement)
        values["lines"] = tuple(SettlementLine(**line) for line in values["lines"])
        return SettlementDoc(**values)
    except (KeyError, TypeError, ValueError):
        return None


def _number(text: str) -> int:
    digits = text.strip().rpartition("-")[2]
    return int(digits) if digits.isdigit() else 0
