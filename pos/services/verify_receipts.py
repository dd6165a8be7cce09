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
    report: VerificationReport,
) -> None:
    facts = _Facts(q)
    codes = q.tenant_codes()
    heads = {(codes.get(t, t), r): head for (t, r), head in q.chain_heads().items()}
    numbers: dict[str, int] = {}
    unsealed: list[tuple[dict[str, Any], dict[str, Any]]] = []
    chain: tuple[str, str] | None = None
    previous, expected = FIRST_PREVIOUS, 1
    seen: set[str] = set()
    for receipt in q.receipts_in_chain_order():
        report.receipts += 1
        seen.add(receipt["id"])
        key = (codes.get(receipt["tenant_id"], receipt["tenant_id"]), receipt["register_id"])
        if key != chain:
            if chain is not None:
                _check_head(chain, expected - 1, previous, heads.pop(chain, None), report)
            chain, previous, expected = key, FIRST_PREVIOUS, 1
        problem = _signature_problem(receipt, verifiers, previous, expected)
        problem = problem or _facts_problem(receipt, facts, journaled.get(receipt["id"]), unsealed)
        if problem:
            report.add(f"receipt {receipt['number_text']}: {problem}")
        previous, expected = receipt["signature"], receipt["sig_nr"] + 1
        series = f"receipt:{receipt['kind']}:{receipt['tenant_id']}:{receipt['register_id']}"
        numbers[series] = max(numbers.get(series, 0), int(receipt["number"]))
    if chain is not None:
        _check_head(chain, expected - 1, previous, heads.pop(chain, None), report)
    for key, head in heads.items():
        _check_head(key, 0, FIRST_PREVIOUS, head, report)
    _check_series(numbers, q.counters(), codes, report)
    _check_missing(journaled, seen, report)
    _check_tenders(q, report)
    for problem in seal_problems(seal, unsealed):
        report.add(problem)


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
    report: VerificationReport,
) -> None:
    for series, given in counters.items():
        if series.startswith("receipt:") and given > numbers.get(series, 0):
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
