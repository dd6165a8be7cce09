"""Receipt checks of ``verify-journal``: every signature chain and its stored head, every number
series against its counter, every receipt's facts against the digest journaled with it, and the
journal row's tenant, amount and operator against the receipt and its sale."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pos.journal import content_digest
from pos.receipt_digest import FACTS_VERSION, PART_NAMES, content_v1, content_v2, part_digests
from pos.services.facts_seal import seal_problems
from pos.signing import FIRST_PREVIOUS, Verifier, signed_string

if TYPE_CHECKING:
    from pos.adapters.verification_queries import VerificationQueries
    from pos.services.declared_gaps import DeclaredGaps
    from pos.services.verification_report import VerificationReport


class _Facts:
    """Every fact of every receipt, read once."""

    def __init__(self, q: VerificationQueries) -> None:
        self.sales = q.sales()
        self.lines = q.lines_by_receipt()
        self.payments = q.payments_by_receipt()


def check_receipts(
    q: VerificationQueries,
    verifiers: Mapping[tuple[str, str], Verifier],
    journaled: dict[str, dict[str, Any]],
    seal: dict[str, Any] | None,
    gaps: DeclaredGaps,
    report: VerificationReport,
) -> None:
    facts = _Facts(q)
    walk = _ChainWalk(q.tenant_codes(), q.chain_heads(), gaps, report)
    numbers: dict[str, int] = {}
    unsealed: list[tuple[dict[str, Any], dict[str, Any]]] = []
    seen: set[str] = set()
    for receipt in q.receipts_in_chain_order():
        report.receipts += 1
        seen.add(receipt["id"])
        row = journaled.get(receipt["id"])
        previous, expected = walk.at(receipt, row["seq"] if row else None)
        problem = _signature_problem(receipt, verifiers, previous, expected)
        problem = problem or _facts_problem(receipt, facts, row, unsealed)
        if problem:
            report.add(f"receipt {receipt['number_text']}: {problem}")
        walk.passed(receipt)
        series = f"receipt:{receipt['kind']}:{receipt['tenant_id']}:{receipt['register_id']}"
        numbers[series] = max(numbers.get(series, 0), int(receipt["number"]))
    walk.finish()
    _check_series(numbers, q.counters(), walk.codes, gaps, report)
    _check_missing(journaled, seen, report)
    _check_tenders(q, report)
    for problem in seal_problems(seal, unsealed):
        report.add(problem)


class _ChainWalk:
    """Where each signature chain stands while the receipts are read in chain order: the
    signature and number the next receipt must follow (after a gap the journal declares, from
    the signature it names), and at the end of each chain its stored head."""

    def __init__(
        self,
        codes: dict[str, str],
        heads: dict[tuple[str, str], tuple[int, str]],
        gaps: DeclaredGaps,
        report: VerificationReport,
    ) -> None:
        self.codes, self.heads, self.gaps, self.report = codes, heads, gaps, report
        self.chain: tuple[str, str] | None = None
        self.previous, self.expected = FIRST_PREVIOUS, 1

    def at(self, receipt: Mapping[str, Any], journal_seq: int | None) -> tuple[str, int]:
        key = (receipt["tenant_id"], receipt["register_id"])
        if key != self.chain:
            self._end_chain()
            self.chain, self.previous, self.expected = key, FIRST_PREVIOUS, 1
        if receipt["sig_nr"] != self.expected:
            gap = self.gaps.chain_gap(key, self.expected, receipt["sig_nr"], journal_seq)
            if gap is not None:
                self.previous, self.expected = gap.previous_signature, receipt["sig_nr"]
        return self.previous, self.expected

    def passed(self, receipt: Mapping[str, Any]) -> None:
        self.previous, self.expected = receipt["signature"], receipt["sig_nr"] + 1

    def finish(self) -> None:
        self._end_chain()
        for key in list(self.heads):
            self.chain, self.previous, self.expected = key, FIRST_PREVIOUS, 1
            self._end_chain()

    def _end_chain(self) -> None:
        if self.chain is None:
            return
        head = self.heads.pop(self.chain, None)
        last_nr, last_signature = self.expected - 1, self.previous
        stored_nr, stored_signature = head if head is not None else (0, FIRST_PREVIOUS)
        gap = self.gaps.chain_gap(self.chain, last_nr + 1, stored_nr + 1, None)
        if gap is not None and gap.previous_signature == stored_signature:
            last_nr, last_signature = stored_nr, stored_signature  # skipped by a restore
        tenant, register = self.chain
        _check_head((self.codes.get(tenant, tenant), register), last_nr, last_signature,
                    (stored_nr, stored_signature), self.report)  # fmt: skip
        self.chain = None


def _signature_problem(
    receipt: Mapping[str, Any],
    verifiers: Mapping[tuple[str, str], Verifier],
    previous: str,
    expected: int,
) -> str | None:
    if receipt["sig_nr"] != expected:
        return f"signature number {receipt['sig_nr']} where {expected} was expected"
    verifier = verifiers.get((receipt["sig_method"], receipt["key_version"]))
    if verifier is None:
        return f"no key {receipt['sig_method']} version {receipt['key_version']} to verify with"
    data = signed_string(
        previous,
        receipt["local_date"],
        receipt["local_time"],
        receipt["sig_nr"],
        receipt["total"],
        receipt["total_ex_vat"],
    )
    if not verifier.verify(data, receipt["signature"]):
        return "signature does not verify"
    return None


def _facts_problem(
    receipt: dict[str, Any],
    facts: _Facts,
    row: dict[str, Any] | None,
    unsealed: list[tuple[dict[str, Any], dict[str, Any]]],
) -> str | None:
    if row is None:
        return "is not in the journal"
    sale = facts.sales.get(receipt["sale_id"])
    if sale is None:
        return "its sale is missing"
    lines = facts.lines.get(receipt["id"], [])
    payments = facts.payments.get(receipt["id"], [])
    details = json.loads(row["details"])
    if (row["tenant_id"], row["amount"]) != (receipt["tenant_id"], receipt["total"]):
        return f"tenant or amount differ from journal row {row['seq']}"
    if row["staff_id"] != sale["staff_id"]:
        return f"operator differs from journal row {row['seq']}"
    if sum(p["amount"] for p in payments) != receipt["total"] + receipt["rounding"]:
        return "payments do not add up to the total"
    if details.get("facts") != FACTS_VERSION:
        unsealed.append((receipt, {"sale": sale, "lines": lines, "payments": payments}))
        digest = content_digest(content_v1(receipt, lines, payments))
        if digest != details.get("digest"):
            return f"lines or payments differ from what was journaled (row {row['seq']})"
        return None
    content = content_v2(receipt, sale, lines, payments)
    if content_digest(content) == details.get("digest"):
        return None
    journaled = details.get("parts", {})
    differ = [
        PART_NAMES[part]
        for part, digest in part_digests(content).items()
        if journaled.get(part) != digest
    ]
    return f"{'; '.join(differ) or 'its facts'} differ from what was journaled (row {row['seq']})"


def _check_head(
    chain: tuple[str, str],
    last_nr: int,
    last_signature: str,
    head: tuple[int, str] | None,
    report: VerificationReport,
) -> None:
    tenant, register = chain
    stored_nr, stored_signature = head if head is not None else (0, FIRST_PREVIOUS)
    if stored_nr > last_nr:
        report.add(
            f"signature chain {tenant}/{register}: signature {missing(last_nr + 1, stored_nr)} "
            f"(the chain head is at {stored_nr})"
        )
    elif (stored_nr, stored_signature) != (last_nr, last_signature):
        report.add(
            f"signature chain {tenant}/{register}: the head was set back to {stored_nr} while "
            f"receipt {last_nr} exists (the next sale would reuse a signature number)"
        )


def _check_series(
    numbers: dict[str, int],
    counters: dict[str, int],
    codes: dict[str, str],
    gaps: DeclaredGaps,
    report: VerificationReport,
) -> None:
    for series, given in counters.items():
        last = numbers.get(series, 0)
        if not series.startswith("receipt:") or given <= last:
            continue
        if not gaps.series_skipped(series, last + 1, given):  # a restore's skip is declared
            kind, tenant, register = series.split(":")[1:]
            report.add(
                f"{codes.get(tenant, tenant)}/{register}: {kind} receipt "
                f"{missing(numbers.get(series, 0) + 1, given)} (numbered, not in the store)"
            )


def missing(first: int, last: int) -> str:
    """``nr 6 is missing`` or ``nrs 6–8 are missing``."""
    return f"nr {first} is missing" if first == last else f"nrs {first}–{last} are missing"


def _check_missing(
    journaled: dict[str, dict[str, Any]], seen: set[str], report: VerificationReport
) -> None:
    for receipt_id, row in journaled.items():
        if receipt_id not in seen:
            number = json.loads(row["details"]).get("number", receipt_id)
            report.add(f"receipt {number} (journal row {row['seq']}) is missing from the store")


def _check_tenders(q: VerificationQueries, report: VerificationReport) -> None:
    for tender in q.tender_shares():
        if tender["amount"] != tender["shared"]:
            report.add(
                f"a payment of sale {tender['sale_id']} does not match what its receipts took "
                f"from it ({tender['amount']} øre against {tender['shared']})"
            )
