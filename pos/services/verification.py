"""``verify-journal``: re-checks everything the reports, settlements and SAF-T files are made
from, and names what does not hold.

- the journal's hash chain, and that it ends where its counter says (no tail cut off);
- the journal against an anchor kept outside the store (a printed X/Z, the server): the row
  must exist and carry the anchored hash, so a tail deleted or rewritten — even re-hashed — is
  caught;
- a jump in the journal's numbers, a signature chain or a number series only where the journal
  itself declares it (``pos/services/declared_gaps.py``: numbers skipped after a restore); an
  anchor inside the journal rows a restore declared replaced is named as such, not a fault;
- every receipt (``verify_receipts``): its signature chain and chain head, its number series,
  its facts against the digest journaled with it (operator, article groups, payment means,
  terminal references, amounts), and the journal row's own tenant, amount and operator;
- every copy receipt against its journal row (13014), both ways;
- every stored Z report against its journal row and recomputed from the facts
  (``verify_reports``);
- the signing keys (``KeyStore.key_problems``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pos.adapters.key_files import KeyStore
from pos.adapters.verification_queries import VerificationQueries
from pos.journal import GENESIS_HASH, canonical_json, row_hash
from pos.journal_anchor import Anchor
from pos.model.events import EventCode, OtherEvent
from pos.services.declared_gaps import (
    DeclaredGaps,
    details_of,
    journal_jump_declared,
    lost_at_start,
)
from pos.services.facts_seal import FACTS_SEALED
from pos.services.verification_report import VerificationReport
from pos.services.verify_receipts import check_receipts, missing
from pos.services.verify_reports import check_z_reports
from pos.signing import Verifier
from pos.unit_of_work import UnitOfWorkFactory


@dataclass
class JournalFacts:
    """What the journal says about the other tables, gathered in one walk."""

    receipts: dict[str, dict[str, Any]] = field(default_factory=dict)
    """receipt id -> its journal row (the one carrying the content digest)."""
    copies: dict[str, dict[str, Any]] = field(default_factory=dict)
    z_reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    seal: dict[str, Any] | None = None
    gaps: DeclaredGaps = field(default_factory=DeclaredGaps)
    """The number gaps the journal declares (a restore's skipped ranges)."""
    journal_skips: list[tuple[int, int, int, bool]] = field(default_factory=list)
    """(first, last, declaring row, by a restore) of each journal jump the journal declares."""


def verify_store(
    uow_factory: UnitOfWorkFactory,
    verifiers: Mapping[tuple[str, str], Verifier],
    keys: KeyStore | None = None,
    *,
    anchors: Sequence[Anchor] = (),
    stop_at_first: bool = False,
) -> VerificationReport:
    report = VerificationReport()
    if keys is not None:
        for problem in keys.key_problems():
            report.add(problem)
    with uow_factory.read() as uow:
        q = VerificationQueries(uow.reports)
        facts = _check_journal(q, report, anchors)
        if report.ok or not stop_at_first:
            check_receipts(q, verifiers, facts.receipts, facts.seal, facts.gaps, report)
            _check_copies(q, facts.copies, report)
            check_z_reports(uow.reports, q, facts.z_reports, facts.gaps, report)
    return report


def _check_journal(
    q: VerificationQueries, report: VerificationReport, anchors: Sequence[Anchor]
) -> JournalFacts:
    previous, expected_seq, broken = GENESIS_HASH, 1, False
    facts = JournalFacts()
    codes = q.tenant_codes()
    wanted = {a.seq for a in anchors}
    found: dict[int, str] = {}
    for row in q.journal_rows():
        report.journal_rows += 1
        details = details_of(row)
        facts.gaps.note(row, details)
        declared = row["seq"] != expected_seq and journal_jump_declared(row, details, expected_seq)
        if declared:  # a restore's jump, declared by the row after it: still linked and hashed
            _declared_jump(row, details, expected_seq, facts, report)
        for lost in lost_at_start(row, details, codes):
            report.add(lost)
        if not broken:
            problem = _row_problem(row, row["seq"] if declared else expected_seq, previous)
            if problem:
                report.add(problem)
                broken = True  # later rows cannot be judged against a broken link
        previous, expected_seq = row["hash"], row["seq"] + 1
        if row["seq"] in wanted:
            found[row["seq"]] = row["hash"]
        _gather(row, facts)
    report.head = (expected_seq - 1, previous)
    numbered = q.counters().get("journal", 0)
    if numbered > report.head[0]:
        report.add(
            f"journal row {missing(report.head[0] + 1, numbered)} "
            f"(the journal ends at row {report.head[0]}, row {numbered} was written)"
        )
    _check_anchors(anchors, found, facts.journal_skips, report)
    return facts


def _declared_jump(
    row: Mapping[str, Any],
    details: Mapping[str, Any],
    first: int,
    facts: JournalFacts,
    report: VerificationReport,
) -> None:
    """Rows ``first`` .. the row before ``row`` skipped, as ``row`` declares: said in the report;
    only a restore's replaced rows excuse an anchor taken in them (``_check_anchors``)."""
    restored = details.get("kind") == OtherEvent.RESTORE
    facts.journal_skips.append((first, row["seq"] - 1, row["seq"], restored))
    why = details.get("reason") or details.get("kind", "")
    report.declared.append(
        f"journal rows {first}–{row['seq'] - 1} skipped ({why}, declared in journal row "
        f"{row['seq']})"
    )


def _check_anchors(
    anchors: Sequence[Anchor],
    found: Mapping[int, str],
    skips: Sequence[tuple[int, int, int, bool]],
    report: VerificationReport,
) -> None:
    for anchor in anchors:
        skipped = [skip for skip in skips if skip[0] <= anchor.seq <= skip[1]]
        if skipped and skipped[0][3]:
            _anchor_replaced(anchor, skipped[0][2], report)
        elif skipped:
            where = f" ({anchor.source})" if anchor.source else ""
            report.anchors_checked.append(f"{anchor.text}{where}")
            report.add(
                f"the anchor {anchor.text}{where} was taken at journal row {anchor.seq}, one of "
                f"the rows missing from the store when the counter started (journal row "
                f"{skipped[0][2]})"
            )
        else:
            _check_anchor(anchor, found.get(anchor.seq), report)


def _row_problem(row: Mapping[str, Any], expected_seq: int, previous: str) -> str | None:
    if row["seq"] != expected_seq:
        return f"journal row {expected_seq} is missing (found {row['seq']} next)"
    if row["prev_hash"] != previous:
        return f"journal row {row['seq']}: link to the previous row is broken"
    if row_hash(row["prev_hash"], row) != row["hash"]:
        return f"journal row {row['seq']}: contents do not match its hash"
    return None


def _gather(row: dict[str, Any], facts: JournalFacts) -> None:
    code, ref = row["event_code"], row["ref_id"]
    if ref and '"digest"' in row["details"]:
        facts.receipts[ref] = row
    elif ref and (code == EventCode.COPY_RECEIPT or _training_copy(code, row["details"])):
        facts.copies[ref] = row
    elif code == EventCode.Z_REPORT and ref:
        facts.z_reports[ref] = row
    elif code == EventCode.OTHER and FACTS_SEALED in row["details"]:
        details = json.loads(row["details"])
        if details.get("kind") == FACTS_SEALED:
            facts.seal = row


def _training_copy(code: int, details: str) -> bool:
    """A training receipt's copy is journaled 13017 in the training series, not 13014."""
    return code == EventCode.TRAINING_RECEIPT and '"copy_number"' in details


def _check_anchor(anchor: Anchor, found_hash: str | None, report: VerificationReport) -> None:
    where = f" ({anchor.source})" if anchor.source else ""
    report.anchors_checked.append(f"{anchor.text}{where}")
    last = report.head[0]
    if found_hash is None and anchor.seq > last:
        report.add(
            f"the journal ends at row {last}, but the anchor {anchor.text}{where} was taken at "
            f"row {anchor.seq}: row {missing(last + 1, anchor.seq)}"
        )
    elif found_hash is None or not anchor.matches(found_hash):
        report.add(
            f"journal row {anchor.seq} is not the row anchored as {anchor.text}{where}: "
            f"the journal up to it was rewritten"
        )


def _anchor_replaced(anchor: Anchor, declared_at: int, report: VerificationReport) -> None:
    """An anchor taken in rows a restore replaced: those rows are not in this store any more
    (the restore exported them), and the journal says so itself — named, not a fault."""
    where = f" ({anchor.source})" if anchor.source else ""
    report.anchors_replaced.append(
        f"{anchor.text}{where}: its row is among those a restore replaced (declared in journal "
        f"row {declared_at}; the restore exported them to its salvage folder)"
    )


def _check_copies(
    q: VerificationQueries, journaled: dict[str, dict[str, Any]], report: VerificationReport
) -> None:
    stored = q.copies()
    for receipt_id, row in journaled.items():
        details = json.loads(row["details"])
        copy = stored.get(receipt_id)
        if copy is None:
            report.add(
                f"copy receipt of {details.get('number', receipt_id)} (journal row {row['seq']}) "
                f"is missing from the copies"
            )
        elif copy["number"] != details.get("copy_number") or copy["staff_id"] != row["staff_id"]:
            report.add(
                f"copy receipt of {details.get('number')}: number or operator differ from "
                f"journal row {row['seq']}"
            )
    for receipt_id, copy in stored.items():
        if receipt_id not in journaled:
            report.add(f"copy receipt of {copy['number_text'] or receipt_id} was never journaled")


def z_content_matches(row: Mapping[str, Any], stored_content: str) -> bool:
    """Whether a stored Z report is, byte for byte, what its journal row holds."""
    return canonical_json(json.loads(row["details"])) == stored_content
