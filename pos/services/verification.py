"""``verify-journal``: re-checks everything the reports, settlements and SAF-T files are made
from, and names what does not hold.

- the journal's hash chain, and that it ends where its counter says (no tail cut off);
- the journal against an anchor kept outside the store (a printed X/Z, the server): the row
  must exist and carry the anchored hash, so a tail deleted or rewritten — even re-hashed — is
  caught;
- time only moving forward, except at a manager's declaration that the rows before it were
  stamped ahead (``pos/services/records_ahead.py``), which is said;
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

A value damage left unreadable (a time that is no time, details that are no JSON) is a
finding naming its row and field, never a crash: the row is not judged further.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pos.adapters.key_files import KeyStore
from pos.adapters.verification_queries import VerificationQueries
from pos.adapters.verification_stream import VerificationStream
from pos.clock import local_text
from pos.findings import Finding, nb
from pos.journal import GENESIS_HASH, canonical_json, row_hash
from pos.journal_anchor import Anchor
from pos.model.events import EventCode, OtherEvent
from pos.services import verify_receipts
from pos.services.declared_gaps import (
    DeclaredGaps,
    details_of,
    journal_jump_declared,
    lost_at_start,
)
from pos.services.facts_seal import FACTS_SEALED
from pos.services.verification_report import VerificationReport
from pos.services.verify_receipts import Progress, Scope, check_receipts, missing
from pos.services.verify_reports import check_z_reports
from pos.signing import Verifier
from pos.unit_of_work import UnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass
class JournalFacts:
    """What the journal says about the other tables, gathered in one walk."""

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
    since: Anchor | None = None,
    progress: Progress | None = None,
) -> VerificationReport:
    """Everything (module docstring), or with ``since`` what was journaled after that anchor's
    row: its row must still carry the anchored hash, and the rows, receipts, copies and Z
    reports after it are checked in full (the rows before it only as far as the anchor proves
    them: a whole check reads them all)."""
    report = VerificationReport()
    if keys is not None:
        for problem in keys.key_problems():
            report.add(problem)
    with uow_factory.read() as uow:
        q, stream = VerificationQueries(uow.reports), VerificationStream(uow.reports)
        scope = _scope(stream, since)
        facts = _check_journal(q, stream, report, [*anchors, *([since] if since else [])],
                               scope, progress)  # fmt: skip
        if report.ok or not stop_at_first:
            try:
                check_receipts(stream, q, verifiers, facts.seal, facts.gaps, report, scope,
                               progress)  # fmt: skip
                _check_copies(q, facts.copies, report, scope.since_time)
                check_z_reports(uow.reports, q, facts.z_reports, facts.gaps, report,
                                scope.since_seq)  # fmt: skip
            except (ValueError, TypeError) as error:  # a value damage left unreadable
                log.info("verification stopped at an unreadable value: %s", error)
                report.add(
                    Finding(
                        "a stored value cannot be read: the database is damaged; the check "
                        "stopped there",
                        "en lagret verdi kan ikke leses: databasen er skadet; kontrollen "
                        "stoppet der",
                    )
                )
    return report


def _scope(stream: VerificationStream, since: Anchor | None) -> Scope:
    if since is None or since.seq <= 0:
        return Scope()
    time = stream.journal_time_at(since.seq)
    return Scope(since.seq, stream.last_receipt_rowid_through(since.seq), time)


def _check_journal(
    q: VerificationQueries,
    stream: VerificationStream,
    report: VerificationReport,
    anchors: Sequence[Anchor],
    scope: Scope,
    progress: Progress | None,
) -> JournalFacts:
    previous, expected_seq, broken = GENESIS_HASH, 1, False
    facts = JournalFacts()
    codes = q.tenant_codes()
    wanted = {a.seq for a in anchors}
    found: dict[int, str] = {}
    numbered = q.counters().get("journal", 0)
    rows = stream.journal_from(scope.since_seq) if scope.since_seq else q.journal_rows()
    dated, staff = scope.since_time, q.staff_numbers()
    if scope.since_seq:
        previous, expected_seq = _start_at(stream, scope.since_seq, rows, facts, found, report)
        found.update({s: h for s in wanted if s < scope.since_seq and (h := stream.row_hash_at(s))})
    for row in rows:
        report.journal_rows += 1
        unreadable = unreadable_field(row)
        if unreadable:
            report.add(unreadable)
            broken = True  # its hash cannot hold; later rows cannot be judged against it
            previous = str(row["hash"])
            expected_seq = row["seq"] + 1 if isinstance(row["seq"], int) else expected_seq + 1
            continue
        details = details_of(row)
        facts.gaps.note(row, details)
        declared = row["seq"] != expected_seq and journal_jump_declared(row, details, expected_seq)
        if declared:  # a restore's jump, declared by the row after it: still linked and hashed
            _declared_jump(row, details, expected_seq, facts, report)
        for lost in lost_at_start(row, details, codes):
            report.add(lost)
        _time_step(row, details, dated, staff, report)
        dated = row["created_at"]
        if not broken:
            problem = _row_problem(row, row["seq"] if declared else expected_seq, previous)
            if problem:
                report.add(problem)
                broken = True  # later rows cannot be judged against a broken link
        previous, expected_seq = row["hash"], row["seq"] + 1
        if row["seq"] in wanted:
            found[row["seq"]] = row["hash"]
        _gather(row, facts)
        if progress and report.journal_rows % (10 * verify_receipts.EVERY) == 0:
            progress("journal rows", report.journal_rows, numbered - scope.since_seq)
    report.head = (expected_seq - 1, previous)
    if numbered > report.head[0]:
        gone, end = missing(report.head[0] + 1, numbered), report.head[0]
        report.add(
            Finding(
                f"journal row {gone} (the journal ends at row {end}, row {numbered} was written)",
                f"journalrad {nb(gone)} (journalen slutter på rad {end}, rad {numbered} ble "
                "skrevet)",
            )
        )
    _check_anchors(anchors, found, facts.journal_skips, report)
    return facts


def _start_at(
    stream: VerificationStream,
    seq: int,
    rows: Iterator[dict[str, Any]],
    facts: JournalFacts,
    found: dict[int, str],
    report: VerificationReport,
) -> tuple[str, int]:
    """From an anchor: its row (whose hash the anchor check compares) is where the chain is
    taken up; the numbers skipped that rows before it declared still hold."""
    facts.gaps.earlier = lambda: stream.gap_declarations_before(seq)
    first = next(rows, None)
    if first is None or first["seq"] != seq:
        return GENESIS_HASH, seq  # the anchor check names the missing row
    report.journal_rows += 1
    found[seq] = first["hash"]
    return first["hash"], seq + 1


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


def _time_step(
    row: Mapping[str, Any],
    details: Mapping[str, Any],
    before: str,
    staff: Mapping[str, str],
    report: VerificationReport,
) -> None:
    """Time only moves forward, except at a manager's declaration that the rows before it were
    stamped ahead (``pos/services/records_ahead.py``): said, not a fault."""
    if not before or row["created_at"] >= before:
        return
    seq, earlier, later = row["seq"], _local(before), _local(row["created_at"])
    if details.get("kind") == OtherEvent.CLOCK_AHEAD_DECLARED:
        who = staff.get(row["staff_id"] or "", row["staff_id"] or "-")
        report.declared.append(
            Finding(
                f"journal row {seq}: the time steps back from {earlier} to {later} (records "
                f"stamped ahead, declared by manager {who})",
                f"journalrad {seq}: tiden går tilbake fra {earlier} til {later} (registreringer "
                f"stemplet for langt fram, erklært av leder {who})",
            )
        )
    else:
        report.add(
            Finding(
                f"journal row {seq}: the time steps back from {earlier} to {later} with no "
                "declared clock correction",
                f"journalrad {seq}: tiden går tilbake fra {earlier} til {later} uten en erklært "
                "klokkekorreksjon",
            )
        )


def _local(utc_iso: str) -> str:
    return local_text(utc_iso, "%d.%m.%Y %H:%M:%S")


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
                Finding(
                    f"the anchor {anchor.text}{where} was taken at journal row {anchor.seq}, one "
                    f"of the rows missing from the store when the counter started (journal row "
                    f"{skipped[0][2]})",
                    f"ankeret {anchor.text}{where} ble tatt ved journalrad {anchor.seq}, en av "
                    f"radene som manglet i databasen da kassen startet (journalrad "
                    f"{skipped[0][2]})",
                )
            )
        else:
            _check_anchor(anchor, found.get(anchor.seq), report)


def unreadable_field(row: Mapping[str, Any]) -> Finding | None:
    """The first field of a journal row that damage left unreadable, named with its row."""
    for name, readable in _READABLE.items():
        value = row[name]
        try:
            readable(value)
        except (TypeError, ValueError, AttributeError):
            shown = repr(value)[:40]
            return Finding(
                f"journal row {row['seq']}: the field {name} cannot be read ({shown}): the "
                "database is damaged",
                f"journalrad {row['seq']}: feltet {name} kan ikke leses ({shown}): databasen "
                "er skadet",
            )
    return None


def _iso_time(value: str) -> None:
    datetime.fromisoformat(value.replace("Z", "+00:00"))


def _json(value: str) -> None:
    if value:
        json.loads(value)


def _hex64(value: str) -> None:
    if len(value) != 64:
        raise ValueError(value)
    int(value, 16)


_READABLE: dict[str, Callable[[Any], object]] = {
    "seq": int,
    "event_code": int,
    "created_at": _iso_time,
    "local_date": date.fromisoformat,
    "details": _json,
    "prev_hash": _hex64,
    "hash": _hex64,
}


def _row_problem(row: Mapping[str, Any], expected_seq: int, previous: str) -> str | None:
    seq = row["seq"]
    if seq != expected_seq:
        return Finding(
            f"journal row {expected_seq} is missing (found {seq} next)",
            f"journalrad {expected_seq} mangler (fant {seq} som neste)",
        )
    if row["prev_hash"] != previous:
        return Finding(
            f"journal row {seq}: link to the previous row is broken",
            f"journalrad {seq}: lenken til forrige rad er brutt",
        )
    if row_hash(row["prev_hash"], row) != row["hash"]:
        return Finding(
            f"journal row {seq}: contents do not match its hash",
            f"journalrad {seq}: innholdet stemmer ikke med hashen",
        )
    return None


def _gather(row: dict[str, Any], facts: JournalFacts) -> None:
    code, ref = row["event_code"], row["ref_id"]
    if ref and '"digest"' in row["details"]:
        return  # a receipt's row: read with the receipt (``verify_receipts``)
    if ref and (code == EventCode.COPY_RECEIPT or _training_copy(code, row["details"])):
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
        gone = missing(last + 1, anchor.seq)
        report.add(
            Finding(
                f"the journal ends at row {last}, but the anchor {anchor.text}{where} was taken "
                f"at row {anchor.seq}: row {gone}",
                f"journalen slutter på rad {last}, men ankeret {anchor.text}{where} ble tatt ved "
                f"rad {anchor.seq}: rad {nb(gone)}",
            )
        )
    elif found_hash is None or not anchor.matches(found_hash):
        report.add(
            Finding(
                f"journal row {anchor.seq} is not the row anchored as {anchor.text}{where}: "
                "the journal up to it was rewritten",
                f"journalrad {anchor.seq} er ikke raden som ble forankret som "
                f"{anchor.text}{where}: journalen fram til den er skrevet om",
            )
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
    q: VerificationQueries,
    journaled: dict[str, dict[str, Any]],
    report: VerificationReport,
    since_time: str = "",
) -> None:
    stored = {k: c for k, c in q.copies().items() if c["created_at"] >= since_time}
    for receipt_id, row in journaled.items():
        details = json.loads(row["details"])
        copy = stored.get(receipt_id)
        number = details.get("number", receipt_id)
        if copy is None:
            report.add(
                Finding(
                    f"copy receipt of {number} (journal row {row['seq']}) is missing from the "
                    "copies",
                    f"kopien av {number} (journalrad {row['seq']}) mangler blant kopiene",
                )
            )
        elif copy["number"] != details.get("copy_number") or copy["staff_id"] != row["staff_id"]:
            report.add(
                Finding(
                    f"copy receipt of {number}: number or operator differ from journal row "
                    f"{row['seq']}",
                    f"kopien av {number}: nummer eller operatør avviker fra journalrad "
                    f"{row['seq']}",
                )
            )
    for receipt_id, copy in stored.items():
        if receipt_id not in journaled:
            number = copy["number_text"] or receipt_id
            report.add(
                Finding(
                    f"copy receipt of {number} was never journaled",
                    f"kopien av {number} ble aldri journalført",
                )
            )


def z_content_matches(row: Mapping[str, Any], stored_content: str) -> bool:
    """Whether a stored Z report is, byte for byte, what its journal row holds."""
    return canonical_json(json.loads(row["details"])) == stored_content
