"""What a restore writes to ``<data dir>/salvage/<time>/`` beside the replaced store (kept as
``omigjen.sqlite3.replaced-<time>``), so nothing signed is left only in a file no one reads:

- ``journal-tail.jsonl``: the replaced store's journal rows after the backup, as far as readable;
- ``receipts.json``: the receipts brought back, those that were not (with why, in bokmål and
  English) and how many signed receipts could not be read at all; the cash moved, drawer
  openings and copies brought back, and each that was not with why;
- ``left-behind.jsonl``: one line per signed sale that could not come back (a repair deposit or
  payment, a sale after a gap in its chain, one that does not fit), with every row it wrote —
  the sale, receipts with their signatures, lines, tenders, payments, credit notes, its journal
  rows and queued events — so the bookkeeper can enter it by hand and an auditor can check it.

Files are 0600 in a 0700 folder, written and flushed before the restore says it is done.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos.adapters.salvage_reader import ReplacedStore, SaleRows
from pos.model.restore_losses import KINDS, after_restore

if TYPE_CHECKING:
    from pos.services.salvage_result import Reason, SalvageResult

SALVAGE_DIR = "salvage"
"""In the data directory: one folder per restore, named by its time."""
LEFT_BEHIND = "left-behind.jsonl"
LISTING = "receipts.json"
JOURNAL_TAIL = "journal-tail.jsonl"


def left_sale_record(rows: SaleRows, whys: dict[str, Reason]) -> dict[str, Any]:
    """A sale left behind as one JSON object: why each receipt stayed, then every row."""
    return {
        "receipts_left": [
            {"receipt": n, "why": why.message("nb"), "why_en": why.message("en")}
            for n, why in whys.items()
        ],
        "sale": rows.sale,
        "receipts": rows.receipts,
        "lines": rows.lines,
        "tenders": rows.tenders,
        "payments": rows.payments,
        "credit_notes": rows.credit_notes,
        "journal": list(rows.journal.values()),
        "outbox": list(rows.outbox.values()),
    }


def export_tail(folder: Path, replaced: ReplacedStore, after_seq: int) -> int:
    """The replaced store's journal rows after ``after_seq``, as far as readable, to
    ``journal-tail.jsonl`` in ``folder``; returns how many."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    rows = list(replaced.journal_tail(after_seq))
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    _write_private(folder / JOURNAL_TAIL, text)
    return len(rows)


def write_listing(folder: Path, result: SalvageResult) -> None:
    """What came back and what did not (``receipts.json``), and every row of the sales left
    behind (``left-behind.jsonl``), beside the journal tail."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    listing = {
        "salvaged": result.salvaged,
        "not_brought_back": [
            {"receipt": n, "why": why.message("nb"), "why_en": why.message("en")}
            for n, why in result.left
        ],
        "queued_for_the_server": result.queued_left,
        "unreadable_signed_receipts": result.unreadable,
        "unreadable_receipt_numbers": result.unreadable_numbers,
        "events_brought_back": [said.message("nb") for said in result.events_salvaged],
        "events_not_brought_back": [
            {"event": said.message("nb"), "why": why.message("nb"), "why_en": why.message("en")}
            for said, why in result.events_left
        ],
        "records_after_backup_may_be_lost": _lost(result.records_lost_since),
    }
    _write_private(folder / LISTING, json.dumps(listing, ensure_ascii=False, indent=1))
    if result.left_sales:
        text = "".join(
            json.dumps(sale, ensure_ascii=False, default=_plain) + "\n"
            for sale in result.left_sales
        )
        _write_private(folder / LEFT_BEHIND, text)
    result.export_dir = folder


def _lost(since: str | None) -> dict[str, Any] | None:
    """From when everything recorded may be lost, and which kinds (None: nothing unread)."""
    if since is None:
        return None
    return {
        "since": since,
        "kinds": list(KINDS),
        "said": after_restore(since, "nb"),
        "said_en": after_restore(since, "en"),
    }


def _plain(value: object) -> object:
    """Bytes (a blob column) as hex; anything else JSON cannot take, as text."""
    return value.hex() if isinstance(value, bytes | bytearray) else str(value)


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
