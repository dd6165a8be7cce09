"""Sealing the facts of receipts recorded before their journal rows covered every fact.

Receipts of earlier versions carry a digest of their lines and payment amounts only (content
version 1): not the payment means, terminal references, operator or article groups. At the
first start of this version those facts are sealed as they stand, in one journal row (13999
``facts_sealed``) holding a SHA-256 per business day of the receipts' full (version 2) content.
From then on a change to any of them is caught like a change to a new receipt, by the day.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from pos.clock import Clock
from pos.findings import Finding
from pos.journal import content_digest
from pos.model.events import EventCode
from pos.receipt_digest import content_v2
from pos.unit_of_work import UnitOfWorkFactory

FACTS_SEALED = "facts_sealed"
CHECKED_META = "receipt_facts_sealed"
"""Set once the earlier receipts are sealed (or there were none): later starts skip the look."""
SYSTEM_REGISTER = "system"

Unsealed = tuple[dict[str, Any], dict[str, Any]]
"""A version-1 receipt and its facts: ``{"sale": ..., "lines": [...], "payments": [...]}``."""


def digests_by_day(receipts: Iterable[Unsealed]) -> dict[str, str]:
    """SHA-256 per business day over the receipts' version-2 digests, in chain order."""
    per_day: dict[str, list[str]] = defaultdict(list)
    ordered = sorted(receipts, key=lambda r: (r[0]["tenant_id"], r[0]["register_id"],
                                              r[0]["sig_nr"]))  # fmt: skip
    for receipt, facts in ordered:
        digest = content_digest(
            content_v2(receipt, facts["sale"], facts["lines"], facts["payments"])
        )
        per_day[receipt["local_date"]].append(digest)
    return day_hashes(per_day)


def day_hashes(per_day: dict[str, list[str]]) -> dict[str, str]:
    """SHA-256 per business day over that day's receipt digests (given in chain order)."""
    return {
        day: hashlib.sha256("\n".join(digests).encode("ascii")).hexdigest()
        for day, digests in sorted(per_day.items())
    }


def seal_problems(seal: dict[str, Any] | None, unsealed: dict[str, list[str]]) -> list[str]:
    """What ``verify-journal`` says about the version-1 receipts it met (their version-2
    digests by business day, in chain order)."""
    if not unsealed:
        return []
    if seal is None:
        count = sum(len(d) for d in unsealed.values())
        return [
            Finding(
                f"{count} receipts of an earlier version were never sealed",
                f"{count} kvitteringer av en tidligere versjon ble aldri forseglet",
            )
        ]
    sealed = json.loads(seal["details"])
    found = day_hashes(unsealed)
    problems: list[str] = [
        Finding(
            f"receipts of {day}: payment means, terminal references, operator or article groups "
            f"differ from what was sealed in journal row {seal['seq']}",
            f"kvitteringene fra {day}: betalingsmidler, terminalreferanser, operatør eller "
            f"varegrupper avviker fra det som ble forseglet i journalrad {seal['seq']}",
        )
        for day, digest in found.items()
        if sealed["by_day"].get(day) != digest
    ]
    missing = sorted(set(sealed["by_day"]) - set(found))
    if missing:
        days = ", ".join(missing)
        problems.append(
            Finding(
                f"receipts of {days} sealed in journal row {seal['seq']} are missing",
                f"kvitteringene fra {days}, forseglet i journalrad {seal['seq']}, mangler",
            )
        )
    return problems


def seal_earlier_receipts(
    uow_factory: UnitOfWorkFactory, register_id: str, clock: Clock | None = None
) -> int:
    """Seal the version-1 receipts once (at every start; nothing to do after the first), the
    row stamped by the counter's clock as the other rows written at start are. Returns how many
    were sealed."""
    from pos.adapters.verification_queries import VerificationQueries
    from pos.services.continuity import record_stamp

    with uow_factory.read() as uow:
        if uow.meta.get_meta(CHECKED_META):
            return 0
    stamp, said = record_stamp(uow_factory, register_id, clock)
    with uow_factory() as uow:
        q = VerificationQueries(uow.reports)
        old = q.unsealed_receipts()
        if not old or q.has_facts_seal():
            uow.meta.set_meta(CHECKED_META, "1")
            uow.commit()
            return 0
        sales, lines, payments = q.sales(), q.lines_by_receipt(), q.payments_by_receipt()
        unsealed = [
            (r, {"sale": sales[r["sale_id"]], "lines": lines.get(r["id"], []),
                 "payments": payments.get(r["id"], [])})
            for r in old
        ]  # fmt: skip
        uow.journal.append_journal(
            register_id=SYSTEM_REGISTER,
            event_code=EventCode.OTHER,
            stamp=stamp,
            staff_id=None,
            details={
                "kind": FACTS_SEALED,
                "receipts": len(unsealed),
                "by_day": digests_by_day(unsealed),
                **said,
            },
        )
        uow.meta.set_meta(CHECKED_META, "1")
        uow.commit()
    return len(unsealed)
