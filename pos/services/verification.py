"""``verify-journal``: re-checks the journal's hash chain, every receipt's signature chain and
every receipt's content digest, and names the first row that does not hold. A gap in the
journal's numbers or in a signature chain holds only where the journal declares it
(``pos/services/declared_gaps.py``: numbers skipped after a restore)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pos.journal import GENESIS_HASH, content_digest, row_hash
from pos.services.declared_gaps import DeclaredGaps, details_of, journal_jump_declared
from pos.key_store import KeyStore
from pos.services.recording import receipt_content
from pos.signing import FIRST_PREVIOUS, Verifier, signed_string
from pos.unit_of_work import UnitOfWorkFactory


@dataclass
class VerificationReport:
    journal_rows: int = 0
    receipts: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> str | None:
        return self.problems[0] if self.problems else None


def verify_store(
    uow_factory: UnitOfWorkFactory,
    verifiers: Mapping[tuple[str, str], Verifier],
    keys: KeyStore | None = None,
    *,
    stop_at_first: bool = True,
) -> VerificationReport:
    report = VerificationReport()
    gaps = DeclaredGaps()
    if keys is not None:
        report.problems.extend(keys.key_problems())
    with uow_factory.read() as uow:
        digests = _check_journal(uow.queries.journal_rows(), report, stop_at_first, gaps)
        if report.ok or not stop_at_first:
            _check_receipts(uow, verifiers, digests, report, stop_at_first, gaps)
    return report


def _check_journal(
    rows: Any, report: VerificationReport, stop: bool, gaps: DeclaredGaps
) -> dict[str, tuple[str, int]]:
    """Walk the chain; returns the digest journaled for each receipt id, with its row's seq."""
    previous = GENESIS_HASH
    digests: dict[str, tuple[str, int]] = {}
    expected_seq = 1
    for row in rows:
        report.journal_rows += 1
        problem = None
        details = details_of(row)
        gaps.note(row, details)
        if row["seq"] != expected_seq and not journal_jump_declared(row, details, expected_seq):
            problem = f"journal row {expected_seq} is missing (found {row['seq']} next)"
        elif row["prev_hash"] != previous:
            problem = f"journal row {row['seq']}: link to the previous row is broken"
        elif row_hash(row["prev_hash"], row) != row["hash"]:
            problem = f"journal row {row['seq']}: contents do not match its hash"
        if problem:
            report.problems.append(problem)
            if stop:
                return digests
        previous = row["hash"]
        expected_seq = row["seq"] + 1
        if row["ref_id"] and '"digest"' in row["details"]:
            digests[row["ref_id"]] = (json.loads(row["details"])["digest"], row["seq"])
    return digests


def _check_receipts(
    uow: Any,
    verifiers: Mapping[tuple[str, str], Verifier],
    digests: dict[str, tuple[str, int]],
    report: VerificationReport,
    stop: bool,
    gaps: DeclaredGaps,
) -> None:
    chain: tuple[str, str] | None = None
    previous_signature, expected_nr = FIRST_PREVIOUS, 1
    for receipt in uow.queries.receipts_in_chain_order():
        report.receipts += 1
        if (receipt["tenant_id"], receipt["register_id"]) != chain:
            chain = (receipt["tenant_id"], receipt["register_id"])
            previous_signature, expected_nr = FIRST_PREVIOUS, 1
        if receipt["sig_nr"] != expected_nr:
            journaled = digests.get(receipt["id"], ("", None))[1]
            gap = gaps.chain_gap(chain, expected_nr, receipt["sig_nr"], journaled)
            if gap is not None:
                previous_signature, expected_nr = gap.previous_signature, receipt["sig_nr"]
        problem = _receipt_problem(
            uow, receipt, verifiers, digests, previous_signature, expected_nr
        )
        if problem:
            report.problems.append(f"receipt {receipt['number_text']}: {problem}")
            if stop:
                return
        previous_signature, expected_nr = receipt["signature"], receipt["sig_nr"] + 1


def _receipt_problem(
    uow: Any,
    receipt: Mapping[str, Any],
    verifiers: Mapping[tuple[str, str], Verifier],
    digests: dict[str, tuple[str, int]],
    previous_signature: str,
    expected_nr: int,
) -> str | None:
    if receipt["sig_nr"] != expected_nr:
        return f"signature number {receipt['sig_nr']} where {expected_nr} was expected"
    verifier = verifiers.get((receipt["sig_method"], receipt["key_version"]))
    if verifier is None:
        return f"no key {receipt['sig_method']} version {receipt['key_version']} to verify with"
    data = signed_string(
        previous_signature,
        receipt["local_date"],
        receipt["local_time"],
        receipt["sig_nr"],
        receipt["total"],
        receipt["total_ex_vat"],
    )
    if not verifier.verify(data, receipt["signature"]):
        return "signature does not verify"
    lines = [dict(r) for r in uow.queries.lines_of_receipt(receipt["id"])]
    payments = [dict(p) for p in uow.queries.payments_of_receipt(receipt["id"])]
    if content_digest(receipt_content(dict(receipt), lines, payments)) != digests.get(
        receipt["id"], ("", 0)
    )[0]:
        return "lines or payments differ from what was journaled"
    if sum(p["amount"] for p in payments) != receipt["total"] + receipt["rounding"]:
        return "payments do not add up to the total"
    return None
