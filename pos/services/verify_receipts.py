"""Receipt checks of ``verify-journal``: every signature chain and its stored head, every number
series against its counter, every receipt's facts against the digest journaled with it, and the
journal row's tenant, amount and operator against the receipt and its sale. The receipts are
streamed in chain order with their facts (``pos/adapters/verification_stream.py``), so five
years verify in bounded memory; from an anchor, only those journaled after it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pos.findings import Finding, nb
from pos.journal import content_digest
from pos.receipt_digest import (
    FACTS_VERSION,
    PART_NAMES,
    PART_NAMES_NB,
    content_v1,
    content_v2,
    part_matches,
)
from pos.services.facts_seal import seal_problems
from pos.signing import FIRST_PREVIOUS, Verifier, signed_string

if TYPE_CHECKING:
    from pos.adapters.verification_queries import VerificationQueries
    from pos.adapters.verification_stream import ReceiptFacts, VerificationStream
    from pos.services.declared_gaps import DeclaredGaps
    from pos.services.verification_report import VerificationReport


@dataclass(frozen=True)
class Scope:
    """What a check covers: everything, or what was journaled after an anchor's row."""

    since_seq: int = 0
    """The anchor's journal row (0: from the first row)."""
    after_rowid: int = 0
    """The store position of the last receipt journaled at or before it."""
    since_time: str = ""
    """When the anchor's row was written (UTC ISO; copies stored after it are checked)."""


Progress = Callable[[str, int, int], None]
"""Told (what, how many done, of how many) as the check goes, every few thousand."""
EVERY = 5000


def check_receipts(
    stream: VerificationStream,
    q: VerificationQueries,
    verifiers: Mapping[tuple[str, str], Verifier],
    seal: dict[str, Any] | None,
    gaps: DeclaredGaps,
    report: VerificationReport,
    scope: Scope = Scope(),
    progress: Progress | None = None,
) -> None:
    """Every receipt in scope, read with its facts in chain order (memory stays flat)."""
    walk = _ChainWalk(q.tenant_codes(), q.chain_heads(), gaps, report, stream, scope)
    unsealed: dict[str, list[str]] = defaultdict(list)
    total = stream.receipt_count(scope.after_rowid) if progress else 0
    for facts in stream.receipt_facts(scope.after_rowid):
        receipt = facts.receipt
        report.receipts += 1
        previous, expected = walk.at(receipt, facts.row["seq"] if facts.row else None)
        problem = _signature_problem(receipt, verifiers, previous, expected)
        problem = problem or _facts_problem(facts, unsealed)
        if problem:
            number = receipt["number_text"]
            report.add(
                Finding(f"receipt {number}: {problem}", f"kvittering {number}: {nb(problem)}")
            )
        walk.passed(receipt)
        if progress and report.receipts % EVERY == 0:
            progress("receipts", report.receipts, total)
    walk.finish()
    _check_series(stream, q.counters(), walk.codes, gaps, report)
    for row in stream.journaled_without_receipt(scope.since_seq):
        number = json.loads(row["details"]).get("number", row["ref_id"])
        report.add(
            Finding(
                f"receipt {number} (journal row {row['seq']}) is missing from the store",
                f"kvittering {number} (journalrad {row['seq']}) mangler i databasen",
            )
        )
    _check_tenders(stream.unbalanced_tenders(scope.after_rowid), report)
    if not scope.since_seq:  # the seal covers the whole history: only a whole check holds it
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
        stream: VerificationStream,
        scope: Scope,
    ) -> None:
        self.codes, self.heads, self.gaps, self.report = codes, heads, gaps, report
        self.stream, self.scope = stream, scope
        self.chain: tuple[str, str] | None = None
        self.previous, self.expected = FIRST_PREVIOUS, 1

    def at(self, receipt: Mapping[str, Any], journal_seq: int | None) -> tuple[str, int]:
        key = (receipt["tenant_id"], receipt["register_id"])
        if key != self.chain:
            self._end_chain()
            self.chain, self.previous, self.expected = key, FIRST_PREVIOUS, 1
            before = receipt["sig_nr"] - 1
            signed = self.stream.signature_at(key, before) if self.scope.since_seq else None
            if signed is not None:  # from an anchor: the chain goes on from the receipt before
                self.previous, self.expected = signed, receipt["sig_nr"]
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
            end = self.stream.chain_end(key) if self.scope.since_seq else None
            if end is not None:  # no receipt since the anchor: the chain ends where it was
                self.previous, self.expected = end[1], end[0] + 1
            self._end_chain()

    def _end_chain(self) -> None:
        if self.chain is None:
            return
        head = self.heads.pop(self.chain, None)
        last_nr, last_signature = self.expected - 1, self.previous
        stored_nr, stored_signature = head if head is not None else (0, FIRST_PREVIOUS)
        in_step = (stored_nr, stored_signature) == (last_nr, last_signature)
        gap = None if in_step else self.gaps.chain_gap(self.chain, last_nr + 1, stored_nr + 1, None)
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
        nr = receipt["sig_nr"]
        return Finding(
            f"signature number {nr} where {expected} was expected",
            f"signaturnummer {nr} der {expected} var ventet",
        )
    verifier = verifiers.get((receipt["sig_method"], receipt["key_version"]))
    if verifier is None:
        key = f"{receipt['sig_method']} version {receipt['key_version']}"
        return Finding(
            f"no key {key} to verify with",
            f"ingen nøkkel {key.replace('version', 'versjon')} å kontrollere med",
        )
    data = signed_string(
        previous,
        receipt["local_date"],
        receipt["local_time"],
        receipt["sig_nr"],
        receipt["total"],
        receipt["total_ex_vat"],
    )
    if not verifier.verify(data, receipt["signature"]):
        return Finding("signature does not verify", "signaturen stemmer ikke")
    return None


def _facts_problem(facts: ReceiptFacts, unsealed: dict[str, list[str]]) -> str | None:
    receipt, sale, row = facts.receipt, facts.sale, facts.row
    if row is None:
        return Finding("is not in the journal", "står ikke i journalen")
    if sale is None:
        return Finding("its sale is missing", "salget mangler")
    lines, payments = facts.lines, facts.payments
    details = json.loads(row["details"])
    if (row["tenant_id"], row["amount"]) != (receipt["tenant_id"], receipt["total"]):
        return Finding(
            f"tenant or amount differ from journal row {row['seq']}",
            f"leietaker eller beløp avviker fra journalrad {row['seq']}",
        )
    if row["staff_id"] != sale["staff_id"]:
        return Finding(
            f"operator differs from journal row {row['seq']}",
            f"operatøren avviker fra journalrad {row['seq']}",
        )
    if sum(p["amount"] for p in payments) != receipt["total"] + receipt["rounding"]:
        return Finding("payments do not add up to the total", "betalingene går ikke opp i totalen")
    content = content_v2(receipt, sale, lines, payments)
    if details.get("facts") != FACTS_VERSION:
        unsealed[receipt["local_date"]].append(content_digest(content))
        digest = content_digest(content_v1(receipt, lines, payments))
        if digest != details.get("digest"):
            return Finding(
                f"lines or payments differ from what was journaled (row {row['seq']})",
                f"linjer eller betalinger avviker fra det som ble journalført (rad {row['seq']})",
            )
        return None
    if content_digest(content) == details.get("digest"):
        return None
    journaled = details.get("parts", {})
    differ = [
        part
        for part in PART_NAMES
        if not part_matches(journaled.get(part), content_digest(content[part]))
    ]
    en = "; ".join(PART_NAMES[p] for p in differ) or "its facts"
    bokmal = "; ".join(PART_NAMES_NB[p] for p in differ) or "opplysningene"
    return Finding(
        f"{en} differ from what was journaled (row {row['seq']})",
        f"{bokmal} avviker fra det som ble journalført (rad {row['seq']})",
    )


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
        gone = missing(last_nr + 1, stored_nr)
        report.add(
            Finding(
                f"signature chain {tenant}/{register}: signature {gone} (the chain head is at "
                f"{stored_nr})",
                f"signaturkjede {tenant}/{register}: signatur {nb(gone)} (kjedens hode er på "
                f"{stored_nr})",
            )
        )
    elif (stored_nr, stored_signature) != (last_nr, last_signature):
        report.add(
            Finding(
                f"signature chain {tenant}/{register}: the head was set back to {stored_nr} "
                f"while receipt {last_nr} exists (the next sale would reuse a signature number)",
                f"signaturkjede {tenant}/{register}: hodet ble satt tilbake til {stored_nr} mens "
                f"kvittering {last_nr} finnes (neste salg ville brukt et signaturnummer på nytt)",
            )
        )


def _check_series(
    stream: VerificationStream,
    counters: dict[str, int],
    codes: dict[str, str],
    gaps: DeclaredGaps,
    report: VerificationReport,
) -> None:
    for series, given in counters.items():
        if not series.startswith("receipt:"):
            continue
        kind, tenant, register = series.split(":")[1:]
        last = stream.series_head(kind, tenant, register)
        if given <= last:
            continue
        if not gaps.series_skipped(series, last + 1, given):  # a restore's skip is declared
            gone, chain = missing(last + 1, given), f"{codes.get(tenant, tenant)}/{register}"
            report.add(
                Finding(
                    f"{chain}: {kind} receipt {gone} (numbered, not in the store)",
                    f"{chain}: {kind}-kvittering {nb(gone)} (nummerert, ikke i databasen)",
                )
            )


def missing(first: int, last: int) -> Finding:
    """``nr 6 is missing`` or ``nrs 6–8 are missing`` (bokmål ``nr. 6 mangler``)."""
    if first == last:
        return Finding(f"nr {first} is missing", f"nr. {first} mangler")
    return Finding(f"nrs {first}–{last} are missing", f"nr. {first}–{last} mangler")


def _check_tenders(unbalanced: list[dict[str, Any]], report: VerificationReport) -> None:
    for tender in unbalanced:
        sale, amount, shared = tender["sale_id"], tender["amount"], tender["shared"]
        report.add(
            Finding(
                f"a payment of sale {sale} does not match what its receipts took from it "
                f"({amount} øre against {shared})",
                f"en betaling i salg {sale} stemmer ikke med det kvitteringene tok av den "
                f"({amount} øre mot {shared})",
            )
        )
