"""The canonical content of a receipt whose SHA-256 goes into its journal row.

Built the same way when a sale is recorded and when ``verify-journal`` re-reads the rows, so a
fact changed behind the till's back no longer matches. Version 2 (``FACTS_VERSION``) covers
every fact a report, a settlement or the SAF-T file reads from a receipt: the operator and the
approver, each line's article group, and each payment's means, terminal reference and credit
note, besides the numbers. Version 1 (lines and payment amounts only) is what receipts recorded
before it carry; those are covered by the seal journaled when the counter was upgraded
(``pos.services.facts_seal``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pos.journal import content_digest

FACTS_VERSION = 2

_V1_LINE = ("line_no", "item_id", "description", "qty", "unit_price", "discount", "amount",
            "vat_class", "vat_amount")  # fmt: skip
_V2_LINE = (*_V1_LINE, "catalogue_price", "discount_reason", "article_group_id",
            "original_line_id")  # fmt: skip
_V2_RECEIPT = ("number_text", "tenant_id", "register_id", "kind", "total", "total_ex_vat",
               "rounding", "original_receipt_id", "sig_nr", "sig_method", "key_version",
               "local_date", "local_time")  # fmt: skip
_V2_PAYMENT = ("tender_id", "amount", "kind", "reference", "credit_note_id", "tender_amount",
               "tendered")  # fmt: skip
_V2_SALE = ("id", "kind", "staff_id", "approved_by", "training")


def content_v1(
    receipt: Mapping[str, Any],
    lines: Sequence[Mapping[str, Any]],
    payments: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    return {
        "number": receipt["number_text"],
        "tenant": receipt["tenant_id"],
        "kind": receipt["kind"],
        "total": receipt["total"],
        "total_ex_vat": receipt["total_ex_vat"],
        "rounding": receipt["rounding"],
        "lines": [[ln[f] for f in _V1_LINE] for ln in _by_line_no(lines)],
        "payments": sorted([p["tender_id"], p["amount"]] for p in payments),
    }


PART_NAMES = {
    "receipt": "number, totals or time",
    "sale": "operator or approver",
    "lines": "lines (items, prices, VAT or article groups)",
    "payments": "payment means, terminal references or amounts paid",
}
"""What each part covers, in the words ``verify-journal`` names a difference with."""
PART_NAMES_NB = {
    "receipt": "nummer, beløp eller tid",
    "sale": "operatør eller godkjenner",
    "lines": "linjer (varer, priser, mva. eller varegrupper)",
    "payments": "betalingsmidler, terminalreferanser eller betalte beløp",
}


def content_v2(
    receipt: Mapping[str, Any],
    sale: Mapping[str, Any],
    lines: Sequence[Mapping[str, Any]],
    payments: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """``payments`` rows carry the receipt's share (``amount``) and their tender's ``kind``,
    ``reference``, ``credit_note_id``, ``tender_amount`` and ``tendered``."""
    return {
        "v": FACTS_VERSION,
        "receipt": {f: receipt[f] for f in _V2_RECEIPT},
        "sale": {f: _plain(sale[f]) for f in _V2_SALE},
        "lines": [[ln[f] for f in _V2_LINE] for ln in _by_line_no(lines)],
        "payments": sorted(([p[f] for f in _V2_PAYMENT] for p in payments), key=str),
    }


PART_HEX = 16
"""Hex digits kept of each part's SHA-256: the part digests only name *which* part differs (the
whole digest beside them proves that nothing does), so 64 bits each are plenty; the full 256
would add about half a kilobyte to every sale's journal rows."""


def part_digests(content: Mapping[str, Any]) -> dict[str, str]:
    """A SHA-256 per part of version-2 content (its first ``PART_HEX`` digits), journaled beside
    the whole digest so a difference can be named (the payments, the operator ...)."""
    return {part: content_digest(content[part])[:PART_HEX] for part in PART_NAMES}


def part_matches(journaled: str | None, digest: str) -> bool:
    """A journaled part digest (cut to ``PART_HEX`` digits, or whole from before) against one
    computed now."""
    return bool(journaled) and digest.startswith(journaled or "")


def digest_fields(content: Mapping[str, Any]) -> dict[str, Any]:
    """What a receipt's journal row carries of its version-2 content: the digest, the version
    and the per-part digests."""
    return {
        "digest": content_digest(content),
        "facts": FACTS_VERSION,
        "parts": part_digests(content),
    }


def with_tender_facts(
    payments: Sequence[Mapping[str, Any]], tenders: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """A receipt's payment rows with the facts of the tender each came from (by tender id), as
    ``content_v2`` takes them."""
    return [
        {
            **p,
            "kind": tenders[p["tender_id"]]["kind"],
            "reference": tenders[p["tender_id"]]["reference"],
            "credit_note_id": tenders[p["tender_id"]]["credit_note_id"],
            "tender_amount": tenders[p["tender_id"]]["amount"],
            "tendered": tenders[p["tender_id"]]["tendered"],
        }
        for p in payments
    ]


def _by_line_no(lines: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(lines, key=lambda ln: ln["line_no"])


def _plain(value: Any) -> Any:
    """SQLite hands booleans back as 0/1: both sides compare the same."""
    return int(value) if isinstance(value, bool) else value
